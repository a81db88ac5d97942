/// A reward setting that cannot be used.
public struct RewardConfigurationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
