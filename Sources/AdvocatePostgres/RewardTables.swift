import AdvocateCodec
import AdvocateStorage
import PostgresNIO

/// The reward ledger's tables in schema `reward`, the same as the SQLite ledger's, plus `writer`: one row
/// that every recording transaction locks first, so reward processes decide one after another and each
/// decision (caps, budgets) sees every earlier commit, as under SQLite's single writer.
enum RewardTables {
    static let schema = PostgresSchema(
        name: "reward",
        migrations: [
            [
                """
                CREATE TABLE reward.received (
                    id TEXT PRIMARY KEY, kind TEXT NOT NULL, customer TEXT NOT NULL, trigger TEXT NOT NULL,
                    at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE reward.ledger (
                    id TEXT PRIMARY KEY, customer TEXT NOT NULL, rule TEXT NOT NULL, kind TEXT NOT NULL,
                    value BIGINT NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL, trigger TEXT NOT NULL,
                    candidate TEXT NOT NULL, at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX ledger_by_customer ON reward.ledger (customer, rule, at)",
                "CREATE INDEX ledger_by_rule ON reward.ledger (rule)",
                "CREATE TABLE reward.writer (id BIGINT PRIMARY KEY)",
                "INSERT INTO reward.writer (id) VALUES (1)",
            ]
        ]
    )

    /// Waits for and takes the writer lock until the transaction ends. Every transaction that decides from
    /// what the ledger holds (caps, budgets) must take it before its first read.
    static func lockWriter(_ transaction: PostgresTransaction) throws {
        try transaction.query("SELECT id FROM reward.writer WHERE id = 1 FOR UPDATE")
    }

    /// The ledger's columns in the order `entry(_:)` decodes them.
    static let ledgerColumns = "id, customer, rule, kind, value, status, reason, trigger, candidate, at"

    static func entry(_ row: PostgresRow) throws -> LedgerEntry {
        let (id, customer, rule, kind, value, statusText, reason, trigger, candidate, at) = try row.decode(
            (String, String, String, String, Int64, String, String, String, String, Int64).self
        )
        guard let status = LedgerEntry.Status(rawValue: statusText) else {
            throw StorageError(.corrupt("ledger entry \(id) has status \(statusText)"))
        }
        return LedgerEntry(
            id: id, customer: customer, rule: rule, kind: kind, value: Money(units: value), status: status,
            reason: reason, trigger: trigger, candidate: candidate, at: Timestamp(microseconds: at)
        )
    }

    /// Ledger entries of one customer or all, oldest first.
    static func entries(customer: String?, limit: Int, _ transaction: PostgresTransaction) throws -> [LedgerEntry] {
        if let customer {
            return try transaction.rows(
                """
                SELECT \(unescaped: ledgerColumns) FROM reward.ledger WHERE customer = \(customer)
                ORDER BY at, id LIMIT \(Int64(limit))
                """,
                entry
            )
        }
        return try transaction.rows(
            "SELECT \(unescaped: ledgerColumns) FROM reward.ledger ORDER BY at, id LIMIT \(Int64(limit))", entry
        )
    }
}
