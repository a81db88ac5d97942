import Foundation

/// The real stage executables (release builds) running on loopback in a fresh data directory: ingest, N
/// scoring workers, reward workers and report, each on ports the system chose, with the default (durable)
/// storage settings. Stopped with SIGTERM, as an operator would.
public final class PipelineUnderTest {
    /// The ZeroMQ endpoint producers send to.
    public let ingestEndpoint: String
    public let ingestHTTPPort: Int
    public let reportHTTPPort: Int
    /// Where the stages keep their data and logs; removed by `stop()`.
    public let directory: URL
    private var processes: [(name: String, process: Process)] = []

    /// Starts every stage and waits until ingest counts its workers and report answers.
    ///
    /// - Parameters:
    ///   - binDirectory: where `advocate-ingest`, `advocate-score`, `advocate-reward` and `advocate-report` are.
    ///   - scoreWorkers: scoring processes.
    ///   - rewardWorkers: reward processes.
    /// - Throws: `PipelineError.stage` when an executable is missing or a stage dies, `.timeout` when the stack
    ///   is not ready within 60 s.
    public init(binDirectory: String, scoreWorkers: Int, rewardWorkers: Int = 1) throws(PipelineError) {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("advocate-bench-\(UUID())")
        let ports = FreePorts.take(4 + scoreWorkers + rewardWorkers)
        ingestEndpoint = "tcp://127.0.0.1:\(ports[0])"
        let workEndpoint = "tcp://127.0.0.1:\(ports[1])"
        ingestHTTPPort = ports[2]
        reportHTTPPort = ports[3]
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .stage("cannot create \(directory.path): \(error)")
        }
        let common = ["--data", directory.appendingPathComponent("data").path, "--log-level", "warning"]
        do {
            try launch(
                "ingest", binDirectory,
                common + ["--endpoint", ingestEndpoint, "--work-endpoint", workEndpoint, "--http-port", "\(ports[2])"])
            for index in 0..<scoreWorkers {
                try launch(
                    "score", binDirectory,
                    common + ["--ingest", workEndpoint, "--http-port", "\(ports[4 + index])"], index: index)
            }
            for index in 0..<rewardWorkers {
                try launch(
                    "reward", binDirectory,
                    common + ["--ingest", workEndpoint, "--http-port", "\(ports[4 + scoreWorkers + index])"],
                    index: index)
            }
            try launch("report", binDirectory, common + ["--http-port", "\(ports[3])"])
            try waitUntilReady(scoreWorkers: scoreWorkers, rewardWorkers: rewardWorkers)
        } catch {
            stop()
            throw error
        }
    }

    private func launch(
        _ stage: String, _ binDirectory: String, _ arguments: [String], index: Int = 0
    )
        throws(PipelineError)
    {
        let path = URL(fileURLWithPath: binDirectory).appendingPathComponent("advocate-\(stage)").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw .stage("\(path) is missing; build the product in release mode first (ops/bench does)")
        }
        let name = "\(stage)-\(index + 1)"
        let log = directory.appendingPathComponent("\(name).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = try? FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        do {
            try process.run()
        } catch {
            throw .stage("cannot start \(path): \(error)")
        }
        processes.append((name, process))
    }

    private func waitUntilReady(scoreWorkers: Int, rewardWorkers: Int) throws(PipelineError) {
        let ingest = HTTPConnection(port: ingestHTTPPort)
        let report = HTTPConnection(port: reportHTTPPort)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            try checkAlive()
            if let health = try? ingest.json("/healthz"),
                Self.count(health["score_workers"]) >= scoreWorkers,
                Self.count(health["reward_workers"]) >= rewardWorkers,
                (try? report.get("/healthz").status) == 200
            {
                return
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw .timeout("the stack in \(directory.path) was not ready within 60 s")
    }

    /// Throws when a stage has exited, naming it and the end of its log.
    public func checkAlive() throws(PipelineError) {
        for (name, process) in processes where !process.isRunning {
            throw .stage("advocate-\(name) exited with status \(process.terminationStatus): \(logTail(name))")
        }
    }

    private func logTail(_ name: String) -> String {
        let log = (try? String(contentsOf: directory.appendingPathComponent("\(name).log"), encoding: .utf8)) ?? ""
        return String(log.suffix(800))
    }

    /// Stops every stage with SIGTERM (workers first, ingest last), kills any still running after 15 s, and
    /// removes the data directory.
    public func stop() {
        let ordered =
            processes.filter { !$0.name.hasPrefix("ingest") } + processes.filter { $0.name.hasPrefix("ingest") }
        for (_, process) in ordered where process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let deadline = Date().addingTimeInterval(15)
        for (_, process) in ordered {
            let pid = process.processIdentifier
            while process.isRunning && !Self.hasExited(pid) && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
            if process.isRunning && !Self.hasExited(pid) { kill(pid, SIGKILL) }
            // Foundation reaps its children from a signal handler of its own and now and then misses one,
            // which would leave `waitUntilExit()` waiting forever: give it a moment, then reap the child here.
            let reapBy = Date().addingTimeInterval(2)
            while process.isRunning && Date() < reapBy { Thread.sleep(forTimeInterval: 0.02) }
            if process.isRunning {
                var status: Int32 = 0
                _ = waitpid(pid, &status, 0)
            }
        }
        processes.removeAll()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Whether the process has ended (a zombie waiting to be reaped, or gone), from `/proc`.
    private static func hasExited(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        // The state follows the command name, which is in parentheses and may itself hold spaces.
        guard let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    private static func count(_ value: Any?) -> Int {
        if let number = value as? Int { return number }
        return (value as? String).flatMap { Int($0) } ?? 0
    }
}
