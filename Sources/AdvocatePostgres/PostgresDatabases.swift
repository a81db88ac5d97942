import AdvocateStorage

/// Creates and drops whole databases on a server: for tests, each in a database of its own, and for
/// operators preparing a fresh installation.
public enum PostgresDatabases {
    /// Creates database `name` on the server of `server` and returns the URL that reaches it.
    /// - Parameter name: lower-case letters, digits and underscores only (it is not quoted).
    public static func create(_ name: String, on server: DatabaseURL) throws -> DatabaseURL {
        try checked(name)
        let session = PostgresSession(url: server)
        defer { session.close() }
        try session.executeAlone("CREATE DATABASE \(name)")
        var url = server
        url.database = name
        return url
    }

    /// Drops database `name`, closing any connections still open to it.
    public static func drop(_ name: String, on server: DatabaseURL) throws {
        try checked(name)
        let session = PostgresSession(url: server)
        defer { session.close() }
        try session.executeAlone("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    private static func checked(_ name: String) throws {
        let allowed = name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
        guard !name.isEmpty, name.utf8.count <= 63, allowed else {
            throw StorageError(.database("database name \(name) must be 1-63 of a-z, 0-9 and _"))
        }
    }
}
