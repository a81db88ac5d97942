import Testing

@testable import AdvocateReport

/// The survey figures against values worked out by hand.
@Suite struct SurveyMetricsTests {
    @Test func npsCountsPromotersPassivesAndDetractorsOverRespondents() {
        // 5 promoters, 3 passives, 2 detractors: NPS = 100 * (0.5 - 0.2) = 30.
        let json = SurveyMetrics.nps([10: 2, 9: 3, 8: 1, 7: 2, 6: 1, 0: 1])
        // Variance of +100/0/-100 answers: 0.7 - 0.09 = 0.61; margin = 100 * 1.96 * sqrt(0.061) = 48.41.
        #expect(
            json.rendered
                == #"{"n":10,"promoters":5,"passives":3,"detractors":2,"nps":30,"ci95":[-18.41,78.41]}"#
        )
    }

    @Test func csatIsTheShareOfFourAndFiveWithAWilsonInterval() {
        let json = SurveyMetrics.csat([5: 6, 4: 2, 3: 1, 1: 1])
        #expect(json.rendered == #"{"csat":80,"n":10,"satisfied":8,"ci95":[49.02,94.33]}"#)
    }

    @Test func cesIsTheMeanWithANormalInterval() {
        // Answers 7, 7, 5, 1: mean 5, sample deviation sqrt(24 / 3) = 2.83, margin 1.96 * 2.83 / 2 = 2.77.
        let json = SurveyMetrics.ces([7: 2, 5: 1, 1: 1])
        #expect(json.rendered == #"{"ces":5,"n":4,"ci95":[2.23,7]}"#)
    }

    @Test func noAnswersGiveNullScores() {
        #expect(
            SurveyMetrics.nps([:]).rendered
                == #"{"n":0,"promoters":0,"passives":0,"detractors":0,"nps":null,"ci95":null}"#)
        #expect(SurveyMetrics.csat([:]).rendered == #"{"csat":null,"n":0,"satisfied":0,"ci95":null}"#)
        #expect(SurveyMetrics.ces([:]).rendered == #"{"ces":null,"n":0,"ci95":null}"#)
    }
}
