/// Why a pipeline measurement could not be made.
public enum PipelineError: Error, CustomStringConvertible {
    /// An HTTP exchange with a stage failed.
    case http(String)
    /// A stage executable is missing, did not start, or died.
    case stage(String)
    /// Ingest refused or failed a request the benchmark expected it to take.
    case producer(String)
    /// Something did not happen within its deadline.
    case timeout(String)

    public var description: String {
        switch self {
        case .http(let message): "HTTP: \(message)"
        case .stage(let message): "stage: \(message)"
        case .producer(let message): "producer: \(message)"
        case .timeout(let message): "timed out: \(message)"
        }
    }
}
