import AdvocateCodec
import AdvocateStorage
import Logging

/// Opens the stores a stage needs on the configured backend: SQLite files in the data directory by
/// default, or PostgreSQL when a database URL is given (`--database`, `ADVOCATE_DATABASE_URL`), so that
/// stages on several hosts share one database.
public struct StoreFactory: Sendable {
    /// Where the stores live.
    public enum Backend: Sendable, Hashable {
        case sqlite(DataDirectory)
        case postgres(DatabaseURL)
    }

    public var backend: Backend
    public var logger: Logger

    /// - Parameters:
    ///   - dataDirectory: the SQLite data directory, used when `databaseURL` is nil.
    ///   - databaseURL: a `postgres://` URL; throws `DatabaseURLError` when it cannot be used.
    public init(dataDirectory: String, databaseURL: String?, logger: Logger = Logger(label: "advocate.storage")) throws
    {
        if let databaseURL {
            backend = .postgres(try DatabaseURL(databaseURL))
        } else {
            backend = .sqlite(DataDirectory(path: dataDirectory))
        }
        self.logger = logger
    }

    /// A description of the backend for logs (no password).
    public var location: String {
        switch backend {
        case .sqlite(let directory): "sqlite:\(directory.path)"
        case .postgres(let url): url.description
        }
    }

    /// Ingest's journal.
    /// - Parameters:
    ///   - partitions: used when the journal is created.
    ///   - powerSafe: on SQLite, fsync every commit; PostgreSQL always commits durably (`synchronous_commit`).
    public func journal(partitions: UInt32, powerSafe: Bool) throws -> any JournalStore {
        switch backend {
        case .sqlite(let directory):
            try directory.create()
            return try SQLiteJournalStore(path: directory.journal, partitions: partitions, powerSafe: powerSafe)
        case .postgres(let url):
            return try PostgresJournalStore(url: url, partitions: partitions, logger: logger)
        }
    }

    /// Scoring's store.
    public func scoreStore() throws -> any ScoreStore {
        switch backend {
        case .sqlite(let directory):
            try directory.create()
            return try SQLiteScoreStore(path: directory.score)
        case .postgres(let url):
            return try PostgresScoreStore(url: url, logger: logger)
        }
    }

    /// The reward ledger.
    /// - Parameter notifies: queue webhook notifications of issued and reversed entries with them.
    public func rewardStore(notifies: Bool = false) throws -> any RewardStore {
        switch backend {
        case .sqlite(let directory):
            try directory.create()
            return try SQLiteRewardStore(path: directory.reward, notifies: notifies)
        case .postgres(let url):
            return try PostgresRewardStore(url: url, notifies: notifies, logger: logger)
        }
    }

    /// The report's read-only view of the reward ledger (held rewards, explanations, budgets, dead letters).
    public func rewardReportReader() -> any RewardReportReading {
        switch backend {
        case .sqlite(let directory): SQLiteRewardReportReader(directory: directory)
        case .postgres(let url): PostgresRewardReportReader(url: url, logger: logger)
        }
    }

    /// The report's read-only view over every stage's data.
    public func reportReader() -> any ReportReader {
        switch backend {
        case .sqlite(let directory): SQLiteReportReader(directory: directory)
        case .postgres(let url): PostgresReportReader(url: url, logger: logger)
        }
    }
}
