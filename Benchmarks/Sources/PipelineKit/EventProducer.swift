import Foundation
import ZeroMQ

/// An outside producer: sends prepared request bodies to ingest's ZeroMQ socket as a DEALER, several requests
/// in flight, each tagged with a request id (`[id, "", body]`, as `advocate send` does), and tallies the
/// replies. A request refused as busy is sent again after the delay ingest asked for.
public final class EventProducer {
    /// What ingest replied, summed over every request.
    public struct Tally: Sendable {
        public var requests = 0
        public var accepted = 0
        public var duplicates = 0
        public var rejected = 0
        public var busyRetries = 0
    }

    private let socket: Socket
    /// Held so the context outlives the socket: terminating a context waits for its sockets to close.
    private let context: ZMQContext

    /// Connects to ingest at `endpoint`.
    public init(endpoint: String, context: ZMQContext) throws {
        self.context = context
        socket = try Socket(.dealer, context: context)
        try socket.setLinger(milliseconds: 0)
        try socket.setReceiveTimeout(milliseconds: 60_000)
        try socket.setSendHighWaterMark(0)
        try socket.connect(endpoint)
    }

    deinit { socket.close() }

    /// Sends every body and waits for every reply.
    ///
    /// - Parameters:
    ///   - bodies: request bodies (NDJSON), sent in order.
    ///   - inFlight: requests awaiting their reply at once.
    ///   - interval: when set, request `k` is not sent before `k * interval` after the start (a steady rate).
    ///   - sent: called with the request's index just after it is handed to libzmq.
    /// - Throws: `PipelineError.timeout` when ingest does not reply within 60 s, `.producer` on a reply that
    ///   is not JSON.
    public func send(
        _ bodies: [[UInt8]], inFlight: Int, interval: Duration? = nil, sent: (Int) -> Void = { _ in }
    ) throws -> Tally {
        var tally = Tally()
        var waiting: [UInt64: Int] = [:]
        var queue = Array(bodies.indices.reversed())
        let clock = ContinuousClock()
        let start = clock.now
        var scheduled = 0
        while !queue.isEmpty || !waiting.isEmpty {
            while waiting.count < max(1, inFlight), let index = queue.last {
                if let interval {
                    let due = start + interval * scheduled
                    if clock.now < due {
                        if waiting.isEmpty {
                            ContinuousClock.pause(until: due)
                        } else {
                            break
                        }
                    }
                }
                queue.removeLast()
                scheduled += 1
                let id = UInt64(index)
                try socket.send(parts: [withUnsafeBytes(of: id.littleEndian) { Array($0) }, [], bodies[index]])
                waiting[id] = index
                sent(index)
            }
            guard !waiting.isEmpty else { continue }
            if interval != nil, !queue.isEmpty, waiting.count < max(1, inFlight) {
                // Paced and not full: wait for a reply only until the next request is due.
                let due = start + interval! * scheduled
                let milliseconds = max(0, (due - clock.now) / .milliseconds(1))
                var poller = Poller()
                poller.add(socket)
                if !(try poller.poll(timeout: Int(milliseconds.rounded(.up))))[0].contains(.readable) { continue }
            }
            guard let parts = try socket.receiveMultipart() else {
                throw PipelineError.timeout("no reply from ingest within 60 s (\(waiting.count) requests waiting)")
            }
            guard parts.count == 3, parts[0].count == 8,
                let index = waiting.removeValue(
                    forKey: parts[0].withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) })
            else { continue }
            guard let reply = try? JSONSerialization.jsonObject(with: Data(parts[2])) as? [String: Any] else {
                throw PipelineError.producer(
                    "a reply that is not JSON: \(String(decoding: parts[2].prefix(200), as: UTF8.self))")
            }
            if reply["busy"] as? Bool == true {
                tally.busyRetries += 1
                let wait = reply["retry_after_ms"] as? Int ?? 100
                Thread.sleep(forTimeInterval: Double(min(max(wait, 1), 5_000)) / 1_000)
                queue.append(index)
                continue
            }
            tally.requests += 1
            tally.accepted += reply["accepted"] as? Int ?? 0
            tally.duplicates += reply["duplicates"] as? Int ?? 0
            tally.rejected += (reply["rejected"] as? [Any])?.count ?? 0
            if reply["error"] != nil { tally.rejected += 1 }
        }
        return tally
    }
}
