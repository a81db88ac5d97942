import Foundation
import GRDB
import Synchronization

/// Copies a store's write-ahead log back into its database file on a thread of its own, so that a
/// committing stage never stops to do it: SQLite would otherwise run the checkpoint (the copy and its
/// fsyncs) inside whichever commit crossed the log's size limit.
///
/// It uses a connection of its own with the store's durability, runs passive checkpoints (they never wait
/// for readers or the writer), and stops when it is released. The writer's own automatic checkpoint stays
/// as a backstop at a larger size (`SQLiteDatabase.backstopPages`), for when this thread falls behind.
///
/// A pass copies the newest version of each page the log holds, so a page rewritten by many commits between
/// two passes is copied once: every 0.5 s rather than every 50 ms cut what checkpoints cost the scoring
/// processes (12% of each one's time under a steady load) at the price of a longer log between passes.
final class SQLiteCheckpointer: Sendable {
    private let running: Running

    /// Opens the checkpointing connection at once (so it never creates a file that was since removed)
    /// and starts the thread.
    init(path: String, durability: SQLiteDatabase.Durability, intervalMilliseconds: Int = 500) throws {
        var configuration = Configuration()
        configuration.label = "\(path) checkpoints"
        // Opening reads the schema, which waits out another process's recovery of the log like every other
        // connection of the store instead of failing the store's start.
        configuration.busyMode = SQLiteDatabase.busyWait
        configuration.prepareDatabase { db in
            // A checkpoint fsyncs the log and the database as this connection's setting says.
            try db.execute(sql: "PRAGMA synchronous = \(durability.rawValue)")
        }
        let connection = try SQLiteDatabase.whileLocked(for: SQLiteDatabase.openingWait) {
            try DatabaseQueue(path: path, configuration: configuration)
        }
        running = Running(connection: connection, interval: Double(intervalMilliseconds) / 1_000)
        let running = running
        let thread = Thread { running.loop() }
        thread.name = "sqlite-checkpoint"
        thread.start()
    }

    deinit {
        running.stop()
    }

    /// How many passes have found frames of the log copied into the database file.
    var copyingPasses: Int { running.copyingPasses.load(ordering: .relaxed) }

    /// What the thread shares with its owner: the connection and the signal to stop.
    private final class Running: Sendable {
        let connection: DatabaseQueue
        /// Seconds between passes.
        let interval: Double
        let stopped = Atomic<Bool>(false)
        let copyingPasses = Atomic<Int>(0)

        init(connection: DatabaseQueue, interval: Double) {
            self.connection = connection
            self.interval = interval
        }

        func stop() { stopped.store(true, ordering: .releasing) }

        func loop() {
            while !stopped.load(ordering: .acquiring) {
                Thread.sleep(forTimeInterval: interval)
                do {
                    try connection.writeWithoutTransaction { db in
                        let (log, copied) = try db.checkpoint(.passive)
                        if log > 0, copied > 0 { copyingPasses.add(1, ordering: .relaxed) }
                    }
                } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                    // Another process's checkpoint is running; the next pass catches up.
                    continue
                } catch {
                    // The store is going away (its file removed or closed); the writer's own backstop
                    // checkpoint keeps the log bounded meanwhile.
                    return
                }
            }
        }
    }
}
