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
    /// `became_advocate` candidates per customer, as scoring produced them and as reward received them.
    public var advocates: [String: Int] = [:]
    public var advocatesReceived: [String: Int] = [:]
    /// Ledger entries by idempotency key with status and value.
    public var ledger: [String: String] = [:]
    /// Journalled events per type.
    public var accepted: [String: Int] = [:]
    /// Work still under way: candidates not yet confirmed by reward, derived events not yet journalled, and
    /// journalled events not yet applied by scoring. All zero means the pipeline is at rest.
    public var inFlight = 0

    public init() {}
}
