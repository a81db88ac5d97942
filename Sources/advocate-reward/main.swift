import AdvocateReward
import AdvocateRuntime
import ArgumentParser

/// A reward worker: applies the reward policy to candidates and keeps the ledger.
@main
struct RewardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advocate-reward", abstract: "Grant rewards to advocates, exactly once."
    )

    @Option(help: "Ingest's worker endpoint (ADVOCATE_WORK_ENDPOINT).") var ingest: String?
    @Option(help: "HTTP address (ADVOCATE_REWARD_HTTP_HOST).") var httpHost: String?
    @Option(help: "HTTP port (ADVOCATE_REWARD_HTTP_PORT).") var httpPort: Int?
    @Option(help: "Data directory (ADVOCATE_DATA).") var data: String?
    @Option(help: "PostgreSQL URL instead of SQLite in the data directory (ADVOCATE_DATABASE_URL).")
    var database: String?
    @Option(help: "Worker name, unique per process (ADVOCATE_WORKER_NAME).") var name: String?
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
        try await StageRunner.run(try RewardStage.services(configuration: config, logger: logger), logger: logger)
    }
}
