import AdvocateCodec
import AdvocateStorage
import AdvocateTestSupport
import Foundation
import Synchronization
import Testing

@testable import AdvocateReward

/// Several reward processes, each with its own connections to the shared ledger, racing for the last of a
/// budget: together they never grant more than it allows, in count or in money.
@Suite struct BudgetRaceTests {
    static let rules = """
        rules:
          - id: review-thanks
            trigger: good_review
            recipient: customer
            reward: {kind: credit, amount: 3.00}
            budget: {amount: 20.00, count: 100}
          - id: review-points
            trigger: good_review
            recipient: customer
            reward: {kind: points, amount: 1}
            budget: {count: 9}
        """

    @Test(arguments: TestBackend.all)
    func racingWorkersNeverOverspendABudget(backend: TestBackend) throws {
        let fixtures = try RewardFixtures(backend)
        defer { fixtures.remove() }
        let rules = try RewardFixtures.rules(Self.rules)
        try fixtures.store.setBudgets(RulesHolder.limits(rules))
        let workers = 4
        let perWorker = 12
        let stores = try (0..<workers).map { _ in try fixtures.openStore() }
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()
        for worker in 0..<workers {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                let policy = RulesPolicy(rules: rules)
                do {
                    // One candidate per transaction, so that the workers interleave as much as they can.
                    for index in 0..<perWorker {
                        let candidate = RewardFixtures.review("w-\(worker)-\(index)", customer: "c-\(worker)-\(index)")
                        _ = try stores[worker].record([candidate]) { candidate, ledger in
                            try policy.decide(candidate, ledger: ledger)
                        }
                    }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        group.wait()
        #expect(failures.withLock { $0 }.isEmpty)
        let entries = try fixtures.store.entries(customer: nil, limit: 1_000)
        #expect(entries.count == workers * perWorker * 2)
        let credit = entries.filter { $0.rule == "review-thanks" && $0.status == .issued }
        // 20.00 / 3.00: six grants fit, a seventh would overspend.
        #expect(credit.count == 6)
        #expect(credit.reduce(Money.zero) { $0 + $1.value } == Money(units: 18 * Money.scale))
        #expect(entries.filter { $0.rule == "review-points" && $0.status == .issued }.count == 9)
        let budgets = try fixtures.store.budgets()
        #expect(budgets.first { $0.rule == "review-thanks" }?.spentValue == Money(units: 18 * Money.scale))
        #expect(budgets.first { $0.rule == "review-thanks" }?.remainingValue == Money(units: 2 * Money.scale))
        #expect(budgets.first { $0.rule == "review-points" }?.remainingCount == 0)
        let refused = entries.first { $0.rule == "review-points" && $0.status == .rejected }
        #expect(refused?.reason.hasPrefix("rejected: budget exhausted: 9 of 9 rewards granted") == true)
    }
}
