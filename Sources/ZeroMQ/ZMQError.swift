import CZeroMQ

/// A failed libzmq call: which operation, the errno value, and libzmq's text for it.
public struct ZMQError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The libzmq function or wrapper operation that failed (e.g. `zmq_bind tcp://127.0.0.1:5570`).
    public var operation: String
    /// The errno value libzmq reported.
    public var code: Int32

    public init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    /// Captures `zmq_errno()` right after a failed call.
    static func last(_ operation: String) -> ZMQError {
        ZMQError(operation: operation, code: czmq_errno())
    }

    /// libzmq's description of `code`.
    public var message: String { String(cString: zmq_strerror(code)) }

    public var description: String { "\(operation) failed: \(message) (errno \(code))" }

    /// The call would have blocked (`EAGAIN`): no message yet, or the peer's queue is full.
    public var isWouldBlock: Bool { code == czmq_eagain() }
    /// The context was terminated while the call was waiting (`ETERM`).
    public var isTerminated: Bool { code == czmq_eterm() }
    /// A signal interrupted the call (`EINTR`); retrying is safe.
    public var isInterrupted: Bool { code == czmq_eintr() }
    /// A ROUTER socket with `routerMandatory` has no peer with that routing id (`EHOSTUNREACH`).
    public var isUnroutable: Bool { code == czmq_ehostunreach() }
}
