import AdvocateCodec

/// The reward stage's ledger: every candidate recorded once, and the rewards granted for them, each
/// under a unique idempotency key (rule and triggering event), so nothing is ever paid twice.
///
/// Every method that writes runs in one transaction that takes the write lock first (`BEGIN IMMEDIATE` on
/// SQLite), so that several reward processes sharing the ledger see each other's grants and budgets. On
/// PostgreSQL every such transaction first locks one writer row (per-customer caps and velocity need the same
/// order as budgets), then reads the rule's row in `budgets` `FOR UPDATE`, and `review` locks the held entry's
/// row before it changes it.
public protocol RewardStore: AnyObject, Sendable {
    /// Records the candidates not seen before and, for each of them, what `decide` grants, all in one
    /// transaction. `decide` runs inside the transaction, so it sees every earlier commit. An entry whose
    /// `reverses` is set marks that entry `reversed` (once) and gives its budget back.
    /// - Returns: the entries that are new in the ledger.
    func record(
        _ candidates: [RewardCandidate],
        decide: (RewardCandidate, any LedgerReading) throws -> RewardDecision
    ) throws -> [LedgerEntry]

    /// The ledger entries of one customer, oldest first (all customers when `nil`).
    func entries(customer: String?, limit: Int) throws -> [LedgerEntry]

    /// One ledger entry by its idempotency key.
    func entry(id: String) throws -> LedgerEntry?

    /// Issues or rejects a held entry, once: a second review of the same entry throws `notHeld`.
    /// - Parameters:
    ///   - code: the coupon code to issue with it (coupons only).
    ///   - note: why, appended to the entry's reason.
    /// - Returns: the entry as it is now.
    func review(id: String, approve: Bool, code: String?, note: String) throws -> LedgerEntry

    /// Sets the limits of the rules' budgets (rules without a budget have `nil` limits); spending is kept.
    func setBudgets(_ limits: [BudgetLimit]) throws

    /// Every budget with what is spent (issued and held entries) and what remains.
    func budgets() throws -> [BudgetStatus]

    /// The entry a coupon code belongs to.
    func coupon(code: String) throws -> LedgerEntry?

    /// Why each candidate of `customer` (as the one whose event it was, or as the referrer) got what it got.
    func explanations(customer: String, limit: Int) throws -> [CandidateExplanation]

    /// Webhook notifications due at `now`, oldest first.
    func dueNotifications(now: Timestamp, limit: Int) throws -> [RewardNotification]

    /// The receiver confirmed the notification.
    func delivered(notification id: Int64) throws

    /// A delivery failed: try again at `retryAt`, or move it to the dead letters when `retryAt` is `nil`.
    func failed(notification id: Int64, error: String, retryAt: Timestamp?) throws

    /// Notifications that were given up on, newest first.
    func deadLetters(limit: Int) throws -> [RewardNotification]
}

/// What a rule decided for one candidate.
public struct RewardDecision: Sendable, Hashable {
    /// New ledger entries (grants, holds, rejections, reversing entries).
    public var entries: [LedgerEntry]
    /// Why, in words, kept with the candidate (also when nothing was granted).
    public var explanation: String

    public init(entries: [LedgerEntry] = [], explanation: String) {
        self.entries = entries
        self.explanation = explanation
    }
}

/// What a rule may look up while deciding, inside the recording transaction.
public protocol LedgerReading {
    /// Entries of `rule` granted to `customer` at or after `since` (issued or held).
    func count(rule: String, customer: String, since: Timestamp) throws -> Int
    /// Total value and count of entries of `rule` (issued or held), from the rule's budget row.
    func spent(rule: String) throws -> (value: Money, count: Int)
    /// Converted referrals received for `referrer` with event time in `[from, until)`, this one included.
    func referralsConverted(referrer: String, from: Timestamp, until: Timestamp) throws -> Int
    /// The earliest refund received for `order` of `customer`.
    func refund(customer: String, order: String) throws -> ReceivedRefund?
    /// Entries granted for `order` of `customer` (the referee) that are not themselves reversals.
    func grants(subject customer: String, order: String) throws -> [LedgerEntry]
}

/// A rule's budget limits.
public struct BudgetLimit: Sendable, Hashable {
    public var rule: String
    public var value: Money?
    public var count: Int?

    public init(rule: String, value: Money?, count: Int?) {
        self.rule = rule
        self.value = value
        self.count = count
    }
}

/// A rule's budget: its limits, and what issued and held entries spent.
public struct BudgetStatus: Sendable, Hashable {
    public var rule: String
    public var limitValue: Money?
    public var limitCount: Int?
    public var spentValue: Money
    public var spentCount: Int

    public init(rule: String, limitValue: Money?, limitCount: Int?, spentValue: Money, spentCount: Int) {
        self.rule = rule
        self.limitValue = limitValue
        self.limitCount = limitCount
        self.spentValue = spentValue
        self.spentCount = spentCount
    }

    public var remainingValue: Money? { limitValue.map { $0 - spentValue } }
    public var remainingCount: Int? { limitCount.map { $0 - spentCount } }
}

/// A candidate as the reward stage received it, and why it got what it got.
public struct CandidateExplanation: Sendable, Hashable {
    public var candidate: String
    public var kind: String
    public var customer: String
    public var referrer: String?
    public var trigger: String
    public var at: Timestamp
    public var explanation: String

    public init(
        candidate: String, kind: String, customer: String, referrer: String?, trigger: String, at: Timestamp,
        explanation: String
    ) {
        self.candidate = candidate
        self.kind = kind
        self.customer = customer
        self.referrer = referrer
        self.trigger = trigger
        self.at = at
        self.explanation = explanation
    }
}

/// A webhook notification of an issued or reversed reward; `key` is the entry's idempotency key.
public struct RewardNotification: Sendable, Hashable {
    public var id: Int64
    public var key: String
    /// `issued` or `reversed`.
    public var event: String
    public var attempts: Int
    public var lastError: String?
    public var at: Timestamp

    public init(id: Int64, key: String, event: String, attempts: Int, lastError: String?, at: Timestamp) {
        self.id = id
        self.key = key
        self.event = event
        self.attempts = attempts
        self.lastError = lastError
        self.at = at
    }
}

/// A refund candidate the ledger has received.
public struct ReceivedRefund: Sendable, Hashable {
    public var candidate: String
    public var trigger: String
    public var at: Timestamp

    public init(candidate: String, trigger: String, at: Timestamp) {
        self.candidate = candidate
        self.trigger = trigger
        self.at = at
    }
}
