/// Why a benchmark could not run: a missing or malformed input, an option out of range, or a measurement the
/// platform does not offer.
public enum BenchmarkError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadableFile(path: String, reason: String)
    /// The file is larger than the benchmark accepts.
    case fileTooLarge(path: String, limit: Int)
    /// The file is not valid UTF-8.
    case notUTF8(path: String)
    /// A line of the tweet corpus lacks its `id<TAB>rating<TAB>text` fields.
    case malformedLine(path: String, line: Int, fields: Int)
    /// The corpus holds no texts, or more than the benchmark accepts.
    case badTextCount(path: String, count: Int, limit: Int)
    /// An option is out of its range.
    case invalidOption(name: String, value: String, problem: String)
    /// Resident memory cannot be read here (it comes from `/proc/self/statm`).
    case memoryUnavailable(reason: String)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason):
            "cannot read \(path): \(reason)"
        case .fileTooLarge(let path, let limit):
            "\(path) is larger than the \(limit) bytes a benchmark input may have"
        case .notUTF8(let path):
            "\(path) is not valid UTF-8"
        case .malformedLine(let path, let line, let fields):
            "\(path):\(line): expected 3 tab-separated fields (id, rating, text), got \(fields)"
        case .badTextCount(let path, let count, let limit):
            "\(path) holds \(count) texts; a corpus needs 1 to \(limit)"
        case .invalidOption(let name, let value, let problem):
            "invalid option \(name) = \(value): \(problem)"
        case .memoryUnavailable(let reason):
            "cannot measure resident memory: \(reason)"
        }
    }
}
