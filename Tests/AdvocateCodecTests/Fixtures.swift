import AdvocateCodec
import Foundation

/// Fixed values shared by the tests: one event of every type (with every optional field set where the
/// type has any) and one message of every wire kind. The golden vectors are these values encoded.
enum Fixtures {
    /// 2026-11-01T10:00:00Z
    static let at = Timestamp(microseconds: 1_793_527_200_000_000)
    /// 2026-11-05T07:00:00.123456Z
    static let atWithFraction = Timestamp(microseconds: 1_793_862_000_123_456)

    /// One event per type, keyed by a short name used for golden files (`event-<name>.hex`).
    static let events: [(name: String, event: Event)] = [
        (
            "purchase",
            Event(
                id: "p-1", customer: "c-1", at: at, source: "shop",
                body: .purchase(
                    Purchase(
                        order: "o-1", amount: Money(units: 425_000), currency: "EUR",
                        segment: "route:LHR-JFK")),
                extra: [
                    ExtraField(key: "campaign", json: "\"spring\""), ExtraField(key: "tags", json: "[1,{\"b\":null}]"),
                ]
            )
        ),
        (
            "refund",
            Event(id: "r-1", customer: "c-1", at: at, body: .refund(Refund(order: "o-1", amount: Money(units: 1))))
        ),
        (
            "support_contact",
            Event(
                id: "s-1", customer: "c-1", at: at,
                body: .supportContact(SupportContact(caseID: "k-1", channel: "phone")))
        ),
        (
            "case_resolved",
            Event(id: "s-2", customer: "c-1", at: atWithFraction, body: .caseResolved(CaseResolved(caseID: "k-1")))
        ),
        (
            "survey",
            Event(
                id: "v-1", customer: "c-1", at: at,
                body: .survey(Survey(kind: .nps, score: 9, comment: "Quick fix, thanks", channel: "chat")))
        ),
        (
            "mention",
            Event(
                id: "m-1", customer: "c-1", at: at,
                body: .mention(
                    Mention(
                        channel: "twitter", text: "On hold for 40 minutes again \u{1F620}", reach: 1200,
                        url: "https://example.com/m/1")))
        ),
        ("reply", Event(id: "a-1", customer: "c-1", at: at, body: .reply(Reply(to: "m-1", channel: "twitter")))),
        (
            "review",
            Event(
                id: "w-1", customer: "c-1", at: at,
                body: .review(Review(platform: "trustpilot", rating: 5, text: "Great \"service\"\n", reach: 40)))
        ),
        (
            "referral",
            Event(id: "f-1", customer: "c-1", at: at, body: .referral(Referral(code: "REF-c-1", referee: "c-2")))
        ),
        (
            "signup",
            Event(
                id: "g-1", customer: "c-2", at: at,
                body: .signup(
                    Signup(
                        referredBy: "REF-c-1", email: "ann@example.com", phone: "+44 20 7946 0000",
                        paymentFingerprint: "fp-9", address: "1 High St", segment: "retail")))
        ),
        (
            "onboarding",
            Event(
                id: "o-1", customer: "c-2", at: at,
                body: .onboarding(Onboarding(step: "connect-account", status: .stuck)))
        ),
        (
            "disruption",
            Event(
                id: "d-1", customer: nil, at: Timestamp(microseconds: 1_794_204_000_000_000),
                body: .disruption(
                    Disruption(
                        what: "LHR-JFK flights delayed 3 hours", segment: "route:LHR-JFK",
                        customers: ["c-1", "c-2"])))
        ),
        (
            "suggestion",
            Event(id: "x-1", customer: "c-3", at: at, body: .suggestion(Suggestion(text: "Call it giraffe bread")))
        ),
    ]

    /// Events with no optional field set, to cover the other presence bits.
    static let minimalEvents: [Event] = [
        Event(id: "p", customer: "c", at: at, body: .purchase(Purchase(order: "o", amount: .zero))),
        Event(id: "r", customer: "c", at: at, body: .refund(Refund(order: "o"))),
        Event(id: "v", customer: "c", at: at, body: .survey(Survey(kind: .ces, score: 7))),
        Event(id: "m", customer: "c", at: at, body: .mention(Mention(channel: "x", text: "t"))),
        Event(id: "a", customer: "c", at: at, body: .reply(Reply(to: "m"))),
        Event(id: "w", customer: "c", at: at, body: .review(Review(platform: "p", rating: 1))),
        Event(id: "f", customer: "c", at: at, body: .referral(Referral(code: "R"))),
        Event(id: "g", customer: "c", at: at, body: .signup(Signup())),
        Event(id: "d", customer: "c", at: at, body: .disruption(Disruption(what: "w", customers: ["c"]))),
        Event(id: "d2", customer: nil, at: at, body: .disruption(Disruption(what: "w", segment: "s"))),
    ]

    /// An internal event, derived by scoring: never accepted from producers, but carried in binary.
    static let derivedConversion = Event(
        id: "advocate:referral_converted:p-9", customer: "c-1", at: at, source: "advocate",
        body: .referralConverted(ReferralConverted(code: "REF-c-1", referee: "c-2", trigger: "p-9")))

    static let lease = PartitionLease(partition: 7, epoch: 300)

    static let fullCandidate = RewardCandidate(
        id: "referral_converted:g-1", kind: .referralConverted, customer: "c-2", trigger: "p-9", at: at,
        referralCode: "REF-c-1", referee: "c-2", order: "o-9", amount: Money(units: 999_900), rating: 10,
        segment: "retail", stage: "customer", referrer: "c-1", referredAt: at, refereeSince: atWithFraction,
        sharedContacts: ["address", "email"])

    static let bareCandidate = RewardCandidate(
        id: "order_refunded:r-1", kind: .orderRefunded, customer: "c-1", trigger: "r-1", at: atWithFraction)

    /// One message per kind, keyed by a short name used for golden files (`wire-<name>.hex`).
    static let messages: [(name: String, message: WireMessage)] = [
        ("hello", .hello(WorkerHello(worker: "host-a/4242/1793527200", role: .score, capacity: 5000))),
        (
            "assign",
            .assign(Assignment(partitionCount: 64, leases: [lease, PartitionLease(partition: 63, epoch: UInt64.max)]))
        ),
        ("resume", .resume(Resume(lease: lease, after: 123_456))),
        (
            "events",
            .events(
                EventBatch(
                    lease: lease,
                    entries: [
                        JournalEntry(sequence: 1, event: events[0].event),
                        JournalEntry(sequence: 2, event: events[11].event),
                    ]))
        ),
        ("ack", .ack(Ack(lease: lease, through: 2))),
        (
            "candidates",
            .candidates(
                CandidateBatch(batch: 17, origin: [0, 1, 2, 0xFF], candidates: [fullCandidate, bareCandidate]))
        ),
        ("candidates_ack", .candidatesAck(CandidateAck(batch: 17, origin: [0, 1, 2, 0xFF]))),
        ("heartbeat", .heartbeat),
        ("goodbye", .goodbye),
        ("error", .error(WireError(code: .staleEpoch, message: "epoch 299 < 300 for partition 7"))),
        ("forward", .forward(ForwardBatch(batch: 9, events: [derivedConversion]))),
        ("forward_ack", .forwardAck(ForwardAck(batch: 9))),
    ]

    /// More messages for round trips: empty collections and the other codes.
    static let moreMessages: [WireMessage] = [
        .hello(WorkerHello(worker: "", role: .reward, capacity: UInt32.max)),
        .assign(Assignment(partitionCount: 0, leases: [])),
        .events(EventBatch(lease: lease, entries: [])),
        .events(
            EventBatch(
                lease: lease,
                entries: minimalEvents.enumerated().map {
                    JournalEntry(sequence: UInt64($0.offset + 1), event: $0.element)
                })),
        .candidates(CandidateBatch(batch: 0, candidates: [])),
        .candidatesAck(CandidateAck(batch: UInt64.max)),
        .forward(ForwardBatch(batch: 0, events: [])),
        .error(WireError(code: .malformed, message: "")),
        .error(WireError(code: .unknownWorker, message: "who?")),
        .error(WireError(code: .unsupportedVersion, message: "v2")),
    ]

    /// The example lines of DESIGN.md "Events".
    static let designLines: [String] = [
        #"{"id":"p-1","type":"purchase","customer":"c-1","at":"2026-11-01T10:00:00Z","#
            + #""order":"o-1","amount":42.50,"currency":"EUR","segment":"route:LHR-JFK"}"#,
        #"{"id":"r-1","type":"refund","customer":"c-1","at":"2026-11-03T09:00:00Z","order":"o-1","amount":42.50}"#,
        #"{"id":"s-1","type":"support_contact","customer":"c-1","at":"2026-11-02T08:00:00Z","#
            + #""case":"k-1","channel":"phone"}"#,
        #"{"id":"s-2","type":"case_resolved","customer":"c-1","at":"2026-11-02T09:30:00Z","case":"k-1"}"#,
        #"{"id":"v-1","type":"survey","customer":"c-1","at":"2026-11-04T12:00:00Z","#
            + #""kind":"nps","score":9,"comment":"Quick fix, thanks"}"#,
        #"{"id":"m-1","type":"mention","customer":"c-1","at":"2026-11-05T07:00:00Z","#
            + #""channel":"twitter","text":"On hold for 40 minutes again","reach":1200,"#
            + #""url":"https://example.com/m/1"}"#,
        #"{"id":"a-1","type":"reply","customer":"c-1","at":"2026-11-05T07:12:00Z","to":"m-1"}"#,
        #"{"id":"w-1","type":"review","customer":"c-1","at":"2026-11-06T18:00:00Z","#
            + #""platform":"trustpilot","rating":5,"text":"Great service"}"#,
        #"{"id":"f-1","type":"referral","customer":"c-1","at":"2026-11-07T10:00:00Z","#
            + #""code":"REF-c-1","referee":"c-2"}"#,
        #"{"id":"g-1","type":"signup","customer":"c-2","at":"2026-11-08T10:00:00Z","#
            + #""referred_by":"REF-c-1","email":"ann@example.com"}"#,
        #"{"id":"o-1","type":"onboarding","customer":"c-2","at":"2026-11-08T11:00:00Z","#
            + #""step":"connect-account","status":"stuck"}"#,
        #"{"id":"d-1","type":"disruption","at":"2026-11-09T06:00:00Z","#
            + #""what":"LHR-JFK flights delayed 3 hours","segment":"route:LHR-JFK"}"#,
        #"{"id":"x-1","type":"suggestion","customer":"c-3","at":"2026-11-09T15:00:00Z","#
            + #""text":"Call it giraffe bread"}"#,
    ]
}
