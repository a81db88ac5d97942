/// A strict RFC 8259 reader over UTF-8 bytes that validates as it goes and records positions, not values.
///
/// Values are decoded only when a caller asks (`decodeString`), so validating an event allocates nothing
/// but the key bookkeeping. Rejects invalid UTF-8, bad escapes and lone surrogates, leading zeros, raw
/// control characters in strings, nesting deeper than `maxDepth`, and notes (without failing) the first
/// duplicate key of a nested object so that callers can reject it as a field problem.
struct JSONReader {
    let buffer: UnsafeRawBufferPointer
    var position: Int
    var end: Int
    let maxDepth: Int
    /// The first duplicate key found inside a nested object, with its offset.
    var firstDuplicate: (offset: Int, key: String)?
    /// Keys of the objects currently open, innermost last; each object owns the tail from its base.
    private var openKeys: [JSONKey] = []

    /// Objects with more keys than this check duplicates with a set instead of pairwise comparison.
    private static let linearKeyLimit = 16

    init(buffer: UnsafeRawBufferPointer, start: Int = 0, end: Int? = nil, maxDepth: Int = 32) {
        self.buffer = buffer
        self.position = start
        self.end = end ?? buffer.count
        self.maxDepth = maxDepth
    }

    // MARK: Bytes

    @inline(__always)
    func byte(at index: Int) -> UInt8 {
        buffer.load(fromByteOffset: index, as: UInt8.self)
    }

    /// The byte at the current position, or nil at the end.
    @inline(__always)
    func peek() -> UInt8? {
        position < end ? byte(at: position) : nil
    }

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    mutating func skipWhitespace() {
        while position < end, JSONReader.isWhitespace(byte(at: position)) {
            position += 1
        }
    }

    var isAtEnd: Bool { position >= end }

    func error(_ detail: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset ?? position, detail: detail)
    }

    /// Describes the byte at the current position for an error message.
    func describeCurrent() -> String {
        guard let byte = peek() else { return "end of input" }
        if byte >= 0x21 && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    mutating func expect(_ expected: UInt8, _ what: String) throws(JSONSyntaxError) {
        guard peek() == expected else {
            throw error("expected \(what), found \(describeCurrent())")
        }
        position += 1
    }

    // MARK: Values

    /// Validates the value at the current position (after whitespace) and returns where it is.
    /// - Parameter depth: the nesting level a container found here would have; the first level is 1.
    mutating func scanValue(depth: Int) throws(JSONSyntaxError) -> JSONToken {
        skipWhitespace()
        guard let first = peek() else { throw error("expected a value, found end of input") }
        let start = position
        switch first {
        case UInt8(ascii: "\""):
            let hasEscapes = try scanString()
            return JSONToken(kind: .string, start: start, end: position, hasEscapes: hasEscapes)
        case UInt8(ascii: "{"):
            try scanObject(depth: depth)
            return JSONToken(kind: .object, start: start, end: position, hasEscapes: false)
        case UInt8(ascii: "["):
            try scanArray(depth: depth)
            return JSONToken(kind: .array, start: start, end: position, hasEscapes: false)
        case UInt8(ascii: "t"):
            try scanLiteral("true")
            return JSONToken(kind: .trueLiteral, start: start, end: position, hasEscapes: false)
        case UInt8(ascii: "f"):
            try scanLiteral("false")
            return JSONToken(kind: .falseLiteral, start: start, end: position, hasEscapes: false)
        case UInt8(ascii: "n"):
            try scanLiteral("null")
            return JSONToken(kind: .null, start: start, end: position, hasEscapes: false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
            return JSONToken(kind: .number, start: start, end: position, hasEscapes: false)
        default:
            throw error("expected a value, found \(describeCurrent())")
        }
    }

    private mutating func scanLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let start = position
        let count = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { text -> Bool in
            guard end - start >= count else { return false }
            for index in 0..<count where byte(at: start + index) != text[index] {
                return false
            }
            return true
        }
        guard matches else { throw error("invalid literal, expected \(literal)") }
        position += count
    }

    private mutating func scanNumber() throws(JSONSyntaxError) {
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        guard let first = peek(), isDigit(first) else {
            throw error("expected a digit in number, found \(describeCurrent())")
        }
        position += 1
        if first == UInt8(ascii: "0") {
            if let next = peek(), isDigit(next) { throw error("leading zero in number", at: start) }
        } else {
            skipDigits()
        }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard let digit = peek(), isDigit(digit) else {
                throw error("expected a digit after '.', found \(describeCurrent())")
            }
            skipDigits()
        }
        if let marker = peek(), marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            position += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
            guard let digit = peek(), isDigit(digit) else {
                throw error("expected a digit in exponent, found \(describeCurrent())")
            }
            skipDigits()
        }
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private mutating func skipDigits() {
        while position < end, isDigit(byte(at: position)) { position += 1 }
    }

    /// Validates a string starting at the opening quote; returns whether it contains escapes.
    mutating func scanString() throws(JSONSyntaxError) -> Bool {
        let open = position
        position += 1
        var hasEscapes = false
        while true {
            // The common case, printable ASCII, stays in this tight loop.
            while position < end {
                let byte = byte(at: position)
                if byte == 0x22 || byte == 0x5C || byte < 0x20 || byte >= 0x80 { break }
                position += 1
            }
            guard position < end else { throw error("unterminated string", at: open) }
            let byte = byte(at: position)
            if byte == 0x22 {
                position += 1
                return hasEscapes
            } else if byte == 0x5C {
                hasEscapes = true
                try scanEscape()
            } else if byte < 0x20 {
                throw error("unescaped control character 0x\(String(byte, radix: 16, uppercase: true)) in string")
            } else {
                try scanUTF8Sequence()
            }
        }
    }

    private mutating func scanEscape() throws(JSONSyntaxError) {
        let start = position
        guard position + 1 < end else { throw error("unterminated escape", at: start) }
        switch byte(at: position + 1) {
        case 0x22, 0x5C, 0x2F, UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"),
            UInt8(ascii: "t"):
            position += 2
        case UInt8(ascii: "u"):
            let unit = try hexUnit(at: position + 2, escapeStart: start)
            position += 6
            if unit >= 0xDC00 && unit <= 0xDFFF {
                throw error("lone low surrogate \\u\(hex4(unit)) in string", at: start)
            }
            if unit >= 0xD800 && unit <= 0xDBFF {
                guard position + 1 < end, byte(at: position) == 0x5C, byte(at: position + 1) == UInt8(ascii: "u")
                else { throw error("high surrogate \\u\(hex4(unit)) not followed by a low surrogate", at: start) }
                let low = try hexUnit(at: position + 2, escapeStart: position)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw error("high surrogate \\u\(hex4(unit)) not followed by a low surrogate", at: start)
                }
                position += 6
            }
        default:
            throw error("bad escape \\\(describeByte(byte(at: position + 1))) in string", at: start)
        }
    }

    private func describeByte(_ byte: UInt8) -> String {
        byte >= 0x21 && byte < 0x7F
            ? String(Character(Unicode.Scalar(byte))) : "(byte 0x\(String(byte, radix: 16, uppercase: true)))"
    }

    private func hex4(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// Reads the four hex digits of a `\u` escape at `index`.
    private func hexUnit(at index: Int, escapeStart: Int) throws(JSONSyntaxError) -> UInt16 {
        guard index + 4 <= end else { throw error("truncated \\u escape", at: escapeStart) }
        var unit: UInt16 = 0
        for offset in 0..<4 {
            guard let value = JSONReader.hexValue(byte(at: index + offset)) else {
                throw error("bad \\u escape: expected 4 hex digits", at: escapeStart)
            }
            unit = unit << 4 | UInt16(value)
        }
        return unit
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Validates one multi-byte UTF-8 sequence.
    private mutating func scanUTF8Sequence() throws(JSONSyntaxError) {
        let lead = byte(at: position)
        let view = UnsafeRawBufferPointer(rebasing: buffer[0..<end])
        guard let length = UTF8Validation.sequenceLength(lead: lead, bytes: view, at: position) else {
            throw error("invalid UTF-8 starting with byte 0x\(String(lead, radix: 16, uppercase: true))")
        }
        position += length
    }

    private mutating func scanArray(depth: Int) throws(JSONSyntaxError) {
        guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            return
        }
        while true {
            _ = try scanValue(depth: depth + 1)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "]"):
                position += 1
                return
            default:
                throw error("expected ',' or ']' in array, found \(describeCurrent())")
            }
        }
    }

    private mutating func scanObject(depth: Int) throws(JSONSyntaxError) {
        guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
        position += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            return
        }
        let base = openKeys.count
        defer { openKeys.removeSubrange(base...) }
        var keySet: Set<[UInt8]>?
        while true {
            skipWhitespace()
            let key = try scanKey()
            if firstDuplicate == nil, noteKey(key, base: base, set: &keySet) {
                firstDuplicate = (key.start - 1, decodeString(key))
            }
            _ = try scanValue(depth: depth + 1)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "}"):
                position += 1
                return
            default:
                throw error("expected ',' or '}' in object, found \(describeCurrent())")
            }
        }
    }

    /// Reads `"key"` and the colon after it (whitespace around the colon allowed).
    mutating func scanKey() throws(JSONSyntaxError) -> JSONKey {
        guard peek() == UInt8(ascii: "\"") else {
            throw error("expected a string key, found \(describeCurrent())")
        }
        let start = position + 1
        let hasEscapes = try scanString()
        let key = JSONKey(start: start, end: position - 1, hasEscapes: hasEscapes)
        skipWhitespace()
        try expect(UInt8(ascii: ":"), "':' after object key")
        return key
    }

    // MARK: Duplicate keys

    /// Records `key` among the keys of the innermost open object (which start at `base`); returns true
    /// when the object already has it.
    mutating func noteKey(_ key: JSONKey, base: Int, set: inout Set<[UInt8]>?) -> Bool {
        let count = openKeys.count - base
        if count < JSONReader.linearKeyLimit {
            for index in base..<openKeys.count where keysEqual(openKeys[index], key) {
                return true
            }
            openKeys.append(key)
            return false
        }
        if set == nil {
            set = Set(openKeys[base...].map { keyBytes($0) })
        }
        openKeys.append(key)
        return set?.insert(keyBytes(key)).inserted == false
    }

    /// Starts duplicate tracking for an object whose members the caller scans itself.
    mutating func beginObject() -> Int { openKeys.count }

    mutating func endObject(base: Int) { openKeys.removeSubrange(base...) }

    func keysEqual(_ lhs: JSONKey, _ rhs: JSONKey) -> Bool {
        if !lhs.hasEscapes && !rhs.hasEscapes {
            let count = lhs.end - lhs.start
            guard count == rhs.end - rhs.start else { return false }
            for index in 0..<count where byte(at: lhs.start + index) != byte(at: rhs.start + index) {
                return false
            }
            return true
        }
        return keyBytes(lhs) == keyBytes(rhs)
    }

    /// Whether the key's decoded text equals `name` (an ASCII field name).
    func key(_ key: JSONKey, equals name: [UInt8]) -> Bool {
        if key.hasEscapes { return keyBytes(key) == name }
        guard key.end - key.start == name.count else { return false }
        for index in 0..<name.count where byte(at: key.start + index) != name[index] {
            return false
        }
        return true
    }

    // MARK: Decoding

    func keyBytes(_ key: JSONKey) -> [UInt8] {
        var bytes: [UInt8] = []
        appendDecoded(start: key.start, end: key.end, hasEscapes: key.hasEscapes, to: &bytes)
        return bytes
    }

    func decodeString(_ key: JSONKey) -> String {
        decodeString(start: key.start, end: key.end, hasEscapes: key.hasEscapes)
    }

    /// Decodes a validated string token.
    func decodeString(_ token: JSONToken) -> String {
        decodeString(start: token.contentStart, end: token.contentEnd, hasEscapes: token.hasEscapes)
    }

    /// Decodes the validated string content `start..<end` (between the quotes).
    func decodeString(start: Int, end: Int, hasEscapes: Bool) -> String {
        if !hasEscapes {
            return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        appendDecoded(start: start, end: end, hasEscapes: true, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the decoded UTF-8 of validated string content; escapes become the bytes they stand for.
    func appendDecoded(start: Int, end: Int, hasEscapes: Bool, to bytes: inout [UInt8]) {
        guard hasEscapes else {
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
            return
        }
        var index = start
        while index < end {
            let byte = byte(at: index)
            guard byte == 0x5C, index + 1 < end else {
                bytes.append(byte)
                index += 1
                continue
            }
            let escaped = self.byte(at: index + 1)
            index += 2
            switch escaped {
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = UInt32(hexUnitUnchecked(at: index))
                index += 4
                if scalar >= 0xD800 && scalar <= 0xDBFF && index + 6 <= end {
                    let low = UInt32(hexUnitUnchecked(at: index + 2))
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                JSONReader.appendUTF8(scalar, to: &bytes)
            default: bytes.append(escaped)
            }
        }
    }

    private func hexUnitUnchecked(at index: Int) -> UInt16 {
        var unit: UInt16 = 0
        for offset in 0..<4 where index + offset < end {
            unit = unit << 4 | UInt16(JSONReader.hexValue(byte(at: index + offset)) ?? 0)
        }
        return unit
    }

    static func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            bytes.append(UInt8(scalar))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | scalar >> 6))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | scalar >> 12))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | scalar >> 18 & 0x07))
            bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Appends the validated value text `start..<end` without the whitespace between tokens.
    func appendMinified(start: Int, end: Int, to bytes: inout [UInt8]) {
        var index = start
        var inString = false
        while index < end {
            let byte = byte(at: index)
            index += 1
            if inString {
                bytes.append(byte)
                if byte == 0x5C, index < end {
                    bytes.append(self.byte(at: index))
                    index += 1
                } else if byte == 0x22 {
                    inString = false
                }
            } else if !JSONReader.isWhitespace(byte) {
                bytes.append(byte)
                inString = byte == 0x22
            }
        }
    }
}

extension JSONReader {
    /// Whether `text` is exactly one minified JSON value (as kept in `ExtraField.json`) at nesting `depth`.
    static func isMinifiedValue(_ text: String, depth: Int) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            let raw = UnsafeRawBufferPointer(utf8)
            var reader = JSONReader(buffer: raw)
            guard let token = try? reader.scanValue(depth: depth), reader.isAtEnd,
                reader.firstDuplicate == nil, token.start == 0
            else { return false }
            var minified: [UInt8] = []
            minified.reserveCapacity(raw.count)
            reader.appendMinified(start: 0, end: raw.count, to: &minified)
            return minified.count == raw.count
        }
    }
}
