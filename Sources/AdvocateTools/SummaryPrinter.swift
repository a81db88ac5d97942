import Foundation

/// Formats `/v1/summary` for a terminal.
public enum SummaryPrinter {
    public static func render(_ summary: [String: Any]) -> String {
        var lines: [String] = []
        let events = summary["events"] as? [String: Any] ?? [:]
        let accepted = events["accepted"] as? [String: Int] ?? [:]
        let totalAccepted = accepted.values.reduce(0, +)
        lines.append(
            "Events accepted: \(ProgressBar.grouped(totalAccepted))   rejected: \(events["rejected"] as? Int ?? 0)")
        for (type, count) in accepted.sorted(by: { $0.value > $1.value }) {
            lines.append("  \(type.padding(toLength: 18, withPad: " ", startingAt: 0)) \(ProgressBar.grouped(count))")
        }
        let customers = summary["customers"] as? [String: Any] ?? [:]
        lines.append("Customers: \(ProgressBar.grouped(customers["total"] as? Int ?? 0))")
        let stages = customers["by_stage"] as? [String: Int] ?? [:]
        for stage in ["suspect", "prospect", "customer", "client", "advocate"] {
            lines.append(
                "  \(stage.padding(toLength: 18, withPad: " ", startingAt: 0)) \(ProgressBar.grouped(stages[stage] ?? 0))"
            )
        }
        let alerts = summary["alerts"] as? [String: Any] ?? [:]
        lines.append("Alerts: open \(alerts["open"] as? Int ?? 0), closed \(alerts["closed"] as? Int ?? 0)")
        let rewards = summary["rewards"] as? [String: Any] ?? [:]
        let value = rewards["value"] as? Double ?? 0
        lines.append("Rewards issued: \(rewards["issued"] as? Int ?? 0), value \(String(format: "%.2f", value))")
        for (rule, count) in (rewards["by_rule"] as? [String: Int] ?? [:]).sorted(by: { $0.key < $1.key }) {
            lines.append("  \(rule.padding(toLength: 18, withPad: " ", startingAt: 0)) \(count)")
        }
        if let pipeline = summary["pipeline"] as? [String: Any], let pending = pipeline["pending"] as? Int, pending > 0
        {
            lines.append("Still being scored: \(ProgressBar.grouped(pending)) events")
        }
        return lines.joined(separator: "\n")
    }
}
