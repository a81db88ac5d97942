import Foundation

/// Runs the whole pipeline on one machine: the four stages as separate processes on loopback, sharing
/// one data directory. Reports any stage that exits; restarts none.
public final class StackRunner: @unchecked Sendable {
    // Mutable state is touched only under `lock`; termination handlers run on Foundation's threads.

    public struct Options: Sendable {
        public var dataDirectory = "advocate-data"
        /// A PostgreSQL URL every stage stores in instead of SQLite files in `dataDirectory`.
        public var databaseURL: String?
        public var scoreWorkers = 1
        public var rewardWorkers = 1
        /// Where the stage executables are (defaults to the directory of the running `advocate`).
        public var binDirectory: String
        public var ingestEndpoint = "tcp://127.0.0.1:5570"
        public var workEndpoint = "tcp://127.0.0.1:5571"
        public var ingestHTTPPort = 8070
        public var reportHTTPPort = 8080
        /// Scoring workers use consecutive ports from here, reward workers from `rewardHTTPPortBase`.
        public var scoreHTTPPortBase = 8100
        public var rewardHTTPPortBase = 8200
        /// Reward workers publish issued and reversed rewards on consecutive ports from here.
        public var rewardPublishPortBase = 5572
        /// The reward rules file; the shipped default rules when `nil`.
        public var rewardRules: String?
        public var logLevel = "info"

        public init(binDirectory: String) {
            self.binDirectory = binDirectory
        }
    }

    /// One running stage process.
    struct Stage {
        var name: String
        var process: Process
    }

    public let options: Options
    private let lock = NSLock()
    private var stages: [Stage] = []
    private var stopping = false
    private let events = DispatchSemaphore(value: 0)
    private var exits: [(name: String, status: Int32)] = []

    public init(options: Options) {
        self.options = options
    }

    public var ingestHTTP: String { "http://127.0.0.1:\(options.ingestHTTPPort)" }
    public var reportHTTP: String { "http://127.0.0.1:\(options.reportHTTPPort)" }

    /// Starts every stage; throws if an executable is missing or cannot start.
    public func start() throws {
        try FileManager.default.createDirectory(atPath: options.dataDirectory, withIntermediateDirectories: true)
        let common =
            ["--data", options.dataDirectory, "--log-level", options.logLevel]
            + (options.databaseURL.map { ["--database", $0] } ?? [])
        try launch(
            "ingest", "advocate-ingest",
            common + [
                "--endpoint", options.ingestEndpoint, "--work-endpoint", options.workEndpoint,
                "--http-port", "\(options.ingestHTTPPort)",
            ]
        )
        for index in 0..<options.scoreWorkers {
            try launch(
                "score-\(index + 1)", "advocate-score",
                common + ["--ingest", options.workEndpoint, "--http-port", "\(options.scoreHTTPPortBase + index)"]
            )
        }
        for index in 0..<options.rewardWorkers {
            try launch(
                "reward-\(index + 1)", "advocate-reward",
                common + ["--ingest", options.workEndpoint, "--http-port", "\(options.rewardHTTPPortBase + index)"]
                    + ["--publish", "tcp://127.0.0.1:\(options.rewardPublishPortBase + index)"]
                    + (options.rewardRules.map { ["--rules", $0] } ?? [])
            )
        }
        try launch("report", "advocate-report", common + ["--http-port", "\(options.reportHTTPPort)"])
    }

    private func launch(_ name: String, _ executable: String, _ arguments: [String]) throws {
        let path = (options.binDirectory as NSString).appendingPathComponent(executable)
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ToolError("\(path) is missing; build the package first (swift build)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.terminationHandler = { [weak self] finished in
            self?.exited(name: name, status: finished.terminationStatus)
        }
        try process.run()
        lock.withLock { stages.append(Stage(name: name, process: process)) }
    }

    private func exited(name: String, status: Int32) {
        lock.withLock { exits.append((name, status)) }
        events.signal()
    }

    /// Waits until ingest has a scoring and a reward worker and report answers, or throws after `timeout`.
    public func waitUntilReady(timeout: Double = 60) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let died = lock.withLock({ exits.first }) {
                throw ToolError("advocate-\(died.name) exited with status \(died.status) while starting")
            }
            if let health = try? HTTPFetch.json(ingestHTTP + "/healthz", token: nil),
                Int(health["score_workers"] as? String ?? "") ?? 0 >= options.scoreWorkers,
                Int(health["reward_workers"] as? String ?? "") ?? 0 >= options.rewardWorkers,
                (try? HTTPFetch.get(reportHTTP + "/healthz").status) == 200
            {
                return
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        throw ToolError("the stack did not become ready within \(Int(timeout)) s")
    }

    /// Blocks until SIGINT or SIGTERM (then stops every stage and returns 0), or until ingest or report
    /// exits (then stops the rest and returns 1). A worker that exits is reported and the rest go on.
    public func runUntilSignal(report: (String) -> Void) -> Int32 {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let queue = DispatchQueue(label: "advocate.up.signals")
        let sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in
                self?.lock.withLock { self?.stopping = true }
                self?.events.signal()
            }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        while true {
            events.wait()
            let (isStopping, newExits) = lock.withLock { () -> (Bool, [(name: String, status: Int32)]) in
                defer { exits.removeAll() }
                return (stopping, exits)
            }
            if isStopping {
                stopAll(report: report)
                return 0
            }
            for exit in newExits {
                report("advocate-\(exit.name) exited with status \(exit.status); it is not restarted")
                if exit.name == "ingest" || exit.name == "report" {
                    stopAll(report: report)
                    return 1
                }
            }
        }
    }

    /// Sends SIGTERM to every stage (workers first, ingest last), waits up to `grace` seconds, then kills.
    public func stopAll(grace: Double = 15, report: (String) -> Void) {
        let running = lock.withLock { () -> [Stage] in
            stopping = true
            return stages
        }
        let order = running.filter { $0.name != "ingest" } + running.filter { $0.name == "ingest" }
        for stage in order where stage.process.isRunning {
            kill(stage.process.processIdentifier, SIGTERM)
        }
        let deadline = Date().addingTimeInterval(grace)
        for stage in order {
            while stage.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if stage.process.isRunning {
                report("advocate-\(stage.name) did not stop within \(Int(grace)) s; killing it")
                kill(stage.process.processIdentifier, SIGKILL)
            }
            stage.process.waitUntilExit()
        }
    }
}
