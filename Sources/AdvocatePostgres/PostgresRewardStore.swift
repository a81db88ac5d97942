import AdvocateCodec
import AdvocateStorage
import Logging
import PostgresNIO

/// The reward ledger on PostgreSQL. Every `record` first locks the `reward.writer` row, so recording
/// transactions of all reward processes run one after another and a rule's decision sees every earlier
/// commit (caps, budgets); the ledger's primary key is the idempotency key, so nothing is granted twice.
public final class PostgresRewardStore: RewardStore {
    private let session: PostgresSession

    /// Connects to `url` and creates the `reward` schema if needed.
    public init(url: DatabaseURL, logger: Logger? = nil) throws {
        session = PostgresSession(url: url, logger: logger ?? Logger(label: "advocate.postgres.reward"))
        try RewardTables.schema.prepare(session)
    }

    public func record(
        _ candidates: [RewardCandidate],
        decide: (RewardCandidate, any LedgerReading) throws -> [LedgerEntry]
    ) throws -> [LedgerEntry] {
        try session.transaction { transaction in
            try RewardTables.lockWriter(transaction)
            let reader = PostgresLedgerReader(transaction: transaction)
            var added: [LedgerEntry] = []
            for candidate in candidates {
                let fresh = try transaction.changes(
                    """
                    INSERT INTO reward.received (id, kind, customer, trigger, at)
                    VALUES (\(candidate.id), \(candidate.kind.rawValue), \(candidate.customer), \(candidate.trigger), \
                    \(candidate.at.microseconds)) ON CONFLICT DO NOTHING
                    """
                )
                guard fresh == 1 else { continue }
                for entry in try decide(candidate, reader) {
                    let inserted = try transaction.changes(
                        """
                        INSERT INTO reward.ledger (\(unescaped: RewardTables.ledgerColumns))
                        VALUES (\(entry.id), \(entry.customer), \(entry.rule), \(entry.kind), \(entry.value.units), \
                        \(entry.status.rawValue), \(entry.reason), \(entry.trigger), \(entry.candidate), \
                        \(entry.at.microseconds)) ON CONFLICT DO NOTHING
                        """
                    )
                    if inserted == 1 { added.append(entry) }
                }
            }
            return added
        }
    }

    public func entries(customer: String?, limit: Int) throws -> [LedgerEntry] {
        try session.transaction(readOnly: true) { transaction in
            try RewardTables.entries(customer: customer, limit: limit, transaction)
        }
    }
}

/// Ledger look-ups inside the recording transaction (which holds the writer lock).
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

    func spent(rule: String) throws -> (value: Money, count: Int) {
        let row = try transaction.rows(
            """
            SELECT COALESCE(SUM(value), 0)::BIGINT, COUNT(*) FROM reward.ledger
            WHERE rule = \(rule) AND status IN ('issued', 'held')
            """
        ) { try $0.decode((Int64, Int64).self) }.first
        return (Money(units: row?.0 ?? 0), Int(row?.1 ?? 0))
    }
}
