/// NPS, CSAT and CES from answer counts, each with its sample size and a 95% confidence interval.
///
/// NPS: promoters (9-10) minus detractors (0-6), as a share of all respondents, in points (-100...100); its
/// interval treats each answer as +100, 0 or -100 (normal approximation). CSAT: the share of 4-5 answers on the
/// 1-5 scale, in %, with a Wilson score interval. CES: the mean of 1-7 answers (7 = easiest), with a normal
/// interval. With no answers the score and its interval are absent (null).
public enum SurveyMetrics {
    static let z = 1.959963984540054

    /// `{"nps":X,"n":N,"promoters":N,"passives":N,"detractors":N,"ci95":[LO,HI]}`
    public static func nps(_ counts: [Int: Int]) -> JSON {
        let n = counts.values.reduce(0, +)
        let promoters = counts.filter { $0.key >= 9 }.values.reduce(0, +)
        let detractors = counts.filter { $0.key <= 6 }.values.reduce(0, +)
        var members: [(String, JSON)] = []
        if n > 0 {
            let p = Double(promoters) / Double(n)
            let d = Double(detractors) / Double(n)
            let score = 100 * (p - d)
            let variance = (p + d) - (p - d) * (p - d)
            let margin = 100 * z * (max(0, variance) / Double(n)).squareRoot()
            members.append(("nps", .double(rounded(score))))
            members.append(("ci95", interval(score - margin, score + margin, within: -100...100)))
        } else {
            members += [("nps", .null), ("ci95", .null)]
        }
        return .object(
            [("n", .int(n)), ("promoters", .int(promoters)), ("passives", .int(n - promoters - detractors))]
                + [("detractors", .int(detractors))] + members
        )
    }

    /// `{"csat":X,"n":N,"satisfied":N,"ci95":[LO,HI]}` (percent of 4-5 answers).
    public static func csat(_ counts: [Int: Int]) -> JSON {
        let n = counts.values.reduce(0, +)
        let satisfied = counts.filter { $0.key >= 4 }.values.reduce(0, +)
        guard n > 0 else {
            return .object([("csat", .null), ("n", .int(0)), ("satisfied", .int(0)), ("ci95", .null)])
        }
        let p = Double(satisfied) / Double(n)
        let nd = Double(n)
        let center = (p + z * z / (2 * nd)) / (1 + z * z / nd)
        let half = z / (1 + z * z / nd) * (p * (1 - p) / nd + z * z / (4 * nd * nd)).squareRoot()
        return .object([
            ("csat", .double(rounded(100 * p))), ("n", .int(n)), ("satisfied", .int(satisfied)),
            ("ci95", interval(100 * (center - half), 100 * (center + half), within: 0...100)),
        ])
    }

    /// `{"ces":X,"n":N,"ci95":[LO,HI]}` (mean of 1-7 answers).
    public static func ces(_ counts: [Int: Int]) -> JSON {
        let n = counts.values.reduce(0, +)
        guard n > 0 else { return .object([("ces", .null), ("n", .int(0)), ("ci95", .null)]) }
        let nd = Double(n)
        // In score order, so that the floating-point sums do not depend on the dictionary's order.
        let ordered = counts.sorted { $0.key < $1.key }
        let mean = ordered.reduce(0.0) { $0 + Double($1.key * $1.value) } / nd
        let squares = ordered.reduce(0.0) { $0 + Double($1.value) * (Double($1.key) - mean) * (Double($1.key) - mean) }
        let deviation = n > 1 ? (squares / (nd - 1)).squareRoot() : 0
        let margin = z * deviation / nd.squareRoot()
        return .object([
            ("ces", .double(rounded(mean))), ("n", .int(n)),
            ("ci95", interval(mean - margin, mean + margin, within: 1...7)),
        ])
    }

    static func interval(_ low: Double, _ high: Double, within range: ClosedRange<Double>) -> JSON {
        .array([
            .double(rounded(min(max(low, range.lowerBound), range.upperBound))),
            .double(rounded(min(max(high, range.lowerBound), range.upperBound))),
        ])
    }

    /// Two decimals: enough for people, stable for comparisons.
    static func rounded(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }
}
