import AdvocateCodec
import AdvocateStorage
import PostgresNIO

/// Ledger look-ups inside the recording transaction, which holds the writer lock: under READ COMMITTED each
/// statement sees every transaction committed before it, and none that could change these rows runs meanwhile.
struct PostgresLedgerReader: LedgerReading {
    let transaction: PostgresTransaction

    func count(rule: String, customer: String, since: Timestamp) throws -> Int {
        let n = try transaction.rows(
            """
            SELECT COUNT(*) FROM reward.ledger WHERE rule = \(rule) AND customer = \(customer)
            AND at >= \(since.microseconds) AND status IN ('issued', 'held')
            """
        ) { try $0.decode(Int64.self) }.first
        return Int(n ?? 0)
    }

    /// Locks the rule's budget row until the transaction ends, so the decision and the booking that follows it
    /// see one value. A rule with no row yet (no limit set, nothing spent) has nothing to lock; the writer lock
    /// orders its first booking. The row is not created here, so `budgets()` lists the same rules as on SQLite.
    func spent(rule: String) throws -> (value: Money, count: Int) {
        let row = try transaction.rows(
            "SELECT spent_value, spent_count FROM reward.budgets WHERE rule = \(rule) FOR UPDATE"
        ) { try $0.decode((Int64, Int64).self) }.first
        return (Money(units: row?.0 ?? 0), Int(row?.1 ?? 0))
    }

    func referralsConverted(referrer: String, from: Timestamp, until: Timestamp) throws -> Int {
        let n = try transaction.rows(
            """
            SELECT COUNT(*) FROM reward.received WHERE referrer = \(referrer) AND kind = 'referral_converted'
            AND at >= \(from.microseconds) AND at < \(until.microseconds)
            """
        ) { try $0.decode(Int64.self) }.first
        return Int(n ?? 0)
    }

    func refund(customer: String, order: String) throws -> ReceivedRefund? {
        try transaction.rows(
            """
            SELECT id, trigger, at FROM reward.received
            WHERE customer = \(customer) AND kind = 'order_refunded' AND order_id = \(order)
            ORDER BY at, id LIMIT 1
            """
        ) { row in
            let (id, trigger, at) = try row.decode((String, String, Int64).self)
            return ReceivedRefund(candidate: id, trigger: trigger, at: Timestamp(microseconds: at))
        }.first
    }

    func grants(subject customer: String, order: String) throws -> [LedgerEntry] {
        try transaction.rows(
            """
            SELECT \(unescaped: RewardTables.ledgerColumns) FROM reward.ledger
            WHERE subject = \(customer) AND order_id = \(order) AND reverses IS NULL ORDER BY at, id
            """,
            RewardTables.entry
        )
    }
}
