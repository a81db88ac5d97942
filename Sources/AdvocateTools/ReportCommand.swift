import ArgumentParser
import Foundation

/// `advocate report`: the key numbers from the report API, for a terminal.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Print the key numbers.")

    @Option(help: "The report API (ADVOCATE_REPORT_URL).") var url: String?
    @Option(help: "Bearer token (ADVOCATE_REPORT_TOKEN).") var token: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let base = url ?? environment["ADVOCATE_REPORT_URL"] ?? "http://127.0.0.1:8080"
        let bearer = token ?? environment["ADVOCATE_REPORT_TOKEN"]
        let summary = try HTTPFetch.json(base + "/v1/summary", token: bearer)
        print(SummaryPrinter.render(summary))
        var metrics: [String: [String: Any]] = [:]
        for kind in ["nps", "csat", "ces"] {
            metrics[kind] = try? HTTPFetch.json(base + "/v1/metrics/" + kind, token: bearer)
        }
        let keyNumbers = SummaryPrinter.renderKeyNumbers(
            metrics: metrics, queue: try? HTTPFetch.json(base + "/v1/alerts/queue", token: bearer),
            referrals: try? HTTPFetch.json(base + "/v1/referrals", token: bearer),
            topics: try? HTTPFetch.json(base + "/v1/topics?limit=3", token: bearer)
        )
        if !keyNumbers.isEmpty { print(keyNumbers) }
    }
}
