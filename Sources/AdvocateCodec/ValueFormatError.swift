/// A text that is not a valid timestamp or decimal amount (`Timestamp(rfc3339:)`, `Money(decimal:)`).
public struct ValueFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was expected: "timestamp" or "decimal".
    public var what: String
    /// The offending text, shortened to 64 characters.
    public var value: String
    /// What is wrong with it, e.g. "month 13 out of range".
    public var detail: String

    /// An error for `value` (shortened here) with what was expected and what is wrong.
    public init(what: String, value: String, detail: String) {
        self.what = what
        self.value = EventRejection.shorten(value)
        self.detail = detail
    }

    /// E.g. `bad timestamp "2026-13-01T00:00:00Z" (month 13 out of range)`.
    public var description: String {
        "bad \(what) \(EventRejection.quote(value)) (\(detail))"
    }
}
