/// Sentiment and complaint assessment of one text.
public struct TextAssessment: Sendable, Hashable {
    /// The VADER scores.
    public var scores: SentimentScores
    /// The text complains about a company's service.
    public var complaint: Bool
    /// What the complaint is about; `nil` when `complaint` is false.
    public var reason: ComplaintReason?

    /// Creates an assessment.
    public init(scores: SentimentScores, complaint: Bool, reason: ComplaintReason?) {
        self.scores = scores
        self.complaint = complaint
        self.reason = reason
    }
}
