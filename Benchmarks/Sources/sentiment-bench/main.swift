import ArgumentParser
import BenchmarkKit

/// Times VADER scoring and text assessment over the VADER ground-truth tweets; `ops/bench` runs it.
@main
struct SentimentBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment-bench",
        abstract: "Time SentimentAnalyzer.scores and TextAssessor.assess over the VADER ground-truth tweets."
    )

    @Argument(help: "The tweets file (id<TAB>rating<TAB>text per line); by default the one in ../shared/data/vader.")
    var path: String?

    @Option(help: "Seconds each measurement runs (whole passes over the texts), 0.1 to 600.")
    var seconds = 3.0

    @Flag(help: "Print the figures as one line of JSON.")
    var json = false

    func validate() throws {
        guard seconds >= 0.1 && seconds <= 600 else { throw ValidationError("--seconds \(seconds) is not 0.1 to 600") }
    }

    func run() throws {
        let corpus = try TweetCorpus(contentsOf: path ?? TweetCorpus.defaultPath)
        let report = SentimentBenchmark(texts: corpus.texts, duration: .milliseconds(seconds * 1_000)).run()
        print(json ? try report.jsonLine() : report.summary)
    }
}
