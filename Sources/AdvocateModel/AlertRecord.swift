import AdvocateCodec

/// An alert for customer service: a negative or complaining public post or review, or a detractor survey answer,
/// that wants a reply. Emitted as a whole record (an upsert by `id`) whenever anything in it changes.
public struct AlertRecord: Sendable, Hashable {
    /// Open until a reply names the trigger.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case open
        case closed
    }

    /// How urgent the alert is, from the text, the reach and the customer's value (see SCORING.md).
    public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
        case low
        case medium
        case high
        case critical

        var rank: Int {
            switch self {
            case .low: 0
            case .medium: 1
            case .high: 2
            case .critical: 3
            }
        }

        /// Orders by urgency: low < medium < high < critical.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// `"alert:" + trigger`.
    public var id: String
    /// The id of the event that opened it.
    public var trigger: String
    /// The customer who posted or answered.
    public var customer: String
    public var status: Status
    /// Derived from the current state: an update is emitted when it changes.
    public var severity: Severity
    /// The trigger's event time, to the second.
    public var openedAt: Timestamp
    /// The earliest reply's event time, to the second.
    public var closedAt: Timestamp?
    /// `closedAt - openedAt` in seconds (0 if the reply's clock was behind the trigger's).
    public var responseSeconds: Int64?
    /// A complaint reason (`waiting_time`, `refund_or_billing`, ...), `negative_sentiment` or `detractor`.
    public var reason: String
    /// Where it was said: the mention's channel, the review platform, or the survey's channel (`survey`).
    public var channel: String
    /// The start of the text (at most `ModelConfiguration.excerptLength` characters, never more than 200).
    ///
    /// Always present when the alert opens and in the update that closes it. The state keeps no text for closed
    /// alerts (to stay small), so a later update of a closed alert (an earlier reply arriving late, a change of
    /// severity) carries `nil`: stores keep the excerpt they already have (`COALESCE(new, old)`).
    public var excerpt: String?

    /// Creates a record; the model builds them, tests and stores may too.
    public init(
        id: String,
        trigger: String,
        customer: String,
        status: Status,
        severity: Severity,
        openedAt: Timestamp,
        closedAt: Timestamp? = nil,
        responseSeconds: Int64? = nil,
        reason: String,
        channel: String,
        excerpt: String? = nil
    ) {
        self.id = id
        self.trigger = trigger
        self.customer = customer
        self.status = status
        self.severity = severity
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.responseSeconds = responseSeconds
        self.reason = reason
        self.channel = channel
        self.excerpt = excerpt
    }
}
