import AdvocateCodec
import AdvocateTestSupport
import Foundation
import Testing
import ZeroMQ

/// Ingest's side of the worker protocol, spoken by hand over a DEALER socket against the real executable.
@Suite struct WorkerProtocolTests {
    /// The next message from ingest other than a heartbeat.
    static func next(_ socket: Socket) throws -> WireMessage {
        while true {
            let frame = try #require(try socket.receive(), "ingest sent nothing within the time-out")
            let message = try WireMessage(decoding: frame)
            if case .heartbeat = message { continue }
            return message
        }
    }

    /// A scoring worker that receives events under a lease it says it does not hold (its view of its
    /// assignment fell behind) is told its assignment again, the same leases, and events keep coming.
    @Test func aWorkerBehindOnItsAssignmentIsToldItAgain() throws {
        let stack = try LocalStack(prefix: "advocate-protocol")
        defer { stack.data.remove() }
        try stack.startIngest()
        defer { _ = try? stack.stop() }
        let context = try ZMQContext()
        let worker = try Socket(.dealer, context: context)
        defer {
            worker.close()
            withExtendedLifetime(context) {}
        }
        try worker.setLinger(milliseconds: 0)
        try worker.setReceiveTimeout(milliseconds: 20_000)
        try worker.connect(stack.workEndpoint)
        try worker.send(WireMessage.hello(WorkerHello(worker: "by-hand", role: .score, capacity: 1_000)).encoded())
        guard case .assign(let assignment) = try Self.next(worker) else {
            Issue.record("expected an assignment first")
            return
        }
        #expect(assignment.leases.count == Int(assignment.partitionCount))
        for lease in assignment.leases {
            try worker.send(WireMessage.resume(Resume(lease: lease, after: 0)).encoded())
        }

        let sender = try Socket(.req, context: context)
        defer { sender.close() }
        try sender.setLinger(milliseconds: 0)
        try sender.setReceiveTimeout(milliseconds: 20_000)
        try Eventually.that("ingest to listen for producers", timeout: 30) {
            (try? HTTPClient.get(stack.ingestHTTP + "/healthz").status) == 200
        }
        try sender.connect(stack.ingestEndpoint)
        try sender.send(
            Array(#"{"id":"p-1","type":"signup","customer":"c-1","at":"2026-11-04T12:00:00Z"}"#.utf8))
        _ = try #require(try sender.receive(), "no reply from ingest")
        // Ingest takes a worker silent for 2.5 s for dead.
        try worker.send(WireMessage.heartbeat.encoded())

        guard case .events(let batch) = try Self.next(worker) else {
            Issue.record("expected the event")
            return
        }
        try worker.send(
            WireMessage.error(WireError(code: .staleEpoch, message: "by-hand holds no such lease")).encoded())
        guard case .assign(let again) = try Self.next(worker) else {
            Issue.record("expected the assignment again")
            return
        }
        #expect(again == assignment)
        #expect(again.leases.contains(batch.lease))
    }
}
