/// A customer's four scores, each 0-100 and rounded to 0.1 (formulas in SCORING.md).
public struct ScoreCard: Sendable, Hashable {
    /// Recency, frequency, monetary value and tenure of purchases, net of refunds.
    public var loyalty: Double
    /// Promoter answers, referrals sent and converted, good reviews, praise in public weighted by reach.
    public var advocacy: Double
    /// How hard it is to be served: CES answers, contacts per case, channel switches, repeat contacts, open
    /// cases, stuck onboarding. Higher means more effort (worse).
    public var effort: Double
    /// Decayed, weighted sentiment of mentions, reviews and survey comments; 50 is neutral.
    public var sentiment: Double

    /// Creates a score card from the four scores.
    public init(loyalty: Double, advocacy: Double, effort: Double, sentiment: Double) {
        self.loyalty = loyalty
        self.advocacy = advocacy
        self.effort = effort
        self.sentiment = sentiment
    }

    /// The score of the given kind.
    public subscript(kind: ScoreKind) -> Double {
        switch kind {
        case .loyalty: loyalty
        case .advocacy: advocacy
        case .effort: effort
        case .sentiment: sentiment
        }
    }
}
