import AdvocateCodec
import AdvocateTestSupport
import Dispatch
import Synchronization
import Testing

@testable import AdvocateStorage

@Suite struct ScoreStoreTests {
    @Test(arguments: TestBackend.all)
    func commitStoresStateOutputsAndPositionTogether(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let store = try stores.scoreStore()
        let lease = PartitionLease(partition: 3, epoch: 7)
        #expect(try store.claim(partition: 3, epoch: 7) == 0)
        try store.commit(
            ScoreCommit(
                lease: lease, through: 12,
                customers: [CustomerRow(customer: "c-1", partition: 3, stage: "client", state: [1, 2, 3])],
                candidates: [StoreFixtures.candidate("w-1")]
            )
        )
        #expect(try store.states(of: ["c-1", "c-2"]) == ["c-1": [1, 2, 3]])
        #expect(try store.outbox(partitions: [3], limit: 10).map(\.id) == ["good_review:w-1"])
        #expect(try store.outbox(partitions: [4], limit: 10).isEmpty)
        // A new owner resumes after the committed position.
        #expect(try stores.scoreStore().claim(partition: 3, epoch: 8) == 12)
    }

    @Test(arguments: TestBackend.all)
    func staleOwnerIsFencedOut(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let old = try stores.scoreStore()
        let new = try stores.scoreStore()
        _ = try old.claim(partition: 0, epoch: 1)
        _ = try new.claim(partition: 0, epoch: 2)
        let error = try #require(throws: StorageError.self) {
            try old.commit(
                ScoreCommit(
                    lease: PartitionLease(partition: 0, epoch: 1), through: 1,
                    customers: [CustomerRow(customer: "c-1", partition: 0, stage: "client", state: [9])]
                )
            )
        }
        #expect(error.isStaleEpoch)
        #expect(throws: StorageError.self) { try old.claim(partition: 0, epoch: 1) }
        // Nothing of the refused commit is visible.
        #expect(try new.states(of: ["c-1"]).isEmpty)
    }

    @Test(arguments: TestBackend.all)
    func commitThatDoesNotAdvanceIsRefused(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let store = try stores.scoreStore()
        let lease = PartitionLease(partition: 0, epoch: 1)
        _ = try store.claim(partition: 0, epoch: 1)
        try store.commit(ScoreCommit(lease: lease, through: 5))
        #expect(throws: StorageError.self) { try store.commit(ScoreCommit(lease: lease, through: 5)) }
        #expect(try store.claim(partition: 0, epoch: 2) == 5)
    }

    @Test(arguments: TestBackend.all)
    func aCandidateEntersTheOutboxOnlyOnceAndLeavesWhenDelivered(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let store = try stores.scoreStore()
        let lease = PartitionLease(partition: 1, epoch: 1)
        _ = try store.claim(partition: 1, epoch: 1)
        try store.commit(ScoreCommit(lease: lease, through: 1, candidates: [StoreFixtures.candidate("w-1")]))
        try store.removeFromOutbox(["good_review:w-1"])
        try store.commit(ScoreCommit(lease: lease, through: 2, candidates: [StoreFixtures.candidate("w-1")]))
        #expect(try store.outbox(partitions: [1], limit: 10).isEmpty)
    }

    @Test(arguments: TestBackend.all)
    func theLastRecordOfAKeyInOneCommitWins(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let store = try stores.scoreStore()
        _ = try store.claim(partition: 0, epoch: 1)
        try store.commit(
            ScoreCommit(
                lease: PartitionLease(partition: 0, epoch: 1), through: 2,
                customers: [
                    CustomerRow(customer: "c-1", partition: 0, stage: "customer", state: [1]),
                    CustomerRow(customer: "c-1", partition: 0, stage: "client", state: [2]),
                ],
                candidates: [
                    StoreFixtures.candidate("w-1"), StoreFixtures.candidate("w-2"), StoreFixtures.candidate("w-1"),
                ],
                alerts: [
                    ReportReaderTests.alert("a-1", status: "open"), ReportReaderTests.alert("a-1", status: "closed"),
                ]
            )
        )
        #expect(try store.states(of: ["c-1"]) == ["c-1": [2]])
        #expect(try store.outbox(partitions: [0], limit: 10).map(\.id) == ["good_review:w-1", "good_review:w-2"])
        let reader = stores.factory.reportReader()
        #expect(try reader.customer("c-1")?.stage == "client")
        #expect(
            try reader.alerts(customer: "c-1", status: nil, limit: 10) == [
                ReportReaderTests.alert("a-1", status: "closed")
            ])
    }

    @Test(arguments: TestBackend.all)
    func segmentsAndDisruptionsAreKeptPerPartition(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let store = try stores.scoreStore()
        let disruption = Event(
            id: "d-1", customer: nil, at: Timestamp(seconds: 1_790_000_000),
            body: .disruption(Disruption(what: "delayed", segment: "route:A"))
        )
        let later = Event(
            id: "d-2", customer: nil, at: Timestamp(seconds: 1_790_000_600),
            body: .disruption(Disruption(what: "cancelled", segment: "route:A"))
        )
        _ = try store.claim(partition: 0, epoch: 1)
        _ = try store.claim(partition: 1, epoch: 1)
        try store.commit(
            ScoreCommit(
                lease: PartitionLease(partition: 0, epoch: 1), through: 1,
                segments: [
                    SegmentRow(segment: "route:A", customer: "c-2"), SegmentRow(segment: "route:A", customer: "c-1"),
                ],
                disruptions: [later, disruption]
            )
        )
        try store.commit(
            ScoreCommit(
                lease: PartitionLease(partition: 1, epoch: 1), through: 1,
                segments: [SegmentRow(segment: "route:A", customer: "c-3")]
            )
        )
        #expect(
            try store.segmentMembers(partition: 0, segments: ["route:A", "route:B"])
                == ["route:A": ["c-1", "c-2"], "route:B": []])
        // Oldest first, and only from the asked time on (inclusive).
        let start = disruption.at
        #expect(try store.disruptions(partition: 0, since: ["route:A": start]) == ["route:A": [disruption, later]])
        #expect(
            try store.disruptions(partition: 0, since: ["route:A": Timestamp(seconds: 1_790_000_001)])
                == ["route:A": [later]])
        #expect(try store.disruptions(partition: 0, since: ["route:A": later.at]) == ["route:A": [later]])
        #expect(
            try store.disruptions(partition: 0, since: ["route:A": Timestamp(seconds: 1_790_000_601)])
                == ["route:A": []])
        #expect(
            try store.disruptions(partition: 0, since: ["route:A": start, "route:B": start])
                == ["route:A": [disruption, later], "route:B": []])
        #expect(try store.disruptions(partition: 1, since: ["route:A": start]) == ["route:A": []])
        // A scoring group's lookups, all partitions at once, answer as the one-partition reads do; a partition
        // with nothing to look up is left out.
        let found = try store.scoringLookups([
            ScoringLookup(partition: 0, audienceSegments: ["route:A"], purchaseSegments: ["route:A": later.at]),
            ScoringLookup(partition: 1, audienceSegments: ["route:A", "route:B"], purchaseSegments: [:]),
            ScoringLookup(partition: 2, audienceSegments: [], purchaseSegments: [:]),
        ])
        #expect(
            found == [
                0: ScoringLookupResult(segmentMembers: ["route:A": ["c-1", "c-2"]], disruptions: ["route:A": [later]]),
                1: ScoringLookupResult(segmentMembers: ["route:A": ["c-3"], "route:B": []]),
            ])
        #expect(try store.scoringLookups([]) == [:])
    }

    /// The two halves of each referral are committed at the same time by two owners of different partitions
    /// (two connections, as two processes would): every pair is joined exactly once, whichever comes second.
    @Test(arguments: TestBackend.all)
    func referralHalvesCommittedConcurrentlyAreJoinedExactlyOnce(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let referrers = try stores.scoreStore()
        let referees = try stores.scoreStore()
        _ = try referrers.claim(partition: 0, epoch: 1)
        _ = try referees.claim(partition: 1, epoch: 1)
        let pairs = 30
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            do {
                for index in 0..<pairs {
                    if side == 0 {
                        try referrers.commit(
                            ScoreCommit(
                                lease: PartitionLease(partition: 0, epoch: 1), through: UInt64(index + 1),
                                referralCodes: [
                                    ReferralCodeRow(code: "REF-\(index)", referrer: "r-\(index)", event: "f-\(index)")
                                ]
                            )
                        )
                    } else {
                        try referees.commit(
                            ScoreCommit(
                                lease: PartitionLease(partition: 1, epoch: 1), through: UInt64(index + 1),
                                conversions: [StoreFixtures.conversion(index)]
                            )
                        )
                    }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let forwarded = try referrers.forwardOutbox(partitions: [0, 1], limit: 1_000)
        #expect(forwarded.count == pairs)
        #expect(Set(forwarded.map(\.id)).count == pairs)
        #expect(Set(forwarded.compactMap(\.customer)) == Set((0..<pairs).map { "r-\($0)" }))
        let candidates = try referees.outbox(partitions: [0, 1], limit: 1_000)
        #expect(candidates.count == pairs)
        #expect(candidates.allSatisfy { $0.referrer == "r-" + $0.customer.dropFirst(2) })
    }

    /// A group commits every partition's batch in one transaction; a partition taken over by a newer owner is
    /// left out whole, and the rest of the group stands.
    @Test(arguments: TestBackend.all)
    func groupCommitLeavesOutOnlyStalePartitions(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let old = try stores.scoreStore()
        let new = try stores.scoreStore()
        for partition in 0..<UInt32(3) { _ = try old.claim(partition: partition, epoch: 1) }
        _ = try new.claim(partition: 1, epoch: 2)
        let group = (0..<UInt32(3)).map { partition in
            ScoreCommit(
                lease: PartitionLease(partition: partition, epoch: 1), through: UInt64(partition) + 3,
                customers: [
                    CustomerRow(customer: "c-\(partition)", partition: partition, stage: "client", state: [9])
                ],
                candidates: [StoreFixtures.candidate("w-\(partition)", customer: "c-\(partition)")]
            )
        }
        #expect(try old.commit(group: group) == [1])
        #expect(try new.states(of: ["c-0", "c-1", "c-2"]).keys.sorted() == ["c-0", "c-2"])
        #expect(try new.outbox(partitions: [0, 1, 2], limit: 10).map(\.id) == ["good_review:w-0", "good_review:w-2"])
        #expect(try new.claim(partition: 0, epoch: 3) == 3)
        #expect(try new.claim(partition: 2, epoch: 3) == 5)
        #expect(try new.claim(partition: 1, epoch: 3) == 0)
        #expect(try old.commit(group: []) == [])
    }

    /// Two workers commit groups at the same time whose referral codes cross (each group holds one half of
    /// two referrals, in opposite orders): neither waits on the other forever, and every pair is joined once.
    @Test(arguments: TestBackend.all)
    func concurrentGroupsWithCrossingReferralsJoinEachPairOnce(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let workers = [try stores.scoreStore(), try stores.scoreStore()]
        for partition in 0..<UInt32(4) { _ = try workers[Int(partition / 2)].claim(partition: partition, epoch: 1) }
        let rounds = 25
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            do {
                for round in 0..<rounds {
                    // Side 0 holds the code of referral 2r and the conversion of 2r+1; side 1 the opposite.
                    let code = 2 * round + side
                    let converted = 2 * round + 1 - side
                    let through = UInt64(round + 1)
                    let stale = try workers[side].commit(group: [
                        ScoreCommit(
                            lease: PartitionLease(partition: UInt32(2 * side), epoch: 1), through: through,
                            referralCodes: [
                                ReferralCodeRow(code: "REF-\(code)", referrer: "r-\(code)", event: "f-\(code)")
                            ]
                        ),
                        ScoreCommit(
                            lease: PartitionLease(partition: UInt32(2 * side + 1), epoch: 1), through: through,
                            conversions: [StoreFixtures.conversion(converted)]
                        ),
                    ])
                    if !stale.isEmpty { failures.withLock { $0.append("stale \(stale)") } }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let forwarded = try workers[0].forwardOutbox(partitions: [0, 1, 2, 3], limit: 1_000)
        #expect(forwarded.count == 2 * rounds)
        #expect(Set(forwarded.map(\.id)).count == 2 * rounds)
        let candidates = try workers[1].outbox(partitions: [0, 1, 2, 3], limit: 1_000)
        #expect(candidates.count == 2 * rounds)
        #expect(candidates.allSatisfy { $0.referrer == "r-" + $0.customer.dropFirst(2) })
    }
}
