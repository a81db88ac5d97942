/// The character classes of Python's `str` methods that the reference tokeniser relies on.
///
/// VADER splits with `str.split()` (Python's Unicode whitespace), strips `string.punctuation` (ASCII only), and
/// tests `str.isupper()`; parity needs exactly those definitions, not Swift's or Foundation's.
enum PythonText {
    /// `str.isspace()` for ASCII bytes: tab...carriage return, the four separators 0x1C...0x1F, space.
    @inline(__always)
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte &- 0x09 < 5 || byte &- 0x1C < 4
    }

    /// `str.isspace()` for any scalar value.
    @inline(__always)
    static func isWhitespace(_ value: UInt32) -> Bool {
        if value < 0x80 { return isASCIIWhitespace(UInt8(value)) }
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Membership in `string.punctuation`: the 32 ASCII punctuation characters.
    @inline(__always)
    static func isPunctuation(_ byte: UInt8) -> Bool {
        byte &- 0x21 < 15 || byte &- 0x3A < 7 || byte &- 0x5B < 6 || byte &- 0x7B < 4
    }

    /// How one scalar counts for `str.isupper()`.
    enum CaseClass {
        /// Lower-case or title-case: the word is not upper case.
        case lower
        /// Upper-case: the word is upper case if nothing is lower.
        case upper
        /// Neither (digits, punctuation, uncased letters).
        case uncased
    }

    static func caseClass(_ scalar: Unicode.Scalar) -> CaseClass {
        let properties = scalar.properties
        if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return .lower }
        return properties.isUppercase ? .upper : .uncased
    }

    /// Decodes the scalar starting at `index` of valid UTF-8; a truncated sequence reads as U+FFFD of length 1.
    @inline(__always)
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { return (0xFFFD, 1) }
        var value = lead & (0x7F >> UInt32(length))
        for offset in 1..<length {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (value, length)
    }
}
