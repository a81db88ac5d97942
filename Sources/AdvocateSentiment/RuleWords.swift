/// Vocabulary ids of the words and phrases VADER's rules compare tokens against.
struct RuleWords: Sendable {
    let no: Int32
    let kind: Int32
    let of: Int32
    let but: Int32
    let least: Int32
    let at: Int32
    let very: Int32
    let never: Int32
    let so: Int32
    let this: Int32
    let without: Int32
    let doubt: Int32
    let or: Int32
    let nor: Int32
    /// Phrases whose valence replaces the sentiment word's ("the shit", "kiss of death").
    let specialPhrases: [Phrase]
    /// Multi-word dampeners ("kind of", "sort of", "just enough").
    let dampenerPhrases: [Phrase]

    init(vocabulary: Vocabulary) {
        func id(_ word: String) -> Int32 {
            let id = vocabulary.id(of: Array(word.utf8))
            precondition(id != Vocabulary.unknown, "rule word \(word) missing from the vocabulary")
            return id
        }
        no = id("no")
        kind = id("kind")
        of = id("of")
        but = id("but")
        least = id("least")
        at = id("at")
        very = id("very")
        never = id("never")
        so = id("so")
        this = id("this")
        without = id("without")
        doubt = id("doubt")
        or = id("or")
        nor = id("nor")
        specialPhrases = VaderRules.specialPhrases.map {
            Phrase($0.phrase, valence: $0.valence, vocabulary: vocabulary)
        }
        dampenerPhrases = VaderRules.dampeners.filter { $0.contains(" ") }.map {
            Phrase($0, valence: -VaderRules.boosterIncrement, vocabulary: vocabulary)
        }
    }

    /// Every word `init(vocabulary:)` needs to find: the builder interns them.
    static var allWords: [String] {
        var words = VaderRules.ruleWords
        for phrase in VaderRules.specialPhrases.map(\.phrase) + VaderRules.dampeners.filter({ $0.contains(" ") }) {
            words += phrase.split(separator: " ").map(String.init)
        }
        return words
    }
}
