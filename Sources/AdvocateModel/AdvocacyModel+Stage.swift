/// The ladder stage alone, for callers that follow stage changes event by event.
extension AdvocacyModel {
    /// The customer's loyalty-ladder stage, without computing scores, flags or explanations.
    public func stage(of state: CustomerState) -> LadderStage {
        state.aggregates.stage(configuration)
    }
}
