import Dispatch

/// Runs blocking work (SQLite reads, file I/O) off Swift's cooperative pool, on a dispatch queue
/// made for it, and resumes the caller when it is done.
public enum BlockingWork {
    private static let queue = DispatchQueue(label: "advocate.blocking", attributes: .concurrent)

    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body() })
            }
        }
    }
}
