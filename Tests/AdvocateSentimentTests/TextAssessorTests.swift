import AdvocateSentiment
import Testing

struct TextAssessorTests {
    let assessor = TextAssessor()

    @Test("plain VADER misses most complaints without sentiment words; the detector finds them all")
    func detectorAddsValue() {
        let texts = ComplaintExamples.withoutSentimentWords
        let missedByVader = texts.filter { SentimentAnalyzer.shared.scores($0).compound >= -0.05 }
        #expect(Double(missedByVader.count) >= 0.8 * Double(texts.count), "VADER missed only \(missedByVader.count)")
        for text in texts {
            #expect(assessor.assess(text).complaint, "\(text)")
        }
    }

    @Test("a detected complaint carries the detector's reason")
    func detectedComplaint() {
        let assessment = assessor.assess("Been on hold for 40 minutes")
        #expect(assessment.complaint)
        #expect(assessment.reason == .waitingTime)
        #expect(assessment.scores == SentimentAnalyzer.shared.scores("Been on hold for 40 minutes"))
    }

    @Test(
        "negative text about the service is a complaint with reason other",
        arguments: [
            "You are the worst, honestly", "Awful experience at your store today", "@TrainCo absolutely disgusting",
        ]
    )
    func negativeAboutService(text: String) {
        let assessment = assessor.assess(text)
        #expect(assessment.scores.compound <= -0.05)
        #expect(assessment.complaint)
        #expect(assessment.reason == .other)
    }

    @Test(
        "negative text not about a service, or explained away, is no complaint",
        arguments: [
            "I hate Mondays",
            "My cat is sick, feeling sad",
            "Is the 9:15 to Leeds cancelled?",
            "My flight wasn't delayed, great job",
            "Still can't believe how good the food was",
        ]
    )
    func negativeButNoComplaint(text: String) {
        let assessment = assessor.assess(text)
        #expect(!assessment.complaint)
        #expect(assessment.reason == nil)
    }

    @Test("praise is no complaint", arguments: ["Thanks so much, lovely staff!", "Great service as always"])
    func praise(text: String) {
        let assessment = assessor.assess(text)
        #expect(assessment.scores.compound > 0.05)
        #expect(!assessment.complaint)
        #expect(assessment.reason == nil)
    }
}
