import AdvocateCodec
import AdvocateStorage
import Foundation
import Logging
import Testing

@testable import AdvocateReward

@Suite struct RulesReloadTests {
    static let rules = """
        rules:
          - id: review-thanks
            trigger: good_review
            recipient: customer
            reward: {kind: points, amount: 100}
            budget: {count: 10}
        """

    @Test func aBadChangeKeepsTheLastGoodRulesAndAGoodOneTakesOver() throws {
        let fixtures = try RewardFixtures()
        defer { fixtures.remove() }
        let file = fixtures.directory.path + "/rules.yaml"
        try Self.rules.write(toFile: file, atomically: true, encoding: .utf8)
        let holder = try RulesHolder(path: file, store: fixtures.store, logger: Logger(label: "test"))
        let policy = HeldRulesPolicy(holder: holder)
        let firstVersion = try #require(holder.rules.rule("review-thanks")?.version)

        try Self.rules.replacingOccurrences(of: "amount: 100", with: "amount: lots").write(
            toFile: file, atomically: true, encoding: .utf8)
        #expect(holder.reload() == false)
        #expect(holder.rules.rule("review-thanks")?.version == firstVersion)

        let first = try fixtures.store.record([RewardFixtures.review("w-1", customer: "c-1")]) {
            try policy.decide($0, ledger: $1)
        }
        #expect(first.map(\.value) == [Money(units: 100 * Money.scale)])
        #expect(first.map(\.ruleVersion) == [firstVersion])

        try Self.rules.replacingOccurrences(of: "amount: 100", with: "amount: 150").replacingOccurrences(
            of: "count: 10", with: "count: 20"
        ).write(toFile: file, atomically: true, encoding: .utf8)
        #expect(holder.reload())
        let second = try fixtures.store.record([RewardFixtures.review("w-2", customer: "c-2")]) {
            try policy.decide($0, ledger: $1)
        }
        #expect(second.map(\.value) == [Money(units: 150 * Money.scale)])
        #expect(second.first?.ruleVersion != firstVersion)
        #expect(second.first?.ruleVersion == holder.rules.rule("review-thanks")?.version)
        #expect(try fixtures.store.budgets().first?.limitCount == 20)
    }

    @Test func aStageDoesNotStartOnABadFile() throws {
        let fixtures = try RewardFixtures()
        defer { fixtures.remove() }
        let file = fixtures.directory.path + "/rules.yaml"
        try "rules:\n  - id: x\n    trigger: good_review\n".write(toFile: file, atomically: true, encoding: .utf8)
        let error = try #require(throws: RulesError.self) {
            try RulesHolder(path: file, store: fixtures.store, logger: Logger(label: "test"))
        }
        #expect(error.issues.map(\.line) == [2, 2])
        #expect(error.description.contains("\(file):line 2: missing `recipient`"))
    }
}
