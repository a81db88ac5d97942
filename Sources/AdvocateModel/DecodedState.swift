/// A customer's state decoded for a run of updates: decoded (and validated) once, updated by any number of
/// events, encoded once when it is stored.
///
/// `CustomerState` keeps the compact bytes, which is what holding a million customers in memory needs, but it
/// decodes and re-encodes them for every event applied. A scoring batch touches each of its customers once or
/// a few times and writes them back at the end, so it works on this form instead.
public struct DecodedState: Sendable, Hashable {
    var aggregates: Aggregates

    /// The state of a customer with no events yet.
    public init() {
        aggregates = Aggregates()
    }

    /// Reads state written by `CustomerState.serialized()`, with every check `CustomerState(serialized:)` makes.
    ///
    /// - Throws: `CustomerStateError` naming what is wrong and where.
    public init(serialized bytes: [UInt8]) throws(CustomerStateError) {
        aggregates = try Aggregates(decoding: bytes)
    }

    /// Decodes a state already held.
    public init(_ state: CustomerState) {
        aggregates = state.aggregates
    }

    /// The compact form, to keep or to store.
    public var state: CustomerState { CustomerState(aggregates) }
}
