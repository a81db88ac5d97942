import AdvocateCodec

/// One reward rule from the operator's rules file: what triggers it, what it grants to whom, under which
/// conditions, limits and budget, and for how long a refund claws it back.
public struct RewardRule: Sendable, Hashable {
    /// Who receives the reward.
    public enum Recipient: String, Sendable, Hashable, CaseIterable {
        /// The customer who referred a converted referee.
        case referrer
        /// The referee of a converted referral.
        case referee
        /// The customer whose event triggered the candidate.
        case customer
    }

    /// What is granted.
    public enum Reward: Sendable, Hashable {
        case points(Money)
        case couponAmount(Money, currency: String?)
        case couponPercent(Money)
        case credit(Money, currency: String?)
        case gift(String, value: Money)

        /// The ledger's `kind`.
        public var kind: String {
            switch self {
            case .points: "points"
            case .couponAmount, .couponPercent: "coupon"
            case .credit: "credit"
            case .gift: "gift"
            }
        }

        /// The ledger's `value`: points, money, a percentage (for a percentage coupon) or a gift's value.
        public var value: Money {
            switch self {
            case .points(let value), .couponAmount(let value, _), .couponPercent(let value), .credit(let value, _),
                .gift(_, let value):
                value
            }
        }

        /// What the customer gets, in words, for explanations and notifications.
        public var summary: String {
            switch self {
            case .points(let value): "\(value.decimalString) points"
            case .couponAmount(let value, let currency):
                "a coupon for \(value.decimalString)\(currency.map { " " + $0 } ?? "")"
            case .couponPercent(let value): "a \(value.decimalString)% coupon"
            case .credit(let value, let currency):
                "\(value.decimalString)\(currency.map { " " + $0 } ?? "") account credit"
            case .gift(let name, _): "the gift \"\(name)\""
            }
        }
    }

    /// What the candidate must satisfy; every condition that is set must hold.
    public struct Conditions: Sendable, Hashable {
        public var minimumRating: Int?
        public var minimumOrderAmount: Money?
        public var stages: [String] = []
        public var segments: [String] = []

        public init() {}
    }

    /// At most `count` rewards of the rule per recipient in any `periodDays` days.
    public struct Limit: Sendable, Hashable {
        public var count: Int
        public var periodDays: Int

        public init(count: Int, periodDays: Int) {
            self.count = count
            self.periodDays = periodDays
        }
    }

    /// A campaign budget: the rule stops granting once either total would be exceeded.
    public struct Budget: Sendable, Hashable {
        public var value: Money?
        public var count: Int?

        public init(value: Money? = nil, count: Int? = nil) {
            self.value = value
            self.count = count
        }
    }

    public var id: String
    public var trigger: RewardCandidate.Kind
    public var recipient: Recipient
    public var reward: Reward
    public var conditions = Conditions()
    public var limit: Limit?
    public var budget: Budget?
    /// The rule grants for candidates whose event time is in `[validFrom, validUntil)`.
    public var validFrom: Timestamp?
    public var validUntil: Timestamp?
    /// A refund of the triggering order within this many days of it reverses the reward.
    public var clawbackDays: Int?
    /// A short fingerprint of the rule's definition, recorded with every ledger entry it grants.
    public var version = ""

    public init(id: String, trigger: RewardCandidate.Kind, recipient: Recipient, reward: Reward) {
        self.id = id
        self.trigger = trigger
        self.recipient = recipient
        self.reward = reward
    }
}
