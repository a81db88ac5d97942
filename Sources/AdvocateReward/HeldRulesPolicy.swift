import AdvocateCodec
import AdvocateStorage

/// Rules read from the holder at every decision, so that a reload applies to the next candidate.
public struct HeldRulesPolicy: RewardPolicy {
    let holder: RulesHolder
    let codes: @Sendable () -> String

    public init(holder: RulesHolder, codes: @escaping @Sendable () -> String = CouponCode.generate) {
        self.holder = holder
        self.codes = codes
    }

    public func decide(_ candidate: RewardCandidate, ledger: any LedgerReading) throws -> RewardDecision {
        try RulesPolicy(rules: holder.rules, codes: codes).decide(candidate, ledger: ledger)
    }
}
