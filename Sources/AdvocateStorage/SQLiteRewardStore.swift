import AdvocateCodec
import Foundation
import GRDB

/// The reward ledger on SQLite, fsynced on every commit (it records money).
public final class SQLiteRewardStore: RewardStore {
    let pool: DatabasePool

    public init(path: String) throws {
        pool = try SQLiteDatabase.open(path: path, durability: .power)
        try pool.write { db in
            try db.execute(sql: Self.schema)
        }
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS received (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, customer TEXT NOT NULL, trigger TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS ledger (
            id TEXT PRIMARY KEY, customer TEXT NOT NULL, rule TEXT NOT NULL, kind TEXT NOT NULL,
            value INTEGER NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL, trigger TEXT NOT NULL,
            candidate TEXT NOT NULL, at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ledger_by_customer ON ledger (customer, rule, at);
        CREATE INDEX IF NOT EXISTS ledger_by_rule ON ledger (rule);
        """

    public func record(
        _ candidates: [RewardCandidate],
        decide: (RewardCandidate, any LedgerReading) throws -> [LedgerEntry]
    ) throws -> [LedgerEntry] {
        try pool.write { db in
            let insertReceived = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO received (id, kind, customer, trigger, at) VALUES (?, ?, ?, ?, ?)"
            )
            let insertEntry = try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO ledger (id, customer, rule, kind, value, status, reason, trigger,
                        candidate, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            )
            let reader = SQLiteLedgerReader(db: db)
            var added: [LedgerEntry] = []
            for candidate in candidates {
                try insertReceived.execute(arguments: [
                    candidate.id, candidate.kind.rawValue, candidate.customer, candidate.trigger,
                    candidate.at.microseconds,
                ])
                guard db.changesCount == 1 else { continue }
                for entry in try decide(candidate, reader) {
                    try insertEntry.execute(arguments: [
                        entry.id, entry.customer, entry.rule, entry.kind, entry.value.units, entry.status.rawValue,
                        entry.reason, entry.trigger, entry.candidate, entry.at.microseconds,
                    ])
                    if db.changesCount == 1 { added.append(entry) }
                }
            }
            return added
        }
    }

    public func entries(customer: String?, limit: Int) throws -> [LedgerEntry] {
        try pool.read { db in
            let rows: [Row]
            if let customer {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM ledger WHERE customer = ? ORDER BY at, id LIMIT ?",
                    arguments: [customer, limit]
                )
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM ledger ORDER BY at, id LIMIT ?", arguments: [limit])
            }
            return try rows.map(Self.entry)
        }
    }

    static func entry(_ row: Row) throws -> LedgerEntry {
        let statusText: String = row["status"]
        guard let status = LedgerEntry.Status(rawValue: statusText) else {
            throw StorageError(.corrupt("ledger status \(statusText)"))
        }
        return LedgerEntry(
            id: row["id"], customer: row["customer"], rule: row["rule"], kind: row["kind"],
            value: Money(units: row["value"]), status: status, reason: row["reason"], trigger: row["trigger"],
            candidate: row["candidate"], at: Timestamp(microseconds: row["at"])
        )
    }
}

/// Ledger look-ups inside the recording transaction.
struct SQLiteLedgerReader: LedgerReading {
    let db: Database

    func count(rule: String, customer: String, since: Timestamp) throws -> Int {
        try Int.fetchOne(
            db,
            sql:
                "SELECT COUNT(*) FROM ledger WHERE rule = ? AND customer = ? AND at >= ? AND status IN ('issued','held')",
            arguments: [rule, customer, since.microseconds]
        ) ?? 0
    }

    func spent(rule: String) throws -> (value: Money, count: Int) {
        let row = try Row.fetchOne(
            db,
            sql:
                "SELECT COALESCE(SUM(value), 0) AS v, COUNT(*) AS n FROM ledger WHERE rule = ? AND status IN ('issued','held')",
            arguments: [rule]
        )
        return (Money(units: row?["v"] ?? 0), row?["n"] ?? 0)
    }
}
