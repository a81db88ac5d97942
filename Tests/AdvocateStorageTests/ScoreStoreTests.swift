import AdvocateCodec
import AdvocateTestSupport
import Testing

@testable import AdvocateStorage

@Suite struct ScoreStoreTests {
    static func store() throws -> (SQLiteScoreStore, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        return (try SQLiteScoreStore(path: directory.path + "/score.sqlite"), directory)
    }

    @Test func commitStoresStateOutputsAndPositionTogether() throws {
        let (store, directory) = try Self.store()
        defer { directory.remove() }
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
        #expect(try store.claim(partition: 3, epoch: 8) == 12)
    }

    @Test func staleOwnerIsFencedOut() throws {
        let (store, directory) = try Self.store()
        defer { directory.remove() }
        _ = try store.claim(partition: 0, epoch: 1)
        _ = try store.claim(partition: 0, epoch: 2)
        let error = try #require(throws: StorageError.self) {
            try store.commit(ScoreCommit(lease: PartitionLease(partition: 0, epoch: 1), through: 1))
        }
        #expect(error.isStaleEpoch)
        #expect(throws: StorageError.self) { try store.claim(partition: 0, epoch: 1) }
    }

    @Test func commitThatDoesNotAdvanceIsRefused() throws {
        let (store, directory) = try Self.store()
        defer { directory.remove() }
        let lease = PartitionLease(partition: 0, epoch: 1)
        _ = try store.claim(partition: 0, epoch: 1)
        try store.commit(ScoreCommit(lease: lease, through: 5))
        #expect(throws: StorageError.self) { try store.commit(ScoreCommit(lease: lease, through: 5)) }
    }

    @Test func aCandidateEntersTheOutboxOnlyOnceAndLeavesWhenDelivered() throws {
        let (store, directory) = try Self.store()
        defer { directory.remove() }
        let lease = PartitionLease(partition: 1, epoch: 1)
        _ = try store.claim(partition: 1, epoch: 1)
        try store.commit(ScoreCommit(lease: lease, through: 1, candidates: [StoreFixtures.candidate("w-1")]))
        try store.removeFromOutbox(["good_review:w-1"])
        try store.commit(ScoreCommit(lease: lease, through: 2, candidates: [StoreFixtures.candidate("w-1")]))
        #expect(try store.outbox(partitions: [1], limit: 10).isEmpty)
    }
}
