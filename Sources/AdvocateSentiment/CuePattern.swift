/// One compiled complaint rule: a run of token elements and what a match means.
///
/// Rules are written in a small notation (see `ComplaintRule`) and compiled once into vocabulary ids and
/// word-class masks. Patterns and elements are plain values stored in flat arrays of `ComplaintRules`, so matching
/// compares integers and touches no reference counts.
struct CuePattern: Sendable {
    /// What a match of the pattern does.
    enum Role: Sendable {
        /// Evidence of a complaint.
        case cue
        /// Praise or a harmless phrase ("no problems", "can't wait"): cues it overlaps do not count.
        case suppressor
        /// The problem was solved ("sorted now", "thanks for the quick refund"): earlier cues do not count.
        case resolution
        /// "worth the wait": waiting cues anywhere in the text do not count.
        case waitPraise
    }

    /// How a generic cue takes its reason from the topic of the text.
    enum Refinement: Sendable {
        /// The cue's reason is specific: keep it.
        case none
        /// A wait or a chase ("still waiting", "any update"): the awaited thing names the reason, and goods or
        /// transport awaited mean a delay.
        case awaited
        /// A problem without its subject ("problem with", "not fixed"): the subject names the reason.
        case subject
    }

    struct Element: Sendable {
        enum Kind: Sendable {
            case word
            /// Skips 0...maxGap tokens.
            case gap
            /// A duration ("40 minutes", "an hour", "ages") of at least `minMinutes`.
            case duration
            /// The end of the sentence: no token follows in it.
            case sentenceEnd
        }

        var kind: Kind
        var isOptional = false
        /// Accepts any number written in digits.
        var acceptsNumber = false
        /// Accepts a number of at least 2 written in digits.
        var acceptsMany = false
        /// Accepts a digit ordinal of at least 2 ("3rd").
        var acceptsOrdinal = false
        var maxGap: Int32 = 0
        var minMinutes = 0.0
        var classMask: UInt64 = 0
        /// Accepted word ids: `ComplaintRules.literals[literalStart..<literalEnd]`.
        var literalStart: Int32 = 0
        var literalEnd: Int32 = 0
    }

    /// The pattern's elements: `ComplaintRules.elements[elementStart..<elementEnd]`.
    var elementStart: Int32
    var elementEnd: Int32
    var role: Role
    var reason: ComplaintReason
    var refinement: Refinement
    /// The match must start a clause ("why is my order not here", not "I know why it's not here").
    var startsClause: Bool
    /// A cue that states an event ("delayed", "lost my bag") and so does not count when negated ("wasn't
    /// delayed"), conditional ("if my flight is cancelled"), hypothetical or asked about ("is it delayed?").
    var isNegatable: Bool
}
