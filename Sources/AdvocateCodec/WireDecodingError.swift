/// Why bytes could not be decoded as a wire frame or a binary event, and at which byte.
public struct WireDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// A short snake_case label for metrics, e.g. `unsupported_version`.
        public var reason: String {
            switch self {
            case .truncated: "truncated"
            case .badMagic: "bad_magic"
            case .unsupportedVersion: "unsupported_version"
            case .unknownKind: "unknown_kind"
            case .unknownCode: "unknown_code"
            case .overlong: "overlong"
            case .tooLong: "too_long"
            case .invalidUTF8: "invalid_utf8"
            case .trailingBytes: "trailing_bytes"
            case .invalidValue: "invalid_value"
            }
        }

        /// The input ends before the value does.
        case truncated
        /// The first byte is not the frame's (or record's) magic byte.
        case badMagic
        /// A format version this build does not know.
        case unsupportedVersion(UInt8)
        /// A frame kind this build does not know.
        case unknownKind(UInt8)
        /// An enum code (`what`: "event type", "survey kind", ...) this build does not know.
        case unknownCode(what: String, value: UInt64)
        /// A varint longer than 10 bytes or larger than 64 bits.
        case overlong
        /// A length or count over its limit (or over the bytes left).
        case tooLong(what: String, length: UInt64, limit: Int)
        /// A string that is not valid UTF-8.
        case invalidUTF8(what: String)
        /// Bytes left over after the complete value.
        case trailingBytes(count: Int)
        /// A decoded value that breaks a rule of its type; `what` says which.
        case invalidValue(what: String)
    }

    /// The byte of the input where the problem was found.
    public var offset: Int
    /// What went wrong.
    public var kind: Kind

    /// An error of `kind` found at byte `offset`.
    public init(offset: Int, kind: Kind) {
        self.offset = offset
        self.kind = kind
    }

    /// The offset and the problem in words, e.g. `wire decoding failed at byte 7: text too long: 70000, limit 65536`.
    public var description: String {
        let text: String
        switch kind {
        case .truncated: text = "input ends before the value is complete"
        case .badMagic: text = "bad magic byte, not an Advocate frame or record"
        case .unsupportedVersion(let version): text = "unsupported format version \(version)"
        case .unknownKind(let kind): text = "unknown message kind \(kind)"
        case .unknownCode(let what, let value): text = "unknown \(what) code \(value)"
        case .overlong: text = "overlong varint (more than 10 bytes or 64 bits)"
        case .tooLong(let what, let length, let limit): text = "\(what) too long: \(length), limit \(limit)"
        case .invalidUTF8(let what): text = "\(what) is not valid UTF-8"
        case .trailingBytes(let count): text = "\(count) unexpected bytes after the end"
        case .invalidValue(let what): text = "invalid value: \(what)"
        }
        return "wire decoding failed at byte \(offset): \(text)"
    }
}
