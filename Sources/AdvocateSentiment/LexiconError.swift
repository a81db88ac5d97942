/// A lexicon that could not be read, with the line at fault.
public struct LexiconError: Error, Hashable, CustomStringConvertible {
    /// Which lexicon the error is in.
    public enum Source: String, Sendable, Hashable {
        case valence = "sentiment lexicon"
        case emoji = "emoji lexicon"
    }

    /// What is wrong with the line.
    public enum Problem: Sendable, Hashable {
        /// The line has no tab between the token and its value.
        case missingField
        /// The valence is not a finite decimal number.
        case invalidValence(String)
        /// The lexicon is larger than the limit.
        case tooLarge(bytes: Int, limit: Int)
    }

    /// The lexicon the error is in.
    public var source: Source
    /// 1-based line number (0 when the error is about the whole text).
    public var line: Int
    /// What is wrong.
    public var problem: Problem
    /// The offending line, shortened to 80 characters.
    public var content: String

    /// Creates an error for one line of a lexicon.
    public init(source: Source, line: Int, problem: Problem, content: String) {
        self.source = source
        self.line = line
        self.problem = problem
        self.content = String(content.prefix(80))
    }

    /// The error as a sentence naming the lexicon, the line number and the line.
    public var description: String {
        let what: String
        switch problem {
        case .missingField:
            what = "expected a token, a tab and a value"
        case .invalidValence(let value):
            what = "valence \"\(value)\" is not a finite number"
        case .tooLarge(let bytes, let limit):
            return "\(source.rawValue) is \(bytes) bytes, more than the limit of \(limit)"
        }
        return "\(source.rawValue) line \(line): \(what): \"\(content)\""
    }
}
