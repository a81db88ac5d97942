import AdvocateCodec

/// The field rules of the public event format (DESIGN.md, "Events"), checked on typed events.
enum FormatRules {
    static let maxID = 128
    static let maxText = 4_096
    static let maxShort = 256

    static func problems(of event: Event) -> [String] {
        var problems: [String] = []
        func id(_ value: String, _ field: String) {
            if value.isEmpty || value.utf8.count > maxID { problems.append("\(field) length \(value.utf8.count)") }
        }
        func text(_ value: String, _ field: String) {
            if value.isEmpty || value.utf8.count > maxText { problems.append("\(field) length \(value.utf8.count)") }
        }
        func short(_ value: String?, _ field: String, limit: Int = maxShort) {
            guard let value else { return }
            if value.isEmpty || value.utf8.count > limit { problems.append("\(field) length \(value.utf8.count)") }
        }
        func money(_ value: Money, _ field: String) {
            if value.units < 0 || value.units > 1_000_000_000_000 * Money.scale { problems.append("\(field) \(value)") }
        }
        id(event.id, "id")
        short(event.source, "source")
        if event.type == .disruption {
            if event.customer != nil { problems.append("disruption with a customer") }
        } else if let customer = event.customer {
            id(customer, "customer")
        } else {
            problems.append("missing customer")
        }
        let year2100 = Timestamp(seconds: 4_102_444_800)
        if event.at.microseconds < 0 || event.at > year2100 { problems.append("at \(event.at)") }
        switch event.body {
        case .purchase(let p):
            id(p.order, "order")
            money(p.amount, "amount")
            if let currency = p.currency,
                currency.utf8.count != 3 || !currency.utf8.allSatisfy({ (65...90).contains($0) })
            {
                problems.append("currency \(currency)")
            }
            short(p.segment, "segment")
        case .refund(let r):
            id(r.order, "order")
            if let amount = r.amount { money(amount, "amount") }
        case .supportContact(let s):
            id(s.caseID, "case")
            short(s.channel, "channel")
        case .caseResolved(let c):
            id(c.caseID, "case")
        case .survey(let s):
            if !s.kind.range.contains(s.score) { problems.append("score \(s.score) for \(s.kind)") }
            if let comment = s.comment { text(comment, "comment") }
            short(s.channel, "channel")
        case .mention(let m):
            short(m.channel, "channel")
            text(m.text, "text")
            if m.reach < 0 || m.reach > 1_000_000_000_000 { problems.append("reach \(m.reach)") }
            short(m.url, "url", limit: 2_048)
        case .reply(let r):
            id(r.to, "to")
            short(r.channel, "channel")
        case .review(let r):
            short(r.platform, "platform")
            if !(1...5).contains(r.rating) { problems.append("rating \(r.rating)") }
            if let reviewText = r.text { text(reviewText, "text") }
            if r.reach < 0 { problems.append("reach \(r.reach)") }
        case .referral(let r):
            id(r.code, "code")
            if let referee = r.referee { id(referee, "referee") }
        case .signup(let s):
            if let code = s.referredBy { id(code, "referred_by") }
            for (value, field) in [
                (s.email, "email"), (s.phone, "phone"), (s.paymentFingerprint, "payment"),
                (s.address, "address"),
            ] {
                short(value, field, limit: 512)
            }
            short(s.segment, "segment")
        case .onboarding(let o):
            short(o.step, "step")
            if !OnboardingStatus.allCases.contains(o.status) { problems.append("status") }
        case .disruption(let d):
            text(d.what, "what")
            short(d.segment, "segment")
            if d.segment == nil && d.customers.isEmpty { problems.append("disruption names nobody") }
            if d.customers.count > 10_000 { problems.append("customers \(d.customers.count)") }
            for customer in d.customers { id(customer, "customers[]") }
        case .suggestion(let s):
            text(s.text, "text")
        case .referralConverted:
            problems.append("internal event type")
        }
        return problems
    }
}
