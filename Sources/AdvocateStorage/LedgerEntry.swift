import AdvocateCodec

/// One line of the reward ledger.
public struct LedgerEntry: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case issued
        case held
        case rejected
        case reversed
    }

    /// The idempotency key: `rule + ":" + trigger event id` (`reversal:` + the reversed key for a reversal).
    public var id: String
    /// Who receives it.
    public var customer: String
    public var rule: String
    /// points, coupon, credit or gift.
    public var kind: String
    public var value: Money
    public var status: Status
    /// Why: the decision and every check behind it.
    public var reason: String
    public var trigger: String
    public var candidate: String
    public var at: Timestamp
    /// The fingerprint of the rule that decided it.
    public var ruleVersion: String = ""
    /// The coupon code (coupons that are issued only).
    public var code: String?
    /// For a reversing entry: the key of the entry it reverses.
    public var reverses: String?
    /// The customer whose event triggered it (the referee of a referral) and the order behind it.
    public var subject: String?
    public var order: String?
    /// A refund of `order` before this time reverses the entry.
    public var clawbackUntil: Timestamp?

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
