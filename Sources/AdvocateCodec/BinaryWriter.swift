/// Builds the binary encoding between stages: an append-only byte buffer with little-endian integers,
/// LEB128 varints, zigzag varints for signed values and length-prefixed bytes and strings.
///
/// Writing never fails; lengths over `BinaryReader`'s limits produce bytes that the reader refuses, so the
/// callers keep values within them (event fields are bounded by `EventLimits`).
public struct BinaryWriter: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8]

    /// - Parameter capacity: bytes to reserve up front, to avoid regrowing for a typical message.
    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Continues writing after existing bytes (e.g. a frame header).
    public init(appendingTo bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// How many bytes have been written.
    public var count: Int { bytes.count }

    /// Makes room for `capacity` bytes in total.
    public mutating func reserveCapacity(_ capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// One byte.
    @inlinable
    public mutating func writeUInt8(_ value: UInt8) {
        bytes.append(value)
    }

    /// Writes `true` as 1 and `false` as 0.
    @inlinable
    public mutating func writeBool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    /// Little endian.
    @inlinable
    public mutating func writeUInt16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    /// Little endian.
    @inlinable
    public mutating func writeUInt32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    /// Little endian.
    @inlinable
    public mutating func writeUInt64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    /// LEB128: seven bits per byte, low bits first, high bit set on every byte but the last.
    @inlinable
    public mutating func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Zigzag then LEB128, so that small negative numbers stay short (-1 is one byte).
    @inlinable
    public mutating func writeSignedVarint(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// A varint length, then the bytes.
    public mutating func writeBytes(_ value: some Collection<UInt8>) {
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// A varint length, then the UTF-8.
    public mutating func writeString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// A presence byte (0 absent, 1 present), then the string when present.
    public mutating func writeOptionalString(_ value: String?) {
        if let value {
            bytes.append(1)
            writeString(value)
        } else {
            bytes.append(0)
        }
    }

    /// Bytes as they are, without a length.
    public mutating func writeRawBytes(_ value: some Collection<UInt8>) {
        bytes.append(contentsOf: value)
    }
}
