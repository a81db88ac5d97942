import AdvocateCodec
import Foundation
import Testing

@testable import AdvocateReward

@Suite struct RulesParserTests {
    @Test func theDefaultRulesRewardTheReferrerAndThankGoodReviewers() throws {
        let rules = try RulesFile.load(path: nil)
        #expect(rules.rules.map(\.id) == ["referral-bonus", "review-thanks"])
        let referral = try #require(rules.rule("referral-bonus"))
        #expect(referral.trigger == .referralConverted)
        #expect(referral.recipient == .referrer)
        #expect(referral.reward == .credit(Money(units: 10 * Money.scale), currency: nil))
        #expect(referral.clawbackDays == 30)
        let review = try #require(rules.rule("review-thanks"))
        #expect(review.conditions.minimumRating == 4)
        #expect(review.limit == RewardRule.Limit(count: 1, periodDays: 30))
        #expect(review.version.count == 16)
        #expect(referral.version != review.version)
    }

    @Test func theShippedOpsFileIsTheDefault() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let ops = try String(contentsOf: root.appendingPathComponent("ops/rewards.yaml"), encoding: .utf8)
        #expect(try ops == RulesFile.defaultText)
    }

    @Test func aRuleParsesEveryField() throws {
        let rules = try RewardFixtures.rules(
            """
            rules:
              - id: summer
                trigger: promoter
                recipient: customer
                reward:
                  kind: gift
                  gift: Tote bag
                  value: 12.50
                conditions:
                  min_rating: 9
                  min_order_amount: 20
                  stages: [client, advocate]
                  segments: ["route:LHR-JFK"]
                limit: {count: 2, period_days: 7}
                budget: {amount: 500, count: 40}
                valid_from: 2026-06-01T00:00:00Z
                valid_until: 2026-09-01T00:00:00Z
            """)
        let rule = try #require(rules.rules.first)
        #expect(rule.reward == .gift("Tote bag", value: Money(units: 125_000)))
        #expect(rule.conditions.stages == ["client", "advocate"])
        #expect(rule.conditions.segments == ["route:LHR-JFK"])
        #expect(rule.conditions.minimumOrderAmount == Money(units: 20 * Money.scale))
        #expect(rule.budget == RewardRule.Budget(value: Money(units: 500 * Money.scale), count: 40))
        #expect(rule.validFrom == RewardFixtures.time("2026-06-01T00:00:00Z"))
        #expect(rule.validUntil == RewardFixtures.time("2026-09-01T00:00:00Z"))
    }

    /// Each bad file gives one problem at the line where it is.
    @Test(
        arguments: [
            (
                "rules:\n  - id: a\n    trigger: referal_converted\n    recipient: referrer\n    reward: {kind: credit, amount: 1}\n",
                3, "unknown trigger \"referal_converted\""
            ),
            (
                "rules:\n  - id: a\n    trigger: promoter\n    recipient: customer\n    reward: {kind: points, amount: -5}\n",
                5, "`amount` is \"-5\""
            ),
            (
                "rules:\n  - id: a\n    trigger: promoter\n    recipient: customer\n    reward: {kind: points, amount: 5}\n    limt: {count: 1, period_days: 1}\n",
                6, "unknown key `limt` in a rule; did you mean `limit`?"
            ),
            ("rules:\n  - id: a\n    trigger: promoter\n    recipient: customer\n", 2, "missing `reward`"),
            (
                "rules:\n  - id: a\n    trigger: promoter\n    recipient: referrer\n    reward: {kind: points, amount: 5}\n",
                4, "recipient referrer only exists for trigger referral_converted"
            ),
            (
                "rules:\n  - id: a\n    trigger: promoter\n    recipient: customer\n    reward: {kind: coupon, amount: 5, percent: 10}\n",
                5, "exactly one of `amount` or `percent`"
            ),
            (
                "rules:\n  - id: a\n    trigger: promoter\n    recipient: customer\n    reward: {kind: points, amount: 5}\n    valid_from: 2026-02-01T00:00:00Z\n    valid_until: 2026-01-01T00:00:00Z\n",
                7, "is not after valid_from"
            ),
            (
                "rules:\n  - id: a\n    trigger: promoter\n    recipient: customer\n    reward: {kind: points, amount: 5}\n  - id: a\n    trigger: promoter\n    recipient: customer\n    reward: {kind: points, amount: 5}\n",
                6, "rule id \"a\" is already used by the rule at line 2"
            ),
            (
                "rules:\n  - id: a\n    trigger: promoter\n    recipient: customer\n    reward: {kind: points, amount: 5}\n    clawback_days: 30\n",
                6, "only trigger referral_converted has one"
            ),
            ("fraud:\n  max_referrals_per_day: 0\nrules: []\n", 2, "`max_referrals_per_day` is \"0\""),
            ("rules:\n  - id: a\n    trigger: [promoter\n", 4, "not valid YAML"),
            ("rules: 5\n", 1, "`rules` must be a list of rules"),
        ] as [(String, Int, String)])
    func aBadFileIsRefusedWithTheLineOfTheProblem(text: String, line: Int, message: String) throws {
        let error = try #require(throws: RulesError.self) { try RewardFixtures.rules(text) }
        #expect(error.issues.count == 1, "\(error)")
        let issue = try #require(error.issues.first)
        #expect(issue.line == line, "\(error)")
        #expect(issue.message.contains(message), "\(error)")
        #expect(error.description.contains("test.yaml:line \(line): "))
    }

    @Test func everyProblemOfAFileIsReportedAtOnce() throws {
        let error = try #require(throws: RulesError.self) {
            try RewardFixtures.rules(
                """
                rules:
                  - id: a
                    trigger: nope
                    recipient: customer
                    reward: {kind: points, amount: 5}
                  - id: b
                    trigger: promoter
                    recipient: customer
                    reward: {kind: cash, amount: 5}
                  - id: c
                    trigger: referral_converted
                    recipient: referer
                    reward: {kind: credit, amount: 5}
                    budget: {amount: 100, cout: 5}
                """)
        }
        #expect(error.issues.map(\.line) == [3, 9, 12, 14])
        #expect(error.issues.last?.message.contains("unknown key `cout` in budget; did you mean `count`?") == true)
    }

    @Test func aVersionChangesWithTheRuleAndNotWithItsLayout() throws {
        let base =
            "rules:\n  - id: a\n    trigger: promoter\n    recipient: customer\n    reward: {kind: points, amount: 5}\n"
        let relaid =
            "# thanks\nrules:\n  - id: a\n    recipient: customer\n    trigger: promoter\n    reward:\n      kind: points\n      amount: 5.0\n"
        let changed = base.replacingOccurrences(of: "amount: 5", with: "amount: 6")
        let version = try RewardFixtures.rules(base).rules[0].version
        #expect(try RewardFixtures.rules(relaid).rules[0].version == version)
        #expect(try RewardFixtures.rules(changed).rules[0].version != version)
    }
}
