import Foundation
import PostgresNIO

/// Where a PostgreSQL database is: `postgres://user:password@host:port/database` (`postgresql://` too).
///
/// The password may be percent-encoded; the port defaults to 5432. Connections are made without TLS, as
/// the stages reach the database on a private network (loopback, or the compose network).
public struct DatabaseURL: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String

    /// Parses `text`; throws `DatabaseURLError` naming what is missing or wrong.
    public init(_ text: String) throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme else {
            throw DatabaseURLError(url: text, problem: "is not a URL")
        }
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw DatabaseURLError(url: text, problem: "has scheme \(scheme), expected postgres")
        }
        guard let host = components.host, !host.isEmpty else {
            throw DatabaseURLError(url: text, problem: "names no host")
        }
        guard let user = components.user, !user.isEmpty else {
            throw DatabaseURLError(url: text, problem: "names no user")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw DatabaseURLError(url: text, problem: "names no database (postgres://user@host:port/database)")
        }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else {
            throw DatabaseURLError(url: text, problem: "has port \(port) out of range")
        }
        self.host = host
        self.port = port
        self.username = components.percentEncodedUser?.removingPercentEncoding ?? user
        self.password = components.percentEncodedPassword.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
    }

    /// The URL with its password, to hand to a stage (`--database`).
    public var text: String {
        let secret = password.map { ":" + ($0.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? $0) }
        return "postgres://\(username)\(secret ?? "")@\(host):\(port)/\(database)"
    }

    /// The URL without its password, for logs and errors.
    public var description: String {
        "postgres://\(username)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
    }

    var configuration: PostgresConnection.Configuration {
        PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: .disable
        )
    }
}

/// A database URL that cannot be used.
public struct DatabaseURLError: Error, Sendable, CustomStringConvertible {
    /// The URL with any password hidden.
    public var url: String
    public var problem: String

    init(url: String, problem: String) {
        self.url = Self.redacted(url)
        self.problem = problem
    }

    public var description: String { "database URL \(url) \(problem)" }

    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
