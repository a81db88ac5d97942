/// Appends the compact encoding of state: LEB128 varints, zigzag for signed values, fixed little-endian hashes.
///
/// Writes into a buffer the caller provides (see `ByteWriter.encode`), without per-byte capacity or uniqueness
/// checks: state is encoded on every event, so this is a hot path.
struct ByteWriter {
    private let buffer: UnsafeMutableRawBufferPointer
    private(set) var count = 0

    private init(buffer: UnsafeMutableRawBufferPointer) {
        self.buffer = buffer
    }

    /// Runs `body` with a writer over a scratch buffer of `capacity` bytes and returns what it wrote.
    static func encode(capacity: Int, _ body: (inout ByteWriter) -> Void) -> [UInt8] {
        withUnsafeTemporaryAllocation(byteCount: capacity, alignment: 1) { buffer in
            var writer = ByteWriter(buffer: buffer)
            body(&writer)
            return Array(UnsafeRawBufferPointer(rebasing: buffer[..<writer.count]))
        }
    }

    /// What has been written so far.
    var written: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: buffer[..<count])
    }

    mutating func byte(_ value: UInt8) {
        precondition(count < buffer.count, "customer state exceeds \(buffer.count) bytes")
        buffer[count] = value
        count += 1
    }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            byte(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        byte(UInt8(rest))
    }

    /// A count or other non-negative quantity.
    mutating func count(_ value: Int) {
        precondition(value >= 0, "negative count \(value) in customer state")
        varint(UInt64(value))
    }

    /// A non-negative distance, such as the seconds between a stored time and the latest one.
    mutating func distance(_ value: Int64) {
        precondition(value >= 0, "negative distance \(value) in customer state")
        varint(UInt64(value))
    }

    mutating func signed(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func uint16(_ value: UInt16) {
        byte(UInt8(truncatingIfNeeded: value))
        byte(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func uint32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) {
            byte(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    mutating func raw(_ data: some Collection<UInt8>) {
        for value in data { byte(value) }
    }

    /// A length-prefixed UTF-8 string.
    mutating func text(_ value: String) {
        count(value.utf8.count)
        raw(value.utf8)
    }
}
