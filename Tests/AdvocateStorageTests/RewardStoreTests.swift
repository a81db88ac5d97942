import AdvocateCodec
import AdvocateTestSupport
import Dispatch
import GRDB
import Synchronization
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

    @Test(arguments: TestBackend.all)
    func candidatesAreRecordedOnceAndReplayGrantsNothingNew(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let store = try stores.rewardStore()
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
        #expect(
            try store.entries(customer: nil, limit: 10).map(\.value) == [Money(units: 50_000), Money(units: 50_000)])
    }

    @Test(arguments: TestBackend.all)
    func decisionsSeeEarlierEntriesInTheSameTransaction(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let store = try stores.rewardStore()
        let candidates = (1...5).map { StoreFixtures.candidate("w-\($0)") }
        let added = try store.record(candidates) { candidate, ledger in
            // A budget of 3 entries: the fourth and fifth must see the first three.
            RewardDecision(
                entries: try ledger.spent(rule: "thanks").count < 3 ? [Self.entry(for: candidate)] : [],
                explanation: "test")
        }
        #expect(added.count == 3)
        #expect(try stores.rewardStore().entries(customer: "c-1", limit: 10).count == 3)
    }

    @Test(arguments: TestBackend.all)
    func aFailedDecisionLeavesNothingBehind(backend: TestBackend) throws {
        struct Refused: Error {}
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let store = try stores.rewardStore()
        let candidates = [StoreFixtures.candidate("w-1"), StoreFixtures.candidate("w-2")]
        #expect(throws: Refused.self) {
            try store.record(candidates) { candidate, _ in
                if candidate.trigger == "w-2" { throw Refused() }
                return RewardDecision(entries: [Self.entry(for: candidate)], explanation: "test")
            }
        }
        #expect(try store.entries(customer: nil, limit: 10).isEmpty)
        // The candidates were not recorded either, so they are decided when they come again.
        #expect(
            try store.record(candidates) { candidate, _ in
                RewardDecision(entries: [Self.entry(for: candidate)], explanation: "test")
            }.count == 2)
    }

    /// Two reward processes record the same candidates at once under a budget of 5 and a cap of one per
    /// customer and day: each candidate is decided once, and neither the budget nor the cap is overspent.
    @Test(arguments: TestBackend.all)
    func concurrentRecordersNeitherDoubleNorOverspend(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let recorders = [try stores.rewardStore(), try stores.rewardStore()]
        let candidates = (1...40).map { StoreFixtures.candidate("w-\($0)", customer: "c-\($0 % 8)") }
        let decisions = Mutex(0)
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            do {
                // Each side in its own order, in small batches, so the two interleave.
                let order = side == 0 ? candidates : candidates.reversed()
                for start in stride(from: 0, to: order.count, by: 4) {
                    _ = try recorders[side].record(Array(order[start..<min(start + 4, order.count)])) {
                        candidate, ledger in
                        decisions.withLock { $0 += 1 }
                        let (value, _) = try ledger.spent(rule: "thanks")
                        let today = try ledger.count(rule: "thanks", customer: candidate.customer, since: candidate.at)
                        guard value.units < 25 * Money.scale, today == 0 else {
                            return RewardDecision(explanation: "over budget or cap")
                        }
                        return RewardDecision(entries: [Self.entry(for: candidate)], explanation: "granted")
                    }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(decisions.withLock { $0 } == candidates.count)
        let ledger = try recorders[0].entries(customer: nil, limit: 100)
        #expect(ledger.count == 5)
        #expect(Set(ledger.map(\.customer)).count == 5)
    }

    /// Four reviewers approve the same held reward at once, each through its own connection: exactly one
    /// approval lands, the others are told it is no longer held, and it is booked and notified once.
    @Test(arguments: TestBackend.all)
    func concurrentReviewsApproveAHeldRewardOnce(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let store = try stores.rewardStore(notifies: true)
        var held = Self.entry(for: StoreFixtures.candidate("w-1"))
        held.status = .held
        _ = try store.record([StoreFixtures.candidate("w-1")]) { _, _ in
            RewardDecision(entries: [held], explanation: "held for review")
        }
        let reviewers = try (0..<4).map { _ in try stores.rewardStore(notifies: true) }
        let id = held.id
        let approved = Mutex<[String]>([])
        let refused = Mutex<[RewardStoreError]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: reviewers.count) { index in
            do {
                let entry = try reviewers[index].review(
                    id: id, approve: true, code: "CODE-\(index)", note: "reviewer \(index)")
                approved.withLock { $0.append(entry.code ?? "") }
            } catch let error as RewardStoreError {
                refused.withLock { $0.append(error) }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let codes = approved.withLock { $0 }
        #expect(codes.count == 1)
        #expect(
            refused.withLock { $0 }.map(\.kind) == Array(repeating: .notHeld(id: held.id, status: "issued"), count: 3))
        let stored = try #require(try store.entry(id: held.id))
        #expect(stored.status == .issued)
        #expect(stored.code == codes.first)
        #expect(try store.coupon(code: codes.first ?? "")?.id == held.id)
        #expect(try store.budgets().map(\.spentCount) == [1])
        let queued = try store.dueNotifications(now: Timestamp(microseconds: Int64.max), limit: 10)
        #expect(queued.map(\.event) == ["issued"])
        #expect(queued.map(\.key) == [held.id])
    }

    /// A notification that fails is retried when due, and after the last failure moves to the dead letters.
    @Test(arguments: TestBackend.all)
    func failedNotificationsAreRetriedThenDeadLettered(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let store = try stores.rewardStore(notifies: true)
        _ = try store.record([StoreFixtures.candidate("w-1"), StoreFixtures.candidate("w-2")]) { candidate, _ in
            RewardDecision(entries: [Self.entry(for: candidate)], explanation: "test")
        }
        let end = Timestamp(microseconds: Int64.max)
        let queued = try store.dueNotifications(now: end, limit: 10)
        #expect(queued.map(\.key) == ["thanks:w-1", "thanks:w-2"])
        let first = try #require(queued.first)
        try store.failed(notification: first.id, error: "503", retryAt: Timestamp(microseconds: 1_000))
        #expect(try store.dueNotifications(now: Timestamp(microseconds: 999), limit: 10).isEmpty)
        let retried = try store.dueNotifications(now: Timestamp(microseconds: 1_000), limit: 10)
        #expect(retried.map(\.attempts) == [1])
        #expect(retried.map(\.lastError) == ["503"])
        try store.failed(notification: first.id, error: "still 503", retryAt: nil)
        try store.delivered(notification: queued[1].id)
        #expect(try store.dueNotifications(now: end, limit: 10).isEmpty)
        let letters = try store.deadLetters(limit: 10)
        #expect(letters.map(\.key) == ["thanks:w-1"])
        #expect(letters.map(\.attempts) == [2])
        #expect(letters.map(\.lastError) == ["still 503"])
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
        try Self.expectUpgraded(try SQLiteRewardStore(path: path))
    }

    /// A ledger upgraded from before budgets were booked, holding only issued entry `thanks:w-1` (5.00): its
    /// spending is booked, and it goes on recording.
    static func expectUpgraded(_ store: any RewardStore) throws {
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
