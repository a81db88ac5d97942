import AdvocateCodec
import AdvocateStorage

/// Decides what a candidate earns. Runs inside the ledger transaction, so caps and budgets it checks
/// through `LedgerReading` cannot be overrun by another reward process at the same time.
public protocol RewardPolicy: Sendable {
    func decide(_ candidate: RewardCandidate, ledger: any LedgerReading) throws -> [LedgerEntry]
}

/// The rewards Advocate grants until an operator writes rules: credit to the referrer of a converted
/// referral, and thank-you points for a 4-5 star review, at most one per customer per 30 days.
public struct DefaultRewardPolicy: RewardPolicy {
    public var referralCredit = Money(units: 10 * Money.scale)
    public var reviewPoints = Money(units: 100 * Money.scale)

    public init() {}

    public func decide(_ candidate: RewardCandidate, ledger: any LedgerReading) throws -> [LedgerEntry] {
        switch candidate.kind {
        case .referralConverted:
            guard let referrer = candidate.referrer else { return [] }
            let rule = "referral-bonus"
            return [
                LedgerEntry(
                    id: "\(rule):\(candidate.trigger)", customer: referrer, rule: rule, kind: "credit",
                    value: referralCredit, status: .issued,
                    reason: "referred \(candidate.referee ?? candidate.customer), who made a first purchase",
                    trigger: candidate.trigger, candidate: candidate.id, at: candidate.at
                )
            ]
        case .goodReview:
            guard let rating = candidate.rating, rating >= 4 else { return [] }
            let rule = "review-thanks"
            let window = Timestamp(microseconds: candidate.at.microseconds - 30 * Timestamp.microsecondsPerDay)
            let recent = try ledger.count(rule: rule, customer: candidate.customer, since: window)
            let capped = recent > 0
            return [
                LedgerEntry(
                    id: "\(rule):\(candidate.trigger)", customer: candidate.customer, rule: rule, kind: "points",
                    value: reviewPoints, status: capped ? .rejected : .issued,
                    reason: capped
                        ? "already thanked for a review in the last 30 days"
                        : "left a \(rating)-star review",
                    trigger: candidate.trigger, candidate: candidate.id, at: candidate.at
                )
            ]
        case .promoter, .becameAdvocate, .recoveredDetractor, .orderRefunded:
            return []
        }
    }
}
