extension SentimentReport {
    /// The figures for people, a few lines.
    public var summary: String {
        func line(_ name: String, _ throughput: Throughput) -> String {
            let rate = Figures.grouped(throughput.perSecond) + " texts/s"
            let detail =
                "(\(Figures.grouped(throughput.items)) texts in \(Figures.decimal(throughput.seconds, places: 2)) s)"
            return "  " + name.padding(toLength: 44, withPad: " ", startingAt: 0) + rate + "  " + detail
        }
        return [
            "sentiment, \(Figures.grouped(texts)) texts per pass, after one untimed pass:",
            line("SentimentAnalyzer.scores (VADER)", vader),
            line("TextAssessor.assess (VADER + complaints)", assess),
            "  compound checksum \(Figures.decimal(compoundChecksum, places: 4)); "
                + "complaints: \(Figures.grouped(complaints)) of \(Figures.grouped(texts))",
        ].joined(separator: "\n")
    }
}
