import AdvocateCodec
import AdvocateModel
import AdvocateSentiment
import AdvocateStorage

/// Scores with the advocacy model: per-customer state, scores, ladder stage and flags, alerts, proactive
/// notices, reward candidates and what customers ask the company to change.
public struct AdvocacyScorer: Scorer {
    public let model: AdvocacyModel

    public init(model: AdvocacyModel = AdvocacyModel(judge: TextAssessor())) {
        self.model = model
    }

    public func score(_ entries: [JournalEntry], partition: UInt32, states: [String: [UInt8]]) throws -> ScoredBatch {
        var working: [String: CustomerState] = [:]
        var order: [String] = []
        var outputs: [ModelOutput] = []
        func state(of customer: String) throws -> CustomerState {
            if let state = working[customer] { return state }
            order.append(customer)
            do {
                return try states[customer].map(CustomerState.init(serialized:)) ?? CustomerState()
            } catch {
                throw StorageError(.corrupt("state of customer \(customer): \(error)"))
            }
        }
        for entry in entries {
            let event = entry.event
            guard let customer = event.customer else { continue }
            var current = try state(of: customer)
            outputs += model.apply(event, to: &current)
            working[customer] = current
        }
        var batch = ScoredBatch()
        for customer in order {
            guard let current = working[customer] else { continue }
            let profile = model.profile(of: current, customer: customer)
            batch.customers.append(
                CustomerRow(
                    customer: customer, partition: partition, stage: profile.stage.rawValue,
                    state: current.serialized()
                )
            )
        }
        // The last record of an alert in the batch carries everything the earlier ones did.
        var alerts: [String: AlertRow] = [:]
        var alertOrder: [String] = []
        for output in outputs {
            switch output {
            case .alert(let alert):
                if alerts[alert.id] == nil { alertOrder.append(alert.id) }
                var row = Self.row(alert)
                if row.excerpt.isEmpty, let earlier = alerts[alert.id] { row.excerpt = earlier.excerpt }
                alerts[alert.id] = row
            case .notice(let notice):
                batch.notices.append(
                    NoticeRow(
                        id: notice.id, disruption: notice.disruption, customer: notice.customer, at: notice.at,
                        what: notice.what
                    )
                )
            case .candidate(let candidate):
                batch.candidates.append(candidate)
            case .suggestion(let suggestion):
                batch.topics.append(
                    TopicRow(
                        event: suggestion.eventID, customer: suggestion.customer, topic: "suggestion",
                        at: suggestion.at, excerpt: String(suggestion.text.prefix(200))
                    )
                )
            case .complaintTopic(let reason, let eventID, let excerpt):
                let owner = entries.first { $0.event.id == eventID }?.event
                batch.topics.append(
                    TopicRow(
                        event: eventID, customer: owner?.customer ?? "", topic: reason,
                        at: owner?.at ?? Timestamp(microseconds: 0), excerpt: excerpt
                    )
                )
            }
        }
        batch.alerts = alertOrder.compactMap { alerts[$0] }
        return batch
    }

    static func row(_ alert: AlertRecord) -> AlertRow {
        AlertRow(
            id: alert.id, customer: alert.customer, trigger: alert.trigger, status: alert.status.rawValue,
            severity: alert.severity.rawValue, openedAt: alert.openedAt, closedAt: alert.closedAt,
            responseSeconds: alert.responseSeconds, reason: alert.reason, channel: alert.channel,
            excerpt: alert.excerpt ?? ""
        )
    }
}
