/// A storage operation that could not be done.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A commit by an owner whose lease on the partition was superseded (fencing).
        case staleEpoch(partition: UInt32, mine: UInt64, current: UInt64)
        /// A commit that does not continue the partition's committed position.
        case outOfOrder(partition: UInt32, committed: UInt64, first: UInt64)
        /// Stored data that does not decode.
        case corrupt(String)
        /// The data directory was made with other fixed settings.
        case mismatch(String)
        /// The underlying database failed.
        case database(String)
    }

    public var kind: Kind

    public init(_ kind: Kind) {
        self.kind = kind
    }

    public var isStaleEpoch: Bool {
        if case .staleEpoch = kind { return true }
        return false
    }

    public var description: String {
        switch kind {
        case .staleEpoch(let partition, let mine, let current):
            "partition \(partition): lease epoch \(mine) is stale, the current owner holds epoch \(current)"
        case .outOfOrder(let partition, let committed, let first):
            "partition \(partition): commit starting at \(first) does not follow committed position \(committed)"
        case .corrupt(let detail): "stored data is corrupt: \(detail)"
        case .mismatch(let detail): "data directory mismatch: \(detail)"
        case .database(let detail): "database error: \(detail)"
        }
    }
}
