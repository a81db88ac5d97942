/// The mean, median, 99th percentile and maximum of a set of whole-number samples (such as state sizes).
///
/// Percentiles are nearest-rank: the p-th percentile is the smallest sample that at least p% of the samples are
/// at or below, so it is always one of the samples.
public struct Distribution: Sendable, Hashable, Codable {
    /// How many samples there were.
    public var count: Int
    /// Their arithmetic mean.
    public var mean: Double
    /// The median (50th percentile).
    public var p50: Int
    /// The 99th percentile.
    public var p99: Int
    /// The largest sample.
    public var max: Int

    /// Summarises `samples`; nil when there are none.
    public init?(_ samples: [Int]) {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        count = sorted.count
        // Summed in floating point: a sum of a million sizes fits easily, and a Double cannot overflow here.
        mean = sorted.reduce(0.0) { $0 + Double($1) } / Double(sorted.count)
        p50 = Self.percentile(50, of: sorted)
        p99 = Self.percentile(99, of: sorted)
        max = sorted[sorted.count - 1]
    }

    /// The nearest-rank `percent`-th percentile of non-empty, ascending `sorted`.
    static func percentile(_ percent: Int, of sorted: [Int]) -> Int {
        precondition(!sorted.isEmpty && (1...100).contains(percent), "percentile \(percent) of \(sorted.count)")
        let rank = (percent * sorted.count + 99) / 100
        return sorted[rank - 1]
    }
}
