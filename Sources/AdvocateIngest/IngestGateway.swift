import Synchronization
import ZeroMQ

/// Hands requests from HTTP handlers (on Swift's concurrency pool) to the ingest loop's thread and
/// their replies back, without ever blocking the pool: the handler parks in a continuation, and a
/// one-byte message on an in-process socket wakes the loop from its poll.
public final class IngestGateway: Sendable {
    struct Pending: Sendable {
        var body: [UInt8]
        var continuation: CheckedContinuation<IngestReply, any Error>
    }

    static let wakeEndpoint = "inproc://advocate-ingest-wake"

    private let pending = Mutex<[Pending]>([])
    private let waker: Mutex<WakeSocket>
    private let limit: Int

    /// - Parameters:
    ///   - context: the context the loop's wake socket lives in.
    ///   - limit: requests waiting at most; beyond it submitters are told the pipeline is busy.
    public init(context: ZMQContext, limit: Int = 1_024) throws {
        let socket = try Socket(.push, context: context)
        try socket.setLinger(milliseconds: 0)
        try socket.setSendHighWaterMark(4)
        try socket.connect(Self.wakeEndpoint)
        self.waker = Mutex(WakeSocket(socket: socket))
        self.limit = limit
    }

    /// Submits one request body and waits for its reply (after its events are durable).
    public func submit(_ body: [UInt8]) async throws -> IngestReply {
        try await withCheckedThrowingContinuation { continuation in
            let accepted = pending.withLock { queue -> Bool in
                guard queue.count < limit else { return false }
                queue.append(Pending(body: body, continuation: continuation))
                return true
            }
            guard accepted else {
                continuation.resume(returning: .busy(retryAfterMilliseconds: 100))
                return
            }
            waker.withLock { $0.wake() }
        }
    }

    /// Takes every waiting request (called by the loop).
    func drain() -> [Pending] {
        pending.withLock { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
    }

    /// Fails every waiting request (on shutdown).
    func failAll(_ error: any Error) {
        for item in drain() { item.continuation.resume(throwing: error) }
    }

    /// Closes the wake socket; called once the loop has stopped.
    public func close() {
        waker.withLock { $0.socket.close() }
    }
}

/// The sending end of the wake-up socket; only ever used under the gateway's mutex, which gives libzmq
/// the full memory barrier it requires when a socket is used from more than one thread.
struct WakeSocket: @unchecked Sendable {
    let socket: Socket

    func wake() {
        // A full queue means the loop has wake-ups pending already; dropping this one loses nothing.
        _ = try? socket.send([1], dontWait: true)
    }
}
