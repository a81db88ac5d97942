import AdvocateCodec

/// The ladder stage alone, for callers that follow stage changes event by event.
extension AdvocacyModel {
    /// The customer's loyalty-ladder stage, without computing scores, flags or explanations.
    public func stage(of state: CustomerState) -> LadderStage {
        state.aggregates.stage(configuration)
    }

    /// `apply(_:to:)` that also says the customer's ladder stage before and after the event, decoding the state
    /// once (scoring records every move).
    public func applyFollowingStage(
        _ event: Event, to state: inout CustomerState
    ) -> (outputs: [ModelOutput], before: LadderStage, after: LadderStage) {
        if case .disruption = event.body {
            let stage = stage(of: state)
            return (apply(event, to: &state), stage, stage)
        }
        var aggregates = state.aggregates
        let before = aggregates.stage(configuration)
        let outputs = apply(event, to: &aggregates)
        let after = aggregates.stage(configuration)
        state = CustomerState(aggregates)
        return (outputs, before, after)
    }
}
