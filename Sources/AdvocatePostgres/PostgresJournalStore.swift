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
                """
                INSERT INTO journal.meta (key, value) VALUES ('partitions', \(Int64(partitions)))
                ON CONFLICT DO NOTHING
                """
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
            let outcomes: [AppendOutcome]
            do {
                outcomes = try appendRows(events, rejections: rejections, next: &working)
            } catch {
                // A connection lost during COMMIT leaves the outcome unknown: number on from what is stored.
                if let stored = try? session.transaction(readOnly: true, { try JournalTables.heads($0) }) {
                    for (partition, head) in stored where partition >= 0 && partition < next.count {
                        next[Int(partition)] = UInt64(head) + 1
                    }
                }
                throw error
            }
            next = working
            return outcomes
        }
    }

    /// Writes the new events of `events` in one transaction, numbering them from `next`.
    private func appendRows(
        _ events: [Event], rejections: [String: Int], next working: inout [UInt64]
    ) throws -> [AppendOutcome] {
        let count = partitionCount
        return try session.transaction { transaction in
            // A handful of statements per batch, whatever its size: each takes whole columns as arrays.
            var fresh = Set(
                try transaction.rows(
                    """
                    INSERT INTO journal.ids (id) SELECT * FROM unnest(\(events.map(\.id))::TEXT[])
                    ON CONFLICT DO NOTHING RETURNING id
                    """
                ) { try $0.decode(String.self) }
            )
            var outcomes: [AppendOutcome] = []
            outcomes.reserveCapacity(events.count)
            var rows = JournalRows()
            var perType: [String: Int] = [:]
            for event in events {
                // The first of equal ids in the batch is the new one; any later one is a duplicate.
                guard fresh.remove(event.id) != nil else {
                    outcomes.append(.duplicate)
                    continue
                }
                let body = ByteBuffer(bytes: event.binary())
                let partitions = SQLiteJournalStore.partitions(of: event, count: count)
                for partition in partitions {
                    rows.add(partition: partition, sequence: working[Int(partition)], event: event, body: body)
                }
                let home = partitions[0]
                outcomes.append(.appended(partition: home, sequence: working[Int(home)]))
                for partition in partitions { working[Int(partition)] += 1 }
                if !event.type.isInternal { perType[event.type.rawValue, default: 0] += 1 }
            }
            if !rows.ids.isEmpty {
                try transaction.query(
                    """
                    INSERT INTO journal.events (partition, seq, id, type, body)
                    SELECT * FROM unnest(\(rows.partitions)::BIGINT[], \(rows.sequences)::BIGINT[],
                        \(rows.ids)::TEXT[],
                        \(rows.types)::TEXT[], \(rows.bodies)::BYTEA[])
                    """
                )
            }
            try Self.add(perType, to: "accepted", key: "type", transaction)
            try Self.add(rejections.filter { $0.value > 0 }, to: "rejected", key: "reason", transaction)
            return outcomes
        }
    }

    /// Adds `counts` to the counters of `table` (`accepted` by type, `rejected` by reason).
    private static func add(
        _ counts: [String: Int], to table: String, key: String, _ transaction: PostgresTransaction
    ) throws {
        guard !counts.isEmpty else { return }
        let keys = counts.keys.sorted()
        try transaction.query(
            """
            INSERT INTO journal.\(unescaped: table) (\(unescaped: key), n)
            SELECT * FROM unnest(\(keys)::TEXT[], \(keys.map { Int64(counts[$0] ?? 0) })::BIGINT[])
            ON CONFLICT (\(unescaped: key)) DO UPDATE SET n = journal.\(unescaped: table).n + excluded.n
            """
        )
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

/// The columns of the events one append writes, for a single `unnest` insert.
private struct JournalRows {
    var partitions: [Int64] = []
    var sequences: [Int64] = []
    var ids: [String] = []
    var types: [String] = []
    var bodies: [ByteBuffer] = []

    mutating func add(partition: UInt32, sequence: UInt64, event: Event, body: ByteBuffer) {
        partitions.append(Int64(partition))
        sequences.append(Int64(sequence))
        ids.append(event.id)
        types.append(event.type.rawValue)
        bodies.append(body)
    }
}
