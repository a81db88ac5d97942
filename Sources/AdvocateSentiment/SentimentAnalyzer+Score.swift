// The contrastive "but" and the final scores: compound normalisation and the three proportions.

extension SentimentAnalyzer {
    /// Halves the valences before the first "but" and raises those after it by half.
    ///
    /// The reference finds each valence's position with `list.index(value)`, which returns the first equal value,
    /// so when two words share a valence the earlier one is scaled again and the later one not at all. That
    /// quirk changes compound scores noticeably, so it is reproduced here.
    func applyBut(to tokens: UnsafeMutableBufferPointer<Token>) {
        guard let but = tokens.firstIndex(where: { $0.id == rules.but }) else { return }
        for index in tokens.indices {
            let value = tokens[index].valence
            var first = 0
            while tokens[first].valence != value { first += 1 }
            if first < but {
                tokens[first].valence = value * VaderRules.beforeButFactor
            } else if first > but {
                tokens[first].valence = value * VaderRules.afterButFactor
            }
        }
    }

    /// The scores of tokens whose valences are final.
    func score(_ tokens: UnsafeMutableBufferPointer<Token>, exclamations: Int, questions: Int) -> SentimentScores {
        let emphasis = Self.punctuationEmphasis(exclamations: exclamations, questions: questions)
        var sum = 0.0
        var positive = 0.0
        var negative = 0.0
        var neutral = 0
        for token in tokens {
            let valence = token.valence
            sum += valence
            // The +1 / -1 count each sentiment word also as one neutral unit of the text.
            if valence > 0 {
                positive += valence + 1
            } else if valence < 0 {
                negative += valence - 1
            } else {
                neutral += 1
            }
        }
        if sum > 0 {
            sum += emphasis
        } else if sum < 0 {
            sum -= emphasis
        }
        if positive > abs(negative) {
            positive += emphasis
        } else if positive < abs(negative) {
            negative -= emphasis
        }
        let total = positive + abs(negative) + Double(neutral)
        return SentimentScores(
            compound: Self.normalise(sum),
            positive: abs(positive / total),
            neutral: abs(Double(neutral) / total),
            negative: abs(negative / total)
        )
    }

    /// Emphasis from "!" (0.292 each, at most 4) and "?" (0.18 each for two or three, 0.96 for more).
    static func punctuationEmphasis(exclamations: Int, questions: Int) -> Double {
        let exclamation = Double(min(exclamations, VaderRules.maxExclamations)) * VaderRules.exclamationIncrement
        var question = 0.0
        if questions > 1 {
            question = questions <= 3 ? Double(questions) * VaderRules.questionIncrement : VaderRules.questionCap
        }
        return exclamation + question
    }

    /// Maps a valence sum into -1...1 with x / sqrt(x^2 + alpha).
    static func normalise(_ sum: Double) -> Double {
        let normalised = sum / (sum * sum + VaderRules.normalisationAlpha).squareRoot()
        return min(max(normalised, -1), 1)
    }
}
