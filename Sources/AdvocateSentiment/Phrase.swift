/// A phrase of one to three words, as vocabulary ids, with its valence.
struct Phrase: Sendable {
    let length: Int
    let first: Int32
    let second: Int32
    let third: Int32
    let valence: Double

    init(_ text: String, valence: Double, vocabulary: Vocabulary) {
        let words = text.split(separator: " ").map { vocabulary.id(of: Array($0.utf8)) }
        precondition((1...3).contains(words.count), "phrase \"\(text)\" must have one to three words")
        precondition(!words.contains(Vocabulary.unknown), "phrase \"\(text)\" has a word missing from the vocabulary")
        length = words.count
        first = words[0]
        second = words.count > 1 ? words[1] : Vocabulary.unknown
        third = words.count > 2 ? words[2] : Vocabulary.unknown
        self.valence = valence
    }

    /// Whether the two words `a`, `b` spell the phrase.
    @inline(__always)
    func matches(_ a: Int32, _ b: Int32) -> Bool {
        length == 2 && first == a && second == b
    }

    /// Whether the three words `a`, `b`, `c` spell the phrase.
    @inline(__always)
    func matches(_ a: Int32, _ b: Int32, _ c: Int32) -> Bool {
        length == 3 && first == a && second == b && third == c
    }
}
