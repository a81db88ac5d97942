import AdvocateCodec
import AdvocateStorage
import NIOCore
import PostgresNIO

/// Scoring's tables in schema `score`, the same as the SQLite score store's. The outboxes carry a `seq`
/// column for their order (SQLite's rowid); `referral_locks` has one row per referral code, locked by
/// every commit that touches the code, so the two halves of a referral are joined as under one writer.
enum ScoreTables {
    static let schema = PostgresSchema(
        name: "score",
        migrations: [
            [
                """
                CREATE TABLE score.positions (partition BIGINT PRIMARY KEY, epoch BIGINT NOT NULL, seq BIGINT NOT NULL)
                """,
                """
                CREATE TABLE score.customers (
                    customer TEXT PRIMARY KEY, partition BIGINT NOT NULL, stage TEXT NOT NULL, state BYTEA NOT NULL
                )
                """,
                """
                CREATE TABLE score.outbox (
                    id TEXT PRIMARY KEY, seq BIGSERIAL NOT NULL, partition BIGINT NOT NULL, body BYTEA NOT NULL
                )
                """,
                "CREATE INDEX outbox_by_partition ON score.outbox (partition, seq)",
                """
                CREATE TABLE score.candidates (
                    id TEXT PRIMARY KEY, kind TEXT NOT NULL, customer TEXT NOT NULL, trigger TEXT NOT NULL,
                    at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE score.alerts (
                    id TEXT PRIMARY KEY, customer TEXT NOT NULL, trigger TEXT NOT NULL, status TEXT NOT NULL,
                    severity TEXT NOT NULL, opened_at BIGINT NOT NULL, closed_at BIGINT, response_seconds BIGINT,
                    reason TEXT NOT NULL, channel TEXT, excerpt TEXT NOT NULL
                )
                """,
                "CREATE INDEX alerts_by_customer ON score.alerts (customer)",
                """
                CREATE TABLE score.notices (
                    id TEXT PRIMARY KEY, disruption TEXT NOT NULL, customer TEXT NOT NULL, at BIGINT NOT NULL,
                    what TEXT NOT NULL
                )
                """,
                "CREATE INDEX notices_by_customer ON score.notices (customer)",
                """
                CREATE TABLE score.segments (
                    segment TEXT NOT NULL, customer TEXT NOT NULL, partition BIGINT NOT NULL,
                    PRIMARY KEY (segment, customer)
                )
                """,
                "CREATE INDEX segments_by_partition ON score.segments (partition, segment)",
                """
                CREATE TABLE score.disruptions (
                    partition BIGINT NOT NULL, id TEXT NOT NULL, segment TEXT NOT NULL, at BIGINT NOT NULL,
                    body BYTEA NOT NULL, PRIMARY KEY (partition, id)
                )
                """,
                "CREATE INDEX disruptions_by_segment ON score.disruptions (partition, segment)",
                "CREATE TABLE score.referral_locks (code TEXT PRIMARY KEY)",
                """
                CREATE TABLE score.referral_codes (code TEXT PRIMARY KEY, referrer TEXT NOT NULL, event TEXT NOT NULL)
                """,
                """
                CREATE TABLE score.conversions (
                    trigger TEXT PRIMARY KEY, code TEXT NOT NULL, body BYTEA NOT NULL, referrer TEXT
                )
                """,
                "CREATE INDEX conversions_by_code ON score.conversions (code)",
                """
                CREATE TABLE score.surveys (
                    event TEXT PRIMARY KEY, customer TEXT NOT NULL, kind TEXT NOT NULL, score BIGINT NOT NULL,
                    at BIGINT NOT NULL, channel TEXT
                )
                """,
                "CREATE INDEX surveys_by_kind ON score.surveys (kind, at)",
                """
                CREATE TABLE score.forward_outbox (
                    id TEXT PRIMARY KEY, seq BIGSERIAL NOT NULL, partition BIGINT NOT NULL, body BYTEA NOT NULL
                )
                """,
                """
                CREATE TABLE score.topics (
                    event TEXT PRIMARY KEY, customer TEXT NOT NULL, topic TEXT NOT NULL, at BIGINT NOT NULL,
                    excerpt TEXT NOT NULL
                )
                """,
            ],
            // Contact hashes for the self-referral check, and loyalty-ladder moves for the ladder report.
            [
                """
                CREATE TABLE score.contacts (
                    customer TEXT NOT NULL, kind TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (customer, kind, hash)
                )
                """,
                "CREATE INDEX contacts_by_hash ON score.contacts (kind, hash)",
                """
                CREATE TABLE score.transitions (
                    customer TEXT NOT NULL, event TEXT NOT NULL, from_stage TEXT NOT NULL, to_stage TEXT NOT NULL,
                    at BIGINT NOT NULL, PRIMARY KEY (customer, event)
                )
                """,
                "CREATE INDEX transitions_by_at ON score.transitions (at)",
            ],
            // A purchase reads only the disruptions of its segment from its own time on.
            [
                "CREATE INDEX disruptions_by_segment_time ON score.disruptions (partition, segment, at)",
                "DROP INDEX score.disruptions_by_segment",
            ],
        ]
    )

    /// A candidate as the outboxes store it: a one-candidate wire message.
    static func encode(_ candidate: RewardCandidate) -> ByteBuffer {
        ByteBuffer(bytes: WireMessage.candidates(CandidateBatch(batch: 0, candidates: [candidate])).encoded())
    }

    static func decodeCandidate(_ body: ByteBuffer, what: String) throws -> RewardCandidate {
        guard case .candidates(let batch) = try? WireMessage(decoding: Array(body.readableBytesView)),
            let candidate = batch.candidates.first
        else {
            throw StorageError(.corrupt("\(what) does not decode"))
        }
        return candidate
    }

    static func decodeEvent(_ body: ByteBuffer, what: String) throws -> Event {
        do {
            return try Event(binary: body.readableBytesView)
        } catch {
            throw StorageError(.corrupt("\(what): \(error)"))
        }
    }

    static func alert(_ row: PostgresRow) throws -> AlertRow {
        let (id, customer, trigger, status, severity, openedAt) = try row.decode(
            (String, String, String, String, String, Int64).self
        )
        let cells = row.makeRandomAccess()
        return AlertRow(
            id: id, customer: customer, trigger: trigger, status: status, severity: severity,
            openedAt: Timestamp(microseconds: openedAt),
            closedAt: try cells["closed_at"].decode(Int64?.self).map(Timestamp.init(microseconds:)),
            responseSeconds: try cells["response_seconds"].decode(Int64?.self),
            reason: try cells["reason"].decode(String.self), channel: try cells["channel"].decode(String?.self),
            excerpt: try cells["excerpt"].decode(String.self)
        )
    }

    /// The columns `alert(_:)` decodes, in its order.
    static let alertColumns =
        "id, customer, trigger, status, severity, opened_at, closed_at, response_seconds, reason, channel, excerpt"

    static func notice(_ row: PostgresRow) throws -> NoticeRow {
        let (id, disruption, customer, at, what) = try row.decode((String, String, String, Int64, String).self)
        return NoticeRow(
            id: id, disruption: disruption, customer: customer, at: Timestamp(microseconds: at), what: what)
    }

    static let noticeColumns = "id, disruption, customer, at, what"
}
