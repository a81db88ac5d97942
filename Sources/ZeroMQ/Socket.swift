import CZeroMQ

/// A libzmq socket, owned by one thread.
///
/// libzmq sockets are not thread-safe and their calls block, so a `Socket` is deliberately not
/// `Sendable`: create it on the thread that uses it (a dedicated `Thread`, never a task on Swift's
/// cooperative pool) and close it there. Closing is deterministic: `close()` or, failing that, `deinit`.
public final class Socket {
    public let type: SocketType
    private var handle: UnsafeMutableRawPointer?
    /// One heap-allocated message reused for every receive; its bytes are copied out before it closes.
    private let message: UnsafeMutablePointer<zmq_msg_t>

    /// Creates a socket of `type` in `context`.
    /// - Throws: `ZMQError` when the context is terminated or out of sockets.
    public init(_ type: SocketType, context: ZMQContext) throws {
        guard let handle = zmq_socket(context.handle, type.rawValue) else {
            throw ZMQError.last("zmq_socket")
        }
        self.type = type
        self.handle = handle
        self.message = .allocate(capacity: 1)
    }

    deinit {
        close()
        message.deallocate()
    }

    /// Whether `close()` has run.
    public var isClosed: Bool { handle == nil }

    private func requireHandle(_ operation: String) throws -> UnsafeMutableRawPointer {
        guard let handle else { throw ZMQError(operation: operation, code: czmq_enotsock()) }
        return handle
    }

    /// Closes the socket; pending outgoing messages are kept for `linger` milliseconds at most.
    public func close() {
        if let handle {
            zmq_close(handle)
            self.handle = nil
        }
    }

    // MARK: Endpoints

    /// Binds to `endpoint`, e.g. `tcp://127.0.0.1:5570`, `tcp://127.0.0.1:*` or `inproc://name`.
    public func bind(_ endpoint: String) throws {
        let handle = try requireHandle("zmq_bind")
        if zmq_bind(handle, endpoint) != 0 { throw ZMQError.last("zmq_bind \(endpoint)") }
    }

    /// Connects to `endpoint`; libzmq reconnects by itself when the peer goes away.
    public func connect(_ endpoint: String) throws {
        let handle = try requireHandle("zmq_connect")
        if zmq_connect(handle, endpoint) != 0 { throw ZMQError.last("zmq_connect \(endpoint)") }
    }

    /// Stops connecting to `endpoint`.
    public func disconnect(_ endpoint: String) throws {
        let handle = try requireHandle("zmq_disconnect")
        if zmq_disconnect(handle, endpoint) != 0 { throw ZMQError.last("zmq_disconnect \(endpoint)") }
    }

    /// Stops listening on `endpoint`.
    public func unbind(_ endpoint: String) throws {
        let handle = try requireHandle("zmq_unbind")
        if zmq_unbind(handle, endpoint) != 0 { throw ZMQError.last("zmq_unbind \(endpoint)") }
    }

    /// The endpoint last bound, with the port the OS chose for `tcp://…:*`.
    public func lastEndpoint() throws -> String {
        let bytes = try bytesOption(ZMQ_LAST_ENDPOINT, name: "last_endpoint", capacity: 1024)
        return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    // MARK: Sending

    /// Sends one frame.
    /// - Parameters:
    ///   - bytes: the frame's content, copied by libzmq.
    ///   - more: whether further frames of the same message follow.
    ///   - dontWait: return `false` instead of blocking when the message cannot be queued now.
    /// - Returns: `true` when queued; `false` only with `dontWait` when it would block.
    @discardableResult
    public func send(_ bytes: [UInt8], more: Bool = false, dontWait: Bool = false) throws -> Bool {
        try bytes.withUnsafeBytes { try send(raw: $0, more: more, dontWait: dontWait) }
    }

    /// Sends one frame from raw memory; see `send(_:more:dontWait:)`.
    @discardableResult
    public func send(raw: UnsafeRawBufferPointer, more: Bool = false, dontWait: Bool = false) throws -> Bool {
        let handle = try requireHandle("zmq_send")
        var flags: Int32 = 0
        if more { flags |= ZMQ_SNDMORE }
        if dontWait { flags |= ZMQ_DONTWAIT }
        while true {
            if zmq_send(handle, raw.baseAddress, raw.count, flags) >= 0 { return true }
            let error = ZMQError.last("zmq_send")
            if error.isInterrupted { continue }
            if dontWait && error.isWouldBlock { return false }
            throw error
        }
    }

    /// Sends a multipart message atomically (all frames or, with `dontWait` and a full queue, none).
    @discardableResult
    public func send(parts: [[UInt8]], dontWait: Bool = false) throws -> Bool {
        precondition(!parts.isEmpty, "a message has at least one frame")
        for (index, part) in parts.enumerated() {
            let sent = try send(part, more: index < parts.count - 1, dontWait: dontWait && index == 0)
            // libzmq queues the remaining frames once the first is accepted.
            if !sent { return false }
        }
        return true
    }

    // MARK: Receiving

    /// Receives one frame.
    /// - Parameter dontWait: return `nil` instead of blocking when nothing is waiting.
    /// - Returns: the frame's bytes and whether more frames of the same message follow; `nil` only with
    ///   `dontWait` (or a receive timeout) when nothing arrived.
    public func receiveFrame(dontWait: Bool = false) throws -> (bytes: [UInt8], more: Bool)? {
        let handle = try requireHandle("zmq_msg_recv")
        zmq_msg_init(message)
        defer { zmq_msg_close(message) }
        while true {
            if zmq_msg_recv(message, handle, dontWait ? ZMQ_DONTWAIT : 0) >= 0 { break }
            let error = ZMQError.last("zmq_msg_recv")
            if error.isInterrupted { continue }
            if error.isWouldBlock { return nil }
            throw error
        }
        let count = zmq_msg_size(message)
        var bytes = [UInt8](repeating: 0, count: count)
        if count > 0, let data = zmq_msg_data(message) {
            bytes.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(start: data, count: count)) }
        }
        let more = zmq_msg_more(message) != 0
        return (bytes, more)
    }

    /// Receives one frame's bytes; see `receiveFrame(dontWait:)`.
    public func receive(dontWait: Bool = false) throws -> [UInt8]? {
        try receiveFrame(dontWait: dontWait)?.bytes
    }

    /// Receives every frame of one message (`nil` only with `dontWait` or a timeout when nothing waits).
    ///
    /// - Parameter maxParts: a message with more frames is drained and refused with `EMSGSIZE`, so a
    ///   peer cannot make us hold unbounded frames.
    public func receiveMultipart(dontWait: Bool = false, maxParts: Int = 64) throws -> [[UInt8]]? {
        guard let first = try receiveFrame(dontWait: dontWait) else { return nil }
        var parts = [first.bytes]
        var more = first.more
        var overflow = false
        while more {
            guard let next = try receiveFrame() else { break }
            if parts.count < maxParts { parts.append(next.bytes) } else { overflow = true }
            more = next.more
        }
        if overflow { throw ZMQError(operation: "receive: more than \(maxParts) frames", code: czmq_emsgsize()) }
        return parts
    }

    // MARK: Options

    /// Sets an integer option by its libzmq number.
    public func setOption(_ option: Int32, _ value: Int32, name: String) throws {
        let handle = try requireHandle("zmq_setsockopt")
        var value = value
        if zmq_setsockopt(handle, option, &value, MemoryLayout<Int32>.size) != 0 {
            throw ZMQError.last("zmq_setsockopt \(name)")
        }
    }

    /// Sets a 64-bit integer option by its libzmq number.
    public func setOption(_ option: Int32, int64 value: Int64, name: String) throws {
        let handle = try requireHandle("zmq_setsockopt")
        var value = value
        if zmq_setsockopt(handle, option, &value, MemoryLayout<Int64>.size) != 0 {
            throw ZMQError.last("zmq_setsockopt \(name)")
        }
    }

    /// Sets a binary or string option by its libzmq number.
    public func setOption(_ option: Int32, bytes: [UInt8], name: String) throws {
        let handle = try requireHandle("zmq_setsockopt")
        let status = bytes.withUnsafeBytes { zmq_setsockopt(handle, option, $0.baseAddress, $0.count) }
        if status != 0 { throw ZMQError.last("zmq_setsockopt \(name)") }
    }

    /// Reads an integer option by its libzmq number.
    public func intOption(_ option: Int32, name: String) throws -> Int32 {
        let handle = try requireHandle("zmq_getsockopt")
        var value: Int32 = 0
        var size = MemoryLayout<Int32>.size
        if zmq_getsockopt(handle, option, &value, &size) != 0 { throw ZMQError.last("zmq_getsockopt \(name)") }
        return value
    }

    func bytesOption(_ option: Int32, name: String, capacity: Int) throws -> [UInt8] {
        let handle = try requireHandle("zmq_getsockopt")
        var buffer = [UInt8](repeating: 0, count: capacity)
        var size = capacity
        let status = buffer.withUnsafeMutableBytes { zmq_getsockopt(handle, option, $0.baseAddress, &size) }
        if status != 0 { throw ZMQError.last("zmq_getsockopt \(name)") }
        return Array(buffer.prefix(size))
    }

    /// The raw handle, for `Poller`.
    var rawHandle: UnsafeMutableRawPointer? { handle }
}
