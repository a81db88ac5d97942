import AdvocateCodec
import AdvocateStorage
import AdvocateTestSupport

@testable import AdvocateReward

/// Candidates, rules and a ledger (SQLite in a temporary directory, or a fresh PostgreSQL database), for the
/// reward tests. The directory is there on either backend, for the rules file.
struct RewardFixtures {
    let directory: TemporaryDirectory
    let stores: TestStores
    let store: any RewardStore

    init(_ backend: TestBackend = .sqlite, notifies: Bool = false) throws {
        directory = try TemporaryDirectory(prefix: "advocate-reward")
        stores = try TestStores(backend)
        store = try stores.rewardStore(notifies: notifies)
    }

    /// Another connection to the same ledger, as a second reward process would open it.
    func openStore() throws -> any RewardStore { try stores.rewardStore() }

    func remove() {
        stores.remove()
        directory.remove()
    }

    static func time(_ text: String) -> Timestamp {
        (try? Timestamp(rfc3339: text)) ?? Timestamp(microseconds: 0)
    }

    /// A converted referral: `referee` bought `order` after signing up with `referrer`'s code.
    static func conversion(
        referee: String = "c-2", referrer: String? = "c-1", purchase: String = "p-2", order: String = "o-2",
        at: String = "2026-11-08T12:00:00Z", shared: [String] = [], refereeSince: String? = nil
    ) -> RewardCandidate {
        RewardCandidate(
            id: "referral_converted:\(purchase)", kind: .referralConverted, customer: referee, trigger: purchase,
            at: time(at), referralCode: "REF-\(referrer ?? "x")", referee: referee, order: order,
            amount: Money(units: 42 * Money.scale), stage: "customer", referrer: referrer,
            referredAt: time("2026-11-08T10:00:00Z"), refereeSince: time(refereeSince ?? "2026-11-08T10:00:00Z"),
            sharedContacts: shared
        )
    }

    static func review(
        _ id: String, customer: String = "c-4", rating: Int = 5, at: String = "2026-11-06T18:00:00Z"
    )
        -> RewardCandidate
    {
        RewardCandidate(
            id: "good_review:\(id)", kind: .goodReview, customer: customer, trigger: id, at: time(at), rating: rating,
            stage: "customer")
    }

    static func refund(_ id: String, customer: String = "c-2", order: String = "o-2", at: String) -> RewardCandidate {
        RewardCandidate(
            id: "order_refunded:\(id)", kind: .orderRefunded, customer: customer, trigger: id, at: time(at),
            order: order, amount: Money(units: 42 * Money.scale))
    }

    static func rules(_ yaml: String) throws -> RewardRules {
        try RulesParser.parse(yaml, source: "test.yaml")
    }

    /// Records `candidates` under `rules`, with deterministic coupon codes when asked.
    func record(_ candidates: [RewardCandidate], rules: RewardRules) throws -> [LedgerEntry] {
        let policy = RulesPolicy(rules: rules)
        return try store.record(candidates) { candidate, ledger in try policy.decide(candidate, ledger: ledger) }
    }

    static let referralRules = """
        fraud:
          max_referrals_per_day: 2
        rules:
          - id: referral-bonus
            trigger: referral_converted
            recipient: referrer
            reward: {kind: credit, amount: 10.00, currency: EUR}
            clawback_days: 30
          - id: welcome-coupon
            trigger: referral_converted
            recipient: referee
            reward: {kind: coupon, percent: 15}
        """
}
