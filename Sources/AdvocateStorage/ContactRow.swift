import AdvocateCodec

/// One keyed hash of a customer's contact detail (hashed at ingest), kept for the self-referral check.
public struct ContactRow: Sendable, Hashable {
    public var customer: String
    /// `email`, `phone`, `payment` or `address`.
    public var kind: String
    /// The keyed hash, as ingest wrote it; never a contact detail in clear.
    public var hash: String

    public init(customer: String, kind: String, hash: String) {
        self.customer = customer
        self.kind = kind
        self.hash = hash
    }

    /// The contact hashes a `signup` carries (ingest replaced the details with keyed hashes).
    public static func rows(of signup: Signup, customer: String) -> [ContactRow] {
        let fields: [(String, String?)] = [
            ("email", signup.email), ("phone", signup.phone), ("payment", signup.paymentFingerprint),
            ("address", signup.address),
        ]
        return fields.compactMap { kind, hash in
            guard let hash, !hash.isEmpty else { return nil }
            return ContactRow(customer: customer, kind: kind, hash: hash)
        }
    }
}
