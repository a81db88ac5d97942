import AdvocateCodec
import AdvocateStorage
import AdvocateTestSupport
import Testing

@testable import AdvocatePostgres

/// A store outlives its connection: when the server drops it (a restart, an administrator), the call in
/// flight fails with a storage error and the next one connects again, with nothing half-written.
@Suite struct PostgresReconnectTests {
    @Test(.enabled(if: TestBackend.all.contains(.postgres)))
    func aDroppedConnectionIsOpenedAgainByTheNextCall() throws {
        let stores = try TestStores(.postgres)
        defer { stores.remove() }
        guard case .postgres(let url) = stores.factory.backend else {
            Issue.record("the PostgreSQL test stores are not on PostgreSQL")
            return
        }
        let journal = try stores.journal(partitions: 2)
        _ = try journal.append([StoreFixtures.purchase("p-1", customer: "c-1")], rejections: [:])

        let admin = PostgresSession(url: url)
        defer { admin.close() }
        let dropped = try admin.transaction { transaction in
            try transaction.rows(
                """
                SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                """
            ) { try $0.decode(Int64.self) }.first ?? 0
        }
        #expect(dropped >= 1)

        // The first call may still find the dead connection; by the second at the latest it works again.
        let second = StoreFixtures.purchase("p-2", customer: "c-1")
        if (try? journal.append([second], rejections: [:])) == nil {
            _ = try journal.append([second], rejections: [:])
        }
        #expect(try journal.counts().accepted == ["purchase": 2])
        let partition = Partitioning.partition(of: "c-1", count: 2)
        #expect(try journal.read(partition: partition, after: 0, limit: 10).map(\.sequence) == [1, 2])
    }
}
