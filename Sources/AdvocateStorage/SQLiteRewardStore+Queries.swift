import AdvocateCodec
import GRDB

/// The ledger's read queries, shared by the store and the report's read-only view of the same file.
extension SQLiteRewardStore {
    static func entries(customer: String?, limit: Int, db: Database) throws -> [LedgerEntry] {
        let rows: [Row]
        if let customer {
            rows = try Row.fetchAll(
                db, sql: "SELECT * FROM ledger WHERE customer = ? ORDER BY at, id LIMIT ?",
                arguments: [customer, limit]
            )
        } else {
            rows = try Row.fetchAll(db, sql: "SELECT * FROM ledger ORDER BY at, id LIMIT ?", arguments: [limit])
        }
        return try rows.map(entry)
    }

    static func entry(id: String, db: Database) throws -> LedgerEntry? {
        try Row.fetchOne(db, sql: "SELECT * FROM ledger WHERE id = ?", arguments: [id]).map(entry)
    }

    static func coupon(code: String, db: Database) throws -> LedgerEntry? {
        try Row.fetchOne(db, sql: "SELECT * FROM ledger WHERE code = ?", arguments: [code]).map(entry)
    }

    static func budgets(db: Database) throws -> [BudgetStatus] {
        try Row.fetchAll(db, sql: "SELECT * FROM budgets ORDER BY rule").map { row in
            BudgetStatus(
                rule: row["rule"], limitValue: (row["limit_value"] as Int64?).map { Money(units: $0) },
                limitCount: row["limit_count"], spentValue: Money(units: row["spent_value"]),
                spentCount: row["spent_count"]
            )
        }
    }

    static func explanations(customer: String, limit: Int, db: Database) throws -> [CandidateExplanation] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM received WHERE customer = ? OR referrer = ? ORDER BY at, id LIMIT ?
                """,
            arguments: [customer, customer, limit]
        ).map { row in
            CandidateExplanation(
                candidate: row["id"], kind: row["kind"], customer: row["customer"], referrer: row["referrer"],
                trigger: row["trigger"], at: Timestamp(microseconds: row["at"]), explanation: row["explanation"]
            )
        }
    }

    static func deadLetters(limit: Int, db: Database) throws -> [RewardNotification] {
        try Row.fetchAll(db, sql: "SELECT * FROM dead_letters ORDER BY at DESC, id DESC LIMIT ?", arguments: [limit])
            .map(notification)
    }

    static func notification(_ row: Row) -> RewardNotification {
        RewardNotification(
            id: row["id"], key: row["key"], event: row["event"], attempts: row["attempts"],
            lastError: row["last_error"], at: Timestamp(microseconds: row["at"])
        )
    }

    static func entry(_ row: Row) throws -> LedgerEntry {
        let statusText: String = row["status"]
        guard let status = LedgerEntry.Status(rawValue: statusText) else {
            throw StorageError(.corrupt("ledger status \(statusText)"))
        }
        var entry = LedgerEntry(
            id: row["id"], customer: row["customer"], rule: row["rule"], kind: row["kind"],
            value: Money(units: row["value"]), status: status, reason: row["reason"], trigger: row["trigger"],
            candidate: row["candidate"], at: Timestamp(microseconds: row["at"])
        )
        entry.ruleVersion = row["rule_version"] ?? ""
        entry.code = row["code"]
        entry.reverses = row["reverses"]
        entry.subject = row["subject"]
        entry.order = row["order_id"]
        entry.clawbackUntil = (row["clawback_until"] as Int64?).map { Timestamp(microseconds: $0) }
        return entry
    }
}

/// Ledger look-ups inside the recording transaction.
struct SQLiteLedgerReader: LedgerReading {
    let db: Database

    func count(rule: String, customer: String, since: Timestamp) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) FROM ledger WHERE rule = ? AND customer = ? AND at >= ? AND status IN ('issued','held')
                """,
            arguments: [rule, customer, since.microseconds]
        ) ?? 0
    }

    func spent(rule: String) throws -> (value: Money, count: Int) {
        let row = try Row.fetchOne(
            db, sql: "SELECT spent_value, spent_count FROM budgets WHERE rule = ?", arguments: [rule]
        )
        return (Money(units: row?["spent_value"] ?? 0), row?["spent_count"] ?? 0)
    }

    func referralsConverted(referrer: String, from: Timestamp, until: Timestamp) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) FROM received WHERE referrer = ? AND kind = 'referral_converted' AND at >= ? AND at < ?
                """,
            arguments: [referrer, from.microseconds, until.microseconds]
        ) ?? 0
    }

    func refund(customer: String, order: String) throws -> ReceivedRefund? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT id, trigger, at FROM received WHERE customer = ? AND kind = 'order_refunded' AND order_id = ?
                ORDER BY at, id LIMIT 1
                """,
            arguments: [customer, order]
        ).map { row in
            ReceivedRefund(candidate: row["id"], trigger: row["trigger"], at: Timestamp(microseconds: row["at"]))
        }
    }

    func grants(subject customer: String, order: String) throws -> [LedgerEntry] {
        try Row.fetchAll(
            db,
            sql: "SELECT * FROM ledger WHERE subject = ? AND order_id = ? AND reverses IS NULL ORDER BY at, id",
            arguments: [customer, order]
        ).map(SQLiteRewardStore.entry)
    }
}
