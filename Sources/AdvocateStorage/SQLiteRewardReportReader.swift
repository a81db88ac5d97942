import AdvocateCodec
import Foundation
import GRDB
import Synchronization

/// Reads the reward ledger of a data directory without writing to it; until the reward stage has created
/// it, everything reads as empty.
public final class SQLiteRewardReportReader: RewardReportReading {
    private let path: String
    private let opened = Mutex<DatabasePool?>(nil)

    public init(directory: DataDirectory) {
        self.path = directory.reward
    }

    private func read<T>(empty: T, _ body: (Database) throws -> T) throws -> T {
        let pool = try opened.withLock { pool -> DatabasePool? in
            if let pool { return pool }
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            pool = try SQLiteDatabase.open(path: path, durability: .process, readonly: true)
            return pool
        }
        guard let pool else { return empty }
        return try pool.read { db in
            do {
                return try body(db)
            } catch let error as DatabaseError where error.message?.contains("no such table") == true {
                return empty
            }
        }
    }

    public func rewards(status: LedgerEntry.Status, limit: Int) throws -> [LedgerEntry] {
        try read(empty: []) { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM ledger WHERE status = ? ORDER BY at, id LIMIT ?",
                arguments: [status.rawValue, limit]
            ).map(SQLiteRewardStore.entry)
        }
    }

    public func rewardDetails(customer: String, limit: Int) throws -> [LedgerEntry] {
        try read(empty: []) { db in try SQLiteRewardStore.entries(customer: customer, limit: limit, db: db) }
    }

    public func rewardExplanations(customer: String, limit: Int) throws -> [CandidateExplanation] {
        try read(empty: []) { db in try SQLiteRewardStore.explanations(customer: customer, limit: limit, db: db) }
    }

    public func rewardBudgets() throws -> [BudgetStatus] {
        try read(empty: []) { db in try SQLiteRewardStore.budgets(db: db) }
    }

    public func rewardDeadLetters(limit: Int) throws -> [RewardNotification] {
        try read(empty: []) { db in try SQLiteRewardStore.deadLetters(limit: limit, db: db) }
    }
}
