import AdvocateTestSupport
import Foundation

/// Stage processes a test starts beside a `LocalStack` with arguments of its own (CURVE keys, log level),
/// stopped with SIGTERM by `stop()` and killed if the test ends early.
final class ExtraStages: @unchecked Sendable {
    // Used from one test's thread.
    private let stack: LocalStack
    private(set) var stages: [StageProcess] = []

    init(beside stack: LocalStack) {
        self.stack = stack
    }

    /// Starts `executable` (`advocate-score`, `advocate-reward` or `advocate-report`) on the stack's data and
    /// work endpoint; `extra` is appended to the arguments.
    @discardableResult
    func start(_ executable: String, name: String, extra: [String] = []) throws -> StageProcess {
        var arguments = ["--data", stack.data.path]
        if executable != "advocate-report" {
            arguments += ["--ingest", stack.workEndpoint, "--name", name, "--http-port", "\(FreePort.next())"]
        } else {
            arguments += ["--http-port", "\(URLComponents(string: stack.reportHTTP)?.port ?? FreePort.next())"]
        }
        let stage = try StageProcess(
            executable, arguments: arguments + extra, name: name, logDirectory: stack.data.path)
        stages.append(stage)
        return stage
    }

    /// SIGTERM to every stage still running; returns their exit statuses by name.
    func stop() throws -> [String: Int32] {
        var statuses: [String: Int32] = [:]
        for stage in stages where stage.isRunning { statuses[stage.name] = try stage.terminate() }
        return statuses
    }

    /// Every stage's log, for failure messages.
    var logs: String {
        stages.map { "--- \($0.name) ---\n\($0.log.suffix(4_000))" }.joined(separator: "\n")
    }

    deinit {
        for stage in stages where stage.isRunning { kill(stage.pid, SIGKILL) }
    }
}
