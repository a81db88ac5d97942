import AdvocateCodec

/// What applying an event produces besides the new state; the score stage commits these with the state.
///
/// Outputs are a deterministic function of the state and the event, and carry deterministic ids, so a replay
/// derives the same ones and downstream stores can upsert or de-duplicate by id.
public enum ModelOutput: Sendable, Hashable {
    /// The full current record of an alert (upsert by id).
    case alert(AlertRecord)
    /// A proactive notice about a disruption (de-duplicate by id).
    case notice(NoticeRecord)
    /// Something for the reward stage to decide on (de-duplicate by id).
    case candidate(RewardCandidate)
    /// A customer's suggestion.
    case suggestion(SuggestionRecord)
    /// A complaint's topic (a `ComplaintReason` raw value), for ranking what customers want changed.
    case complaintTopic(reason: String, eventID: String, excerpt: String)
}
