import AdvocateCodec
import AdvocateStorage
import AdvocateTestSupport
import Testing

@testable import AdvocateReward

/// Each fraud check, through the rules and a real ledger, with the reason it gives.
@Suite struct FraudCheckTests {
    @Test(arguments: TestBackend.all)
    func anHonestReferralIsIssuedWithTheChecksItPassed(backend: TestBackend) throws {
        let fixtures = try RewardFixtures(backend)
        defer { fixtures.remove() }
        let added = try fixtures.record(
            [RewardFixtures.conversion()], rules: RewardFixtures.rules(RewardFixtures.referralRules))
        let bonus = try #require(added.first { $0.rule == "referral-bonus" })
        #expect(bonus.status == .issued)
        #expect(bonus.customer == "c-1")
        #expect(bonus.reason.contains("no shared contact details"))
        #expect(bonus.reason.contains("referee is new"))
        #expect(bonus.reason.contains("referral 1 of at most 2 on 2026-11-08"))
        let coupon = try #require(added.first { $0.rule == "welcome-coupon" })
        #expect(coupon.customer == "c-2")
        #expect(coupon.status == .issued)
        #expect(coupon.code.flatMap(CouponCode.normalized) == coupon.code)
    }

    @Test(arguments: TestBackend.all)
    func theRefereeBeingTheReferrerIsRejected(backend: TestBackend) throws {
        let fixtures = try RewardFixtures(backend)
        defer { fixtures.remove() }
        let added = try fixtures.record(
            [RewardFixtures.conversion(referee: "c-1", referrer: "c-1")],
            rules: RewardFixtures.rules(RewardFixtures.referralRules))
        #expect(added.map(\.status) == [.rejected, .rejected])
        #expect(added.allSatisfy { $0.reason.hasPrefix("rejected: self-referral: the referee c-1 is the referrer") })
        #expect(added.allSatisfy { $0.code == nil })
    }

    @Test(arguments: [
        (["email"], "e-mail"), (["address", "payment"], "address, payment fingerprint"), (["phone"], "phone"),
    ])
    func aSharedContactDetailHoldsTheReferralForReview(shared: [String], named: String) throws {
        let fixtures = try RewardFixtures()
        defer { fixtures.remove() }
        let added = try fixtures.record(
            [RewardFixtures.conversion(shared: shared)], rules: RewardFixtures.rules(RewardFixtures.referralRules))
        let bonus = try #require(added.first { $0.rule == "referral-bonus" })
        #expect(bonus.status == .held)
        #expect(
            bonus.reason.hasPrefix(
                "held for review: possible self-referral: the referee shares the referrer's \(named)"))
        // Held rewards reserve their budget but are not fulfilled until approved.
        #expect(RewardNotice.notices(for: added).map(\.entry.rule).isEmpty)
    }

    @Test(arguments: TestBackend.all)
    func aSharedContactIsRejectedWhenTheRulesSaySo(backend: TestBackend) throws {
        let fixtures = try RewardFixtures(backend)
        defer { fixtures.remove() }
        let rules = try RewardFixtures.rules(
            RewardFixtures.referralRules.replacingOccurrences(
                of: "max_referrals_per_day: 2", with: "max_referrals_per_day: 2\n  shared_contacts: reject"))
        let added = try fixtures.record([RewardFixtures.conversion(shared: ["email"])], rules: rules)
        #expect(added.map(\.status) == [.rejected, .rejected])
    }

    @Test(arguments: TestBackend.all)
    func aRefereeKnownBeforeTheReferralIsRejected(backend: TestBackend) throws {
        let fixtures = try RewardFixtures(backend)
        defer { fixtures.remove() }
        let added = try fixtures.record(
            [RewardFixtures.conversion(refereeSince: "2026-10-01T09:00:00Z")],
            rules: RewardFixtures.rules(RewardFixtures.referralRules))
        let bonus = try #require(added.first { $0.rule == "referral-bonus" })
        #expect(bonus.status == .rejected)
        #expect(
            bonus.reason.hasPrefix(
                "rejected: referee not new: c-2 was known since 2026-10-01T09:00:00Z, before signing up with the code"))
    }

    @Test(arguments: TestBackend.all)
    func moreReferralsADayThanAllowedAreHeld(backend: TestBackend) throws {
        let fixtures = try RewardFixtures(backend)
        defer { fixtures.remove() }
        let rules = try RewardFixtures.rules(RewardFixtures.referralRules)
        let sameDay = (1...3).map { index in
            RewardFixtures.conversion(
                referee: "c-\(10 + index)", purchase: "p-\(index)", order: "o-\(index)",
                at: "2026-11-08T1\(index):00:00Z")
        }
        let nextDay = RewardFixtures.conversion(
            referee: "c-20", purchase: "p-20", order: "o-20", at: "2026-11-09T01:00:00Z")
        let added = try fixtures.record(sameDay + [nextDay], rules: rules).filter { $0.rule == "referral-bonus" }
        #expect(added.map(\.status) == [.issued, .issued, .held, .issued])
        #expect(
            added[2].reason.hasPrefix(
                "held for review: velocity: referral 3 converted for c-1 on 2026-11-08, more than the 2 a day allowed"))
    }

    @Test(arguments: TestBackend.all)
    func aCandidateNoRuleRewardsIsExplained(backend: TestBackend) throws {
        let fixtures = try RewardFixtures(backend)
        defer { fixtures.remove() }
        let promoter = RewardCandidate(
            id: "promoter:v-1", kind: .promoter, customer: "c-5", trigger: "v-1",
            at: RewardFixtures.time("2026-11-04T12:00:00Z"), rating: 10)
        let lowReview = RewardFixtures.review("w-9", customer: "c-5", rating: 2)
        let added = try fixtures.record([promoter, lowReview], rules: RulesFile.load(path: nil))
        #expect(added.isEmpty)
        let explained = try fixtures.store.explanations(customer: "c-5", limit: 10)
        // Oldest first: the NPS answer came before the review.
        #expect(
            explained.map(\.explanation) == [
                "no rule rewards promoter", "review-thanks: not applicable: rating 2 is below 4",
            ])
    }
}
