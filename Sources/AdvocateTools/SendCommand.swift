import AdvocateRuntime
import ArgumentParser
import Foundation
import ZeroMQ

/// `advocate send`: NDJSON from a file or standard input to ingest, with progress and a summary.
struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send", abstract: "Send NDJSON events to ingest; exits non-zero if any was rejected."
    )

    @Argument(help: "An NDJSON file, or - for standard input.") var file: String
    @Option(help: "Ingest's ZeroMQ endpoint (ADVOCATE_INGEST_ENDPOINT).") var endpoint: String?
    @Option(help: "Events per request.") var batch: Int = 1_000
    @Option(help: "Requests in flight.") var inFlight: Int = 8
    @Option(help: "CURVE key directory holding server.public and the producer pair (ADVOCATE_CURVE_DIR).")
    var curveDir: String?

    func run() throws {
        var options = EventSender.Options()
        options.endpoint =
            endpoint ?? ProcessInfo.processInfo.environment["ADVOCATE_INGEST_ENDPOINT"] ?? options.endpoint
        options.batchEvents = max(1, batch)
        options.inFlight = max(1, inFlight)
        options.curve = try Self.producerKeys(curveDir)
        let reader = try LineReader(path: file)
        let size = file == "-" ? nil : (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
        let summary = try SendReport.send(reader, totalBytes: size ?? nil, options: options)
        if summary.rejected > 0 { throw ExitCode(1) }
    }

    /// The producer's CURVE keys from `--curve-dir` or `ADVOCATE_CURVE_DIR`, or `nil` when neither is set.
    static func producerKeys(_ flag: String?) throws -> CurveClientKeys? {
        guard let directory = flag ?? Setting.environment("ADVOCATE_CURVE_DIR") else { return nil }
        return try CurveKeyDirectory(path: directory).clientKeys(role: "producer")
    }
}

/// Sends with a progress bar and prints the summary; shared by `send` and `up --simulate`.
enum SendReport {
    static func send(
        _ source: any LineSource, totalBytes: Int?, options: EventSender.Options
    ) throws -> EventSender.Summary {
        let bar = ProgressBar(totalBytes: totalBytes)
        let sender = try EventSender(options: options)
        let summary = try sender.send(source) { bar.draw($0) }
        bar.finish()
        print(render(summary))
        return summary
    }

    static func render(_ summary: EventSender.Summary) -> String {
        let rate = summary.elapsed > 0 ? Int(Double(summary.sent) / summary.elapsed) : summary.sent
        var lines = [
            "sent \(ProgressBar.grouped(summary.sent)) events in \(String(format: "%.1f", summary.elapsed)) s "
                + "(\(ProgressBar.grouped(rate)) events/s): accepted \(ProgressBar.grouped(summary.accepted)), "
                + "duplicates \(ProgressBar.grouped(summary.duplicates)), rejected \(ProgressBar.grouped(summary.rejected))"
        ]
        if summary.busyRetries > 0 {
            lines.append("ingest was busy \(summary.busyRetries) times; those requests were sent again")
        }
        if summary.timeouts > 0 { lines.append("\(summary.timeouts) requests timed out and were sent again") }
        if summary.rejected > 0 {
            lines.append("rejected by reason:")
            for (reason, count) in summary.rejectedByReason.sorted(by: { $0.value > $1.value }) {
                lines.append("  \(reason): \(count)")
            }
            lines.append("first rejections:")
            for example in summary.examples {
                lines.append("  line \(example.line)\(example.id.map { " (id \($0))" } ?? ""): \(example.error)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
