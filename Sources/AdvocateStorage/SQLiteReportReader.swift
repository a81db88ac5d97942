import AdvocateCodec
import Foundation
import GRDB
import Synchronization

/// Reads the embedded stores of a data directory without writing to them. A store whose file does not
/// exist yet (its stage has not started) reads as empty until it appears.
public final class SQLiteReportReader: ReportReader {
    let directory: DataDirectory
    private let pools = Mutex<[String: DatabasePool]>([:])

    public init(directory: DataDirectory) {
        self.directory = directory
    }

    private func pool(_ path: String) throws -> DatabasePool? {
        try pools.withLock { pools in
            if let pool = pools[path] { return pool }
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            let pool = try SQLiteDatabase.open(path: path, durability: .process, readonly: true)
            pools[path] = pool
            return pool
        }
    }

    /// Runs `body` on the store at `path`, or returns `empty` when it does not exist yet or lacks the tables.
    /// Runs `body` on a reader of the store at `path` in one read transaction, or gives `empty` while the stage
    /// that writes it has not made it yet. A body of a single statement may leave out the transaction
    /// (`snapshot: false`): SQLite gives every statement a consistent view of its own, and the transaction
    /// costs three more statements (begin, read-only mode, commit).
    func read<T>(_ path: String, empty: T, snapshot: Bool = true, _ body: (Database) throws -> T) throws -> T {
        guard let pool = try pool(path) else { return empty }
        let guarded = { (db: Database) throws -> T in
            do {
                return try body(db)
            } catch let error as DatabaseError where error.message?.contains("no such table") == true {
                return empty
            }
        }
        return snapshot ? try pool.read(guarded) : try pool.unsafeRead(guarded)
    }

    public func summary() throws -> Summary {
        var summary = Summary()
        var heads: [Int64: Int64] = [:]
        try read(directory.journal, empty: ()) { db in
            let counts = try SQLiteJournalStore.counts(db)
            summary.accepted = counts.accepted
            summary.rejected = counts.rejected
            // One index seek per partition: a GROUP BY over the events would read the whole journal.
            let partitions =
                try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE key = 'partitions'")) ?? 0
            let head = try db.cachedStatement(sql: "SELECT MAX(seq) FROM events WHERE partition = ?")
            for partition in 0..<partitions {
                if let value = try Int64.fetchOne(head, arguments: [partition]) { heads[partition] = value }
            }
        }
        var applied: [Int64: Int64] = [:]
        try read(directory.score, empty: ()) { db in
            for row in try Row.fetchAll(
                db.cachedStatement(sql: "SELECT stage, COUNT(*) AS n FROM customers GROUP BY stage"))
            {
                summary.customersByStage[row["stage"]] = row["n"]
            }
            for row in try Row.fetchAll(
                db.cachedStatement(sql: "SELECT status, COUNT(*) AS n FROM alerts GROUP BY status"))
            {
                let status: String = row["status"]
                let n: Int = row["n"]
                if status == "open" { summary.alertsOpen = n } else { summary.alertsClosed += n }
            }
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT partition, seq FROM positions")) {
                applied[row["partition"]] = row["seq"]
            }
            summary.outbox =
                try Int.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT (SELECT COUNT(*) FROM outbox) + (SELECT COUNT(*) FROM forward_outbox)")) ?? 0
        }
        summary.pending = heads.reduce(0) { total, head in
            total + UInt64(max(0, head.value - (applied[head.key] ?? 0)))
        }
        try read(directory.reward, empty: ()) { db in
            for row in try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT rule, COUNT(*) AS n, COALESCE(SUM(value), 0) AS v FROM ledger
                        WHERE status = 'issued' GROUP BY rule
                        """)
            ) {
                let n: Int = row["n"]
                let value: Int64 = row["v"]
                summary.rewardsByRule[row["rule"]] = n
                summary.rewardsIssued += n
                summary.rewardsValue = summary.rewardsValue + Money(units: value)
            }
        }
        return summary
    }

    public func customer(_ id: String) throws -> CustomerRecord? {
        try read(directory.score, empty: nil) { db in
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT stage, state FROM customers WHERE customer = ?"), arguments: [id])
            else { return nil }
            let state: Data = row["state"]
            return CustomerRecord(id: id, stage: row["stage"], state: Array(state))
        }
    }

    public func alerts(customer: String?, status: String?, limit: Int) throws -> [AlertRow] {
        try read(directory.score, empty: [], snapshot: false) { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let customer {
                conditions.append("customer = ?")
                arguments.append(customer)
            }
            if let status {
                conditions.append("status = ?")
                arguments.append(status)
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments.append(limit)
            // Prepared once per filter and kept: the API polls this far more often than anything else.
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM alerts \(filter) ORDER BY opened_at, id LIMIT ?"),
                arguments: StatementArguments(arguments)
            )
            return rows.map { row in
                AlertRow(
                    id: row["id"], customer: row["customer"], trigger: row["trigger"], status: row["status"],
                    severity: row["severity"], openedAt: Timestamp(microseconds: row["opened_at"]),
                    closedAt: (row["closed_at"] as Int64?).map(Timestamp.init(microseconds:)),
                    responseSeconds: row["response_seconds"], reason: row["reason"], channel: row["channel"],
                    excerpt: row["excerpt"]
                )
            }
        }
    }

    public func notices(customer: String) throws -> [NoticeRow] {
        try read(directory.score, empty: []) { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM notices WHERE customer = ? ORDER BY at, id"),
                arguments: [customer]
            )
            .map { row in
                NoticeRow(
                    id: row["id"], disruption: row["disruption"], customer: row["customer"],
                    at: Timestamp(microseconds: row["at"]), what: row["what"]
                )
            }
        }
    }

    public func surveyScores(kind: String) throws -> [Int: Int] {
        try read(directory.score, empty: [:]) { db in
            var counts: [Int: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT score, COUNT(*) AS n FROM surveys WHERE kind = ? GROUP BY score", arguments: [kind]
            ) {
                counts[row["score"]] = row["n"]
            }
            return counts
        }
    }

    public func rewards(customer: String?, limit: Int) throws -> [LedgerEntry] {
        try read(directory.reward, empty: []) { db in
            let rows: [Row]
            if let customer {
                rows = try Row.fetchAll(
                    db.cachedStatement(sql: "SELECT * FROM ledger WHERE customer = ? ORDER BY at, id LIMIT ?"),
                    arguments: [customer, limit]
                )
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM ledger ORDER BY at, id LIMIT ?", arguments: [limit])
            }
            return try rows.map(SQLiteRewardStore.entry)
        }
    }

    /// Everything derived so far, for exact comparisons between runs.
    public func snapshot() throws -> StoreSnapshot {
        var snapshot = StoreSnapshot()
        // Work in flight is read first: when nothing is in flight then, nothing changes afterwards, so the
        // tables read next are final. Read last, it could vouch for tables read while work was still landing.
        let summary = try summary()
        snapshot.inFlight = Int(summary.pending) + summary.outbox
        try read(directory.journal, empty: ()) { db in
            snapshot.accepted = try SQLiteJournalStore.counts(db).accepted
        }
        try read(directory.score, empty: ()) { db in
            for row in try Row.fetchAll(db, sql: "SELECT customer, stage, state FROM customers") {
                let id: String = row["customer"]
                let state: Data = row["state"]
                snapshot.customers[id] = CustomerRecord(id: id, stage: row["stage"], state: Array(state))
            }
            snapshot.candidates = Set(try String.fetchAll(db, sql: "SELECT id FROM candidates"))
            for customer in try String.fetchAll(
                db, sql: "SELECT customer FROM candidates WHERE kind = 'became_advocate'")
            {
                snapshot.advocates[customer, default: 0] += 1
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, status, response_seconds FROM alerts") {
                let seconds: Int64? = row["response_seconds"]
                snapshot.alerts[row["id"]] = "\(row["status"] as String)/\(seconds.map(String.init) ?? "-")"
            }
            snapshot.notices = Set(try String.fetchAll(db, sql: "SELECT id FROM notices"))
        }
        try read(directory.reward, empty: ()) { db in
            snapshot.received = Set(try String.fetchAll(db, sql: "SELECT id FROM received"))
            for customer in try String.fetchAll(db, sql: "SELECT customer FROM received WHERE kind = 'became_advocate'")
            {
                snapshot.advocatesReceived[customer, default: 0] += 1
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, status, value FROM ledger") {
                snapshot.ledger[row["id"]] = "\(row["status"] as String)/\(row["value"] as Int64)"
            }
        }
        return snapshot
    }
}
