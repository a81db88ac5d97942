import AdvocateCodec
import AdvocateStorage
import AdvocateTestSupport
import Testing

@testable import AdvocatePostgres

/// A PostgreSQL ledger written before budgets were booked is upgraded in place when a newer reward stage
/// starts, as the SQLite ledger is: its entries keep their keys and what they spent counts from then on.
@Suite struct PostgresUpgradeTests {
    @Test(.enabled(if: TestBackend.all.contains(.postgres)))
    func aLedgerFromTheFirstSchemaVersionIsUpgradedInPlace() throws {
        let stores = try TestStores(.postgres)
        defer { stores.remove() }
        guard case .postgres(let url) = stores.factory.backend else {
            Issue.record("the PostgreSQL test stores are not on PostgreSQL")
            return
        }
        let old = PostgresSession(url: url)
        defer { old.close() }
        try PostgresSchema(name: "reward", migrations: Array(RewardTables.schema.migrations.prefix(1))).prepare(old)
        try old.transaction { transaction in
            try transaction.execute(
                """
                INSERT INTO reward.ledger (id, customer, rule, kind, value, status, reason, trigger, candidate, at)
                VALUES ('thanks:w-1', 'c-1', 'thanks', 'points', 50000, 'issued', 'test', 'w-1', 'good_review:w-1', 0)
                """
            )
        }
        try RewardStoreTests.expectUpgraded(try stores.rewardStore())
    }
}
