import AdvocateStorage

/// Explains a stored customer: stage, flags, scores and why, as members of the `/v1/customers/{id}` object.
public protocol CustomerProfiler: Sendable {
    func profile(of record: CustomerRecord) throws -> [(String, JSON)]
}

/// The profile that needs no model: the stage as scoring stored it.
public struct StoredStageProfiler: CustomerProfiler {
    public init() {}

    public func profile(of record: CustomerRecord) throws -> [(String, JSON)] {
        [
            ("stage", .string(record.stage)), ("flags", .array([])),
            (
                "scores",
                .object([("loyalty", .null), ("advocacy", .null), ("effort", .null), ("sentiment", .null)])
            ),
            ("explanation", .array([])),
        ]
    }
}
