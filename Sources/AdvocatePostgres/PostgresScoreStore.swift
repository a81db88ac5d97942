import AdvocateCodec
import AdvocateStorage
import Logging
import NIOCore
import PostgresNIO

/// Scoring's store on PostgreSQL, shared by every scoring process, on any host.
///
/// SQLite gets its guarantees from having one writer at a time; here the rows that order the work are
/// locked instead (`SELECT ... FOR UPDATE`): a partition's position row fences a stale owner out (a claim
/// waits for the commit in flight and then raises the epoch), and a referral code's row in
/// `referral_locks` makes the two halves of a referral (the code, the conversion) meet in whichever
/// commit comes second, even when different processes commit them at the same moment.
public final class PostgresScoreStore: ScoreStore {
    private let session: PostgresSession

    /// Connects to `url` and creates the `score` schema if needed.
    public init(url: DatabaseURL, logger: Logger? = nil) throws {
        session = PostgresSession(url: url, logger: logger ?? Logger(label: "advocate.postgres.score"))
        try ScoreTables.schema.prepare(session)
    }

    /// The locked position of `partition`: (epoch, committed sequence), creating the row if missing.
    private static func lockPosition(
        _ partition: UInt32, _ transaction: PostgresTransaction
    ) throws -> (
        epoch: UInt64, sequence: UInt64
    ) {
        let key = Int64(partition)
        try transaction.query(
            "INSERT INTO score.positions (partition, epoch, seq) VALUES (\(key), 0, 0) ON CONFLICT DO NOTHING"
        )
        let row = try transaction.rows("SELECT epoch, seq FROM score.positions WHERE partition = \(key) FOR UPDATE") {
            try $0.decode((Int64, Int64).self)
        }.first
        return (UInt64(row?.0 ?? 0), UInt64(row?.1 ?? 0))
    }

    public func claim(partition: UInt32, epoch: UInt64) throws -> UInt64 {
        try session.transaction { transaction in
            let position = try Self.lockPosition(partition, transaction)
            if position.epoch > epoch {
                throw StorageError(.staleEpoch(partition: partition, mine: epoch, current: position.epoch))
            }
            try transaction.query(
                "UPDATE score.positions SET epoch = \(Int64(epoch)) WHERE partition = \(Int64(partition))"
            )
            return position.sequence
        }
    }

    public func states(of customers: [String]) throws -> [String: [UInt8]] {
        guard !customers.isEmpty else { return [:] }
        return try session.transaction(readOnly: true) { transaction in
            var result: [String: [UInt8]] = [:]
            for (customer, state) in try transaction.rows(
                "SELECT customer, state FROM score.customers WHERE customer = ANY(\(customers))",
                { try $0.decode((String, ByteBuffer).self) }
            ) {
                result[customer] = Array(state.readableBytesView)
            }
            return result
        }
    }

    public func commit(_ commit: ScoreCommit) throws {
        try session.transaction { transaction in try Self.write(commit, transaction) }
    }

    public func commit(group: [ScoreCommit]) throws -> Set<UInt32> {
        guard !group.isEmpty else { return [] }
        return try session.transaction { transaction in
            // Every lock the group takes, in one order for all writers: referral codes sorted, then positions
            // by partition. Two groups never wait on each other in a cycle.
            let codes = Set(
                group.flatMap { $0.referralCodes.map(\.code) + $0.conversions.compactMap(\.referralCode) }
            ).sorted()
            try Self.lockReferralCodes(codes, transaction)
            var stale = Set<UInt32>()
            for commit in group.sorted(by: { $0.lease.partition < $1.lease.partition }) {
                do {
                    try Self.write(commit, transaction)
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
    static func write(_ commit: ScoreCommit, _ transaction: PostgresTransaction) throws {
        let partition = commit.lease.partition
        let key = Int64(partition)
        let position = try Self.lockPosition(partition, transaction)
        if position.epoch != commit.lease.epoch {
            throw StorageError(.staleEpoch(partition: partition, mine: commit.lease.epoch, current: position.epoch))
        }
        if commit.through <= position.sequence {
            throw StorageError(
                .outOfOrder(partition: partition, committed: position.sequence, first: commit.through)
            )
        }
        // Contacts first: a referee's signup and conversion in one batch are compared with the referrer's.
        try Self.recordContacts(commit.contacts, transaction)
        let matches = try Self.matchReferrals(commit, transaction)
        // One statement per table, whatever the batch's size: each takes whole columns as arrays.
        var writes: [PostgresQuery] = []
        // Upserts take the last record of a key, as one upsert after another would leave it.
        let customers = Self.lastOfEach(commit.customers, by: \.customer)
        if !customers.isEmpty {
            writes.append(
                """
                INSERT INTO score.customers (customer, partition, stage, state)
                SELECT * FROM unnest(\(customers.map(\.customer))::TEXT[],
                    \(customers.map { Int64($0.partition) })::BIGINT[],
                    \(customers.map(\.stage))::TEXT[], \(customers.map { ByteBuffer(bytes: $0.state) })::BYTEA[])
                ON CONFLICT (customer) DO UPDATE SET stage = excluded.stage, state = excluded.state
                """
            )
        }
        let candidates = commit.candidates + matches.map(\.candidate)
        if !candidates.isEmpty {
            // Only a candidate seen for the first time goes out, in order: a re-derived one was sent already.
            writes.append(
                """
                WITH given AS (
                    SELECT * FROM unnest(\(candidates.map(\.id))::TEXT[],
                        \(candidates.map(\.kind.rawValue))::TEXT[],
                        \(candidates.map(\.customer))::TEXT[], \(candidates.map(\.trigger))::TEXT[],
                        \(candidates.map(\.at.microseconds))::BIGINT[],
                        \(candidates.map(ScoreTables.encode))::BYTEA[])
                    WITH ORDINALITY AS g (id, kind, customer, trigger, at, body, ord)
                ), fresh AS (
                    INSERT INTO score.candidates (id, kind, customer, trigger, at)
                    SELECT id, kind, customer, trigger, at FROM given ON CONFLICT DO NOTHING RETURNING id
                )
                INSERT INTO score.outbox (id, partition, body)
                SELECT given.id, \(key), given.body FROM given JOIN fresh ON fresh.id = given.id ORDER BY given.ord
                ON CONFLICT DO NOTHING
                """
            )
        }
        for match in matches {
            writes.append(
                """
                INSERT INTO score.forward_outbox (id, partition, body)
                VALUES (\(match.forward.id), \(key), \(ByteBuffer(bytes: match.forward.binary())))
                ON CONFLICT DO NOTHING
                """
            )
        }
        if !commit.segments.isEmpty {
            writes.append(
                """
                INSERT INTO score.segments (segment, customer, partition)
                SELECT segment, customer, \(key) FROM unnest(\(commit.segments.map(\.segment))::TEXT[],
                    \(commit.segments.map(\.customer))::TEXT[]) AS s (segment, customer)
                ON CONFLICT DO NOTHING
                """
            )
        }
        // Per partition: a purchase must only see the disruptions its own partition has passed.
        let disruptions = commit.disruptions.compactMap { event -> (Event, String)? in
            guard case .disruption(let disruption) = event.body, let segment = disruption.segment else {
                return nil
            }
            return (event, segment)
        }
        if !disruptions.isEmpty {
            writes.append(
                """
                INSERT INTO score.disruptions (partition, id, segment, at, body)
                SELECT \(key), * FROM unnest(\(disruptions.map(\.0.id))::TEXT[], \(disruptions.map(\.1))::TEXT[],
                    \(disruptions.map(\.0.at.microseconds))::BIGINT[],
                    \(disruptions.map { ByteBuffer(bytes: $0.0.binary()) })::BYTEA[])
                ON CONFLICT DO NOTHING
                """
            )
        }
        let surveys = commit.surveys
        if !surveys.isEmpty {
            writes.append(
                """
                INSERT INTO score.surveys (event, customer, kind, score, at, channel)
                SELECT event, customer, kind, score, at, CASE WHEN has_channel THEN channel END
                FROM unnest(\(surveys.map(\.event))::TEXT[], \(surveys.map(\.customer))::TEXT[],
                    \(surveys.map(\.kind))::TEXT[],
                    \(surveys.map { Int64($0.score) })::BIGINT[], \(surveys.map(\.at.microseconds))::BIGINT[],
                    \(surveys.map { $0.channel ?? "" })::TEXT[], \(surveys.map { $0.channel != nil })::BOOLEAN[])
                    AS s (event, customer, kind, score, at, channel, has_channel)
                ON CONFLICT DO NOTHING
                """
            )
        }
        let alerts = Self.lastOfEach(commit.alerts, by: \.id)
        if !alerts.isEmpty {
            writes.append(
                """
                INSERT INTO score.alerts (\(unescaped: ScoreTables.alertColumns))
                SELECT id, customer, trigger, status, severity, opened_at, CASE WHEN has_closed THEN closed_at END,
                    CASE WHEN has_response THEN response_seconds END, reason,
                    CASE WHEN has_channel THEN channel END, excerpt
                FROM unnest(\(alerts.map(\.id))::TEXT[], \(alerts.map(\.customer))::TEXT[],
                    \(alerts.map(\.trigger))::TEXT[],
                    \(alerts.map(\.status))::TEXT[], \(alerts.map(\.severity))::TEXT[],
                    \(alerts.map(\.openedAt.microseconds))::BIGINT[],
                    \(alerts.map { $0.closedAt?.microseconds ?? 0 })::BIGINT[],
                    \(alerts.map { $0.closedAt != nil })::BOOLEAN[],
                    \(alerts.map { $0.responseSeconds ?? 0 })::BIGINT[],
                    \(alerts.map { $0.responseSeconds != nil })::BOOLEAN[], \(alerts.map(\.reason))::TEXT[],
                    \(alerts.map { $0.channel ?? "" })::TEXT[], \(alerts.map { $0.channel != nil })::BOOLEAN[],
                    \(alerts.map(\.excerpt))::TEXT[])
                    AS a (id, customer, trigger, status, severity, opened_at, closed_at, has_closed,
                        response_seconds,
                        has_response, reason, channel, has_channel, excerpt)
                ON CONFLICT (id) DO UPDATE SET status = excluded.status, severity = excluded.severity,
                    closed_at = excluded.closed_at, response_seconds = excluded.response_seconds,
                    reason = excluded.reason
                """
            )
        }
        let notices = commit.notices
        if !notices.isEmpty {
            writes.append(
                """
                INSERT INTO score.notices (\(unescaped: ScoreTables.noticeColumns))
                SELECT * FROM unnest(\(notices.map(\.id))::TEXT[], \(notices.map(\.disruption))::TEXT[],
                    \(notices.map(\.customer))::TEXT[], \(notices.map(\.at.microseconds))::BIGINT[],
                    \(notices.map(\.what))::TEXT[])
                ON CONFLICT DO NOTHING
                """
            )
        }
        let topics = commit.topics
        if !topics.isEmpty {
            writes.append(
                """
                INSERT INTO score.topics (event, customer, topic, at, excerpt)
                SELECT * FROM unnest(\(topics.map(\.event))::TEXT[], \(topics.map(\.customer))::TEXT[],
                    \(topics.map(\.topic))::TEXT[], \(topics.map(\.at.microseconds))::BIGINT[],
                    \(topics.map(\.excerpt))::TEXT[])
                ON CONFLICT DO NOTHING
                """
            )
        }
        let transitions = commit.transitions
        if !transitions.isEmpty {
            writes.append(
                """
                INSERT INTO score.transitions (customer, event, from_stage, to_stage, at)
                SELECT * FROM unnest(\(transitions.map(\.customer))::TEXT[], \(transitions.map(\.event))::TEXT[],
                    \(transitions.map(\.from))::TEXT[], \(transitions.map(\.to))::TEXT[],
                    \(transitions.map(\.at.microseconds))::BIGINT[])
                ON CONFLICT DO NOTHING
                """
            )
        }
        writes.append("UPDATE score.positions SET seq = \(Int64(commit.through)) WHERE partition = \(key)")
        try transaction.pipeline(writes)
    }

    /// The last element of each key, in the order of their first appearance.
    static func lastOfEach<Row>(_ rows: [Row], by key: (Row) -> String) -> [Row] {
        var index: [String: Int] = [:]
        var result: [Row] = []
        for row in rows {
            if let at = index[key(row)] {
                result[at] = row
            } else {
                index[key(row)] = result.count
                result.append(row)
            }
        }
        return result
    }

    /// Joins referral codes with conversions inside the commit's transaction, after locking each code's row
    /// (in sorted order, so two commits never wait on each other in a cycle). Whichever half commits second
    /// completes the pair: the candidate gets its referrer, and a `referral_converted` event is derived for
    /// the referrer's partition under an id made from the converting purchase, so it is journalled once.
    static func matchReferrals(
        _ commit: ScoreCommit, _ transaction: PostgresTransaction
    ) throws -> [(candidate: RewardCandidate, forward: Event)] {
        let codes = Set(commit.referralCodes.map(\.code) + commit.conversions.compactMap(\.referralCode)).sorted()
        guard !codes.isEmpty else { return [] }
        try lockReferralCodes(codes, transaction)
        var statements: [PostgresQuery] = []
        for row in commit.referralCodes {
            statements.append(
                """
                INSERT INTO score.referral_codes (code, referrer, event) VALUES (\(row.code), \(row.referrer), \
                \(row.event)) ON CONFLICT DO NOTHING
                """
            )
        }
        for candidate in commit.conversions {
            guard let code = candidate.referralCode else { continue }
            statements.append(
                """
                INSERT INTO score.conversions (trigger, code, body)
                VALUES (\(candidate.trigger), \(code), \(ScoreTables.encode(candidate))) ON CONFLICT DO NOTHING
                """
            )
        }
        try transaction.pipeline(statements)
        let pending = try transaction.rows(
            """
            SELECT c.trigger, c.code, c.body, r.referrer FROM score.conversions c
            JOIN score.referral_codes r ON r.code = c.code
            WHERE c.code = ANY(\(codes)) AND c.referrer IS NULL ORDER BY c.code, c.trigger
            """
        ) { try $0.decode((String, String, ByteBuffer, String).self) }
        var pairs: [(candidate: RewardCandidate, forward: Event)] = []
        var updates: [PostgresQuery] = []
        for (trigger, code, body, referrer) in pending {
            var (candidate, forward) = try ReferralJoin.complete(
                conversion: Array(body.readableBytesView), trigger: trigger, code: code, referrer: referrer
            )
            candidate.sharedContacts = try sharedContacts(candidate.referee, referrer, transaction)
            pairs.append((candidate, forward))
            updates.append("UPDATE score.conversions SET referrer = \(referrer) WHERE trigger = \(trigger)")
        }
        try transaction.pipeline(updates)
        return pairs
    }

    /// Locks each code's row until the transaction ends; `codes` must be sorted.
    static func lockReferralCodes(_ codes: [String], _ transaction: PostgresTransaction) throws {
        guard !codes.isEmpty else { return }
        try transaction.pipeline(
            codes.map { code in
                """
                INSERT INTO score.referral_locks (code) VALUES (\(code))
                ON CONFLICT (code) DO UPDATE SET code = excluded.code
                """
            }
        )
    }

    public func segmentMembers(partition: UInt32, segments: Set<String>) throws -> [String: [String]] {
        guard !segments.isEmpty else { return [:] }
        return try session.transaction(readOnly: true) { transaction in
            try Self.segmentMembers(partition: partition, segments: segments, in: transaction)
        }
    }

    public func disruptions(partition: UInt32, since: [String: Timestamp]) throws -> [String: [Event]] {
        guard !since.isEmpty else { return [:] }
        return try session.transaction(readOnly: true) { transaction in
            try Self.disruptions(partition: partition, since: since, in: transaction)
        }
    }

    /// All of a group's lookups in one read-only transaction, one round trip per query instead of a
    /// transaction for each.
    public func scoringLookups(_ lookups: [ScoringLookup]) throws -> [UInt32: ScoringLookupResult] {
        guard lookups.contains(where: { !$0.isEmpty }) else { return [:] }
        return try session.transaction(readOnly: true) { transaction in
            try ScoringLookup.answer(
                lookups, members: { try Self.segmentMembers(partition: $0, segments: $1, in: transaction) },
                disruptions: { try Self.disruptions(partition: $0, since: $1, in: transaction) })
        }
    }

    static func segmentMembers(
        partition: UInt32, segments: Set<String>, in transaction: PostgresTransaction
    ) throws -> [String: [String]] {
        var members: [String: [String]] = [:]
        guard !segments.isEmpty else { return members }
        for segment in segments { members[segment] = [] }
        for (segment, customer) in try transaction.rows(
            """
            SELECT segment, customer FROM score.segments
            WHERE partition = \(Int64(partition)) AND segment = ANY(\(segments.sorted())) ORDER BY segment, customer
            """,
            { try $0.decode((String, String).self) }
        ) {
            members[segment, default: []].append(customer)
        }
        return members
    }

    static func disruptions(
        partition: UInt32, since: [String: Timestamp], in transaction: PostgresTransaction
    ) throws -> [String: [Event]] {
        var found: [String: [Event]] = [:]
        guard !since.isEmpty else { return found }
        let segments = since.keys.sorted()
        let earliest = segments.map { since[$0]?.microseconds ?? Int64.min }
        for segment in segments { found[segment] = [] }
        for (segment, body) in try transaction.rows(
            """
            SELECT d.segment, d.body FROM unnest(\(segments)::TEXT[], \(earliest)::BIGINT[]) AS s (segment, since)
            JOIN score.disruptions d ON d.partition = \(Int64(partition)) AND d.segment = s.segment
                AND d.at >= s.since
            ORDER BY d.segment, d.at, d.id
            """,
            { try $0.decode((String, ByteBuffer).self) }
        ) {
            found[segment, default: []].append(
                try ScoreTables.decodeEvent(body, what: "disruption of segment \(segment)")
            )
        }
        return found
    }

    public func forwardOutbox(partitions: Set<UInt32>, limit: Int) throws -> [Event] {
        try pending("forward_outbox", partitions: partitions, limit: limit) { id, body in
            try ScoreTables.decodeEvent(body, what: "forwarded event \(id)")
        }
    }

    public func removeFromForwardOutbox(_ ids: [String]) throws {
        try remove(ids, from: "forward_outbox")
    }

    public func outbox(partitions: Set<UInt32>, limit: Int) throws -> [RewardCandidate] {
        try pending("outbox", partitions: partitions, limit: limit) { id, body in
            try ScoreTables.decodeCandidate(body, what: "outbox entry \(id)")
        }
    }

    public func removeFromOutbox(_ ids: [String]) throws {
        try remove(ids, from: "outbox")
    }

    /// The oldest rows of outbox `table` (`outbox` or `forward_outbox`) of `partitions`, decoded.
    private func pending<T>(
        _ table: String, partitions: Set<UInt32>, limit: Int, _ decode: (String, ByteBuffer) throws -> T
    ) throws -> [T] {
        guard !partitions.isEmpty else { return [] }
        return try session.transaction(readOnly: true) { transaction in
            try transaction.rows(
                """
                SELECT id, body FROM score.\(unescaped: table) WHERE partition = ANY(\(partitions.map(Int64.init)))
                ORDER BY seq LIMIT \(Int64(limit))
                """
            ) { row in
                let (id, body) = try row.decode((String, ByteBuffer).self)
                return try decode(id, body)
            }
        }
    }

    private func remove(_ ids: [String], from table: String) throws {
        guard !ids.isEmpty else { return }
        try session.transaction { transaction in
            try transaction.query("DELETE FROM score.\(unescaped: table) WHERE id = ANY(\(ids))")
        }
    }
}
