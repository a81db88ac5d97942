import Foundation
import Synchronization

/// What the background load thread achieved, handed back to the measuring thread.
final class LoadOutcome: Sendable {
    private let state = Mutex<(done: Bool, result: Result<Double, any Error>?)>((false, nil))
    private let finished = DispatchSemaphore(value: 0)

    func run(_ body: () throws -> Double) {
        let result = Result { try body() }
        state.withLock { $0 = (true, result) }
        finished.signal()
    }

    func wait() throws -> Double {
        finished.wait()
        guard let result = state.withLock({ $0.result }) else {
            throw PipelineError.producer("the background load ended without a result")
        }
        return try result.get()
    }
}
