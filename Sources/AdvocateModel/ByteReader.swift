/// Reads what `ByteWriter` wrote, checking every length and range; each failure names the field and offset.
///
/// Reads from memory the caller keeps alive for the reader's lifetime (inside `withUnsafeBytes`).
struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int
    private let end: Int

    init(_ bytes: UnsafeRawBufferPointer, start: Int, end: Int) {
        self.bytes = bytes
        self.offset = start
        self.end = end
    }

    var isAtEnd: Bool { offset == end }

    func invalid(_ field: String, _ reason: String) -> CustomerStateError {
        .invalid(field: field, offset: offset, reason: reason)
    }

    mutating func byte(_ field: String) throws(CustomerStateError) -> UInt8 {
        guard offset < end else { throw .truncated(field: field, offset: offset) }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint(_ field: String) throws(CustomerStateError) -> UInt64 {
        if offset < end, bytes[offset] < 0x80 {
            defer { offset += 1 }
            return UInt64(bytes[offset])
        }
        var result: UInt64 = 0
        var shift: UInt64 = 0
        let start = offset
        while true {
            guard offset < end else { throw .truncated(field: field, offset: offset) }
            let byte = bytes[offset]
            offset += 1
            if shift == 63 && byte > 1 {
                throw .invalid(field: field, offset: start, reason: "varint overflows 64 bits")
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                if byte == 0 && shift > 0 {
                    throw .invalid(field: field, offset: start, reason: "varint is not minimal")
                }
                return result
            }
            shift += 7
        }
    }

    /// A count no larger than `limit`.
    mutating func count(_ field: String, limit: Int) throws(CustomerStateError) -> Int {
        let start = offset
        let value = try varint(field)
        guard value <= UInt64(limit) else {
            throw .invalid(field: field, offset: start, reason: "\(value) exceeds the limit \(limit)")
        }
        return Int(value)
    }

    /// A non-negative distance no larger than `limit`.
    mutating func distance(_ field: String, limit: Int64) throws(CustomerStateError) -> Int64 {
        let start = offset
        let value = try varint(field)
        guard limit >= 0, value <= UInt64(limit) else {
            throw .invalid(field: field, offset: start, reason: "\(value) exceeds the limit \(limit)")
        }
        return Int64(value)
    }

    mutating func signed(_ field: String) throws(CustomerStateError) -> Int64 {
        let raw = try varint(field)
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func uint16(_ field: String) throws(CustomerStateError) -> UInt16 {
        guard end - offset >= 2 else { throw .truncated(field: field, offset: offset) }
        defer { offset += 2 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    mutating func uint32(_ field: String) throws(CustomerStateError) -> UInt32 {
        guard end - offset >= 4 else { throw .truncated(field: field, offset: offset) }
        defer { offset += 4 }
        var value: UInt32 = 0
        for index in 0..<4 {
            value |= UInt32(bytes[offset + index]) << UInt32(8 * index)
        }
        return value
    }

    mutating func raw(_ field: String, count: Int) throws(CustomerStateError) -> UnsafeRawBufferPointer {
        guard count >= 0, end - offset >= count else { throw .truncated(field: field, offset: offset) }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }

    /// A length-prefixed string of at most `limit` UTF-8 bytes, which must be valid UTF-8.
    mutating func text(_ field: String, limit: Int) throws(CustomerStateError) -> String {
        let length = try count(field, limit: limit)
        let start = offset
        let data = try raw(field, count: length)
        return try Self.string(data, field: field, offset: start)
    }

    static func string(
        _ data: some Collection<UInt8>, field: String, offset: Int
    ) throws(CustomerStateError)
        -> String
    {
        guard UTF8Check.isValid(data) else {
            throw .invalid(field: field, offset: offset, reason: "not valid UTF-8")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
