/// The strings a state holds (ids, orders, codes), written once each and sorted by bytes. Ids from one producer
/// share long prefixes ("evt-2026-11-..."), so each is front-coded: the length it shares with the one before plus
/// the rest. Canonical UUIDs, which share nothing, are written as their 16 bytes instead of 36 characters.
///
/// Entry header (varint): `shared << 2 | form`, form 0 = text (suffix length and bytes follow), 1 = lower-case
/// UUID, 2 = upper-case UUID (16 bytes follow; `shared` is 0).
struct StringTable {
    /// Sorted by UTF-8 bytes, without duplicates.
    private(set) var entries: [String] = []
    /// For each string given to `init`, in the same order, its position in `entries`.
    private(set) var references: [Int]

    init(_ strings: [String]) {
        let keys = strings.map(SortKey.init)
        let order = strings.indices.sorted { lhs, rhs in
            Self.precedes(keys[lhs], strings[lhs], keys[rhs], strings[rhs])
        }
        references = [Int](repeating: 0, count: strings.count)
        entries.reserveCapacity(strings.count)
        var last: Int?
        for index in order {
            if let last, !Self.precedes(keys[last], strings[last], keys[index], strings[index]) {
                references[index] = entries.count - 1
                continue
            }
            entries.append(strings[index])
            references[index] = entries.count - 1
            last = index
        }
    }

    /// The first 16 bytes as two big-endian integers, and the length: comparing these orders strings by bytes,
    /// except that two strings longer than 16 bytes with the same beginning need a full comparison.
    private struct SortKey {
        var high: UInt64 = 0
        var low: UInt64 = 0
        var length: Int

        init(_ string: String) {
            length = string.utf8.count
            var index = 0
            for byte in string.utf8 {
                if index < 8 {
                    high |= UInt64(byte) << UInt64(56 - 8 * index)
                } else if index < 16 {
                    low |= UInt64(byte) << UInt64(56 - 8 * (index - 8))
                } else {
                    break
                }
                index += 1
            }
        }
    }

    private static func precedes(_ lhsKey: SortKey, _ lhs: String, _ rhsKey: SortKey, _ rhs: String) -> Bool {
        if lhsKey.high != rhsKey.high { return lhsKey.high < rhsKey.high }
        if lhsKey.low != rhsKey.low { return lhsKey.low < rhsKey.low }
        if lhsKey.length <= 16 || rhsKey.length <= 16 { return lhsKey.length < rhsKey.length }
        return utf8Precedes(lhs, rhs)
    }

    func write(to writer: inout ByteWriter) {
        writer.count(entries.count)
        var previous = ""
        for entry in entries {
            let bytes = entry.utf8
            if bytes.count == 36, let (uuid, upper) = UUIDText.pack(bytes) {
                writer.count(upper ? 2 : 1)
                writer.raw(uuid)
            } else {
                let shared = sharedPrefixLength(previous, entry)
                writer.count(shared << 2)
                writer.count(bytes.count - shared)
                writer.raw(bytes.dropFirst(shared))
            }
            previous = entry
        }
    }

    /// Reads a table written by `write(to:)`: sorted, unique, each entry valid UTF-8 of at most `limit` bytes.
    static func read(
        from reader: inout ByteReader,
        countLimit: Int,
        limit: Int
    ) throws(CustomerStateError) -> [String] {
        let count = try reader.count("string table size", limit: countLimit)
        var strings: [String] = []
        strings.reserveCapacity(count)
        var previous: [UInt8] = []
        var current: [UInt8] = []
        previous.reserveCapacity(64)
        current.reserveCapacity(64)
        for index in 0..<count {
            let start = reader.offset
            let header = try reader.count("string table entry", limit: (limit << 2) | 3)
            current.removeAll(keepingCapacity: true)
            switch header & 3 {
            case 0:
                let shared = header >> 2
                guard shared <= previous.count else {
                    throw reader.invalid("string table entry", "shares \(shared) bytes with a shorter one")
                }
                let rest = try reader.count("string table suffix", limit: limit - shared)
                current.append(contentsOf: previous[..<shared])
                current.append(contentsOf: try reader.raw("string table entry", count: rest))
                if UUIDText.pack(current) != nil {
                    throw reader.invalid("string table entry", "a UUID written as text")
                }
            case 1, 2:
                guard header >> 2 == 0 else { throw reader.invalid("string table entry", "a UUID with a prefix") }
                UUIDText.unpack(try reader.raw("string table UUID", count: 16), upper: header & 3 == 2, into: &current)
            default:
                throw reader.invalid("string table entry", "unknown form \(header & 3)")
            }
            if index > 0 && !previous.lexicographicallyPrecedes(current) {
                throw reader.invalid("string table", "entry \(index) is not after the one before")
            }
            strings.append(try ByteReader.string(current, field: "string table entry", offset: start))
            swap(&previous, &current)
        }
        return strings
    }
}

/// Canonical UUID text (8-4-4-4-12 hexadecimal digits, all lower-case or all upper-case) to and from 16 bytes.
enum UUIDText {
    static func pack(_ text: some Collection<UInt8>) -> (bytes: [UInt8], upper: Bool)? {
        guard text.count == 36 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        var sawLower = false
        var sawUpper = false
        var high: UInt8?
        for (index, character) in text.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard character == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"):
                value = character - UInt8(ascii: "a") + 10
                sawLower = true
            case UInt8(ascii: "A")...UInt8(ascii: "F"):
                value = character - UInt8(ascii: "A") + 10
                sawUpper = true
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        // Mixed case cannot be restored exactly; digits only read back as lower-case, which is the same text.
        guard !(sawLower && sawUpper) else { return nil }
        return (bytes, sawUpper)
    }

    static func unpack(_ bytes: some Collection<UInt8>, upper: Bool, into text: inout [UInt8]) {
        let digits: StaticString = upper ? "0123456789ABCDEF" : "0123456789abcdef"
        digits.withUTF8Buffer { digits in
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0F)])
            }
        }
    }
}

extension ByteReader {
    /// A reference into the string table.
    mutating func string(_ field: String, in table: [String]) throws(CustomerStateError) -> String {
        let start = offset
        let index = try varint(field)
        guard index < UInt64(table.count) else {
            throw .invalid(field: field, offset: start, reason: "string \(index) is not in the table of \(table.count)")
        }
        return table[Int(index)]
    }
}
