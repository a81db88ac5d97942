/// Bounding and excerpting of text from outside.
enum Text {
    /// At most `maxBytes` UTF-8 bytes of `text`, cut at a character boundary.
    static func prefix(_ text: String, maxBytes: Int) -> String {
        guard text.utf8.count > maxBytes else { return text }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let next = text.index(after: index)
            let size = text.utf8.distance(from: index, to: next)
            if used + size > maxBytes { break }
            used += size
            end = next
        }
        return String(text[..<end])
    }

    /// Ids, orders and codes as the state keeps them: at most `Aggregates.maxStringBytes` bytes. Ingest limits
    /// ids far below this; the cut only keeps the state bounded against anything longer.
    static func bounded(_ id: String) -> String {
        prefix(id, maxBytes: Aggregates.maxStringBytes)
    }

    /// The first `characters` characters of `text`, with runs of white space (newlines included) made one space.
    static func excerpt(_ text: String, characters: Int) -> String {
        guard characters > 0 else { return "" }
        return asciiExcerpt(text, characters: characters) ?? characterExcerpt(text, characters: characters)
    }

    /// `excerpt` byte by byte, for the usual text whose part looked at is ASCII; nil when a byte of it (or the
    /// byte after it, which could join the last character) is not, and the text needs whole characters. In ASCII
    /// every byte is a character except CR LF, which is one, and which counts once here too.
    static func asciiExcerpt(_ text: String, characters: Int) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var result: [UInt8] = []
            result.reserveCapacity(min(bytes.count, characters))
            var count = 0
            var looked = 0
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 { return nil }
                if !(byte == 0x0A && index > 0 && bytes[index - 1] == 0x0D) {
                    looked += 1
                    if looked > characters * 8 { break }
                }
                index += 1
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    if count + 1 >= characters { break }
                    result.append(0x20)
                    count += 1
                    pendingSpace = false
                }
                result.append(byte)
                count += 1
                if count == characters { break }
            }
            if index < bytes.count, bytes[index] >= 0x80 { return nil }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// `excerpt` character by character, for any text.
    static func characterExcerpt(_ text: String, characters: Int) -> String {
        guard characters > 0 else { return "" }
        var result = ""
        var count = 0
        var pendingSpace = false
        // Look at a bounded prefix only: a huge text costs no more than a long excerpt.
        for character in text.prefix(characters * 8) {
            if character.isWhitespace {
                pendingSpace = count > 0
                continue
            }
            if pendingSpace {
                if count + 1 >= characters { break }
                result.append(" ")
                count += 1
                pendingSpace = false
            }
            result.append(character)
            count += 1
            if count == characters { break }
        }
        return result
    }

    /// `units` of money as a decimal with two places ("42.50").
    static func money(_ units: Int64) -> String {
        let cents = (Double(units) / Double(100)).rounded()
        let sign = cents < 0 ? "-" : ""
        let magnitude = Int64(min(abs(cents), 9e15))
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// A compound score in thousandths as "+0.62" / "-0.62".
    static func compound(_ milli: Int64) -> String {
        let hundredths = Int64((Double(milli) / 10).rounded())
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(hundredths < 0 ? "-" : "+")\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
