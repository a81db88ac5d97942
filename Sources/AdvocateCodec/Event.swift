/// One thing a customer did or said, or a disruption, as accepted at ingest.
///
/// The public JSON form is the contract with upstream systems (see the README); between stages the
/// same value travels in the binary encoding (`BinaryEncoding`). Every event carries the producer's
/// `id`, which is the idempotency key of the whole pipeline.
public struct Event: Sendable, Hashable {
    /// The producer's unique id: a second event with the same id is a duplicate.
    public var id: String
    /// The customer the event is about; `nil` only for `disruption`.
    public var customer: String?
    /// When it happened (event time), not when it arrived.
    public var at: Timestamp
    /// The upstream system that sent it, when it said.
    public var source: String?
    /// The type-specific fields.
    public var body: EventBody
    /// Fields the format does not know, kept as the producer sent them, sorted by key.
    public var extra: [ExtraField]

    public init(
        id: String,
        customer: String?,
        at: Timestamp,
        source: String? = nil,
        body: EventBody,
        extra: [ExtraField] = []
    ) {
        self.id = id
        self.customer = customer
        self.at = at
        self.source = source
        self.body = body
        self.extra = extra
    }

    /// The event's type, derived from its body.
    public var type: EventType { body.type }
}

/// The event types of the public format.
public enum EventType: String, Sendable, Hashable, CaseIterable, Codable {
    case purchase
    case refund
    case supportContact = "support_contact"
    case caseResolved = "case_resolved"
    case survey
    case mention
    case reply
    case review
    case referral
    case signup
    case onboarding
    case disruption
    case suggestion
    /// Internal: derived by scoring and journalled for the referrer's partition; producers cannot send it.
    case referralConverted = "referral_converted"

    /// The types upstream systems may send; the others are made inside the pipeline.
    public static let publicTypes: [EventType] = allCases.filter { !$0.isInternal }

    /// Whether only the pipeline itself makes events of this type.
    public var isInternal: Bool { self == .referralConverted }

    /// Stable numeric code used by the binary encoding; never reuse a retired code.
    public var code: UInt8 {
        switch self {
        case .purchase: 1
        case .refund: 2
        case .supportContact: 3
        case .caseResolved: 4
        case .survey: 5
        case .mention: 6
        case .reply: 7
        case .review: 8
        case .referral: 9
        case .signup: 10
        case .onboarding: 11
        case .disruption: 12
        case .suggestion: 13
        case .referralConverted: 14
        }
    }

    public init?(code: UInt8) {
        guard let type = EventType.allCases.first(where: { $0.code == code }) else { return nil }
        self = type
    }
}

/// The type-specific part of an event.
public enum EventBody: Sendable, Hashable {
    case purchase(Purchase)
    case refund(Refund)
    case supportContact(SupportContact)
    case caseResolved(CaseResolved)
    case survey(Survey)
    case mention(Mention)
    case reply(Reply)
    case review(Review)
    case referral(Referral)
    case signup(Signup)
    case onboarding(Onboarding)
    case disruption(Disruption)
    case suggestion(Suggestion)
    case referralConverted(ReferralConverted)

    public var type: EventType {
        switch self {
        case .purchase: .purchase
        case .refund: .refund
        case .supportContact: .supportContact
        case .caseResolved: .caseResolved
        case .survey: .survey
        case .mention: .mention
        case .reply: .reply
        case .review: .review
        case .referral: .referral
        case .signup: .signup
        case .onboarding: .onboarding
        case .disruption: .disruption
        case .suggestion: .suggestion
        case .referralConverted: .referralConverted
        }
    }
}

/// `{"type":"purchase","order":"o-1","amount":42.50,"currency":"EUR","segment":"route:LHR-JFK"}`
public struct Purchase: Sendable, Hashable {
    public var order: String
    public var amount: Money
    /// ISO 4217 code, three upper-case letters.
    public var currency: String?
    /// What the purchase was of, for disruptions by segment (e.g. `route:LHR-JFK`).
    public var segment: String?

    public init(order: String, amount: Money, currency: String? = nil, segment: String? = nil) {
        self.order = order
        self.amount = amount
        self.currency = currency
        self.segment = segment
    }
}

/// `{"type":"refund","order":"o-1","amount":42.50}`; without `amount` the whole order is refunded.
public struct Refund: Sendable, Hashable {
    public var order: String
    public var amount: Money?

    public init(order: String, amount: Money? = nil) {
        self.order = order
        self.amount = amount
    }
}

/// `{"type":"support_contact","case":"k-1","channel":"phone"}`
public struct SupportContact: Sendable, Hashable {
    public var caseID: String
    public var channel: String

    public init(caseID: String, channel: String) {
        self.caseID = caseID
        self.channel = channel
    }
}

/// `{"type":"case_resolved","case":"k-1"}`
public struct CaseResolved: Sendable, Hashable {
    public var caseID: String

    public init(caseID: String) {
        self.caseID = caseID
    }
}

/// The survey scales: NPS 0-10, CSAT 1-5, CES 1-7 (7 = easiest).
public enum SurveyKind: String, Sendable, Hashable, CaseIterable, Codable {
    case nps
    case csat
    case ces

    /// The allowed answers, inclusive.
    public var range: ClosedRange<Int> {
        switch self {
        case .nps: 0...10
        case .csat: 1...5
        case .ces: 1...7
        }
    }

    public var code: UInt8 {
        switch self {
        case .nps: 1
        case .csat: 2
        case .ces: 3
        }
    }

    public init?(code: UInt8) {
        guard let kind = SurveyKind.allCases.first(where: { $0.code == code }) else { return nil }
        self = kind
    }
}

/// `{"type":"survey","kind":"nps","score":9,"comment":"Quick fix, thanks"}`
public struct Survey: Sendable, Hashable {
    public var kind: SurveyKind
    public var score: Int
    public var comment: String?
    /// The support channel the answer is about, when the survey system knows it.
    public var channel: String?

    public init(kind: SurveyKind, score: Int, comment: String? = nil, channel: String? = nil) {
        self.kind = kind
        self.score = score
        self.comment = comment
        self.channel = channel
    }
}

/// `{"type":"mention","channel":"twitter","text":"...","reach":1200,"url":"https://..."}`: a public post.
public struct Mention: Sendable, Hashable {
    public var channel: String
    public var text: String
    /// How many people could see it (followers, views); 0 when unknown.
    public var reach: Int64
    public var url: String?

    public init(channel: String, text: String, reach: Int64 = 0, url: String? = nil) {
        self.channel = channel
        self.text = text
        self.reach = reach
        self.url = url
    }
}

/// `{"type":"reply","to":"m-1"}`: the company answered the event with id `to`.
public struct Reply: Sendable, Hashable {
    public var to: String
    public var channel: String?

    public init(to: String, channel: String? = nil) {
        self.to = to
        self.channel = channel
    }
}

/// `{"type":"review","platform":"trustpilot","rating":5,"text":"Great service"}`; rating 1-5.
public struct Review: Sendable, Hashable {
    public var platform: String
    public var rating: Int
    public var text: String?
    public var reach: Int64

    public init(platform: String, rating: Int, text: String? = nil, reach: Int64 = 0) {
        self.platform = platform
        self.rating = rating
        self.text = text
        self.reach = reach
    }
}

/// `{"type":"referral","code":"REF-c-1","referee":"c-2"}`: the customer referred someone.
public struct Referral: Sendable, Hashable {
    public var code: String
    public var referee: String?

    public init(code: String, referee: String? = nil) {
        self.code = code
        self.referee = referee
    }
}

/// `{"type":"signup","referred_by":"REF-c-1","email":"ann@example.com"}`.
///
/// Contact details arrive in clear and are replaced by keyed hashes at ingest (`ContactHasher`);
/// past ingest, these fields only ever hold hashes (hex).
public struct Signup: Sendable, Hashable {
    public var referredBy: String?
    public var email: String?
    public var phone: String?
    public var paymentFingerprint: String?
    public var address: String?
    /// The customer's segment, if the signup names one.
    public var segment: String?

    public init(
        referredBy: String? = nil,
        email: String? = nil,
        phone: String? = nil,
        paymentFingerprint: String? = nil,
        address: String? = nil,
        segment: String? = nil
    ) {
        self.referredBy = referredBy
        self.email = email
        self.phone = phone
        self.paymentFingerprint = paymentFingerprint
        self.address = address
        self.segment = segment
    }
}

/// The outcome of an onboarding step.
public enum OnboardingStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case started
    case completed
    case stuck
    case abandoned

    public var code: UInt8 {
        switch self {
        case .started: 1
        case .completed: 2
        case .stuck: 3
        case .abandoned: 4
        }
    }

    public init?(code: UInt8) {
        guard let status = OnboardingStatus.allCases.first(where: { $0.code == code }) else { return nil }
        self = status
    }
}

/// `{"type":"onboarding","step":"connect-account","status":"stuck"}`
public struct Onboarding: Sendable, Hashable {
    public var step: String
    public var status: OnboardingStatus

    public init(step: String, status: OnboardingStatus) {
        self.step = step
        self.status = status
    }
}

/// `{"type":"disruption","what":"LHR-JFK flights delayed 3 hours","segment":"route:LHR-JFK"}`.
///
/// Names the affected customers in `customers`, or a `segment` that purchases carry, or both.
public struct Disruption: Sendable, Hashable {
    public var what: String
    public var segment: String?
    public var customers: [String]

    public init(what: String, segment: String? = nil, customers: [String] = []) {
        self.what = what
        self.segment = segment
        self.customers = customers
    }
}

/// `{"type":"suggestion","text":"Call it giraffe bread"}`
public struct Suggestion: Sendable, Hashable {
    public var text: String

    public init(text: String) {
        self.text = text
    }
}

/// Internal, to the referrer: a customer who signed up with one of the referrer's codes made a first purchase.
///
/// Scoring derives it once both halves are known (the referrer's `referral` event and the referee's converting
/// purchase, which live in different partitions) and hands it to ingest, which journals it under a
/// deterministic id for the referrer's partition.
public struct ReferralConverted: Sendable, Hashable {
    public var code: String
    public var referee: String
    /// The referee's converting purchase.
    public var trigger: String

    public init(code: String, referee: String, trigger: String) {
        self.code = code
        self.referee = referee
        self.trigger = trigger
    }
}

/// A field of an event that the format does not define, kept verbatim.
public struct ExtraField: Sendable, Hashable {
    public var key: String
    /// The value's JSON text, exactly as it was received (minified).
    public var json: String

    public init(key: String, json: String) {
        self.key = key
        self.json = json
    }
}
