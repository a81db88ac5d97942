import AdvocateCodec
import AdvocateModel
import AdvocateSentiment
import AdvocateStorage

/// Scores with the advocacy model: per-customer state, scores, ladder stage and flags, alerts, proactive
/// notices, reward candidates and what customers ask the company to change.
///
/// What spans partitions goes through the store and the journal: a disruption is journalled in every
/// partition and reaches the customers named in it or who bought its segment; a purchase that arrives after
/// a disruption it falls under still gets its notice; a referral conversion is joined with the referrer's
/// code in the store, which derives a `referral_converted` event for the referrer's partition.
public struct AdvocacyScorer: Scorer {
    public let model: AdvocacyModel

    public init(model: AdvocacyModel = AdvocacyModel(judge: TextAssessor())) {
        self.model = model
    }

    public func score(_ entries: [JournalEntry], context: ScoringContext) throws -> ScoredBatch {
        var session = Session(model: model, context: context)
        for entry in entries {
            try session.apply(entry.event)
        }
        return session.finish(entries)
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

/// One batch in progress: the working states and what they produced.
private struct Session {
    let model: AdvocacyModel
    let context: ScoringContext
    /// The states of the batch's customers, decoded once and encoded once at the end.
    var working: [String: DecodedState] = [:]
    /// Customers whose own events changed them, in first-touch order (only these are written back).
    var touched: [String] = []
    /// Each touched customer's ladder stage after their last event so far: what their row records.
    var stages: [String: LadderStage] = [:]
    var outputs: [ModelOutput] = []
    var batch = ScoredBatch()
    /// Segment buyers and segment disruptions seen earlier in this batch (not yet in the store).
    var batchBuyers: [String: Set<String>] = [:]
    var batchDisruptions: [String: [Event]] = [:]

    init(model: AdvocacyModel, context: ScoringContext) {
        self.model = model
        self.context = context
    }

    mutating func state(of customer: String) throws -> DecodedState {
        if let state = working[customer] { return state }
        do {
            let state = try context.states[customer].map(DecodedState.init(serialized:)) ?? DecodedState()
            working[customer] = state
            return state
        } catch {
            throw StorageError(.corrupt("state of customer \(customer): \(error)"))
        }
    }

    mutating func apply(_ event: Event) throws {
        if case .disruption(let disruption) = event.body, event.customer == nil {
            try reach(event, disruption)
            return
        }
        guard let customer = event.customer else { return }
        // Loaded into `working` first, then updated there in place: a copy would duplicate the state's arrays at
        // its first change.
        _ = try state(of: customer)
        let applied = model.applyFollowingStage(event, to: &working[customer, default: DecodedState()])
        var produced = applied.outputs
        let current = working[customer, default: DecodedState()]
        let (before, after) = (applied.before, applied.after)
        if after != before {
            batch.transitions.append(
                TransitionRow(
                    customer: customer, from: before.rawValue, to: after.rawValue, at: event.at, event: event.id
                )
            )
        }
        if stages.updateValue(after, forKey: customer) == nil { touched.append(customer) }
        switch event.body {
        case .purchase(let purchase):
            if let segment = purchase.segment {
                batch.segments.append(SegmentRow(segment: segment, customer: customer))
                batchBuyers[segment, default: []].insert(customer)
                // Disruptions known before this purchase arrived may still cover it.
                for disruption in (context.disruptions[segment] ?? []) + (batchDisruptions[segment] ?? []) {
                    if let notice = model.notice(for: disruption, customer: customer, state: current) {
                        produced.append(.notice(notice))
                    }
                }
            }
        case .referral(let referral):
            batch.referralCodes.append(ReferralCodeRow(code: referral.code, referrer: customer, event: event.id))
        case .signup(let signup):
            batch.contacts += ContactRow.rows(of: signup, customer: customer)
        case .survey(let survey):
            batch.surveys.append(
                SurveyRow(
                    event: event.id, customer: customer, kind: survey.kind.rawValue, score: survey.score,
                    at: event.at, channel: survey.channel
                )
            )
        default:
            break
        }
        outputs += produced
    }

    /// A disruption in this partition: the named customers who live here, and those who bought its segment.
    mutating func reach(_ event: Event, _ disruption: Disruption) throws {
        var audience = Set(
            disruption.customers.filter {
                Partitioning.partition(of: $0, count: context.partitionCount) == context.partition
            }
        )
        if let segment = disruption.segment {
            batch.disruptions.append(event)
            batchDisruptions[segment, default: []].append(event)
            audience.formUnion(context.segmentMembers[segment] ?? [])
            audience.formUnion(batchBuyers[segment] ?? [])
        }
        for customer in audience.sorted() {
            let current = try state(of: customer)
            if let notice = model.notice(for: event, customer: customer, state: current) {
                outputs.append(.notice(notice))
            }
        }
    }

    mutating func finish(_ entries: [JournalEntry]) -> ScoredBatch {
        // The stage each customer's last event left them at: only their own events change a state, so it is the
        // stage of the state written, without decoding it once more.
        for customer in touched {
            guard let current = working[customer], let stage = stages[customer] else { continue }
            batch.customers.append(
                CustomerRow(
                    customer: customer, partition: context.partition, stage: stage.rawValue,
                    state: current.state.serialized()
                )
            )
        }
        // The last record of an alert in the batch carries everything the earlier ones did.
        var alerts: [String: AlertRow] = [:]
        var alertOrder: [String] = []
        var eventsByID: [String: Event] = [:]
        for output in outputs {
            switch output {
            case .alert(let alert):
                if alerts[alert.id] == nil { alertOrder.append(alert.id) }
                var row = AdvocacyScorer.row(alert)
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
                // A conversion seen from the referee's side waits in the store for its referrer.
                if candidate.kind == .referralConverted && candidate.referrer == nil {
                    batch.conversions.append(candidate)
                } else {
                    batch.candidates.append(candidate)
                }
            case .suggestion(let suggestion):
                batch.topics.append(
                    TopicRow(
                        event: suggestion.eventID, customer: suggestion.customer, topic: "suggestion",
                        at: suggestion.at, excerpt: String(suggestion.text.prefix(200))
                    )
                )
            case .complaintTopic(let reason, let eventID, let excerpt):
                if eventsByID.isEmpty {
                    // Built once per batch, and only when a complaint needs its event's customer and time.
                    eventsByID = Dictionary(entries.map { ($0.event.id, $0.event) }) { first, _ in first }
                }
                let owner = eventsByID[eventID]
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
}
