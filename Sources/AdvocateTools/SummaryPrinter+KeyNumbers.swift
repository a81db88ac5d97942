import Foundation

/// The numbers people act on, after the summary: survey figures with their intervals, the alert queue,
/// referral conversion and the most frequent complaint reasons and suggestions.
extension SummaryPrinter {
    /// Renders what the report API answered; a part it did not answer (nil) is left out.
    public static func renderKeyNumbers(
        metrics: [String: [String: Any]], queue: [String: Any]?, referrals: [String: Any]?, topics: [String: Any]?
    ) -> String {
        var lines: [String] = []
        for (kind, label) in [("nps", "NPS"), ("csat", "CSAT %"), ("ces", "CES (1-7)")] {
            guard let figures = metrics[kind] else { continue }
            let interval = (figures["ci95"] as? [Any])?.compactMap(number).map(text) ?? []
            lines.append(
                "\(label.padding(toLength: 10, withPad: " ", startingAt: 0)) \(text(number(figures[kind])))"
                    + "   n \(text(number(figures["n"])))"
                    + (interval.count == 2 ? "   95% CI \(interval[0]) to \(interval[1])" : "")
            )
        }
        if let queue {
            let response = queue["response_seconds"] as? [String: Any] ?? [:]
            lines.append(
                "Alert queue: open \(text(number(queue["open"])))   response p50 \(text(number(response["p50"])))s"
                    + " p90 \(text(number(response["p90"])))s   within \(text(number(queue["sla_minutes"]))) min"
                    + " \(text(number(queue["within_sla_share"])))%"
            )
        }
        if let referrals {
            lines.append(
                "Referrals: sent \(text(number(referrals["sent"])))   converted \(text(number(referrals["converted"])))"
                    + "   rate \(text(number(referrals["conversion_rate"])))%"
            )
        }
        if let topics {
            for (key, label) in [("complaints", "Top complaint reasons"), ("suggestions", "Top suggestions")] {
                let ranked = (topics[key] as? [[String: Any]] ?? []).prefix(3)
                guard !ranked.isEmpty else { continue }
                lines.append("\(label):")
                for topic in ranked {
                    let name = String((topic["topic"] as? String ?? "").prefix(60))
                    lines.append(
                        "  \(name.padding(toLength: 40, withPad: " ", startingAt: 0)) \(text(number(topic["n"])))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func number(_ value: Any?) -> Double? {
        (value as? NSNumber)?.doubleValue
    }

    /// A figure as the API gave it: whole numbers without decimals, "-" when absent.
    static func text(_ value: Double?) -> String {
        guard let value else { return "-" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
