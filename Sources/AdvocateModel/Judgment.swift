import AdvocateSentiment

/// What the model keeps of a text assessment: plain values, so the model does not depend on how the sentiment
/// module builds its types.
struct Judgment: Sendable, Hashable {
    /// VADER's compound score, -1...1.
    var compound: Double
    /// A customer-service complaint ("on hold for 40 minutes"), with or without sentiment words.
    var complaint: Bool
    /// The complaint's reason (a `ComplaintReason` raw value), when it is one.
    var reason: String?

    init(compound: Double, complaint: Bool, reason: String?) {
        self.compound = compound.isFinite ? Math.clamp(compound, -1, 1) : 0
        self.complaint = complaint
        self.reason = complaint ? (reason ?? "other") : nil
    }

    init(_ assessment: TextAssessment) {
        self.init(
            compound: assessment.scores.compound,
            complaint: assessment.complaint,
            reason: assessment.reason?.rawValue
        )
    }
}
