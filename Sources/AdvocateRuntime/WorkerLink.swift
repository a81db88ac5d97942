import AdvocateCodec
import Foundation
import Logging
import ZeroMQ

/// A worker's connection to ingest's work endpoint: a DEALER socket, the hello, heartbeats both ways,
/// and a new hello when ingest has been silent too long (it restarted, or the network broke).
///
/// Owned by the worker's thread, like the socket inside it.
public final class WorkerLink {
    public let hello: WorkerHello
    private let socket: Socket
    private let heartbeatMilliseconds: UInt64
    private let silenceMilliseconds: UInt64
    private let logger: Logger
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastHeard: UInt64 = 0
    private var lastSent: UInt64 = 0
    private var lastHello: UInt64?
    private var poller = Poller()

    /// Connects to `endpoint` (with CURVE when `curve` is given) and says hello.
    public init(
        context: ZMQContext, endpoint: String, hello: WorkerHello, heartbeatMilliseconds: UInt64,
        silenceMilliseconds: UInt64, logger: Logger, curve: CurveClientKeys? = nil
    ) throws {
        self.hello = hello
        self.heartbeatMilliseconds = heartbeatMilliseconds
        self.silenceMilliseconds = silenceMilliseconds
        self.logger = logger
        self.started = clock.now
        socket = try Socket(.dealer, context: context)
        try socket.setRoutingID(Array(hello.worker.utf8.prefix(250)))
        try socket.setLinger(milliseconds: 1_000)
        try socket.setReconnectInterval(initial: 100, maximum: 1_000)
        try socket.useWorkLinkSettings()
        try socket.setMaxMessageSize(bytes: 64 << 20)
        if let curve { try socket.useCurve(curve) }
        try socket.connect(endpoint)
        poller.add(socket)
        try sayHello()
    }

    /// Milliseconds since the link was made (a monotonic clock for timeouts).
    public var now: UInt64 {
        let elapsed = clock.now - started
        return UInt64(elapsed.components.seconds) * 1_000
            + UInt64(elapsed.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Introduces this worker again when ingest does not know it, unless a hello went out within the last
    /// heartbeat interval: ingest answers every message of a worker it does not know with an error, and one
    /// hello per error would make as many assignments.
    public func helloAgain() throws {
        if let lastHello, now < lastHello + heartbeatMilliseconds { return }
        try sayHello()
    }

    /// Introduces this worker (again); ingest answers with an assignment.
    public func sayHello() throws {
        lastHeard = now
        lastHello = now
        guard try send(.hello(hello)) else {
            logger.warning(
                "no connection to ingest to say hello on; trying again later (is this worker's CURVE key authorized?)",
                metadata: ["worker": "\(hello.worker)"])
            return
        }
        logger.info("said hello to ingest", metadata: ["worker": "\(hello.worker)"])
    }

    /// Sends a message to ingest without ever blocking.
    ///
    /// Messages queue toward ingest while the connection is down; only when libzmq has nowhere to queue them
    /// (ingest refused the CURVE handshake) is a message dropped, like one lost on a broken link, which the
    /// protocol recovers from (redelivery, a new hello). Blocking there would leave the worker deaf to shutdown.
    /// - Returns: whether the message was queued.
    @discardableResult
    public func send(_ message: WireMessage) throws -> Bool {
        guard try socket.send(message.encoded(), dontWait: true) else { return false }
        lastSent = now
        return true
    }

    /// Waits up to `timeout` ms for a message from ingest. Heartbeats are absorbed here; an undecodable
    /// frame is logged and skipped. Also sends our own heartbeat and re-hellos after a long silence.
    public func receive(timeout: Int) throws -> WireMessage? {
        let ready = try poller.poll(timeout: timeout)
        var message: WireMessage?
        if ready[0].contains(.readable), let frame = try socket.receive(dontWait: true) {
            lastHeard = now
            do {
                let decoded = try WireMessage(decoding: frame)
                if decoded != .heartbeat { message = decoded }
            } catch {
                logger.warning("undecodable message from ingest", metadata: ["error": "\(error)"])
            }
        }
        let time = now
        if time > lastHeard + silenceMilliseconds {
            logger.warning("ingest silent, saying hello again", metadata: ["silence.ms": "\(time - lastHeard)"])
            try sayHello()
        } else if time >= lastSent + heartbeatMilliseconds {
            try send(.heartbeat)
        }
        return message
    }

    /// Says goodbye (so partitions move at once rather than after the timeout) and closes the socket.
    public func close() {
        _ = try? send(.goodbye)
        socket.close()
    }
}
