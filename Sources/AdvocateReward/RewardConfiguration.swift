import AdvocateRuntime

/// Everything a reward worker needs; every key is documented in the README's configuration table.
public struct RewardConfiguration: Sendable {
    public var ingestEndpoint = "tcp://127.0.0.1:5571"
    public var httpHost = "127.0.0.1"
    public var httpPort = 8072
    public var dataDirectory = "advocate-data"
    /// A PostgreSQL URL (`postgres://user:password@host:port/database`); nil keeps SQLite in `dataDirectory`.
    public var databaseURL: String?
    public var capacity: UInt32 = 1_024
    public var workerName = WorkerName.unique(role: "reward")
    public var heartbeatMilliseconds: UInt64 = 500
    public var ingestTimeoutMilliseconds: UInt64 = 3_000

    public init() {}
}
