/// A CURVE key file that is missing, unreadable or malformed.
public struct CurveKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file concerned.
    public var path: String
    /// What is wrong with it.
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "CURVE key file \(path): \(problem)" }
}
