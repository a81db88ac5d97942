import AdvocateCodec
import AdvocateRuntime
import AdvocateStorage
import Logging
import Metrics
import Synchronization
import ZeroMQ

/// A reward worker's thread: takes candidate batches forwarded by ingest, records them in the ledger
/// under the policy in one transaction, then acknowledges the batch back to the scoring worker.
public final class RewardWorker: Sendable {
    private let configuration: RewardConfiguration
    private let store: any RewardStore
    private let policy: any RewardPolicy
    private let context: ZMQContext
    private let logger: Logger
    private let recorded = Mutex<UInt64>(0)

    public init(
        configuration: RewardConfiguration, store: any RewardStore, policy: any RewardPolicy, context: ZMQContext,
        logger: Logger
    ) {
        self.configuration = configuration
        self.store = store
        self.policy = policy
        self.context = context
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
        let candidatesCounter = Counter(label: "advocate_reward_candidates_total")
        while !stop.isStopped {
            guard let message = try link.receive(timeout: 100) else { continue }
            switch message {
            case .candidates(let batch):
                let added = try store.record(batch.candidates) { candidate, ledger in
                    try policy.decide(candidate, ledger: ledger)
                }
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
                try link.send(.candidatesAck(CandidateAck(batch: batch.batch, origin: batch.origin)))
            case .error(let error):
                if error.code == .unknownWorker { try link.sayHello() }
            case .hello, .assign, .resume, .events, .ack, .candidatesAck, .heartbeat, .goodbye, .forward, .forwardAck:
                break
            }
        }
    }
}
