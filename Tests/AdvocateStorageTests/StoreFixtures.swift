import AdvocateCodec
import AdvocateTestSupport

/// Small events and candidates for store tests.
enum StoreFixtures {
    static func purchase(_ id: String, customer: String, day: Int = 1) -> Event {
        Event(
            id: id, customer: customer, at: Timestamp(seconds: 1_790_000_000 + Int64(day) * 86_400),
            body: .purchase(Purchase(order: "o-\(id)", amount: Money(units: 425_000)))
        )
    }

    static func candidate(
        _ id: String, kind: RewardCandidate.Kind = .goodReview, customer: String = "c-1"
    ) -> RewardCandidate {
        RewardCandidate(
            id: "\(kind.rawValue):\(id)", kind: kind, customer: customer, trigger: id,
            at: Timestamp(seconds: 1_790_000_000), rating: 5
        )
    }
}

extension StoreFixtures {
    /// The referee's half of referral `index`: customer `c-<index>` signed up with code `REF-<index>`.
    static func conversion(_ index: Int) -> RewardCandidate {
        RewardCandidate(
            id: "referral_converted:g-\(index)", kind: .referralConverted, customer: "c-\(index)",
            trigger: "g-\(index)", at: Timestamp(seconds: 1_790_000_000), referralCode: "REF-\(index)",
            referee: "c-\(index)"
        )
    }
}
