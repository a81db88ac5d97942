import AdvocateCodec
import AdvocateStorage
import NIOCore
import PostgresNIO

/// The rows behind the report's series and rankings, read as `SQLiteReportReader` reads them: plain SQL, with
/// time buckets and percentiles computed by the report, so that every store answers the same.
extension PostgresReportReader {
    /// Runs `body` when `table` (schema-qualified) exists: a stage of an earlier version may not have made it yet.
    private func read<T>(table: String, empty: T, _ body: (PostgresTransaction) throws -> T) throws -> T {
        let schema = String(table.prefix { $0 != "." })
        return try read(schema, empty: empty) { transaction in
            let exists =
                try transaction.rows("SELECT to_regclass(\(table)) IS NOT NULL") { try $0.decode(Bool.self) }.first
                ?? false
            return exists ? try body(transaction) : empty
        }
    }

    public func surveys(kind: String) throws -> [SurveyRow] {
        try read(table: "score.surveys", empty: []) { transaction in
            try transaction.rows(
                """
                SELECT event, customer, kind, score, at, channel FROM score.surveys WHERE kind = \(kind)
                ORDER BY at, event
                """
            ) { row in
                let (event, customer, kind, score, at, channel) = try row.decode(
                    (String, String, String, Int64, Int64, String?).self
                )
                return SurveyRow(
                    event: event, customer: customer, kind: kind, score: Int(score), at: Timestamp(microseconds: at),
                    channel: channel
                )
            }
        }
    }

    public func customerSegments() throws -> [String: [String]] {
        try read(table: "score.segments", empty: [:]) { transaction in
            var segments: [String: [String]] = [:]
            for (customer, segment) in try transaction.rows(
                "SELECT customer, segment FROM score.segments ORDER BY customer, segment",
                { try $0.decode((String, String).self) }
            ) {
                segments[customer, default: []].append(segment)
            }
            return segments
        }
    }

    public func transitions() throws -> [TransitionRow] {
        try read(table: "score.transitions", empty: []) { transaction in
            try transaction.rows(
                "SELECT customer, event, from_stage, to_stage, at FROM score.transitions ORDER BY at, customer, event"
            ) { row in
                let (customer, event, from, to, at) = try row.decode((String, String, String, String, Int64).self)
                return TransitionRow(
                    customer: customer, from: from, to: to, at: Timestamp(microseconds: at), event: event)
            }
        }
    }

    public func noticesByDisruption() throws -> [DisruptionNotices] {
        try read(table: "score.notices", empty: []) { transaction in
            try transaction.rows(
                """
                SELECT disruption, MIN(what), MIN(at) AS first, COUNT(*) FROM score.notices
                GROUP BY disruption ORDER BY first DESC, disruption
                """
            ) { row in
                let (disruption, what, at, n) = try row.decode((String, String, Int64, Int64).self)
                return DisruptionNotices(
                    disruption: disruption, what: what, at: Timestamp(microseconds: at), notices: Int(n)
                )
            }
        }
    }

    public func topics() throws -> [TopicRow] {
        try read(table: "score.topics", empty: []) { transaction in
            try transaction.rows("SELECT event, customer, topic, at, excerpt FROM score.topics ORDER BY at, event") {
                row in
                let (event, customer, topic, at, excerpt) = try row.decode((String, String, String, Int64, String).self)
                return TopicRow(
                    event: event, customer: customer, topic: topic, at: Timestamp(microseconds: at), excerpt: excerpt
                )
            }
        }
    }

    public func customers(stage: String) throws -> [CustomerRecord] {
        try read(table: "score.customers", empty: []) { transaction in
            try transaction.rows(
                "SELECT customer, stage, state FROM score.customers WHERE stage = \(stage) ORDER BY customer"
            ) { row in
                let (customer, stage, state) = try row.decode((String, String, ByteBuffer).self)
                return CustomerRecord(id: customer, stage: stage, state: Array(state.readableBytesView))
            }
        }
    }

    public func rewardTotals() throws -> [String: RewardTotal] {
        try read(table: "reward.ledger", empty: [:]) { transaction in
            var totals: [String: RewardTotal] = [:]
            for (status, n, value) in try transaction.rows(
                "SELECT status, COUNT(*), COALESCE(SUM(value), 0)::BIGINT FROM reward.ledger GROUP BY status",
                { try $0.decode((String, Int64, Int64).self) }
            ) {
                totals[status] = RewardTotal(count: Int(n), value: Money(units: value))
            }
            return totals
        }
    }

    public func referralCounts() throws -> ReferralCounts {
        var counts = ReferralCounts(sent: 0, converted: 0)
        try read("journal", empty: ()) { transaction in
            counts.sent = try JournalTables.counts(transaction).accepted["referral"] ?? 0
        }
        try read(table: "score.conversions", empty: ()) { transaction in
            counts.converted = Int(
                try transaction.rows("SELECT COUNT(*) FROM score.conversions WHERE referrer IS NOT NULL") {
                    try $0.decode(Int64.self)
                }.first ?? 0
            )
        }
        return counts
    }
}
