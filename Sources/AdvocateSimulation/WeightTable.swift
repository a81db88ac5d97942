/// Fixed weights prepared for fast drawing: cumulative sums searched by bisection.
struct WeightTable: Sendable {
    private let cumulative: [Double]

    init(_ weights: [Double]) {
        var running = 0.0
        var cumulative: [Double] = []
        cumulative.reserveCapacity(weights.count)
        for weight in weights {
            precondition(weight >= 0 && weight.isFinite, "weights must be finite and non-negative, got \(weight)")
            running += weight
            cumulative.append(running)
        }
        precondition(running > 0, "a weight table needs a positive total")
        self.cumulative = cumulative
    }

    var count: Int { cumulative.count }

    /// An index drawn with probability proportional to its weight.
    func draw(_ rng: inout RandomSource) -> Int {
        let target = rng.unit() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}
