/// VADER sentiment analysis (Hutto & Gilbert, ICWSM 2014), scoring like the reference `vaderSentiment` 3.3.2.
///
/// Immutable after init and safe to share between threads. Lexicons are parsed once into byte-keyed tables, so
/// scoring reads the text's UTF-8 directly and makes no per-word strings.
public final class SentimentAnalyzer: Sendable {
    /// Longest text scored, in UTF-8 bytes; the rest of a longer text is ignored.
    public static let maxTextBytes = 64 * 1024

    let tokenizer: Tokenizer
    let emoji: EmojiTable
    let rules: RuleWords

    /// Creates an analyzer from the texts of a sentiment lexicon and an emoji lexicon.
    ///
    /// - Parameters:
    ///   - lexicon: lines of `token<TAB>mean valence[<TAB>...]`, as `vader_lexicon.txt`.
    ///   - emojiLexicon: lines of `emoji<TAB>description`, as `emoji_utf8_lexicon.txt`.
    /// - Throws: `LexiconError` naming the first malformed line.
    public init(lexicon: String, emojiLexicon: String) throws {
        let valences = try LexiconParser.valences(lexicon)
        let emojis = try LexiconParser.emojis(emojiLexicon)
        var builder = VocabularyBuilder()
        for (word, valence) in valences {
            builder.update(word) {
                $0.valence = valence
                $0.inLexicon = true
            }
        }
        for word in VaderRules.negations {
            builder.update(word) { $0.isNegation = true }
        }
        for word in VaderRules.boosters {
            builder.update(word) { $0.booster = VaderRules.boosterIncrement }
        }
        for word in VaderRules.dampeners where !word.contains(" ") {
            builder.update(word) { $0.booster = -VaderRules.boosterIncrement }
        }
        for word in RuleWords.allWords {
            builder.update(word) { _ in }
        }
        let vocabulary = Vocabulary(words: builder.words)
        tokenizer = Tokenizer(vocabulary: vocabulary, infos: builder.infos)
        emoji = EmojiTable(emojis)
        rules = RuleWords(vocabulary: vocabulary)
    }

    /// Scores one text.
    ///
    /// - Parameter text: any text; only its first `maxTextBytes` UTF-8 bytes are read.
    /// - Returns: the compound score and the positive, neutral and negative proportions.
    public func scores(_ text: String) -> SentimentScores {
        var text = text
        return text.withUTF8 { whole in
            let bytes = UnsafeBufferPointer(rebasing: whole[..<Self.prefixLength(whole)])
            guard emoji.occurs(in: bytes) else { return scores(utf8: bytes) }
            return emoji.replacing(in: bytes).withUnsafeBufferPointer { scores(utf8: $0) }
        }
    }

    /// Length of the longest prefix within `maxTextBytes` that ends on a scalar boundary.
    private static func prefixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard bytes.count > maxTextBytes else { return bytes.count }
        var length = maxTextBytes
        while length > 0 && bytes[length] & 0xC0 == 0x80 { length -= 1 }
        return length
    }

    private func scores(utf8 bytes: UnsafeBufferPointer<UInt8>) -> SentimentScores {
        withUnsafeTemporaryAllocation(of: Token.self, capacity: bytes.count / 2 + 1) { tokens in
            let counts = tokenizer.tokenize(bytes, into: tokens)
            guard counts.tokens > 0 else { return SentimentScores.empty }
            let words = UnsafeMutableBufferPointer(rebasing: tokens[..<counts.tokens])
            defer { words.deinitialize() }
            applyRules(to: words)
            return score(words, exclamations: counts.exclamations, questions: counts.questions)
        }
    }
}
