import AdvocateCodec
import AdvocateRuntime
import AdvocateStorage
import Logging
import Metrics
import Synchronization
import ZeroMQ

/// A reward worker's thread: takes candidate batches forwarded by ingest, records them in the ledger
/// under the policy in one transaction, then acknowledges the batch back to the scoring worker, and
/// publishes what was issued or reversed on its PUB socket (which this thread owns).
public final class RewardWorker: Sendable {
    private let configuration: RewardConfiguration
    private let store: any RewardStore
    private let policy: any RewardPolicy
    private let context: ZMQContext
    private let logger: Logger
    private let publisher: RewardPublisher
    private let recorded = Mutex<UInt64>(0)

    public init(
        configuration: RewardConfiguration, store: any RewardStore, policy: any RewardPolicy, context: ZMQContext,
        publisher: RewardPublisher, logger: Logger
    ) {
        self.configuration = configuration
        self.store = store
        self.policy = policy
        self.context = context
        self.publisher = publisher
        self.logger = logger
    }

    /// Ledger entries this process added.
    public var entriesRecorded: UInt64 { recorded.withLock { $0 } }

    public func run(until stop: StopSignal) throws {
        let link = try WorkerLink(
            context: context, endpoint: configuration.ingestEndpoint,
            hello: WorkerHello(worker: configuration.workerName, role: .reward, capacity: configuration.capacity),
            heartbeatMilliseconds: configuration.heartbeatMilliseconds,
            silenceMilliseconds: configuration.ingestTimeoutMilliseconds, logger: logger,
            curve: try configuration.curveDirectory.map { try CurveKeyDirectory(path: $0).clientKeys(role: "reward") }
        )
        defer { link.close() }
        let pub = try publishSocket()
        defer { pub?.close() }
        BudgetGauges.update(store: store, logger: logger)
        let candidatesCounter = Counter(label: "advocate_reward_candidates_total")
        while !stop.isStopped {
            publisher.flush(pub)
            guard let message = try link.receive(timeout: 100) else { continue }
            switch message {
            case .candidates(let batch):
                let added = try store.record(batch.candidates) { candidate, ledger in
                    try policy.decide(candidate, ledger: ledger)
                }
                publisher.enqueue(RewardNotice.notices(for: added))
                candidatesCounter.increment(by: batch.candidates.count)
                for entry in added {
                    Counter(
                        label: "advocate_reward_entries_total",
                        dimensions: [("rule", entry.rule), ("status", entry.status.rawValue)]
                    )
                    .increment()
                    logger.info(
                        "reward recorded",
                        metadata: [
                            "reward.id": "\(entry.id)", "reward.customer": "\(entry.customer)",
                            "reward.status": "\(entry.status.rawValue)",
                        ]
                    )
                }
                recorded.withLock { $0 += UInt64(added.count) }
                if !added.isEmpty { BudgetGauges.update(store: store, logger: logger) }
                try link.send(.candidatesAck(CandidateAck(batch: batch.batch, origin: batch.origin)))
            case .error(let error):
                if error.code == .unknownWorker { try link.helloAgain() }
            case .hello, .assign, .resume, .events, .ack, .candidatesAck, .heartbeat, .goodbye, .forward, .forwardAck:
                break
            }
        }
    }

    private func publishSocket() throws -> Socket? {
        guard let endpoint = configuration.publishEndpoint, !endpoint.isEmpty else { return nil }
        let socket = try Socket(.pub, context: context)
        try socket.setLinger(milliseconds: 500)
        try socket.setSendHighWaterMark(100_000)
        do {
            try socket.bind(endpoint)
        } catch {
            // Another process holds the endpoint (e.g. a second reward worker with the same settings): the
            // ledger and the webhook do not depend on PUB, so the worker goes on without it.
            logger.error(
                "reward PUB endpoint not bound; not publishing",
                metadata: ["zmq.endpoint": "\(endpoint)", "error": "\(error)"])
            socket.close()
            return nil
        }
        logger.info("publishing rewards", metadata: ["zmq.endpoint": "\(endpoint)"])
        return socket
    }
}
