/// Combines VADER sentiment with complaint detection.
///
/// A text is a complaint when the detector finds one, or when it is negative (compound <= -0.05) and speaks to or
/// about a company's service (a handle, "you", or words such as "staff", "order", "flight"); such a complaint
/// without a specific cue has reason `.other`. Negative wording the detector has explained away does not count:
/// "is my flight cancelled?" and "my flight wasn't delayed" score negative in VADER but complain about nothing.
public struct TextAssessor: Sendable {
    /// Compound score at or below which text counts as negative (VADER's usual threshold).
    public static let negativeThreshold = -0.05

    /// The VADER analyzer that scores the text.
    public let analyzer: SentimentAnalyzer
    /// The detector of complaints without sentiment words.
    public let detector: ComplaintDetector

    /// Creates an assessor.
    ///
    /// - Parameters:
    ///   - analyzer: the sentiment analyzer; the bundled lexicons by default.
    ///   - detector: the complaint detector.
    public init(analyzer: SentimentAnalyzer = .shared, detector: ComplaintDetector = .init()) {
        self.analyzer = analyzer
        self.detector = detector
    }

    /// Scores the text and decides whether it is a complaint, and about what.
    public func assess(_ text: String) -> TextAssessment {
        let scores = analyzer.scores(text)
        let inspection = detector.inspect(text)
        if let finding = inspection.finding {
            return TextAssessment(scores: scores, complaint: true, reason: finding.reason)
        }
        if scores.compound <= Self.negativeThreshold && inspection.addressesService && !inspection.cleared {
            return TextAssessment(scores: scores, complaint: true, reason: .other)
        }
        return TextAssessment(scores: scores, complaint: false, reason: nil)
    }
}
