import Foundation
import Testing

@testable import BenchmarkKit

@Suite struct TweetCorpusTests {
    @Test func readsTheThirdFieldOfEveryLineWithCRLFOrLF() throws {
        let corpus = try TweetCorpus(
            parsing: "1\t2.5\tGreat service\r\n2\t-1.0\tOn hold again\n3\t0\tlast", source: "t")
        #expect(corpus.texts == ["Great service", "On hold again", "last"])
    }

    @Test func skipsBlankLinesAndKeepsTabsInsideTheText() throws {
        let corpus = try TweetCorpus(parsing: "\r\n1\t0\ta\tb\r\n\n", source: "t")
        #expect(corpus.texts == ["a\tb"])
    }

    @Test func keepsNonASCIITextIntact() throws {
        let corpus = try TweetCorpus(parsing: "1\t0\tcafé 😀 naïve\r\n", source: "t")
        #expect(corpus.texts == ["café 😀 naïve"])
    }

    @Test func namesTheLineThatLacksFields() {
        #expect(throws: BenchmarkError.malformedLine(path: "t", line: 3, fields: 2)) {
            try TweetCorpus(parsing: "1\t0\ta\n\n2\tno rating\n", source: "t")
        }
    }

    @Test func refusesACorpusWithoutTexts() {
        #expect(throws: BenchmarkError.badTextCount(path: "t", count: 0, limit: TweetCorpus.maxTexts)) {
            try TweetCorpus(parsing: "\r\n\n", source: "t")
        }
    }

    @Test func namesAMissingFile() {
        #expect(throws: BenchmarkError.self) {
            try TweetCorpus(contentsOf: "/nonexistent/tweets.txt")
        }
    }

    @Test func defaultPathIsTheSharedGroundTruthBesideTheRepository() {
        #expect(TweetCorpus.defaultPath.hasSuffix("/shared/data/vader/tweets_GroundTruth.txt"))
        #expect(!TweetCorpus.defaultPath.contains("Benchmarks"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: TweetCorpus.defaultPath)))
    func theGroundTruthHolds4200Tweets() throws {
        let corpus = try TweetCorpus(contentsOf: TweetCorpus.defaultPath)
        #expect(corpus.texts.count == 4_200)
        #expect(corpus.texts.last == "Execute like lightning not like wind")
    }
}
