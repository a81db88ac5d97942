/// One whitespace-separated word of a text, as VADER's rules see it.
struct Token {
    /// Vocabulary id of the lower-cased word, `Vocabulary.unknown` if it is none.
    var id: Int32
    /// `str.isupper()` of the word: it has cased letters and all are upper case.
    var isUpper: Bool
    /// The word is a lexicon entry.
    var inLexicon: Bool
    /// The word negates: one of VADER's negations, or it contains "n't".
    var negates: Bool
    /// Booster (+) or dampener (-) increment, 0 for other words.
    var booster: Double
    /// The valence the rules give the word.
    var valence: Double
}
