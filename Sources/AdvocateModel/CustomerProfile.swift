import AdvocateCodec

/// What the model says about one customer at one time: ladder stage, flags, scores and why.
public struct CustomerProfile: Sendable, Hashable {
    /// The customer's id.
    public var customer: String
    /// The time the scores were computed for (decay is measured up to here).
    public var asOf: Timestamp
    /// The rung on the loyalty ladder.
    public var stage: LadderStage
    /// `CustomerFlag` raw values, in declaration order.
    public var flags: [String]
    /// Loyalty, advocacy, effort and sentiment, each 0-100 and rounded to 0.1.
    public var scores: ScoreCard
    /// Per score (loyalty, advocacy, effort, sentiment), the kept events that moved it most, largest first.
    public var explanation: [ScoreContribution]
    /// Alerts the state still holds open.
    public var openAlerts: Int

    /// Creates a profile; the model builds them with `AdvocacyModel.profile(of:customer:)`.
    public init(
        customer: String,
        asOf: Timestamp,
        stage: LadderStage,
        flags: [String],
        scores: ScoreCard,
        explanation: [ScoreContribution],
        openAlerts: Int
    ) {
        self.customer = customer
        self.asOf = asOf
        self.stage = stage
        self.flags = flags
        self.scores = scores
        self.explanation = explanation
        self.openAlerts = openAlerts
    }
}
