import AdvocateCodec
import AdvocateStorage

/// Turns a batch of one partition's events into the rows to commit: the customers' new states and
/// everything the events produced. Implementations are deterministic: the same batch on the same states
/// gives the same result, which is what makes redelivery after a crash harmless.
public protocol Scorer: Sendable {
    /// - Parameters:
    ///   - entries: consecutive, not yet applied events of `partition`.
    ///   - states: the stored states of the customers in the batch (absent = new customer).
    func score(_ entries: [JournalEntry], partition: UInt32, states: [String: [UInt8]]) throws -> ScoredBatch
}

/// What a batch produced.
public struct ScoredBatch: Sendable {
    public var customers: [CustomerRow] = []
    public var candidates: [RewardCandidate] = []
    public var alerts: [AlertRow] = []
    public var notices: [NoticeRow] = []
    public var topics: [TopicRow] = []

    public init() {}
}
