import AdvocateReport
import AdvocateRuntime
import ArgumentParser

/// The reporting API: the numbers people act on, read from every stage's committed data.
@main
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advocate-report",
        abstract: "Serve the dashboard, summaries, customer profiles, alerts, rewards and survey figures."
    )

    @Option(help: "HTTP address (ADVOCATE_REPORT_HTTP_HOST).") var httpHost: String?
    @Option(help: "HTTP port (ADVOCATE_REPORT_HTTP_PORT).") var httpPort: Int?
    @Option(help: "Data directory (ADVOCATE_DATA).") var data: String?
    @Option(help: "PostgreSQL URL instead of SQLite in the data directory (ADVOCATE_DATABASE_URL).")
    var database: String?
    @Option(help: "Bearer token for data endpoints (ADVOCATE_REPORT_TOKEN).") var token: String?
    @Option(help: "Alert response target in minutes (ADVOCATE_REPORT_SLA_MINUTES).") var slaMinutes: Int?
    @Option(help: "Log level (ADVOCATE_LOG_LEVEL).") var logLevel: String?

    func run() async throws {
        let logger = LoggingSetup.rootLogger(label: "advocate.report", level: logLevel)
        var config = ReportConfiguration()
        config.httpHost = Setting.string(httpHost, env: "ADVOCATE_REPORT_HTTP_HOST", default: config.httpHost)
        config.httpPort = try Setting.int(httpPort, env: "ADVOCATE_REPORT_HTTP_PORT", default: config.httpPort)
        config.dataDirectory = Setting.string(data, env: "ADVOCATE_DATA", default: config.dataDirectory)
        config.databaseURL = Setting.optionalString(database, env: "ADVOCATE_DATABASE_URL")
        config.token = Setting.optionalString(token, env: "ADVOCATE_REPORT_TOKEN")
        config.slaMinutes = try Setting.int(slaMinutes, env: "ADVOCATE_REPORT_SLA_MINUTES", default: config.slaMinutes)
        guard config.slaMinutes > 0 else {
            throw ValidationError("the SLA must be at least 1 minute, not \(config.slaMinutes)")
        }
        try await StageRunner.run(
            try ReportStage.services(configuration: config, profiler: ModelProfiler(), logger: logger), logger: logger)
    }
}
