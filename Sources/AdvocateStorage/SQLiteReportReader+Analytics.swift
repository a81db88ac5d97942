import AdvocateCodec
import Foundation
import GRDB

/// The rows behind the report's series and rankings. The SQL stays plain (no SQLite-only functions): time
/// buckets and percentiles are computed by the report, so that every store reads the same way.
extension SQLiteReportReader {
    public func surveys(kind: String) throws -> [SurveyRow] {
        try read(directory.score, empty: []) { db in
            try Row.fetchAll(
                db,
                sql: "SELECT event, customer, kind, score, at, channel FROM surveys WHERE kind = ? ORDER BY at, event",
                arguments: [kind]
            ).map { row in
                SurveyRow(
                    event: row["event"], customer: row["customer"], kind: row["kind"], score: row["score"],
                    at: Timestamp(microseconds: row["at"]), channel: row["channel"]
                )
            }
        }
    }

    public func customerSegments() throws -> [String: [String]] {
        try read(directory.score, empty: [:]) { db in
            var segments: [String: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT customer, segment FROM segments ORDER BY customer, segment") {
                segments[row["customer"], default: []].append(row["segment"])
            }
            return segments
        }
    }

    public func transitions() throws -> [TransitionRow] {
        try read(directory.score, empty: []) { db in
            try Row.fetchAll(
                db,
                sql: "SELECT customer, event, from_stage, to_stage, at FROM transitions ORDER BY at, customer, event"
            ).map { row in
                TransitionRow(
                    customer: row["customer"], from: row["from_stage"], to: row["to_stage"],
                    at: Timestamp(microseconds: row["at"]), event: row["event"]
                )
            }
        }
    }

    public func noticesByDisruption() throws -> [DisruptionNotices] {
        try read(directory.score, empty: []) { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT disruption, MIN(what) AS what, MIN(at) AS at, COUNT(*) AS n FROM notices
                    GROUP BY disruption ORDER BY at DESC, disruption
                    """
            ).map { row in
                DisruptionNotices(
                    disruption: row["disruption"], what: row["what"], at: Timestamp(microseconds: row["at"]),
                    notices: row["n"]
                )
            }
        }
    }

    public func topics() throws -> [TopicRow] {
        try read(directory.score, empty: []) { db in
            try Row.fetchAll(db, sql: "SELECT event, customer, topic, at, excerpt FROM topics ORDER BY at, event").map {
                row in
                TopicRow(
                    event: row["event"], customer: row["customer"], topic: row["topic"],
                    at: Timestamp(microseconds: row["at"]), excerpt: row["excerpt"]
                )
            }
        }
    }

    public func customers(stage: String) throws -> [CustomerRecord] {
        try read(directory.score, empty: []) { db in
            try Row.fetchAll(
                db, sql: "SELECT customer, stage, state FROM customers WHERE stage = ? ORDER BY customer",
                arguments: [stage]
            ).map { row in
                let state: Data = row["state"]
                return CustomerRecord(id: row["customer"], stage: row["stage"], state: Array(state))
            }
        }
    }

    public func rewardTotals() throws -> [String: RewardTotal] {
        try read(directory.reward, empty: [:]) { db in
            var totals: [String: RewardTotal] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT status, COUNT(*) AS n, COALESCE(SUM(value), 0) AS v FROM ledger GROUP BY status"
            ) {
                let value: Int64 = row["v"]
                totals[row["status"]] = RewardTotal(count: row["n"], value: Money(units: value))
            }
            return totals
        }
    }

    public func referralCounts() throws -> ReferralCounts {
        var counts = ReferralCounts(sent: 0, converted: 0)
        try read(directory.journal, empty: ()) { db in
            counts.sent = try SQLiteJournalStore.counts(db).accepted["referral"] ?? 0
        }
        try read(directory.score, empty: ()) { db in
            counts.converted =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM conversions WHERE referrer IS NOT NULL") ?? 0
        }
        return counts
    }
}
