import AdvocatePostgres
import AdvocateRuntime
import AdvocateStorage
import Logging
import ServiceLifecycle
import ZeroMQ

/// Assembles a scoring worker: the shared score store, the worker thread and the HTTP server.
public enum ScoreStage {
    public static func services(
        configuration: ScoreConfiguration, scorer: any Scorer, logger: Logger
    ) throws -> [any Service] {
        let store = try StoreFactory(
            dataDirectory: configuration.dataDirectory, databaseURL: configuration.databaseURL, logger: logger
        ).scoreStore()
        let context = try ZMQContext()
        let worker = ScoreWorker(
            configuration: configuration, store: store, scorer: scorer, context: context, logger: logger
        )
        let http = StageHTTPServer.make(
            host: configuration.httpHost, port: configuration.httpPort, registry: StageMetrics.bootstrap(),
            logger: logger,
            health: {
                let status = worker.snapshot
                return HealthReport(
                    healthy: true,
                    detail: [
                        "worker": configuration.workerName, "partitions": "\(status.partitions.count)",
                        "applied": "\(status.applied)",
                    ]
                )
            }
        )
        let loop = ThreadLoopService(name: "score-worker") { stop in
            defer { context.shutdown() }
            try worker.run(until: stop)
        }
        return [loop, http]
    }
}
