/// A complaint rule as written: a pattern in the rule notation and what a match means.
///
/// Notation, one element per space-separated item:
/// - `word` a literal word; `a|b|@class` one token from the alternatives; `#num` any number in digits, `#many` a
///   number of at least 2 in digits, `#nth` a digit ordinal of at least 2 ("3rd").
/// - a trailing `?` makes the element optional; `..N` skips up to N tokens; `$` matches the end of the sentence;
///   a leading `^` requires the match to start a clause (after a sentence end, comma, colon or bracket).
/// - `DUR` a duration of at least 15 minutes ("40 mins", "over an hour", "ages"); `DUR0` any duration.
/// - `{one two|three|}` alternatives of several words (an empty one, or `?` after the braces, makes the group
///   optional); the rule is expanded into one pattern per combination.
struct ComplaintRule: Sendable {
    var pattern: String
    var role: CuePattern.Role
    var reason: ComplaintReason
    var refinement: CuePattern.Refinement
    var isNegatable: Bool

    /// Rules stating an event that negation, conditions and questions cancel ("delayed", "lost my bag").
    static func event(_ reason: ComplaintReason, _ patterns: [String]) -> [ComplaintRule] {
        patterns.map {
            ComplaintRule(pattern: $0, role: .cue, reason: reason, refinement: .none, isNegatable: true)
        }
    }

    /// Rules stating a problem that already contains its negation ("still no refund", "never arrived").
    static func state(_ reason: ComplaintReason, _ patterns: [String]) -> [ComplaintRule] {
        patterns.map {
            ComplaintRule(pattern: $0, role: .cue, reason: reason, refinement: .none, isNegatable: false)
        }
    }

    /// Generic cues whose reason comes from the topic of the text, `reason` when there is none.
    static func generic(
        _ reason: ComplaintReason, _ refinement: CuePattern.Refinement, negatable: Bool = false, _ patterns: [String]
    ) -> [ComplaintRule] {
        patterns.map {
            ComplaintRule(pattern: $0, role: .cue, reason: reason, refinement: refinement, isNegatable: negatable)
        }
    }

    /// Guard rules: suppressors, resolutions and praise of a wait.
    static func guarding(_ role: CuePattern.Role, negatable: Bool = false, _ patterns: [String]) -> [ComplaintRule] {
        patterns.map {
            ComplaintRule(pattern: $0, role: role, reason: .other, refinement: .none, isNegatable: negatable)
        }
    }
}
