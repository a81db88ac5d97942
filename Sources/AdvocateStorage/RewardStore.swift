import AdvocateCodec

/// The reward stage's ledger: every candidate recorded once, and the rewards granted for them, each
/// under a unique idempotency key (rule and triggering event), so nothing is ever paid twice.
public protocol RewardStore: AnyObject, Sendable {
    /// Records the candidates not seen before and, for each of them, the ledger entries `decide` grants,
    /// all in one transaction. `decide` runs inside the transaction, so it sees every earlier commit.
    /// - Returns: the entries that are new in the ledger.
    func record(
        _ candidates: [RewardCandidate],
        decide: (RewardCandidate, any LedgerReading) throws -> [LedgerEntry]
    ) throws -> [LedgerEntry]

    /// The ledger entries of one customer, oldest first (all customers when `nil`).
    func entries(customer: String?, limit: Int) throws -> [LedgerEntry]
}

/// What a rule may look up while deciding, inside the recording transaction.
public protocol LedgerReading {
    /// Entries of `rule` granted to `customer` at or after `since`.
    func count(rule: String, customer: String, since: Timestamp) throws -> Int
    /// Total value and count of entries of `rule` (issued or held).
    func spent(rule: String) throws -> (value: Money, count: Int)
}

/// One line of the reward ledger.
public struct LedgerEntry: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case issued
        case held
        case rejected
        case reversed
    }

    /// The idempotency key: `rule + ":" + trigger event id`.
    public var id: String
    public var customer: String
    public var rule: String
    /// points, coupon, credit or gift.
    public var kind: String
    public var value: Money
    public var status: Status
    public var reason: String
    public var trigger: String
    public var candidate: String
    public var at: Timestamp

    public init(
        id: String, customer: String, rule: String, kind: String, value: Money, status: Status, reason: String,
        trigger: String, candidate: String, at: Timestamp
    ) {
        self.id = id
        self.customer = customer
        self.rule = rule
        self.kind = kind
        self.value = value
        self.status = status
        self.reason = reason
        self.trigger = trigger
        self.candidate = candidate
        self.at = at
    }
}
