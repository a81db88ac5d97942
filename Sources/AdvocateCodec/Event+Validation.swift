extension Event {
    /// The first rule of the event format that this event breaks, or nil when it is valid.
    ///
    /// These are the rules every accepted event satisfies whatever the `EventLimits` (which only bound
    /// sizes): required strings non-empty, amounts 0...1e12, scores on their scale, times in 1970-9999,
    /// a disruption naming a segment or customers, unknown fields that are minified JSON under keys the
    /// type does not define, sorted by UTF-8 bytes. The binary decoder checks them so that a decoded
    /// event can always be encoded to JSON and parsed back.
    public var validationProblem: String? {
        if id.isEmpty { return "empty id" }
        if let customer {
            if customer.isEmpty { return "empty customer" }
        } else if type != .disruption {
            return "\(type.rawValue) without a customer"
        }
        if !at.isValidEventTime { return "time \(at.microseconds) outside 1970-9999" }
        if let problem = bodyProblem { return problem }
        return extraProblem
    }

    private var bodyProblem: String? {
        switch body {
        case .purchase(let purchase):
            if purchase.order.isEmpty { return "empty order" }
            if let problem = Event.amountProblem(purchase.amount) { return problem }
            if let currency = purchase.currency, !Event.isCurrencyCode(currency) {
                return "currency \(JSONText.quoted(EventRejection.shorten(currency))) is not 3 upper-case letters"
            }
        case .refund(let refund):
            if refund.order.isEmpty { return "empty order" }
            if let amount = refund.amount, let problem = Event.amountProblem(amount) { return problem }
        case .supportContact(let contact):
            if contact.caseID.isEmpty { return "empty case" }
            if contact.channel.isEmpty { return "empty channel" }
        case .caseResolved(let resolved):
            if resolved.caseID.isEmpty { return "empty case" }
        case .survey(let survey):
            if !survey.kind.range.contains(survey.score) {
                return "\(survey.kind.rawValue) score \(survey.score) out of range"
            }
        case .mention(let mention):
            if mention.channel.isEmpty { return "empty channel" }
            if mention.text.isEmpty { return "empty text" }
            if let problem = Event.reachProblem(mention.reach) { return problem }
        case .reply(let reply):
            if reply.to.isEmpty { return "empty to" }
        case .review(let review):
            if review.platform.isEmpty { return "empty platform" }
            if !(1...5).contains(review.rating) { return "rating \(review.rating) out of range" }
            if let problem = Event.reachProblem(review.reach) { return problem }
        case .referral(let referral):
            if referral.code.isEmpty { return "empty code" }
        case .signup:
            break
        case .onboarding(let onboarding):
            if onboarding.step.isEmpty { return "empty step" }
        case .disruption(let disruption):
            if disruption.what.isEmpty { return "empty what" }
            if disruption.segment?.isEmpty ?? true, disruption.customers.isEmpty {
                return "disruption without segment or customers"
            }
            if disruption.customers.contains(where: \.isEmpty) { return "empty customer in customers" }
        case .suggestion(let suggestion):
            if suggestion.text.isEmpty { return "empty text" }
        case .referralConverted(let conversion):
            if conversion.code.isEmpty || conversion.referee.isEmpty || conversion.trigger.isEmpty {
                return "empty field in referral conversion"
            }
        }
        return nil
    }

    private var extraProblem: String? {
        var previous: String?
        for field in extra {
            if let previous, !previous.utf8.lexicographicallyPrecedes(field.key.utf8) {
                return "unknown fields not sorted or repeated at \(JSONText.quoted(EventRejection.shorten(field.key)))"
            }
            if EventFieldNames.isKnown(field.key, for: type) {
                return "unknown field \(JSONText.quoted(field.key)) is a field of \(type.rawValue)"
            }
            if !JSONReader.isMinifiedValue(field.json, depth: 2) {
                return "unknown field \(JSONText.quoted(EventRejection.shorten(field.key))) is not minified JSON"
            }
            previous = field.key
        }
        return nil
    }

    static func amountProblem(_ amount: Money) -> String? {
        amount.units < 0 || amount > Money.maxEventAmount ? "amount \(amount.decimalString) out of range" : nil
    }

    static func reachProblem(_ reach: Int64) -> String? {
        reach < 0 || reach > 1_000_000_000_000 ? "reach \(reach) out of range" : nil
    }

    static func isCurrencyCode(_ text: String) -> Bool {
        text.utf8.count == 3 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }
}
