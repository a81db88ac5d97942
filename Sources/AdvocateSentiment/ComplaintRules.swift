/// The complaint rules compiled for matching: a vocabulary of every rule word, per-word facts, and the patterns
/// indexed by the words they can start with.
struct ComplaintRules: Sendable {
    /// The rules of `ComplaintLexicon`, compiled once.
    static let standard = ComplaintRules(rules: ComplaintLexicon.cueRules + ComplaintLexicon.guardRules)

    let tokenizer: CueTokenizer
    /// Per word id: bit set of the word's classes.
    let classMasks: [UInt64]
    /// Per word id: value as a number word, NaN if none.
    let numberValues: [Double]
    /// Per word id: minutes per unit, 0 if the word is no duration unit.
    let unitMinutes: [Double]
    /// Per word id: count assumed when a unit has no number ("hours" = 2, "day" = 1).
    let unitDefaultCounts: [Double]
    let isDurationFiller: [Bool]
    /// Per word id: `ComplaintReason.allCases` index the word points to, -1 if none.
    let subjectTopics: [Int8]
    let awaitedTopics: [Int8]
    let patterns: [CuePattern]
    /// Elements of all patterns, and the word ids their literals accept.
    let elements: [CuePattern.Element]
    let literals: [Int32]
    /// Pattern indices of the indexes below; the pool starts with the patterns that start with a duration,
    /// tried wherever a duration starts.
    let candidatePool: [Int32]
    let durationFirstEnd: Int32
    /// Per token key (word id, or `numberKey` for a number in digits), from `firstOnlyStarts[key]` up to
    /// `firstOnlyStarts[key + 1]` in the pool: patterns that can start with it and whose second element is not a
    /// required word.
    let firstOnlyStarts: [Int32]
    /// Per pair of keys of two adjacent tokens: the pool range (start << 32 | end) of the patterns whose first
    /// two elements accept them.
    let pairs: [UInt64: UInt64]
    /// Key of a number written in digits: one past the last word id.
    let numberKey: Int
    let words: GuardWords

    /// Class bits and word ids the guards test.
    struct GuardWords: Sendable {
        var negation: UInt64 = 0
        var transparent: UInt64 = 0
        var condition: UInt64 = 0
        var modal: UInt64 = 0
        var worry: UInt64 = 0
        var auxiliary: UInt64 = 0
        var persistence: UInt64 = 0
        var contrast: UInt64 = 0
        var praise: UInt64 = 0
        var unresolved: UInt64 = 0
        var addressee: UInt64 = 0
        var service: UInt64 = 0
        var inWord = Vocabulary.unknown
        var caseWord = Vocabulary.unknown
        var shouldWord = Vocabulary.unknown
        var whyWord = Vocabulary.unknown
        var halfWord = Vocabulary.unknown
        var allWord = Vocabulary.unknown
        var wholeWord = Vocabulary.unknown
        var articles: [Int32] = []
    }

    init(rules: [ComplaintRule]) {
        var compiler = CuePatternCompiler(lexiconClasses: ComplaintLexicon.classes)
        let expanded = rules.map { (rule: $0, sequences: compiler.expand($0.pattern)) }
        for word in ComplaintLexicon.numberWords.keys { compiler.addWord(word) }
        for word in ComplaintLexicon.durationUnits.keys { compiler.addWord(word) }
        for word in ComplaintLexicon.durationFillers { compiler.addWord(word) }
        for topics in [ComplaintLexicon.subjectTopics, ComplaintLexicon.awaitedTopics] {
            for text in topics.values {
                for word in text.split(whereSeparator: \.isWhitespace) { compiler.addWord(String(word)) }
            }
        }
        for (_, sequences) in expanded {
            for sequence in sequences { compiler.addWords(of: sequence) }
        }
        let vocabulary = compiler.makeVocabulary()
        let count = vocabulary.count
        tokenizer = CueTokenizer(vocabulary: vocabulary)
        let masks = compiler.classMasks(vocabulary)
        classMasks = masks

        func id(_ word: String) -> Int32 { vocabulary.id(of: Array(word.utf8)) }
        func perWord<T>(_ empty: T, _ entries: [String: T]) -> [T] {
            var values = [T](repeating: empty, count: count)
            for (word, value) in entries {
                for variant in CuePatternCompiler.spellings(of: word) {
                    let wordID = id(variant)
                    if wordID != Vocabulary.unknown { values[Int(wordID)] = value }
                }
            }
            return values
        }
        numberValues = perWord(Double.nan, ComplaintLexicon.numberWords)
        unitMinutes = perWord(0.0, ComplaintLexicon.durationUnits)
        unitDefaultCounts = perWord(
            1.0,
            Dictionary(
                uniqueKeysWithValues: ComplaintLexicon.durationUnits.keys.map { unit in
                    (unit, ComplaintLexicon.partsOfDay.contains(unit) ? 0.0 : unit.hasSuffix("s") ? 2.0 : 1.0)
                }))
        isDurationFiller = perWord(
            false,
            Dictionary(
                uniqueKeysWithValues: ComplaintLexicon.durationFillers.map {
                    ($0, true)
                }))
        func topics(_ table: [ComplaintReason: String]) -> [String: Int8] {
            var entries: [String: Int8] = [:]
            for (reason, text) in table {
                let index = Int8(ComplaintReason.allCases.firstIndex(of: reason) ?? 0)
                for word in text.split(whereSeparator: \.isWhitespace) { entries[String(word)] = index }
            }
            return entries
        }
        let subject = topics(ComplaintLexicon.subjectTopics)
        subjectTopics = perWord(-1, subject)
        awaitedTopics = perWord(-1, subject.merging(topics(ComplaintLexicon.awaitedTopics)) { $1 })

        var words = GuardWords()
        words.negation = compiler.classBit("neg")
        words.transparent = compiler.classBit("transparent")
        words.condition = compiler.classBit("cond")
        words.modal = compiler.classBit("modal")
        words.worry = compiler.classBit("worry")
        words.auxiliary = compiler.classBit("aux")
        words.persistence = compiler.classBit("persist")
        words.contrast = compiler.classBit("contrast")
        words.praise = compiler.classBit("praise")
        words.unresolved = compiler.classBit("unresolved")
        words.addressee = compiler.classBit("addressee")
        words.service = compiler.classBit("service")
        words.inWord = id("in")
        words.caseWord = id("case")
        words.shouldWord = id("should")
        words.whyWord = id("why")
        words.halfWord = id("half")
        words.allWord = id("all")
        words.wholeWord = id("whole")
        words.articles = [id("a"), id("an")]
        self.words = words

        var patterns: [CuePattern] = []
        var elements: [CuePattern.Element] = []
        var literals: [Int32] = []
        var compiledFirsts: [(first: CuePatternCompiler.Element, second: CuePatternCompiler.Element?)] = []
        for (rule, sequences) in expanded {
            for var sequence in sequences {
                let startsClause = sequence.first == "^"
                if startsClause { sequence.removeFirst() }
                for compiled in compiler.compile(sequence, vocabulary: vocabulary, rule: rule.pattern) {
                    let start = Int32(elements.count)
                    for var part in compiled {
                        part.element.literalStart = Int32(literals.count)
                        literals += part.literals
                        part.element.literalEnd = Int32(literals.count)
                        elements.append(part.element)
                    }
                    patterns.append(
                        CuePattern(
                            elementStart: start, elementEnd: Int32(elements.count), role: rule.role,
                            reason: rule.reason, refinement: rule.refinement, startsClause: startsClause,
                            isNegatable: rule.isNegatable))
                    compiledFirsts.append((compiled[0], compiled.count > 1 ? compiled[1] : nil))
                }
            }
        }
        self.patterns = patterns
        self.elements = elements
        self.literals = literals

        // Index: by the key of the first token, and for patterns whose second element is a required word also by
        // the pair of the first two keys, so that a token only tries patterns its neighbour can continue.
        let numberKey = count
        func keys(_ compiled: CuePatternCompiler.Element) -> [Int] {
            let element = compiled.element
            var keys = Set(compiled.literals.map(Int.init))
            if element.classMask != 0 {
                for wordID in 0..<count where masks[wordID] & element.classMask != 0 { keys.insert(wordID) }
            }
            if element.acceptsNumber || element.acceptsMany || element.acceptsOrdinal { keys.insert(numberKey) }
            return Array(keys)
        }
        var firstOnly = [[Int32]](repeating: [], count: count + 1)
        var pairLists: [UInt64: [Int32]] = [:]
        var durationFirst: [Int32] = []
        for (index, (first, second)) in compiledFirsts.enumerated() {
            let patternIndex = Int32(index)
            if first.element.kind == .duration {
                durationFirst.append(patternIndex)
                continue
            }
            let firstKeys = keys(first)
            guard let second, second.element.kind == .word, !second.element.isOptional,
                first.element.kind == .word
            else {
                for key in firstKeys { firstOnly[key].append(patternIndex) }
                continue
            }
            let secondKeys = keys(second)
            for key in firstKeys {
                for next in secondKeys { pairLists[Self.pairKey(key, next), default: []].append(patternIndex) }
            }
        }
        // Flattened into one pool of pattern indices, so that lookups copy no arrays.
        var pool = durationFirst
        var firstOnlyStarts: [Int32] = []
        for list in firstOnly {
            firstOnlyStarts.append(Int32(pool.count))
            pool += list
        }
        firstOnlyStarts.append(Int32(pool.count))
        var pairs: [UInt64: UInt64] = [:]
        for (key, list) in pairLists {
            pairs[key] = UInt64(pool.count) << 32 | UInt64(pool.count + list.count)
            pool += list
        }
        candidatePool = pool
        durationFirstEnd = Int32(durationFirst.count)
        self.firstOnlyStarts = firstOnlyStarts
        self.pairs = pairs
        self.numberKey = numberKey
    }

    @inline(__always)
    static func pairKey(_ first: Int, _ second: Int) -> UInt64 {
        UInt64(first) << 32 | UInt64(second)
    }
}
