import AdvocateTestSupport
import GRDB
import Testing

@testable import AdvocateStorage

/// Each store's writer commits with the durability it promises: the journal (power-safe by default) and the
/// reward ledger fsync every commit, the scoring store (rebuilt from the journal) does not.
@Suite struct SQLiteDurabilityTests {
    private static let full = 2
    private static let normal = 1

    private func synchronous(_ pool: DatabasePool) throws -> Int? {
        try pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
    }

    @Test func journalFsyncsEveryCommitWhenPowerSafe() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let safe = try SQLiteJournalStore(path: directory.path + "/safe.sqlite", partitions: 4, powerSafe: true)
        #expect(try synchronous(safe.pool) == Self.full)
        let fast = try SQLiteJournalStore(path: directory.path + "/fast.sqlite", partitions: 4, powerSafe: false)
        #expect(try synchronous(fast.pool) == Self.normal)
    }

    @Test func ledgerFsyncsEveryCommit() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteRewardStore(path: directory.path + "/reward.sqlite")
        #expect(try synchronous(store.pool) == Self.full)
    }

    @Test func scoringStoreLeavesFsyncToCheckpoints() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteScoreStore(path: directory.path + "/score.sqlite")
        #expect(try synchronous(store.pool) == Self.normal)
    }

    /// The setting holds on a store opened again (the pool sets its writer up on every open).
    @Test func reopenedJournalKeepsItsDurability() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/journal.sqlite"
        do { _ = try SQLiteJournalStore(path: path, partitions: 4, powerSafe: true) }
        let again = try SQLiteJournalStore(path: path, partitions: 4, powerSafe: true)
        #expect(try synchronous(again.pool) == Self.full)
    }
}
