import AdvocateStorage

/// The loyalty ladder: customers per stage now, and the moves between stages overall and per period.
public struct LadderReport: Sendable {
    public static let stages = ["suspect", "prospect", "customer", "client", "advocate"]

    public init() {}

    /// `{"total":N,"stages":{..},"transitions":[{"from","to","n"}],"by":..,"flows":[{"key","start","from","to","n"}]}`
    /// with transitions ordered by ladder position, and flows by period, then ladder position.
    public func report(stages counts: [String: Int], transitions: [TransitionRow], bucket: TimeBucket) -> JSON {
        var stageCounts: [String: Int] = [:]
        for stage in Self.stages { stageCounts[stage] = 0 }
        stageCounts.merge(counts) { _, new in new }
        var overall: [Move: Int] = [:]
        var flows: [Flow: Int] = [:]
        for row in transitions {
            let move = Move(from: row.from, to: row.to)
            overall[move, default: 0] += 1
            let period = bucket.period(of: row.at)
            flows[Flow(key: period.key, start: period.start, move: move), default: 0] += 1
        }
        let moves = overall.keys.sorted().map { move -> JSON in
            .object([("from", .string(move.from)), ("to", .string(move.to)), ("n", .int(overall[move] ?? 0))])
        }
        let periods = flows.keys.sorted { ($0.key, $0.move) < ($1.key, $1.move) }.map { flow -> JSON in
            .object([
                ("key", .string(flow.key)), ("start", .string(flow.start)), ("from", .string(flow.move.from)),
                ("to", .string(flow.move.to)), ("n", .int(flows[flow] ?? 0)),
            ])
        }
        return .object([
            ("total", .int(stageCounts.values.reduce(0, +))),
            ("stages", .object(Self.stages.map { ($0, .int(stageCounts[$0] ?? 0)) })),
            ("transitions", .array(moves)), ("by", .string(bucket.rawValue)), ("flows", .array(periods)),
        ])
    }

    struct Move: Hashable, Comparable {
        var from: String
        var to: String

        static func < (lhs: Move, rhs: Move) -> Bool {
            (rank(lhs.from), rank(lhs.to), lhs.from, lhs.to) < (rank(rhs.from), rank(rhs.to), rhs.from, rhs.to)
        }

        static func rank(_ stage: String) -> Int {
            LadderReport.stages.firstIndex(of: stage) ?? LadderReport.stages.count
        }
    }

    struct Flow: Hashable {
        var key: String
        var start: String
        var move: Move
    }
}
