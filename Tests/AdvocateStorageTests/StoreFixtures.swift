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
