import AdvocateCodec

/// A proactive message to a customer affected by a known disruption, before they have to ask.
public struct NoticeRecord: Sendable, Hashable {
    /// `"notice:" + disruption + ":" + customer`; the same disruption never notifies a customer twice.
    public var id: String
    /// The disruption event's id.
    public var disruption: String
    /// The affected customer.
    public var customer: String
    /// The disruption's event time.
    public var at: Timestamp
    /// What happened, as the disruption said it.
    public var what: String
    /// The segment through which the customer is affected, when not named directly.
    public var segment: String?
    /// `true` when the disruption named the customer in `customers`.
    public var named: Bool

    /// Creates a record; the model builds them with `AdvocacyModel.notice(for:customer:state:)`.
    public init(
        id: String,
        disruption: String,
        customer: String,
        at: Timestamp,
        what: String,
        segment: String? = nil,
        named: Bool
    ) {
        self.id = id
        self.disruption = disruption
        self.customer = customer
        self.at = at
        self.what = what
        self.segment = segment
        self.named = named
    }
}
