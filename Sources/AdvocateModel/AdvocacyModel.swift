import AdvocateCodec

/// The brain of the scoring stage: applies a customer's events to their state and derives scores, the ladder
/// stage, alerts, proactive notices and reward candidates. Pure logic, no I/O.
///
/// The stage owns partitions of customers; per event it loads the customer's state, calls `apply`, and commits
/// the new `serialized()` state together with the outputs. The state is a function of the set of events; the
/// outputs are a deterministic function of the state and the event, with deterministic ids.
///
/// Out-of-order arrival: decisions are made by event time. When a decision was already emitted and an earlier
/// event arrives later and would have changed it, the emitted output stands and nothing contradicting it is
/// emitted (a referral converts once; a customer becomes an advocate once); see SCORING.md.
public struct AdvocacyModel: Sendable {
    /// The configuration in force, with every value in its sensible range.
    public let configuration: ModelConfiguration
    let judgment: @Sendable (String) -> Judgment

    /// - Parameters:
    ///   - configuration: thresholds and scales; out-of-range values are clamped.
    ///   - judge: judges texts (sentiment and complaints); must judge the same text the same way every time.
    public init(configuration: ModelConfiguration = .init(), judge: any TextJudging) {
        self.init(configuration: configuration) { Judgment(judge.assess($0)) }
    }

    init(configuration: ModelConfiguration, judgment: @escaping @Sendable (String) -> Judgment) {
        self.configuration = configuration.sanitized()
        self.judgment = judgment
    }

    /// Applies one event of this customer to their state.
    ///
    /// A `disruption` whose `customer` the stage has set to this customer yields its notice if the customer is
    /// affected, and leaves the state unchanged; with no customer it yields nothing.
    ///
    /// - Returns: the outputs the event produces, in a deterministic order.
    public func apply(_ event: Event, to state: inout CustomerState) -> [ModelOutput] {
        if case .disruption = event.body {
            guard let customer = event.customer, let notice = notice(for: event, customer: customer, state: state)
            else { return [] }
            return [.notice(notice)]
        }
        var aggregates = state.aggregates
        let outputs = apply(event, to: &aggregates)
        state = CustomerState(aggregates)
        return outputs
    }

    /// Applies several events of one customer, decoding and encoding the state once.
    public func apply(_ events: some Sequence<Event>, to state: inout CustomerState) -> [ModelOutput] {
        var aggregates = state.aggregates
        var outputs: [ModelOutput] = []
        for event in events {
            if case .disruption = event.body {
                if let customer = event.customer,
                    let notice = notice(for: event, customer: customer, aggregates: aggregates)
                {
                    outputs.append(.notice(notice))
                }
                continue
            }
            outputs += apply(event, to: &aggregates)
        }
        state = CustomerState(aggregates)
        return outputs
    }

    /// Records on the referrer's state that one of their referral codes converted: the referee made a first
    /// purchase after signing up with `code`. The stage calls it when the referee's model emits a
    /// `referral_converted` candidate, once per conversion.
    ///
    /// - Parameters:
    ///   - code: the referral code the referee signed up with.
    ///   - referee: the new customer.
    ///   - trigger: the id of the referee's converting purchase (the candidate's trigger).
    ///   - at: that purchase's event time.
    ///   - referrer: the customer whose state this is (named in the outputs).
    /// - Returns: a `became_advocate` candidate if this conversion made the referrer an advocate.
    public func applyReferralConversion(
        code: String,
        referee: String,
        trigger: String,
        at: Timestamp,
        referrer: String,
        to state: inout CustomerState
    ) -> [ModelOutput] {
        var aggregates = state.aggregates
        let outputs = applyConversion(
            code: code, referee: referee, trigger: trigger, at: at, referrer: referrer, to: &aggregates
        )
        state = CustomerState(aggregates)
        return outputs
    }

    /// `applyReferralConversion` on the aggregates; also how a journalled `referral_converted` event applies.
    func applyConversion(
        code: String, referee: String, trigger: String, at: Timestamp, referrer: String, to aggregates: inout Aggregates
    ) -> [ModelOutput] {
        let before = aggregates
        let seconds = at.seconds
        aggregates.see(seconds)
        aggregates.referralsConverted += 1
        aggregates.advocacyPoints = aggregates.advocacyPoints.saturatingAdd(Points.referralConverted)
        let triggerID = Text.bounded(trigger)
        record(.referralConverted, triggerID, at: seconds, value: Points.referralConverted, to: &aggregates)
        var emission = Emission()
        let context = EventContext(
            id: triggerID, customer: referrer, at: seconds, referralCode: code, referee: referee, referrer: referrer
        )
        emitDerivedCandidates(from: before, to: aggregates, context: context, into: &emission)
        return emission.outputs
    }

    /// The customer's profile as of their latest event.
    public func profile(of state: CustomerState, customer: String) -> CustomerProfile {
        let aggregates = state.aggregates
        return profile(of: aggregates, customer: customer, asOf: aggregates.lastAt)
    }

    /// The customer's profile as of `asOf` (decay is measured up to that time).
    public func profile(of state: CustomerState, customer: String, asOf: Timestamp) -> CustomerProfile {
        profile(of: state.aggregates, customer: customer, asOf: asOf.seconds)
    }

    /// Whether a disruption by segment affects this customer: they bought the disruption's segment (their latest
    /// purchase of it, among their most recent segments) at or before `at`. Customers a disruption names in
    /// `customers` are affected by definition; the stage routes the disruption to them directly.
    public func affectedBy(_ disruption: Disruption, at: Timestamp, state: CustomerState) -> Bool {
        segmentAffected(disruption, at: at.seconds, aggregates: state.aggregates)
    }

    /// The notice a disruption event owes this customer, or nil when it does not affect them (not named, and no
    /// segment bought before it). Also for the stage to re-check recent disruptions after a late purchase.
    public func notice(for disruption: Event, customer: String, state: CustomerState) -> NoticeRecord? {
        notice(for: disruption, customer: customer, aggregates: state.aggregates)
    }
}

/// Advocacy points per event, in hundredths (see SCORING.md).
enum Points {
    static let promoter: Int64 = 1_500
    static let referralSent: Int64 = 1_000
    static let referralConverted: Int64 = 3_000
    static let fiveStarReview: Int64 = 1_500
    static let fourStarReview: Int64 = 1_000
    /// Praise earns this times (1 + log10(1 + reach)).
    static let praiseBase: Double = 500
}

/// The outputs of one application, without duplicates.
struct Emission {
    private(set) var outputs: [ModelOutput] = []
    private var candidateIDs: Set<String> = []
    /// The excerpt of the alert the current event opened, kept here because the state drops it at once when a
    /// reply arrived first.
    var freshExcerpt: String?

    mutating func append(_ output: ModelOutput) {
        outputs.append(output)
    }

    mutating func candidate(_ candidate: RewardCandidate) {
        guard candidateIDs.insert(candidate.id).inserted else { return }
        outputs.append(.candidate(candidate))
    }
}

/// What the derived rules need to know about the event being applied.
struct EventContext {
    var id: String
    var customer: String
    var at: Int64
    var referralCode: String? = nil
    var referee: String? = nil
    var referrer: String? = nil
    /// Set when the event is an NPS answer of 9-10.
    var promoterScore: Int? = nil
}
