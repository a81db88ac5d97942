/// The simulation's clock rates, derived from the options so that a stream of any length spans a
/// plausible period (four weeks to a year) and nearly all customers arrive in its first half or so.
struct SimulationTiming: Sendable {
    /// Mean seconds between two arrivals.
    var arrivalGap: Double
    /// Mean seconds between two actions of an active customer of average activity.
    var actionGap: Double
    /// Mean seconds between two disruptions.
    var disruptionGap: Double
    /// The chance that a fresh event is held for re-emission.
    var duplicateProbability: Double

    /// Events a customer makes while arriving: signup, onboarding steps, a share of referrals.
    static let arrivalEvents = 3.6
    /// Events per action, counting the follow-ups (further contacts, resolutions, replies, refunds).
    static let eventsPerAction = 1.3

    init(options: SimulationOptions) {
        let events = Double(Swift.max(options.events, 1))
        let customers = Double(options.customers)
        let perCustomer = events / customers
        let spanDays = Swift.min(365, Swift.max(28, 4 * perCustomer))
        arrivalGap = 0.6 * spanDays * 86_400 / customers
        // Customers arrive over the first 60% of the span, so on average they are active for 70% of it.
        let actionsPerCustomer =
            Swift.max(1, perCustomer - SimulationTiming.arrivalEvents)
            / SimulationTiming.eventsPerAction
        actionGap = 0.7 * spanDays * 86_400 / actionsPerCustomer
        disruptionGap = spanDays * 86_400 / Swift.max(2, events / 900)
        duplicateProbability = options.duplicateRate / (1 - options.duplicateRate)
    }
}
