import AdvocateTestSupport
import Foundation
import GRDB
import Testing

@testable import AdvocateStorage

/// Two processes writing one store (scoring workers) take turns: a writer that finds the lock held waits
/// for it instead of failing.
@Suite struct SQLiteBusyWaitTests {
    @Test func aWriterWaitsForAnotherConnectionsTransaction() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/shared.sqlite"
        let first = try SQLiteDatabase.open(path: path, durability: .process)
        let second = try SQLiteDatabase.open(path: path, durability: .process)
        try first.write { try $0.execute(sql: "CREATE TABLE t (n INTEGER)") }

        Self.holdWriteLock(of: first, seconds: 0.3)
        // The other connection holds the write lock for 0.3 s more: this write has to wait it out.
        try second.write { try $0.execute(sql: "INSERT INTO t (n) VALUES (2)") }
        let values = try second.read { try Int.fetchAll($0, sql: "SELECT n FROM t ORDER BY n") }
        #expect(values == [1, 2])
    }

    /// Opening a store retries while SQLite answers "database is locked" without waiting (two processes
    /// switching a new file to WAL at once).
    @Test func openingRetriesWhileTheFileIsLocked() throws {
        var calls = 0
        let value = try SQLiteDatabase.whileLocked(for: .seconds(5)) {
            calls += 1
            if calls < 4 { throw DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked") }
            return "open"
        }
        #expect(value == "open")
        #expect(calls == 4)
    }

    /// Once the limit has passed, SQLite's own error comes out.
    @Test func openingGivesUpAfterTheLimitWithSQLitesError() throws {
        var calls = 0
        let started = ContinuousClock.now
        #expect {
            try SQLiteDatabase.whileLocked(for: .milliseconds(60)) {
                calls += 1
                throw DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked")
            }
        } throws: { error in
            (error as? DatabaseError)?.resultCode == .SQLITE_BUSY
        }
        #expect(calls > 1)
        #expect(ContinuousClock.now - started >= .milliseconds(60))
    }

    @Test func otherErrorsAreNotRetried() throws {
        var calls = 0
        #expect(throws: DatabaseError.self) {
            try SQLiteDatabase.whileLocked(for: .seconds(5)) {
                calls += 1
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "database disk image is malformed")
            }
        }
        #expect(calls == 1)
    }

    /// A connection holding the write lock of a file not yet in WAL mode (as another process opening a new
    /// store does for a moment) makes SQLite refuse the switch to WAL at once, busy handler or not; opening
    /// waits it out and gets the store in WAL mode.
    @Test func openingWaitsOutAWriterOfANewFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/new.sqlite"
        let other = try DatabaseQueue(path: path)
        try other.write { try $0.execute(sql: "CREATE TABLE t (n INTEGER)") }
        Self.holdWriteLock(of: other, seconds: 0.3)
        let pool = try SQLiteDatabase.open(path: path, durability: .power)
        #expect(try pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try pool.read { try Int.fetchAll($0, sql: "SELECT n FROM t") } == [1])
    }

    /// Inserts 1 into `t` in a transaction that holds the write lock for `seconds` on a thread of its own;
    /// returns once the lock is held.
    static func holdWriteLock(of writer: any DatabaseWriter, seconds: Double) {
        let holding = DispatchSemaphore(value: 0)
        let holder = Thread {
            try? writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "INSERT INTO t (n) VALUES (1)")
                    holding.signal()
                    Thread.sleep(forTimeInterval: seconds)
                    return .commit
                }
            }
        }
        holder.start()
        _ = holding.wait(timeout: .now() + 10)
    }
}
