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

        let holding = DispatchSemaphore(value: 0)
        let holder = Thread {
            try? first.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "INSERT INTO t (n) VALUES (1)")
                    holding.signal()
                    Thread.sleep(forTimeInterval: 0.3)
                    return .commit
                }
            }
        }
        holder.start()
        holding.wait()
        // The other connection holds the write lock for 0.3 s more: this write has to wait it out.
        try second.write { try $0.execute(sql: "INSERT INTO t (n) VALUES (2)") }
        let values = try second.read { try Int.fetchAll($0, sql: "SELECT n FROM t ORDER BY n") }
        #expect(values == [1, 2])
    }
}
