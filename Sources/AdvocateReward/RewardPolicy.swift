import AdvocateCodec
import AdvocateStorage

/// Decides what a candidate earns. Runs inside the ledger transaction, so caps and budgets it checks
/// through `LedgerReading` cannot be overrun by another reward process at the same time.
public protocol RewardPolicy: Sendable {
    func decide(_ candidate: RewardCandidate, ledger: any LedgerReading) throws -> RewardDecision
}
