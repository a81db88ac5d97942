import AdvocateCodec
import AdvocateStorage
import PostgresNIO

/// The reward ledger's tables in schema `reward`, the same as the SQLite ledger's, plus `writer`: one row
/// that every writing transaction locks first, so reward processes decide one after another and each
/// decision (caps, velocity, budgets) sees every earlier commit, as under SQLite's single writer.
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
            ],
            // Rules, fraud checks, budgets, holds, clawback and the webhook outbox, as on SQLite.
            [
                "ALTER TABLE reward.received ADD COLUMN referrer TEXT",
                "ALTER TABLE reward.received ADD COLUMN order_id TEXT",
                "ALTER TABLE reward.received ADD COLUMN explanation TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE reward.ledger ADD COLUMN rule_version TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE reward.ledger ADD COLUMN code TEXT",
                "ALTER TABLE reward.ledger ADD COLUMN reverses TEXT",
                "ALTER TABLE reward.ledger ADD COLUMN subject TEXT",
                "ALTER TABLE reward.ledger ADD COLUMN order_id TEXT",
                "ALTER TABLE reward.ledger ADD COLUMN clawback_until BIGINT",
                """
                CREATE TABLE reward.budgets (
                    rule TEXT PRIMARY KEY, limit_value BIGINT, limit_count BIGINT,
                    spent_value BIGINT NOT NULL DEFAULT 0, spent_count BIGINT NOT NULL DEFAULT 0
                )
                """,
                // Budgets were not booked before: what earlier entries spent counts from now on.
                """
                INSERT INTO reward.budgets (rule, spent_value, spent_count)
                SELECT rule, SUM(value), COUNT(*) FROM reward.ledger WHERE status IN ('issued', 'held') GROUP BY rule
                """,
                """
                CREATE TABLE reward.notifications (
                    id BIGSERIAL PRIMARY KEY, key TEXT NOT NULL, event TEXT NOT NULL,
                    attempts BIGINT NOT NULL DEFAULT 0, due BIGINT NOT NULL, last_error TEXT, at BIGINT NOT NULL,
                    UNIQUE (key, event)
                )
                """,
                """
                CREATE TABLE reward.dead_letters (
                    id BIGINT PRIMARY KEY, key TEXT NOT NULL, event TEXT NOT NULL, attempts BIGINT NOT NULL,
                    last_error TEXT, at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX received_by_customer ON reward.received (customer, kind)",
                "CREATE INDEX received_by_referrer ON reward.received (referrer, kind, at)",
                "CREATE INDEX ledger_by_order ON reward.ledger (subject, order_id)",
                "CREATE UNIQUE INDEX ledger_codes ON reward.ledger (code) WHERE code IS NOT NULL",
                "CREATE INDEX notifications_by_due ON reward.notifications (due)",
            ],
        ]
    )

    /// Waits for and takes the writer lock until the transaction ends. Every transaction that decides from
    /// what the ledger holds (caps, budgets) must take it before its first read.
    static func lockWriter(_ transaction: PostgresTransaction) throws {
        try transaction.query("SELECT id FROM reward.writer WHERE id = 1 FOR UPDATE")
    }

    /// The ledger's columns in the order `entry(_:)` decodes them.
    static let ledgerColumns = """
        id, customer, rule, kind, value, status, reason, trigger, candidate, at, rule_version, code, reverses, \
        subject, order_id, clawback_until
        """

    static func entry(_ row: PostgresRow) throws -> LedgerEntry {
        let (id, customer, rule, kind, value, statusText, reason, trigger, candidate, at) = try row.decode(
            (String, String, String, String, Int64, String, String, String, String, Int64).self
        )
        guard let status = LedgerEntry.Status(rawValue: statusText) else {
            throw StorageError(.corrupt("ledger entry \(id) has status \(statusText)"))
        }
        var entry = LedgerEntry(
            id: id, customer: customer, rule: rule, kind: kind, value: Money(units: value), status: status,
            reason: reason, trigger: trigger, candidate: candidate, at: Timestamp(microseconds: at)
        )
        let cells = row.makeRandomAccess()
        entry.ruleVersion = try cells["rule_version"].decode(String.self)
        entry.code = try cells["code"].decode(String?.self)
        entry.reverses = try cells["reverses"].decode(String?.self)
        entry.subject = try cells["subject"].decode(String?.self)
        entry.order = try cells["order_id"].decode(String?.self)
        entry.clawbackUntil = try cells["clawback_until"].decode(Int64?.self).map(Timestamp.init(microseconds:))
        return entry
    }

    /// One ledger entry by its idempotency key; `forUpdate` locks its row until the transaction ends.
    static func entry(id: String, forUpdate: Bool = false, _ transaction: PostgresTransaction) throws -> LedgerEntry? {
        try transaction.rows(
            """
            SELECT \(unescaped: ledgerColumns) FROM reward.ledger WHERE id = \(id)
            \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """,
            entry
        ).first
    }

    /// Entries with `status`, oldest first.
    static func entries(
        status: LedgerEntry.Status, limit: Int, _ transaction: PostgresTransaction
    ) throws
        -> [LedgerEntry]
    {
        try transaction.rows(
            """
            SELECT \(unescaped: ledgerColumns) FROM reward.ledger WHERE status = \(status.rawValue)
            ORDER BY at, id LIMIT \(Int64(limit))
            """,
            entry
        )
    }

    static func coupon(code: String, _ transaction: PostgresTransaction) throws -> LedgerEntry? {
        try transaction.rows(
            "SELECT \(unescaped: ledgerColumns) FROM reward.ledger WHERE code = \(code)", entry
        ).first
    }

    static func budgets(_ transaction: PostgresTransaction) throws -> [BudgetStatus] {
        try transaction.rows(
            "SELECT rule, limit_value, limit_count, spent_value, spent_count FROM reward.budgets ORDER BY rule"
        ) { row in
            let (rule, limitValue, limitCount, spentValue, spentCount) = try row.decode(
                (String, Int64?, Int64?, Int64, Int64).self
            )
            return BudgetStatus(
                rule: rule, limitValue: limitValue.map { Money(units: $0) }, limitCount: limitCount.map { Int($0) },
                spentValue: Money(units: spentValue), spentCount: Int(spentCount)
            )
        }
    }

    static func explanations(
        customer: String, limit: Int, _ transaction: PostgresTransaction
    ) throws
        -> [CandidateExplanation]
    {
        try transaction.rows(
            """
            SELECT id, kind, customer, referrer, trigger, at, explanation FROM reward.received
            WHERE customer = \(customer) OR referrer = \(customer) ORDER BY at, id LIMIT \(Int64(limit))
            """
        ) { row in
            let (id, kind, customer, referrer, trigger, at, explanation) = try row.decode(
                (String, String, String, String?, String, Int64, String).self
            )
            return CandidateExplanation(
                candidate: id, kind: kind, customer: customer, referrer: referrer, trigger: trigger,
                at: Timestamp(microseconds: at), explanation: explanation
            )
        }
    }

    static func deadLetters(limit: Int, _ transaction: PostgresTransaction) throws -> [RewardNotification] {
        try transaction.rows(
            """
            SELECT \(unescaped: notificationColumns) FROM reward.dead_letters ORDER BY at DESC, id DESC
            LIMIT \(Int64(limit))
            """,
            notification
        )
    }

    /// The columns `notification(_:)` decodes, in its order (the same in `notifications` and `dead_letters`).
    static let notificationColumns = "id, key, event, attempts, last_error, at"

    static func notification(_ row: PostgresRow) throws -> RewardNotification {
        let (id, key, event, attempts, lastError, at) = try row.decode(
            (Int64, String, String, Int64, String?, Int64).self
        )
        return RewardNotification(
            id: id, key: key, event: event, attempts: Int(attempts), lastError: lastError,
            at: Timestamp(microseconds: at)
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
