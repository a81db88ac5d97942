/// Everything `pipeline-bench` measured, printed as one JSON line for `ops/bench`.
public struct PipelineReport: Sendable, Codable {
    /// Events in the stream and the customers they belong to.
    public var events: Int
    public var customers: Int
    /// Mean event size in the stages' binary encoding (the baseline's message size) and as JSON.
    public var meanBinaryBytes: Double
    public var meanJsonBytes: Double
    /// Events per request and requests in flight of the producer.
    public var batchEvents: Int
    public var inFlight: Int
    /// End to end, with each number of scoring processes measured.
    public var throughput: [ThroughputFigures] = []
    /// At half of the best throughput: the target's load.
    public var latency: LatencyFigures?
    /// The same at a quarter of the best throughput, where the cores have time to spare: the path itself.
    public var quarterLoadLatency: LatencyFigures?
    public var rejection: RejectionFigures?

    public init(
        events: Int, customers: Int, meanBinaryBytes: Double, meanJsonBytes: Double, batchEvents: Int, inFlight: Int
    ) {
        self.events = events
        self.customers = customers
        self.meanBinaryBytes = meanBinaryBytes
        self.meanJsonBytes = meanJsonBytes
        self.batchEvents = batchEvents
        self.inFlight = inFlight
    }
}

/// Events from an outside producer to the report counting them as applied.
public struct ThroughputFigures: Sendable, Codable {
    public var scoreWorkers: Int
    public var rewardWorkers: Int
    public var events: Int
    /// From the first request sent to the report showing nothing pending.
    public var seconds: Double
    public var eventsPerSecond: Double
    /// From the first request sent to the last acknowledgement (journalled durably).
    public var ingestSeconds: Double
    public var ingestEventsPerSecond: Double
    public var busyRetries: Int
}

/// From a negative public mention sent to ingest to its alert in the report API, under background load.
public struct LatencyFigures: Sendable, Codable {
    public var scoreWorkers: Int
    /// The background load, events per second, and what it achieved.
    public var loadEventsPerSecond: Double
    public var loadAchievedEventsPerSecond: Double
    public var mentionIntervalMs: Double
    public var samples: Int
    public var lost: Int
    public var p50Ms: Double
    public var p90Ms: Double
    public var p99Ms: Double
    public var p999Ms: Double
    public var maxMs: Double
    public var meanMs: Double
    /// Mean time of one `GET /v1/alerts?customer=` while polling: the detection's granularity.
    public var meanPollMs: Double
    /// The mention's acknowledgement by ingest (journalled durably): p50 and p99.
    public var ackP50Ms: Double
    public var ackP99Ms: Double
    public var detection: String
}

/// How fast ingest turns bad input away, each event with its own specific error.
public struct RejectionFigures: Sendable, Codable {
    public var requests: Int
    public var eventsPerRequest: Int
    public var rejected: Int
    public var seconds: Double
    public var rejectedPerSecond: Double
    public var kinds: [String]
}
