import AdvocateRuntime
import AdvocateScore
import ArgumentParser

/// A scoring worker: owns partitions of customers and turns their events into scores and outputs.
@main
struct ScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advocate-score", abstract: "Score customers of the partitions ingest assigns."
    )

    @Option(help: "Ingest's worker endpoint (ADVOCATE_WORK_ENDPOINT).") var ingest: String?
    @Option(help: "HTTP address (ADVOCATE_SCORE_HTTP_HOST).") var httpHost: String?
    @Option(help: "HTTP port (ADVOCATE_SCORE_HTTP_PORT).") var httpPort: Int?
    @Option(help: "Data directory (ADVOCATE_DATA).") var data: String?
    @Option(help: "PostgreSQL URL instead of SQLite in the data directory (ADVOCATE_DATABASE_URL).")
    var database: String?
    @Option(help: "Worker name, unique per process (ADVOCATE_WORKER_NAME).") var name: String?
    @Option(help: "CURVE key directory; encrypts and authenticates ZeroMQ (ADVOCATE_CURVE_DIR).") var curveDir: String?
    @Option(help: "Log level (ADVOCATE_LOG_LEVEL).") var logLevel: String?

    func run() async throws {
        let logger = LoggingSetup.rootLogger(label: "advocate.score", level: logLevel)
        var config = ScoreConfiguration()
        config.ingestEndpoint = Setting.string(ingest, env: "ADVOCATE_WORK_ENDPOINT", default: config.ingestEndpoint)
        config.httpHost = Setting.string(httpHost, env: "ADVOCATE_SCORE_HTTP_HOST", default: config.httpHost)
        config.httpPort = try Setting.int(httpPort, env: "ADVOCATE_SCORE_HTTP_PORT", default: config.httpPort)
        config.dataDirectory = Setting.string(data, env: "ADVOCATE_DATA", default: config.dataDirectory)
        config.databaseURL = Setting.optionalString(database, env: "ADVOCATE_DATABASE_URL")
        config.workerName = Setting.string(name, env: "ADVOCATE_WORKER_NAME", default: config.workerName)
        config.curveDirectory = Setting.optionalString(curveDir, env: "ADVOCATE_CURVE_DIR")
        let services = try ScoreStage.services(configuration: config, scorer: AdvocacyScorer(), logger: logger)
        try await StageRunner.run(services, logger: logger)
    }
}
