import AdvocateCodec
import AdvocateTestSupport
import GRDB
import Testing

@testable import AdvocateStorage

@Suite struct RewardStoreTests {
    static func entry(for candidate: RewardCandidate, value: Int64 = 5) -> LedgerEntry {
        LedgerEntry(
            id: "thanks:\(candidate.trigger)", customer: candidate.customer, rule: "thanks", kind: "points",
            value: Money(units: value * Money.scale), status: .issued, reason: "test", trigger: candidate.trigger,
            candidate: candidate.id, at: candidate.at
        )
    }

    @Test func candidatesAreRecordedOnceAndReplayGrantsNothingNew() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteRewardStore(path: directory.path + "/reward.sqlite")
        let candidates = [StoreFixtures.candidate("w-1"), StoreFixtures.candidate("w-2", customer: "c-2")]
        var decisions = 0
        let first = try store.record(candidates) { candidate, _ in
            decisions += 1
            return RewardDecision(entries: [Self.entry(for: candidate)], explanation: "test")
        }
        #expect(first.count == 2)
        let replay = try store.record(candidates) { candidate, _ in
            decisions += 1
            return RewardDecision(entries: [Self.entry(for: candidate)], explanation: "test")
        }
        #expect(replay.isEmpty)
        #expect(decisions == 2)
        #expect(try store.entries(customer: "c-2", limit: 10).map(\.id) == ["thanks:w-2"])
    }

    @Test func decisionsSeeEarlierEntriesInTheSameTransaction() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteRewardStore(path: directory.path + "/reward.sqlite")
        let candidates = (1...5).map { StoreFixtures.candidate("w-\($0)") }
        let added = try store.record(candidates) { candidate, ledger in
            // A budget of 3 entries: the fourth and fifth must see the first three.
            RewardDecision(
                entries: try ledger.spent(rule: "thanks").count < 3 ? [Self.entry(for: candidate)] : [],
                explanation: "test")
        }
        #expect(added.count == 3)
        #expect(
            try SQLiteRewardStore(path: directory.path + "/reward.sqlite").entries(customer: "c-1", limit: 10).count
                == 3)
    }

    @Test func aLedgerFromAnEarlierVersionIsUpgradedInPlace() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/reward.sqlite"
        let old = try DatabaseQueue(path: path)
        try old.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE received (id TEXT PRIMARY KEY, kind TEXT NOT NULL, customer TEXT NOT NULL,
                        trigger TEXT NOT NULL, at INTEGER NOT NULL);
                    CREATE TABLE ledger (id TEXT PRIMARY KEY, customer TEXT NOT NULL, rule TEXT NOT NULL,
                        kind TEXT NOT NULL, value INTEGER NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL,
                        trigger TEXT NOT NULL, candidate TEXT NOT NULL, at INTEGER NOT NULL);
                    INSERT INTO ledger VALUES ('thanks:w-1', 'c-1', 'thanks', 'points', 50000, 'issued', 'test',
                        'w-1', 'good_review:w-1', 0);
                    """)
        }
        try old.close()
        let store = try SQLiteRewardStore(path: path)
        #expect(try store.entry(id: "thanks:w-1")?.ruleVersion == "")
        #expect(
            try store.budgets() == [
                BudgetStatus(
                    rule: "thanks", limitValue: nil, limitCount: nil, spentValue: Money(units: 50_000), spentCount: 1)
            ])
        let added = try store.record([StoreFixtures.candidate("w-2")]) { candidate, _ in
            RewardDecision(entries: [Self.entry(for: candidate)], explanation: "test")
        }
        #expect(added.count == 1)
        #expect(try store.budgets().first?.spentCount == 2)
    }
}
