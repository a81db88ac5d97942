/// Why an event (or a whole request) was not accepted, in words for the producer and a label for metrics.
///
/// For a request-level rejection (`ParsedRequest.requestError`) `index` is 0 and `id` is nil.
public struct EventRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// What exactly is wrong, with the details that the message shows.
    public enum Problem: Sendable, Hashable {
        /// The text is not JSON; `offset` is the byte in the request body where it went wrong.
        case malformedJSON(offset: Int, detail: String)
        /// An event (array element, NDJSON line or request body) is JSON but not an object.
        case notAnObject(found: String)
        /// A required field is absent or `null`; `detail` says more when the rule is not obvious.
        case missingField(detail: String?)
        /// A required string field is empty.
        case empty
        /// The field holds a different JSON type; `found` names it and shows the value.
        case wrongType(expected: String, found: String)
        /// `at` is not a valid RFC 3339 date-time.
        case badTimestamp(value: String, detail: String)
        /// `type` is not one of the event types.
        case unknownType(String)
        /// The value is of the right type but not allowed (a negative amount, a score outside the scale,
        /// an unknown survey kind).
        case outOfRange(value: String, detail: String)
        /// A string is longer than its limit (in UTF-8 bytes).
        case tooLong(value: String, length: Int, limit: Int)
        /// Too many bytes: `what` is "request body", "event" or "unknown fields".
        case tooLarge(what: String, size: Int, limit: Int)
        /// Too many items: `what` is "events", "unknown fields" or "customers".
        case tooMany(what: String, count: Int, limit: Int)
        /// An object has the key `key` twice (in `field`'s value when nested).
        case duplicateField(key: String)

        /// The snake_case label for metrics.
        public var reason: String {
            switch self {
            case .malformedJSON: "malformed_json"
            case .notAnObject: "not_an_object"
            case .missingField, .empty: "missing_field"
            case .wrongType: "wrong_type"
            case .badTimestamp: "bad_timestamp"
            case .unknownType: "unknown_type"
            case .outOfRange: "out_of_range"
            case .tooLong: "too_long"
            case .tooLarge: "too_large"
            case .tooMany: "too_many"
            case .duplicateField: "duplicate_field"
            }
        }
    }

    /// The event's position in the request (array index, or NDJSON line among non-blank lines).
    public var index: Int
    /// The event's `id` when it could be read.
    public var id: String?
    /// The JSON field at fault, e.g. "at", "amount" or "customers[3]"; nil for the event as a whole.
    public var field: String?
    /// What is wrong.
    public var problem: Problem

    /// A rejection of the event at `index`; see the properties for the parts.
    public init(index: Int, id: String? = nil, field: String? = nil, problem: Problem) {
        self.index = index
        self.id = id
        self.field = field
        self.problem = problem
    }

    /// A short snake_case label for metrics, e.g. `bad_timestamp`.
    public var reason: String { problem.reason }

    /// Human text naming the field, the problem and the offending value, e.g.
    /// `field "at": bad timestamp "2026-13-01T00:00:00Z" (month 13 out of range)`.
    public var message: String {
        let text: String
        switch problem {
        case .malformedJSON(let offset, let detail):
            text = "malformed JSON at byte \(offset): \(detail)"
        case .notAnObject(let found):
            text = "expected a JSON object, found \(found)"
        case .missingField(let detail):
            text = detail.map { "missing: \($0)" } ?? "required but missing"
        case .empty:
            text = "must not be empty"
        case .wrongType(let expected, let found):
            text = "expected \(expected), found \(found)"
        case .badTimestamp(let value, let detail):
            text = "bad timestamp \(EventRejection.quote(value)) (\(detail))"
        case .unknownType(let value):
            let known = EventType.publicTypes.map(\.rawValue).joined(separator: ", ")
            text = "unknown event type \(EventRejection.quote(value)) (known: \(known))"
        case .outOfRange(let value, let detail):
            text = "value \(value) not allowed (\(detail))"
        case .tooLong(let value, let length, let limit):
            text = "too long: \(EventRejection.quote(value)) is \(length) bytes, limit \(limit)"
        case .tooLarge(let what, let size, let limit):
            text = "\(what) too large: \(size) bytes, limit \(limit)"
        case .tooMany(let what, let count, let limit):
            text = "too many \(what): \(count), limit \(limit)"
        case .duplicateField(let key):
            text = "duplicate key \(EventRejection.quote(key))"
        }
        guard let field else { return text }
        return "field \(EventRejection.quote(field)): \(text)"
    }

    /// The same as `message`.
    public var description: String { message }
}
