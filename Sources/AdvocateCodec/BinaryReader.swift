/// Reads the binary encoding that `BinaryWriter` produces, checking every step: each read throws on
/// truncation, overlong varints, lengths over the limits and invalid UTF-8, so hostile bytes never crash
/// or allocate more than the input justifies.
///
/// A cursor over borrowed memory: the buffer must stay valid while the reader is used (use
/// `BinaryReader.read(_:_:)` for an array).
public struct BinaryReader {
    /// The longest string a reader accepts, in bytes (64 KiB).
    public static let maxStringLength = 64 * 1024
    /// The longest byte blob a reader accepts (16 MiB).
    public static let maxBytesLength = 16 * 1024 * 1024
    /// The largest element count a reader accepts (also never more than the bytes left).
    public static let maxCount = 1_000_000

    let buffer: UnsafeRawBufferPointer
    /// The position of the next byte to read.
    public private(set) var offset: Int

    /// A reader over `buffer`, starting at `offset`.
    public init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
        self.buffer = buffer
        self.offset = offset
    }

    /// Runs `body` with a reader over `bytes` and checks that it read them all.
    public static func read<T>(
        _ bytes: [UInt8], _ body: (inout BinaryReader) throws(WireDecodingError) -> T
    ) throws(WireDecodingError) -> T {
        let result: Result<T, WireDecodingError> = bytes.withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            do throws(WireDecodingError) {
                let value = try body(&reader)
                try reader.expectEnd()
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Bytes not read yet.
    public var remaining: Int { buffer.count - offset }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset >= buffer.count }

    /// An error of `kind` at `offset` (by default the current position), for callers decoding their own types.
    public func error(_ kind: WireDecodingError.Kind, at offset: Int? = nil) -> WireDecodingError {
        WireDecodingError(offset: offset ?? self.offset, kind: kind)
    }

    /// Throws `trailingBytes` unless everything was read.
    public func expectEnd() throws(WireDecodingError) {
        if remaining > 0 { throw error(.trailingBytes(count: remaining)) }
    }

    /// One byte.
    public mutating func readUInt8() throws(WireDecodingError) -> UInt8 {
        guard offset < buffer.count else { throw error(.truncated, at: buffer.count) }
        let value = buffer.load(fromByteOffset: offset, as: UInt8.self)
        offset += 1
        return value
    }

    /// Reads 0 or 1; any other byte is `invalidValue`.
    public mutating func readBool(what: String = "boolean") throws(WireDecodingError) -> Bool {
        let start = offset
        switch try readUInt8() {
        case 0: return false
        case 1: return true
        case let other: throw error(.invalidValue(what: "\(what) byte \(other) is neither 0 nor 1"), at: start)
        }
    }

    /// Little endian.
    public mutating func readUInt16() throws(WireDecodingError) -> UInt16 {
        UInt16(truncatingIfNeeded: try readLittleEndian(byteCount: 2))
    }

    /// Little endian.
    public mutating func readUInt32() throws(WireDecodingError) -> UInt32 {
        UInt32(truncatingIfNeeded: try readLittleEndian(byteCount: 4))
    }

    /// Little endian.
    public mutating func readUInt64() throws(WireDecodingError) -> UInt64 {
        try readLittleEndian(byteCount: 8)
    }

    private mutating func readLittleEndian(byteCount: Int) throws(WireDecodingError) -> UInt64 {
        guard remaining >= byteCount else { throw error(.truncated, at: buffer.count) }
        var value: UInt64 = 0
        for index in 0..<byteCount {
            value |= UInt64(buffer.load(fromByteOffset: offset + index, as: UInt8.self)) << UInt64(8 * index)
        }
        offset += byteCount
        return value
    }

    /// LEB128; more than 10 bytes, or a tenth byte with more than the 64th bit, is `overlong`.
    public mutating func readVarint() throws(WireDecodingError) -> UInt64 {
        let start = offset
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < buffer.count else { throw error(.truncated, at: buffer.count) }
            let byte = buffer.load(fromByteOffset: offset, as: UInt8.self)
            offset += 1
            if shift == 63 && byte > 1 { throw error(.overlong, at: start) }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// A zigzag varint.
    public mutating func readSignedVarint() throws(WireDecodingError) -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// A varint that must fit `T`; a larger value is `invalidValue` naming `what`.
    public mutating func readVarint<T: FixedWidthInteger & UnsignedInteger>(
        as type: T.Type, what: String
    ) throws(WireDecodingError) -> T {
        let start = offset
        let raw = try readVarint()
        guard let value = T(exactly: raw) else {
            throw error(.invalidValue(what: "\(what) \(raw) exceeds \(T.max)"), at: start)
        }
        return value
    }

    /// A varint count of following elements, each at least `minimumElementSize` bytes long.
    ///
    /// A count above `maxCount` or above what the remaining bytes could hold is `tooLong`, so that callers
    /// can reserve capacity for it safely.
    public mutating func readCount(what: String, minimumElementSize: Int = 1) throws(WireDecodingError) -> Int {
        let start = offset
        let raw = try readVarint()
        let fits = remaining / max(minimumElementSize, 1)
        let limit = min(BinaryReader.maxCount, fits)
        guard raw <= UInt64(limit) else {
            throw error(.tooLong(what: what, length: raw, limit: limit), at: start)
        }
        return Int(raw)
    }

    /// A varint length, then that many bytes (at most `limit`, by default 16 MiB).
    public mutating func readBytes(
        what: String = "bytes", limit: Int = maxBytesLength
    ) throws(WireDecodingError)
        -> [UInt8]
    {
        let range = try readLengthPrefixed(what: what, limit: limit)
        return Array(UnsafeRawBufferPointer(rebasing: buffer[range]))
    }

    /// A varint length, then that much UTF-8 (at most `limit`, by default 64 KiB).
    public mutating func readString(
        what: String = "string", limit: Int = maxStringLength
    ) throws(WireDecodingError)
        -> String
    {
        let start = offset
        let range = try readLengthPrefixed(what: what, limit: limit)
        let utf8 = UnsafeRawBufferPointer(rebasing: buffer[range])
        guard UTF8Validation.isValid(utf8) else { throw error(.invalidUTF8(what: what), at: start) }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// A presence byte, then the string when it is 1.
    public mutating func readOptionalString(
        what: String = "string", limit: Int = maxStringLength
    )
        throws(WireDecodingError) -> String?
    {
        try readBool(what: "\(what) presence") ? try readString(what: what, limit: limit) : nil
    }

    /// Reads a varint length and skips that many bytes; returns where they are.
    private mutating func readLengthPrefixed(what: String, limit: Int) throws(WireDecodingError) -> Range<Int> {
        let start = offset
        let length = try readVarint()
        guard length <= UInt64(limit) else {
            throw error(.tooLong(what: what, length: length, limit: limit), at: start)
        }
        guard length <= UInt64(remaining) else { throw error(.truncated, at: buffer.count) }
        let range = offset..<(offset + Int(length))
        offset += Int(length)
        return range
    }

    /// The next `count` bytes without a length prefix.
    public mutating func readRawBytes(count: Int) throws(WireDecodingError) -> [UInt8] {
        guard count >= 0, count <= remaining else { throw error(.truncated, at: buffer.count) }
        let bytes = Array(UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)]))
        offset += count
        return bytes
    }
}
