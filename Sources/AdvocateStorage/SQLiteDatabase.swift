import Foundation
import GRDB

/// Opens SQLite databases the way every Advocate store needs them: WAL mode (readers never block the
/// writer), a busy timeout for the processes sharing a file, and a chosen durability.
enum SQLiteDatabase {
    /// How hard a commit works to survive.
    enum Durability: String {
        /// fsync on every commit: survives power loss (`synchronous=FULL`).
        case power = "FULL"
        /// fsync at checkpoints only: survives a crash of any process, not of the machine.
        case process = "NORMAL"
    }

    /// Log pages after which a commit checkpoints by itself (SQLite's default is 1,000).
    static let backstopPages = 16_384

    /// How a connection waits for a lock another process holds: every 0.1 ms for the first 5 ms, then every
    /// millisecond, for 30 s in all. SQLite's own busy timeout sleeps 1, 2, 5, 10, ... up to 100 ms between
    /// tries, so a scoring process that finds another one committing would often sleep on long after the
    /// lock was free.
    static let busyWait = Database.BusyMode.callback { tries in
        if tries < quickTries {
            usleep(quickMicroseconds)
            return true
        }
        usleep(slowMicroseconds)
        return tries < quickTries + slowTries
    }

    /// Tries 0.1 ms apart, 5 ms in all.
    static let quickTries = 50
    static let quickMicroseconds: UInt32 = 100
    /// Then tries 1 ms apart, until 30 s have passed in all.
    static let slowMicroseconds: UInt32 = 1_000
    static let slowTries = (30_000_000 - quickTries * Int(quickMicroseconds)) / Int(slowMicroseconds)

    /// How long opening a store waits for a lock SQLite does not wait for itself (`open`).
    static let openingWait: Duration = .seconds(30)

    /// Opens a store, retrying for up to `openingWait` while another process holds the file in a way SQLite
    /// does not wait for. Two processes opening a new file together both switch it to WAL; SQLite may then
    /// answer one of them "database is locked" at once, without calling the busy handler (seen when two
    /// scoring processes started on a fresh data directory), and the stage would stop at start.
    static func open(path: String, durability: Durability, readonly: Bool = false) throws -> DatabasePool {
        try whileLocked(for: openingWait) { try openOnce(path: path, durability: durability, readonly: readonly) }
    }

    /// Runs `body` again, 10 ms apart, while it fails with `SQLITE_BUSY` and `limit` has not passed; then
    /// throws its last error.
    static func whileLocked<T>(for limit: Duration, _ body: () throws -> T) throws -> T {
        let deadline = ContinuousClock.now + limit
        while true {
            do {
                return try body()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                guard ContinuousClock.now < deadline else { throw error }
                usleep(10_000)
            }
        }
    }

    private static func openOnce(path: String, durability: Durability, readonly: Bool) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = busyWait
        configuration.readonly = readonly
        configuration.label = path
        configuration.prepareDatabase { db in
            if !readonly {
                // A stage's own store: 64 MiB of page cache per connection instead of SQLite's 2 MiB, so the hot
                // customers' pages stay in memory and an upsert does not read its page back first. The report's
                // read-only connections keep the default.
                try db.execute(sql: "PRAGMA cache_size = -65536")
                // Checkpoints run on the store's own thread (`SQLiteCheckpointer`); the writer checkpoints only if
                // that falls this far behind.
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(backstopPages)")
            }
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        if !readonly {
            // Set on the writer once the pool is open: a pool switches its writer to WAL mode after
            // `prepareDatabase` and sets `synchronous = NORMAL` as it does, so a setting made there is lost.
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = \(durability.rawValue)")
            }
        }
        return pool
    }
}
