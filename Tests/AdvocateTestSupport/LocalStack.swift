import Foundation

/// The four stages as real processes on loopback with free ports and a temporary data directory.
public final class LocalStack: @unchecked Sendable {
    // Used from one test's thread.
    public let data: TemporaryDirectory
    public let ingestEndpoint: String
    public let workEndpoint: String
    public let ingestHTTP: String
    public let reportHTTP: String
    public private(set) var stages: [StageProcess] = []
    private let ports: [String: Int]
    /// A PostgreSQL URL every stage stores in, instead of SQLite files in `data`.
    public let database: String?

    public init(prefix: String = "advocate-e2e", database: String? = nil) throws {
        data = try TemporaryDirectory(prefix: prefix)
        self.database = database
        let ingestPort = FreePort.next()
        let workPort = FreePort.next()
        let ingestHTTPPort = FreePort.next()
        let reportPort = FreePort.next()
        ports = ["ingest-http": ingestHTTPPort, "report": reportPort]
        ingestEndpoint = "tcp://127.0.0.1:\(ingestPort)"
        workEndpoint = "tcp://127.0.0.1:\(workPort)"
        ingestHTTP = "http://127.0.0.1:\(ingestHTTPPort)"
        reportHTTP = "http://127.0.0.1:\(reportPort)"
    }

    /// Starts ingest, `score` scoring workers, `reward` reward workers and report, and waits until
    /// ingest sees the workers and report answers.
    public func start(score: Int = 1, reward: Int = 1) throws {
        try startIngest()
        for index in 0..<score { try startScore(name: "score-\(index + 1)") }
        for index in 0..<reward { try startReward(name: "reward-\(index + 1)") }
        stages.append(
            try StageProcess(
                "advocate-report", arguments: storage + ["--http-port", "\(ports["report"]!)"],
                name: "report", logDirectory: data.path
            )
        )
        do {
            try Eventually.that("the stack to be ready", timeout: 60) {
                let health = try HTTPClient.get(ingestHTTP + "/healthz").json()
                let scorers = Int(health["score_workers"] as? String ?? "") ?? 0
                let rewarders = Int(health["reward_workers"] as? String ?? "") ?? 0
                let reportStatus = try HTTPClient.get(reportHTTP + "/healthz").status
                return scorers >= score && rewarders >= reward && reportStatus == 200
            }
        } catch let error as TimedOut {
            // Say which stage is not up and what it said (a port taken meanwhile, a crash), not only that one is not.
            let states = stages.map { stage in
                "\(stage.name): " + (stage.isRunning ? "running" : "exited \(stage.process.terminationStatus)")
            }
            throw TimedOut(
                what: error.what + " (" + states.joined(separator: ", ") + ")\n" + logs, lastError: error.lastError)
        }
    }

    @discardableResult
    public func startIngest(extra: [String] = []) throws -> StageProcess {
        let stage = try StageProcess(
            "advocate-ingest",
            arguments: storage + [
                "--endpoint", ingestEndpoint, "--work-endpoint", workEndpoint,
                "--http-port", "\(ports["ingest-http"]!)",
            ] + extra,
            name: "ingest", logDirectory: data.path
        )
        stages.append(stage)
        return stage
    }

    @discardableResult
    public func startScore(name: String) throws -> StageProcess {
        let stage = try StageProcess(
            "advocate-score",
            arguments: storage + [
                "--ingest", workEndpoint, "--http-port", "\(FreePort.next())", "--name", name,
            ],
            name: name, logDirectory: data.path
        )
        stages.append(stage)
        return stage
    }

    @discardableResult
    public func startReward(name: String) throws -> StageProcess {
        let stage = try StageProcess(
            "advocate-reward",
            arguments: storage + [
                "--ingest", workEndpoint, "--http-port", "\(FreePort.next())", "--name", name,
            ],
            name: name, logDirectory: data.path
        )
        stages.append(stage)
        return stage
    }

    /// Where every stage stores: the data directory, and the database when one is given.
    private var storage: [String] {
        ["--data", data.path] + (database.map { ["--database", $0] } ?? [])
    }

    /// The stage started under `name`, most recent first.
    public func stage(_ name: String) -> StageProcess? {
        stages.last { $0.name == name }
    }

    /// `/v1/summary` as JSON.
    public func summary() throws -> [String: Any] {
        try HTTPClient.get(reportHTTP + "/v1/summary").json()
    }

    /// Waits until scoring has applied everything journalled and its outboxes are empty, then returns the summary.
    public func settledSummary(timeout: Double = 60) throws -> [String: Any] {
        do {
            return try settle(timeout: timeout)
        } catch let error as TimedOut {
            // Say what every stage was doing, so a stall can be diagnosed from the test output alone.
            throw TimedOut(what: error.what + "\n" + logs, lastError: error.lastError)
        }
    }

    private func settle(timeout: Double) throws -> [String: Any] {
        try Eventually.value("scoring to catch up", timeout: timeout) {
            let summary = try self.summary()
            let pipeline = summary["pipeline"] as? [String: Any]
            return pipeline?["pending"] as? Int == 0 && pipeline?["outbox"] as? Int == 0 ? summary : nil
        }
    }

    /// SIGTERM to every running stage (workers first, ingest last); returns their exit statuses by name.
    @discardableResult
    public func stop() throws -> [String: Int32] {
        var statuses: [String: Int32] = [:]
        let order = stages.filter { $0.name != "ingest" } + stages.filter { $0.name == "ingest" }
        for stage in order where stage.isRunning {
            statuses[stage.name] = try stage.terminate()
        }
        return statuses
    }

    /// Logs of every stage, for failure messages.
    public var logs: String {
        stages.map { "--- \($0.name) ---\n\($0.log.suffix(4_000))" }.joined(separator: "\n")
    }

    deinit {
        for stage in stages where stage.isRunning { kill(stage.pid, SIGKILL) }
    }
}
