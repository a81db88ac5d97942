/// Simulation options that make no sense, such as a negative event count.
public struct SimulationOptionsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The option's name, as in ``SimulationOptions`` (`events`, `customers`, `duplicateRate`, `start`).
    public var option: String
    /// The offending value, as text.
    public var value: String
    /// What is wrong with it.
    public var problem: String

    public init(option: String, value: String, problem: String) {
        self.option = option
        self.value = value
        self.problem = problem
    }

    /// For example `invalid simulation option customers = 0: must be at least 1`.
    public var description: String {
        "invalid simulation option \(option) = \(value): \(problem)"
    }
}
