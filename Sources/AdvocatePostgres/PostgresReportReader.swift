import AdvocateCodec
import AdvocateStorage
import Logging
import NIOCore
import PostgresNIO

/// Reads every stage's schema without writing to it. A schema whose stage has not started yet reads as
/// empty until it appears, as a missing SQLite file does.
public final class PostgresReportReader: ReportReader {
    private let session: PostgresSession

    /// Connects lazily: the first read opens the connection, so report can start before the database is up.
    public init(url: DatabaseURL, logger: Logger? = nil) {
        session = PostgresSession(url: url, logger: logger ?? Logger(label: "advocate.postgres.report"))
    }

    /// Runs `body` in a read-only snapshot when `schema` has been created (its version table exists).
    func read<T>(_ schema: String, empty: T, _ body: (PostgresTransaction) throws -> T) throws -> T {
        try session.transaction(readOnly: true) { transaction in
            let ready =
                try transaction.rows(
                    "SELECT to_regclass(\(schema + ".schema_version")) IS NOT NULL"
                ) { try $0.decode(Bool.self) }.first ?? false
            return ready ? try body(transaction) : empty
        }
    }

    public func summary() throws -> Summary {
        var summary = Summary()
        var heads: [Int64: Int64] = [:]
        try read("journal", empty: ()) { transaction in
            let counts = try JournalTables.counts(transaction)
            summary.accepted = counts.accepted
            summary.rejected = counts.rejected
            heads = try JournalTables.heads(transaction)
        }
        var applied: [Int64: Int64] = [:]
        try read("score", empty: ()) { transaction in
            for (stage, n) in try transaction.rows(
                "SELECT stage, COUNT(*) FROM score.customers GROUP BY stage", { try $0.decode((String, Int64).self) }
            ) {
                summary.customersByStage[stage] = Int(n)
            }
            for (status, n) in try transaction.rows(
                "SELECT status, COUNT(*) FROM score.alerts GROUP BY status", { try $0.decode((String, Int64).self) }
            ) {
                if status == "open" { summary.alertsOpen = Int(n) } else { summary.alertsClosed += Int(n) }
            }
            for (partition, sequence) in try transaction.rows(
                "SELECT partition, seq FROM score.positions", { try $0.decode((Int64, Int64).self) }
            ) {
                applied[partition] = sequence
            }
            summary.outbox = Int(
                try transaction.rows(
                    "SELECT (SELECT COUNT(*) FROM score.outbox) + (SELECT COUNT(*) FROM score.forward_outbox)",
                    { try $0.decode(Int64.self) }
                ).first ?? 0
            )
        }
        summary.pending = heads.reduce(0) { total, head in
            total + UInt64(max(0, head.value - (applied[head.key] ?? 0)))
        }
        try read("reward", empty: ()) { transaction in
            for (rule, n, value) in try transaction.rows(
                """
                SELECT rule, COUNT(*), COALESCE(SUM(value), 0)::BIGINT FROM reward.ledger
                WHERE status = 'issued' GROUP BY rule
                """,
                { try $0.decode((String, Int64, Int64).self) }
            ) {
                summary.rewardsByRule[rule] = Int(n)
                summary.rewardsIssued += Int(n)
                summary.rewardsValue = summary.rewardsValue + Money(units: value)
            }
        }
        return summary
    }

    public func customer(_ id: String) throws -> CustomerRecord? {
        try read("score", empty: nil) { transaction in
            try transaction.rows("SELECT stage, state FROM score.customers WHERE customer = \(id)") { row in
                let (stage, state) = try row.decode((String, ByteBuffer).self)
                return CustomerRecord(id: id, stage: stage, state: Array(state.readableBytesView))
            }.first
        }
    }

    public func alerts(customer: String?, status: String?, limit: Int) throws -> [AlertRow] {
        try read("score", empty: []) { transaction in
            // A NULL filter matches every row, so one statement serves all four combinations.
            try transaction.rows(
                """
                SELECT \(unescaped: ScoreTables.alertColumns) FROM score.alerts
                WHERE (\(customer)::TEXT IS NULL OR customer = \(customer))
                AND (\(status)::TEXT IS NULL OR status = \(status))
                ORDER BY opened_at, id LIMIT \(Int64(limit))
                """,
                ScoreTables.alert
            )
        }
    }

    public func notices(customer: String) throws -> [NoticeRow] {
        try read("score", empty: []) { transaction in
            try transaction.rows(
                """
                SELECT \(unescaped: ScoreTables.noticeColumns) FROM score.notices WHERE customer = \(customer)
                ORDER BY at, id
                """,
                ScoreTables.notice
            )
        }
    }

    public func surveyScores(kind: String) throws -> [Int: Int] {
        try read("score", empty: [:]) { transaction in
            var counts: [Int: Int] = [:]
            for (score, n) in try transaction.rows(
                "SELECT score, COUNT(*) FROM score.surveys WHERE kind = \(kind) GROUP BY score",
                { try $0.decode((Int64, Int64).self) }
            ) {
                counts[Int(score)] = Int(n)
            }
            return counts
        }
    }

    public func rewards(customer: String?, limit: Int) throws -> [LedgerEntry] {
        try read("reward", empty: []) { transaction in
            try RewardTables.entries(customer: customer, limit: limit, transaction)
        }
    }

    /// Everything derived so far, for exact comparisons between runs (as `SQLiteReportReader.snapshot()`).
    public func snapshot() throws -> StoreSnapshot {
        var snapshot = StoreSnapshot()
        // Work in flight is read first: when nothing is in flight then, nothing changes afterwards, so the
        // tables read next are final. Read last, it could vouch for tables read while work was still landing.
        let summary = try summary()
        snapshot.inFlight = Int(summary.pending) + summary.outbox
        try read("journal", empty: ()) { snapshot.accepted = try JournalTables.counts($0).accepted }
        try read("score", empty: ()) { transaction in
            for (id, stage, state) in try transaction.rows(
                "SELECT customer, stage, state FROM score.customers",
                { try $0.decode((String, String, ByteBuffer).self) }
            ) {
                snapshot.customers[id] = CustomerRecord(id: id, stage: stage, state: Array(state.readableBytesView))
            }
            for (id, kind, customer) in try transaction.rows(
                "SELECT id, kind, customer FROM score.candidates", { try $0.decode((String, String, String).self) }
            ) {
                snapshot.candidates.insert(id)
                if kind == "became_advocate" { snapshot.advocates[customer, default: 0] += 1 }
            }
            for (id, status, seconds) in try transaction.rows(
                "SELECT id, status, response_seconds FROM score.alerts",
                { try $0.decode((String, String, Int64?).self) }
            ) {
                snapshot.alerts[id] = "\(status)/\(seconds.map(String.init) ?? "-")"
            }
            snapshot.notices = Set(try transaction.rows("SELECT id FROM score.notices") { try $0.decode(String.self) })
        }
        try read("reward", empty: ()) { transaction in
            for (id, kind, customer) in try transaction.rows(
                "SELECT id, kind, customer FROM reward.received", { try $0.decode((String, String, String).self) }
            ) {
                snapshot.received.insert(id)
                if kind == "became_advocate" { snapshot.advocatesReceived[customer, default: 0] += 1 }
            }
            for (id, status, value) in try transaction.rows(
                "SELECT id, status, value FROM reward.ledger", { try $0.decode((String, String, Int64).self) }
            ) {
                snapshot.ledger[id] = "\(status)/\(value)"
            }
        }
        return snapshot
    }
}
