/// Turns rules written in the `ComplaintRule` notation into `CuePattern` elements.
///
/// Rule text is trusted, built-in data: a malformed rule is a programmer error and stops at startup.
struct CuePatternCompiler {
    /// An element as compiled, before `ComplaintRules` lays the literal ids out in its flat pool.
    struct Element {
        var element: CuePattern.Element
        var literals: [Int32] = []
    }

    private let classBits: [String: Int]
    private let classMembers: [String: [String]]
    private var words: [String] = []
    private var known: Set<String> = []

    /// Spellings customers use without the apostrophe ("cant", "ive", "whats"); those that are other words
    /// ("we're" / "were", "we'll" / "well") are left out.
    private static let ambiguousWithoutApostrophe: Set<String> = [
        "were", "well", "ill", "hell", "shell", "wed", "hed", "shed", "id", "lets",
    ]

    init(lexiconClasses: [String: String]) {
        precondition(lexiconClasses.count <= 64, "at most 64 word classes fit the class mask")
        var bits: [String: Int] = [:]
        var members: [String: [String]] = [:]
        for (bit, name) in lexiconClasses.keys.sorted().enumerated() {
            bits[name] = bit
            members[name] = lexiconClasses[name, default: ""].split(whereSeparator: \.isWhitespace).map(String.init)
        }
        classBits = bits
        classMembers = members
        for name in members.keys.sorted() {
            for word in members[name, default: []] { addWord(word) }
        }
    }

    /// The word and, if it has an apostrophe, its common spelling without one.
    static func spellings(of word: String) -> [String] {
        guard word.contains("'") else { return [word] }
        let bare = word.replacingApostrophes()
        return ambiguousWithoutApostrophe.contains(bare) ? [word] : [word, bare]
    }

    mutating func addWord(_ word: String) {
        for spelling in Self.spellings(of: word) where !known.contains(spelling) {
            known.insert(spelling)
            words.append(spelling)
        }
    }

    /// Adds the literal words of an expanded pattern.
    mutating func addWords(of sequence: [String]) {
        for element in sequence where !element.hasPrefix("..") && !["DUR", "DUR0", "$", "^"].contains(element) {
            for alternative in Self.alternatives(of: element)
            where !alternative.hasPrefix("@")
                && !alternative
                    .hasPrefix("#")
            {
                addWord(alternative)
            }
        }
    }

    func makeVocabulary() -> Vocabulary {
        Vocabulary(words: words.map { Array($0.utf8) })
    }

    func classBit(_ name: String) -> UInt64 {
        guard let bit = classBits[name] else { preconditionFailure("unknown word class @\(name)") }
        return 1 << UInt64(bit)
    }

    func classMasks(_ vocabulary: Vocabulary) -> [UInt64] {
        var masks = [UInt64](repeating: 0, count: vocabulary.count)
        for (name, members) in classMembers {
            let bit = classBit(name)
            for member in members {
                for spelling in Self.spellings(of: member) {
                    let id = vocabulary.id(of: Array(spelling.utf8))
                    if id != Vocabulary.unknown { masks[Int(id)] |= bit }
                }
            }
        }
        return masks
    }

    // MARK: Expansion of multi-word alternatives

    /// One sequence of element strings per combination of the pattern's multi-word alternatives.
    func expand(_ pattern: String) -> [[String]] {
        var results: [[String]] = [[]]
        for item in Self.split(pattern, on: " ") where !item.isEmpty {
            let choices = Self.choices(of: item, in: pattern)
            results = results.flatMap { prefix in choices.map { prefix + $0 } }
        }
        precondition(results.count <= 4_096, "rule \"\(pattern)\" expands to \(results.count) patterns")
        return results
    }

    /// The ways one item can be written: single words merge into one element; a multi-word alternative is a
    /// sequence of its own; an empty alternative makes the item optional.
    private static func choices(of item: String, in pattern: String) -> [[String]] {
        guard item.contains("{") else { return [[item]] }
        // "{a|b c}?" is "{a|b c|}".
        var optional = item.hasSuffix("}?")
        let body = optional ? String(item.dropLast()) : item
        var singles: [String] = []
        var sequences: [[String]] = []
        for part in split(body, on: "|") {
            guard part.hasPrefix("{") else {
                singles.append(part)
                continue
            }
            precondition(part.hasSuffix("}"), "rule \"\(pattern)\": unbalanced braces in \(item)")
            for alternative in groupAlternatives(part, in: pattern) {
                let words = alternative.split(separator: " ").map(String.init)
                switch words.count {
                case 0: optional = true
                case 1: singles.append(words[0])
                default: sequences.append(words)
                }
            }
        }
        var choices: [[String]] = []
        if !singles.isEmpty {
            let element = singles.joined(separator: "|")
            choices.append([optional && sequences.isEmpty ? element + "?" : element])
        }
        choices += sequences
        if optional && !(sequences.isEmpty && !singles.isEmpty) { choices.append([]) }
        return choices
    }

    /// The alternatives of "{...}", with nested groups flattened into it.
    private static func groupAlternatives(_ group: String, in pattern: String) -> [String] {
        let inner = String(group.dropFirst().dropLast())
        return split(inner, on: "|").flatMap { part -> [String] in
            if part.hasPrefix("{") && part.hasSuffix("}") { return groupAlternatives(part, in: pattern) }
            precondition(!part.contains("{"), "rule \"\(pattern)\": braces inside a word")
            return [part]
        }
    }

    /// Splits on `separator` outside braces.
    private static func split(_ text: String, on separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "{" { depth += 1 }
            if character == "}" { depth -= 1 }
            if character == separator && depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }

    private static func alternatives(of element: String) -> [String] {
        let body = element.hasSuffix("?") ? String(element.dropLast()) : element
        return body.split(separator: "|").map(String.init)
    }

    // MARK: Compilation

    /// The elements of one expanded sequence. A leading optional element yields two patterns (with and without
    /// it), so that every pattern starts with a required token.
    func compile(_ sequence: [String], vocabulary: Vocabulary, rule: String) -> [[Element]] {
        let elements = sequence.map { element(for: $0, vocabulary: vocabulary, rule: rule) }
        precondition(!elements.isEmpty, "rule \"\(rule)\" has an empty expansion")
        var results: [[Element]] = []
        var pending = [elements[...]]
        while let next = pending.popLast() {
            guard let first = next.first else { continue }
            let kind = first.element.kind
            precondition(kind != .gap && kind != .sentenceEnd, "rule \"\(rule)\" starts with \(kind)")
            if first.element.isOptional {
                var required = first
                required.element.isOptional = false
                results.append([required] + next.dropFirst())
                pending.append(next.dropFirst())
            } else {
                results.append(Array(next))
            }
        }
        return results
    }

    private func element(for text: String, vocabulary: Vocabulary, rule: String) -> Element {
        if text.hasPrefix("..") {
            guard let gap = Int32(text.dropFirst(2)), gap > 0 else { preconditionFailure("rule \"\(rule)\": bad gap") }
            return Element(element: CuePattern.Element(kind: .gap, maxGap: gap))
        }
        if text == "$" { return Element(element: CuePattern.Element(kind: .sentenceEnd)) }
        if text == "DUR" { return Element(element: CuePattern.Element(kind: .duration, minMinutes: 15)) }
        if text == "DUR0" { return Element(element: CuePattern.Element(kind: .duration, minMinutes: 0.5)) }
        var compiled = Element(element: CuePattern.Element(kind: .word))
        compiled.element.isOptional = text.hasSuffix("?")
        for alternative in Self.alternatives(of: text) {
            switch alternative {
            case "#num": compiled.element.acceptsNumber = true
            case "#many": compiled.element.acceptsMany = true
            case "#nth": compiled.element.acceptsOrdinal = true
            default:
                precondition(
                    !["$", "DUR", "DUR0"].contains(alternative), "rule \"\(rule)\": \(alternative) among alternatives")
                if alternative.hasPrefix("@") {
                    compiled.element.classMask |= classBit(String(alternative.dropFirst()))
                    continue
                }
                for spelling in Self.spellings(of: alternative) {
                    let id = vocabulary.id(of: Array(spelling.utf8))
                    precondition(id != Vocabulary.unknown, "rule \"\(rule)\": word \(spelling) not in vocabulary")
                    if !compiled.literals.contains(id) { compiled.literals.append(id) }
                }
            }
        }
        return compiled
    }
}

extension String {
    fileprivate func replacingApostrophes() -> String {
        String(unicodeScalars.filter { $0 != "'" })
    }
}
