/// Why stored state bytes could not be read back. The bytes are never trusted: every failure is an error naming
/// where and what, never a crash.
public enum CustomerStateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fewer bytes than the smallest valid state.
    case tooShort(size: Int)
    /// More bytes than any valid state can hold.
    case tooLarge(size: Int, limit: Int)
    /// The trailing checksum does not match the content: the bytes were damaged or cut.
    case checksumMismatch(stored: UInt32, computed: UInt32)
    /// Written by a format this build does not know.
    case unsupportedVersion(UInt8)
    /// The content ends in the middle of `field`.
    case truncated(field: String, offset: Int)
    /// `field` holds a value no valid state has.
    case invalid(field: String, offset: Int, reason: String)

    /// A message naming the offending value and where it is.
    public var description: String {
        switch self {
        case .tooShort(let size):
            "customer state too short: \(size) bytes"
        case .tooLarge(let size, let limit):
            "customer state too large: \(size) bytes, the limit is \(limit)"
        case .checksumMismatch(let stored, let computed):
            "customer state checksum mismatch: stored \(hex(stored)), computed \(hex(computed))"
        case .unsupportedVersion(let version):
            "customer state format version \(version) is not supported (this build reads version "
                + "\(CustomerState.formatVersion))"
        case .truncated(let field, let offset):
            "customer state truncated in \(field) at byte \(offset)"
        case .invalid(let field, let offset, let reason):
            "customer state has an invalid \(field) at byte \(offset): \(reason)"
        }
    }
}

private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
