import Foundation

/// Names for worker processes, unique per process, so ingest can tell a restarted worker from the old one.
public enum WorkerName {
    /// `role-host-pid-random`, e.g. `score-builder-4711-28413`.
    public static func unique(role: String) -> String {
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "host"
        return "\(role)-\(host)-\(getpid())-\(UInt32.random(in: 0..<100_000))"
    }
}
