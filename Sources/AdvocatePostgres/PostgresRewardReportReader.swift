import AdvocateCodec
import AdvocateStorage
import Logging
import PostgresNIO

/// Reads the reward ledger's schema without writing to it; until the reward stage has created it, everything
/// reads as empty, as `SQLiteRewardReportReader` does before the ledger file exists.
public final class PostgresRewardReportReader: RewardReportReading {
    private let session: PostgresSession

    /// Connects lazily: the first read opens the connection, so report can start before the database is up.
    public init(url: DatabaseURL, logger: Logger? = nil) {
        session = PostgresSession(url: url, logger: logger ?? Logger(label: "advocate.postgres.report"))
    }

    /// Runs `body` in a read-only snapshot once the `reward` schema is at least at the version with budgets.
    private func read<T>(empty: T, _ body: (PostgresTransaction) throws -> T) throws -> T {
        try session.transaction(readOnly: true) { transaction in
            let ready =
                try transaction.rows("SELECT to_regclass('reward.budgets') IS NOT NULL") { try $0.decode(Bool.self) }
                .first ?? false
            return ready ? try body(transaction) : empty
        }
    }

    public func rewards(status: LedgerEntry.Status, limit: Int) throws -> [LedgerEntry] {
        try read(empty: []) { try RewardTables.entries(status: status, limit: limit, $0) }
    }

    public func rewardDetails(customer: String, limit: Int) throws -> [LedgerEntry] {
        try read(empty: []) { try RewardTables.entries(customer: customer, limit: limit, $0) }
    }

    public func rewardExplanations(customer: String, limit: Int) throws -> [CandidateExplanation] {
        try read(empty: []) { try RewardTables.explanations(customer: customer, limit: limit, $0) }
    }

    public func rewardBudgets() throws -> [BudgetStatus] {
        try read(empty: []) { try RewardTables.budgets($0) }
    }

    public func rewardDeadLetters(limit: Int) throws -> [RewardNotification] {
        try read(empty: []) { try RewardTables.deadLetters(limit: limit, $0) }
    }
}
