import AdvocateSentiment

/// Judges a customer's text: its sentiment and whether it is a customer-service complaint.
///
/// `AdvocateSentiment.TextAssessor` conforms (see `TextAssessor+TextJudging.swift`); tests and tools may supply
/// their own. The model needs the same text to be judged the same way every time, or the state would stop being
/// a function of the events.
public protocol TextJudging: Sendable {
    /// Assesses one text.
    func assess(_ text: String) -> TextAssessment
}
