/// Splits text into words for the complaint rules.
///
/// Words are runs of letters and digits, with an apostrophe inside a word kept (typographic apostrophes become
/// "'"); a hyphen splits ("no-one" reads as "no one"). Digits followed by letters split too ("40mins" reads as
/// "40 mins"), except digit ordinals ("3rd"). Sentences end at ".", "!", "?", ";" and line breaks.
struct CueTokenizer: Sendable {
    let vocabulary: Vocabulary

    func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> CueText {
        var text = CueText()
        text.tokens.reserveCapacity(bytes.count / 4 + 4)
        var sentence: Int32 = 0
        var clause: Int32 = 0
        var sentenceHasWords = false
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            if Self.isWordByte(byte) || (byte >= 0x80 && Self.isLetter(bytes, at: position)) {
                let handle = position > 0 && bytes[position - 1] == UInt8(ascii: "@")
                var token = word(bytes, from: &position)
                // A handle names the company, not what happened: it must not start a sentence or match a word.
                if handle { continue }
                token.sentence = sentence
                token.clause = clause
                text.tokens.append(token)
                sentenceHasWords = true
                continue
            }
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: ";"), UInt8(ascii: "\n"), UInt8(ascii: "?"):
                if byte == UInt8(ascii: "?") { text.isQuestion[Int(sentence)] = true }
                if sentenceHasWords {
                    sentence += 1
                    clause += 1
                    text.isQuestion.append(false)
                    sentenceHasWords = false
                }
            case UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "-"):
                // A hyphen inside a word ("no-one") does not end a clause.
                let inWord = byte == UInt8(ascii: "-") && position > 0 && Self.isWordByte(bytes[position - 1])
                if !inWord { clause += 1 }
            case UInt8(ascii: "@"):
                text.mentionsHandle = true
            default:
                break
            }
            position += byte < 0x80 ? 1 : PythonText.decodeScalar(bytes, at: position).length
        }
        return text
    }

    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "A") < 26 || byte &- UInt8(ascii: "0") < 10
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    private static func isLetter(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let value = PythonText.decodeScalar(bytes, at: position).value
        return Unicode.Scalar(value)?.properties.isAlphabetic ?? false
    }

    /// Length of an apostrophe at `position` ("'", U+2018, U+2019, U+02BC), or 0.
    @inline(__always)
    private static func apostropheLength(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Int {
        let byte = bytes[position]
        if byte == UInt8(ascii: "'") { return 1 }
        guard byte >= 0x80 else { return 0 }
        let (value, length) = PythonText.decodeScalar(bytes, at: position)
        return value == 0x2019 || value == 0x2018 || value == 0x02BC ? length : 0
    }

    /// Reads the word starting at `position` and moves past it.
    private func word(_ bytes: UnsafeBufferPointer<UInt8>, from position: inout Int) -> CueToken {
        let start = position
        if Self.isDigit(bytes[position]) {
            return number(bytes, from: &position)
        }
        var hash = Vocabulary.hashSeed
        var ascii = true
        var normalised = false
        var length = 0
        while position < bytes.count {
            let byte = bytes[position]
            if Self.isWordByte(byte) {
                hash = Vocabulary.hash(hash, byte: asciiLower(byte))
                position += 1
                length += 1
                continue
            }
            let apostrophe = Self.apostropheLength(bytes, at: position)
            if apostrophe > 0 {
                // Inside a word only: "can't" yes, "dogs'" and quotes no.
                let next = position + apostrophe
                guard next < bytes.count, Self.isWordByte(bytes[next]) || bytes[next] >= 0x80 else { break }
                hash = Vocabulary.hash(hash, byte: UInt8(ascii: "'"))
                normalised = normalised || apostrophe > 1
                position = next
                length += 1
                continue
            }
            if byte >= 0x80 && Self.isLetter(bytes, at: position) {
                ascii = false
                position += PythonText.decodeScalar(bytes, at: position).length
                continue
            }
            break
        }
        var id = Vocabulary.unknown
        if ascii && length <= vocabulary.maxKeyLength {
            if normalised {
                id = vocabulary.id(of: Self.lowercasedASCII(bytes, start..<position))
            } else {
                id = vocabulary.idOfASCIILowercased(bytes, start..<position, hash: hash)
            }
        }
        return CueToken(
            id: id, number: nil, isOrdinal: false, sentence: 0, clause: 0, start: Int32(start),
            end: Int32(position))
    }

    /// The word lower-cased with typographic apostrophes replaced by "'".
    private static func lowercasedASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var word: [UInt8] = []
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = bytes[position]
            if byte < 0x80 {
                word.append(asciiLower(byte))
                position += 1
            } else {
                word.append(UInt8(ascii: "'"))
                position += PythonText.decodeScalar(bytes, at: position).length
            }
        }
        return word
    }

    /// Reads digits with "." or "," between digits ("1.5", "2,000") and an ordinal suffix ("3rd").
    private func number(_ bytes: UnsafeBufferPointer<UInt8>, from position: inout Int) -> CueToken {
        let start = position
        var whole = 0.0
        var fraction = 0.0
        var scale = 1.0
        var inFraction = false
        while position < bytes.count {
            let byte = bytes[position]
            if Self.isDigit(byte) {
                let digit = Double(byte - UInt8(ascii: "0"))
                if inFraction {
                    scale /= 10
                    fraction += digit * scale
                } else {
                    whole = whole * 10 + digit
                }
                position += 1
                continue
            }
            let separator = byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")
            if separator && position + 1 < bytes.count && Self.isDigit(bytes[position + 1]) {
                // A comma groups thousands; a point starts the fraction.
                if byte == UInt8(ascii: ".") { inFraction = true }
                position += 1
                continue
            }
            break
        }
        var isOrdinal = false
        if position + 1 < bytes.count {
            let suffix = (asciiLower(bytes[position]), asciiLower(bytes[position + 1]))
            let ends = position + 2 >= bytes.count || !Self.isWordByte(bytes[position + 2])
            switch suffix {
            case (UInt8(ascii: "s"), UInt8(ascii: "t")), (UInt8(ascii: "n"), UInt8(ascii: "d")),
                (UInt8(ascii: "r"), UInt8(ascii: "d")), (UInt8(ascii: "t"), UInt8(ascii: "h")):
                if ends {
                    isOrdinal = true
                    position += 2
                }
            default:
                break
            }
        }
        return CueToken(
            id: Vocabulary.unknown, number: whole + fraction, isOrdinal: isOrdinal, sentence: 0, clause: 0,
            start: Int32(start), end: Int32(position))
    }
}
