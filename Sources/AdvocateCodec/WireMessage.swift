/// A message between stages, in the binary encoding (`WireMessage.encoded()` / `WireMessage(decoding:)`).
///
/// Workers (score and reward processes) connect a DEALER socket to ingest's ROUTER work endpoint.
/// The conversation, in order:
/// 1. worker → ingest `hello`; ingest → worker `assign` (the full set of partitions it now owns).
/// 2. worker → ingest `resume` per newly owned partition, naming the last sequence it committed.
/// 3. ingest → worker `events` batches within the worker's capacity; worker → ingest `ack` after commit.
/// 4. score → ingest `candidates`; ingest forwards them to a reward worker with `origin` set; reward →
///    ingest `candidatesAck` after its ledger commit, and ingest routes it back to `origin`.
/// 5. score → ingest `forward` with events derived for other partitions (a referral conversion for the
///    referrer); ingest journals them like any event (deduplicated by their deterministic ids) and answers
///    `forwardAck` once they are durable.
/// 6. both ways `heartbeat`; worker → ingest `goodbye` on a clean shutdown.
public enum WireMessage: Sendable, Hashable {
    case hello(WorkerHello)
    case assign(Assignment)
    case resume(Resume)
    case events(EventBatch)
    case ack(Ack)
    case candidates(CandidateBatch)
    case candidatesAck(CandidateAck)
    case heartbeat
    case goodbye
    case error(WireError)
    case forward(ForwardBatch)
    case forwardAck(ForwardAck)

    /// The message kind's code in the frame header; never reuse a retired code.
    public var kind: UInt8 {
        switch self {
        case .hello: 1
        case .assign: 2
        case .resume: 3
        case .events: 4
        case .ack: 5
        case .candidates: 6
        case .candidatesAck: 7
        case .heartbeat: 8
        case .goodbye: 9
        case .error: 10
        case .forward: 11
        case .forwardAck: 12
        }
    }
}

/// The role a connecting worker plays.
public enum WorkerRole: UInt8, Sendable, Hashable, CaseIterable {
    case score = 1
    case reward = 2
}

/// A worker introducing itself.
public struct WorkerHello: Sendable, Hashable {
    /// Unique per process (host, pid and start time), for logs and assignment.
    public var worker: String
    public var role: WorkerRole
    /// How many events (score) or candidates (reward) it takes in flight before acknowledging.
    public var capacity: UInt32

    public init(worker: String, role: WorkerRole, capacity: UInt32) {
        self.worker = worker
        self.role = role
        self.capacity = capacity
    }
}

/// Ownership of one partition for one epoch; a higher epoch always wins (fencing).
public struct PartitionLease: Sendable, Hashable {
    public var partition: UInt32
    public var epoch: UInt64

    public init(partition: UInt32, epoch: UInt64) {
        self.partition = partition
        self.epoch = epoch
    }
}

/// The complete set of partitions a worker owns from now on; any partition not listed is no longer its own.
public struct Assignment: Sendable, Hashable {
    public var partitionCount: UInt32
    public var leases: [PartitionLease]

    public init(partitionCount: UInt32, leases: [PartitionLease]) {
        self.partitionCount = partitionCount
        self.leases = leases
    }
}

/// A worker is ready for a partition: it has committed everything up to `after`, so send `after + 1` on.
public struct Resume: Sendable, Hashable {
    public var lease: PartitionLease
    public var after: UInt64

    public init(lease: PartitionLease, after: UInt64) {
        self.lease = lease
        self.after = after
    }
}

/// One event at its place in a partition's journal.
public struct JournalEntry: Sendable, Hashable {
    /// 1-based, gap-free within the partition.
    public var sequence: UInt64
    public var event: Event

    public init(sequence: UInt64, event: Event) {
        self.sequence = sequence
        self.event = event
    }
}

/// Consecutive events of one partition.
public struct EventBatch: Sendable, Hashable {
    public var lease: PartitionLease
    public var entries: [JournalEntry]

    public init(lease: PartitionLease, entries: [JournalEntry]) {
        self.lease = lease
        self.entries = entries
    }
}

/// Everything of the partition up to and including `through` is committed by its owner.
public struct Ack: Sendable, Hashable {
    public var lease: PartitionLease
    public var through: UInt64

    public init(lease: PartitionLease, through: UInt64) {
        self.lease = lease
        self.through = through
    }
}

/// What scoring found worth a reward (or a reversal), for the reward stage to decide on.
public struct RewardCandidate: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case referralConverted = "referral_converted"
        case goodReview = "good_review"
        case promoter
        case becameAdvocate = "became_advocate"
        case recoveredDetractor = "recovered_detractor"
        /// Not a reward: an order was refunded, so rewards it triggered may be clawed back.
        case orderRefunded = "order_refunded"

        public var code: UInt8 {
            switch self {
            case .referralConverted: 1
            case .goodReview: 2
            case .promoter: 3
            case .becameAdvocate: 4
            case .recoveredDetractor: 5
            case .orderRefunded: 6
            }
        }

        public init?(code: UInt8) {
            guard let kind = Kind.allCases.first(where: { $0.code == code }) else { return nil }
            self = kind
        }
    }

    /// Deterministic: derived from the kind and the triggering event, so a replay yields the same id.
    public var id: String
    public var kind: Kind
    /// The customer whose event triggered it (for a converted referral: the referee).
    public var customer: String
    /// The id of the event that triggered it.
    public var trigger: String
    public var at: Timestamp
    /// For referrals: the code the referee signed up with.
    public var referralCode: String?
    /// For referrals: the referee (the new customer).
    public var referee: String?
    /// The order behind it (the referee's first purchase; the refunded order).
    public var order: String?
    public var amount: Money?
    /// The review rating (1-5) or survey score (0-10).
    public var rating: Int?
    public var segment: String?
    /// The customer's ladder stage when it was raised.
    public var stage: String?
    /// For referrals: the customer who referred the referee, once known.
    public var referrer: String?
    /// For referrals: when the referee signed up with the code.
    public var referredAt: Timestamp?
    /// For referrals: when the referee was first known (their earliest signup), for the "not new" check.
    public var refereeSince: Timestamp?
    /// For referrals: the contact kinds (`email`, `phone`, `payment`, `address`) whose keyed hashes the referee
    /// shares with the referrer, found when the conversion was joined with its code. Never the hashes themselves.
    public var sharedContacts: [String]

    public init(
        id: String,
        kind: Kind,
        customer: String,
        trigger: String,
        at: Timestamp,
        referralCode: String? = nil,
        referee: String? = nil,
        order: String? = nil,
        amount: Money? = nil,
        rating: Int? = nil,
        segment: String? = nil,
        stage: String? = nil,
        referrer: String? = nil,
        referredAt: Timestamp? = nil,
        refereeSince: Timestamp? = nil,
        sharedContacts: [String] = []
    ) {
        self.id = id
        self.kind = kind
        self.customer = customer
        self.trigger = trigger
        self.at = at
        self.referralCode = referralCode
        self.referee = referee
        self.order = order
        self.amount = amount
        self.rating = rating
        self.segment = segment
        self.stage = stage
        self.referrer = referrer
        self.referredAt = referredAt
        self.refereeSince = refereeSince
        self.sharedContacts = sharedContacts
    }
}

/// Candidates from one score worker. `origin` is empty when sent by score and set by ingest to the
/// score worker's routing id when forwarded to reward, so that the acknowledgement finds its way back.
public struct CandidateBatch: Sendable, Hashable {
    public var batch: UInt64
    public var origin: [UInt8]
    public var candidates: [RewardCandidate]

    public init(batch: UInt64, origin: [UInt8] = [], candidates: [RewardCandidate]) {
        self.batch = batch
        self.origin = origin
        self.candidates = candidates
    }
}

/// Reward committed every candidate of `batch` to its ledger.
public struct CandidateAck: Sendable, Hashable {
    public var batch: UInt64
    public var origin: [UInt8]

    public init(batch: UInt64, origin: [UInt8] = []) {
        self.batch = batch
        self.origin = origin
    }
}

/// Events a score worker derived for other partitions, to be journalled by ingest.
public struct ForwardBatch: Sendable, Hashable {
    public var batch: UInt64
    public var events: [Event]

    public init(batch: UInt64, events: [Event]) {
        self.batch = batch
        self.events = events
    }
}

/// Every event of `batch` is durable in the journal (or was there already).
public struct ForwardAck: Sendable, Hashable {
    public var batch: UInt64

    public init(batch: UInt64) {
        self.batch = batch
    }
}

/// A refusal the peer should log and act on (e.g. a stale epoch).
public struct WireError: Sendable, Hashable {
    public enum Code: UInt16, Sendable, Hashable {
        case malformed = 1
        case staleEpoch = 2
        case unknownWorker = 3
        case unsupportedVersion = 4
    }

    public var code: Code
    public var message: String

    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }
}
