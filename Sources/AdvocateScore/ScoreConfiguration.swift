import AdvocateRuntime

/// Everything a scoring worker needs; every key is documented in the README's configuration table.
public struct ScoreConfiguration: Sendable {
    /// Ingest's work endpoint to connect to.
    public var ingestEndpoint = "tcp://127.0.0.1:5571"
    public var httpHost = "127.0.0.1"
    public var httpPort = 8071
    /// The data directory holding `score.sqlite`.
    public var dataDirectory = "advocate-data"
    /// A PostgreSQL URL (`postgres://user:password@host:port/database`); nil keeps SQLite in `dataDirectory`.
    public var databaseURL: String?
    /// Events in flight to this worker before it acknowledges.
    public var capacity: UInt32 = 16_384
    /// Events taken from ingest in one go at most, scored and committed as one transaction.
    public var groupEvents = 4_096
    /// Customers whose states the worker keeps between groups (about 300 bytes each), so that a customer seen
    /// again is not read back from the store; 0 reads every state from the store.
    public var cachedStates = 131_072
    /// This process's name in logs and assignments (unique per process).
    public var workerName = WorkerName.unique(role: "score")
    /// How often to tell ingest we are alive, and after how long without a word from ingest to say hello again.
    public var heartbeatMilliseconds: UInt64 = 500
    public var ingestTimeoutMilliseconds: UInt64 = 3_000
    /// Candidates not acknowledged by reward are sent again after this long.
    public var candidateRetryMilliseconds: UInt64 = 2_000
    /// A directory of CURVE keys (`advocate keys generate`); when set, the link to ingest is encrypted and
    /// authenticated with the `score` key pair.
    public var curveDirectory: String?

    public init() {}

}
