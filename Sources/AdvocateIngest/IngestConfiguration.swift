import AdvocateCodec

/// Everything ingest needs to run; every key is documented in the README's configuration table.
public struct IngestConfiguration: Sendable {
    /// Where producers send events (ROUTER).
    public var endpoint = "tcp://127.0.0.1:5570"
    /// Where scoring and reward workers connect (ROUTER).
    public var workEndpoint = "tcp://127.0.0.1:5571"
    public var httpHost = "127.0.0.1"
    public var httpPort = 8070
    /// The data directory holding `journal.sqlite`.
    public var dataDirectory = "advocate-data"
    /// A PostgreSQL URL (`postgres://user:password@host:port/database`); nil keeps SQLite in `dataDirectory`.
    public var databaseURL: String?
    /// Partitions of a new journal (an existing journal keeps its own).
    public var partitions = Partitioning.defaultCount
    /// The secret for hashing contact details.
    public var contactKey = "advocate-local-contact-key"
    /// fsync every journal commit (power-loss safe) rather than rely on the OS after a process crash.
    public var powerSafe = true
    /// Journalled but unscored events beyond which producers are told to retry later.
    public var maxBacklog: UInt64 = 2_000_000
    /// Requests handled in one group commit at most.
    public var maxGroupRequests = 256
    public var limits = EventLimits()
    public var coordinator = Coordinator.Settings()
    /// A bearer token required on `POST /v1/events` when set.
    public var token: String?
    /// A directory of CURVE keys (`advocate keys generate`); when set, both ZeroMQ sockets encrypt and admit
    /// only the clients listed in its `authorized` file.
    public var curveDirectory: String?

    public init() {}
}
