import AdvocateStorage
import PostgresNIO

/// The journal's tables in schema `journal`, the same as the SQLite journal's: event ids (deduplication for
/// the journal's life), events by (partition, sequence), committed counters, and fixed settings in `meta`.
enum JournalTables {
    static let schema = PostgresSchema(
        name: "journal",
        migrations: [
            [
                "CREATE TABLE journal.meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL)",
                "CREATE TABLE journal.ids (id TEXT PRIMARY KEY)",
                """
                CREATE TABLE journal.events (
                    partition BIGINT NOT NULL, seq BIGINT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL,
                    body BYTEA NOT NULL, PRIMARY KEY (partition, seq)
                )
                """,
                "CREATE TABLE journal.accepted (type TEXT PRIMARY KEY, n BIGINT NOT NULL)",
                "CREATE TABLE journal.rejected (reason TEXT PRIMARY KEY, n BIGINT NOT NULL)",
                "INSERT INTO journal.meta (key, value) VALUES ('epoch', 0)",
            ]
        ]
    )

    /// The committed head of every partition that has events. One index look-up per partition rather than a
    /// scan of the whole journal (PostgreSQL does not skip through an index for `GROUP BY`).
    static func heads(_ transaction: PostgresTransaction) throws -> [Int64: Int64] {
        var heads: [Int64: Int64] = [:]
        for (partition, head) in try transaction.rows(
            """
            SELECT p, (SELECT MAX(seq) FROM journal.events WHERE partition = p)
            FROM generate_series(0, (SELECT value FROM journal.meta WHERE key = 'partitions') - 1) AS p
            """,
            { try $0.decode((Int64, Int64?).self) }
        ) {
            if let head { heads[partition] = head }
        }
        return heads
    }

    static func counts(_ transaction: PostgresTransaction) throws -> JournalCounts {
        var counts = JournalCounts()
        for (type, n) in try transaction.rows(
            "SELECT type, n FROM journal.accepted", { try $0.decode((String, Int64).self) })
        {
            counts.accepted[type] = Int(n)
        }
        for (reason, n) in try transaction.rows(
            "SELECT reason, n FROM journal.rejected", { try $0.decode((String, Int64).self) })
        {
            counts.rejected[reason] = Int(n)
        }
        return counts
    }
}
