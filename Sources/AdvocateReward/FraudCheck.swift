import AdvocateCodec
import AdvocateStorage

/// The fraud checks on a converted referral, each with the reason it gives: a referral that fails one is
/// rejected, a suspicious one is held for an operator, and the checks it passed are said as well.
public struct FraudCheck: Sendable {
    /// What the checks found.
    public struct Verdict: Sendable, Hashable {
        /// Reasons to reject (certain fraud).
        public var rejections: [String] = []
        /// Reasons to hold for review (suspicious).
        public var holds: [String] = []
        /// The checks passed, for the explanation.
        public var passed: [String] = []

        public init() {}
    }

    public var settings: RewardRules.Fraud

    public init(settings: RewardRules.Fraud) {
        self.settings = settings
    }

    /// Runs every check on a `referral_converted` candidate (other kinds pass unchecked).
    public func assess(_ candidate: RewardCandidate, ledger: any LedgerReading) throws -> Verdict {
        var verdict = Verdict()
        guard candidate.kind == .referralConverted else { return verdict }
        let referee = candidate.referee ?? candidate.customer
        if let referrer = candidate.referrer, referrer == referee {
            verdict.rejections.append("self-referral: the referee \(referee) is the referrer")
        } else if !candidate.sharedContacts.isEmpty {
            let shared = candidate.sharedContacts.map(Self.name).joined(separator: ", ")
            let finding = "possible self-referral: the referee shares the referrer's \(shared)"
            if settings.holdSharedContacts {
                verdict.holds.append(finding)
            } else {
                verdict.rejections.append(finding)
            }
        } else {
            verdict.passed.append("no shared contact details")
        }
        if let since = candidate.refereeSince, let referred = candidate.referredAt, since < referred {
            verdict.rejections.append(
                "referee not new: \(referee) was known since \(since.rfc3339), before signing up with the code at "
                    + referred.rfc3339)
        } else {
            verdict.passed.append("referee is new")
        }
        if let referrer = candidate.referrer {
            let day = Timestamp.microsecondsPerDay
            let start = Timestamp(microseconds: candidate.at.microseconds - Self.modulo(candidate.at.microseconds, day))
            let end = Timestamp(microseconds: start.microseconds + day)
            let count = try ledger.referralsConverted(referrer: referrer, from: start, until: end)
            let dayText = String(start.rfc3339.prefix(10))
            if count > settings.maximumReferralsPerDay {
                verdict.holds.append(
                    "velocity: referral \(count) converted for \(referrer) on \(dayText), more than the "
                        + "\(settings.maximumReferralsPerDay) a day allowed")
            } else {
                verdict.passed.append("referral \(count) of at most \(settings.maximumReferralsPerDay) on \(dayText)")
            }
        }
        return verdict
    }

    static func name(_ kind: String) -> String {
        switch kind {
        case "email": "e-mail"
        case "payment": "payment fingerprint"
        default: kind
        }
    }

    static func modulo(_ value: Int64, _ divisor: Int64) -> Int64 {
        let remainder = value % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }
}
