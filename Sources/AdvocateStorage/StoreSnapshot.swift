import AdvocateCodec

/// Everything the pipeline derived from its events, in a canonical order, so two runs over the same
/// events can be compared exactly (the fault tests compare a crash-ridden run with a clean one).
public struct StoreSnapshot: Sendable, Hashable {
    /// customer → (stage, state bytes).
    public var customers: [String: CustomerRecord] = [:]
    /// Every reward candidate scoring ever produced, by id.
    public var candidates: Set<String> = []
    /// Alerts by id with status and response time.
    public var alerts: [String: String] = [:]
    /// Notice ids.
    public var notices: Set<String> = []
    /// Candidates reward received, by id.
    public var received: Set<String> = []
    /// Ledger entries by idempotency key with status and value.
    public var ledger: [String: String] = [:]
    /// Journalled events per type.
    public var accepted: [String: Int] = [:]

    public init() {}
}
