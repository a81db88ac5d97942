/// What VADER's rules know about one distinct lower-case word.
struct WordInfo: Sendable {
    /// Lexicon valence; meaningful only when `inLexicon`.
    var valence: Double = 0
    /// Booster (+) or dampener (-) increment; 0 when the word is neither.
    var booster: Double = 0
    /// The word is a lexicon entry.
    var inLexicon = false
    /// The word is one of VADER's negations.
    var isNegation = false
}
