/// A complaint found in a text: why, and the words that showed it.
public struct ComplaintFinding: Sendable, Hashable {
    /// What the complaint is about.
    public var reason: ComplaintReason
    /// The phrase of the text that triggered the finding, as written (e.g. "on hold for 40 minutes").
    public var cue: String

    /// Creates a finding.
    public init(reason: ComplaintReason, cue: String) {
        self.reason = reason
        self.cue = cue
    }
}
