import AdvocateCodec
import Foundation
import GRDB
import Synchronization

/// The journal on SQLite: a table of event ids (the deduplication index, kept for the journal's life), the
/// events keyed by (partition, sequence), and committed counters, all written in one transaction per group
/// commit. A disruption without a customer is journalled in every partition, since any partition may hold
/// customers it affects; every other event in the one partition of its customer.
public final class SQLiteJournalStore: JournalStore {
    public let partitionCount: UInt32
    let pool: DatabasePool
    private let checkpointer: SQLiteCheckpointer
    /// Next free sequence per partition; only `append` changes it, under its lock, after a commit.
    private let nextSequences: Mutex<[UInt64]>

    /// Opens (or creates) the journal at `path`.
    /// - Parameters:
    ///   - partitions: used when the journal is created; an existing journal keeps its own count.
    ///   - powerSafe: fsync every commit (survives power loss) rather than only process crashes.
    public init(path: String, partitions: UInt32 = Partitioning.defaultCount, powerSafe: Bool = true) throws {
        let durability: SQLiteDatabase.Durability = powerSafe ? .power : .process
        pool = try SQLiteDatabase.open(path: path, durability: durability)
        checkpointer = try SQLiteCheckpointer(path: path, durability: durability)
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
                    CREATE TABLE IF NOT EXISTS ids (id TEXT PRIMARY KEY) WITHOUT ROWID;
                    CREATE TABLE IF NOT EXISTS events (
                        partition INTEGER NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL,
                        type TEXT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (partition, seq)
                    ) WITHOUT ROWID;
                    CREATE TABLE IF NOT EXISTS accepted (type TEXT PRIMARY KEY, n INTEGER NOT NULL);
                    CREATE TABLE IF NOT EXISTS rejected (reason TEXT PRIMARY KEY, n INTEGER NOT NULL);
                    INSERT OR IGNORE INTO meta (key, value) VALUES ('epoch', 0);
                    """
            )
            try db.execute(
                sql: "INSERT OR IGNORE INTO meta (key, value) VALUES ('partitions', ?)",
                arguments: [Int64(partitions)]
            )
        }
        let stored = try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'partitions'") ?? Int64(partitions)
        }
        guard stored > 0, stored <= 65_536 else {
            throw StorageError(.corrupt("journal partition count \(stored) out of range"))
        }
        partitionCount = UInt32(stored)
        var next = [UInt64](repeating: 1, count: Int(stored))
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT partition, MAX(seq) AS head FROM events GROUP BY partition")
            for row in rows {
                let partition: Int64 = row["partition"]
                let head: Int64 = row["head"]
                if partition >= 0 && partition < stored { next[Int(partition)] = UInt64(head) + 1 }
            }
        }
        nextSequences = Mutex(next)
    }

    public func append(_ events: [Event], rejections: [String: Int]) throws -> [AppendOutcome] {
        try nextSequences.withLock { next in
            var working = next
            let count = partitionCount
            let outcomes: [AppendOutcome] = try pool.write { db in
                var outcomes: [AppendOutcome] = []
                outcomes.reserveCapacity(events.count)
                var perType: [String: Int] = [:]
                let remember = try db.cachedStatement(sql: "INSERT OR IGNORE INTO ids (id) VALUES (?)")
                let insert = try db.cachedStatement(
                    sql: "INSERT INTO events (partition, seq, id, type, body) VALUES (?, ?, ?, ?, ?)"
                )
                for event in events {
                    try remember.execute(arguments: [event.id])
                    guard db.changesCount == 1 else {
                        outcomes.append(.duplicate)
                        continue
                    }
                    let body = Data(event.binary())
                    let partitions = Self.partitions(of: event, count: count)
                    for partition in partitions {
                        try insert.execute(arguments: [
                            Int64(partition), Int64(working[Int(partition)]), event.id, event.type.rawValue, body,
                        ])
                    }
                    let home = partitions[0]
                    outcomes.append(.appended(partition: home, sequence: working[Int(home)]))
                    for partition in partitions { working[Int(partition)] += 1 }
                    if !event.type.isInternal { perType[event.type.rawValue, default: 0] += 1 }
                }
                let bumpAccepted = try db.cachedStatement(
                    sql:
                        "INSERT INTO accepted (type, n) VALUES (?, ?) ON CONFLICT (type) DO UPDATE SET n = n + excluded.n"
                )
                for (type, n) in perType { try bumpAccepted.execute(arguments: [type, n]) }
                let bumpRejected = try db.cachedStatement(
                    sql:
                        "INSERT INTO rejected (reason, n) VALUES (?, ?) ON CONFLICT (reason) DO UPDATE SET n = n + excluded.n"
                )
                for (reason, n) in rejections where n > 0 { try bumpRejected.execute(arguments: [reason, n]) }
                return outcomes
            }
            next = working
            return outcomes
        }
    }

    /// The partitions an event is journalled in; the first is its home (reported to the producer).
    public static func partitions(of event: Event, count: UInt32) -> [UInt32] {
        if case .disruption = event.body, event.customer == nil {
            return Array(0..<count)
        }
        return [Partitioning.partition(of: Partitioning.routingKey(of: event), count: count)]
    }

    public func read(partition: UInt32, after: UInt64, limit: Int) throws -> [JournalEntry] {
        try pool.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: "SELECT seq, body FROM events WHERE partition = ? AND seq > ? ORDER BY seq LIMIT ?",
                arguments: [Int64(partition), Int64(after), limit]
            )
            var entries: [JournalEntry] = []
            while let row = try rows.next() {
                let sequence: Int64 = row[0]
                let body: Data = row[1]
                do {
                    let event = try Event(binary: body)
                    entries.append(JournalEntry(sequence: UInt64(sequence), event: event))
                } catch {
                    throw StorageError(.corrupt("journal partition \(partition) seq \(sequence): \(error)"))
                }
            }
            return entries
        }
    }

    public func heads() throws -> [UInt64] {
        nextSequences.withLock { next in next.map { $0 - 1 } }
    }

    public func reserveEpochs(_ count: Int) throws -> UInt64 {
        precondition(count > 0, "reserve at least one epoch")
        return try pool.write { db in
            try db.execute(sql: "UPDATE meta SET value = value + ? WHERE key = 'epoch'", arguments: [count])
            let last = try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'epoch'") ?? Int64(count)
            return UInt64(last) - UInt64(count) + 1
        }
    }

    public func counts() throws -> JournalCounts {
        try pool.read { db in try Self.counts(db) }
    }

    static func counts(_ db: Database) throws -> JournalCounts {
        var counts = JournalCounts()
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT type, n FROM accepted")) {
            counts.accepted[row["type"]] = row["n"]
        }
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT reason, n FROM rejected")) {
            counts.rejected[row["reason"]] = row["n"]
        }
        return counts
    }
}
