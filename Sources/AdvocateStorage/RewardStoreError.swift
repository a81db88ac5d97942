/// A reward operation that the ledger refuses.
public struct RewardStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// No ledger entry has this key.
        case notFound(id: String)
        /// Only held entries can be approved or rejected.
        case notHeld(id: String, status: String)
    }

    public var kind: Kind

    public init(_ kind: Kind) {
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .notFound(let id): "no reward \"\(id)\""
        case .notHeld(let id, let status): "reward \"\(id)\" is \(status), not held: only held rewards are reviewed"
        }
    }
}
