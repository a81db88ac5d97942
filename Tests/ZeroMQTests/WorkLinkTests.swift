import Foundation
import Testing

@testable import ZeroMQ

/// The settings both ends of a work link use, over loopback TCP.
@Suite struct WorkLinkTests {
    /// A worker that stops reading while ingest keeps sending (a long commit, a starved CPU): its heartbeats time
    /// out and libzmq makes the connection again. With a receive limit, libzmq 4.3 aborts the process when the
    /// worker reads again (`Assertion failed: _input_stopped`); with the work link's settings, every message
    /// arrives and nothing aborts.
    @Test func aPeerThatStopsReadingOutlivesItsHeartbeatTimeoutAndGetsEveryMessage() throws {
        let context = try ZMQContext()
        let ingest = try Socket(.router, context: context)
        let worker = try Socket(.dealer, context: context)
        defer {
            worker.close()
            ingest.close()
        }
        // Heartbeats ten times as fast as in production, so that a pause of 1.5 s outlasts their timeout.
        try ingest.useWorkLinkSettings(heartbeatInterval: 100, heartbeatTimeout: 300)
        try ingest.setRouterMandatory(true)
        try ingest.setRouterHandover(true)
        try ingest.bind("tcp://127.0.0.1:*")
        let id = Array("worker".utf8)
        try worker.setRoutingID(id)
        try worker.useWorkLinkSettings(heartbeatInterval: 100, heartbeatTimeout: 300)
        try worker.setReconnectInterval(initial: 50, maximum: 100)
        try worker.connect(try ingest.lastEndpoint())
        try worker.send(Array("hello".utf8))
        try ingest.setReceiveTimeout(milliseconds: 5_000)
        #expect(try ingest.receiveMultipart()?.first == id)

        let count = 20_000
        for number in 0..<count {
            let header = withUnsafeBytes(of: UInt32(number).littleEndian) { Array($0) }
            let body = header + [UInt8](repeating: 7, count: 996)
            #expect(try ingest.send(parts: [id, body], dontWait: true))
        }
        Thread.sleep(forTimeInterval: 1.5)

        var next: UInt32 = 0
        let deadline = ContinuousClock.now + .seconds(20)
        while next < count, ContinuousClock.now < deadline {
            guard let frame = try worker.receive(dontWait: true) else {
                Thread.sleep(forTimeInterval: 0.001)
                continue
            }
            let number = frame.prefix(4).withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
            #expect(UInt32(littleEndian: number) == next)
            next += 1
        }
        #expect(next == count)
    }
}
