import AdvocateSentiment

/// Times VADER scoring (`SentimentAnalyzer.scores`) and the full text assessment (`TextAssessor.assess`: VADER
/// plus complaint detection) over a corpus, pass after pass, for a set time each.
///
/// Each measurement starts after one untimed pass, so lexicons are loaded and caches are warm, as in a scoring
/// worker that has been running for a while.
public struct SentimentBenchmark: Sendable {
    /// The texts scored in every pass.
    public var texts: [String]
    /// How long each measurement keeps going.
    public var duration: Duration

    /// - Parameters:
    ///   - texts: the texts of one pass; at least one.
    ///   - duration: how long each measurement runs (whole passes, at least one).
    public init(texts: [String], duration: Duration) {
        precondition(!texts.isEmpty, "a sentiment benchmark needs texts")
        self.texts = texts
        self.duration = duration
    }

    /// Runs both measurements.
    public func run() -> SentimentReport {
        let analyzer = SentimentAnalyzer.shared
        let assessor = TextAssessor(analyzer: analyzer)
        let checksum = compoundChecksum(analyzer)
        var complaints = 0
        for text in texts where assessor.assess(text).complaint { complaints += 1 }

        // The sinks keep the optimiser from dropping work whose result nobody reads.
        var compoundSink = 0.0
        let vader = Throughput.measure(itemsPerPass: texts.count, duration: duration) {
            for text in texts { compoundSink += analyzer.scores(text).compound }
        }
        var complaintSink = 0
        let assess = Throughput.measure(itemsPerPass: texts.count, duration: duration) {
            for text in texts where assessor.assess(text).complaint { complaintSink += 1 }
        }
        precondition(compoundSink.isFinite && complaintSink >= 0, "sentiment scores went out of range")
        return SentimentReport(
            texts: texts.count, vader: vader, assess: assess, compoundChecksum: checksum, complaints: complaints
        )
    }

    /// The sum of the texts' compound scores, each rounded to 4 decimals as the Python reference rounds it, so
    /// the two sums agree when both sides scored the same texts the same way. The pass also warms up.
    private func compoundChecksum(_ analyzer: SentimentAnalyzer) -> Double {
        var sum = 0.0
        for text in texts {
            sum += (analyzer.scores(text).compound * 10_000).rounded(.toNearestOrEven) / 10_000
        }
        return sum
    }
}
