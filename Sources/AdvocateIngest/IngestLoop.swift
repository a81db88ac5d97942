import AdvocateCodec
import AdvocateRuntime
import AdvocateStorage
import Foundation
import Logging
import Metrics
import Synchronization
import ZeroMQ

/// Ingest's I/O thread: owns the producer and worker sockets, group-commits requests to the journal,
/// replies after the commit, and feeds partitions to their scoring owners within their credit.
public final class IngestLoop: Sendable {
    private let configuration: IngestConfiguration
    private let core: IngestCore
    private let context: ZMQContext
    private let gateway: IngestGateway
    private let logger: Logger
    private let status = Mutex(IngestStatus())

    public init(
        configuration: IngestConfiguration, core: IngestCore, context: ZMQContext, gateway: IngestGateway,
        logger: Logger
    ) {
        self.configuration = configuration
        self.core = core
        self.context = context
        self.gateway = gateway
        self.logger = logger
    }

    /// What `/healthz` and `/metrics` show.
    public var snapshot: IngestStatus { status.withLock { $0 } }

    /// Runs until `stop` is set; then replies to what it took, closes its sockets and returns.
    public func run(until stop: StopSignal) throws {
        let producers = try Socket(.router, context: context)
        let workers = try Socket(.router, context: context)
        let wake = try Socket(.pull, context: context)
        defer {
            producers.close()
            workers.close()
            wake.close()
        }
        let curve = try configuration.curveDirectory.map { try CurveKeyDirectory(path: $0).serverKeys() }
        let authenticator = try curve.map { keys in
            try CurveAuthenticator(context: context, authorized: keys.authorized) { [logger] key, address in
                logger.warning(
                    "refused a ZeroMQ client without an authorized CURVE key",
                    metadata: ["curve.key": "\(key)", "peer.address": "\(address)"])
            }
        }
        defer { authenticator?.stop() }
        if let curve {
            try producers.useCurve(curve)
            try workers.useCurve(curve)
        }
        // Frames above the request limit still arrive whole, so the sender gets a "too large" reply; far
        // beyond it libzmq drops the connection instead of buffering without bound.
        try producers.setMaxMessageSize(bytes: Int64(configuration.limits.maxRequestBytes) * 4)
        try producers.setRouterMandatory(true)
        try producers.setLinger(milliseconds: 1_000)
        try producers.bind(configuration.endpoint)
        try workers.setRouterMandatory(true)
        try workers.setRouterHandover(true)
        try workers.useWorkLinkSettings()
        try workers.setMaxMessageSize(bytes: 64 << 20)
        try workers.setLinger(milliseconds: 500)
        try workers.bind(configuration.workEndpoint)
        try wake.bind(IngestGateway.wakeEndpoint)
        logger.info(
            "ingest listening",
            metadata: [
                "zmq.endpoint": "\(configuration.endpoint)", "zmq.work": "\(configuration.workEndpoint)",
                "partitions": "\(core.journal.partitionCount)", "zmq.curve": "\(curve != nil)",
            ]
        )

        var coordinator = Coordinator(partitionCount: core.journal.partitionCount, settings: configuration.coordinator)
        var poller = Poller()
        poller.add(producers)
        poller.add(workers)
        poller.add(wake)
        let clock = ContinuousClock()
        let started = clock.now
        func now() -> UInt64 {
            let elapsed = clock.now - started
            return UInt64(elapsed.components.seconds) * 1_000
                + UInt64(elapsed.components.attoseconds / 1_000_000_000_000_000)
        }
        let epochs: (Int) throws -> UInt64 = { [core] count in try core.journal.reserveEpochs(count) }
        let backlogGauge = Gauge(label: "advocate_ingest_backlog_events")
        let lagGauges = (0..<core.journal.partitionCount).map {
            Gauge(label: "advocate_ingest_ack_lag_events", dimensions: [("partition", "\($0)")])
        }
        let delivered = Counter(label: "advocate_ingest_delivered_events_total")

        while !stop.isStopped {
            let ready = try poller.poll(timeout: 100)
            if ready[2].contains(.readable) {
                while try wake.receive(dontWait: true) != nil {}
            }
            let heads = try core.journal.heads()
            let busy = coordinator.backlog(heads: heads) > configuration.maxBacklog
            try serveProducers(producers, gateway: gateway, busy: busy)
            if ready[1].contains(.readable) {
                try serveWorkers(workers, coordinator: &coordinator, now: now(), epochs: epochs)
            }
            for outgoing in try coordinator.tick(now: now(), epochs: epochs) {
                send(
                    outgoing.message, to: outgoing.to, on: workers, coordinator: &coordinator, now: now(),
                    epochs: epochs)
            }
            let freshHeads = try core.journal.heads()
            for delivery in coordinator.deliveries(heads: freshHeads) {
                let entries = try core.journal.read(
                    partition: delivery.lease.partition, after: delivery.after, limit: delivery.limit
                )
                coordinator.delivered(delivery, through: entries.last?.sequence ?? delivery.after)
                guard !entries.isEmpty else { continue }
                delivered.increment(by: entries.count)
                send(
                    .events(EventBatch(lease: delivery.lease, entries: entries)), to: delivery.to, on: workers,
                    coordinator: &coordinator, now: now(), epochs: epochs
                )
            }
            settleUnreachable(on: workers, coordinator: &coordinator, now: now(), epochs: epochs)
            let backlog = coordinator.backlog(heads: freshHeads)
            backlogGauge.record(Int64(clamping: backlog))
            for (partition, lag) in coordinator.lag(heads: freshHeads).enumerated() where partition < lagGauges.count {
                lagGauges[partition].record(Int64(clamping: lag))
            }
            status.withLock {
                $0.backlog = backlog
                $0.scoreWorkers = coordinator.workerNames(role: .score)
                $0.rewardWorkers = coordinator.workerNames(role: .reward)
                $0.journalEvents = freshHeads.reduce(0, +)
            }
        }
        gateway.failAll(IngestStopped())
        logger.info("ingest stopped")
    }

    /// Takes waiting producer requests (ZeroMQ and HTTP), commits them as one group and replies to each
    /// ZeroMQ peer in the order its requests arrived (producers with several requests in flight rely on it).
    private func serveProducers(_ producers: Socket, gateway: IngestGateway, busy: Bool) throws {
        var envelopes: [[[UInt8]]] = []
        var bodies: [[UInt8]?] = []
        while envelopes.count < configuration.maxGroupRequests,
            let parts = try producers.receiveMultipart(dontWait: true)
        {
            // The routing envelope is every frame up to and including the first empty one: the peer's
            // id that ROUTER prepends, any frames the producer put before the delimiter (a request id),
            // and the delimiter REQ adds. It goes back unchanged in front of the reply.
            let split = parts.dropFirst().firstIndex(where: \.isEmpty).map { $0 + 1 } ?? 1
            envelopes.append(Array(parts[..<split]))
            let frames = parts[split...]
            bodies.append(frames.count == 1 ? frames.first : nil)
        }
        let httpRequests = gateway.drain()
        guard !envelopes.isEmpty || !httpRequests.isEmpty else { return }
        let wellFormed = bodies.compactMap { $0 }
        var replies: [IngestReply]
        if busy {
            replies = Array(repeating: .busy(retryAfterMilliseconds: 250), count: wellFormed.count + httpRequests.count)
            Counter(label: "advocate_ingest_busy_total").increment(by: replies.count)
        } else {
            replies = try core.handle(wellFormed + httpRequests.map(\.body))
        }
        var next = 0
        for (envelope, body) in zip(envelopes, bodies) {
            if body == nil {
                let refusal = try core.reject(
                    reason: "malformed_request", message: "expected exactly one frame holding the events"
                )
                reply(refusal, envelope: envelope, on: producers)
            } else {
                reply(replies[next], envelope: envelope, on: producers)
                next += 1
            }
        }
        for (index, request) in httpRequests.enumerated() {
            request.continuation.resume(returning: replies[wellFormed.count + index])
        }
    }

    private func reply(_ reply: IngestReply, envelope: [[UInt8]], on producers: Socket) {
        do {
            try producers.send(parts: envelope + [Array(reply.json.utf8)])
        } catch {
            // The producer went away; it never saw the acknowledgement and will resend (deduplicated).
            logger.debug("producer gone before its reply", metadata: ["error": "\(error)"])
        }
    }

    private func serveWorkers(
        _ workers: Socket, coordinator: inout Coordinator, now: UInt64, epochs: (Int) throws -> UInt64
    ) throws {
        var handled = 0
        while handled < 10_000, let parts = try workers.receiveMultipart(dontWait: true) {
            handled += 1
            guard parts.count == 2 else { continue }
            let peer = parts[0]
            let message: WireMessage
            do {
                message = try WireMessage(decoding: parts[1])
            } catch {
                let reason = error.kind.reason
                Counter(label: "advocate_ingest_wire_errors_total", dimensions: [("reason", reason)]).increment()
                logger.warning("undecodable worker message", metadata: ["error": "\(error)"])
                send(
                    .error(WireError(code: .malformed, message: "\(error)")), to: peer, on: workers,
                    coordinator: &coordinator, now: now, epochs: epochs
                )
                continue
            }
            if case .hello(let hello) = message {
                logger.info(
                    "worker joined", metadata: ["worker": "\(hello.worker)", "worker.role": "\(hello.role)"]
                )
                for outgoing in try coordinator.hello(from: peer, hello, now: now, epochs: epochs) {
                    send(
                        outgoing.message, to: outgoing.to, on: workers, coordinator: &coordinator, now: now,
                        epochs: epochs)
                }
                continue
            }
            guard coordinator.seen(peer, now: now) else {
                send(
                    .error(WireError(code: .unknownWorker, message: "say hello first")), to: peer, on: workers,
                    coordinator: &coordinator, now: now, epochs: epochs
                )
                continue
            }
            switch message {
            case .resume(let resume):
                coordinator.resume(from: peer, resume, now: now)
            case .ack(let ack):
                coordinator.ack(from: peer, ack, now: now)
            case .candidates(var batch):
                // Forward to a reward worker, remembering the way back; with none connected the score
                // worker's outbox keeps the candidates and it sends them again later.
                guard let reward = coordinator.rewardWorker() else { break }
                batch.origin = peer
                send(.candidates(batch), to: reward, on: workers, coordinator: &coordinator, now: now, epochs: epochs)
            case .candidatesAck(let ack):
                send(
                    .candidatesAck(CandidateAck(batch: ack.batch)), to: ack.origin, on: workers,
                    coordinator: &coordinator, now: now, epochs: epochs
                )
            case .forward(let batch):
                // Events scoring derived for other partitions: journalled like any event, once by id.
                _ = try core.journal.append(batch.events, rejections: [:])
                send(
                    .forwardAck(ForwardAck(batch: batch.batch)), to: peer, on: workers, coordinator: &coordinator,
                    now: now, epochs: epochs
                )
            case .goodbye:
                logger.info("worker left", metadata: ["worker.peer": "\(peer.count) bytes"])
                for outgoing in try coordinator.remove(peer, now: now, epochs: epochs) {
                    send(
                        outgoing.message, to: outgoing.to, on: workers, coordinator: &coordinator, now: now,
                        epochs: epochs)
                }
            case .error(let error) where error.code == .staleEpoch:
                // The worker got events under a lease newer than any it holds: its view of its partitions is
                // behind ours. Tell it its assignment again.
                logger.warning("worker behind on its assignment", metadata: ["error": "\(error.message)"])
                for outgoing in coordinator.assignment(for: peer) {
                    send(
                        outgoing.message, to: outgoing.to, on: workers, coordinator: &coordinator, now: now,
                        epochs: epochs)
                }
            case .error(let error):
                logger.warning("worker reported an error", metadata: ["error": "\(error.message)"])
            case .heartbeat, .hello, .assign, .events, .forwardAck:
                break
            }
        }
    }

    /// Removes the workers that sends found gone, once every message planned before is out, and sends the
    /// resulting assignments (which may find more workers gone).
    private func settleUnreachable(
        on workers: Socket, coordinator: inout Coordinator, now: UInt64, epochs: (Int) throws -> UInt64
    ) {
        while !coordinator.unreachable.isEmpty {
            do {
                for outgoing in try coordinator.removeUnreachable(now: now, epochs: epochs) {
                    send(
                        outgoing.message, to: outgoing.to, on: workers, coordinator: &coordinator, now: now,
                        epochs: epochs)
                }
            } catch {
                // New epochs could not be reserved; the partitions stay unowned until the next rebalance.
                logger.warning("moving partitions failed", metadata: ["error": "\(error)"])
                return
            }
        }
    }

    /// Sends to a worker; a worker found gone is marked, and removed by `settleUnreachable` once the messages
    /// already planned are out.
    private func send(
        _ message: WireMessage, to peer: [UInt8], on workers: Socket, coordinator: inout Coordinator, now: UInt64,
        epochs: (Int) throws -> UInt64
    ) {
        do {
            try workers.send(parts: [peer, message.encoded()], dontWait: true)
        } catch let error as ZMQError where error.isUnroutable {
            if coordinator.markUnreachable(peer) {
                logger.info("worker unreachable, moving its partitions")
            }
        } catch {
            logger.warning("send to worker failed", metadata: ["error": "\(error)"])
        }
    }
}

/// Ingest's live state for `/healthz`.
public struct IngestStatus: Sendable, Hashable {
    public var backlog: UInt64 = 0
    public var journalEvents: UInt64 = 0
    public var scoreWorkers: [String] = []
    public var rewardWorkers: [String] = []
}

/// A request that was waiting when ingest shut down; it was not taken.
public struct IngestStopped: Error, CustomStringConvertible {
    public var description: String { "ingest is shutting down; nothing of this request was taken, send it again" }
}
