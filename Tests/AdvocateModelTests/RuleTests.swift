import AdvocateCodec
import Testing

@testable import AdvocateModel

/// Single rules, including the out-of-order cases, each with written-out expectations.
@Suite struct RuleTests {
    let model = makeModel()

    func run(_ events: [Event]) -> (state: CustomerState, outputs: [ModelOutput]) {
        var state = CustomerState()
        let outputs = model.apply(events, to: &state)
        return (state, outputs)
    }

    func stage(_ events: [Event]) -> LadderStage {
        model.profile(of: run(events).state, customer: "c").stage
    }

    // MARK: Referral conversion

    let signup = Make.signup("g", "c", at(1), referredBy: "REF-x")
    let purchase = Make.purchase("p", "c", at(2), order: "o", cents: 5_000)

    var conversion: RewardCandidate {
        RewardCandidate(
            id: "referral_converted:p", kind: .referralConverted, customer: "c", trigger: "p", at: at(2),
            referralCode: "REF-x", referee: "c", order: "o", amount: money(5_000), stage: "customer",
            referredAt: at(1), refereeSince: at(1)
        )
    }

    @Test func referralConvertsOnTheFirstPurchaseAfterSignupInEitherOrder() {
        #expect(run([signup, purchase]).outputs.candidates == [conversion])
        // The purchase arrives first: the decision waits for the signup and is the same.
        #expect(run([purchase, signup]).outputs.candidates == [conversion])
    }

    @Test func aPurchaseBeforeTheReferralSignupIsNotAConversion() {
        let earlier = Make.purchase("p0", "c", at(0), order: "o0", cents: 1_000)
        #expect(run([earlier, signup, purchase]).outputs.candidates.isEmpty)
        #expect(run([signup, purchase, earlier]).outputs.candidates == [conversion])  // emitted, then kept
    }

    @Test func anEarlierPurchaseArrivingLateKeepsTheEmittedCandidate() {
        let early = Make.purchase("p-early", "c", at(1, 12), order: "o-early", cents: 2_000)
        let outputs = run([signup, purchase, early]).outputs
        // Decided when p arrived; p-early (also after the signup) does not raise a second one.
        #expect(outputs.candidates.map(\.id) == ["referral_converted:p"])
        // In time order the earlier purchase is the one.
        #expect(run([signup, early, purchase]).outputs.candidates.map(\.id) == ["referral_converted:p-early"])
    }

    // MARK: Alerts

    let complaint = Make.mention("m", "c", at(1, 9), "still no refund", reach: 20_000)

    @Test func aReplyBeforeItsTriggerGivesTheSameFinalAlert() {
        let first = Make.reply("r1", "c", at(1, 9, 30), to: "m")
        let second = Make.reply("r2", "c", at(1, 11), to: "m")
        let expected = AlertRecord(
            id: "alert:m", trigger: "m", customer: "c", status: .closed, severity: .medium, openedAt: at(1, 9),
            closedAt: at(1, 9, 30), responseSeconds: 1_800, reason: "refund_or_billing", channel: "twitter",
            excerpt: "still no refund"
        )
        for order in [
            [complaint, first, second], [second, first, complaint], [first, complaint, second],
            [second, complaint, first],
        ] {
            #expect(run(order).outputs.finalAlerts == ["alert:m": expected])
        }
        // In order, the alert opens, then closes once; the later reply changes nothing.
        #expect(run([complaint, first, second]).outputs.alerts.map(\.status) == [.open, .closed])
    }

    @Test func severityGrowsWithNegativityReachAndValue() {
        func severity(_ text: String, reach: Int64, spendCents: Int64) -> AlertRecord.Severity? {
            var events = [Make.mention("m", "c", at(1), text, reach: reach)]
            if spendCents > 0 { events.insert(Make.purchase("p", "c", at(0), order: "o", cents: spendCents), at: 0) }
            return run(events).outputs.alerts.last?.severity
        }
        #expect(severity("bad", reach: 0, spendCents: 0) == .low)  // 1
        #expect(severity("awful", reach: 5_000, spendCents: 0) == .medium)  // 2 + 1
        #expect(severity("I hate it", reach: 50_000, spendCents: 0) == .high)  // 2 + 2
        #expect(severity("I hate it", reach: 500_000, spendCents: 150_000) == .critical)  // 2 + 3 + 2
        #expect(severity("love it", reach: 500_000, spendCents: 0) == nil)  // praise opens no alert
    }

    @Test func aDetractorAnswerOpensAnAlertAndAReplyClosesIt() {
        let outputs = run([
            Make.survey("v", "c", at(1), .nps, 2, comment: "awful"), Make.reply("r", "c", at(1, 1), to: "v"),
        ]).outputs
        #expect(outputs.alerts.map(\.status) == [.open, .closed])
        #expect(outputs.alerts.last?.reason == "detractor")
        #expect(outputs.alerts.last?.channel == "survey")
        #expect(outputs.alerts.last?.responseSeconds == 3_600)
        #expect(outputs.alerts.last?.severity == .medium)  // NPS 0-3: 2 points
    }

    @Test func reviewsAlertOnLowRatingsOrNegativeThreeStars() {
        #expect(run([Make.review("w", "c", at(1), rating: 2)]).outputs.alerts.count == 1)
        #expect(run([Make.review("w", "c", at(1), rating: 3, "bad app")]).outputs.alerts.count == 1)
        #expect(run([Make.review("w", "c", at(1), rating: 3, "ok then")]).outputs.alerts.isEmpty)
        #expect(run([Make.review("w", "c", at(1), rating: 4, "lost my bag")]).outputs.alerts.isEmpty)
    }

    @Test func aTriggerOlderThanTheKeptAlertsIsStillReportedOnce() {
        let newer = (1...3).map { Make.mention("m\($0)", "c", at(10 + $0), "awful") }
        let late = Make.mention("old", "c", at(1), "awful")
        let outputs = run(newer + [late]).outputs
        #expect(outputs.alerts.filter { $0.id == "alert:old" }.map(\.status) == [.open])
        #expect(run(newer + [late]).state.aggregates.alerts.map(\.trigger) == ["m3", "m2", "m1"])
    }

    // MARK: Recovered detractor

    @Test func aPromoterAnswerAfterAnAnsweredComplaintIsARecovery() {
        let reply = Make.reply("r", "c", at(1, 10), to: "m")
        let promoter = Make.survey("v", "c", at(5), .nps, 10)
        let expected = RewardCandidate(
            id: "recovered_detractor:v", kind: .recoveredDetractor, customer: "c", trigger: "v", at: at(5),
            rating: 10, stage: "suspect"
        )
        for order in [[complaint, reply, promoter], [complaint, promoter, reply], [promoter, reply, complaint]] {
            #expect(run(order).outputs.candidates.filter { $0.kind == .recoveredDetractor } == [expected])
        }
        // Unanswered: no recovery.
        #expect(!run([complaint, promoter]).outputs.candidates.contains { $0.kind == .recoveredDetractor })
        // Answered only after the promoter answer: not a recovery.
        let lateReply = Make.reply("r", "c", at(6), to: "m")
        #expect(!run([complaint, promoter, lateReply]).outputs.candidates.contains { $0.kind == .recoveredDetractor })
    }

    // MARK: Ladder

    @Test func theLadder() {
        #expect(stage([Make.mention("m", "c", at(0), "hello")]) == .suspect)
        #expect(stage([Make.signup("g", "c", at(0))]) == .prospect)
        #expect(stage([purchase]) == .customer)
        let second = Make.purchase("p2", "c", at(3), order: "o2", cents: 1_000)
        #expect(stage([purchase, second]) == .client)
        // Refunds: a partial refund keeps the purchase; a full one (by amount or whole) takes it back.
        #expect(stage([purchase, Make.refund("r", "c", at(3), order: "o", cents: 1_000)]) == .customer)
        #expect(stage([purchase, Make.refund("r", "c", at(3), order: "o", cents: 5_000)]) == .prospect)
        #expect(stage([purchase, second, Make.refund("r", "c", at(4), order: "o2", cents: nil)]) == .customer)
        // Two partial refunds adding up to the order are a full refund.
        let halves = [
            Make.refund("r1", "c", at(3), order: "o", cents: 2_500),
            Make.refund("r2", "c", at(4), order: "o", cents: 2_500),
        ]
        #expect(stage([purchase] + halves) == .prospect)
    }

    @Test func advocatesRecommend() {
        let second = Make.purchase("p2", "c", at(3), order: "o2", cents: 1_000)
        let promoter = Make.survey("v", "c", at(4), .nps, 9)
        let referral = Make.referral("f", "c", at(4), code: "REF-c", referee: "d")
        #expect(stage([purchase, promoter]) == .customer)  // a promoter, but not a repeat buyer yet
        #expect(stage([purchase, second, promoter]) == .advocate)
        #expect(stage([purchase, referral]) == .customer)
        #expect(stage([purchase, second, referral]) == .advocate)
        // Praise must be sustained: three posts over at least 30 days.
        let praise = [0, 10, 29].map { Make.mention("m\($0)", "c", at($0), "love it") }
        #expect(stage(praise) == .suspect)
        #expect(stage(praise + [Make.mention("m40", "c", at(40), "great")]) == .advocate)

        let outputs = run([purchase, promoter, second]).outputs
        #expect(
            outputs.candidates.filter { $0.kind == .becameAdvocate }.map(\.id) == ["became_advocate:p2"]
        )
    }

    @Test func aConvertedReferralMakesTheReferrerAnAdvocateOnce() {
        var state = CustomerState()
        let first = model.applyReferralConversion(
            code: "REF-c", referee: "d", trigger: "p-d", at: at(3), referrer: "c", to: &state
        )
        #expect(
            first.candidates == [
                RewardCandidate(
                    id: "became_advocate:p-d", kind: .becameAdvocate, customer: "c", trigger: "p-d", at: at(3),
                    referralCode: "REF-c", referee: "d", stage: "advocate", referrer: "c"
                )
            ]
        )
        let second = model.applyReferralConversion(
            code: "REF-c", referee: "e", trigger: "p-e", at: at(4), referrer: "c", to: &state
        )
        #expect(second.isEmpty)
        #expect(state.aggregates.referralsConverted == 2)
        #expect(model.profile(of: state, customer: "c").scores.advocacy == 63.2)  // 60 points: 1 - e^-1
    }

    // MARK: Flags

    @Test func detractorFollowsTheLatestAnswerAndRecentUnansweredComplaints() {
        func flags(_ events: [Event]) -> [String] { model.profile(of: run(events).state, customer: "c").flags }
        let low = Make.survey("v1", "c", at(1), .nps, 4)
        let high = Make.survey("v2", "c", at(2), .nps, 10)
        #expect(flags([low]).contains("detractor"))
        #expect(flags([high, low]) == ["promoter"])  // by event time, 10 is the latest
        #expect(flags([complaint]).contains("detractor"))
        #expect(!flags([complaint, Make.reply("r", "c", at(2), to: "m")]).contains("detractor"))
        // Older than 14 days and still unanswered: no longer "recent".
        #expect(!flags([complaint, Make.signup("g", "c", at(20))]).contains("detractor"))
    }

    @Test func aRepeatBuyerGoneQuietIsAtRisk() {
        let buys = [0, 10, 20].map { Make.purchase("p\($0)", "c", at($0), order: "o\($0)", cents: 3_000) }
        func flags(_ days: Int) -> [String] {
            let profile = model.profile(of: run(buys).state, customer: "c", asOf: at(20 + days))
            return profile.flags
        }
        #expect(flags(30) == [])  // within max(45 days, 2 x 10 days)
        #expect(flags(80) == ["at_risk"])
        #expect(model.profile(of: run(buys).state, customer: "c", asOf: at(100)).stage == .client)
    }

    @Test func highEffortOrLowSentimentIsAtRisk() {
        let hard = [Make.survey("ces", "c", at(0), .ces, 1)]  // 100 * 0.9 = 90
        #expect(model.profile(of: run(hard).state, customer: "c").scores.effort == 90)
        #expect(model.profile(of: run(hard).state, customer: "c").flags == ["at_risk"])
        let angry = [Make.mention("m", "c", at(0), "I hate it, awful")]
        #expect(model.profile(of: run(angry).state, customer: "c").flags == ["detractor", "at_risk"])
        let stuck = [Make.onboarding("o", "c", at(0), .stuck)]
        #expect(model.profile(of: run(stuck).state, customer: "c").flags == ["onboarding_stuck"])
        let unstuck = stuck + [Make.onboarding("o2", "c", at(1), .completed)]
        #expect(model.profile(of: run(unstuck).state, customer: "c").flags == [])
    }

    @Test func sentimentDecaysTowardsNeutral() {
        let angry = run([Make.mention("m", "c", at(0), "awful")]).state
        let now = model.profile(of: angry, customer: "c", asOf: at(0)).scores.sentiment
        let later = model.profile(of: angry, customer: "c", asOf: at(90)).scores.sentiment
        let much = model.profile(of: angry, customer: "c", asOf: at(400)).scores.sentiment
        #expect(now < later && later < much)
        #expect(now < 35)
        #expect(much > 49.9 && much <= 50)
        #expect(model.profile(of: CustomerState(), customer: "c").scores.sentiment == 50)
    }

    // MARK: Other outputs

    @Test func complaintsInSurveyCommentsAreTopicsAndSuggestionsAreRecords() {
        let outputs = run([
            Make.survey("v", "c", at(0), .csat, 2, comment: "still no refund\n\nafter   weeks"),
            Make.suggestion("x", "c", at(1), String(repeating: "giraffe ", count: 100)),
        ]).outputs
        #expect(
            outputs.first
                == .complaintTopic(reason: "refund_or_billing", eventID: "v", excerpt: "still no refund after weeks"))
        guard case .suggestion(let suggestion) = outputs.last else {
            Issue.record("no suggestion record")
            return
        }
        #expect(suggestion.text.count == 500)
        #expect(suggestion.eventID == "x")
    }

    @Test func disruptionsNameOrMatchBySegmentAndLeaveTheStateAlone() {
        var state = run([Make.purchase("p", "c", at(1), order: "o", cents: 100, segment: "route:X")]).state
        let before = state
        var named = Make.disruption("d1", at(2), "outage", customers: ["c"])
        named.customer = "c"
        #expect(model.apply(named, to: &state).notices.map(\.id) == ["notice:d1:c"])
        var bySegment = Make.disruption("d2", at(2), "route X delayed", segment: "route:X")
        bySegment.customer = "c"
        #expect(model.apply(bySegment, to: &state).notices.map(\.segment) == ["route:X"])
        var elsewhere = Make.disruption("d3", at(2), "route Y delayed", segment: "route:Y")
        elsewhere.customer = "c"
        #expect(model.apply(elsewhere, to: &state).isEmpty)
        #expect(model.apply(Make.disruption("d4", at(2), "no customer", segment: "route:X"), to: &state).isEmpty)
        #expect(state == before)
    }

    @Test func segmentsKeepTheMostRecentFour() {
        let routes = (0..<6).map {
            Make.purchase("p\($0)", "c", at($0), order: "o\($0)", cents: 100, segment: "r\($0)")
        }
        let state = run(routes).state
        let affected = (0..<6).map {
            model.affectedBy(Disruption(what: "", segment: "r\($0)"), at: at(10), state: state)
        }
        #expect(affected == [false, false, true, true, true, true])
    }

    // MARK: Bounds and configuration

    @Test func overlongIdsAreCutSoTheStateStaysBounded() throws {
        let long = String(repeating: "x", count: 5_000)
        let state = run([
            Make.purchase(long, "c", at(0), order: long, cents: 100), Make.mention(long + "m", "c", at(1), "awful"),
        ]).state
        #expect(state.byteCount < 1_500)
        #expect(try CustomerState(serialized: state.serialized()) == state)
    }

    @Test func configurationIsClampedToSensibleValues() {
        var configuration = ModelConfiguration()
        configuration.excerptLength = 5_000
        configuration.recencyHalfLifeDays = -3
        configuration.negativeCompound = .nan
        configuration.valueTiers = [.infinity, 50, -1]
        let model = AdvocacyModel(configuration: configuration, judgment: KeywordJudge.judge)
        #expect(model.configuration.excerptLength == 200)
        #expect(model.configuration.recencyHalfLifeDays == 60)
        #expect(model.configuration.negativeCompound == -0.05)
        #expect(model.configuration.valueTiers == [50])
    }

    @Test func excerptsCollapseWhiteSpaceAndStopAtTheLimit() {
        #expect(Text.excerpt("  on\nhold \t for  ages ", characters: 200) == "on hold for ages")
        #expect(Text.excerpt("abcdef", characters: 3) == "abc")
        #expect(Text.excerpt("ab cd", characters: 3) == "ab")
        #expect(Text.prefix("héllo", maxBytes: 2) == "h")
        #expect(Text.money(425_000) == "42.50")
        #expect(Text.money(5) == "0.00")
        #expect(Text.compound(-400) == "-0.40")
    }

    /// The byte-by-byte excerpt of ASCII text gives exactly what the character-by-character one gives, on
    /// texts mixing white space, CR LF, combining marks, emoji and other white space than ASCII's.
    @Test func asciiExcerptsEqualCharacterExcerpts() {
        let pieces = [
            "a", "b", "Z", ".", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "é",
            "e\u{301}", "\u{301}", "😀", "\u{85}", "\u{A0}", "\u{2028}",
        ]
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var asciiTaken = 0
        for _ in 0..<20_000 {
            // Mostly ASCII, so that the fast path is taken often.
            let ascii = next(3) > 0
            let length = next(40)
            let text = (0..<length).map { _ in pieces[next(ascii ? 14 : pieces.count)] }.joined()
            let characters = 1 + next(12)
            let fast = Text.asciiExcerpt(text, characters: characters)
            if fast != nil { asciiTaken += 1 }
            #expect(Text.excerpt(text, characters: characters) == Text.characterExcerpt(text, characters: characters))
            #expect(
                fast == nil || fast == Text.characterExcerpt(text, characters: characters), "\(text.debugDescription)")
        }
        #expect(asciiTaken > 10_000)
    }
}
