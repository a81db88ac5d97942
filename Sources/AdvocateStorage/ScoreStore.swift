import AdvocateCodec

/// Scoring's state: per-customer state, per-partition applied positions with their lease epochs, and
/// the outbox of reward candidates not yet acknowledged by the reward stage.
///
/// A worker commits a batch's customer states, its outputs and the new position in one transaction
/// (`commit`), so after a crash a partition resumes exactly where its state is.
public protocol ScoreStore: AnyObject, Sendable {
    /// Takes over `partition` with `epoch`: fences out any owner with a lower epoch and returns the
    /// committed position to resume after. Throws `staleEpoch` if a higher epoch already owns it.
    func claim(partition: UInt32, epoch: UInt64) throws -> UInt64

    /// The stored state of these customers (absent ones are new).
    func states(of customers: [String]) throws -> [String: [UInt8]]

    /// Commits a batch atomically; throws `staleEpoch` when the partition has a newer owner.
    func commit(_ commit: ScoreCommit) throws

    /// Commits the batches of several partitions in one transaction, in order: one durable write for all
    /// of them. A batch whose partition has a newer owner is left out whole and its partition returned;
    /// any other error rolls the whole group back.
    func commit(group: [ScoreCommit]) throws -> Set<UInt32>

    /// Outbox candidates of `partitions`, oldest first.
    func outbox(partitions: Set<UInt32>, limit: Int) throws -> [RewardCandidate]

    /// Removes delivered candidates from the outbox.
    func removeFromOutbox(_ ids: [String]) throws

    /// Customers of `partition` who bought each of `segments` (from purchases carrying a segment).
    func segmentMembers(partition: UInt32, segments: Set<String>) throws -> [String: [String]]

    /// The disruptions `partition` has applied so far, of each segment in `since`, at or after the time given
    /// for it, oldest first. A purchase at time T can only be covered by a disruption at or after T (a customer
    /// is affected when their latest purchase of the segment is not later than the disruption), so a batch asks
    /// from its earliest purchase of each segment on, and never reads a segment's whole history.
    func disruptions(partition: UInt32, since: [String: Timestamp]) throws -> [String: [Event]]
    /// For each lookup, `segmentMembers` of its audience segments and `disruptions` since its purchases, all
    /// read from one view of the store: a scoring group asks once for all its partitions, not twice for each.
    func scoringLookups(_ lookups: [ScoringLookup]) throws -> [UInt32: ScoringLookupResult]

    /// Derived events of `partitions` waiting to be journalled by ingest, oldest first.
    func forwardOutbox(partitions: Set<UInt32>, limit: Int) throws -> [Event]

    /// Removes forwarded events that ingest confirmed.
    func removeFromForwardOutbox(_ ids: [String]) throws
}

extension ScoreStore {
    /// One read for each partition's members and one for its disruptions; stores that can answer them all in
    /// one go do so instead.
    public func scoringLookups(_ lookups: [ScoringLookup]) throws -> [UInt32: ScoringLookupResult] {
        try ScoringLookup.answer(lookups, members: segmentMembers, disruptions: disruptions)
    }
}

/// What scoring one partition's batch needs to know of the segments in play.
public struct ScoringLookup: Sendable, Hashable {
    public var partition: UInt32
    /// Segments of the batch's disruptions: their buyers in the partition are the audience.
    public var audienceSegments: Set<String>
    /// Segments of the batch's purchases, each with its earliest purchase: the disruptions from then on may
    /// cover them.
    public var purchaseSegments: [String: Timestamp]

    public init(partition: UInt32, audienceSegments: Set<String>, purchaseSegments: [String: Timestamp]) {
        self.partition = partition
        self.audienceSegments = audienceSegments
        self.purchaseSegments = purchaseSegments
    }

    /// Nothing to read.
    public var isEmpty: Bool { audienceSegments.isEmpty && purchaseSegments.isEmpty }

    /// Answers each lookup that asks for something with the two reads given (a partition's members of segments,
    /// its disruptions since times); lookups that ask for nothing are left out.
    public static func answer(
        _ lookups: [ScoringLookup],
        members: (_ partition: UInt32, _ segments: Set<String>) throws -> [String: [String]],
        disruptions: (_ partition: UInt32, _ since: [String: Timestamp]) throws -> [String: [Event]]
    ) rethrows -> [UInt32: ScoringLookupResult] {
        var results: [UInt32: ScoringLookupResult] = [:]
        for lookup in lookups where !lookup.isEmpty {
            results[lookup.partition] = ScoringLookupResult(
                segmentMembers: try members(lookup.partition, lookup.audienceSegments),
                disruptions: try disruptions(lookup.partition, lookup.purchaseSegments)
            )
        }
        return results
    }
}

/// The answer to a `ScoringLookup`, as `segmentMembers` and `disruptions` give it.
public struct ScoringLookupResult: Sendable, Hashable {
    public var segmentMembers: [String: [String]]
    public var disruptions: [String: [Event]]

    public init(segmentMembers: [String: [String]] = [:], disruptions: [String: [Event]] = [:]) {
        self.segmentMembers = segmentMembers
        self.disruptions = disruptions
    }
}

/// Everything one batch of a partition produced, committed together with the new position.
public struct ScoreCommit: Sendable {
    public var lease: PartitionLease
    /// The last sequence applied by this commit.
    public var through: UInt64
    public var customers: [CustomerRow]
    public var candidates: [RewardCandidate]
    public var alerts: [AlertRow]
    public var notices: [NoticeRow]
    public var topics: [TopicRow]
    /// Segments customers bought (for disruptions by segment).
    public var segments: [SegmentRow]
    /// Disruptions with a segment, remembered for purchases that arrive after them.
    public var disruptions: [Event]
    /// Referral codes and their referrers, from `referral` events.
    public var referralCodes: [ReferralCodeRow]
    /// Conversions seen on the referee's side (`referral_converted` candidates without a referrer yet).
    public var conversions: [RewardCandidate]
    /// Keyed hashes of contact details from `signup` events, for the self-referral check.
    public var contacts: [ContactRow] = []
    /// Survey answers, for NPS, CSAT and CES.
    public var surveys: [SurveyRow]
    /// Loyalty-ladder moves, for the ladder report.
    public var transitions: [TransitionRow]

    public init(
        lease: PartitionLease,
        through: UInt64,
        customers: [CustomerRow] = [],
        candidates: [RewardCandidate] = [],
        alerts: [AlertRow] = [],
        notices: [NoticeRow] = [],
        topics: [TopicRow] = [],
        segments: [SegmentRow] = [],
        disruptions: [Event] = [],
        referralCodes: [ReferralCodeRow] = [],
        conversions: [RewardCandidate] = [],
        surveys: [SurveyRow] = [],
        transitions: [TransitionRow] = []
    ) {
        self.lease = lease
        self.through = through
        self.customers = customers
        self.candidates = candidates
        self.alerts = alerts
        self.notices = notices
        self.topics = topics
        self.segments = segments
        self.disruptions = disruptions
        self.referralCodes = referralCodes
        self.conversions = conversions
        self.surveys = surveys
        self.transitions = transitions
    }
}

/// One survey answer; stored once by event id.
public struct SurveyRow: Sendable, Hashable {
    public var event: String
    public var customer: String
    /// `nps`, `csat` or `ces`.
    public var kind: String
    public var score: Int
    public var at: Timestamp
    public var channel: String?

    public init(event: String, customer: String, kind: String, score: Int, at: Timestamp, channel: String?) {
        self.event = event
        self.customer = customer
        self.kind = kind
        self.score = score
        self.at = at
        self.channel = channel
    }
}

/// A customer bought something of a segment (e.g. `route:LHR-JFK`).
public struct SegmentRow: Sendable, Hashable {
    public var segment: String
    public var customer: String

    public init(segment: String, customer: String) {
        self.segment = segment
        self.customer = customer
    }
}

/// A referral code and the customer it belongs to (the first to use it in a `referral` event).
public struct ReferralCodeRow: Sendable, Hashable {
    public var code: String
    public var referrer: String
    public var event: String

    public init(code: String, referrer: String, event: String) {
        self.code = code
        self.referrer = referrer
        self.event = event
    }
}

/// One customer's stored state with the fields reports filter on.
public struct CustomerRow: Sendable, Hashable {
    public var customer: String
    public var partition: UInt32
    public var stage: String
    public var state: [UInt8]

    public init(customer: String, partition: UInt32, stage: String, state: [UInt8]) {
        self.customer = customer
        self.partition = partition
        self.stage = stage
        self.state = state
    }
}

/// An alert as stored: the latest full record replaces the previous one (upsert by id).
public struct AlertRow: Sendable, Hashable {
    public var id: String
    public var customer: String
    public var trigger: String
    public var status: String
    public var severity: String
    public var openedAt: Timestamp
    public var closedAt: Timestamp?
    public var responseSeconds: Int64?
    public var reason: String
    public var channel: String?
    public var excerpt: String

    public init(
        id: String, customer: String, trigger: String, status: String, severity: String, openedAt: Timestamp,
        closedAt: Timestamp?, responseSeconds: Int64?, reason: String, channel: String?, excerpt: String
    ) {
        self.id = id
        self.customer = customer
        self.trigger = trigger
        self.status = status
        self.severity = severity
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.responseSeconds = responseSeconds
        self.reason = reason
        self.channel = channel
        self.excerpt = excerpt
    }
}

/// A proactive notice of a disruption to one customer; stored once by id.
public struct NoticeRow: Sendable, Hashable {
    public var id: String
    public var disruption: String
    public var customer: String
    public var at: Timestamp
    public var what: String

    public init(id: String, disruption: String, customer: String, at: Timestamp, what: String) {
        self.id = id
        self.disruption = disruption
        self.customer = customer
        self.at = at
        self.what = what
    }
}

/// Something customers ask the company to change: a suggestion or a complaint's reason; stored once by event.
public struct TopicRow: Sendable, Hashable {
    public var event: String
    public var customer: String
    /// `suggestion` or a complaint reason such as `delay`.
    public var topic: String
    public var at: Timestamp
    public var excerpt: String

    public init(event: String, customer: String, topic: String, at: Timestamp, excerpt: String) {
        self.event = event
        self.customer = customer
        self.topic = topic
        self.at = at
        self.excerpt = excerpt
    }
}
