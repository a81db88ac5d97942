import AdvocatePostgres
import AdvocateRuntime
import AdvocateStorage
import Foundation
import Logging
import ServiceLifecycle
import ZeroMQ

/// Assembles a reward worker: the rules, the ledger, the worker thread, the webhook loop and the HTTP server.
public enum RewardStage {
    /// - Throws: `RulesError` when the rules file is bad (the stage does not start on rules it cannot read).
    public static func services(
        configuration: RewardConfiguration, policy: (any RewardPolicy)? = nil, logger: Logger
    ) throws -> [any Service] {
        let webhook = try configuration.webhookURL.map { text in
            guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https" else {
                throw RewardConfigurationError(message: "the webhook \"\(text)\" is not an http(s) URL")
            }
            return url
        }
        let store = try StoreFactory(
            dataDirectory: configuration.dataDirectory, databaseURL: configuration.databaseURL, logger: logger
        ).rewardStore(notifies: webhook != nil)
        let holder = try RulesHolder(path: configuration.rulesPath, store: store, logger: logger)
        let context = try ZMQContext()
        let publisher = RewardPublisher(logger: logger)
        let worker = RewardWorker(
            configuration: configuration, store: store, policy: policy ?? HeldRulesPolicy(holder: holder),
            context: context, publisher: publisher, logger: logger
        )
        let api = RewardAPI(store: store, publisher: publisher, token: configuration.token, logger: logger)
        let http = StageHTTPServer.make(
            host: configuration.httpHost, port: configuration.httpPort, registry: StageMetrics.bootstrap(),
            logger: logger,
            health: {
                HealthReport(
                    healthy: true,
                    detail: ["worker": configuration.workerName, "recorded": "\(worker.entriesRecorded)"]
                )
            },
            routes: api.register
        )
        let loop = ThreadLoopService(name: "reward-worker") { stop in
            defer { context.shutdown() }
            try worker.run(until: stop)
        }
        var services: [any Service] = [loop, http, HangupReload(holder: holder)]
        if let webhook {
            let delivery = WebhookDelivery(configuration: configuration, url: webhook, store: store, logger: logger)
            services.append(ThreadLoopService(name: "reward-webhook") { stop in delivery.run(until: stop) })
        }
        return services
    }
}
