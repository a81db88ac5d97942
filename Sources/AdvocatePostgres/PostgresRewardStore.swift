import AdvocateCodec
import AdvocateStorage
import Foundation
import Logging
import PostgresNIO

/// The reward ledger on PostgreSQL, with the same semantics as `SQLiteRewardStore`.
///
/// Every writing transaction first locks the `reward.writer` row, so the transactions of all reward processes
/// that decide or change the ledger run one after another, as under SQLite's single writer: a decision sees
/// every earlier commit of per-recipient caps, velocity, referral counts and budgets, and nothing is decided
/// from a row another transaction is about to change. Within it, a rule's budget row is read `FOR UPDATE`
/// (created first when missing) and a reviewed entry's row is locked before its status is checked. The
/// ledger's primary key is the idempotency key and coupon codes are unique, so nothing is granted twice.
public final class PostgresRewardStore: RewardStore {
    private let session: PostgresSession
    /// Whether issued and reversed entries are queued for the webhook.
    let notifies: Bool

    /// Connects to `url` and creates or upgrades the `reward` schema.
    /// - Parameter notifies: queue webhook notifications in the same transaction as the entries.
    public init(url: DatabaseURL, notifies: Bool = false, logger: Logger? = nil) throws {
        session = PostgresSession(url: url, logger: logger ?? Logger(label: "advocate.postgres.reward"))
        self.notifies = notifies
        try RewardTables.schema.prepare(session)
    }

    /// Runs `body` in a transaction that holds the writer lock from its first statement.
    private func writing<T>(_ body: (PostgresTransaction) throws -> T) throws -> T {
        try session.transaction { transaction in
            try RewardTables.lockWriter(transaction)
            return try body(transaction)
        }
    }

    private func reading<T>(_ body: (PostgresTransaction) throws -> T) throws -> T {
        try session.transaction(readOnly: true, body)
    }

    public func record(
        _ candidates: [RewardCandidate],
        decide: (RewardCandidate, any LedgerReading) throws -> RewardDecision
    ) throws -> [LedgerEntry] {
        try writing { transaction in
            let reader = PostgresLedgerReader(transaction: transaction)
            var added: [LedgerEntry] = []
            for candidate in candidates {
                let fresh = try transaction.changes(
                    """
                    INSERT INTO reward.received (id, kind, customer, trigger, at, referrer, order_id)
                    VALUES (\(candidate.id), \(candidate.kind.rawValue), \(candidate.customer), \(candidate.trigger), \
                    \(candidate.at.microseconds), \(candidate.referrer), \(candidate.order)) ON CONFLICT DO NOTHING
                    """
                )
                guard fresh == 1 else { continue }
                let decision = try decide(candidate, reader)
                try transaction.query(
                    "UPDATE reward.received SET explanation = \(decision.explanation) WHERE id = \(candidate.id)"
                )
                for entry in decision.entries where try insert(entry, transaction) {
                    added.append(entry)
                }
            }
            return added
        }
    }

    /// Inserts `entry` unless its key (or its coupon code) is taken; books it against its budget, reverses what
    /// it reverses, and queues its notification. Returns whether it was new.
    private func insert(_ entry: LedgerEntry, _ transaction: PostgresTransaction) throws -> Bool {
        let inserted = try transaction.changes(
            """
            INSERT INTO reward.ledger (\(unescaped: RewardTables.ledgerColumns))
            VALUES (\(entry.id), \(entry.customer), \(entry.rule), \(entry.kind), \(entry.value.units), \
            \(entry.status.rawValue), \(entry.reason), \(entry.trigger), \(entry.candidate), \
            \(entry.at.microseconds), \(entry.ruleVersion), \(entry.code), \(entry.reverses), \(entry.subject), \
            \(entry.order), \(entry.clawbackUntil?.microseconds)) ON CONFLICT DO NOTHING
            """
        )
        guard inserted == 1 else { return false }
        if let reversed = entry.reverses {
            guard let original = try RewardTables.entry(id: reversed, forUpdate: true, transaction) else {
                throw StorageError(.corrupt("reversal \(entry.id) of missing entry \(reversed)"))
            }
            if original.status == .issued || original.status == .held {
                try transaction.query(
                    """
                    UPDATE reward.ledger SET status = 'reversed', reason = reason || \("; reversed: " + entry.reason)
                    WHERE id = \(reversed)
                    """
                )
                try book(original, sign: -1, transaction)
            }
            try notify(entry.id, event: "reversed", transaction)
        } else if entry.status == .issued || entry.status == .held {
            try book(entry, sign: 1, transaction)
            if entry.status == .issued { try notify(entry.id, event: "issued", transaction) }
        }
        return true
    }

    /// Adds (or gives back) an entry's value and count to its rule's budget row.
    private func book(_ entry: LedgerEntry, sign: Int64, _ transaction: PostgresTransaction) throws {
        try transaction.query(
            """
            INSERT INTO reward.budgets (rule, spent_value, spent_count)
            VALUES (\(entry.rule), \(sign * entry.value.units), \(sign))
            ON CONFLICT (rule) DO UPDATE SET spent_value = reward.budgets.spent_value + excluded.spent_value,
                spent_count = reward.budgets.spent_count + excluded.spent_count
            """
        )
    }

    private func notify(_ key: String, event: String, _ transaction: PostgresTransaction) throws {
        guard notifies else { return }
        let now = Self.wallClock.microseconds
        try transaction.query(
            """
            INSERT INTO reward.notifications (key, event, due, at) VALUES (\(key), \(event), \(now), \(now))
            ON CONFLICT DO NOTHING
            """
        )
    }

    /// Notifications and dead letters are stamped with the wall clock (not event time): they are about delivery.
    static var wallClock: Timestamp { Timestamp(microseconds: Int64(Date().timeIntervalSince1970 * 1_000_000)) }

    public func entries(customer: String?, limit: Int) throws -> [LedgerEntry] {
        try reading { try RewardTables.entries(customer: customer, limit: limit, $0) }
    }

    public func entry(id: String) throws -> LedgerEntry? {
        try reading { try RewardTables.entry(id: id, $0) }
    }

    public func review(id: String, approve: Bool, code: String?, note: String) throws -> LedgerEntry {
        try writing { transaction in
            guard let entry = try RewardTables.entry(id: id, forUpdate: true, transaction) else {
                throw RewardStoreError(.notFound(id: id))
            }
            guard entry.status == .held else { throw RewardStoreError(.notHeld(id: id, status: entry.status.rawValue)) }
            if approve {
                try transaction.query(
                    """
                    UPDATE reward.ledger SET status = 'issued', code = \(code), reason = reason || \("; approved: " + note)
                    WHERE id = \(id)
                    """
                )
                try notify(id, event: "issued", transaction)
            } else {
                try transaction.query(
                    """
                    UPDATE reward.ledger SET status = 'rejected', reason = reason || \("; rejected: " + note)
                    WHERE id = \(id)
                    """
                )
                try book(entry, sign: -1, transaction)
            }
            guard let updated = try RewardTables.entry(id: id, transaction) else {
                throw RewardStoreError(.notFound(id: id))
            }
            return updated
        }
    }

    public func setBudgets(_ limits: [BudgetLimit]) throws {
        try writing { transaction in
            try transaction.query("UPDATE reward.budgets SET limit_value = NULL, limit_count = NULL")
            for limit in limits {
                try transaction.query(
                    """
                    INSERT INTO reward.budgets (rule, limit_value, limit_count)
                    VALUES (\(limit.rule), \(limit.value?.units), \(limit.count.map { Int64($0) }))
                    ON CONFLICT (rule) DO UPDATE SET limit_value = excluded.limit_value,
                        limit_count = excluded.limit_count
                    """
                )
            }
        }
    }

    public func budgets() throws -> [BudgetStatus] {
        try reading { try RewardTables.budgets($0) }
    }

    public func coupon(code: String) throws -> LedgerEntry? {
        try reading { try RewardTables.coupon(code: code, $0) }
    }

    public func explanations(customer: String, limit: Int) throws -> [CandidateExplanation] {
        try reading { try RewardTables.explanations(customer: customer, limit: limit, $0) }
    }

    public func dueNotifications(now: Timestamp, limit: Int) throws -> [RewardNotification] {
        try reading { transaction in
            try transaction.rows(
                """
                SELECT \(unescaped: RewardTables.notificationColumns) FROM reward.notifications
                WHERE due <= \(now.microseconds) ORDER BY due, id LIMIT \(Int64(limit))
                """,
                RewardTables.notification
            )
        }
    }

    public func delivered(notification id: Int64) throws {
        try session.transaction { transaction in
            try transaction.query("DELETE FROM reward.notifications WHERE id = \(id)")
        }
    }

    public func failed(notification id: Int64, error: String, retryAt: Timestamp?) throws {
        try session.transaction { transaction in
            let message = String(error.prefix(500))
            if let retryAt {
                try transaction.query(
                    """
                    UPDATE reward.notifications SET attempts = attempts + 1, due = \(retryAt.microseconds),
                        last_error = \(message) WHERE id = \(id)
                    """
                )
            } else {
                try transaction.query(
                    """
                    INSERT INTO reward.dead_letters (id, key, event, attempts, last_error, at)
                    SELECT id, key, event, attempts + 1, \(message), \(Self.wallClock.microseconds)
                    FROM reward.notifications WHERE id = \(id) ON CONFLICT DO NOTHING
                    """
                )
                try transaction.query("DELETE FROM reward.notifications WHERE id = \(id)")
            }
        }
    }

    public func deadLetters(limit: Int) throws -> [RewardNotification] {
        try reading { try RewardTables.deadLetters(limit: limit, $0) }
    }
}
