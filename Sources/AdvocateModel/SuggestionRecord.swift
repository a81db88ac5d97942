import AdvocateCodec

/// Something a customer asked the company to change, for the report's "what customers ask for".
public struct SuggestionRecord: Sendable, Hashable {
    /// The suggestion event's id.
    public var eventID: String
    /// Who suggested it.
    public var customer: String
    /// The suggestion's event time.
    public var at: Timestamp
    /// The text, cut to `ModelConfiguration.suggestionLength` characters.
    public var text: String

    /// Creates a record; the model emits them for `suggestion` events.
    public init(eventID: String, customer: String, at: Timestamp, text: String) {
        self.eventID = eventID
        self.customer = customer
        self.at = at
        self.text = text
    }
}
