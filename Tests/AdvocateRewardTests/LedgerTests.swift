import AdvocateCodec
import AdvocateStorage
import AdvocateTestSupport
import Testing

@testable import AdvocateReward

/// Exactly once: replays, clawbacks, reviews and coupon codes.
@Suite struct LedgerTests {
    static func journal() -> [RewardCandidate] {
        [
            RewardFixtures.conversion(),
            RewardFixtures.review("w-1"),
            RewardFixtures.review("w-2", at: "2026-11-10T18:00:00Z"),
            RewardFixtures.conversion(referee: "c-3", purchase: "p-3", order: "o-3", shared: ["email"]),
        ]
    }

    @Test(arguments: TestBackend.all)
    func replayingTheWholeJournalIssuesNothingNew(backend: TestBackend) throws {
        let fixtures = try RewardFixtures(backend)
        defer { fixtures.remove() }
        let rules = try RulesFile.load(path: nil)
        let first = try fixtures.record(Self.journal(), rules: rules)
        #expect(
            first.map(\.id) == ["referral-bonus:p-2", "review-thanks:w-1", "review-thanks:w-2", "referral-bonus:p-3"])
        #expect(first.map(\.status) == [.issued, .issued, .rejected, .held])
        let ledger = try fixtures.store.entries(customer: nil, limit: 100)
        let budgets = try fixtures.store.budgets()
        // Again, in batches of one and in reverse, through a second process's connection.
        let again = try fixtures.openStore()
        let policy = RulesPolicy(rules: rules)
        for candidate in Self.journal().reversed() {
            let added = try again.record([candidate]) { candidate, ledger in
                try policy.decide(candidate, ledger: ledger)
            }
            #expect(added.isEmpty)
        }
        #expect(try fixtures.store.entries(customer: nil, limit: 100) == ledger)
        #expect(try fixtures.store.budgets() == budgets)
    }

    @Test(arguments: TestBackend.all)
    func eachEntryRecordsTheVersionOfItsRule(backend: TestBackend) throws {
        let fixtures = try RewardFixtures(backend)
        defer { fixtures.remove() }
        let rules = try RulesFile.load(path: nil)
        let added = try fixtures.record(Self.journal(), rules: rules)
        for entry in added {
            #expect(entry.ruleVersion == rules.rule(entry.rule)?.version)
        }
        #expect(
            try fixtures.store.entry(id: "referral-bonus:p-2")?.ruleVersion == rules.rule("referral-bonus")?.version)
    }

    @Test(arguments: TestBackend.all)
    func aRefundWithinTheWindowReversesTheRewardOnce(backend: TestBackend) throws {
        let fixtures = try RewardFixtures(backend, notifies: true)
        defer { fixtures.remove() }
        let rules = try RewardFixtures.rules(RewardFixtures.referralRules)
        _ = try fixtures.record([RewardFixtures.conversion()], rules: rules)
        let refund = RewardFixtures.refund("r-1", at: "2026-11-20T09:00:00Z")
        let secondRefund = RewardFixtures.refund("r-2", at: "2026-11-21T09:00:00Z")
        let reversed = try fixtures.record([refund, secondRefund, refund], rules: rules)
        // Only the rule with a clawback window is reversed, and only once.
        #expect(reversed.map(\.id) == ["reversal:referral-bonus:p-2"])
        let reversal = try #require(reversed.first)
        #expect(reversal.reverses == "referral-bonus:p-2")
        #expect(reversal.status == .reversed)
        #expect(reversal.value == Money(units: -10 * Money.scale))
        #expect(try fixtures.store.entry(id: "referral-bonus:p-2")?.status == .reversed)
        #expect(try fixtures.store.entry(id: "welcome-coupon:p-2")?.status == .issued)
        #expect(try fixtures.store.budgets().first { $0.rule == "referral-bonus" }?.spentCount == 0)
        let queued = try fixtures.store.dueNotifications(now: Timestamp(microseconds: Int64.max), limit: 10)
        #expect(
            queued.map { "\($0.event) \($0.key)" } == [
                "issued referral-bonus:p-2", "issued welcome-coupon:p-2", "reversed reversal:referral-bonus:p-2",
            ])
    }

    @Test(arguments: TestBackend.all)
    func aRefundAfterTheWindowReversesNothing(backend: TestBackend) throws {
        let fixtures = try RewardFixtures(backend)
        defer { fixtures.remove() }
        let rules = try RewardFixtures.rules(RewardFixtures.referralRules)
        _ = try fixtures.record([RewardFixtures.conversion()], rules: rules)
        let late = try fixtures.record([RewardFixtures.refund("r-1", at: "2026-12-20T09:00:00Z")], rules: rules)
        #expect(late.isEmpty)
        #expect(try fixtures.store.entry(id: "referral-bonus:p-2")?.status == .issued)
        let why = try fixtures.store.explanations(customer: "c-2", limit: 10).last?.explanation ?? ""
        #expect(why.contains("referral-bonus:p-2: refund at 2026-12-20T09:00:00Z is after the clawback window"))
    }

    @Test(arguments: TestBackend.all)
    func aRefundThatArrivesFirstLeavesTheSameLedgerAsOneThatArrivesAfter(backend: TestBackend) throws {
        let rules = try RewardFixtures.rules(RewardFixtures.referralRules)
        let refund = RewardFixtures.refund("r-1", at: "2026-11-09T09:00:00Z")
        var ledgers: [[String]] = []
        for order in [[RewardFixtures.conversion(), refund], [refund, RewardFixtures.conversion()]] {
            let fixtures = try RewardFixtures(backend)
            defer { fixtures.remove() }
            _ = try fixtures.record(order, rules: rules)
            ledgers.append(
                try fixtures.store.entries(customer: nil, limit: 10).map {
                    "\($0.id) \($0.status.rawValue) \($0.value.decimalString) \($0.reverses ?? "-") \($0.trigger)"
                })
        }
        #expect(
            ledgers[0] == [
                "referral-bonus:p-2 reversed 10 - p-2", "welcome-coupon:p-2 issued 15 - p-2",
                "reversal:referral-bonus:p-2 reversed -10 referral-bonus:p-2 r-1",
            ])
        #expect(ledgers[1] == ledgers[0])
    }

    @Test(arguments: TestBackend.all)
    func aHeldRewardIsApprovedExactlyOnce(backend: TestBackend) throws {
        let fixtures = try RewardFixtures(backend, notifies: true)
        defer { fixtures.remove() }
        let rules = try RewardFixtures.rules(RewardFixtures.referralRules)
        _ = try fixtures.record([RewardFixtures.conversion(shared: ["phone"])], rules: rules)
        let approved = try fixtures.store.review(
            id: "welcome-coupon:p-2", approve: true, code: CouponCode.generate(), note: "checked by phone")
        #expect(approved.status == .issued)
        #expect(approved.reason.hasSuffix("; approved: checked by phone"))
        let code = try #require(approved.code)
        #expect(try fixtures.store.coupon(code: code)?.id == "welcome-coupon:p-2")
        let again = try #require(throws: RewardStoreError.self) {
            try fixtures.store.review(id: "welcome-coupon:p-2", approve: true, code: CouponCode.generate(), note: "x")
        }
        #expect(again.kind == .notHeld(id: "welcome-coupon:p-2", status: "issued"))
        let rejected = try fixtures.store.review(id: "referral-bonus:p-2", approve: false, code: nil, note: "family")
        #expect(rejected.status == .rejected)
        #expect(try fixtures.store.budgets().first { $0.rule == "referral-bonus" }?.spentCount == 0)
        let queued = try fixtures.store.dueNotifications(now: Timestamp(microseconds: Int64.max), limit: 10)
        #expect(queued.map(\.key) == ["welcome-coupon:p-2"])
    }

    @Test func couponCodesAreRandomUniqueAndChecked() {
        let codes = (0..<2_000).map { _ in CouponCode.generate() }
        #expect(Set(codes).count == codes.count)
        for code in codes.prefix(200) {
            #expect(code.count == 17)
            #expect(CouponCode.normalized(code) == code)
            #expect(CouponCode.normalized(code.lowercased()) == code)
            // Every single changed character is caught by the check character.
            var bytes = Array(code.utf8)
            bytes[5] = bytes[5] == UInt8(ascii: "2") ? UInt8(ascii: "3") : UInt8(ascii: "2")
            #expect(CouponCode.normalized(String(decoding: bytes, as: UTF8.self)) == nil)
        }
        #expect(CouponCode.normalized("not a code") == nil)
    }
}
