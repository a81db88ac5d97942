/// The VADER scores of one text.
///
/// `compound` is the normalised sum of the word valences, in -1...1 (VADER's usual thresholds: >= 0.05 positive,
/// <= -0.05 negative). `positive`, `neutral` and `negative` are the proportions of the text's sentiment mass in each
/// class and add up to 1 (all three are 0 for a text without words). Values are not rounded; the reference
/// implementation rounds `compound` to 4 places and the proportions to 3 when it prints them.
public struct SentimentScores: Sendable, Hashable {
    /// Normalised overall valence, -1 (most negative) ... 1 (most positive).
    public var compound: Double
    /// Share of positive sentiment, 0...1.
    public var positive: Double
    /// Share of neutral words, 0...1.
    public var neutral: Double
    /// Share of negative sentiment, 0...1.
    public var negative: Double

    /// Creates scores from their four parts.
    public init(compound: Double, positive: Double, neutral: Double, negative: Double) {
        self.compound = compound
        self.positive = positive
        self.neutral = neutral
        self.negative = negative
    }

    /// The scores of a text with no words: all zero.
    public static let empty = SentimentScores(compound: 0, positive: 0, neutral: 0, negative: 0)
}
