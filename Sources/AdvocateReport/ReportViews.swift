import AdvocateCodec
import AdvocateStorage

/// Turns stored rows into the public JSON shapes of the report API (see the README).
public struct ReportViews: Sendable {
    public init() {}

    /// `GET /v1/summary`.
    public func summary(_ summary: Summary) -> JSON {
        let rejected = summary.rejected.values.reduce(0, +)
        let total = summary.customersByStage.values.reduce(0, +)
        var byStage: [String: Int] = [:]
        for stage in ["suspect", "prospect", "customer", "client", "advocate"] { byStage[stage] = 0 }
        byStage.merge(summary.customersByStage) { _, new in new }
        return .object([
            (
                "events",
                .object([
                    ("accepted", .counts(summary.accepted)),
                    ("accepted_total", .int(summary.accepted.values.reduce(0, +))), ("rejected", .int(rejected)),
                    ("rejected_by_reason", .counts(summary.rejected)),
                ])
            ),
            ("customers", .object([("total", .int(total)), ("by_stage", .counts(byStage))])),
            ("alerts", .object([("open", .int(summary.alertsOpen)), ("closed", .int(summary.alertsClosed))])),
            (
                "rewards",
                .object([
                    ("issued", .int(summary.rewardsIssued)), ("value", .money(summary.rewardsValue)),
                    ("by_rule", .counts(summary.rewardsByRule)),
                ])
            ),
            (
                "pipeline",
                .object([("pending", .int(Int64(clamping: summary.pending))), ("outbox", .int(summary.outbox))])
            ),
        ])
    }

    /// One alert.
    public func alert(_ alert: AlertRow) -> JSON {
        .object([
            ("id", .string(alert.id)), ("customer", .string(alert.customer)), ("trigger", .string(alert.trigger)),
            ("status", .string(alert.status)), ("severity", .string(alert.severity)),
            ("reason", .string(alert.reason)), ("channel", .optional(alert.channel)),
            ("opened_at", .string(alert.openedAt.rfc3339)), ("closed_at", .optional(alert.closedAt?.rfc3339)),
            ("response_seconds", alert.responseSeconds.map { JSON.int($0) } ?? .null),
            ("excerpt", .string(alert.excerpt)),
        ])
    }

    /// One ledger entry in the `/v1/rewards` shape.
    public func reward(_ entry: LedgerEntry) -> JSON {
        .object([
            ("id", .string(entry.id)), ("customer", .string(entry.customer)), ("rule", .string(entry.rule)),
            ("kind", .string(entry.kind)), ("value", .money(entry.value)), ("status", .string(entry.status.rawValue)),
            ("reason", .string(entry.reason)), ("trigger", .string(entry.trigger)), ("at", .string(entry.at.rfc3339)),
        ])
    }

    /// Ledger entries per status: `{"issued":{"n":N,"value":X},"held":..,"rejected":..,"reversed":..}`.
    public func rewardTotals(_ totals: [String: RewardTotal]) -> JSON {
        let known = ["issued", "held", "rejected", "reversed"]
        let names = known + totals.keys.filter { !known.contains($0) }.sorted()
        return .object(
            names.map { name in
                let total = totals[name] ?? RewardTotal(count: 0, value: .zero)
                return (name, .object([("n", .int(total.count)), ("value", .money(total.value))]))
            }
        )
    }

    /// One proactive notice.
    public func notice(_ notice: NoticeRow) -> JSON {
        .object([
            ("disruption", .string(notice.disruption)), ("id", .string(notice.id)), ("what", .string(notice.what)),
            ("at", .string(notice.at.rfc3339)),
        ])
    }
}
