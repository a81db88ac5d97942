import AdvocateSentiment
import Foundation
import Testing

/// VADER's rules one at a time, against scores of the reference implementation (vaderSentiment 3.3.2, unrounded).
struct SentimentAnalyzerTests {
    static let examples: [(text: String, compound: Double, positive: Double, neutral: Double, negative: Double)] = [
        ("VADER is smart, handsome, and funny.", 0.8316, 0.7458, 0.2542, 0.0),
        // Exclamation emphasis.
        ("VADER is smart, handsome, and funny!", 0.8439, 0.7519, 0.2481, 0.0),
        // Booster.
        ("VADER is very smart, handsome, and funny.", 0.8545, 0.7009, 0.2991, 0.0),
        // Capitals among mixed case, on the booster and on the words.
        ("VADER is VERY SMART, handsome, and FUNNY.", 0.9227, 0.7541, 0.2459, 0.0),
        // Negation, including "nor".
        ("VADER is not smart, handsome, nor funny.", -0.7424, 0.0, 0.3542, 0.6458),
        // "least" and a contraction.
        ("At least it isn't a horrible book.", 0.4310, 0.3220, 0.6780, 0.0),
        // Dampener "kind of".
        ("The book was only kind of good.", 0.3832, 0.3029, 0.6971, 0.0),
        // The contrastive "but".
        (
            "The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042, 0.0940,
            0.5786, 0.3274
        ),
        // Slang in capitals.
        ("Today SUX!", -0.5461, 0.0, 0.2210, 0.7790),
        // Emoticons.
        ("Make sure you :) or :D today!", 0.8633, 0.7064, 0.2936, 0.0),
        // Emoji replaced by their descriptions.
        ("Catch utf-8 emoji such as 💘 and 💋 and 😁", 0.875, 0.4167, 0.5833, 0.0),
        // A description joins the following word ("faceabc"), as in the reference.
        ("I love it 😀😀abc", 0.8481, 0.6970, 0.3030, 0.0),
        ("Not bad at all", 0.4310, 0.4872, 0.5128, 0.0),
        // "never this" emphasises instead of negating.
        ("Sentiment analysis has never been this good!", 0.5672, 0.3793, 0.6207, 0.0),
        // Special idiom "the shit".
        ("With VADER, sentiment analysis is the shit!", 0.6476, 0.4170, 0.5830, 0.0),
        ("Roger Dodger is one of the least compelling variations on this theme.", -0.1695, 0.0, 0.8685, 0.1315),
        // "without a doubt" does not negate.
        ("Without a doubt, excellent idea.", 0.7013, 0.6595, 0.3405, 0.0),
        // "no" before a lexicon word, and question marks.
        ("No way, that is good???", 0.3049, 0.3981, 0.3472, 0.2546),
        // Equal valences around "but": the reference scales the first equal value twice.
        ("great great but great great", 0.9545, 0.9425, 0.0575, 0.0),
        ("no no good", -0.1326, 0.3566, 0.1889, 0.4545),
        ("The café was très bon", 0.0, 0.0, 1.0, 0.0),
    ]

    @Test("matches the reference on rule examples", arguments: examples)
    func matchesReference(
        example: (text: String, compound: Double, positive: Double, neutral: Double, negative: Double)
    ) {
        let scores = SentimentAnalyzer.shared.scores(example.text)
        #expect(abs(scores.compound - example.compound) < 1e-4, "compound \(scores.compound)")
        #expect(abs(scores.positive - example.positive) < 1e-3, "positive \(scores.positive)")
        #expect(abs(scores.neutral - example.neutral) < 1e-3, "neutral \(scores.neutral)")
        #expect(abs(scores.negative - example.negative) < 1e-3, "negative \(scores.negative)")
    }

    @Test("text without words scores zero", arguments: ["", "   ", "\n\t \u{3000}"])
    func emptyText(text: String) {
        #expect(SentimentAnalyzer.shared.scores(text) == .empty)
    }

    @Test("proportions add up to one")
    func proportionsAddUp() {
        let scores = SentimentAnalyzer.shared.scores("The flight was fine but the food was awful")
        #expect(abs(scores.positive + scores.neutral + scores.negative - 1) < 1e-9)
        #expect(scores.compound < 0)
    }

    @Test("text beyond the size limit is ignored")
    func longTextIsTruncated() {
        let filler = String(repeating: "the ", count: SentimentAnalyzer.maxTextBytes / 4)
        let scores = SentimentAnalyzer.shared.scores(filler + " terrible awful horrible")
        #expect(scores.compound == 0)
        // A multi-byte character across the limit is not split.
        let emoji = String(repeating: "é", count: SentimentAnalyzer.maxTextBytes)
        #expect(SentimentAnalyzer.shared.scores(emoji).neutral == 1)
    }

    @Test("a custom lexicon is used, later duplicates win")
    func customLexicon() throws {
        let analyzer = try SentimentAnalyzer(
            lexicon: "good\t1.0\t0.5\t[1]\r\nbad\t-2.0\ngood\t3.0\n\n", emojiLexicon: "😀\tgood\n")
        #expect(abs(analyzer.scores("good").compound - 3 / (9 + 15.0).squareRoot()) < 1e-12)
        #expect(abs(analyzer.scores("😀").compound - 3 / (9 + 15.0).squareRoot()) < 1e-12)
        #expect(analyzer.scores("bad").compound < 0)
        #expect(analyzer.scores("great").compound == 0)
    }

    @Test(
        "a malformed lexicon line is reported with its number",
        arguments: [
            ("good\t1.0\nbad -2.0\n", 2, LexiconError.Problem.missingField),
            ("good\t1.0\nok\t0.1\nbad\tminus two\n", 3, LexiconError.Problem.invalidValence("minus two")),
            ("\t1.0\n", 1, LexiconError.Problem.missingField),
            ("nan\tnan\n", 1, LexiconError.Problem.invalidValence("nan")),
        ]
    )
    func malformedLexicon(text: String, line: Int, problem: LexiconError.Problem) {
        #expect {
            _ = try SentimentAnalyzer(lexicon: text, emojiLexicon: "")
        } throws: { error in
            guard let error = error as? LexiconError else { return false }
            return error.line == line && error.problem == problem && error.source == .valence
                && error.description.contains("line \(line)")
        }
    }

    @Test("a malformed emoji lexicon line is reported with its number")
    func malformedEmojiLexicon() {
        #expect {
            _ = try SentimentAnalyzer(lexicon: "good\t1.0\n", emojiLexicon: "😀\tgrinning face\n😁 beaming\n")
        } throws: { error in
            (error as? LexiconError).map { $0.line == 2 && $0.source == .emoji } ?? false
        }
    }

    @Test("one analyzer scores from many tasks at once")
    func concurrentUse() async {
        let texts = ["I love it", "I hate it", "It is a table", "Not bad at all"]
        let expected = texts.map { SentimentAnalyzer.shared.scores($0) }
        await withTaskGroup(of: Bool.self) { group in
            for round in 0..<64 {
                let index = round % texts.count
                group.addTask { SentimentAnalyzer.shared.scores(texts[index]) == expected[index] }
            }
            for await same in group { #expect(same) }
        }
    }
}
