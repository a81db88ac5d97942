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
        var decoded = DecodedState(state)
        let applied = applyFollowingStage(event, to: &decoded)
        // A disruption only yields a notice; the state stays as it was, and its bytes with it.
        if case .disruption = event.body { return applied }
        state = decoded.state
        return applied
    }

    /// `applyFollowingStage(_:to:)` on a decoded state, which stays decoded for the next event.
    public func applyFollowingStage(
        _ event: Event, to state: inout DecodedState
    ) -> (outputs: [ModelOutput], before: LadderStage, after: LadderStage) {
        let before = state.aggregates.stage(configuration)
        if case .disruption = event.body {
            guard let customer = event.customer,
                let notice = notice(for: event, customer: customer, aggregates: state.aggregates)
            else { return ([], before, before) }
            return ([.notice(notice)], before, before)
        }
        let outputs = apply(event, to: &state.aggregates)
        return (outputs, before, state.aggregates.stage(configuration))
    }

    /// `notice(for:customer:state:)` on a decoded state.
    public func notice(for disruption: Event, customer: String, state: DecodedState) -> NoticeRecord? {
        notice(for: disruption, customer: customer, aggregates: state.aggregates)
    }
}
