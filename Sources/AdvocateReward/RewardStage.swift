import AdvocatePostgres
import AdvocateRuntime
import AdvocateStorage
import Logging
import ServiceLifecycle
import ZeroMQ

/// Assembles a reward worker: the ledger, the worker thread and the HTTP server.
public enum RewardStage {
    public static func services(
        configuration: RewardConfiguration, policy: any RewardPolicy = DefaultRewardPolicy(), logger: Logger
    ) throws -> [any Service] {
        let store = try StoreFactory(
            dataDirectory: configuration.dataDirectory, databaseURL: configuration.databaseURL, logger: logger
        ).rewardStore()
        let context = try ZMQContext()
        let worker = RewardWorker(
            configuration: configuration, store: store, policy: policy, context: context, logger: logger
        )
        let http = StageHTTPServer.make(
            host: configuration.httpHost, port: configuration.httpPort, registry: StageMetrics.bootstrap(),
            logger: logger,
            health: {
                HealthReport(
                    healthy: true,
                    detail: ["worker": configuration.workerName, "recorded": "\(worker.entriesRecorded)"]
                )
            }
        )
        let loop = ThreadLoopService(name: "reward-worker") { stop in
            defer { context.shutdown() }
            try worker.run(until: stop)
        }
        return [loop, http]
    }
}
