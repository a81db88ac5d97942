import AdvocateCodec
import AdvocateStorage

/// Turns a batch of one partition's events into the rows to commit: the customers' new states and
/// everything the events produced. Implementations are deterministic: the same batch on the same states
/// gives the same result, which is what makes redelivery after a crash harmless.
public protocol Scorer: Sendable {
    /// - Parameters:
    ///   - entries: consecutive, not yet applied events of the context's partition.
    ///   - context: what the store knows that the batch needs.
    func score(_ entries: [JournalEntry], context: ScoringContext) throws -> ScoredBatch
}

/// What a scorer may need from the store for one batch, loaded by the worker before scoring.
public struct ScoringContext: Sendable {
    public var partition: UInt32
    public var partitionCount: UInt32
    /// Stored states of the customers the batch touches (absent = new customer).
    public var states: [String: [UInt8]]
    /// For the segments of disruptions in the batch: this partition's customers who bought them.
    public var segmentMembers: [String: [String]]
    /// For the segments of purchases in the batch: the disruptions already known, from the batch's earliest
    /// purchase of the segment on (older ones cannot cover any of its purchases).
    public var disruptions: [String: [Event]]

    public init(
        partition: UInt32, partitionCount: UInt32, states: [String: [UInt8]] = [:],
        segmentMembers: [String: [String]] = [:], disruptions: [String: [Event]] = [:]
    ) {
        self.partition = partition
        self.partitionCount = partitionCount
        self.states = states
        self.segmentMembers = segmentMembers
        self.disruptions = disruptions
    }

    /// Everything the worker must load for `entries` of `partition`: customers, and the segments in play.
    public static func needs(
        of entries: [JournalEntry], partition: UInt32, partitionCount: UInt32
    ) -> (customers: [String], disruptionSegments: Set<String>, purchaseSegments: [String: Timestamp]) {
        var customers = Set<String>()
        var disruptionSegments = Set<String>()
        // Per segment bought in the batch, its earliest purchase.
        var purchaseSegments: [String: Timestamp] = [:]
        for entry in entries {
            if let customer = entry.event.customer { customers.insert(customer) }
            switch entry.event.body {
            case .disruption(let disruption) where entry.event.customer == nil:
                for customer in disruption.customers
                where Partitioning.partition(of: customer, count: partitionCount) == partition {
                    customers.insert(customer)
                }
                if let segment = disruption.segment { disruptionSegments.insert(segment) }
            case .purchase(let purchase):
                if let segment = purchase.segment {
                    purchaseSegments[segment] = min(purchaseSegments[segment] ?? entry.event.at, entry.event.at)
                }
            default:
                break
            }
        }
        return (customers.sorted(), disruptionSegments, purchaseSegments)
    }
}

/// What a batch produced.
public struct ScoredBatch: Sendable {
    public var customers: [CustomerRow] = []
    public var candidates: [RewardCandidate] = []
    public var alerts: [AlertRow] = []
    public var notices: [NoticeRow] = []
    public var topics: [TopicRow] = []
    public var segments: [SegmentRow] = []
    public var disruptions: [Event] = []
    public var referralCodes: [ReferralCodeRow] = []
    public var conversions: [RewardCandidate] = []
    public var surveys: [SurveyRow] = []
    public var contacts: [ContactRow] = []
    public var transitions: [TransitionRow] = []

    public init() {}
}
