import Foundation
import ZeroMQ

/// Sends NDJSON to ingest's ZeroMQ socket in batches, several requests in flight, and tallies the
/// replies. Waits and resends when ingest is busy; resends after a time-out on a fresh connection (ingest
/// deduplicates by event id, so a resend never doubles anything).
public final class EventSender {
    public struct Options: Sendable {
        public var endpoint = "tcp://127.0.0.1:5570"
        /// Events per request.
        public var batchEvents = 1_000
        /// Bytes per request at most (ingest refuses requests over 10 MiB).
        public var batchBytes = 1 << 20
        /// Requests awaiting their reply at once.
        public var inFlight = 8
        /// A request without a reply for this long is sent again.
        public var timeoutSeconds = 30.0
        /// Give up after this many time-outs in a row (ingest is not there).
        public var maxTimeouts = 10
        /// CURVE keys (the `producer` pair) when ingest requires them.
        public var curve: CurveClientKeys?

        public init() {}
    }

    /// Where sending stands, for the progress bar.
    public struct Progress: Sendable {
        public var events: Int
        public var bytesRead: Int
        public var elapsed: Double
    }

    /// What ingest said about everything sent.
    public struct Summary: Sendable {
        public var sent = 0
        public var accepted = 0
        public var duplicates = 0
        public var rejected = 0
        public var rejectedByReason: [String: Int] = [:]
        /// The first rejections, with the line they came from (1-based, blank lines not counted).
        public var examples: [(line: Int, id: String?, error: String)] = []
        public var busyRetries = 0
        public var timeouts = 0
        public var elapsed = 0.0
    }

    private struct Batch {
        /// Position in the input, so resent requests go out in input order.
        var number = 0
        var firstLine: Int
        var count: Int
        var body: [UInt8]
    }

    private let options: Options
    private let context: ZMQContext

    public init(options: Options) throws {
        self.options = options
        self.context = try ZMQContext()
    }

    /// Sends every non-blank line of `reader`.
    ///
    /// Each request carries a request id before the empty delimiter (`[id, "", body]`); ingest returns it
    /// in front of the reply, so replies are matched by id, never by order, and a reply that arrives
    /// after its request was given up on is ignored.
    public func send(_ reader: any LineSource, progress: (Progress) -> Void) throws -> Summary {
        var summary = Summary()
        let started = Date()
        var socket = try connect()
        defer { socket.close() }
        var waiting: [UInt64: Batch] = [:]
        var retry: [Batch] = []
        var nextID: UInt64 = 0
        var batches = 0
        var lineNumber = 0
        var exhausted = false
        var pending = Batch(firstLine: 1, count: 0, body: [])
        var lastProgress = Date.distantPast
        var timeoutsInARow = 0

        func nextBatch() throws -> Batch? {
            if !retry.isEmpty { return retry.removeFirst() }
            guard var batch = try readBatch() else { return nil }
            batches += 1
            batch.number = batches
            return batch
        }

        func readBatch() throws -> Batch? {
            while !exhausted {
                guard let line = try reader.next() else {
                    exhausted = true
                    break
                }
                if line.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
                lineNumber += 1
                if pending.count > 0 && pending.body.count + line.count + 1 > options.batchBytes {
                    let full = pending
                    pending = Batch(firstLine: lineNumber, count: 1, body: Array(line))
                    return full
                }
                if pending.count > 0 { pending.body.append(UInt8(ascii: "\n")) }
                pending.body.append(contentsOf: line)
                pending.count += 1
                if pending.count >= options.batchEvents {
                    let full = pending
                    pending = Batch(firstLine: lineNumber + 1, count: 0, body: [])
                    return full
                }
            }
            guard pending.count > 0 else { return nil }
            let last = pending
            pending = Batch(firstLine: lineNumber + 1, count: 0, body: [])
            return last
        }

        while true {
            var stalled = false
            while waiting.count < options.inFlight, let batch = try nextBatch() {
                nextID += 1
                do {
                    try socket.send(parts: [Self.idFrame(nextID), [], batch.body])
                } catch let error as ZMQError where error.isWouldBlock {
                    // No live connection within the time-out: nothing was queued toward a dead peer.
                    retry.insert(batch, at: 0)
                    stalled = true
                    break
                }
                waiting[nextID] = batch
            }
            if waiting.isEmpty && !stalled { break }
            guard !waiting.isEmpty, let parts = try socket.receiveMultipart() else {
                // Time-out: ingest may have restarted and lost the requests. Send them all again under
                // new ids on a fresh connection; ingest deduplicates what it had already taken.
                summary.timeouts += 1
                timeoutsInARow += 1
                if timeoutsInARow >= options.maxTimeouts {
                    throw ToolError(
                        "no reply from ingest at \(options.endpoint) after \(timeoutsInARow) attempts of "
                            + "\(Int(options.timeoutSeconds)) s; is it running?"
                    )
                }
                socket.close()
                socket = try connect()
                retry = (waiting.values + retry).sorted { $0.number < $1.number }
                waiting.removeAll()
                continue
            }
            timeoutsInARow = 0
            guard parts.count == 3, let id = Self.id(parts[0]), let batch = waiting.removeValue(forKey: id) else {
                continue  // A late reply to a request already sent again: its new reply counts.
            }
            guard let reply = try? JSONSerialization.jsonObject(with: Data(parts[2])) as? [String: Any] else {
                throw ToolError(
                    "ingest sent a reply that is not JSON: \(String(decoding: parts[2].prefix(200), as: UTF8.self))")
            }
            if reply["busy"] as? Bool == true {
                summary.busyRetries += 1
                let wait = (reply["retry_after_ms"] as? Int) ?? 250
                Thread.sleep(forTimeInterval: Double(min(max(wait, 10), 10_000)) / 1_000)
                retry.append(batch)
                continue
            }
            tally(reply, for: batch, into: &summary)
            let now = Date()
            if now.timeIntervalSince(lastProgress) > 0.1 {
                lastProgress = now
                progress(
                    Progress(events: summary.sent, bytesRead: reader.bytesRead, elapsed: now.timeIntervalSince(started))
                )
            }
        }
        summary.elapsed = Date().timeIntervalSince(started)
        progress(Progress(events: summary.sent, bytesRead: reader.bytesRead, elapsed: summary.elapsed))
        return summary
    }

    private func tally(_ reply: [String: Any], for batch: Batch, into summary: inout Summary) {
        summary.sent += batch.count
        summary.accepted += reply["accepted"] as? Int ?? 0
        summary.duplicates += reply["duplicates"] as? Int ?? 0
        if let error = reply["error"] as? String {
            let reason = reply["reason"] as? String ?? "rejected"
            summary.rejected += batch.count
            summary.rejectedByReason[reason, default: 0] += batch.count
            if summary.examples.count < 10 { summary.examples.append((batch.firstLine, nil, error)) }
        }
        for item in reply["rejected"] as? [[String: Any]] ?? [] {
            summary.rejected += 1
            let reason = item["reason"] as? String ?? "rejected"
            summary.rejectedByReason[reason, default: 0] += 1
            if summary.examples.count < 10 {
                let index = item["index"] as? Int ?? 0
                summary.examples.append(
                    (batch.firstLine + index, item["id"] as? String, item["error"] as? String ?? ""))
            }
        }
    }

    private static func idFrame(_ id: UInt64) -> [UInt8] {
        withUnsafeBytes(of: id.littleEndian) { Array($0) }
    }

    private static func id(_ frame: [UInt8]) -> UInt64? {
        guard frame.count == 8 else { return nil }
        return frame.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
    }

    private func connect() throws -> Socket {
        let socket = try Socket(.dealer, context: context)
        try socket.setLinger(milliseconds: 0)
        // One connection per socket, never re-established by libzmq: requests cannot wait in a pipe toward
        // an ingest that died, nor reach its successor ahead of the ones it lost. After a time-out everything
        // outstanding is sent again, in input order, on a fresh socket, so the journal keeps the input's order.
        try socket.setImmediate(true)
        try socket.setReconnectInterval(initial: -1, maximum: 0)
        try socket.setSendTimeout(milliseconds: Int32(options.timeoutSeconds * 1_000))
        try socket.setReceiveTimeout(milliseconds: Int32(options.timeoutSeconds * 1_000))
        try socket.setSendHighWaterMark(0)
        if let curve = options.curve { try socket.useCurve(curve) }
        try socket.connect(options.endpoint)
        return socket
    }
}
