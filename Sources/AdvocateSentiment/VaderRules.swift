/// The constants and word lists of VADER's rules, as the reference implementation (vaderSentiment 3.3.2) uses them.
enum VaderRules {
    /// Valence added by a booster word ("very"), subtracted by a dampener ("slightly").
    static let boosterIncrement = 0.293
    /// Valence added to a word written in capitals when the text mixes case.
    static let capsIncrement = 0.733
    /// Factor applied to a negated word's valence.
    static let negationScalar = -0.74
    /// Factor for "never so/this" before a word: emphasis rather than negation.
    static let neverSoScalar = 1.25
    /// Weights of a booster one and two words further from the word it modifies.
    static let boosterDistanceFactors: [Double] = [1.0, 0.95, 0.9]
    /// `alpha` of the compound normalisation x / sqrt(x^2 + alpha).
    static let normalisationAlpha = 15.0
    /// Emphasis per exclamation mark, counted up to `maxExclamations`.
    static let exclamationIncrement = 0.292
    static let maxExclamations = 4
    /// Emphasis per question mark when there are two or three; `questionCap` for more.
    static let questionIncrement = 0.18
    static let questionCap = 0.96
    /// Weights of valences before and after the first "but".
    static let beforeButFactor = 0.5
    static let afterButFactor = 1.5

    /// Words that negate the sentiment word one to three positions after them. Any word containing "n't" negates too.
    static let negations: [String] = [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
        "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
        "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
    ]

    /// Degree adverbs that raise the intensity of the next sentiment words.
    static let boosters: [String] = [
        "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply",
        "effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme",
        "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
        "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
        "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
        "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous",
        "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very",
    ]

    /// Degree adverbs that lower the intensity of the next sentiment words. Two-word entries only act through
    /// the idiom check, since a single token never contains a space.
    static let dampeners: [String] = [
        "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little",
        "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly",
        "somewhat", "sort of", "sorta", "sortof", "sort-of",
    ]

    /// Phrases whose valence replaces that of the sentiment word inside or next to them.
    static let specialPhrases: [(phrase: String, valence: Double)] = [
        ("the shit", 3), ("the bomb", 3), ("bad ass", 1.5), ("badass", 1.5), ("bus stop", 0.0),
        ("yeah right", -2), ("kiss of death", -1.5), ("to die for", 3), ("beating heart", 3.5),
    ]

    // The paper's "sentiment-laden idioms" ("cut the mustard", "under the weather") are deliberately absent: the
    // reference defines them but never applies them (its check is marked future work), so applying them here
    // would break parity with it.

    /// Single words the rules compare tokens against.
    static let ruleWords: [String] = [
        "no", "kind", "of", "but", "least", "at", "very", "never", "so", "this", "without", "doubt", "or", "nor",
    ]
}
