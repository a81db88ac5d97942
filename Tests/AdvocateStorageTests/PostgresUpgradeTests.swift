import AdvocateCodec
import AdvocateStorage
import Foundation
import AdvocateTestSupport
import Testing

@testable import AdvocatePostgres

/// A PostgreSQL ledger written before budgets were booked is upgraded in place when a newer reward stage
/// starts, as the SQLite ledger is: its entries keep their keys and what they spent counts from then on.
@Suite struct PostgresUpgradeTests {
    /// A session of its own on the test stores' database, to lay down an older schema as an older stage would.
    static func session(of stores: TestStores) throws -> PostgresSession {
        guard case .postgres(let url) = stores.factory.backend else {
            throw NotOnPostgres()
        }
        return PostgresSession(url: url)
    }

    @Test(.enabled(if: TestBackend.all.contains(.postgres)))
    func aLedgerFromTheFirstSchemaVersionIsUpgradedInPlace() throws {
        let stores = try TestStores(.postgres)
        defer { stores.remove() }
        let old = try Self.session(of: stores)
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

    /// A score schema from before disruptions were indexed by time gets the index when a newer scoring stage
    /// starts, and the disruptions it holds are found from a purchase's time on.
    @Test(.enabled(if: TestBackend.all.contains(.postgres)))
    func scoreDisruptionsFromTheSecondSchemaVersionAreIndexedByTime() throws {
        let stores = try TestStores(.postgres)
        defer { stores.remove() }
        let old = try Self.session(of: stores)
        defer { old.close() }
        try PostgresSchema(name: "score", migrations: Array(ScoreTables.schema.migrations.prefix(2))).prepare(old)
        let disruption = Event(
            id: "d-1", customer: nil, at: Timestamp(seconds: 1_790_000_000),
            body: .disruption(Disruption(what: "delayed", segment: "route:A"))
        )
        let body = disruption.binary().map { String(format: "%02x", $0) }.joined()
        try old.transaction { transaction in
            try transaction.query(
                """
                INSERT INTO score.disruptions (partition, id, segment, at, body)
                VALUES (0, 'd-1', 'route:A', \(disruption.at.microseconds), decode(\(body), 'hex'))
                """
            )
        }
        let store = try stores.scoreStore()
        #expect(try store.disruptions(partition: 0, since: ["route:A": disruption.at]) == ["route:A": [disruption]])
        #expect(
            try store.disruptions(partition: 0, since: ["route:A": Timestamp(seconds: 1_790_000_001)])
                == ["route:A": []])
        let indexes = try old.transaction { transaction in
            try transaction.rows(
                "SELECT indexname FROM pg_indexes WHERE schemaname = 'score' AND tablename = 'disruptions'"
            ) { try $0.decode(String.self) }
        }
        #expect(Set(indexes) == ["disruptions_pkey", "disruptions_by_segment_time"])
    }
}

/// The test stores were meant to be on PostgreSQL and are not.
struct NotOnPostgres: Error, CustomStringConvertible {
    var description: String { "the PostgreSQL test stores are not on PostgreSQL" }
}
