/// Size limits that ingest applies to requests and events; every value is in bytes of UTF-8 unless it
/// counts items.
public struct EventLimits: Sendable, Hashable {
    /// A whole request body (one event, a JSON array or NDJSON).
    public var maxRequestBytes = 10 * 1024 * 1024
    /// Events in one request.
    public var maxEventsPerRequest = 10_000
    /// One event's JSON text (an array element, an NDJSON line or a single-object body).
    public var maxEventBytes = 64 * 1024
    /// Identifiers: `id`, `customer`, `order`, `case`, `code`, `referee`, `referred_by`, `to`, and each of
    /// a disruption's `customers`.
    public var maxIDLength = 128
    /// Free text: mention and review `text`, survey `comment`, suggestion `text`, disruption `what`.
    public var maxTextLength = 4096
    /// Short labels: `channel`, `platform`, `currency`, `segment`, `source`, `step`.
    public var maxShortLength = 256
    /// A mention's `url`.
    public var maxURLLength = 2048
    /// Signup contact details: `email`, `phone`, `payment_fingerprint`, `address`.
    public var maxContactLength = 512
    /// Entries in a disruption's `customers`.
    public var maxDisruptionCustomers = 10_000
    /// Fields the format does not know, kept in `Event.extra`.
    public var maxExtraFields = 32
    /// The unknown fields' keys and minified values together.
    public var maxExtraBytes = 8192
    /// Nesting of objects and arrays; the event object itself is level 1.
    public var maxNestingDepth = 32

    /// The defaults above.
    public init() {}
}
