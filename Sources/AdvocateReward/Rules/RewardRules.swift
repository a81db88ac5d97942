import AdvocateCodec

/// The operator's reward rules, as loaded from the rules file.
public struct RewardRules: Sendable, Hashable {
    /// The fraud checks' settings (they apply to `referral_converted` rules).
    public struct Fraud: Sendable, Hashable {
        /// More converted referrals than this per referrer in one day (UTC, event time) are held for review.
        public var maximumReferralsPerDay = 5
        /// Hold a referral whose referee shares a contact detail with the referrer (else reject it).
        public var holdSharedContacts = true

        public init() {}
    }

    public var rules: [RewardRule]
    public var fraud = Fraud()
    /// Where the rules came from (a path, or "the default rules"), for logs.
    public var source: String

    public init(rules: [RewardRule], fraud: Fraud = Fraud(), source: String) {
        self.rules = rules
        self.fraud = fraud
        self.source = source
    }

    /// The rules a candidate of `kind` triggers, in file order.
    public func rules(for kind: RewardCandidate.Kind) -> [RewardRule] {
        rules.filter { $0.trigger == kind }
    }

    /// The rule with `id`.
    public func rule(_ id: String) -> RewardRule? {
        rules.first { $0.id == id }
    }
}
