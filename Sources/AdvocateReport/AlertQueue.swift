import AdvocateCodec
import AdvocateStorage

/// The alert queue as a customer-service lead reads it: open alerts by severity and age, how fast alerts were
/// answered (p50 and p90 of the response time) and the share answered within the SLA.
public struct AlertQueue: Sendable {
    /// Severities from the most to the least urgent.
    public static let severities = ["critical", "high", "medium", "low"]
    /// Age bands of open alerts: label and upper bound in seconds (the last band is open-ended).
    public static let ages: [(label: String, below: Int64)] = [
        ("under 15m", 900), ("15m-1h", 3_600), ("1h-4h", 14_400), ("4h-1d", 86_400), ("over 1d", .max),
    ]

    public let slaSeconds: Int64

    public init(slaMinutes: Int) {
        slaSeconds = Int64(max(0, slaMinutes)) * 60
    }

    /// The queue as of `asOf`.
    ///
    /// An alert is answered when it has a response time. Percentiles are nearest-rank over the answered alerts.
    /// The SLA share is answered-within-SLA over the alerts whose outcome is known: every answered alert plus
    /// every open alert already older than the SLA; it is null when there are none.
    public func report(_ alerts: [AlertRow], asOf: Timestamp) -> JSON {
        var openBySeverity: [String: Int] = [:]
        var bands = Array(repeating: [String: Int](), count: Self.ages.count)
        var responses: [Int64] = []
        var open = 0
        var overdue = 0
        for alert in alerts {
            if let seconds = alert.responseSeconds { responses.append(seconds) }
            guard alert.status == "open" else { continue }
            open += 1
            openBySeverity[alert.severity, default: 0] += 1
            let age = max(0, (asOf.microseconds - alert.openedAt.microseconds) / 1_000_000)
            if age > slaSeconds { overdue += 1 }
            let band = Self.ages.firstIndex { age < $0.below } ?? Self.ages.count - 1
            bands[band][alert.severity, default: 0] += 1
        }
        responses.sort()
        let within = responses.count { $0 <= slaSeconds }
        let denominator = responses.count + overdue
        let share: JSON =
            denominator > 0 ? .double(SurveyMetrics.rounded(100 * Double(within) / Double(denominator))) : .null
        let byAge = Self.ages.indices.map { index -> JSON in
            .object([
                ("age", .string(Self.ages[index].label)), ("n", .int(bands[index].values.reduce(0, +))),
                ("by_severity", severityCounts(bands[index])),
            ])
        }
        return .object([
            ("as_of", .string(asOf.rfc3339)), ("sla_minutes", .int(Int(slaSeconds / 60))),
            ("open", .int(open)), ("closed", .int(alerts.count - open)),
            ("open_by_severity", severityCounts(openBySeverity)), ("open_by_age", .array(byAge)),
            ("answered", .int(responses.count)),
            (
                "response_seconds",
                .object([("p50", Self.percentile(responses, 0.5)), ("p90", Self.percentile(responses, 0.9))])
            ),
            ("within_sla", .int(within)), ("sla_denominator", .int(denominator)), ("within_sla_share", share),
        ])
    }

    private func severityCounts(_ counts: [String: Int]) -> JSON {
        let known = Self.severities.map { ($0, JSON.int(counts[$0] ?? 0)) }
        let other = counts.keys.filter { !Self.severities.contains($0) }.sorted().map {
            ($0, JSON.int(counts[$0] ?? 0))
        }
        return .object(known + other)
    }

    /// The nearest-rank percentile of sorted `values`: the smallest value with at least `p` of them at or below.
    static func percentile(_ sorted: [Int64], _ p: Double) -> JSON {
        guard !sorted.isEmpty else { return .null }
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return .int(sorted[min(sorted.count, max(1, rank)) - 1])
    }
}
