import Foundation

/// One of Advocate's executables started by a test, with its output in a log file.
public final class StageProcess: @unchecked Sendable {
    // Mutated only from the test's thread.
    public let name: String
    public let process: Process
    public let logPath: String

    /// The build directory holding the executables: `ADVOCATE_BIN_DIR`, or the test runner's own directory.
    public static var binDirectory: String {
        if let directory = ProcessInfo.processInfo.environment["ADVOCATE_BIN_DIR"] { return directory }
        let runner = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = runner.resolvingSymlinksInPath().deletingLastPathComponent()
        // On some platforms the runner sits inside a bundle folder below the build directory.
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("advocate-ingest").path),
            directory.pathComponents.count > 2
        {
            directory.deleteLastPathComponent()
        }
        return directory.path
    }

    /// Starts `executable` with `arguments`; output goes to `<logDirectory>/<name>.log`.
    public init(
        _ executable: String, arguments: [String], name: String? = nil, logDirectory: String,
        environment: [String: String] = [:]
    ) throws {
        self.name = name ?? executable
        logPath = (logDirectory as NSString).appendingPathComponent("\(self.name).log")
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process = Process()
        process.executableURL = URL(fileURLWithPath: (Self.binDirectory as NSString).appendingPathComponent(executable))
        process.arguments = arguments
        process.standardOutput = log
        process.standardError = log
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        try process.run()
    }

    public var isRunning: Bool { process.isRunning }
    public var pid: Int32 { process.processIdentifier }

    /// Sends SIGTERM and waits for the exit; returns the exit status (or throws after `timeout`).
    @discardableResult
    public func terminate(timeout: Double = 20) throws -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        try Eventually.that("\(name) to exit after SIGTERM", timeout: timeout) { !process.isRunning }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Kills the process with SIGKILL (a crash) and waits for it to be gone.
    public func kill9() throws {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try Eventually.that("\(name) to die", timeout: 10) { !process.isRunning }
        process.waitUntilExit()
    }

    /// The log so far, for failure messages.
    public var log: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }
}
