/// One event that moved one score, and by how much: a line of a profile's explanation.
public struct ScoreContribution: Sendable, Hashable {
    /// The score it moved.
    public var score: ScoreKind
    /// The event's id (for a referral conversion: the referee's converting purchase).
    public var eventID: String
    /// The event's type (`purchase`, `survey`, ...; `referral_conversion` for a conversion).
    public var type: String
    /// Score points this event accounts for, rounded to 0.1 (negative when it lowered the score).
    public var delta: Double
    /// A short human reason, e.g. "NPS 10 (promoter)".
    public var reason: String

    /// Creates a line of an explanation.
    public init(score: ScoreKind, eventID: String, type: String, delta: Double, reason: String) {
        self.score = score
        self.eventID = eventID
        self.type = type
        self.delta = delta
        self.reason = reason
    }
}
