import AdvocateCodec

@testable import AdvocateModel

/// Judges texts by a few keywords, so that expectations do not depend on the real lexicon.
enum KeywordJudge {
    static let weights: [(String, Double)] = [
        ("love", 0.8), ("great", 0.6), ("thanks", 0.4), ("hate", -0.8), ("awful", -0.7), ("bad", -0.4),
    ]
    static let complaints: [(String, String)] = [
        ("on hold", "waiting_time"), ("refund", "refund_or_billing"), ("delayed", "delay"), ("lost", "lost_or_damaged"),
    ]

    @Sendable static func judge(_ text: String) -> Judgment {
        let lowered = text.lowercased()
        let compound = weights.reduce(0.0) { $0 + (lowered.contains($1.0) ? $1.1 : 0) }
        let reason = complaints.first { lowered.contains($0.0) }?.1
        return Judgment(compound: compound, complaint: reason != nil, reason: reason)
    }
}

func makeModel(_ configuration: ModelConfiguration = .init()) -> AdvocacyModel {
    AdvocacyModel(configuration: configuration, judgment: KeywordJudge.judge)
}

/// 2026-11-01T00:00:00Z.
let epoch: Int64 = 1_793_491_200

/// A time `day` days and `hour`:`minute` after `epoch`.
func at(_ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Timestamp {
    Timestamp(seconds: epoch + Int64(day) * 86_400 + Int64(hour) * 3_600 + Int64(minute) * 60)
}

func money(_ cents: Int64) -> Money { Money(units: cents * 100) }

/// Event builders named after the event types.
enum Make {
    static func purchase(
        _ id: String, _ customer: String, _ time: Timestamp, order: String, cents: Int64, segment: String? = nil
    ) -> Event {
        Event(
            id: id, customer: customer, at: time,
            body: .purchase(Purchase(order: order, amount: money(cents), currency: "EUR", segment: segment))
        )
    }

    static func refund(_ id: String, _ customer: String, _ time: Timestamp, order: String, cents: Int64?) -> Event {
        Event(id: id, customer: customer, at: time, body: .refund(Refund(order: order, amount: cents.map(money))))
    }

    static func contact(
        _ id: String, _ customer: String, _ time: Timestamp, case caseID: String, channel: String
    )
        -> Event
    {
        Event(
            id: id, customer: customer, at: time,
            body: .supportContact(SupportContact(caseID: caseID, channel: channel))
        )
    }

    static func resolved(_ id: String, _ customer: String, _ time: Timestamp, case caseID: String) -> Event {
        Event(id: id, customer: customer, at: time, body: .caseResolved(CaseResolved(caseID: caseID)))
    }

    static func survey(
        _ id: String, _ customer: String, _ time: Timestamp, _ kind: SurveyKind, _ score: Int, comment: String? = nil
    ) -> Event {
        Event(
            id: id, customer: customer, at: time,
            body: .survey(Survey(kind: kind, score: score, comment: comment))
        )
    }

    static func mention(
        _ id: String, _ customer: String, _ time: Timestamp, _ text: String, reach: Int64 = 0,
        channel: String = "twitter"
    ) -> Event {
        Event(id: id, customer: customer, at: time, body: .mention(Mention(channel: channel, text: text, reach: reach)))
    }

    static func reply(_ id: String, _ customer: String, _ time: Timestamp, to target: String) -> Event {
        Event(id: id, customer: customer, at: time, body: .reply(Reply(to: target)))
    }

    static func review(
        _ id: String, _ customer: String, _ time: Timestamp, rating: Int, _ text: String? = nil,
        platform: String = "trustpilot"
    ) -> Event {
        Event(
            id: id, customer: customer, at: time,
            body: .review(Review(platform: platform, rating: rating, text: text))
        )
    }

    static func referral(
        _ id: String, _ customer: String, _ time: Timestamp, code: String, referee: String?
    )
        -> Event
    {
        Event(id: id, customer: customer, at: time, body: .referral(Referral(code: code, referee: referee)))
    }

    static func signup(_ id: String, _ customer: String, _ time: Timestamp, referredBy: String? = nil) -> Event {
        Event(id: id, customer: customer, at: time, body: .signup(Signup(referredBy: referredBy)))
    }

    static func onboarding(
        _ id: String, _ customer: String, _ time: Timestamp, _ status: OnboardingStatus
    )
        -> Event
    {
        Event(
            id: id, customer: customer, at: time,
            body: .onboarding(Onboarding(step: "connect-account", status: status))
        )
    }

    static func disruption(
        _ id: String, _ time: Timestamp, _ what: String, segment: String? = nil, customers: [String] = []
    ) -> Event {
        Event(
            id: id, customer: nil, at: time,
            body: .disruption(Disruption(what: what, segment: segment, customers: customers))
        )
    }

    static func suggestion(_ id: String, _ customer: String, _ time: Timestamp, _ text: String) -> Event {
        Event(id: id, customer: customer, at: time, body: .suggestion(Suggestion(text: text)))
    }
}

/// A busy customer touching every feature: 32 events over eleven months.
func busyCustomerEvents(_ customer: String, base: Int = 0) -> [Event] {
    var events: [Event] = []
    var n = 100_000 + base
    func id() -> String { n += 1; return "evt-000\(n)" }
    events.append(Make.signup(id(), customer, at(0, 9), referredBy: "REF-c-4711"))
    events.append(Make.onboarding(id(), customer, at(0, 10), .completed))
    let segments = ["route:LHR-JFK", "route:CDG-NRT", "route:AMS-SFO"]
    for index in 0..<12 {
        events.append(
            Make.purchase(
                id(), customer, at(index * 30 + 1, 12), order: "ord-00\(4_200 + index)",
                cents: 4_250 + Int64(index) * 731,
                segment: segments[index % 3]
            )
        )
    }
    events.append(Make.refund(id(), customer, at(62, 9), order: "ord-004202", cents: nil))
    events.append(Make.contact(id(), customer, at(40, 8), case: "case-1001", channel: "phone"))
    events.append(Make.contact(id(), customer, at(41, 8), case: "case-1001", channel: "email"))
    events.append(Make.resolved(id(), customer, at(41, 12), case: "case-1001"))
    events.append(Make.contact(id(), customer, at(200, 8), case: "case-1002", channel: "chat"))
    events.append(Make.contact(id(), customer, at(200, 9), case: "case-1002", channel: "chat"))
    events.append(Make.resolved(id(), customer, at(200, 12), case: "case-1002"))
    events.append(Make.survey(id(), customer, at(42, 9), .nps, 9, comment: "Quick fix, thanks"))
    events.append(Make.survey(id(), customer, at(201, 9), .ces, 5))
    events.append(Make.survey(id(), customer, at(201, 9), .csat, 4))
    for index in 0..<3 {
        events.append(Make.mention(id(), customer, at(100 + index * 60, 18), "love the lounge", reach: 300))
    }
    let complaint = id()
    events.append(Make.mention(complaint, customer, at(250, 7), "On hold for 40 minutes again", reach: 1_200))
    events.append(Make.reply(id(), customer, at(250, 8), to: complaint))
    events.append(Make.review(id(), customer, at(120, 20), rating: 5, "Great crew"))
    events.append(Make.review(id(), customer, at(300, 20), rating: 4))
    events.append(Make.referral(id(), customer, at(150, 10), code: "REF-c-0042", referee: "c-0099"))
    return events
}

extension [ModelOutput] {
    var candidates: [RewardCandidate] {
        compactMap { if case .candidate(let candidate) = $0 { candidate } else { nil } }
    }

    var alerts: [AlertRecord] {
        compactMap { if case .alert(let alert) = $0 { alert } else { nil } }
    }

    var notices: [NoticeRecord] {
        compactMap { if case .notice(let notice) = $0 { notice } else { nil } }
    }

    /// The last record emitted per alert id: what an upserting store ends up with (keeping earlier excerpts).
    var finalAlerts: [String: AlertRecord] {
        var result: [String: AlertRecord] = [:]
        for alert in alerts {
            var merged = alert
            if merged.excerpt == nil { merged.excerpt = result[alert.id]?.excerpt }
            result[alert.id] = merged
        }
        return result
    }
}
