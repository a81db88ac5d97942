import AdvocateIngest
import AdvocateRuntime
import ArgumentParser

/// The front door: takes events over ZeroMQ and HTTP, journals them durably, feeds scoring.
@main
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advocate-ingest", abstract: "Accept, validate, journal and route customer events."
    )

    @Option(help: "ZeroMQ endpoint producers send to (ADVOCATE_INGEST_ENDPOINT).") var endpoint: String?
    @Option(help: "ZeroMQ endpoint workers connect to (ADVOCATE_WORK_ENDPOINT).") var workEndpoint: String?
    @Option(help: "HTTP address (ADVOCATE_INGEST_HTTP_HOST).") var httpHost: String?
    @Option(help: "HTTP port (ADVOCATE_INGEST_HTTP_PORT).") var httpPort: Int?
    @Option(help: "Data directory (ADVOCATE_DATA).") var data: String?
    @Option(help: "PostgreSQL URL instead of SQLite in the data directory (ADVOCATE_DATABASE_URL).")
    var database: String?
    @Option(help: "Partitions of a new journal (ADVOCATE_PARTITIONS).") var partitions: Int?
    @Option(help: "Bearer token for POST /v1/events (ADVOCATE_INGEST_TOKEN).") var token: String?
    @Option(help: "Unscored events beyond which producers are told to retry (ADVOCATE_MAX_BACKLOG).")
    var maxBacklog: Int?
    @Option(help: "CURVE key directory; encrypts and authenticates ZeroMQ (ADVOCATE_CURVE_DIR).") var curveDir: String?
    @Option(help: "Log level (ADVOCATE_LOG_LEVEL).") var logLevel: String?

    func run() async throws {
        let logger = LoggingSetup.rootLogger(label: "advocate.ingest", level: logLevel)
        var config = IngestConfiguration()
        config.endpoint = Setting.string(endpoint, env: "ADVOCATE_INGEST_ENDPOINT", default: config.endpoint)
        config.workEndpoint = Setting.string(workEndpoint, env: "ADVOCATE_WORK_ENDPOINT", default: config.workEndpoint)
        config.httpHost = Setting.string(httpHost, env: "ADVOCATE_INGEST_HTTP_HOST", default: config.httpHost)
        config.httpPort = try Setting.int(httpPort, env: "ADVOCATE_INGEST_HTTP_PORT", default: config.httpPort)
        config.dataDirectory = Setting.string(data, env: "ADVOCATE_DATA", default: config.dataDirectory)
        config.databaseURL = Setting.optionalString(database, env: "ADVOCATE_DATABASE_URL")
        config.partitions = UInt32(
            try Setting.int(partitions, env: "ADVOCATE_PARTITIONS", default: Int(config.partitions)))
        config.contactKey = Setting.string(nil, env: "ADVOCATE_CONTACT_KEY", default: config.contactKey)
        config.token = Setting.optionalString(token, env: "ADVOCATE_INGEST_TOKEN")
        config.curveDirectory = Setting.optionalString(curveDir, env: "ADVOCATE_CURVE_DIR")
        let backlog = try Setting.int(maxBacklog, env: "ADVOCATE_MAX_BACKLOG", default: Int(config.maxBacklog))
        config.maxBacklog = UInt64(max(1, backlog))
        try await StageRunner.run(try IngestStage.services(configuration: config, logger: logger), logger: logger)
    }
}
