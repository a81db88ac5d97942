/// A rules file that cannot be used, with every problem found and where it is.
public struct RulesError: Error, CustomStringConvertible, Sendable, Equatable {
    /// One problem at one line (1-based; 0 when the file could not be read at all).
    public struct Issue: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var message: String

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }

        public var description: String { "line \(line): \(message)" }
    }

    public var source: String
    public var issues: [Issue]

    public init(source: String, issues: [Issue]) {
        self.source = source
        self.issues = issues
    }

    public var description: String {
        "reward rules \(source) are not valid:\n" + issues.map { "  \(source):\($0)" }.joined(separator: "\n")
    }
}
