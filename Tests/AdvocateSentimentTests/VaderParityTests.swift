import AdvocateSentiment
import Foundation
import Testing

/// Parity with the reference implementation (vaderSentiment 3.3.2) on the 4,200 tweets of the VADER paper.
///
/// The expected scores come from `Fixtures/vader_reference.tsv`, written by `Fixtures/make_reference.py`; the
/// tweets are read from the shared data folder next to the repository.
struct VaderParityTests {
    /// `shared/data/vader/tweets_GroundTruth.txt`, found from this file: Tests/AdvocateSentimentTests/X.swift.
    static let tweetsURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // AdvocateSentimentTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository
        .deletingLastPathComponent()  // its parent, which holds shared/
        .appendingPathComponent("shared/data/vader/tweets_GroundTruth.txt")

    static var tweetsPresent: Bool { FileManager.default.fileExists(atPath: tweetsURL.path) }

    struct Reference {
        var compound: Double
        var positive: Double
        var neutral: Double
        var negative: Double
    }

    /// Lines of UTF-8 text split on "\n" with a trailing "\r" removed (the file has CRLF line ends).
    static func lines(of data: Data) -> [String] {
        data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).map { line in
            var bytes = Array(line)
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    static func tweets() throws -> [(id: String, text: String)] {
        try lines(of: Data(contentsOf: tweetsURL)).map { line in
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            try #require(fields.count == 3, "tweet line without 3 fields: \(line)")
            return (String(fields[0]), String(fields[2]))
        }
    }

    static func references() throws -> [String: Reference] {
        let url = try #require(
            Bundle.module.url(forResource: "vader_reference", withExtension: "tsv", subdirectory: "Fixtures"))
        var references: [String: Reference] = [:]
        for line in try lines(of: Data(contentsOf: url)).dropFirst() {
            let fields = line.split(separator: "\t").map(String.init)
            try #require(fields.count == 5, "reference line without 5 fields: \(line)")
            let values = try fields.dropFirst().map { try #require(Double($0), "not a number: \($0)") }
            references[fields[0]] = Reference(
                compound: values[0], positive: values[1], neutral: values[2], negative: values[3])
        }
        return references
    }

    @Test(
        "compound within 1e-4 and proportions within 1e-3 of the reference on all 4,200 tweets",
        .enabled(if: tweetsPresent, "shared/data/vader/tweets_GroundTruth.txt not found next to the repository")
    )
    func parityOnGroundTruthTweets() throws {
        let tweets = try Self.tweets()
        let references = try Self.references()
        #expect(tweets.count == 4_200)
        #expect(references.count == 4_200)
        let analyzer = SentimentAnalyzer.shared
        var mismatches: [String] = []
        var largest = 0.0
        for (id, text) in tweets {
            let reference = try #require(references[id], "no reference score for tweet \(id)")
            let scores = analyzer.scores(text)
            let compoundError = abs(scores.compound - reference.compound)
            let proportionError = max(
                abs(scores.positive - reference.positive), abs(scores.neutral - reference.neutral),
                abs(scores.negative - reference.negative))
            largest = max(largest, compoundError)
            if compoundError > 1e-4 || proportionError > 1e-3 {
                mismatches.append("tweet \(id): compound \(scores.compound) vs \(reference.compound), \(text)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")
        #expect(largest <= 1e-4)
    }
}
