import AdvocatePostgres
import AdvocateStorage
import Foundation

/// The storage backends every store test runs against. PostgreSQL runs when `ADVOCATE_TEST_POSTGRES_URL`
/// names a server (`ops/test` starts one); under CI it must, so there a missing URL fails the test.
public enum TestBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public static let postgresURL = ProcessInfo.processInfo.environment["ADVOCATE_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    public static var isCI: Bool {
        guard let value = ProcessInfo.processInfo.environment["CI"]?.lowercased() else { return false }
        return !["", "0", "false", "no"].contains(value)
    }

    /// SQLite always; PostgreSQL when a server is given, and under CI in any case (where it then fails).
    public static let all: [TestBackend] = postgresURL != nil || isCI ? [.sqlite, .postgres] : [.sqlite]

    public var description: String { rawValue }
}

/// A fresh, empty place for stores of one backend: a temporary directory, or a new PostgreSQL database.
/// `remove()` (deferred by each test) deletes it.
public struct TestStores {
    public let factory: StoreFactory
    private let cleanup: () -> Void

    public init(_ backend: TestBackend) throws {
        switch backend {
        case .sqlite:
            let directory = try TemporaryDirectory(prefix: "advocate-store")
            factory = try StoreFactory(dataDirectory: directory.path, databaseURL: nil)
            cleanup = { directory.remove() }
        case .postgres:
            let database = try TestDatabase()
            factory = try StoreFactory(dataDirectory: "", databaseURL: database.url)
            cleanup = { database.drop() }
        }
    }

    public func remove() { cleanup() }

    public func journal(partitions: UInt32 = 64) throws -> any JournalStore {
        try factory.journal(partitions: partitions, powerSafe: true)
    }

    public func scoreStore() throws -> any ScoreStore { try factory.scoreStore() }
    public func rewardStore(notifies: Bool = false) throws -> any RewardStore {
        try factory.rewardStore(notifies: notifies)
    }
}

/// A new database on the test server, dropped (with any connections still open) by `drop()`.
public struct TestDatabase {
    public let url: String
    private let name: String
    private let server: DatabaseURL

    public init() throws {
        guard let base = TestBackend.postgresURL else { throw MissingPostgres() }
        server = try DatabaseURL(base)
        name = "advocate_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        url = try PostgresDatabases.create(name, on: server).text
    }

    public func drop() {
        try? PostgresDatabases.drop(name, on: server)
    }
}

/// Under CI the PostgreSQL cases must run; a missing server is a failure, not a pass.
public struct MissingPostgres: Error, CustomStringConvertible {
    public var description: String {
        "ADVOCATE_TEST_POSTGRES_URL is not set, so the PostgreSQL storage tests cannot run; "
            + "run them through ops/test, which starts a throwaway server (ops/postgres start)"
    }
}
