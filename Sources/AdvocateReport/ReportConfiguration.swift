/// Everything report needs; every key is documented in the README's configuration table.
public struct ReportConfiguration: Sendable {
    public var httpHost = "127.0.0.1"
    public var httpPort = 8080
    public var dataDirectory = "advocate-data"
    /// A PostgreSQL URL (`postgres://user:password@host:port/database`); nil keeps SQLite in `dataDirectory`.
    public var databaseURL: String?
    /// A bearer token required on data endpoints when set (`/healthz` stays open).
    public var token: String?
    /// The response-time target of the alert queue, in minutes.
    public var slaMinutes = 60

    public init() {}
}
