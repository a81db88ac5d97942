import AdvocateReward
import AdvocateRuntime
import ArgumentParser

/// A reward worker: applies the reward policy to candidates and keeps the ledger.
@main
struct RewardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advocate-reward", abstract: "Grant rewards to advocates under the operator's rules, exactly once."
    )

    @Option(help: "Ingest's worker endpoint (ADVOCATE_WORK_ENDPOINT).") var ingest: String?
    @Option(help: "HTTP address (ADVOCATE_REWARD_HTTP_HOST).") var httpHost: String?
    @Option(help: "HTTP port (ADVOCATE_REWARD_HTTP_PORT).") var httpPort: Int?
    @Option(help: "Data directory (ADVOCATE_DATA).") var data: String?
    @Option(help: "PostgreSQL URL instead of SQLite in the data directory (ADVOCATE_DATABASE_URL).")
    var database: String?
    @Option(help: "Worker name, unique per process (ADVOCATE_WORKER_NAME).") var name: String?
    @Option(help: "Reward rules file, YAML; the default rules when absent (ADVOCATE_REWARD_RULES).") var rules: String?
    @Option(help: "ZeroMQ PUB endpoint for issued/reversed rewards, or none (ADVOCATE_REWARD_PUBLISH).")
    var publish: String?
    @Option(help: "Webhook URL told of issued/reversed rewards (ADVOCATE_REWARD_WEBHOOK).") var webhook: String?
    @Option(help: "Bearer token for approve/reject (ADVOCATE_REWARD_TOKEN).") var token: String?
    @Option(help: "CURVE key directory; encrypts and authenticates ZeroMQ (ADVOCATE_CURVE_DIR).") var curveDir: String?
    @Option(help: "Log level (ADVOCATE_LOG_LEVEL).") var logLevel: String?

    func run() async throws {
        let logger = LoggingSetup.rootLogger(label: "advocate.reward", level: logLevel)
        var config = RewardConfiguration()
        config.ingestEndpoint = Setting.string(ingest, env: "ADVOCATE_WORK_ENDPOINT", default: config.ingestEndpoint)
        config.httpHost = Setting.string(httpHost, env: "ADVOCATE_REWARD_HTTP_HOST", default: config.httpHost)
        config.httpPort = try Setting.int(httpPort, env: "ADVOCATE_REWARD_HTTP_PORT", default: config.httpPort)
        config.dataDirectory = Setting.string(data, env: "ADVOCATE_DATA", default: config.dataDirectory)
        config.databaseURL = Setting.optionalString(database, env: "ADVOCATE_DATABASE_URL")
        config.workerName = Setting.string(name, env: "ADVOCATE_WORKER_NAME", default: config.workerName)
        config.rulesPath = Setting.optionalString(rules, env: "ADVOCATE_REWARD_RULES")
        let endpoint = Setting.string(
            publish, env: "ADVOCATE_REWARD_PUBLISH", default: config.publishEndpoint ?? "none")
        config.publishEndpoint = endpoint == "none" ? nil : endpoint
        config.webhookURL = Setting.optionalString(webhook, env: "ADVOCATE_REWARD_WEBHOOK")
        config.token = Setting.optionalString(token, env: "ADVOCATE_REWARD_TOKEN")
        config.curveDirectory = Setting.optionalString(curveDir, env: "ADVOCATE_CURVE_DIR")
        try await StageRunner.run(try RewardStage.services(configuration: config, logger: logger), logger: logger)
    }
}
