import Foundation

/// Waits for a condition with a deadline, polling, instead of sleeping for a guessed time.
public enum Eventually {
    /// Polls `condition` every `interval` seconds until it returns a value or `timeout` passes.
    /// - Throws: `TimedOut` with `what` and the last error seen.
    public static func value<T>(
        _ what: String, timeout: Double = 30, interval: Double = 0.05, _ condition: () throws -> T?
    ) throws -> T {
        let deadline = Date().addingTimeInterval(timeout)
        var lastError: (any Error)?
        while true {
            do {
                if let value = try condition() { return value }
            } catch {
                lastError = error
            }
            if Date() >= deadline { throw TimedOut(what: what, lastError: lastError.map { "\($0)" }) }
            Thread.sleep(forTimeInterval: interval)
        }
    }

    /// Polls until `condition` is true.
    public static func that(_ what: String, timeout: Double = 30, _ condition: () throws -> Bool) throws {
        _ = try value(what, timeout: timeout) { try condition() ? true : nil }
    }
}

/// A condition that never came true.
public struct TimedOut: Error, CustomStringConvertible {
    public var what: String
    public var lastError: String?

    public init(what: String, lastError: String?) {
        self.what = what
        self.lastError = lastError
    }

    public var description: String {
        "timed out waiting for \(what)" + (lastError.map { " (last error: \($0))" } ?? "")
    }
}
