extension RewardCandidate {
    private static let referralCodeBit: UInt64 = 1 << 0
    private static let refereeBit: UInt64 = 1 << 1
    private static let orderBit: UInt64 = 1 << 2
    private static let amountBit: UInt64 = 1 << 3
    private static let ratingBit: UInt64 = 1 << 4
    private static let segmentBit: UInt64 = 1 << 5
    private static let stageBit: UInt64 = 1 << 6
    private static let referrerBit: UInt64 = 1 << 7
    private static let referredAtBit: UInt64 = 1 << 8
    private static let refereeSinceBit: UInt64 = 1 << 9
    private static let sharedContactsBit: UInt64 = 1 << 10
    /// Every bit this version knows; a varint, so that later optionals need no new format.
    private static let knownBits: UInt64 = (1 << 11) - 1
    /// More shared contact kinds than there are kinds of contact is a corrupt frame.
    private static let maximumSharedContacts: UInt64 = 16

    /// Presence bits for the optionals (a varint), the required fields, then the optionals that are present.
    func encode(into writer: inout BinaryWriter) {
        var presence: UInt64 = 0
        if referralCode != nil { presence |= RewardCandidate.referralCodeBit }
        if referee != nil { presence |= RewardCandidate.refereeBit }
        if order != nil { presence |= RewardCandidate.orderBit }
        if amount != nil { presence |= RewardCandidate.amountBit }
        if rating != nil { presence |= RewardCandidate.ratingBit }
        if segment != nil { presence |= RewardCandidate.segmentBit }
        if stage != nil { presence |= RewardCandidate.stageBit }
        if referrer != nil { presence |= RewardCandidate.referrerBit }
        if referredAt != nil { presence |= RewardCandidate.referredAtBit }
        if refereeSince != nil { presence |= RewardCandidate.refereeSinceBit }
        if !sharedContacts.isEmpty { presence |= RewardCandidate.sharedContactsBit }
        writer.writeVarint(presence)
        writer.writeString(id)
        writer.writeUInt8(kind.code)
        writer.writeString(customer)
        writer.writeString(trigger)
        writer.writeSignedVarint(at.microseconds)
        if let referralCode { writer.writeString(referralCode) }
        if let referee { writer.writeString(referee) }
        if let order { writer.writeString(order) }
        if let amount { writer.writeSignedVarint(amount.units) }
        if let rating { writer.writeSignedVarint(Int64(rating)) }
        if let segment { writer.writeString(segment) }
        if let stage { writer.writeString(stage) }
        if let referrer { writer.writeString(referrer) }
        if let referredAt { writer.writeSignedVarint(referredAt.microseconds) }
        if let refereeSince { writer.writeSignedVarint(refereeSince.microseconds) }
        if !sharedContacts.isEmpty {
            writer.writeVarint(UInt64(sharedContacts.count))
            for kind in sharedContacts { writer.writeString(kind) }
        }
    }

    init(from reader: inout BinaryReader) throws(WireDecodingError) {
        let presenceOffset = reader.offset
        let presence = try reader.readVarint()
        guard presence & ~RewardCandidate.knownBits == 0 else {
            throw reader.error(.invalidValue(what: "candidate presence bits \(presence)"), at: presenceOffset)
        }
        func optional(_ bit: UInt64, _ what: String) throws(WireDecodingError) -> String? {
            presence & bit != 0 ? try reader.readString(what: what) : nil
        }
        let id = try reader.readString(what: "candidate id")
        let kindOffset = reader.offset
        let code = try reader.readUInt8()
        guard let kind = Kind(code: code) else {
            throw reader.error(.unknownCode(what: "candidate kind", value: UInt64(code)), at: kindOffset)
        }
        let customer = try reader.readString(what: "customer")
        let trigger = try reader.readString(what: "trigger")
        let at = Timestamp(microseconds: try reader.readSignedVarint())
        let referralCode = try optional(RewardCandidate.referralCodeBit, "referral code")
        let referee = try optional(RewardCandidate.refereeBit, "referee")
        let order = try optional(RewardCandidate.orderBit, "order")
        let amount = presence & RewardCandidate.amountBit != 0 ? Money(units: try reader.readSignedVarint()) : nil
        var rating: Int?
        if presence & RewardCandidate.ratingBit != 0 {
            let ratingOffset = reader.offset
            let value = try reader.readSignedVarint()
            guard let exact = Int(exactly: value) else {
                throw reader.error(.invalidValue(what: "rating \(value) does not fit"), at: ratingOffset)
            }
            rating = exact
        }
        let segment = try optional(RewardCandidate.segmentBit, "segment")
        let stage = try optional(RewardCandidate.stageBit, "stage")
        let referrer = try optional(RewardCandidate.referrerBit, "referrer")
        let referredAt =
            presence & RewardCandidate.referredAtBit != 0 ? Timestamp(microseconds: try reader.readSignedVarint()) : nil
        let refereeSince =
            presence & RewardCandidate.refereeSinceBit != 0
            ? Timestamp(microseconds: try reader.readSignedVarint()) : nil
        var sharedContacts: [String] = []
        if presence & RewardCandidate.sharedContactsBit != 0 {
            let countOffset = reader.offset
            let count = try reader.readVarint()
            guard count > 0, count <= RewardCandidate.maximumSharedContacts else {
                throw reader.error(.invalidValue(what: "shared contact count \(count)"), at: countOffset)
            }
            for _ in 0..<count { sharedContacts.append(try reader.readString(what: "shared contact kind")) }
        }
        self.init(
            id: id, kind: kind, customer: customer, trigger: trigger, at: at, referralCode: referralCode,
            referee: referee, order: order, amount: amount, rating: rating, segment: segment, stage: stage,
            referrer: referrer, referredAt: referredAt, refereeSince: refereeSince, sharedContacts: sharedContacts)
    }
}
