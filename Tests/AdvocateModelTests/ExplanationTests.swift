import AdvocateCodec
import Testing

@testable import AdvocateModel

/// Profiles say which events moved each score and by how much.
@Suite struct ExplanationTests {
    @Test func theDesignExampleExplainsItsScores() {
        let model = makeModel()
        var state = CustomerState()
        _ = model.apply(CustomerStateTests.designEvents, to: &state)
        let profile = model.profile(of: state, customer: "c-1")
        #expect(profile.asOf == at(6, 10))
        // Refunded in full: no loyalty; 15 (NPS 9) + 15 (5 stars) + 10 (referral) = 40 advocacy points.
        #expect(profile.scores == ScoreCard(loyalty: 0, advocacy: 48.7, effort: 0, sentiment: 54.3))
        #expect(
            profile.explanation == [
                // The purchase and its full refund are equal and opposite.
                ScoreContribution(
                    score: .loyalty, eventID: "p-1", type: "purchase", delta: 38.8, reason: "purchase of 42.50"
                ),
                ScoreContribution(
                    score: .loyalty, eventID: "r-1", type: "refund", delta: -38.8, reason: "refund of 42.50"),
                // Promoter and five-star review tie; the referral (10 points) is third and not kept.
                ScoreContribution(
                    score: .advocacy, eventID: "v-1", type: "survey", delta: 14.6, reason: "NPS 9 (promoter)"),
                ScoreContribution(
                    score: .advocacy, eventID: "w-1", type: "review", delta: 14.6, reason: "5-star review"),
                // One contact, resolved: no effort, so the kept contact explains nothing and is left out.
                // The complaint weighs more (reach 1,200) than the praise in the review.
                ScoreContribution(
                    score: .sentiment, eventID: "m-1", type: "mention", delta: -18.7,
                    reason: "negative mention (-0.40)"
                ),
                ScoreContribution(
                    score: .sentiment, eventID: "w-1", type: "review", delta: 12.3, reason: "positive review (+0.80)"
                ),
            ]
        )
    }

    @Test func theStrongestContributorsAreKeptWhateverTheOrder() {
        let model = makeModel()
        let events = [
            Make.purchase("small", "c", at(0), order: "o-1", cents: 1_000),
            Make.purchase("large", "c", at(1), order: "o-2", cents: 90_000),
            Make.purchase("medium", "c", at(2), order: "o-3", cents: 20_000),
            Make.purchase("tiny", "c", at(3), order: "o-4", cents: 500),
        ]
        for order in [events, events.reversed(), [events[2], events[0], events[3], events[1]]] {
            var state = CustomerState()
            _ = model.apply(order, to: &state)
            let loyalty = model.profile(of: state, customer: "c").explanation.filter { $0.score == .loyalty }
            #expect(loyalty.map(\.eventID) == ["large", "medium"])
            #expect(loyalty.allSatisfy { $0.delta > 0 })
        }
    }

    @Test func effortNamesTheHardestAnswerAndTheLatestContact() {
        let model = makeModel()
        var state = CustomerState()
        _ = model.apply(
            [
                Make.survey("ces-easy", "c", at(0), .ces, 6),
                Make.survey("ces-hard", "c", at(1), .ces, 1),
                Make.contact("k1", "c", at(2), case: "k", channel: "phone"),
                Make.contact("k2", "c", at(2, 5), case: "k", channel: "email"),
            ],
            to: &state
        )
        let effort = model.profile(of: state, customer: "c").explanation.filter { $0.score == .effort }
        #expect(effort.map(\.eventID) == ["ces-hard", "k2"])
        #expect(effort.map(\.reason) == ["CES 1 of 7", "support contact by email"])
        #expect(effort.allSatisfy { $0.delta > 0 })
    }
}
