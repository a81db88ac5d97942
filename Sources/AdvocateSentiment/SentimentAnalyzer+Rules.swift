// VADER's heuristics, applied to tokens in the reference's order. The order of the floating-point operations
// follows the reference too, so that the results agree to the last bit rather than merely to the 4th decimal.

extension SentimentAnalyzer {
    /// Gives every token its valence, then applies the contrastive "but".
    func applyRules(to tokens: UnsafeMutableBufferPointer<Token>) {
        var upperCaseWords = 0
        for token in tokens where token.isUpper { upperCaseWords += 1 }
        // Capitals only emphasise when the text mixes them with other words.
        let mixedCase = upperCaseWords > 0 && upperCaseWords < tokens.count
        let infos = tokenizer.infos
        for index in tokens.indices {
            let token = tokens[index]
            if token.booster != 0 || !token.inLexicon { continue }
            if token.id == rules.kind && index + 1 < tokens.count && tokens[index + 1].id == rules.of { continue }
            tokens[index].valence = valence(
                of: index, base: infos[Int(token.id)].valence, in: tokens, mixedCase: mixedCase)
        }
        applyBut(to: tokens)
    }

    /// The valence of the lexicon word at `index` after negation, capitals, boosters, idioms and "least".
    private func valence(
        of index: Int, base: Double, in tokens: UnsafeMutableBufferPointer<Token>, mixedCase: Bool
    ) -> Double {
        var valence = base
        // "no" directly before another lexicon word negates it rather than counting as negative itself.
        if tokens[index].id == rules.no && index + 1 < tokens.count && tokens[index + 1].inLexicon {
            valence = 0
        }
        if (index > 0 && tokens[index - 1].id == rules.no) || (index > 1 && tokens[index - 2].id == rules.no)
            || (index > 2 && tokens[index - 3].id == rules.no
                && (tokens[index - 1].id == rules.or || tokens[index - 1].id == rules.nor))
        {
            valence = base * VaderRules.negationScalar
        }
        if tokens[index].isUpper && mixedCase {
            valence = valence > 0 ? valence + VaderRules.capsIncrement : valence - VaderRules.capsIncrement
        }
        for distance in 0..<3 where index > distance {
            let modifier = tokens[index - distance - 1]
            if modifier.inLexicon { continue }
            var scalar = boosterScalar(modifier, valence: valence, mixedCase: mixedCase)
            if distance > 0 && scalar != 0 {
                scalar = scalar * VaderRules.boosterDistanceFactors[distance]
            }
            valence = valence + scalar
            valence = negated(valence, at: index, distance: distance, in: tokens)
            if distance == 2 {
                valence = idiomValence(valence, at: index, in: tokens)
            }
        }
        return leastNegated(valence, at: index, in: tokens)
    }

    /// The increment a booster or dampener adds to a word of `valence`: it pushes away from zero in the word's
    /// direction, further when the booster is in capitals among mixed case.
    @inline(__always)
    private func boosterScalar(_ modifier: Token, valence: Double, mixedCase: Bool) -> Double {
        guard modifier.booster != 0 else { return 0 }
        var scalar = valence < 0 ? -modifier.booster : modifier.booster
        if modifier.isUpper && mixedCase {
            scalar = valence > 0 ? scalar + VaderRules.capsIncrement : scalar - VaderRules.capsIncrement
        }
        return scalar
    }

    /// Negation by the word `distance + 1` before the sentiment word, with "never so/this" as emphasis and
    /// "without doubt" as no negation.
    private func negated(
        _ valence: Double, at index: Int, distance: Int, in tokens: UnsafeMutableBufferPointer<Token>
    ) -> Double {
        let previous = tokens[index - 1].id
        switch distance {
        case 0:
            return tokens[index - 1].negates ? valence * VaderRules.negationScalar : valence
        case 1:
            let twoBack = tokens[index - 2].id
            if twoBack == rules.never && (previous == rules.so || previous == rules.this) {
                return valence * VaderRules.neverSoScalar
            }
            if twoBack == rules.without && previous == rules.doubt { return valence }
            return tokens[index - 2].negates ? valence * VaderRules.negationScalar : valence
        default:
            let twoBack = tokens[index - 2].id
            let threeBack = tokens[index - 3].id
            // As in the reference, "so" or "this" right before the word emphasises even without "never".
            if (threeBack == rules.never && (twoBack == rules.so || twoBack == rules.this))
                || (previous == rules.so || previous == rules.this)
            {
                return valence * VaderRules.neverSoScalar
            }
            if threeBack == rules.without && (twoBack == rules.doubt || previous == rules.doubt) { return valence }
            return tokens[index - 3].negates ? valence * VaderRules.negationScalar : valence
        }
    }

    /// Special phrases around the word ("the shit", "yeah right", "kiss of death") and multi-word dampeners
    /// ("kind of") before it. Only reached with three words before `index`, as in the reference.
    private func idiomValence(
        _ valence: Double, at index: Int, in tokens: UnsafeMutableBufferPointer<Token>
    ) -> Double {
        var valence = valence
        let word = tokens[index].id
        let back1 = tokens[index - 1].id
        let back2 = tokens[index - 2].id
        let back3 = tokens[index - 3].id
        // The first of these sequences, in the reference's order, that is a special phrase sets the valence.
        if let special = specialValence(back1, word) ?? specialValence(back2, back1, word)
            ?? specialValence(back2, back1) ?? specialValence(back3, back2, back1) ?? specialValence(back3, back2)
        {
            valence = special
        }
        if index + 1 < tokens.count, let special = specialValence(word, tokens[index + 1].id) {
            valence = special
        }
        if index + 2 < tokens.count, let special = specialValence(word, tokens[index + 1].id, tokens[index + 2].id) {
            valence = special
        }
        for phrase in rules.dampenerPhrases {
            if phrase.matches(back3, back2, back1) { valence = valence + phrase.valence }
            if phrase.matches(back3, back2) { valence = valence + phrase.valence }
            if phrase.matches(back2, back1) { valence = valence + phrase.valence }
        }
        return valence
    }

    @inline(__always)
    private func specialValence(_ first: Int32, _ second: Int32) -> Double? {
        rules.specialPhrases.first { $0.matches(first, second) }?.valence
    }

    @inline(__always)
    private func specialValence(_ first: Int32, _ second: Int32, _ third: Int32) -> Double? {
        rules.specialPhrases.first { $0.matches(first, second, third) }?.valence
    }

    /// "least" before the word negates it, except in "at least" and "very least".
    private func leastNegated(
        _ valence: Double, at index: Int, in tokens: UnsafeMutableBufferPointer<Token>
    ) -> Double {
        guard index > 0, !tokens[index - 1].inLexicon, tokens[index - 1].id == rules.least else { return valence }
        if index > 1 {
            let before = tokens[index - 2].id
            return before != rules.at && before != rules.very ? valence * VaderRules.negationScalar : valence
        }
        return valence * VaderRules.negationScalar
    }
}
