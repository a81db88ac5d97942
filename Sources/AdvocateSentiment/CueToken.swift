/// One word of a text as the complaint rules see it: lower-cased, apostrophes unified, numbers parsed.
struct CueToken {
    /// Vocabulary id of the word, `Vocabulary.unknown` if the rules do not know it.
    var id: Int32
    /// Value of a number written in digits ("40", "1.5", "3rd"), `nil` otherwise.
    var number: Double?
    /// Written as a digit ordinal ("2nd", "3rd", "10th").
    var isOrdinal: Bool
    /// Index of the sentence the word is in.
    var sentence: Int32
    /// Index of the clause the word is in: sentences split further at commas, colons, dashes and brackets.
    var clause: Int32
    /// UTF-8 offsets of the word in the text, to quote the cue as written.
    var start: Int32
    var end: Int32
}
