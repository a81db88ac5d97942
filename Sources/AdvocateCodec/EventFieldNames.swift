/// The JSON field names of the event format, in the canonical order that `Event.json()` writes them.
enum EventFieldNames {
    /// Fields every event may carry, in slot order.
    static let common = ["id", "type", "customer", "at", "source"]

    /// Slots of the common fields.
    static let idSlot = 0
    static let typeSlot = 1
    static let customerSlot = 2
    static let atSlot = 3
    static let sourceSlot = 4
    /// The first slot of the type's own fields.
    static let firstTypeSlot = 5
    /// Common fields plus the most any type has (signup's six).
    static let slotCount = 11

    /// The type's own fields, in the order of DESIGN.md's examples.
    static func fields(of type: EventType) -> [String] {
        switch type {
        case .purchase: ["order", "amount", "currency", "segment"]
        case .refund: ["order", "amount"]
        case .supportContact: ["case", "channel"]
        case .caseResolved: ["case"]
        case .survey: ["kind", "score", "comment", "channel"]
        case .mention: ["channel", "text", "reach", "url"]
        case .reply: ["to", "channel"]
        case .review: ["platform", "rating", "text", "reach"]
        case .referral: ["code", "referee"]
        case .signup: ["referred_by", "email", "phone", "payment_fingerprint", "address", "segment"]
        case .onboarding: ["step", "status"]
        case .disruption: ["what", "segment", "customers"]
        case .suggestion: ["text"]
        case .referralConverted: ["code", "referee", "trigger"]
        }
    }

    static let commonBytes: [[UInt8]] = common.map { Array($0.utf8) }

    /// `fields(of:)` as bytes, indexed by `EventType.code - 1`.
    static let typeFieldBytes: [[[UInt8]]] = EventType.allCases.sorted { $0.code < $1.code }.map { type in
        fields(of: type).map { Array($0.utf8) }
    }

    static func fieldBytes(of type: EventType) -> [[UInt8]] {
        typeFieldBytes[Int(type.code) - 1]
    }

    /// Whether `key` is a field the format defines for `type` (so it cannot be an unknown field).
    static func isKnown(_ key: String, for type: EventType) -> Bool {
        common.contains(key) || fields(of: type).contains(key)
    }

    /// Event type names as bytes, indexed by `EventType.code - 1`, for matching `type` without a String.
    static let typeNameBytes: [[UInt8]] = EventType.allCases.sorted { $0.code < $1.code }.map {
        Array($0.rawValue.utf8)
    }
}
