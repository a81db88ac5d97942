/// Matches the complaint rules against one tokenised text and picks the complaint it makes.
///
/// Works on unsafe views of the rule tables and tokens, created for the duration of one `finding` call, so the
/// hot loops neither copy arrays nor touch reference counts.
struct CueMatcher {
    /// A cue that survived the guards.
    struct Cue {
        var range: Range<Int>
        var reason: ComplaintReason
    }

    private struct Match {
        var pattern: Int
        var range: Range<Int>
    }

    private let rules: ComplaintRules
    private let isQuestion: [Bool]
    private let tokens: UnsafeBufferPointer<CueToken>
    private let elements: UnsafeBufferPointer<CuePattern.Element>
    private let literals: UnsafeBufferPointer<Int32>
    private let masks: UnsafeBufferPointer<UInt64>
    private let patterns: UnsafeBufferPointer<CuePattern>
    /// Per token and duration threshold (15 minutes, any): end of the duration starting there, -1 for none,
    /// -2 before it is computed.
    private var durationEnds: [Int32]

    /// The most specific surviving cue in `text` (the longest, then the earliest, among equals), and whether the
    /// text showed signs of not complaining: praise, a resolution, or a cue that a guard cancelled.
    static func finding(rules: ComplaintRules, text: CueText) -> (cue: Cue?, cleared: Bool) {
        text.tokens.withUnsafeBufferPointer { tokens in
            rules.elements.withUnsafeBufferPointer { elements in
                rules.literals.withUnsafeBufferPointer { literals in
                    rules.classMasks.withUnsafeBufferPointer { masks in
                        rules.patterns.withUnsafeBufferPointer { patterns in
                            var matcher = CueMatcher(
                                rules: rules, isQuestion: text.isQuestion, tokens: tokens, elements: elements,
                                literals: literals, masks: masks, patterns: patterns,
                                durationEnds: [Int32](repeating: -2, count: tokens.count * 2))
                            return matcher.finding()
                        }
                    }
                }
            }
        }
    }

    private mutating func finding() -> (cue: Cue?, cleared: Bool) {
        var cues: [Match] = []
        var suppressors: [Range<Int>] = []
        var resolutions: [Int] = []
        var waitPraised = false
        rules.candidatePool.withUnsafeBufferPointer { pool in
            for start in tokens.indices {
                guard let key = key(start) else { continue }
                var ranges = (Int(rules.firstOnlyStarts[key])..<Int(rules.firstOnlyStarts[key + 1]), 0..<0, 0..<0)
                if start + 1 < tokens.count && tokens[start + 1].sentence == tokens[start].sentence,
                    let next = self.key(start + 1), let packed = rules.pairs[ComplaintRules.pairKey(key, next)]
                {
                    ranges.1 = Int(packed >> 32)..<Int(packed & 0xFFFF_FFFF)
                }
                if cachedDurationEnd(start, minMinutes: 0.5) != nil {
                    ranges.2 = 0..<Int(rules.durationFirstEnd)
                }
                for which in 0..<3 {
                    let range = which == 0 ? ranges.0 : which == 1 ? ranges.1 : ranges.2
                    for slot in range {
                        let index = Int(pool[slot])
                        let pattern = patterns[index]
                        let sentence = tokens[start].sentence
                        if pattern.startsClause && start > 0 && tokens[start - 1].clause == tokens[start].clause {
                            continue
                        }
                        guard let end = match(Int(pattern.elementStart), Int(pattern.elementEnd), start, sentence)
                        else { continue }
                        switch pattern.role {
                        case .cue:
                            cues.append(Match(pattern: index, range: start..<end))
                        case .suppressor:
                            suppressors.append(start..<end)
                        case .resolution:
                            if !isNegated(start) && !isUnresolved(start) { resolutions.append(start) }
                        case .waitPraise:
                            waitPraised = true
                        }
                    }
                }
            }
        }
        var cleared = !suppressors.isEmpty || !resolutions.isEmpty || waitPraised
        let live = cues.filter { cue in
            !suppressors.contains { $0.overlaps(cue.range) } && !isGuarded(cue)
                && !resolutions.contains { $0 >= cue.range.upperBound } && !isFollowedByPraise(cue.range)
        }
        if live.count < cues.count { cleared = true }
        var best: Cue?
        for cue in live where !live.contains(where: { $0.range.strictlyContains(cue.range) }) {
            let reason = self.reason(of: patterns[cue.pattern])
            if waitPraised && (reason == .waitingTime || reason == .delay) {
                cleared = true
                continue
            }
            if let current = best {
                let rank = (reason.specificity, cue.range.count)
                let currentRank = (current.reason.specificity, current.range.count)
                if rank <= currentRank { continue }
            }
            best = Cue(range: cue.range, reason: reason)
        }
        return (best, cleared)
    }

    /// The index key of a token: its word id, `numberKey` for a number in digits, `nil` for an unknown word.
    @inline(__always)
    private func key(_ index: Int) -> Int? {
        let token = tokens[index]
        if token.number != nil { return rules.numberKey }
        return token.id >= 0 ? Int(token.id) : nil
    }

    // MARK: Matching

    /// End of a match of `elements[element..<end]` starting at token `position`, or `nil`.
    private mutating func match(_ element: Int, _ end: Int, _ position: Int, _ sentence: Int32) -> Int? {
        guard element < end else { return position }
        let current = elements[element]
        switch current.kind {
        case .word:
            if position < tokens.count && tokens[position].sentence == sentence && accepts(current, tokens[position]),
                let matchEnd = match(element + 1, end, position + 1, sentence)
            {
                return matchEnd
            }
            return current.isOptional ? match(element + 1, end, position, sentence) : nil
        case .gap:
            var skip = 0
            while skip <= Int(current.maxGap) && position + skip <= tokens.count {
                if skip > 0 && tokens[position + skip - 1].sentence != sentence { return nil }
                if let matchEnd = match(element + 1, end, position + skip, sentence) { return matchEnd }
                skip += 1
            }
            return nil
        case .duration:
            guard let durationEnd = cachedDurationEnd(position, minMinutes: current.minMinutes) else {
                return current.isOptional ? match(element + 1, end, position, sentence) : nil
            }
            return match(element + 1, end, durationEnd, sentence)
        case .sentenceEnd:
            guard position == tokens.count || tokens[position].sentence != sentence else { return nil }
            return match(element + 1, end, position, sentence)
        }
    }

    @inline(__always)
    private func accepts(_ element: CuePattern.Element, _ token: CueToken) -> Bool {
        if let number = token.number {
            // Counts of calls or emails, and ordinals of attempts, stay small; "6000 tweets" or "the 27th letter"
            // are not chasing.
            if token.isOrdinal { return element.acceptsOrdinal && number >= 2 && number <= 20 }
            return element.acceptsNumber || (element.acceptsMany && number >= 2 && number < 100)
        }
        guard token.id >= 0 else { return false }
        if masks[Int(token.id)] & element.classMask != 0 { return true }
        var index = Int(element.literalStart)
        while index < Int(element.literalEnd) {
            if literals[index] == token.id { return true }
            index += 1
        }
        return false
    }

    private mutating func cachedDurationEnd(_ position: Int, minMinutes: Double) -> Int? {
        guard position < tokens.count else { return nil }
        let slot = position * 2 + (minMinutes >= 15 ? 0 : 1)
        if durationEnds[slot] == -2 {
            durationEnds[slot] = Int32(durationEnd(from: position, minMinutes: minMinutes) ?? -1)
        }
        let end = Int(durationEnds[slot])
        return end >= 0 ? end : nil
    }

    /// End of a duration starting at `position` ("40 mins", "over half an hour", "a couple of days", "ages")
    /// lasting at least `minMinutes`, or `nil`.
    private func durationEnd(from position: Int, minMinutes: Double) -> Int? {
        let sentence = tokens[position].sentence
        var value: Double?
        var articleOnly = false
        var half = false
        var index = position
        while index < tokens.count && index < position + 8 && tokens[index].sentence == sentence {
            let token = tokens[index]
            index += 1
            if let number = token.number {
                if token.isOrdinal { return nil }
                if value == nil || articleOnly { value = number }
                articleOnly = false
                continue
            }
            let id = Int(token.id)
            guard id >= 0 else { return nil }
            let unit = rules.unitMinutes[id]
            if unit > 0 {
                var count = value ?? rules.unitDefaultCounts[id]
                if half { count = value == nil || articleOnly ? 0.5 : count + 0.5 }
                let minutes = unit >= 1_000_000 ? unit : count * unit
                return minutes >= minMinutes ? index : nil
            }
            if token.id == rules.words.halfWord {
                half = true
                continue
            }
            let number = rules.numberValues[id]
            if !number.isNaN {
                if rules.words.articles.contains(token.id) {
                    if value == nil {
                        value = 1
                        articleOnly = true
                    }
                } else if let current = value, !articleOnly, current >= 20, number < 10 {
                    value = current + number
                } else if value == nil || articleOnly {
                    value = number
                    articleOnly = false
                }
                continue
            }
            if rules.isDurationFiller[id] {
                // "all morning", "a whole day": one of the unit.
                if token.id == rules.words.allWord || token.id == rules.words.wholeWord {
                    value = value ?? 1
                }
                continue
            }
            return nil
        }
        return nil
    }

    // MARK: Guards

    /// A negation word, or the digit 0 ("0 issues").
    @inline(__always)
    private func negates(_ index: Int) -> Bool {
        tokens[index].number == 0 || has(index, rules.words.negation)
    }

    @inline(__always)
    private func has(_ index: Int, _ mask: UInt64) -> Bool {
        let id = tokens[index].id
        return id >= 0 && masks[Int(id)] & mask != 0
    }

    /// An event cue that is negated, conditional, hypothetical, feared or only asked about.
    private func isGuarded(_ cue: Match) -> Bool {
        guard patterns[cue.pattern].isNegatable else { return false }
        let start = cue.range.lowerBound
        return isNegated(start) || isConditional(start) || isHypothetical(start) || isInquiry(start)
    }

    /// A negation up to three words before in the same clause, with at most one content word between ("wasn't
    /// delayed", "never been cancelled", "no major delays"; not "can't believe it's delayed", "no seats, standing").
    private func isNegated(_ start: Int) -> Bool {
        let clause = tokens[start].clause
        var index = start - 1
        while index >= 0 && index >= start - 3 && tokens[index].clause == clause {
            if negates(index) {
                let between = (index + 1)..<start
                let opaque = between.filter { !has($0, rules.words.transparent | rules.words.negation) }.count
                if opaque <= 1 { return true }
            }
            index -= 1
        }
        return false
    }

    private func sentenceStart(_ index: Int) -> Int {
        var start = index
        while start > 0 && tokens[start - 1].sentence == tokens[index].sentence { start -= 1 }
        return start
    }

    /// "if", "unless", "whether", "in case", or a sentence opening with "should" before the cue.
    private func isConditional(_ start: Int) -> Bool {
        let first = sentenceStart(start)
        if tokens[first].id == rules.words.shouldWord { return true }
        for index in first..<start {
            if has(index, rules.words.condition) { return true }
            if tokens[index].id == rules.words.caseWord && index > first && tokens[index - 1].id == rules.words.inWord {
                return true
            }
        }
        return false
    }

    /// A modal just before ("might be delayed") or a worry earlier in the sentence ("worried my bag is lost").
    private func isHypothetical(_ start: Int) -> Bool {
        let first = sentenceStart(start)
        for index in first..<start {
            if has(index, rules.words.worry) { return true }
            if index >= start - 3 && has(index, rules.words.modal) { return true }
        }
        return false
    }

    /// A question opening with an auxiliary ("is my flight cancelled?"), unless it also complains ("again",
    /// "still", "why").
    private func isInquiry(_ start: Int) -> Bool {
        let sentence = Int(tokens[start].sentence)
        guard isQuestion[sentence] else { return false }
        let first = sentenceStart(start)
        guard has(first, rules.words.auxiliary) else { return false }
        var index = first
        while index < tokens.count && Int(tokens[index].sentence) == sentence {
            if has(index, rules.words.persistence) || tokens[index].id == rules.words.whyWord { return false }
            index += 1
        }
        return true
    }

    /// A resolution preceded by words that make it pending or wished for ("to be fixed", "please sort").
    private func isUnresolved(_ start: Int) -> Bool {
        let sentence = tokens[start].sentence
        for index in max(0, start - 2)..<start where tokens[index].sentence == sentence {
            if has(index, rules.words.unresolved) { return true }
        }
        return false
    }

    /// "but" followed by praise after the cue: "delayed 2 hours but the crew were brilliant".
    private func isFollowedByPraise(_ range: Range<Int>) -> Bool {
        var index = range.upperBound
        while index < tokens.count {
            if has(index, rules.words.contrast) {
                for candidate in (index + 1)..<min(tokens.count, index + 7) where has(candidate, rules.words.praise) {
                    let negated = (max(index + 1, candidate - 2)..<candidate).contains {
                        has($0, rules.words.negation)
                    }
                    if !negated { return true }
                }
            }
            index += 1
        }
        return false
    }

    // MARK: Reasons

    /// The cue's reason, or for a generic cue the most specific topic of the text when that is more specific.
    private func reason(of pattern: CuePattern) -> ComplaintReason {
        let topics: [Int8]
        switch pattern.refinement {
        case .none: return pattern.reason
        case .awaited: topics = rules.awaitedTopics
        case .subject: topics = rules.subjectTopics
        }
        var reason = pattern.reason
        for token in tokens where token.id >= 0 {
            let topic = topics[Int(token.id)]
            guard topic >= 0 else { continue }
            let candidate = ComplaintReason.allCases[Int(topic)]
            if candidate.specificity > reason.specificity { reason = candidate }
        }
        return reason
    }
}

extension Range where Bound == Int {
    /// Contains `other` and is longer than it.
    fileprivate func strictlyContains(_ other: Range<Int>) -> Bool {
        lowerBound <= other.lowerBound && other.upperBound <= upperBound && count > other.count
    }
}
