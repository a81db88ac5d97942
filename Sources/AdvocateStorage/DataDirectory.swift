import Foundation

/// The files of one Advocate installation on the embedded store: one SQLite database per stage, so
/// that ingest's journal, scoring and the reward ledger never wait on each other's write lock.
public struct DataDirectory: Sendable, Hashable {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    public var journal: String { (path as NSString).appendingPathComponent("journal.sqlite") }
    public var score: String { (path as NSString).appendingPathComponent("score.sqlite") }
    public var reward: String { (path as NSString).appendingPathComponent("reward.sqlite") }

    /// Creates the directory (and parents) if missing.
    public func create() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
}
