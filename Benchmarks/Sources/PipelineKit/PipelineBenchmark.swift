import Foundation
import Histogram
import Synchronization
import ZeroMQ

/// Runs the end-to-end measurements against fresh stacks of the real executables: throughput, alert latency
/// under load, and ingest's rejection rate. Each measurement gets its own stack and data directory.
public struct PipelineBenchmark: Sendable {
    public var binDirectory: String
    public var workload: Workload
    public var customers: Int
    /// Events per request and requests in flight, for the throughput and rejection runs.
    public var batchEvents = 1_000
    public var inFlight = 8
    /// How long mentions are injected in the latency run (bounded by the workload at half rate).
    public var latencySeconds = 20.0
    public var mentionInterval: Duration = .milliseconds(10)
    /// Requests of bad events in the rejection run.
    public var rejectionRequests = 200

    public init(binDirectory: String, workload: Workload, customers: Int) {
        self.binDirectory = binDirectory
        self.workload = workload
        self.customers = customers
    }

    /// The producer sends the whole workload as fast as ingest takes it; the clock stops when the report
    /// shows every event journalled and applied (`pipeline.pending` and `pipeline.outbox` both 0).
    public func throughput(scoreWorkers: Int, log: (String) -> Void) throws -> ThroughputFigures {
        let stack = try PipelineUnderTest(binDirectory: binDirectory, scoreWorkers: scoreWorkers)
        defer { stack.stop() }
        let context = try ZMQContext()
        let producer = try EventProducer(endpoint: stack.ingestEndpoint, context: context)
        let requests = workload.requests(batch: batchEvents)
        let report = HTTPConnection(port: stack.reportHTTPPort)
        let clock = ContinuousClock()
        let started = clock.now
        let tally = try producer.send(requests, inFlight: inFlight)
        let acknowledged = clock.now - started
        guard tally.accepted == workload.lines.count else {
            throw PipelineError.producer(
                "ingest accepted \(tally.accepted) of \(workload.lines.count) events "
                    + "(\(tally.duplicates) duplicates, \(tally.rejected) rejected)")
        }
        log(
            "  \(scoreWorkers) scoring: journalled in \(String(format: "%.2f", acknowledged.seconds)) s, waiting for scoring"
        )
        let deadline = clock.now + .seconds(900)
        while true {
            try stack.checkAlive()
            let summary = try report.json("/v1/summary")
            let pipeline = summary["pipeline"] as? [String: Any] ?? [:]
            let accepted = ((summary["events"] as? [String: Any])?["accepted"] as? [String: Any] ?? [:]).values
                .reduce(0) { $0 + (($1 as? Int) ?? 0) }
            if accepted >= tally.accepted, pipeline["pending"] as? Int == 0, pipeline["outbox"] as? Int == 0 {
                break
            }
            guard clock.now < deadline else {
                throw PipelineError.timeout("scoring had not caught up after 900 s: \(pipeline)")
            }
            ContinuousClock.pause(until: clock.now + .milliseconds(20))
        }
        let elapsed = (clock.now - started).seconds
        return ThroughputFigures(
            scoreWorkers: scoreWorkers, rewardWorkers: 1, events: tally.accepted, seconds: elapsed,
            eventsPerSecond: Double(tally.accepted) / elapsed, ingestSeconds: acknowledged.seconds,
            ingestEventsPerSecond: Double(tally.accepted) / acknowledged.seconds, busyRetries: tally.busyRetries)
    }

    /// A background producer sends the workload at `rate` events/s in requests of 100 events; meanwhile one
    /// negative public mention of a new customer goes to ingest every `mentionInterval` as its own request,
    /// and the report API is polled (`GET /v1/alerts?customer=ID`, kept-alive connection) until the alert
    /// it raised is listed. Latency = from handing the mention to libzmq to the reply that lists its alert.
    /// The first second of load is not measured.
    public func latency(scoreWorkers: Int, rate: Double, log: (String) -> Void) throws -> LatencyFigures {
        let stack = try PipelineUnderTest(binDirectory: binDirectory, scoreWorkers: scoreWorkers)
        defer { stack.stop() }
        let context = try ZMQContext()
        let loadBatch = 100
        let requests = workload.requests(batch: loadBatch)
        let interval = Duration.seconds(Double(loadBatch) / max(rate, 1))
        let loadSeconds = Double(workload.lines.count) / max(rate, 1)
        let injectSeconds = min(latencySeconds, loadSeconds - 2)
        guard injectSeconds >= 1 else {
            throw PipelineError.producer("the workload lasts \(loadSeconds) s at \(rate) events/s; use more events")
        }
        let outcome = LoadOutcome()
        let endpoint = stack.ingestEndpoint
        let load = Thread {
            outcome.run {
                let producer = try EventProducer(endpoint: endpoint, context: context)
                let started = ContinuousClock.now
                let tally = try producer.send(requests, inFlight: 64, interval: interval)
                return Double(tally.accepted) / (ContinuousClock.now - started).seconds
            }
        }
        load.start()

        let mentions = try Socket(.dealer, context: context)
        defer {
            // Closed before the context is released: terminating a context waits for its sockets.
            mentions.close()
            withExtendedLifetime(context) {}
        }
        try mentions.setLinger(milliseconds: 0)
        try mentions.connect(stack.ingestEndpoint)
        let report = HTTPConnection(port: stack.reportHTTPPort)
        var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
        var acks = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
        var sentAt: [UInt64: ContinuousClock.Instant] = [:]
        let clock = ContinuousClock()
        let start = clock.now + .seconds(1)
        let stopInjecting = start + .seconds(injectSeconds)
        var next = start
        var sequence = 0
        var outstanding: [(number: Int, sent: ContinuousClock.Instant)] = []
        var lost = 0
        var polls = 0
        var pollTime = Duration.zero
        ContinuousClock.pause(until: start)
        while next < stopInjecting || !outstanding.isEmpty {
            let now = clock.now
            if next < stopInjecting && now >= next {
                sequence += 1
                let body = Array(Self.mention(sequence).utf8)
                try mentions.send(parts: [withUnsafeBytes(of: UInt64(sequence)) { Array($0) }, [], body])
                outstanding.append((sequence, clock.now))
                sentAt[UInt64(sequence)] = clock.now
                next += mentionInterval
            }
            while let reply = try mentions.receiveMultipart(dontWait: true) {
                guard let id = reply.first, id.count == 8 else { continue }
                let number = id.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                if let sent = sentAt.removeValue(forKey: number) {
                    _ = acks.record(UInt64(max(1, (clock.now - sent) / .microseconds(1))))
                }
            }
            var index = 0
            while index < outstanding.count {
                let (number, sent) = outstanding[index]
                let asked = clock.now
                let (status, body) = try report.get("/v1/alerts?customer=bench-latency-\(number)")
                let answered = clock.now
                polls += 1
                pollTime += answered - asked
                if status == 200, HTTPConnection.find(Array("\"bench-mention-\(number)\"".utf8), in: body) != nil {
                    _ = histogram.record(UInt64(max(1, (answered - sent) / .microseconds(1))))
                    outstanding.remove(at: index)
                } else if answered - sent > .seconds(30) {
                    lost += 1
                    outstanding.remove(at: index)
                } else {
                    index += 1
                }
            }
            if !outstanding.isEmpty || next < stopInjecting {
                ContinuousClock.pause(until: clock.now + .microseconds(200))
            }
        }
        log("  latency: \(histogram.totalCount) mentions measured, waiting for the background load to finish")
        let achieved = try outcome.wait()
        func milliseconds(_ percentile: Double) -> Double {
            Double(histogram.valueAtPercentile(percentile)) / 1_000
        }
        return LatencyFigures(
            scoreWorkers: scoreWorkers, loadEventsPerSecond: rate, loadAchievedEventsPerSecond: achieved,
            mentionIntervalMs: mentionInterval.seconds * 1_000, samples: Int(histogram.totalCount), lost: lost,
            p50Ms: milliseconds(50), p90Ms: milliseconds(90), p99Ms: milliseconds(99), p999Ms: milliseconds(99.9),
            maxMs: Double(histogram.max) / 1_000, meanMs: histogram.mean / 1_000,
            meanPollMs: polls == 0 ? 0 : pollTime.seconds * 1_000 / Double(polls),
            ackP50Ms: Double(acks.valueAtPercentile(50)) / 1_000, ackP99Ms: Double(acks.valueAtPercentile(99)) / 1_000,
            detection:
                "GET /v1/alerts?customer=ID on a kept-alive connection, every outstanding mention each round, "
                + "0.2 ms between rounds")
    }

    /// Sends requests of bad events only (five kinds of mistake, each event its own error) as fast as ingest
    /// replies, and counts the rejections it reports.
    public func rejection(log: (String) -> Void) throws -> RejectionFigures {
        let stack = try PipelineUnderTest(binDirectory: binDirectory, scoreWorkers: 1)
        defer { stack.stop() }
        let context = try ZMQContext()
        let producer = try EventProducer(endpoint: stack.ingestEndpoint, context: context)
        let kinds = [
            "unknown type", "missing customer", "bad timestamp", "malformed JSON", "NPS score out of range",
        ]
        var requests: [[UInt8]] = []
        var number = 0
        for _ in 0..<rejectionRequests {
            var lines: [String] = []
            for _ in 0..<batchEvents {
                number += 1
                lines.append(Self.badEvent(number))
            }
            requests.append(Array(lines.joined(separator: "\n").utf8))
        }
        let clock = ContinuousClock()
        let started = clock.now
        let tally = try producer.send(requests, inFlight: inFlight)
        let elapsed = (clock.now - started).seconds
        guard tally.rejected == number, tally.accepted == 0 else {
            throw PipelineError.producer(
                "ingest rejected \(tally.rejected) and accepted \(tally.accepted) of \(number) bad events")
        }
        log("  rejection: \(tally.rejected) bad events in \(String(format: "%.2f", elapsed)) s")
        return RejectionFigures(
            requests: requests.count, eventsPerRequest: batchEvents, rejected: tally.rejected, seconds: elapsed,
            rejectedPerSecond: Double(tally.rejected) / elapsed, kinds: kinds)
    }

    static func mention(_ number: Int) -> String {
        "{\"id\":\"bench-mention-\(number)\",\"type\":\"mention\",\"customer\":\"bench-latency-\(number)\","
            + "\"at\":\"2026-11-20T12:00:00Z\",\"channel\":\"twitter\",\"reach\":500,"
            + "\"text\":\"I hate this airline. Worst service ever, on hold for 40 minutes and still no refund.\"}"
    }

    static func badEvent(_ number: Int) -> String {
        switch number % 5 {
        case 0:
            "{\"id\":\"bad-\(number)\",\"type\":\"teleport\",\"customer\":\"c-1\",\"at\":\"2026-11-20T12:00:00Z\"}"
        case 1:
            "{\"id\":\"bad-\(number)\",\"type\":\"purchase\",\"at\":\"2026-11-20T12:00:00Z\",\"order\":\"o-1\","
                + "\"amount\":10.5,\"currency\":\"EUR\"}"
        case 2:
            "{\"id\":\"bad-\(number)\",\"type\":\"reply\",\"customer\":\"c-1\",\"at\":\"yesterday\",\"to\":\"m-1\"}"
        case 3:
            "{\"id\":\"bad-\(number)\",\"type\":"
        default:
            "{\"id\":\"bad-\(number)\",\"type\":\"survey\",\"customer\":\"c-1\",\"at\":\"2026-11-20T12:00:00Z\","
                + "\"kind\":\"nps\",\"score\":11}"
        }
    }
}
