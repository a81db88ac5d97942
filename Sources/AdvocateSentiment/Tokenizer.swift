/// Splits UTF-8 text into `Token`s the way the reference does, looking each word up in the vocabulary.
///
/// Reference behaviour reproduced here: split on Python whitespace; strip ASCII punctuation from both ends of a
/// word unless that leaves two characters or fewer (so ":)" and "ok." stay as they are); compare words lower-cased.
struct Tokenizer: Sendable {
    let vocabulary: Vocabulary
    /// Facts per vocabulary id.
    let infos: [WordInfo]

    /// What a pass over the text found besides the tokens.
    struct Counts {
        var tokens = 0
        var exclamations = 0
        var questions = 0
    }

    /// Byte classes of the scanning loop, so that the common case (a letter) costs one load and one branch.
    private enum ByteClass {
        static let plain: UInt8 = 0
        static let whitespace: UInt8 = 1
        static let exclamation: UInt8 = 2
        static let question: UInt8 = 3
        static let nonASCII: UInt8 = 4
        /// Flag on top of the class: the byte is in `string.punctuation`.
        static let punctuation: UInt8 = 8
        static let classMask: UInt8 = 7
    }

    private static let byteClasses: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        if byte >= 0x80 { return ByteClass.nonASCII }
        if PythonText.isASCIIWhitespace(UInt8(byte)) { return ByteClass.whitespace }
        let punctuation = PythonText.isPunctuation(UInt8(byte)) ? ByteClass.punctuation : 0
        if byte == Int(UInt8(ascii: "!")) { return ByteClass.exclamation | punctuation }
        if byte == Int(UInt8(ascii: "?")) { return ByteClass.question | punctuation }
        return ByteClass.plain | punctuation
    }

    /// Writes the tokens of `bytes` into `tokens`, which must hold at least `bytes.count / 2 + 1` elements.
    func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into tokens: UnsafeMutableBufferPointer<Token>) -> Counts {
        Self.byteClasses.withUnsafeBufferPointer { classes in
            var counts = Counts()
            var position = 0
            let end = bytes.count
            while position < end {
                let kind = classes[Int(bytes[position])] & ByteClass.classMask
                if kind == ByteClass.whitespace {
                    position += 1
                    continue
                }
                if kind == ByteClass.nonASCII {
                    let (value, length) = PythonText.decodeScalar(bytes, at: position)
                    if PythonText.isWhitespace(value) {
                        position += length
                        continue
                    }
                }
                let start = position
                var ascii = true
                scan: while position < end {
                    let kind = classes[Int(bytes[position])] & ByteClass.classMask
                    if kind == ByteClass.plain {
                        position += 1
                        continue
                    }
                    if kind == ByteClass.whitespace { break scan }
                    if kind == ByteClass.nonASCII {
                        let (value, length) = PythonText.decodeScalar(bytes, at: position)
                        if PythonText.isWhitespace(value) { break scan }
                        ascii = false
                        position += length
                        continue
                    }
                    if kind == ByteClass.exclamation {
                        counts.exclamations += 1
                    } else {
                        counts.questions += 1
                    }
                    position += 1
                }
                tokens.initializeElement(
                    at: counts.tokens, to: token(bytes, start..<position, ascii: ascii, classes: classes))
                counts.tokens += 1
            }
            return counts
        }
    }

    @inline(__always)
    private func token(
        _ bytes: UnsafeBufferPointer<UInt8>, _ raw: Range<Int>, ascii: Bool, classes: UnsafeBufferPointer<UInt8>
    ) -> Token {
        let word = strippedOfPunctuation(bytes, raw, classes: classes)
        return ascii ? asciiToken(bytes, word) : unicodeToken(bytes, word)
    }

    /// `_strip_punc_if_word`: the word without leading and trailing ASCII punctuation, or the whole word when
    /// stripping leaves two scalars or fewer.
    @inline(__always)
    private func strippedOfPunctuation(
        _ bytes: UnsafeBufferPointer<UInt8>, _ raw: Range<Int>, classes: UnsafeBufferPointer<UInt8>
    ) -> Range<Int> {
        var lower = raw.lowerBound
        var upper = raw.upperBound
        while lower < upper && classes[Int(bytes[lower])] & ByteClass.punctuation != 0 { lower += 1 }
        while upper > lower && classes[Int(bytes[upper - 1])] & ByteClass.punctuation != 0 { upper -= 1 }
        var scalars = 0
        var position = lower
        while position < upper && scalars <= 2 {
            if bytes[position] & 0xC0 != 0x80 { scalars += 1 }
            position += 1
        }
        return scalars <= 2 ? raw : lower..<upper
    }

    private func asciiToken(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Token {
        var hash = Vocabulary.hashSeed
        var hasUpper = false
        var hasLower = false
        var negates = false
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for position in word {
            let byte = bytes[position]
            let lower = asciiLower(byte)
            if lower != byte {
                hasUpper = true
            } else if byte &- UInt8(ascii: "a") < 26 {
                hasLower = true
            }
            if lower == UInt8(ascii: "t") && previous == UInt8(ascii: "'") && beforePrevious == UInt8(ascii: "n") {
                negates = true
            }
            beforePrevious = previous
            previous = lower
            hash = Vocabulary.hash(hash, byte: lower)
        }
        let id =
            word.count <= vocabulary.maxKeyLength
            ? vocabulary.idOfASCIILowercased(bytes, word, hash: hash) : Vocabulary.unknown
        return makeToken(id: id, isUpper: hasUpper && !hasLower, containsNegation: negates)
    }

    /// The slow path for words with non-ASCII scalars: Unicode case rules, as Python's `lower()` and `isupper()`.
    private func unicodeToken(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Token {
        var lowered: [UInt8] = []
        lowered.reserveCapacity(word.count + 8)
        var hasUpper = false
        var hasLower = false
        var position = word.lowerBound
        while position < word.upperBound {
            let (value, length) = PythonText.decodeScalar(bytes, at: position)
            position += length
            if value < 0x80 {
                let byte = UInt8(value)
                let lower = asciiLower(byte)
                if lower != byte {
                    hasUpper = true
                } else if byte &- UInt8(ascii: "a") < 26 {
                    hasLower = true
                }
                lowered.append(lower)
                continue
            }
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            switch PythonText.caseClass(scalar) {
            case .lower: hasLower = true
            case .upper: hasUpper = true
            case .uncased: break
            }
            lowered.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
        }
        let negates = lowered.indices.dropFirst(2).contains { index in
            lowered[index] == UInt8(ascii: "t") && lowered[index - 1] == UInt8(ascii: "'")
                && lowered[index - 2] == UInt8(ascii: "n")
        }
        let id = lowered.count <= vocabulary.maxKeyLength ? vocabulary.id(of: lowered) : Vocabulary.unknown
        return makeToken(id: id, isUpper: hasUpper && !hasLower, containsNegation: negates)
    }

    @inline(__always)
    private func makeToken(id: Int32, isUpper: Bool, containsNegation: Bool) -> Token {
        guard id >= 0 else {
            return Token(
                id: id, isUpper: isUpper, inLexicon: false, negates: containsNegation, booster: 0, valence: 0)
        }
        let info = infos[Int(id)]
        return Token(
            id: id, isUpper: isUpper, inLexicon: info.inLexicon, negates: containsNegation || info.isNegation,
            booster: info.booster, valence: 0)
    }
}
