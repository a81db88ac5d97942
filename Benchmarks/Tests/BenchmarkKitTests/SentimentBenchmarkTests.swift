import AdvocateSentiment
import Testing

@testable import BenchmarkKit

@Suite struct SentimentBenchmarkTests {
    static let texts = ["Great service, thank you!", "On hold for 40 minutes again", "The train leaves at noon."]

    @Test func scoresEveryTextOfAPassAndSumsTheRoundedCompounds() throws {
        let report = SentimentBenchmark(texts: Self.texts, duration: .zero).run()
        #expect(report.texts == 3)
        #expect(report.vader.items == 3)
        #expect(report.assess.items == 3)
        let expected = Self.texts.reduce(0.0) {
            $0 + (SentimentAnalyzer.shared.scores($1).compound * 10_000).rounded() / 10_000
        }
        #expect(report.compoundChecksum == expected)
        #expect(report.compoundChecksum > 0)
        #expect(report.complaints == 1)
    }

    @Test func jsonUsesSnakeCaseKeys() throws {
        let report = SentimentBenchmark(texts: Self.texts, duration: .zero).run()
        let json = try report.jsonLine()
        #expect(json.contains("\"compound_checksum\":"))
        #expect(json.contains("\"per_second\":"))
        #expect(report.summary.contains("TextAssessor.assess"))
    }
}
