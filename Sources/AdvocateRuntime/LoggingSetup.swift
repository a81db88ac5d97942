import Foundation
import Logging

/// Process-wide logging set-up for a stage: one line per record on standard error, with metadata.
public enum LoggingSetup {
    /// Bootstraps swift-log once and returns the root logger for `label` at `level`
    /// (`ADVOCATE_LOG_LEVEL` or `LOG_LEVEL` when `level` is nil; default `info`).
    public static func rootLogger(label: String, level: String? = nil) -> Logger {
        Bootstrap.once
        var logger = Logger(label: label)
        let text = level ?? Setting.environment("ADVOCATE_LOG_LEVEL") ?? Setting.environment("LOG_LEVEL") ?? "info"
        logger.logLevel = Logger.Level(rawValue: text.lowercased()) ?? .info
        return logger
    }

    private enum Bootstrap {
        static let once: Void = {
            LoggingSystem.bootstrap { label in StreamLogHandler.standardError(label: label) }
        }()
    }
}
