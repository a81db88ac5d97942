import Foundation
import Testing

@testable import ZeroMQ

/// Real sockets over `inproc://` and loopback TCP; each test owns its context and closes what it opens.
@Suite struct SocketTests {
    @Test func reqRepRoundTripOverInproc() throws {
        let context = try ZMQContext()
        let server = try Socket(.rep, context: context)
        let client = try Socket(.req, context: context)
        defer {
            client.close()
            server.close()
        }
        try server.bind("inproc://req-rep")
        try client.connect("inproc://req-rep")
        try client.send(Array("ping".utf8))
        #expect(try server.receive() == Array("ping".utf8))
        try server.send(Array("pong".utf8))
        #expect(try client.receive() == Array("pong".utf8))
    }

    @Test func pushPullOverTCPWithOSChosenPort() throws {
        let context = try ZMQContext()
        let pull = try Socket(.pull, context: context)
        let push = try Socket(.push, context: context)
        defer {
            push.close()
            pull.close()
        }
        try pull.bind("tcp://127.0.0.1:*")
        let endpoint = try pull.lastEndpoint()
        #expect(endpoint.hasPrefix("tcp://127.0.0.1:"))
        #expect(!endpoint.hasSuffix(":*"))
        try push.connect(endpoint)
        for index in 0..<1_000 {
            try push.send(withUnsafeBytes(of: UInt32(index).littleEndian) { Array($0) })
        }
        try pull.setReceiveTimeout(milliseconds: 5_000)
        for index in 0..<1_000 {
            let bytes = try #require(try pull.receive())
            #expect(bytes == withUnsafeBytes(of: UInt32(index).littleEndian) { Array($0) })
        }
    }

    @Test func dealerRouterMultipartCarriesRoutingID() throws {
        let context = try ZMQContext()
        let router = try Socket(.router, context: context)
        let dealer = try Socket(.dealer, context: context)
        defer {
            dealer.close()
            router.close()
        }
        try router.setRouterMandatory(true)
        try router.bind("tcp://127.0.0.1:*")
        try dealer.setRoutingID(Array("worker-1".utf8))
        try dealer.connect(try router.lastEndpoint())
        try dealer.send(parts: [Array("a".utf8), [], Array("c".utf8)])
        try router.setReceiveTimeout(milliseconds: 5_000)
        let parts = try #require(try router.receiveMultipart())
        #expect(parts == [Array("worker-1".utf8), Array("a".utf8), [], Array("c".utf8)])
        try router.send(parts: [Array("worker-1".utf8), Array("reply".utf8)])
        try dealer.setReceiveTimeout(milliseconds: 5_000)
        #expect(try dealer.receiveMultipart() == [Array("reply".utf8)])
    }

    @Test func routerMandatoryRefusesUnknownPeerInsteadOfDropping() throws {
        let context = try ZMQContext()
        let router = try Socket(.router, context: context)
        defer { router.close() }
        try router.setRouterMandatory(true)
        try router.bind("inproc://mandatory")
        #expect {
            try router.send(parts: [Array("nobody".utf8), Array("x".utf8)])
        } throws: { error in
            (error as? ZMQError)?.isUnroutable == true
        }
    }

    @Test func pubSubFiltersByPrefix() throws {
        let context = try ZMQContext()
        let pub = try Socket(.pub, context: context)
        let sub = try Socket(.sub, context: context)
        defer {
            sub.close()
            pub.close()
        }
        try pub.bind("inproc://pubsub")
        try sub.connect("inproc://pubsub")
        try sub.subscribe(Array("reward.".utf8))
        try sub.setReceiveTimeout(milliseconds: 50)
        // A subscription reaches the publisher asynchronously; publish until the first message arrives.
        var received: [UInt8]?
        for _ in 0..<200 where received == nil {
            try pub.send(Array("other.x".utf8))
            try pub.send(Array("reward.issued".utf8))
            received = try sub.receive()
        }
        #expect(received == Array("reward.issued".utf8))
    }

    @Test func pollerReportsReadableSocketAndTimesOut() throws {
        let context = try ZMQContext()
        let a = try Socket(.pair, context: context)
        let b = try Socket(.pair, context: context)
        defer {
            a.close()
            b.close()
        }
        try a.bind("inproc://poll")
        try b.connect("inproc://poll")
        var poller = Poller()
        poller.add(a)
        #expect(try poller.poll(timeout: 10) == [[]])
        try b.send([1, 2, 3])
        let ready = try poller.poll(timeout: 5_000)
        #expect(ready[0].contains(.readable))
        #expect(try a.receive(dontWait: true) == [1, 2, 3])
        #expect(try a.receive(dontWait: true) == nil)
    }

    @Test func nonBlockingSendReportsFullQueue() throws {
        let context = try ZMQContext()
        let push = try Socket(.push, context: context)
        defer { push.close() }
        try push.setSendHighWaterMark(1)
        try push.setLinger(milliseconds: 0)
        // No peer yet: a PUSH socket with nobody connected cannot queue anything.
        try push.bind("inproc://full")
        #expect(try push.send([1], dontWait: true) == false)
    }

    @Test func maxMessageSizeDisconnectsOversizedSender() throws {
        let context = try ZMQContext()
        let pull = try Socket(.pull, context: context)
        let push = try Socket(.push, context: context)
        defer {
            push.close()
            pull.close()
        }
        try pull.setMaxMessageSize(bytes: 1_024)
        try pull.bind("tcp://127.0.0.1:*")
        try push.connect(try pull.lastEndpoint())
        try push.send([UInt8](repeating: 7, count: 4_096))
        try pull.setReceiveTimeout(milliseconds: 300)
        #expect(try pull.receive() == nil)
    }

    @Test func errorsCarryErrnoText() throws {
        let context = try ZMQContext()
        let socket = try Socket(.rep, context: context)
        defer { socket.close() }
        let error = try #require(throws: ZMQError.self) { try socket.bind("nonsense://x") }
        #expect(error.operation == "zmq_bind nonsense://x")
        #expect(!error.message.isEmpty)
        #expect(error.description.contains("errno"))
    }

    @Test func closedSocketRefusesCallsAndCloseIsIdempotent() throws {
        let context = try ZMQContext()
        let socket = try Socket(.push, context: context)
        socket.close()
        socket.close()
        #expect(socket.isClosed)
        #expect(throws: ZMQError.self) { try socket.send([1]) }
    }

    @Test func contextShutdownWakesBlockedReceiverOnItsOwnThread() throws {
        let context = try ZMQContext()
        let finished = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        let thread = Thread {
            do {
                let socket = try Socket(.pull, context: context)
                defer { socket.close() }
                try socket.bind("inproc://blocked")
                _ = try socket.receive()
            } catch let error as ZMQError {
                outcome.set(error.isTerminated)
            } catch {}
            finished.signal()
        }
        thread.start()
        // Whether the thread is already blocked or has not made its socket yet, it must end with ETERM.
        context.shutdown()
        #expect(finished.wait(timeout: .now() + 5) == .success)
        #expect(outcome.value == true)
    }

    @Test func libraryVersionIsFour() {
        #expect(ZMQContext.libraryVersion.major == 4)
    }
}

/// A value written on one thread and read on another after a semaphore.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Bool?
    func set(_ value: Bool) { lock.withLock { stored = value } }
    var value: Bool? { lock.withLock { stored } }
}
