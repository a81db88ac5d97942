import AdvocateCodec

/// One customer's compact aggregates: everything the model needs to score them and to derive its outputs.
///
/// The state is a function of the *set* of events applied: the same events in any order give byte-identical
/// `serialized()` output (see SCORING.md for the few bounded windows where a join can fall short). It is bounded:
/// a customer with a million events has the same size class as one with a hundred. It is held in memory in its
/// serialized form (one small byte array), so equal states are equal bytes; a typical customer is well under
/// 300 bytes.
public struct CustomerState: Sendable, Hashable {
    /// The format version written as the first byte.
    public static let formatVersion: UInt8 = 1

    private var bytes: [UInt8]

    /// The state of a customer with no events yet.
    public init() {
        bytes = Aggregates().encoded()
    }

    /// Reads state written by `serialized()`, checking its version, checksum and every field.
    ///
    /// - Throws: `CustomerStateError` naming what is wrong and where; damaged or cut bytes never crash.
    public init(serialized bytes: [UInt8]) throws(CustomerStateError) {
        _ = try Aggregates(decoding: bytes)
        self.bytes = bytes
    }

    init(_ aggregates: Aggregates) {
        bytes = aggregates.encoded()
    }

    /// The versioned, checksummed binary form, to store and to read back with `init(serialized:)`.
    public func serialized() -> [UInt8] {
        bytes
    }

    /// Bytes this state occupies serialized (in memory it is this plus one array header).
    public var byteCount: Int { bytes.count }

    /// How many events (and referral conversions) have been applied.
    public var eventCount: Int { aggregates.eventCount }

    /// The latest event time seen, the default "as of" time of a profile; nil before any event.
    public var lastSeen: Timestamp? {
        let aggregates = aggregates
        return aggregates.eventCount > 0 ? Timestamp(seconds: aggregates.lastAt) : nil
    }

    /// The decoded aggregates. The bytes were validated (or written by this module) when the state was made, so
    /// failing to decode them here is a bug, not bad input.
    var aggregates: Aggregates {
        do {
            return try Aggregates(decoding: bytes, verifyChecksum: false)
        } catch {
            preconditionFailure("customer state failed to decode after validation: \(error)")
        }
    }
}
