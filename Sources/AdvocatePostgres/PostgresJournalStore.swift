import AdvocateCodec
import AdvocateStorage
import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// The journal on PostgreSQL, with the SQLite journal's semantics: each event id once for the journal's life,
/// consecutive sequence numbers per partition, counters committed with the events. One ingest process writes
/// it (it numbers events from its own memory, as on SQLite); the primary key (partition, seq) refuses a second.
public final class PostgresJournalStore: JournalStore {
    public let partitionCount: UInt32
    private let session: PostgresSession
    /// Next free sequence per partition; only `append` changes it, under its lock, after a commit.
    private let nextSequences: Mutex<[UInt64]>

    /// Connects to `url` and creates the `journal` schema if needed.
    /// - Parameter partitions: used when the journal is created; an existing journal keeps its own count.
    public init(url: DatabaseURL, partitions: UInt32 = Partitioning.defaultCount, logger: Logger? = nil) throws {
        session = PostgresSession(url: url, logger: logger ?? Logger(label: "advocate.postgres.journal"))
        try JournalTables.schema.prepare(session)
        let (stored, heads) = try session.transaction { transaction in
            try transaction.query(
                "INSERT INTO journal.meta (key, value) VALUES ('partitions', \(Int64(partitions))) ON CONFLICT DO NOTHING"
            )
            let stored =
                try transaction.rows("SELECT value FROM journal.meta WHERE key = 'partitions'") {
                    try $0.decode(Int64.self)
                }.first ?? Int64(partitions)
            return (stored, try JournalTables.heads(transaction))
        }
        guard stored > 0, stored <= 65_536 else {
            throw StorageError(.corrupt("journal partition count \(stored) out of range"))
        }
        partitionCount = UInt32(stored)
        var next = [UInt64](repeating: 1, count: Int(stored))
        for (partition, head) in heads where partition >= 0 && partition < stored {
            next[Int(partition)] = UInt64(head) + 1
        }
        nextSequences = Mutex(next)
    }

    public func append(_ events: [Event], rejections: [String: Int]) throws -> [AppendOutcome] {
        try nextSequences.withLock { next in
            var working = next
            let count = partitionCount
            let outcomes: [AppendOutcome] = try session.transaction { transaction in
                // First learn which ids are new (one round trip for the batch), then write their events.
                let fresh = try transaction.pipeline(
                    events.map { "INSERT INTO journal.ids (id) VALUES (\($0.id)) ON CONFLICT DO NOTHING" }
                ).map { ($0.metadata.rows ?? 0) == 1 }
                var outcomes: [AppendOutcome] = []
                outcomes.reserveCapacity(events.count)
                var writes: [PostgresQuery] = []
                var perType: [String: Int] = [:]
                for (event, isNew) in zip(events, fresh) {
                    guard isNew else {
                        outcomes.append(.duplicate)
                        continue
                    }
                    let body = ByteBuffer(bytes: event.binary())
                    let partitions = SQLiteJournalStore.partitions(of: event, count: count)
                    for partition in partitions {
                        writes.append(
                            """
                            INSERT INTO journal.events (partition, seq, id, type, body)
                            VALUES (\(Int64(partition)), \(Int64(working[Int(partition)])), \(event.id), \
                            \(event.type.rawValue), \(body))
                            """
                        )
                    }
                    let home = partitions[0]
                    outcomes.append(.appended(partition: home, sequence: working[Int(home)]))
                    for partition in partitions { working[Int(partition)] += 1 }
                    if !event.type.isInternal { perType[event.type.rawValue, default: 0] += 1 }
                }
                for (type, n) in perType.sorted(by: { $0.key < $1.key }) {
                    writes.append(
                        """
                        INSERT INTO journal.accepted (type, n) VALUES (\(type), \(Int64(n)))
                        ON CONFLICT (type) DO UPDATE SET n = journal.accepted.n + excluded.n
                        """
                    )
                }
                for (reason, n) in rejections.sorted(by: { $0.key < $1.key }) where n > 0 {
                    writes.append(
                        """
                        INSERT INTO journal.rejected (reason, n) VALUES (\(reason), \(Int64(n)))
                        ON CONFLICT (reason) DO UPDATE SET n = journal.rejected.n + excluded.n
                        """
                    )
                }
                try transaction.pipeline(writes)
                return outcomes
            }
            next = working
            return outcomes
        }
    }

    public func read(partition: UInt32, after: UInt64, limit: Int) throws -> [JournalEntry] {
        try session.transaction(readOnly: true) { transaction in
            try transaction.rows(
                """
                SELECT seq, body FROM journal.events WHERE partition = \(Int64(partition)) AND seq > \(Int64(after))
                ORDER BY seq LIMIT \(Int64(limit))
                """
            ) { row in
                let (sequence, body) = try row.decode((Int64, ByteBuffer).self)
                do {
                    return JournalEntry(sequence: UInt64(sequence), event: try Event(binary: body.readableBytesView))
                } catch {
                    throw StorageError(.corrupt("journal partition \(partition) seq \(sequence): \(error)"))
                }
            }
        }
    }

    public func heads() throws -> [UInt64] {
        nextSequences.withLock { next in next.map { $0 - 1 } }
    }

    public func reserveEpochs(_ count: Int) throws -> UInt64 {
        precondition(count > 0, "reserve at least one epoch")
        let last = try session.transaction { transaction in
            try transaction.rows(
                "UPDATE journal.meta SET value = value + \(Int64(count)) WHERE key = 'epoch' RETURNING value"
            ) { try $0.decode(Int64.self) }.first ?? Int64(count)
        }
        return UInt64(last) - UInt64(count) + 1
    }

    public func counts() throws -> JournalCounts {
        try session.transaction(readOnly: true) { try JournalTables.counts($0) }
    }
}
