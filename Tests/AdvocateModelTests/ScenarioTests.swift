import AdvocateCodec
import Testing

@testable import AdvocateModel

/// What the score stage does around the model: one state per customer, referral conversions routed to the
/// referrer, disruptions routed to named customers and scanned by segment.
struct World {
    let model: AdvocacyModel
    var states: [String: CustomerState] = [:]
    var outputs: [String: [[ModelOutput]]] = [:]
    /// Referral code to referrer, as the stage would look it up.
    var referrers: [String: String] = [:]

    mutating func send(_ event: Event) {
        guard let customer = event.customer else {
            for name in states.keys.sorted() {
                let notice = model.notice(for: event, customer: name, state: states[name] ?? CustomerState())
                if let notice { outputs[name, default: []].append([.notice(notice)]) }
            }
            return
        }
        var state = states[customer] ?? CustomerState()
        let produced = model.apply(event, to: &state)
        states[customer] = state
        outputs[customer, default: []].append(produced)
        for candidate in produced.candidates where candidate.kind == .referralConverted {
            guard let code = candidate.referralCode, let referrer = referrers[code] else { continue }
            var referrerState = states[referrer] ?? CustomerState()
            let converted = model.applyReferralConversion(
                code: code, referee: candidate.customer, trigger: candidate.trigger, at: candidate.at,
                referrer: referrer, to: &referrerState
            )
            states[referrer] = referrerState
            outputs[referrer, default: []].append(converted)
        }
    }

    func profile(_ customer: String) -> CustomerProfile {
        model.profile(of: states[customer] ?? CustomerState(), customer: customer)
    }
}

/// Six customers whose events, between them, exercise every rule of the model, with every output written out.
@Suite struct ScenarioTests {
    static let events: [Event] = [
        // ann: buys, is refunded, is served, praises, complains in public and is answered, refers bob.
        Make.purchase("p-1", "ann", at(0, 10), order: "o-1", cents: 4_250, segment: "route:LHR-JFK"),
        Make.contact("s-1", "ann", at(1, 8), case: "k-1", channel: "phone"),
        Make.resolved("s-2", "ann", at(1, 9, 30), case: "k-1"),
        Make.refund("r-1", "ann", at(2, 9), order: "o-1", cents: 4_250),
        Make.survey("v-1", "ann", at(3, 12), .nps, 9, comment: "Quick fix, thanks"),
        Make.mention("m-1", "ann", at(4, 7), "On hold for 40 minutes again", reach: 1_200),
        Make.reply("a-1", "ann", at(4, 7, 12), to: "m-1"),
        Make.review("w-1", "ann", at(5, 18), rating: 5, "Great service"),
        Make.referral("f-1", "ann", at(6, 10), code: "REF-ann", referee: "bob"),
        // cat: a valuable customer; the reply to her detractor answer arrives before the answer itself.
        Make.purchase("p-c1", "cat", at(0, 9), order: "oc-1", cents: 150_000),
        Make.reply("a-c1", "cat", at(3, 10), to: "v-c1"),
        Make.survey("v-c1", "cat", at(2, 12), .nps, 3, comment: "awful support"),
        Make.survey("v-c2", "cat", at(5, 9), .nps, 10),
        Make.mention("m-c1", "cat", at(6, 8), "I hate this, delayed again", reach: 50_000),
        // dan: two routes, then a hard time with support.
        Make.purchase("p-d1", "dan", at(0, 12), order: "od-1", cents: 10_000, segment: "route:LHR-JFK"),
        Make.purchase("p-d2", "dan", at(1, 12), order: "od-2", cents: 8_000, segment: "route:CDG-NRT"),
        // fay: signs up, buys, is refunded without an amount, writes a one-star review.
        Make.signup("g-f1", "fay", at(0, 9)),
        Make.purchase("p-f1", "fay", at(1, 9), order: "of-1", cents: 6_000),
        Make.refund("r-f1", "fay", at(2, 9), order: "of-1", cents: nil),
        Make.review("w-f1", "fay", at(3, 9), rating: 1, "bad, still no refund", platform: "google"),
        // eve: never buys, praises in public.
        Make.mention("m-e1", "eve", at(0, 10), "I love it"),
        // bob: referred by ann, stuck in onboarding, buys.
        Make.signup("g-1", "bob", at(7, 10), referredBy: "REF-ann"),
        Make.onboarding("o-1", "bob", at(7, 11), .stuck),
        Make.purchase("p-b1", "bob", at(8, 10), order: "ob-1", cents: 2_500),
        // Disruptions: one by segment, one naming eve.
        Make.disruption("d-1", at(9, 6), "LHR-JFK flights delayed 3 hours", segment: "route:LHR-JFK"),
        Make.disruption("d-2", at(9, 7), "Outage in the app", customers: ["eve"]),
        // Later.
        Make.purchase("p-2", "ann", at(10, 10), order: "o-2", cents: 3_000, segment: "route:LHR-JFK"),
        Make.contact("s-d1", "dan", at(11, 8), case: "kd-1", channel: "phone"),
        Make.contact("s-d2", "dan", at(11, 11), case: "kd-1", channel: "email"),
        Make.contact("s-d3", "dan", at(12, 9), case: "kd-1", channel: "chat"),
        Make.contact("s-d4", "dan", at(13, 10), case: "kd-1", channel: "phone"),
        Make.survey("v-d1", "dan", at(13, 14), .ces, 2),
        Make.mention("m-e2", "eve", at(20, 10), "great stuff"),
        Make.mention("m-e3", "eve", at(40, 10), "love the new app"),
        Make.suggestion("x-e1", "eve", at(41, 15), "Call it giraffe bread"),
    ]

    static func run() -> World {
        var world = World(model: makeModel(), referrers: ["REF-ann": "ann"])
        for event in events { world.send(event) }
        return world
    }

    static func candidate(
        _ kind: RewardCandidate.Kind, _ customer: String, _ trigger: String, _ time: Timestamp, stage: LadderStage,
        code: String? = nil, referee: String? = nil, order: String? = nil, cents: Int64? = nil, rating: Int? = nil,
        signedUp: Timestamp? = nil
    ) -> ModelOutput {
        .candidate(
            RewardCandidate(
                id: kind.rawValue + ":" + trigger, kind: kind, customer: customer, trigger: trigger, at: time,
                referralCode: code, referee: referee, order: order, amount: cents.map(money), rating: rating,
                stage: stage.rawValue, referrer: kind == .becameAdvocate && code != nil ? customer : nil,
                referredAt: signedUp, refereeSince: signedUp
            )
        )
    }

    static func alert(
        _ trigger: String, _ customer: String, _ severity: AlertRecord.Severity, opened: Timestamp,
        closed: Timestamp? = nil, reason: String, channel: String, excerpt: String?
    ) -> ModelOutput {
        .alert(
            AlertRecord(
                id: "alert:" + trigger, trigger: trigger, customer: customer, status: closed == nil ? .open : .closed,
                severity: severity, openedAt: opened, closedAt: closed,
                responseSeconds: closed.map { $0.seconds - opened.seconds }, reason: reason, channel: channel,
                excerpt: excerpt
            )
        )
    }

    static func notice(
        _ disruption: String, _ customer: String, _ time: Timestamp, _ what: String, segment: String?
    )
        -> ModelOutput
    {
        .notice(
            NoticeRecord(
                id: "notice:\(disruption):\(customer)", disruption: disruption, customer: customer, at: time,
                what: what, segment: segment, named: segment == nil
            )
        )
    }

    @Test func annRefundPromoterAnsweredComplaintReviewAndReferral() {
        let world = Self.run()
        let onHold = "On hold for 40 minutes again"
        #expect(
            world.outputs["ann"] == [
                [],  // p-1
                [],  // s-1
                [],  // s-2
                [Self.candidate(.orderRefunded, "ann", "r-1", at(2, 9), stage: .prospect, order: "o-1", cents: 4_250)],
                [Self.candidate(.promoter, "ann", "v-1", at(3, 12), stage: .prospect, rating: 9)],
                [
                    .complaintTopic(reason: "waiting_time", eventID: "m-1", excerpt: onHold),
                    Self.alert(
                        "m-1", "ann", .medium, opened: at(4, 7), reason: "waiting_time", channel: "twitter",
                        excerpt: onHold
                    ),
                ],
                [
                    Self.alert(
                        "m-1", "ann", .medium, opened: at(4, 7), closed: at(4, 7, 12), reason: "waiting_time",
                        channel: "twitter", excerpt: onHold
                    )
                ],
                [Self.candidate(.goodReview, "ann", "w-1", at(5, 18), stage: .prospect, rating: 5)],
                [],  // f-1: a sent referral alone does not make an advocate
                [  // bob's first purchase converted ann's referral
                    Self.candidate(
                        .becameAdvocate, "ann", "p-b1", at(8, 10), stage: .advocate, code: "REF-ann", referee: "bob"
                    )
                ],
                [Self.notice("d-1", "ann", at(9, 6), "LHR-JFK flights delayed 3 hours", segment: "route:LHR-JFK")],
                [],  // p-2
            ]
        )
        let profile = world.profile("ann")
        #expect(profile.stage == .advocate)
        #expect(profile.flags == ["promoter"])
        #expect(profile.openAlerts == 0)
        #expect(profile.scores.advocacy == 68.9)  // 15 promoter + 15 review + 10 sent + 30 converted = 70 points
        #expect(profile.scores.loyalty == 39.9)
    }

    @Test func bobConvertsTheReferralAndIsStuckInOnboarding() {
        let world = Self.run()
        #expect(
            world.outputs["bob"] == [
                [],
                [],
                [
                    Self.candidate(
                        .referralConverted, "bob", "p-b1", at(8, 10), stage: .customer, code: "REF-ann",
                        referee: "bob", order: "ob-1", cents: 2_500, signedUp: at(7, 10)
                    )
                ],
            ]
        )
        let profile = world.profile("bob")
        #expect(profile.stage == .customer)
        #expect(profile.flags == ["onboarding_stuck"])
    }

    @Test func catIsAnsweredBeforeHerAnswerArrivesRecoversThenComplainsLoudly() {
        let world = Self.run()
        #expect(
            world.outputs["cat"] == [
                [],  // p-c1
                [],  // a-c1: nothing to close yet, remembered
                [  // v-c1 opens and is closed at once by the remembered reply
                    Self.alert(
                        "v-c1", "cat", .high, opened: at(2, 12), closed: at(3, 10), reason: "detractor",
                        channel: "survey", excerpt: "awful support"
                    )
                ],
                [
                    Self.candidate(.promoter, "cat", "v-c2", at(5, 9), stage: .customer, rating: 10),
                    Self.candidate(.recoveredDetractor, "cat", "v-c2", at(5, 9), stage: .customer, rating: 10),
                ],
                [
                    .complaintTopic(reason: "delay", eventID: "m-c1", excerpt: "I hate this, delayed again"),
                    // strongly negative (2) + reach 50,000 (2) + net spend 1,500 (2) = 6
                    Self.alert(
                        "m-c1", "cat", .critical, opened: at(6, 8), reason: "delay", channel: "twitter",
                        excerpt: "I hate this, delayed again"
                    ),
                ],
            ]
        )
        let profile = world.profile("cat")
        #expect(profile.stage == .customer)
        #expect(profile.flags == ["detractor", "at_risk", "promoter"])
        #expect(profile.openAlerts == 1)
        #expect(profile.scores.sentiment < 35)
    }

    @Test func danIsNoticedBySegmentAndStrugglesWithSupport() {
        let world = Self.run()
        let notice = Self.notice("d-1", "dan", at(9, 6), "LHR-JFK flights delayed 3 hours", segment: "route:LHR-JFK")
        #expect(world.outputs["dan"] == [[], [], [notice], [], [], [], [], []])
        let profile = world.profile("dan")
        #expect(profile.stage == .client)
        #expect(profile.flags == ["at_risk"])
        // CES 2 -> 5/6; support: 4 contacts on one case (1), 3 channel switches (1), 3 repeats (1), 1 open case
        // (0.5) -> 0.9, decayed over 4 hours; 100 * (1 - (1 - 0.75)(1 - 0.9 * 0.8983)) = 95.2
        #expect(profile.scores.effort == 95.2)
    }

    @Test func eveIsAnAdvocateThroughSustainedPraiseAndIsNamedByADisruption() {
        let world = Self.run()
        #expect(
            world.outputs["eve"] == [
                [],
                [Self.notice("d-2", "eve", at(9, 7), "Outage in the app", segment: nil)],
                [],
                [Self.candidate(.becameAdvocate, "eve", "m-e3", at(40, 10), stage: .advocate)],
                [
                    .suggestion(
                        SuggestionRecord(
                            eventID: "x-e1", customer: "eve", at: at(41, 15), text: "Call it giraffe bread")
                    )
                ],
            ]
        )
        let profile = world.profile("eve")
        #expect(profile.stage == .advocate)
        #expect(profile.flags == [])
    }

    @Test func fayIsRefundedInFullAndComplainsInAReview() {
        let world = Self.run()
        let text = "bad, still no refund"
        #expect(
            world.outputs["fay"] == [
                [],
                [],
                [
                    Self.candidate(
                        .orderRefunded, "fay", "r-f1", at(2, 9), stage: .prospect, order: "of-1", cents: 6_000)
                ],
                [
                    .complaintTopic(reason: "refund_or_billing", eventID: "w-f1", excerpt: text),
                    Self.alert(
                        "w-f1", "fay", .medium, opened: at(3, 9), reason: "refund_or_billing", channel: "google",
                        excerpt: text
                    ),
                ],
            ]
        )
        let profile = world.profile("fay")
        #expect(profile.stage == .prospect)
        #expect(profile.flags == ["detractor", "at_risk"])
    }

    @Test func customersWithoutTheSegmentAreNotAffected() {
        let world = Self.run()
        let model = world.model
        let disruption = Disruption(what: "CDG-NRT cancelled", segment: "route:CDG-NRT")
        let affected = world.states.keys.sorted().filter {
            model.affectedBy(disruption, at: at(9), state: world.states[$0] ?? CustomerState())
        }
        #expect(affected == ["dan"])
        // Only purchases before the disruption count.
        #expect(!model.affectedBy(disruption, at: at(1, 11), state: world.states["dan"] ?? CustomerState()))
    }
}
