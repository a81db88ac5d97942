/// The kind of a JSON value, as found by the reader.
enum JSONValueKind: Sendable, Hashable {
    case string
    case number
    case object
    case array
    case trueLiteral
    case falseLiteral
    case null

    /// How an error message names this kind.
    var name: String {
        switch self {
        case .string: "string"
        case .number: "number"
        case .object: "object"
        case .array: "array"
        case .trueLiteral, .falseLiteral: "boolean"
        case .null: "null"
        }
    }
}

/// Where a validated JSON value sits in the input: `start..<end` covers its whole text (quotes included).
struct JSONToken: Sendable, Hashable {
    var kind: JSONValueKind
    var start: Int
    var end: Int
    /// Strings only: whether the text contains a backslash escape, so it must be decoded, not copied.
    var hasEscapes: Bool

    /// For strings, the bytes between the quotes.
    var contentStart: Int { kind == .string ? start + 1 : start }
    var contentEnd: Int { kind == .string ? end - 1 : end }
}

/// The position of an object key's text between its quotes.
struct JSONKey: Sendable, Hashable {
    var start: Int
    var end: Int
    var hasEscapes: Bool
}
