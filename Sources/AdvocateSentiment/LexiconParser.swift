/// Reads the two lexicon formats: `token<TAB>valence[<TAB>...]` and `emoji<TAB>description`.
///
/// Lines are trimmed of whitespace and blank lines skipped, as the reference does; a later duplicate of a token
/// replaces the earlier one.
enum LexiconParser {
    /// Largest lexicon text accepted (the published ones are about 420 KB and 120 KB).
    static let maxBytes = 8 << 20

    static func valences(_ text: String) throws(LexiconError) -> [(word: String, valence: Double)] {
        var entries: [(word: String, valence: Double)] = []
        try forEachEntry(text, source: .valence) {
            (line: Int, raw: Substring, fields: [Substring]) throws(LexiconError) in
            let field = trimmed(fields[1])
            guard let valence = Double(field), valence.isFinite else {
                throw LexiconError(
                    source: .valence, line: line, problem: .invalidValence(String(field)), content: String(raw))
            }
            entries.append((String(fields[0]), valence))
        }
        return entries
    }

    /// Emoji and their descriptions. Keys of more than one scalar are dropped: the reference replaces emoji one
    /// code point at a time, so such keys (skin tones, flags, sequences joined by U+200D) never match.
    static func emojis(_ text: String) throws(LexiconError) -> [(emoji: Unicode.Scalar, description: String)] {
        var entries: [(emoji: Unicode.Scalar, description: String)] = []
        try forEachEntry(text, source: .emoji) { (_: Int, _: Substring, fields: [Substring]) throws(LexiconError) in
            let scalars = fields[0].unicodeScalars
            if scalars.count == 1, let scalar = scalars.first {
                entries.append((scalar, String(fields[1])))
            }
        }
        return entries
    }

    private static func forEachEntry(
        _ text: String,
        source: LexiconError.Source,
        _ body: (Int, Substring, [Substring]) throws(LexiconError) -> Void
    ) throws(LexiconError) {
        let size = text.utf8.count
        guard size <= maxBytes else {
            throw LexiconError(source: source, line: 0, problem: .tooLarge(bytes: size, limit: maxBytes), content: "")
        }
        var number = 0
        // Split on scalars: as Characters, "\r\n" is one grapheme and would not match "\n".
        for raw in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = trimmed(Substring(raw))
            if line.isEmpty { continue }
            let fields = line.unicodeScalars.split(separator: "\t", omittingEmptySubsequences: false)
                .map(Substring.init)
            guard fields.count >= 2 else {
                throw LexiconError(source: source, line: number, problem: .missingField, content: String(line))
            }
            try body(number, line, fields)
        }
    }

    /// `str.strip()`: removes Python whitespace (which includes "\r") from both ends.
    private static func trimmed(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !PythonText.isWhitespace($0.value) }),
            let last = scalars.lastIndex(where: { !PythonText.isWhitespace($0.value) })
        else { return text[text.endIndex...] }
        return Substring(scalars[first...last])
    }
}
