/// The binary form of an event (version 1):
///
/// ```
/// type code (u8) · presence bits (varint) · id · [customer] · at (zigzag µs) · [source] · body · [extras]
/// ```
/// Strings are a varint length and UTF-8. Presence bits: 0 customer, 1 source, 2 extras, and from bit 3 the
/// type's optional fields in `EventFieldNames` order. Extras are a count, then key and JSON text pairs.
/// A journal record (`binary()`) starts with the two bytes `01 E7`: format version, then a magic byte.
extension Event {
    /// The format version written in front of `binary()` records.
    public static let binaryVersion: UInt8 = 1
    /// The second header byte of `binary()` records, telling them from other data.
    public static let binaryMagic: UInt8 = 0xE7

    private static let customerBit: UInt64 = 1 << 0
    private static let sourceBit: UInt64 = 1 << 1
    private static let extraBit: UInt64 = 1 << 2

    /// Presence bit of the type's n-th optional field.
    private static func optionalBit(_ number: Int) -> UInt64 { 1 << UInt64(3 + number) }

    /// How many optional fields each type has (bits from `optionalBit(0)` on).
    private static func optionalFieldCount(of type: EventType) -> Int {
        switch type {
        case .purchase, .survey: 2
        case .refund, .mention, .reply, .review, .referral, .disruption: 1
        case .signup: 6
        case .supportContact, .caseResolved, .onboarding, .suggestion, .referralConverted: 0
        }
    }

    /// Appends the event without the record header (as inside a wire frame).
    public func encode(into writer: inout BinaryWriter) {
        var presence: UInt64 = 0
        if customer != nil { presence |= Event.customerBit }
        if source != nil { presence |= Event.sourceBit }
        if !extra.isEmpty { presence |= Event.extraBit }
        presence |= bodyPresence
        writer.writeUInt8(type.code)
        writer.writeVarint(presence)
        writer.writeString(id)
        if let customer { writer.writeString(customer) }
        writer.writeSignedVarint(at.microseconds)
        if let source { writer.writeString(source) }
        encodeBody(into: &writer)
        if !extra.isEmpty {
            writer.writeVarint(UInt64(extra.count))
            for field in extra {
                writer.writeString(field.key)
                writer.writeString(field.json)
            }
        }
    }

    private var bodyPresence: UInt64 {
        func bit(_ number: Int, _ present: Bool) -> UInt64 { present ? Event.optionalBit(number) : 0 }
        switch body {
        case .purchase(let purchase): return bit(0, purchase.currency != nil) | bit(1, purchase.segment != nil)
        case .refund(let refund): return bit(0, refund.amount != nil)
        case .survey(let survey): return bit(0, survey.comment != nil) | bit(1, survey.channel != nil)
        case .mention(let mention): return bit(0, mention.url != nil)
        case .reply(let reply): return bit(0, reply.channel != nil)
        case .review(let review): return bit(0, review.text != nil)
        case .referral(let referral): return bit(0, referral.referee != nil)
        case .signup(let signup):
            return bit(0, signup.referredBy != nil) | bit(1, signup.email != nil) | bit(2, signup.phone != nil)
                | bit(3, signup.paymentFingerprint != nil) | bit(4, signup.address != nil)
                | bit(5, signup.segment != nil)
        case .disruption(let disruption): return bit(0, disruption.segment != nil)
        case .supportContact, .caseResolved, .onboarding, .suggestion, .referralConverted: return 0
        }
    }

    private func encodeBody(into writer: inout BinaryWriter) {
        func optional(_ value: String?) {
            if let value { writer.writeString(value) }
        }
        switch body {
        case .purchase(let purchase):
            writer.writeString(purchase.order)
            writer.writeSignedVarint(purchase.amount.units)
            optional(purchase.currency)
            optional(purchase.segment)
        case .refund(let refund):
            writer.writeString(refund.order)
            if let amount = refund.amount { writer.writeSignedVarint(amount.units) }
        case .supportContact(let contact):
            writer.writeString(contact.caseID)
            writer.writeString(contact.channel)
        case .caseResolved(let resolved):
            writer.writeString(resolved.caseID)
        case .survey(let survey):
            writer.writeUInt8(survey.kind.code)
            writer.writeSignedVarint(Int64(survey.score))
            optional(survey.comment)
            optional(survey.channel)
        case .mention(let mention):
            writer.writeString(mention.channel)
            writer.writeString(mention.text)
            writer.writeSignedVarint(mention.reach)
            optional(mention.url)
        case .reply(let reply):
            writer.writeString(reply.to)
            optional(reply.channel)
        case .review(let review):
            writer.writeString(review.platform)
            writer.writeSignedVarint(Int64(review.rating))
            optional(review.text)
            writer.writeSignedVarint(review.reach)
        case .referral(let referral):
            writer.writeString(referral.code)
            optional(referral.referee)
        case .signup(let signup):
            optional(signup.referredBy)
            optional(signup.email)
            optional(signup.phone)
            optional(signup.paymentFingerprint)
            optional(signup.address)
            optional(signup.segment)
        case .onboarding(let onboarding):
            writer.writeString(onboarding.step)
            writer.writeUInt8(onboarding.status.code)
        case .disruption(let disruption):
            writer.writeString(disruption.what)
            optional(disruption.segment)
            writer.writeVarint(UInt64(disruption.customers.count))
            for customer in disruption.customers { writer.writeString(customer) }
        case .suggestion(let suggestion):
            writer.writeString(suggestion.text)
        case .referralConverted(let conversion):
            writer.writeString(conversion.code)
            writer.writeString(conversion.referee)
            writer.writeString(conversion.trigger)
        }
    }

    /// Reads an event written by `encode(into:)` and checks it against the format's rules
    /// (`validationProblem`), so that a decoded event is always a valid one.
    public init(from reader: inout BinaryReader) throws(WireDecodingError) {
        let start = reader.offset
        let code = try reader.readUInt8()
        guard let type = EventType(code: code) else {
            throw reader.error(.unknownCode(what: "event type", value: UInt64(code)), at: start)
        }
        let presenceOffset = reader.offset
        let presence = try reader.readVarint()
        let allowed = Event.optionalBit(Event.optionalFieldCount(of: type)) - 1
        guard presence & ~allowed == 0 else {
            throw reader.error(
                .invalidValue(what: "presence bits \(presence) for \(type.rawValue)"), at: presenceOffset)
        }
        func has(_ bit: UInt64) -> Bool { presence & bit != 0 }
        let id = try reader.readString(what: "id")
        let customer = has(Event.customerBit) ? try reader.readString(what: "customer") : nil
        let at = Timestamp(microseconds: try reader.readSignedVarint())
        let source = has(Event.sourceBit) ? try reader.readString(what: "source") : nil
        let body = try Event.decodeBody(type, presence: presence, from: &reader)
        var extra: [ExtraField] = []
        if has(Event.extraBit) {
            let count = try reader.readCount(what: "unknown fields", minimumElementSize: 2)
            guard count > 0 else { throw reader.error(.invalidValue(what: "empty unknown fields present")) }
            extra.reserveCapacity(count)
            for _ in 0..<count {
                let key = try reader.readString(what: "unknown field key")
                let json = try reader.readString(what: "unknown field value")
                extra.append(ExtraField(key: key, json: json))
            }
        }
        let event = Event(id: id, customer: customer, at: at, source: source, body: body, extra: extra)
        if let problem = event.validationProblem {
            throw reader.error(.invalidValue(what: problem), at: start)
        }
        self = event
    }

    private static func decodeBody(
        _ type: EventType, presence: UInt64, from reader: inout BinaryReader
    ) throws(WireDecodingError) -> EventBody {
        func optional(_ number: Int, _ what: String) throws(WireDecodingError) -> String? {
            presence & optionalBit(number) != 0 ? try reader.readString(what: what) : nil
        }
        func integer(_ what: String) throws(WireDecodingError) -> Int {
            let start = reader.offset
            let value = try reader.readSignedVarint()
            guard let integer = Int(exactly: value) else {
                throw reader.error(.invalidValue(what: "\(what) \(value) does not fit"), at: start)
            }
            return integer
        }
        switch type {
        case .purchase:
            let order = try reader.readString(what: "order")
            let amount = Money(units: try reader.readSignedVarint())
            return .purchase(
                Purchase(
                    order: order, amount: amount, currency: try optional(0, "currency"),
                    segment: try optional(1, "segment")))
        case .refund:
            let order = try reader.readString(what: "order")
            let amount = presence & optionalBit(0) != 0 ? Money(units: try reader.readSignedVarint()) : nil
            return .refund(Refund(order: order, amount: amount))
        case .supportContact:
            let caseID = try reader.readString(what: "case")
            return .supportContact(SupportContact(caseID: caseID, channel: try reader.readString(what: "channel")))
        case .caseResolved:
            return .caseResolved(CaseResolved(caseID: try reader.readString(what: "case")))
        case .survey:
            let codeOffset = reader.offset
            let code = try reader.readUInt8()
            guard let kind = SurveyKind(code: code) else {
                throw reader.error(.unknownCode(what: "survey kind", value: UInt64(code)), at: codeOffset)
            }
            let score = try integer("score")
            return .survey(
                Survey(
                    kind: kind, score: score, comment: try optional(0, "comment"),
                    channel: try optional(1, "channel")))
        case .mention:
            let channel = try reader.readString(what: "channel")
            let text = try reader.readString(what: "text")
            let reach = try reader.readSignedVarint()
            return .mention(Mention(channel: channel, text: text, reach: reach, url: try optional(0, "url")))
        case .reply:
            let to = try reader.readString(what: "to")
            return .reply(Reply(to: to, channel: try optional(0, "channel")))
        case .review:
            let platform = try reader.readString(what: "platform")
            let rating = try integer("rating")
            let text = try optional(0, "text")
            let reach = try reader.readSignedVarint()
            return .review(Review(platform: platform, rating: rating, text: text, reach: reach))
        case .referral:
            let code = try reader.readString(what: "code")
            return .referral(Referral(code: code, referee: try optional(0, "referee")))
        case .signup:
            return .signup(
                Signup(
                    referredBy: try optional(0, "referred_by"), email: try optional(1, "email"),
                    phone: try optional(2, "phone"), paymentFingerprint: try optional(3, "payment_fingerprint"),
                    address: try optional(4, "address"), segment: try optional(5, "segment")))
        case .onboarding:
            let step = try reader.readString(what: "step")
            let codeOffset = reader.offset
            let code = try reader.readUInt8()
            guard let status = OnboardingStatus(code: code) else {
                throw reader.error(.unknownCode(what: "onboarding status", value: UInt64(code)), at: codeOffset)
            }
            return .onboarding(Onboarding(step: step, status: status))
        case .disruption:
            let what = try reader.readString(what: "what")
            let segment = try optional(0, "segment")
            let count = try reader.readCount(what: "customers")
            var customers: [String] = []
            customers.reserveCapacity(count)
            for _ in 0..<count { customers.append(try reader.readString(what: "customer")) }
            return .disruption(Disruption(what: what, segment: segment, customers: customers))
        case .suggestion:
            return .suggestion(Suggestion(text: try reader.readString(what: "text")))
        case .referralConverted:
            let code = try reader.readString(what: "code")
            let referee = try reader.readString(what: "referee")
            let trigger = try reader.readString(what: "trigger")
            return .referralConverted(ReferralConverted(code: code, referee: referee, trigger: trigger))
        }
    }

    /// The event as a versioned record: `01 E7`, then `encode(into:)`.
    public func binary() -> [UInt8] {
        var writer = BinaryWriter(capacity: 128)
        writer.writeUInt8(Event.binaryVersion)
        writer.writeUInt8(Event.binaryMagic)
        encode(into: &writer)
        return writer.bytes
    }

    /// Reads a record written by `binary()`; the whole input must be one record.
    /// - Throws: `WireDecodingError` for a wrong header, a broken or invalid event, or trailing bytes.
    public init(binary bytes: some Collection<UInt8>) throws(WireDecodingError) {
        let decode = { (raw: UnsafeRawBufferPointer) -> Result<Event, WireDecodingError> in
            var reader = BinaryReader(raw)
            do throws(WireDecodingError) {
                guard raw.count >= 2 else { throw reader.error(.truncated, at: raw.count) }
                guard raw[1] == Event.binaryMagic else { throw reader.error(.badMagic, at: 1) }
                guard raw[0] == Event.binaryVersion else { throw reader.error(.unsupportedVersion(raw[0]), at: 0) }
                _ = try reader.readUInt8()
                _ = try reader.readUInt8()
                let event = try Event(from: &reader)
                try reader.expectEnd()
                return .success(event)
            } catch {
                return .failure(error)
            }
        }
        let result =
            bytes.withContiguousStorageIfAvailable { decode(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes { decode($0) }
        self = try result.get()
    }
}
