/// Flags on a customer profile, in the order profiles list them.
public enum CustomerFlag: String, Sendable, Hashable, CaseIterable {
    /// The latest NPS answer was 0-6, or a recent public complaint has no reply yet.
    case detractor
    /// Effort or sentiment past its threshold, or loyalty falling (a repeat buyer overdue).
    case atRisk = "at_risk"
    /// The latest NPS answer was 9-10.
    case promoter
    /// The latest onboarding step is stuck or abandoned.
    case onboardingStuck = "onboarding_stuck"
}
