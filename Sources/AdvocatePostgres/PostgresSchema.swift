import AdvocateStorage
import PostgresNIO

/// The tables of one stage in their own PostgreSQL schema (`journal`, `score`, `reward`), created at start
/// and brought up to date by numbered migrations recorded in `<schema>.schema_version`.
///
/// Several processes of a stage may start at once, so the whole upgrade runs under a transaction-scoped
/// advisory lock: one process creates, the others then find the version current.
struct PostgresSchema: Sendable {
    /// The schema's name; also the prefix of every table name in its statements.
    var name: String
    /// Migration `i` brings the schema from version `i` to `i + 1`; only ever append to this list.
    var migrations: [[String]]

    var version: Int { migrations.count }

    /// Creates or upgrades the schema; throws `mismatch` when the database is newer than this program.
    func prepare(_ session: PostgresSession) throws {
        try session.transaction { transaction in
            try transaction.query("SELECT pg_advisory_xact_lock(hashtext(\(name)))")
            try transaction.execute("CREATE SCHEMA IF NOT EXISTS \(name)")
            try transaction.execute("CREATE TABLE IF NOT EXISTS \(name).schema_version (version BIGINT NOT NULL)")
            let stored = try transaction.rows(
                PostgresQuery(unsafeSQL: "SELECT version FROM \(name).schema_version")
            ) { try $0.decode(Int64.self) }.first
            let current = Int(stored ?? 0)
            if current > version {
                throw StorageError(
                    .mismatch("schema \(name) is at version \(current), newer than this program's \(version)")
                )
            }
            guard current < version else { return }
            for migration in migrations[current...] {
                for statement in migration { try transaction.execute(statement) }
            }
            if stored == nil {
                try transaction.query(
                    "INSERT INTO \(unescaped: name).schema_version (version) VALUES (\(Int64(version)))")
            } else {
                try transaction.query("UPDATE \(unescaped: name).schema_version SET version = \(Int64(version))")
            }
        }
    }
}
