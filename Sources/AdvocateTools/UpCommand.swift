import ArgumentParser
import Foundation

/// `advocate up`: the whole stack in the foreground, optionally fed with a simulated stream.
struct UpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up", abstract: "Run ingest, scoring, reward and report locally until Ctrl-C."
    )

    @Option(help: "Scoring processes.") var score: Int = 1
    @Option(help: "Reward processes.") var reward: Int = 1
    @Option(help: "Data directory (ADVOCATE_DATA).") var data: String?
    @Option(help: "PostgreSQL URL instead of SQLite in the data directory (ADVOCATE_DATABASE_URL).")
    var database: String?
    @Option(help: "Feed this many simulated events once the stack is ready, then print the summary.")
    var simulate: Int?
    @Option(help: "Seed for --simulate.") var seed: UInt64 = 1
    @Flag(help: "Stop the stack after --simulate has been fed and reported, instead of running until Ctrl-C.")
    var once = false
    @Option(help: "Reward rules file (YAML); the shipped default, ops/rewards.yaml, when absent.") var rules: String?
    @Option(help: "Log level of the stages.") var logLevel: String = "warning"

    func run() throws {
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var options = StackRunner.Options(
            binDirectory: executable.resolvingSymlinksInPath().deletingLastPathComponent().path)
        options.dataDirectory = data ?? ProcessInfo.processInfo.environment["ADVOCATE_DATA"] ?? "advocate-data"
        options.databaseURL = database
        options.scoreWorkers = max(1, score)
        options.rewardWorkers = max(1, reward)
        options.logLevel = logLevel
        options.rewardRules = rules
        let stack = StackRunner(options: options)
        try stack.start()
        do {
            try stack.waitUntilReady()
        } catch {
            stack.stopAll { print($0) }
            throw error
        }
        print(
            """
            Advocate is running (data in \(options.dataDirectory)):
              ingest   ZeroMQ \(options.ingestEndpoint)   HTTP \(stack.ingestHTTP)/v1/events
              workers  connect to \(options.workEndpoint) (\(options.scoreWorkers) scoring, \(options.rewardWorkers) reward)
              report   \(stack.reportHTTP)/v1/summary
              dashboard \(stack.reportHTTP)/
            """
        )
        if let simulate {
            let lines = try SimulatedLines(events: simulate, customers: nil, seed: seed)
            var sendOptions = EventSender.Options()
            sendOptions.endpoint = options.ingestEndpoint
            // The stages inherit ADVOCATE_CURVE_DIR; the feed must then use the producer's keys too.
            sendOptions.curve = try SendCommand.producerKeys(nil)
            print("Feeding \(simulate) simulated events (seed \(seed))...")
            _ = try SendReport.send(lines, totalBytes: nil, options: sendOptions)
            try waitUntilScored(stack.reportHTTP)
            print(SummaryPrinter.render(try HTTPFetch.json(stack.reportHTTP + "/v1/summary")))
            if once {
                stack.stopAll { print($0) }
                return
            }
        }
        print("Press Ctrl-C to stop.")
        let status = stack.runUntilSignal { print($0) }
        if status != 0 { throw ExitCode(status) }
    }

    /// Waits until scoring has applied everything ingest journalled (or 120 s pass).
    private func waitUntilScored(_ report: String) throws {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let summary = try HTTPFetch.json(report + "/v1/summary")
            if let pipeline = summary["pipeline"] as? [String: Any], pipeline["pending"] as? Int == 0,
                pipeline["outbox"] as? Int == 0
            {
                return
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        print("scoring has not caught up after 120 s; the summary below is partial")
    }
}
