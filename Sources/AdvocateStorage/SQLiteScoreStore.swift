import AdvocateCodec
import Foundation
import GRDB

/// Scoring's store on SQLite, shared by every scoring process on the machine (WAL, busy timeout).
public final class SQLiteScoreStore: ScoreStore {
    let pool: DatabasePool
    let checkpointer: SQLiteCheckpointer

    /// Opens (or creates) the store at `path`. Commits survive any process crash; after a power loss the
    /// last commits may be lost, and are then re-derived from the journal (positions roll back with them).
    public init(path: String) throws {
        pool = try SQLiteDatabase.open(path: path, durability: .process)
        checkpointer = try SQLiteCheckpointer(path: path, durability: .process)
        try pool.write { db in
            try db.execute(sql: Self.schema)
            try db.execute(sql: Self.contactsSchema)
        }
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS positions (
            partition INTEGER PRIMARY KEY, epoch INTEGER NOT NULL, seq INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS customers (
            customer TEXT PRIMARY KEY, partition INTEGER NOT NULL, stage TEXT NOT NULL, state BLOB NOT NULL
        );
        CREATE INDEX IF NOT EXISTS customers_by_stage ON customers (stage);
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
        CREATE INDEX IF NOT EXISTS alerts_by_status ON alerts (status);
        CREATE TABLE IF NOT EXISTS notices (
            id TEXT PRIMARY KEY, disruption TEXT NOT NULL, customer TEXT NOT NULL, at INTEGER NOT NULL,
            what TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS notices_by_customer ON notices (customer);
        CREATE TABLE IF NOT EXISTS segments (
            segment TEXT NOT NULL, customer TEXT NOT NULL, partition INTEGER NOT NULL,
            PRIMARY KEY (segment, customer)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS segments_by_partition ON segments (partition, segment);
        CREATE TABLE IF NOT EXISTS disruptions (
            partition INTEGER NOT NULL, id TEXT NOT NULL, segment TEXT NOT NULL, at INTEGER NOT NULL,
            body BLOB NOT NULL, PRIMARY KEY (partition, id)
        );
        CREATE INDEX IF NOT EXISTS disruptions_by_segment_time ON disruptions (partition, segment, at);
        DROP INDEX IF EXISTS disruptions_by_segment;
        CREATE TABLE IF NOT EXISTS referral_codes (
            code TEXT PRIMARY KEY, referrer TEXT NOT NULL, event TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS conversions (
            trigger TEXT PRIMARY KEY, code TEXT NOT NULL, body BLOB NOT NULL, referrer TEXT
        );
        CREATE INDEX IF NOT EXISTS conversions_by_code ON conversions (code);
        CREATE TABLE IF NOT EXISTS surveys (
            event TEXT PRIMARY KEY, customer TEXT NOT NULL, kind TEXT NOT NULL, score INTEGER NOT NULL,
            at INTEGER NOT NULL, channel TEXT
        );
        CREATE INDEX IF NOT EXISTS surveys_by_kind ON surveys (kind, at);
        CREATE TABLE IF NOT EXISTS forward_outbox (
            id TEXT PRIMARY KEY, partition INTEGER NOT NULL, body BLOB NOT NULL
        );
        CREATE TABLE IF NOT EXISTS topics (
            event TEXT PRIMARY KEY, customer TEXT NOT NULL, topic TEXT NOT NULL, at INTEGER NOT NULL,
            excerpt TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS transitions (
            customer TEXT NOT NULL, event TEXT NOT NULL, from_stage TEXT NOT NULL, to_stage TEXT NOT NULL,
            at INTEGER NOT NULL, PRIMARY KEY (customer, event)
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

    /// Without a read transaction, like `scoringLookups`: the caller owns these customers' partitions, so no
    /// one else changes their states between two statements.
    public func states(of customers: [String]) throws -> [String: [UInt8]] {
        guard !customers.isEmpty else { return [:] }
        return try pool.unsafeRead { db in
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
        try pool.write { db in try Self.write(commit, db: db) }
    }

    public func commit(group: [ScoreCommit]) throws -> Set<UInt32> {
        guard !group.isEmpty else { return [] }
        return try pool.write { db in
            var stale = Set<UInt32>()
            for commit in group {
                do {
                    try Self.write(commit, db: db)
                } catch let error as StorageError where error.isStaleEpoch {
                    // Refused before it wrote anything, so the rest of the group stands.
                    stale.insert(commit.lease.partition)
                }
            }
            return stale
        }
    }

    /// One batch's rows and position inside the caller's transaction; throws `staleEpoch` before writing
    /// anything when the partition has a newer owner.
    static func write(_ commit: ScoreCommit, db: Database) throws {
        let partition = commit.lease.partition
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT epoch, seq FROM positions WHERE partition = ?"),
            arguments: [Int64(partition)]
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
        // The stage is indexed (the summary counts customers by stage from the index alone), so it is only
        // written when it changes: most updates leave the index untouched.
        let upsertCustomer = try db.cachedStatement(
            sql: """
                INSERT INTO customers (customer, partition, stage, state) VALUES (?, ?, ?, ?)
                ON CONFLICT (customer) DO UPDATE SET state = excluded.state WHERE stage = excluded.stage
                """
        )
        let moveCustomer = try db.cachedStatement(
            sql: "UPDATE customers SET stage = ?, state = ? WHERE customer = ?"
        )
        for customer in commit.customers {
            let state = Data(customer.state)
            try upsertCustomer.execute(arguments: [customer.customer, Int64(customer.partition), customer.stage, state])
            if db.changesCount == 0 {
                try moveCustomer.execute(arguments: [customer.stage, state, customer.customer])
            }
        }
        let insertOutbox = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO outbox (id, partition, body) VALUES (?, ?, ?)"
        )
        let insertCandidate = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO candidates (id, kind, customer, trigger, at) VALUES (?, ?, ?, ?, ?)"
        )
        func add(_ candidate: RewardCandidate) throws {
            try insertCandidate.execute(arguments: [
                candidate.id, candidate.kind.rawValue, candidate.customer, candidate.trigger,
                candidate.at.microseconds,
            ])
            // Only a candidate seen for the first time goes out: a re-derived one was sent already.
            if db.changesCount == 1 {
                try insertOutbox.execute(arguments: [candidate.id, Int64(partition), Data(Self.encode(candidate))])
            }
        }
        for candidate in commit.candidates { try add(candidate) }
        let insertSegment = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO segments (segment, customer, partition) VALUES (?, ?, ?)"
        )
        for row in commit.segments {
            try insertSegment.execute(arguments: [row.segment, row.customer, Int64(partition)])
        }
        // Per partition: a purchase must only see the disruptions its own partition has passed, or what
        // it is told would depend on how far other partitions happen to be.
        let insertDisruption = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO disruptions (partition, id, segment, at, body) VALUES (?, ?, ?, ?, ?)"
        )
        for event in commit.disruptions {
            guard case .disruption(let disruption) = event.body, let segment = disruption.segment else { continue }
            try insertDisruption.execute(arguments: [
                Int64(partition), event.id, segment, event.at.microseconds, Data(event.binary()),
            ])
        }
        let insertSurvey = try db.cachedStatement(
            sql:
                "INSERT OR IGNORE INTO surveys (event, customer, kind, score, at, channel) VALUES (?, ?, ?, ?, ?, ?)"
        )
        for survey in commit.surveys {
            try insertSurvey.execute(arguments: [
                survey.event, survey.customer, survey.kind, survey.score, survey.at.microseconds, survey.channel,
            ])
        }
        try Self.recordContacts(commit.contacts, db: db)
        for match in try Self.matchReferrals(commit, db: db) {
            try add(match.candidate)
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO forward_outbox (id, partition, body) VALUES (?, ?, ?)")
                .execute(arguments: [match.forward.id, Int64(partition), Data(match.forward.binary())])
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
        let insertTransition = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO transitions (customer, event, from_stage, to_stage, at) VALUES (?, ?, ?, ?, ?)
                """
        )
        for move in commit.transitions {
            try insertTransition.execute(arguments: [
                move.customer, move.event, move.from, move.to, move.at.microseconds,
            ])
        }
        // Cached like every statement of a commit: run for each partition of every group, parsing it again
        // took more of a scoring process than executing it.
        try db.cachedStatement(sql: "UPDATE positions SET seq = ? WHERE partition = ?").execute(
            arguments: [Int64(commit.through), Int64(partition)]
        )
    }

    static func encode(_ candidate: RewardCandidate) -> [UInt8] {
        WireMessage.candidates(CandidateBatch(batch: 0, candidates: [candidate])).encoded()
    }

    /// Joins referral codes with conversions inside the commit's transaction. Whichever half is committed
    /// second completes the pair (SQLite runs one writer at a time, so neither half can miss the other):
    /// the candidate gets its referrer, and a `referral_converted` event is derived for the referrer's
    /// partition, with an id made from the converting purchase so that it is journalled once.
    static func matchReferrals(_ commit: ScoreCommit, db: Database) throws -> [ReferralMatch] {
        let insertCode = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO referral_codes (code, referrer, event) VALUES (?, ?, ?)"
        )
        for row in commit.referralCodes { try insertCode.execute(arguments: [row.code, row.referrer, row.event]) }
        let insertConversion = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO conversions (trigger, code, body) VALUES (?, ?, ?)"
        )
        for candidate in commit.conversions {
            guard let code = candidate.referralCode else { continue }
            try insertConversion.execute(arguments: [candidate.trigger, code, Data(encode(candidate))])
        }
        let codes = Set(commit.referralCodes.map(\.code) + commit.conversions.compactMap(\.referralCode))
        guard !codes.isEmpty else { return [] }
        var matches: [ReferralMatch] = []
        let pending = try db.cachedStatement(
            sql: """
                SELECT c.trigger, c.body, r.referrer FROM conversions c JOIN referral_codes r ON r.code = c.code
                WHERE c.code = ? AND c.referrer IS NULL ORDER BY c.trigger
                """
        )
        for code in codes.sorted() {
            for row in try Row.fetchAll(pending, arguments: [code]) {
                let body: Data = row["body"]
                let referrer: String = row["referrer"]
                let trigger: String = row["trigger"]
                var (candidate, forward) = try ReferralJoin.complete(
                    conversion: Array(body), trigger: trigger, code: code, referrer: referrer
                )
                candidate.sharedContacts = try sharedContacts(candidate.referee, referrer, db: db)
                matches.append(ReferralMatch(candidate: candidate, forward: forward))
                try db.execute(
                    sql: "UPDATE conversions SET referrer = ? WHERE trigger = ?", arguments: [referrer, trigger]
                )
            }
        }
        return matches
    }

    public func segmentMembers(partition: UInt32, segments: Set<String>) throws -> [String: [String]] {
        guard !segments.isEmpty else { return [:] }
        return try pool.read { db in try Self.segmentMembers(partition: partition, segments: segments, db: db) }
    }

    public func disruptions(partition: UInt32, since: [String: Timestamp]) throws -> [String: [Event]] {
        guard !since.isEmpty else { return [:] }
        return try pool.read { db in try Self.disruptions(partition: partition, since: since, db: db) }
    }

    /// All of a group's lookups in one go, and without a read transaction around them: beginning and ending one
    /// cost more than the index seeks inside. The statements need no common snapshot, because only the owner of
    /// a partition writes its rows, and the owner is the caller: nothing can change them between two statements.
    public func scoringLookups(_ lookups: [ScoringLookup]) throws -> [UInt32: ScoringLookupResult] {
        guard lookups.contains(where: { !$0.isEmpty }) else { return [:] }
        return try pool.unsafeRead { db in
            try ScoringLookup.answer(
                lookups, members: { try Self.segmentMembers(partition: $0, segments: $1, db: db) },
                disruptions: { try Self.disruptions(partition: $0, since: $1, db: db) })
        }
    }

    static func segmentMembers(partition: UInt32, segments: Set<String>, db: Database) throws -> [String: [String]] {
        var members: [String: [String]] = [:]
        guard !segments.isEmpty else { return members }
        let select = try db.cachedStatement(
            sql: "SELECT customer FROM segments WHERE partition = ? AND segment = ? ORDER BY customer"
        )
        for segment in segments {
            members[segment] = try String.fetchAll(select, arguments: [Int64(partition), segment])
        }
        return members
    }

    static func disruptions(partition: UInt32, since: [String: Timestamp], db: Database) throws -> [String: [Event]] {
        var found: [String: [Event]] = [:]
        guard !since.isEmpty else { return found }
        let select = try db.cachedStatement(
            sql: "SELECT body FROM disruptions WHERE partition = ? AND segment = ? AND at >= ? ORDER BY at, id"
        )
        for (segment, earliest) in since {
            let arguments: StatementArguments = [Int64(partition), segment, earliest.microseconds]
            found[segment] = try Data.fetchAll(select, arguments: arguments).map { body in
                do {
                    return try Event(binary: body)
                } catch {
                    throw StorageError(.corrupt("disruption of segment \(segment): \(error)"))
                }
            }
        }
        return found
    }

    public func forwardOutbox(partitions: Set<UInt32>, limit: Int) throws -> [Event] {
        guard !partitions.isEmpty else { return [] }
        // One statement (no read transaction needed), kept prepared per set of partitions: the relay asks after
        // most commits, and a worker's partitions change only when workers come and go.
        return try pool.unsafeRead { db in
            let list = partitions.sorted().map(String.init).joined(separator: ",")
            return try Row.fetchAll(
                db.cachedStatement(
                    sql: "SELECT id, body FROM forward_outbox WHERE partition IN (\(list)) ORDER BY rowid LIMIT ?"),
                arguments: [limit]
            ).map { row in
                let body: Data = row["body"]
                let id: String = row["id"]
                do {
                    return try Event(binary: body)
                } catch {
                    throw StorageError(.corrupt("forwarded event \(id): \(error)"))
                }
            }
        }
    }

    public func removeFromForwardOutbox(_ ids: [String]) throws {
        guard !ids.isEmpty else { return }
        try pool.write { db in
            let delete = try db.cachedStatement(sql: "DELETE FROM forward_outbox WHERE id = ?")
            for id in ids { try delete.execute(arguments: [id]) }
        }
    }

    public func outbox(partitions: Set<UInt32>, limit: Int) throws -> [RewardCandidate] {
        guard !partitions.isEmpty else { return [] }
        // As `forwardOutbox`.
        return try pool.unsafeRead { db in
            let list = partitions.sorted().map(String.init).joined(separator: ",")
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: "SELECT id, body FROM outbox WHERE partition IN (\(list)) ORDER BY rowid LIMIT ?"),
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

/// A referral code joined with its conversion.
struct ReferralMatch {
    var candidate: RewardCandidate
    var forward: Event
}
