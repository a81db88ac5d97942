import AdvocateCodec

/// Ingest's durable journal: every accepted event, once, at a sequence number within its partition.
///
/// `append` returns only after the events are durable, so ingest acknowledges after it. Event ids are
/// remembered for as long as the journal exists (a unique index), so a duplicate is recognised at any age.
public protocol JournalStore: AnyObject, Sendable {
    /// The number of partitions, fixed when the journal was created.
    var partitionCount: UInt32 { get }

    /// Appends the events not seen before, in order, in one transaction, together with rejection counts.
    /// - Returns: per input event, where it was appended or that it was a duplicate.
    func append(_ events: [Event], rejections: [String: Int]) throws -> [AppendOutcome]

    /// Up to `limit` entries of `partition` after sequence `after`, in order.
    func read(partition: UInt32, after: UInt64, limit: Int) throws -> [JournalEntry]

    /// The last sequence number of every partition (0 when empty).
    func heads() throws -> [UInt64]

    /// Reserves `count` new ownership epochs, higher than any handed out before by this journal, and
    /// returns the first; the others follow it consecutively.
    func reserveEpochs(_ count: Int) throws -> UInt64

    /// Accepted events per type and rejected requests/events per reason, as committed.
    func counts() throws -> JournalCounts
}

/// What happened to one event given to `JournalStore.append`.
public enum AppendOutcome: Sendable, Hashable {
    case appended(partition: UInt32, sequence: UInt64)
    case duplicate
}

/// Committed totals of the journal.
public struct JournalCounts: Sendable, Hashable {
    public var accepted: [String: Int]
    public var rejected: [String: Int]

    public init(accepted: [String: Int] = [:], rejected: [String: Int] = [:]) {
        self.accepted = accepted
        self.rejected = rejected
    }
}
