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
    /// The rules file; the default rules (`ops/rewards.yaml`) when `nil`.
    public var rulesPath: String?
    /// Where issued and reversed rewards are published (ZeroMQ PUB); `nil` publishes nothing.
    public var publishEndpoint: String? = "tcp://127.0.0.1:5572"
    /// The webhook that is told of issued and reversed rewards; `nil` for none.
    public var webhookURL: String?
    /// A delivery that failed this many times goes to the dead letters.
    public var webhookMaxAttempts = 8
    /// The first retry waits this long, each next one twice as long, up to `webhookMaxBackoffSeconds`.
    public var webhookInitialBackoffSeconds = 0.5
    public var webhookMaxBackoffSeconds = 60.0
    public var webhookTimeoutSeconds = 5.0
    /// A bearer token required by the review routes (approve, reject) when set.
    public var token: String?
    /// A directory of CURVE keys (`advocate keys generate`); when set, the link to ingest is encrypted and
    /// authenticated with the `reward` key pair.
    public var curveDirectory: String?

    public init() {}
}
