import Foundation
import Synchronization

/// The ZAP handler (ZeroMQ RFC 27) of one context: admits CURVE clients whose public key is authorized and
/// refuses every other handshake, so a peer without a listed key can neither send nor receive.
///
/// libzmq asks the socket bound at `inproc://zeromq.zap.01` in the server socket's context about every new
/// connection; without a handler it would admit any client that knows the server's public key. The handler
/// runs a REP socket on a thread of its own (sockets belong to one thread) and must be started before the
/// server socket accepts connections, and stopped before the context is terminated.
public final class CurveAuthenticator: Sendable {
    /// The endpoint libzmq sends authentication requests to.
    public static let endpoint = "inproc://zeromq.zap.01"

    /// Shared with the handler's thread, which must not keep the authenticator itself alive.
    private final class Control: Sendable {
        let stopping = Atomic<Bool>(false)
        let finished = DispatchSemaphore(value: 0)
    }

    private let control = Control()

    /// Binds the handler in `context` and starts answering on its own thread.
    /// - Parameters:
    ///   - authorized: Z85 public keys of the admitted clients.
    ///   - refused: told the Z85 key and address of a refused client (for the stage's log); at most once a
    ///     minute per key, since a refused client keeps reconnecting.
    /// - Throws: `ZMQError` when the handler cannot bind, e.g. because another one runs in this context.
    public init(
        context: ZMQContext, authorized: Set<String>,
        refused: @escaping @Sendable (String, String) -> Void = { _, _ in }
    ) throws {
        let keys = Set(authorized.compactMap(CurveKeyPair.decode))
        let started = DispatchSemaphore(value: 0)
        let bindError = Mutex<ZMQError?>(nil)
        let control = self.control
        let thread = Thread {
            defer { control.finished.signal() }
            let socket: Socket
            do {
                socket = try Socket(.rep, context: context)
                try socket.setLinger(milliseconds: 0)
                try socket.bind(Self.endpoint)
            } catch {
                bindError.withLock { $0 = error as? ZMQError ?? ZMQError(operation: "zap bind", code: 0) }
                started.signal()
                return
            }
            started.signal()
            defer { socket.close() }
            Self.serve(socket, keys: keys, control: control, refused: refused)
        }
        thread.name = "zap-handler"
        thread.start()
        started.wait()
        if let error = bindError.withLock({ $0 }) { throw error }
    }

    /// Stops the handler and waits for its thread to close the socket. Safe to call more than once.
    public func stop() {
        guard !control.stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        control.finished.wait()
    }

    deinit {
        stop()
    }

    private static func serve(
        _ socket: Socket, keys: Set<[UInt8]>, control: Control, refused: @Sendable (String, String) -> Void
    ) {
        var poller = Poller()
        poller.add(socket)
        let clock = ContinuousClock()
        var reported: [String: ContinuousClock.Instant] = [:]
        func report(key: String, address: String) {
            let now = clock.now
            if let last = reported[key], now - last < .seconds(60) { return }
            if reported.count >= 1_024 { reported.removeAll() }
            reported[key] = now
            refused(key, address)
        }
        while !control.stopping.load(ordering: .acquiring) {
            do {
                guard try poller.poll(timeout: 100)[0].contains(.readable),
                    let request = try socket.receiveMultipart(dontWait: true, maxParts: 16)
                else { continue }
                try socket.send(parts: reply(to: request, keys: keys, refused: report))
            } catch let error as ZMQError where error.isTerminated {
                return
            } catch {
                // A malformed request cannot come from libzmq itself; skip it and keep serving.
                continue
            }
        }
    }

    /// The ZAP reply to one request: `[version, request id, status, text, user id, metadata]`.
    static func reply(
        to request: [[UInt8]], keys: Set<[UInt8]>, refused: (String, String) -> Void
    ) -> [[UInt8]] {
        // Request: version, request id, domain, address, routing id, mechanism, credentials...
        let version = Array("1.0".utf8)
        guard request.count >= 6, request[0] == version else {
            return [
                version, request.count > 1 ? request[1] : [], Array("500".utf8), Array("bad ZAP request".utf8), [], [],
            ]
        }
        let mechanism = String(decoding: request[5], as: UTF8.self)
        let address = String(decoding: request[3], as: UTF8.self)
        if mechanism == "CURVE", request.count >= 7, keys.contains(request[6]) {
            let user = CurveKeyPair.encode(request[6]) ?? ""
            return [version, request[1], Array("200".utf8), Array("OK".utf8), Array(user.utf8), []]
        }
        let key = request.count >= 7 ? CurveKeyPair.encode(request[6]) ?? "?" : "none"
        refused(key, address)
        return [version, request[1], Array("400".utf8), Array("client key not authorized".utf8), [], []]
    }
}
