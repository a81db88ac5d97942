import AdvocateCodec

/// A customer moved from one loyalty-ladder stage to another when one of their events was applied; stored once
/// per (customer, event).
public struct TransitionRow: Sendable, Hashable {
    public var customer: String
    /// The stage before the event (`suspect` for a customer scoring had not seen).
    public var from: String
    public var to: String
    /// The event's time (event time, not arrival).
    public var at: Timestamp
    /// The id of the event that moved the customer.
    public var event: String

    public init(customer: String, from: String, to: String, at: Timestamp, event: String) {
        self.customer = customer
        self.from = from
        self.to = to
        self.at = at
        self.event = event
    }
}
