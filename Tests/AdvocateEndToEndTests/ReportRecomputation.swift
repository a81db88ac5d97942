import AdvocateCodec
import AdvocateModel
import AdvocateSentiment
import AdvocateStorage
import Foundation

/// Every report figure worked out again from the journal alone: the events as accepted, replayed per partition
/// in journal order through the advocacy model, and counted with code of its own (Foundation's ISO calendar for
/// periods, the published formulas for NPS, CSAT and CES). Nothing of the score stage's store or of the report
/// stage is used.
struct ReportRecomputation {
    /// Accepted event ids per type, as producers sent them: a disruption is journalled in every partition, and
    /// events scoring derives (`source` advocate) are not accepted from anyone.
    var acceptedIDs: [String: Set<String>] = [:]
    var accepted: [String: Int] { acceptedIDs.mapValues(\.count) }
    /// Journal entries over all partitions.
    var journalled = 0
    var surveys: [String: [(customer: String, score: Int, at: Timestamp, channel: String?)]] = [:]
    var segments: [String: Set<String>] = [:]
    var states: [String: CustomerState] = [:]
    var transitions: [(from: String, to: String, at: Timestamp)] = []
    var alerts: [String: AlertRecord] = [:]
    var notices: [String: String] = [:]
    var topics: [String: (customer: String, topic: String, excerpt: String)] = [:]
    var referralCodes: Set<String> = []
    var conversions: [String: String] = [:]
    let model = AdvocacyModel(judge: TextAssessor())

    init(journal: any JournalStore) throws {
        let count = journal.partitionCount
        for partition in 0..<count {
            var buyers: [String: Set<String>] = [:]
            var disruptions: [String: [Event]] = [:]
            var after: UInt64 = 0
            while true {
                let entries = try journal.read(partition: partition, after: after, limit: 1_000)
                guard let last = entries.last else { break }
                after = last.sequence
                journalled += entries.count
                for entry in entries {
                    apply(entry.event, partition: partition, count: count, buyers: &buyers, disruptions: &disruptions)
                }
            }
        }
    }

    private mutating func apply(
        _ event: Event, partition: UInt32, count: UInt32, buyers: inout [String: Set<String>],
        disruptions: inout [String: [Event]]
    ) {
        if event.source != "advocate" { acceptedIDs[event.type.rawValue, default: []].insert(event.id) }
        if case .disruption(let disruption) = event.body, event.customer == nil {
            var audience = Set(
                disruption.customers.filter { Partitioning.partition(of: $0, count: count) == partition })
            if let segment = disruption.segment {
                disruptions[segment, default: []].append(event)
                audience.formUnion(buyers[segment] ?? [])
            }
            for customer in audience {
                if let notice = model.notice(for: event, customer: customer, state: states[customer] ?? CustomerState())
                {
                    notices[notice.id] = notice.disruption
                }
            }
            return
        }
        guard let customer = event.customer else { return }
        var state = states[customer] ?? CustomerState()
        let before = model.stage(of: state)
        let outputs = model.apply(event, to: &state)
        states[customer] = state
        let after = model.stage(of: state)
        if after != before { transitions.append((before.rawValue, after.rawValue, event.at)) }
        switch event.body {
        case .purchase(let purchase):
            if let segment = purchase.segment {
                segments[customer, default: []].insert(segment)
                buyers[segment, default: []].insert(customer)
                for disruption in disruptions[segment] ?? [] {
                    if let notice = model.notice(for: disruption, customer: customer, state: state) {
                        notices[notice.id] = notice.disruption
                    }
                }
            }
        case .survey(let survey):
            surveys[survey.kind.rawValue, default: []].append((customer, survey.score, event.at, survey.channel))
        case .referral(let referral):
            referralCodes.insert(referral.code)
        default:
            break
        }
        for output in outputs {
            switch output {
            case .alert(let alert): alerts[alert.id] = alert
            case .notice(let notice): notices[notice.id] = notice.disruption
            case .suggestion(let suggestion):
                if topics[suggestion.eventID] == nil {
                    topics[suggestion.eventID] = (customer, "suggestion", String(suggestion.text.prefix(200)))
                }
            case .complaintTopic(let reason, let eventID, let excerpt):
                if topics[eventID] == nil { topics[eventID] = (customer, reason, excerpt) }
            case .candidate(let candidate):
                if candidate.kind == .referralConverted, candidate.referrer == nil, let code = candidate.referralCode,
                    conversions[candidate.trigger] == nil
                {
                    conversions[candidate.trigger] = code
                }
            }
        }
    }

    // MARK: Survey figures

    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// The figure, n and interval of `scores` for `kind`, by the formulas the API documents.
    static func figures(kind: String, _ scores: [Int]) -> (score: Double?, n: Int, low: Double?, high: Double?) {
        let n = scores.count
        guard n > 0 else { return (nil, 0, nil, nil) }
        let z = 1.959963984540054
        let nd = Double(n)
        switch kind {
        case "nps":
            let p = Double(scores.count { $0 >= 9 }) / nd
            let d = Double(scores.count { $0 <= 6 }) / nd
            let score = 100 * (p - d)
            let margin = 100 * z * (max(0, (p + d) - (p - d) * (p - d)) / nd).squareRoot()
            return (rounded(score), n, rounded(max(-100, score - margin)), rounded(min(100, score + margin)))
        case "csat":
            let p = Double(scores.count { $0 >= 4 }) / nd
            let center = (p + z * z / (2 * nd)) / (1 + z * z / nd)
            let half = z / (1 + z * z / nd) * (p * (1 - p) / nd + z * z / (4 * nd * nd)).squareRoot()
            return (
                rounded(100 * p), n, rounded(max(0, 100 * (center - half))), rounded(min(100, 100 * (center + half)))
            )
        default:
            // Summed per score value in score order, as the API documents its sums.
            var counts: [Int: Int] = [:]
            for score in scores { counts[score, default: 0] += 1 }
            let ordered = counts.sorted { $0.key < $1.key }
            let mean = ordered.reduce(0.0) { $0 + Double($1.key * $1.value) } / nd
            let squares = ordered.reduce(0.0) {
                $0 + Double($1.value) * (Double($1.key) - mean) * (Double($1.key) - mean)
            }
            let deviation = n > 1 ? (squares / (nd - 1)).squareRoot() : 0
            let margin = z * deviation / nd.squareRoot()
            return (rounded(mean), n, rounded(max(1, min(7, mean - margin))), rounded(min(7, max(1, mean + margin))))
        }
    }

    /// The group keys of one answer under `grouping`, from Foundation's ISO 8601 calendar in UTC.
    func keys(
        of answer: (customer: String, score: Int, at: Timestamp, channel: String?), grouping: String
    ) -> [String] {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = Date(timeIntervalSince1970: Double(answer.at.seconds))
        let parts = calendar.dateComponents([.year, .month, .day, .yearForWeekOfYear, .weekOfYear], from: date)
        switch grouping {
        case "day": return [String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)]
        case "week": return [String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!)]
        case "month": return [String(format: "%04d-%02d", parts.year!, parts.month!)]
        case "channel": return [answer.channel ?? "none"]
        default: return segments[answer.customer].map { $0.sorted() } ?? ["none"]
        }
    }

    /// Score lists per group key.
    func groups(kind: String, grouping: String) -> [String: [Int]] {
        var groups: [String: [Int]] = [:]
        for answer in surveys[kind] ?? [] {
            for key in keys(of: answer, grouping: grouping) { groups[key, default: []].append(answer.score) }
        }
        return groups
    }

    /// The month of a time, `2026-01`.
    static func month(_ time: Timestamp) -> String {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: Date(timeIntervalSince1970: Double(time.seconds)))
        return String(format: "%04d-%02d", parts.year!, parts.month!)
    }
}
