/// The outcome of parsing one request body: each event accepted or rejected, or the whole request refused.
public struct ParsedRequest: Sendable, Hashable {
    /// One event of the request and what became of it.
    public struct Item: Sendable, Hashable {
        /// The event's position: array index, or NDJSON line among the non-blank lines; 0 for a single object.
        public var index: Int
        /// The valid event, or why it was rejected.
        public var outcome: Result<Event, EventRejection>

        /// An item for the event at `index`.
        public init(index: Int, outcome: Result<Event, EventRejection>) {
            self.index = index
            self.outcome = outcome
        }
    }

    /// Every event of the request in order; empty when `requestError` is set.
    public var items: [Item]
    /// Set when the request as a whole is unusable (empty, too large, too many events, a broken array,
    /// top level neither object nor array).
    public var requestError: EventRejection?

    /// A result with `items`, or a refused request when `requestError` is set.
    public init(items: [Item] = [], requestError: EventRejection? = nil) {
        self.items = items
        self.requestError = requestError
    }

    /// The events that passed validation, in request order.
    public var events: [Event] {
        items.compactMap { item in
            if case .success(let event) = item.outcome { return event }
            return nil
        }
    }

    /// The rejected events, in request order (not including `requestError`).
    public var rejections: [EventRejection] {
        items.compactMap { item in
            if case .failure(let rejection) = item.outcome { return rejection }
            return nil
        }
    }
}
