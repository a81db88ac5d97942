extension Event {
    /// The event as one canonical line of the public JSON format (no trailing newline).
    ///
    /// Keys come in the order id, type, customer, at, source, then the type's fields as in DESIGN.md's
    /// examples, then the unknown fields; absent optionals (and a zero `reach`) are left out. Parsing the
    /// result gives back an equal event.
    public func json() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        appendJSON(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `json()` as UTF-8, for writers that batch many events into one buffer.
    public func appendJSON(to bytes: inout [UInt8]) {
        var writer = JSONObjectWriter(bytes: bytes)
        bytes = []
        writer.string("id", id)
        writer.string("type", type.rawValue)
        writer.optionalString("customer", customer)
        writer.key("at")
        at.appendRFC3339(to: &writer.bytes, quoted: true)
        writer.optionalString("source", source)
        switch body {
        case .purchase(let purchase):
            writer.string("order", purchase.order)
            writer.money("amount", purchase.amount)
            writer.optionalString("currency", purchase.currency)
            writer.optionalString("segment", purchase.segment)
        case .refund(let refund):
            writer.string("order", refund.order)
            if let amount = refund.amount { writer.money("amount", amount) }
        case .supportContact(let contact):
            writer.string("case", contact.caseID)
            writer.string("channel", contact.channel)
        case .caseResolved(let resolved):
            writer.string("case", resolved.caseID)
        case .survey(let survey):
            writer.string("kind", survey.kind.rawValue)
            writer.integer("score", survey.score)
            writer.optionalString("comment", survey.comment)
            writer.optionalString("channel", survey.channel)
        case .mention(let mention):
            writer.string("channel", mention.channel)
            writer.string("text", mention.text)
            if mention.reach != 0 { writer.integer("reach", mention.reach) }
            writer.optionalString("url", mention.url)
        case .reply(let reply):
            writer.string("to", reply.to)
            writer.optionalString("channel", reply.channel)
        case .review(let review):
            writer.string("platform", review.platform)
            writer.integer("rating", review.rating)
            writer.optionalString("text", review.text)
            if review.reach != 0 { writer.integer("reach", review.reach) }
        case .referral(let referral):
            writer.string("code", referral.code)
            writer.optionalString("referee", referral.referee)
        case .signup(let signup):
            writer.optionalString("referred_by", signup.referredBy)
            writer.optionalString("email", signup.email)
            writer.optionalString("phone", signup.phone)
            writer.optionalString("payment_fingerprint", signup.paymentFingerprint)
            writer.optionalString("address", signup.address)
            writer.optionalString("segment", signup.segment)
        case .onboarding(let onboarding):
            writer.string("step", onboarding.step)
            writer.string("status", onboarding.status.rawValue)
        case .disruption(let disruption):
            writer.string("what", disruption.what)
            writer.optionalString("segment", disruption.segment)
            if !disruption.customers.isEmpty {
                writer.key("customers")
                writer.bytes.append(UInt8(ascii: "["))
                for (position, customer) in disruption.customers.enumerated() {
                    if position > 0 { writer.bytes.append(UInt8(ascii: ",")) }
                    JSONText.appendString(customer, to: &writer.bytes)
                }
                writer.bytes.append(UInt8(ascii: "]"))
            }
        case .suggestion(let suggestion):
            writer.string("text", suggestion.text)
        case .referralConverted(let conversion):
            writer.string("code", conversion.code)
            writer.string("referee", conversion.referee)
            writer.string("trigger", conversion.trigger)
        }
        for field in extra {
            writer.dynamicKey(field.key)
            writer.bytes.append(contentsOf: field.json.utf8)
        }
        writer.bytes.append(UInt8(ascii: "}"))
        bytes = writer.bytes
    }
}

/// Writes the members of one JSON object; the first key opens it.
private struct JSONObjectWriter {
    var bytes: [UInt8]
    private var isFirst = true

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Writes `,"name":` (or `{"name":` for the first key); `name` needs no escaping.
    mutating func key(_ name: StaticString) {
        bytes.append(isFirst ? UInt8(ascii: "{") : UInt8(ascii: ","))
        isFirst = false
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func dynamicKey(_ name: String) {
        bytes.append(isFirst ? UInt8(ascii: "{") : UInt8(ascii: ","))
        isFirst = false
        JSONText.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func string(_ name: StaticString, _ value: String) {
        key(name)
        JSONText.appendString(value, to: &bytes)
    }

    mutating func optionalString(_ name: StaticString, _ value: String?) {
        if let value { string(name, value) }
    }

    mutating func integer(_ name: StaticString, _ value: some BinaryInteger) {
        key(name)
        JSONText.appendInteger(value, to: &bytes)
    }

    mutating func money(_ name: StaticString, _ value: Money) {
        key(name)
        value.appendDecimal(to: &bytes)
    }
}
