import AdvocateCodec
import AdvocateTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocateStorage

@Suite struct SQLiteCheckpointerTests {
    /// Commits reach the database file itself, copied there by the store's checkpoint thread: the log holds
    /// far fewer pages than the writer's own backstop, so the writer never checkpointed them.
    @Test func commitsReachTheDatabaseFileWithoutTheWriterCheckpointing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/score.sqlite"
        let store = try SQLiteScoreStore(path: path)
        #expect(try store.pool.write { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") } == 16_384)
        _ = try store.claim(partition: 0, epoch: 1)
        let customers = (0..<200).map { number in
            CustomerRow(
                customer: "c-\(number)", partition: 0, stage: "customer", state: [UInt8](repeating: 7, count: 2_000))
        }
        try store.commit(
            ScoreCommit(lease: PartitionLease(partition: 0, epoch: 1), through: 1, customers: customers))

        // The database file alone (without its log) must come to hold every customer.
        let deadline = ContinuousClock.now + .seconds(10)
        var found = 0
        while found < customers.count, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            let copy = directory.path + "/copy-\(UUID().uuidString.prefix(6)).sqlite"
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            let queue = try DatabaseQueue(path: copy)
            found = (try? queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM customers") }) ?? 0
            try queue.close()
        }
        #expect(found == customers.count)
        #expect(store.checkpointer.copyingPasses > 0)
    }
}
