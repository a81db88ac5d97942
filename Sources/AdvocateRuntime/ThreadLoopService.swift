import Foundation
import Logging
import ServiceLifecycle

/// Runs a blocking loop (libzmq sockets, SQLite transactions) on a dedicated thread as a `Service`.
///
/// libzmq calls block and sockets belong to one thread, so they must never run on Swift's cooperative
/// pool; the loop gets a `Thread` of its own. Graceful shutdown (SIGTERM, SIGINT) and task cancellation
/// set the `StopSignal`, which the loop checks at least every poll interval, then finishes what is in
/// flight and returns; the service returns when the thread does.
public struct ThreadLoopService: Service, CustomStringConvertible {
    public let name: String
    private let body: @Sendable (StopSignal) throws -> Void

    /// - Parameters:
    ///   - name: the thread's name, for logs and debuggers.
    ///   - body: the loop; it must return soon after the signal is stopped.
    public init(name: String, body: @escaping @Sendable (StopSignal) throws -> Void) {
        self.name = name
        self.body = body
    }

    public var description: String { name }

    public func run() async throws {
        let stop = StopSignal()
        let body = self.body
        let name = self.name
        try await withGracefulShutdownHandler {
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                    let thread = Thread {
                        do {
                            try body(stop)
                            continuation.resume()
                        } catch {
                            continuation.resume(throwing: error)
                        }
                    }
                    thread.name = name
                    thread.stackSize = 4 << 20
                    thread.start()
                }
            } onCancel: {
                stop.stop()
            }
        } onGracefulShutdown: {
            stop.stop()
        }
    }
}
