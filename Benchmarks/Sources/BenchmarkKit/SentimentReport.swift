/// The figures of a `SentimentBenchmark` run.
public struct SentimentReport: Sendable, Hashable, Codable {
    /// Texts in one pass.
    public var texts: Int
    /// `SentimentAnalyzer.scores` (VADER alone).
    public var vader: Throughput
    /// `TextAssessor.assess` (VADER plus complaint detection).
    public var assess: Throughput
    /// The sum over one pass of the compound scores rounded to 4 decimals, to compare with the reference's.
    public var compoundChecksum: Double
    /// The texts of one pass that `assess` calls complaints.
    public var complaints: Int

    public init(texts: Int, vader: Throughput, assess: Throughput, compoundChecksum: Double, complaints: Int) {
        self.texts = texts
        self.vader = vader
        self.assess = assess
        self.compoundChecksum = compoundChecksum
        self.complaints = complaints
    }
}
