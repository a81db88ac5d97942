import AdvocateStorage

/// NPS, CSAT or CES overall and per group of answers: per day, ISO week or month of the answer (UTC), per
/// segment the customer bought, or per channel the survey names.
public struct SurveyBreakdown: Sendable {
    /// How answers are grouped.
    public enum Grouping: Sendable, Hashable {
        case time(TimeBucket)
        case segment
        case channel

        /// `day`, `week`, `month`, `segment` or `channel`; nil for anything else.
        public init?(_ name: String) {
            switch name {
            case "segment": self = .segment
            case "channel": self = .channel
            default:
                guard let bucket = TimeBucket(rawValue: name) else { return nil }
                self = .time(bucket)
            }
        }

        public var name: String {
            switch self {
            case .time(let bucket): bucket.rawValue
            case .segment: "segment"
            case .channel: "channel"
            }
        }
    }

    /// The key of answers without a segment or channel.
    public static let none = "none"

    public let kind: String

    /// - Parameter kind: `nps`, `csat` or `ces`; nil for anything else.
    public init?(kind: String) {
        guard ["nps", "csat", "ces"].contains(kind) else { return nil }
        self.kind = kind
    }

    /// The figures of `counts` (answers per score), with `denominator`: the number of answers the score is over.
    public func figures(_ counts: [Int: Int]) -> JSON {
        let json: JSON
        switch kind {
        case "nps": json = SurveyMetrics.nps(counts)
        case "csat": json = SurveyMetrics.csat(counts)
        default: json = SurveyMetrics.ces(counts)
        }
        guard case .object(let members) = json else { return json }
        return .object(members + [("denominator", .int(counts.values.reduce(0, +)))])
    }

    /// The overall figures and, with `grouping`, `{"by":..,"groups":[{"key":..,"start":..,..figures}]}` sorted by
    /// key. An answer of a customer who bought several segments counts once in each of them.
    public func report(_ rows: [SurveyRow], grouping: Grouping?, segments: [String: [String]] = [:]) -> JSON {
        guard case .object(var members) = figures(Self.counts(rows)) else { return .null }
        members.insert(("kind", .string(kind)), at: 0)
        guard let grouping else { return .object(members) }
        var groups: [String: [Int: Int]] = [:]
        var starts: [String: String] = [:]
        for row in rows {
            switch grouping {
            case .time(let bucket):
                let period = bucket.period(of: row.at)
                groups[period.key, default: [:]][row.score, default: 0] += 1
                starts[period.key] = period.start
            case .channel:
                groups[row.channel ?? Self.none, default: [:]][row.score, default: 0] += 1
            case .segment:
                for segment in segments[row.customer] ?? [Self.none] {
                    groups[segment, default: [:]][row.score, default: 0] += 1
                }
            }
        }
        let rendered = groups.keys.sorted().map { key -> JSON in
            var group: [(String, JSON)] = [("key", .string(key))]
            if let start = starts[key] { group.append(("start", .string(start))) }
            if case .object(let figures) = figures(groups[key] ?? [:]) { group += figures }
            return .object(group)
        }
        members += [("by", .string(grouping.name)), ("groups", .array(rendered))]
        return .object(members)
    }

    static func counts(_ rows: [SurveyRow]) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for row in rows { counts[row.score, default: 0] += 1 }
        return counts
    }
}
