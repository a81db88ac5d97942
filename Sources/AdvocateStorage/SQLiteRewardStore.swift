import AdvocateCodec
import Foundation
import GRDB

/// The reward ledger on SQLite, fsynced on every commit (it records money). Several reward processes may
/// share the file: every write transaction begins `IMMEDIATE`, taking the write lock before it reads a
/// budget, so two processes can never both spend the last of one.
public final class SQLiteRewardStore: RewardStore {
    let pool: DatabasePool
    let checkpointer: SQLiteCheckpointer
    /// Whether issued and reversed entries are queued for the webhook.
    let notifies: Bool

    /// - Parameter notifies: queue webhook notifications in the same transaction as the entries.
    public init(path: String, notifies: Bool = false) throws {
        pool = try SQLiteDatabase.open(path: path, durability: .power)
        checkpointer = try SQLiteCheckpointer(path: path, durability: .power)
        self.notifies = notifies
        try pool.write { db in
            try db.execute(sql: Self.tables)
            try Self.addMissingColumns(db)
            try db.execute(sql: Self.indexes)
        }
    }

    /// Columns added since the first ledgers were written: a ledger from an earlier version gains them empty.
    static let addedColumns: [(table: String, column: String, definition: String)] = [
        ("received", "referrer", "TEXT"), ("received", "order_id", "TEXT"),
        ("received", "explanation", "TEXT NOT NULL DEFAULT ''"),
        ("ledger", "rule_version", "TEXT NOT NULL DEFAULT ''"), ("ledger", "code", "TEXT"),
        ("ledger", "reverses", "TEXT"), ("ledger", "subject", "TEXT"), ("ledger", "order_id", "TEXT"),
        ("ledger", "clawback_until", "INTEGER"),
    ]

    static func addMissingColumns(_ db: Database) throws {
        let upgrading = try !db.columns(in: "ledger").contains { $0.name == "rule_version" }
        for (table, column, definition) in addedColumns
        where try !db.columns(in: table).contains(where: { $0.name == column }) {
            try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN \(column) \(definition)")
        }
        if upgrading {
            // Budgets were not booked before: what earlier entries spent counts from now on.
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO budgets (rule, spent_value, spent_count)
                    SELECT rule, SUM(value), COUNT(*) FROM ledger WHERE status IN ('issued', 'held') GROUP BY rule
                    """
            )
        }
    }

    static let tables = """
        CREATE TABLE IF NOT EXISTS received (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, customer TEXT NOT NULL, trigger TEXT NOT NULL,
            at INTEGER NOT NULL, referrer TEXT, order_id TEXT, explanation TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE IF NOT EXISTS ledger (
            id TEXT PRIMARY KEY, customer TEXT NOT NULL, rule TEXT NOT NULL, kind TEXT NOT NULL,
            value INTEGER NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL, trigger TEXT NOT NULL,
            candidate TEXT NOT NULL, at INTEGER NOT NULL, rule_version TEXT NOT NULL DEFAULT '', code TEXT,
            reverses TEXT, subject TEXT, order_id TEXT, clawback_until INTEGER
        );
        CREATE TABLE IF NOT EXISTS budgets (
            rule TEXT PRIMARY KEY, limit_value INTEGER, limit_count INTEGER,
            spent_value INTEGER NOT NULL DEFAULT 0, spent_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE IF NOT EXISTS notifications (
            id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, event TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0, due INTEGER NOT NULL, last_error TEXT, at INTEGER NOT NULL,
            UNIQUE (key, event)
        );
        CREATE TABLE IF NOT EXISTS dead_letters (
            id INTEGER PRIMARY KEY, key TEXT NOT NULL, event TEXT NOT NULL, attempts INTEGER NOT NULL,
            last_error TEXT, at INTEGER NOT NULL
        );
        """

    static let indexes = """
        CREATE INDEX IF NOT EXISTS received_by_customer ON received (customer, kind);
        CREATE INDEX IF NOT EXISTS received_by_referrer ON received (referrer, kind, at);
        CREATE INDEX IF NOT EXISTS ledger_by_customer ON ledger (customer, rule, at);
        CREATE INDEX IF NOT EXISTS ledger_by_rule ON ledger (rule);
        CREATE INDEX IF NOT EXISTS ledger_by_order ON ledger (subject, order_id);
        CREATE UNIQUE INDEX IF NOT EXISTS ledger_codes ON ledger (code) WHERE code IS NOT NULL;
        CREATE INDEX IF NOT EXISTS notifications_by_due ON notifications (due);
        """

    /// Notifications and dead letters are stamped with the wall clock (not event time): they are about delivery.
    static var wallClock: Timestamp { Timestamp(microseconds: Int64(Date().timeIntervalSince1970 * 1_000_000)) }

    /// Runs `body` in a transaction that holds the write lock from its first statement.
    func immediate<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let result else { throw StorageError(.corrupt("reward transaction returned nothing")) }
            return result
        }
    }

    public func record(
        _ candidates: [RewardCandidate],
        decide: (RewardCandidate, any LedgerReading) throws -> RewardDecision
    ) throws -> [LedgerEntry] {
        try immediate { db in
            let insertReceived = try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO received (id, kind, customer, trigger, at, referrer, order_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """
            )
            let explain = try db.cachedStatement(sql: "UPDATE received SET explanation = ? WHERE id = ?")
            let reader = SQLiteLedgerReader(db: db)
            var added: [LedgerEntry] = []
            for candidate in candidates {
                try insertReceived.execute(arguments: [
                    candidate.id, candidate.kind.rawValue, candidate.customer, candidate.trigger,
                    candidate.at.microseconds, candidate.referrer, candidate.order,
                ])
                guard db.changesCount == 1 else { continue }
                let decision = try decide(candidate, reader)
                try explain.execute(arguments: [decision.explanation, candidate.id])
                for entry in decision.entries where try insert(entry, db: db) {
                    added.append(entry)
                }
            }
            return added
        }
    }

    /// Inserts `entry` unless its key is taken; books it against its budget, reverses what it reverses, and
    /// queues its notification. Returns whether it was new.
    func insert(_ entry: LedgerEntry, db: Database) throws -> Bool {
        try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO ledger (id, customer, rule, kind, value, status, reason, trigger, candidate, at,
                    rule_version, code, reverses, subject, order_id, clawback_until)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                entry.id, entry.customer, entry.rule, entry.kind, entry.value.units, entry.status.rawValue,
                entry.reason, entry.trigger, entry.candidate, entry.at.microseconds, entry.ruleVersion, entry.code,
                entry.reverses, entry.subject, entry.order, entry.clawbackUntil?.microseconds,
            ]
        )
        guard db.changesCount == 1 else { return false }
        if let reversed = entry.reverses {
            guard let original = try Self.entry(id: reversed, db: db) else {
                throw StorageError(.corrupt("reversal \(entry.id) of missing entry \(reversed)"))
            }
            if original.status == .issued || original.status == .held {
                try db.cachedStatement(sql: "UPDATE ledger SET status = 'reversed', reason = reason || ? WHERE id = ?")
                    .execute(arguments: ["; reversed: " + entry.reason, reversed])
                try book(original, sign: -1, db: db)
            }
            try notify(entry.id, event: "reversed", at: entry.at, db: db)
        } else if entry.status == .issued || entry.status == .held {
            try book(entry, sign: 1, db: db)
            if entry.status == .issued { try notify(entry.id, event: "issued", at: entry.at, db: db) }
        }
        return true
    }

    /// Adds (or gives back) an entry's value and count to its rule's budget row.
    func book(_ entry: LedgerEntry, sign: Int64, db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO budgets (rule) VALUES (?)").execute(arguments: [entry.rule])
        try db.cachedStatement(
            sql: "UPDATE budgets SET spent_value = spent_value + ?, spent_count = spent_count + ? WHERE rule = ?"
        ).execute(arguments: [sign * entry.value.units, sign, entry.rule])
    }

    func notify(_ key: String, event: String, at: Timestamp, db: Database) throws {
        guard notifies else { return }
        let now = Self.wallClock.microseconds
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO notifications (key, event, due, at) VALUES (?, ?, ?, ?)")
            .execute(arguments: [key, event, now, now])
    }

    public func entries(customer: String?, limit: Int) throws -> [LedgerEntry] {
        try pool.read { db in try Self.entries(customer: customer, limit: limit, db: db) }
    }

    public func entry(id: String) throws -> LedgerEntry? {
        try pool.read { db in try Self.entry(id: id, db: db) }
    }

    public func review(id: String, approve: Bool, code: String?, note: String) throws -> LedgerEntry {
        try immediate { db in
            guard let entry = try Self.entry(id: id, db: db) else { throw RewardStoreError(.notFound(id: id)) }
            guard entry.status == .held else { throw RewardStoreError(.notHeld(id: id, status: entry.status.rawValue)) }
            if approve {
                try db.execute(
                    sql: "UPDATE ledger SET status = 'issued', code = ?, reason = reason || ? WHERE id = ?",
                    arguments: [code, "; approved: " + note, id]
                )
                try notify(id, event: "issued", at: entry.at, db: db)
            } else {
                try db.execute(
                    sql: "UPDATE ledger SET status = 'rejected', reason = reason || ? WHERE id = ?",
                    arguments: ["; rejected: " + note, id]
                )
                try book(entry, sign: -1, db: db)
            }
            guard let updated = try Self.entry(id: id, db: db) else { throw RewardStoreError(.notFound(id: id)) }
            return updated
        }
    }

    public func setBudgets(_ limits: [BudgetLimit]) throws {
        try immediate { db in
            try db.execute(sql: "UPDATE budgets SET limit_value = NULL, limit_count = NULL")
            for limit in limits {
                try db.execute(sql: "INSERT OR IGNORE INTO budgets (rule) VALUES (?)", arguments: [limit.rule])
                try db.execute(
                    sql: "UPDATE budgets SET limit_value = ?, limit_count = ? WHERE rule = ?",
                    arguments: [limit.value?.units, limit.count, limit.rule]
                )
            }
        }
    }

    public func budgets() throws -> [BudgetStatus] {
        try pool.read { db in try Self.budgets(db: db) }
    }

    public func coupon(code: String) throws -> LedgerEntry? {
        try pool.read { db in try Self.coupon(code: code, db: db) }
    }

    public func explanations(customer: String, limit: Int) throws -> [CandidateExplanation] {
        try pool.read { db in try Self.explanations(customer: customer, limit: limit, db: db) }
    }

    public func dueNotifications(now: Timestamp, limit: Int) throws -> [RewardNotification] {
        try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM notifications WHERE due <= ? ORDER BY due, id LIMIT ?",
                arguments: [now.microseconds, limit]
            ).map(Self.notification)
        }
    }

    public func delivered(notification id: Int64) throws {
        try immediate { db in
            try db.execute(sql: "DELETE FROM notifications WHERE id = ?", arguments: [id])
        }
    }

    public func failed(notification id: Int64, error: String, retryAt: Timestamp?) throws {
        try immediate { db in
            let message = String(error.prefix(500))
            if let retryAt {
                try db.execute(
                    sql: "UPDATE notifications SET attempts = attempts + 1, due = ?, last_error = ? WHERE id = ?",
                    arguments: [retryAt.microseconds, message, id]
                )
            } else {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO dead_letters (id, key, event, attempts, last_error, at)
                        SELECT id, key, event, attempts + 1, ?, ? FROM notifications WHERE id = ?
                        """,
                    arguments: [message, Self.wallClock.microseconds, id]
                )
                try db.execute(sql: "DELETE FROM notifications WHERE id = ?", arguments: [id])
            }
        }
    }

    public func deadLetters(limit: Int) throws -> [RewardNotification] {
        try pool.read { db in try Self.deadLetters(limit: limit, db: db) }
    }
}
