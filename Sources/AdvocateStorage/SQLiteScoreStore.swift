import AdvocateCodec
import Foundation
import GRDB

/// Scoring's store on SQLite, shared by every scoring process on the machine (WAL, busy timeout).
public final class SQLiteScoreStore: ScoreStore {
    let pool: DatabasePool

    /// Opens (or creates) the store at `path`. Commits survive any process crash; after a power loss the
    /// last commits may be lost, and are then re-derived from the journal (positions roll back with them).
    public init(path: String) throws {
        pool = try SQLiteDatabase.open(path: path, durability: .process)
        try pool.write { db in
            try db.execute(sql: Self.schema)
        }
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS positions (
            partition INTEGER PRIMARY KEY, epoch INTEGER NOT NULL, seq INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS customers (
            customer TEXT PRIMARY KEY, partition INTEGER NOT NULL, stage TEXT NOT NULL, state BLOB NOT NULL
        );
        CREATE TABLE IF NOT EXISTS outbox (
            id TEXT PRIMARY KEY, partition INTEGER NOT NULL, body BLOB NOT NULL
        );
        CREATE TABLE IF NOT EXISTS candidates (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, customer TEXT NOT NULL, trigger TEXT NOT NULL, at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS alerts (
            id TEXT PRIMARY KEY, customer TEXT NOT NULL, trigger TEXT NOT NULL, status TEXT NOT NULL,
            severity TEXT NOT NULL, opened_at INTEGER NOT NULL, closed_at INTEGER, response_seconds INTEGER,
            reason TEXT NOT NULL, channel TEXT, excerpt TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS alerts_by_customer ON alerts (customer);
        CREATE TABLE IF NOT EXISTS notices (
            id TEXT PRIMARY KEY, disruption TEXT NOT NULL, customer TEXT NOT NULL, at INTEGER NOT NULL,
            what TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS notices_by_customer ON notices (customer);
        CREATE TABLE IF NOT EXISTS topics (
            event TEXT PRIMARY KEY, customer TEXT NOT NULL, topic TEXT NOT NULL, at INTEGER NOT NULL,
            excerpt TEXT NOT NULL
        );
        """

    public func claim(partition: UInt32, epoch: UInt64) throws -> UInt64 {
        try pool.write { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT epoch, seq FROM positions WHERE partition = ?", arguments: [Int64(partition)]
            )
            let currentEpoch = UInt64(row?["epoch"] as Int64? ?? 0)
            let sequence = UInt64(row?["seq"] as Int64? ?? 0)
            if currentEpoch > epoch {
                throw StorageError(.staleEpoch(partition: partition, mine: epoch, current: currentEpoch))
            }
            try db.execute(
                sql: """
                    INSERT INTO positions (partition, epoch, seq) VALUES (?, ?, 0)
                    ON CONFLICT (partition) DO UPDATE SET epoch = excluded.epoch
                    """,
                arguments: [Int64(partition), Int64(epoch)]
            )
            return sequence
        }
    }

    public func states(of customers: [String]) throws -> [String: [UInt8]] {
        guard !customers.isEmpty else { return [:] }
        return try pool.read { db in
            var result: [String: [UInt8]] = [:]
            let select = try db.cachedStatement(sql: "SELECT state FROM customers WHERE customer = ?")
            for customer in customers {
                if let data = try Data.fetchOne(select, arguments: [customer]) {
                    result[customer] = Array(data)
                }
            }
            return result
        }
    }

    public func commit(_ commit: ScoreCommit) throws {
        try pool.write { db in
            let partition = commit.lease.partition
            let row = try Row.fetchOne(
                db, sql: "SELECT epoch, seq FROM positions WHERE partition = ?", arguments: [Int64(partition)]
            )
            let currentEpoch = UInt64(row?["epoch"] as Int64? ?? 0)
            let committed = UInt64(row?["seq"] as Int64? ?? 0)
            if currentEpoch != commit.lease.epoch {
                throw StorageError(
                    .staleEpoch(partition: partition, mine: commit.lease.epoch, current: currentEpoch)
                )
            }
            if commit.through <= committed {
                throw StorageError(.outOfOrder(partition: partition, committed: committed, first: commit.through))
            }
            let upsertCustomer = try db.cachedStatement(
                sql: """
                    INSERT INTO customers (customer, partition, stage, state) VALUES (?, ?, ?, ?)
                    ON CONFLICT (customer) DO UPDATE SET stage = excluded.stage, state = excluded.state
                    """
            )
            for customer in commit.customers {
                try upsertCustomer.execute(arguments: [
                    customer.customer, Int64(customer.partition), customer.stage, Data(customer.state),
                ])
            }
            let insertOutbox = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO outbox (id, partition, body) VALUES (?, ?, ?)"
            )
            let insertCandidate = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO candidates (id, kind, customer, trigger, at) VALUES (?, ?, ?, ?, ?)"
            )
            for candidate in commit.candidates {
                try insertCandidate.execute(arguments: [
                    candidate.id, candidate.kind.rawValue, candidate.customer, candidate.trigger,
                    candidate.at.microseconds,
                ])
                // Only a candidate seen for the first time goes out: a re-derived one was sent already.
                if db.changesCount == 1 {
                    let body = WireMessage.candidates(CandidateBatch(batch: 0, candidates: [candidate])).encoded()
                    try insertOutbox.execute(arguments: [candidate.id, Int64(partition), Data(body)])
                }
            }
            let upsertAlert = try db.cachedStatement(
                sql: """
                    INSERT INTO alerts (id, customer, trigger, status, severity, opened_at, closed_at,
                        response_seconds, reason, channel, excerpt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET status = excluded.status, severity = excluded.severity,
                        closed_at = excluded.closed_at, response_seconds = excluded.response_seconds,
                        reason = excluded.reason
                    """
            )
            for alert in commit.alerts {
                try upsertAlert.execute(arguments: [
                    alert.id, alert.customer, alert.trigger, alert.status, alert.severity,
                    alert.openedAt.microseconds, alert.closedAt?.microseconds, alert.responseSeconds,
                    alert.reason, alert.channel, alert.excerpt,
                ])
            }
            let insertNotice = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO notices (id, disruption, customer, at, what) VALUES (?, ?, ?, ?, ?)"
            )
            for notice in commit.notices {
                try insertNotice.execute(arguments: [
                    notice.id, notice.disruption, notice.customer, notice.at.microseconds, notice.what,
                ])
            }
            let insertTopic = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO topics (event, customer, topic, at, excerpt) VALUES (?, ?, ?, ?, ?)"
            )
            for topic in commit.topics {
                try insertTopic.execute(arguments: [
                    topic.event, topic.customer, topic.topic, topic.at.microseconds, topic.excerpt,
                ])
            }
            try db.execute(
                sql: "UPDATE positions SET seq = ? WHERE partition = ?",
                arguments: [Int64(commit.through), Int64(partition)]
            )
        }
    }

    public func outbox(partitions: Set<UInt32>, limit: Int) throws -> [RewardCandidate] {
        guard !partitions.isEmpty else { return [] }
        return try pool.read { db in
            let list = partitions.sorted().map(String.init).joined(separator: ",")
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT id, body FROM outbox WHERE partition IN (\(list)) ORDER BY rowid LIMIT ?",
                arguments: [limit]
            )
            var candidates: [RewardCandidate] = []
            for row in rows {
                let body: Data = row["body"]
                let id: String = row["id"]
                guard case .candidates(let batch) = try? WireMessage(decoding: Array(body)),
                    let candidate = batch.candidates.first
                else {
                    throw StorageError(.corrupt("outbox entry \(id) does not decode"))
                }
                candidates.append(candidate)
            }
            return candidates
        }
    }

    public func removeFromOutbox(_ ids: [String]) throws {
        guard !ids.isEmpty else { return }
        try pool.write { db in
            let delete = try db.cachedStatement(sql: "DELETE FROM outbox WHERE id = ?")
            for id in ids { try delete.execute(arguments: [id]) }
        }
    }
}
