import AdvocateCodec
import AdvocateSimulation
import Testing

@Suite("Event simulator: a realistic stream")
struct StreamRealismTests {
    let events = StreamFixture.standard

    @Test("every event type appears, in sane proportions")
    func mix() {
        var counts: [EventType: Int] = [:]
        for event in events { counts[event.type, default: 0] += 1 }
        func share(_ types: EventType...) -> Double {
            Double(types.reduce(0) { $0 + counts[$1, default: 0] }) / Double(events.count) * 100
        }
        for type in EventType.publicTypes {
            #expect(counts[type, default: 0] > 0, "no \(type.rawValue) event")
        }
        #expect((25...36).contains(share(.purchase)), "purchases \(share(.purchase))%")
        #expect(
            (15...26).contains(share(.supportContact, .caseResolved)),
            "support \(share(.supportContact, .caseResolved))%")
        #expect((7...14).contains(share(.survey)), "surveys \(share(.survey))%")
        #expect((7...15).contains(share(.mention)), "mentions \(share(.mention))%")
        #expect((1...6).contains(share(.reply)), "replies \(share(.reply))%")
        #expect((2...8).contains(share(.review)), "reviews \(share(.review))%")
        #expect((5...14).contains(share(.onboarding)), "onboarding \(share(.onboarding))%")
        #expect((3...5).contains(share(.signup)), "signups \(share(.signup))%")
        #expect((0.2...3).contains(share(.referral)), "referrals \(share(.referral))%")
        #expect((0.5...3).contains(share(.suggestion)), "suggestions \(share(.suggestion))%")
        #expect((0.5...4).contains(share(.refund)), "refunds \(share(.refund))%")
        #expect((0.02...0.5).contains(share(.disruption)), "disruptions \(share(.disruption))%")
    }

    @Test("every event satisfies the public format's rules")
    func formatRules() {
        for event in events {
            let problems = FormatRules.problems(of: event)
            #expect(problems.isEmpty, "\(EventLine.render(event)): \(problems)")
        }
    }

    @Test("the stream spans a plausible period, with arrivals over its first part")
    func span() throws {
        let first = try #require(events.first?.at)
        let last = try #require(events.last?.at)
        let days = first.seconds(to: last) / 86_400
        #expect((40...200).contains(days), "span \(days) days")
        let signups = events.filter { $0.type == .signup }
        let lastSignup = try #require(signups.last?.at)
        #expect(first.seconds(to: lastSignup) / 86_400 < days * 0.8)
    }
}

extension StreamRealismTests {
    /// Words and phrases of the simulated complaints, with and without negative words.
    static let complaintCues = [
        "on hold", "still waiting", "where is my", "still no", "no answer", "nobody", "charged", "can't",
        "cancelled", "delayed", "hasn't", "terrible", "worst", "awful", "useless", "hate", "rude", "disappointed",
        "queue", "transferred", "email to", "explaining", "any update", "never came", "never arrives",
        "not what i ordered", "no confirmation", "logging me out", "stuck", "price went up", "does not exist",
        "showing as cancelled", "what now", "no room", "called off", "disgusting", "joke", "rip-off", "mess",
        "without my luggage", "reading dms", "you said", "suitcase is still", "bag says nowhere", "when will",
        "unacceptable",
    ]

    static let praiseWords = [
        "thank", "love", "great", "brilliant", "best", "impress", "excellent", "fantastic", "perfect", "happy",
        "helpful", "recommend", "easy",
    ]

    static func looksLikePraise(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return praiseWords.contains { lowered.contains($0) }
    }

    static func looksLikeComplaint(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return complaintCues.contains { lowered.contains($0) }
    }
}

@Suite("Event simulator: texts and scores")
struct StreamTextTests {
    let events = StreamFixture.standard

    @Test("mentions are varied: praise, complaints with and without negative words, questions")
    func mentions() {
        var texts: [String] = []
        var reaches: [Int64] = []
        for event in events {
            if case .mention(let mention) = event.body {
                texts.append(mention.text)
                reaches.append(mention.reach)
            }
        }
        #expect(Set(texts).count >= 1_000, "distinct mention texts: \(Set(texts).count)")
        let lowered = texts.map { $0.lowercased() }
        for phrase in ["on hold for", "still waiting for my refund", "where is my bag?", "thanks", "?"] {
            #expect(lowered.contains { $0.contains(phrase) }, "no mention says \"\(phrase)\"")
        }
        let negative = [
            "terrible", "worst", "awful", "useless", "hate", "disappointed", "horrible", "rude", "frustrating",
            "ridiculous", "shameful", "pathetic", "angry", "disgusting", "joke", "rip-off", "mess", "unacceptable",
            "poor", "never booking",
        ]
        let complaints = texts.filter(StreamRealismTests.looksLikeComplaint)
        let withoutNegativeWords = complaints.filter { text in !negative.contains { text.lowercased().contains($0) } }
        let complaintShare = Double(complaints.count) / Double(texts.count)
        #expect((0.2...0.6).contains(complaintShare), "complaint share \(complaintShare)")
        #expect(withoutNegativeWords.count * 3 >= complaints.count, "complaints without negative words are common")
        #expect(withoutNegativeWords.count * 3 <= complaints.count * 2, "but not all complaints lack them")
        // Reach is heavy-tailed: a few posts reach far more people than the typical one.
        let sorted = reaches.sorted()
        let median = sorted[sorted.count / 2]
        #expect(median >= 20 && median <= 500, "median reach \(median)")
        #expect(sorted[sorted.count - 1] >= 100 * median, "largest reach \(sorted[sorted.count - 1])")
    }

    @Test("texts of all kinds number in the thousands")
    func distinctTexts() {
        var texts = Set<String>()
        for event in events {
            switch event.body {
            case .mention(let m): texts.insert(m.text)
            case .review(let r): if let text = r.text { texts.insert(text) }
            case .survey(let s): if let comment = s.comment { texts.insert(comment) }
            case .suggestion(let s): texts.insert(s.text)
            case .disruption(let d): texts.insert(d.what)
            default: break
            }
        }
        #expect(texts.count >= 2_500, "distinct texts: \(texts.count)")
        #expect(texts.allSatisfy { text in text.first.map { !$0.isLowercase } ?? false }, "texts start capitalised")
    }

    @Test("review texts agree with their rating")
    func reviews() {
        var ratings: [Int: Int] = [:]
        for event in events {
            guard case .review(let review) = event.body else { continue }
            ratings[review.rating, default: 0] += 1
            guard let text = review.text?.lowercased() else { continue }
            if review.rating >= 4 {
                for word in ["terrible", "avoid", "disappointing", "awful", "never again"] {
                    #expect(!text.contains(word), "\(review.rating) stars: \(text)")
                }
            }
            if review.rating <= 2 {
                for word in ["excellent", "highly recommend", "fantastic", "brilliant", "five stars"] {
                    #expect(!text.contains(word), "\(review.rating) stars: \(text)")
                }
            }
        }
        #expect((1...5).allSatisfy { ratings[$0, default: 0] > 0 }, "every rating occurs: \(ratings)")
        #expect(ratings[5, default: 0] + ratings[4, default: 0] > ratings[1, default: 0] + ratings[2, default: 0])
    }

    @Test("suggestions include giraffe-bread-style names")
    func suggestions() {
        let texts = events.compactMap { event -> String? in
            if case .suggestion(let suggestion) = event.body { return suggestion.text }
            return nil
        }
        #expect(texts.contains { $0.contains("should be called the '") || $0.hasPrefix("Call the ") })
        #expect(Set(texts).count * 10 >= texts.count * 7, "suggestions are mostly distinct")
    }

    @Test("survey answers follow the customer's experience")
    func surveysCorrelate() {
        // Post-case surveys (they carry the support channel) score lower after a laborious case.
        var contactsByCase: [String: Int] = [:]
        var lastResolvedContacts: [String: Int] = [:]
        var easyCES: [Int] = []
        var hardCES: [Int] = []
        // NPS of customers whose latest public post praised the brand versus complained.
        var lastMentionTone: [String: Bool] = [:]
        var npsAfterPraise: [Int] = []
        var npsAfterComplaint: [Int] = []
        var scores: [SurveyKind: [Int]] = [:]
        for event in events {
            guard let customer = event.customer else { continue }
            switch event.body {
            case .supportContact(let contact):
                contactsByCase[contact.caseID, default: 0] += 1
            case .caseResolved(let resolved):
                lastResolvedContacts[customer] = contactsByCase[resolved.caseID]
            case .mention(let mention):
                if StreamRealismTests.looksLikeComplaint(mention.text) {
                    lastMentionTone[customer] = false
                } else if StreamRealismTests.looksLikePraise(mention.text) {
                    lastMentionTone[customer] = true
                } else {
                    lastMentionTone[customer] = nil
                }
            case .survey(let survey):
                scores[survey.kind, default: []].append(survey.score)
                if survey.kind == .ces, survey.channel != nil, let contacts = lastResolvedContacts[customer] {
                    if contacts == 1 { easyCES.append(survey.score) }
                    if contacts >= 3 { hardCES.append(survey.score) }
                }
                if survey.kind == .nps, let praised = lastMentionTone[customer] {
                    if praised { npsAfterPraise.append(survey.score) } else { npsAfterComplaint.append(survey.score) }
                }
            default:
                break
            }
        }
        func mean(_ values: [Int]) -> Double { Double(values.reduce(0, +)) / Double(max(values.count, 1)) }
        #expect(easyCES.count >= 20 && hardCES.count >= 20, "\(easyCES.count) easy, \(hardCES.count) hard cases")
        #expect(mean(easyCES) - mean(hardCES) >= 1, "CES easy \(mean(easyCES)) vs hard \(mean(hardCES))")
        #expect(
            mean(npsAfterPraise) - mean(npsAfterComplaint) >= 1.2,
            "NPS after praise \(mean(npsAfterPraise)) vs after complaints \(mean(npsAfterComplaint))")
        for kind in SurveyKind.allCases {
            let values = scores[kind, default: []]
            #expect(values.count >= 50, "\(kind) answers: \(values.count)")
            #expect(Set(values).count >= kind.range.count - 2, "\(kind) uses its scale: \(Set(values).sorted())")
        }
        // A company with more promoters than detractors, but with real detractors.
        let nps = scores[.nps, default: []]
        let promoters = nps.filter { $0 >= 9 }.count
        let detractors = nps.filter { $0 <= 6 }.count
        #expect(
            promoters > detractors && detractors * 10 > nps.count, "\(promoters) promoters, \(detractors) detractors")
    }

    @Test("purchases: realistic amounts, currencies and segments")
    func purchases() {
        var currencies = Set<String>()
        var kinds = Set<String>()
        var euroAmounts: [Double] = []
        var repeatBuyers: [String: Int] = [:]
        for event in events {
            guard case .purchase(let purchase) = event.body, let customer = event.customer else { continue }
            currencies.insert(purchase.currency ?? "")
            kinds.insert(String(purchase.segment?.split(separator: ":").first ?? ""))
            if purchase.currency == "EUR" { euroAmounts.append(purchase.amount.doubleValue) }
            #expect(purchase.amount.units > 0 && purchase.amount.units % 100 == 0, "cents only: \(purchase.amount)")
            repeatBuyers[customer, default: 0] += 1
        }
        #expect(currencies.isSuperset(of: ["EUR", "GBP", "USD"]))
        #expect(kinds == ["route", "stay", "tour", "product"])
        let sorted = euroAmounts.sorted()
        #expect((40...600).contains(sorted[sorted.count / 2]), "median EUR amount \(sorted[sorted.count / 2])")
        #expect(sorted.first! >= 4 && sorted.last! <= 10_000)
        #expect(repeatBuyers.values.filter { $0 >= 2 }.count * 3 >= repeatBuyers.count, "repeat buyers exist")
    }
}
