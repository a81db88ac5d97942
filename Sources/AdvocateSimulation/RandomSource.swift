/// The simulator's pseudo-random generator: xoshiro256** seeded through SplitMix64.
///
/// Deliberately not a `RandomNumberGenerator`: the standard library's `random(in:using:)` and
/// `shuffled(using:)` may change their algorithms between Swift releases, and the simulator
/// promises the same stream for the same seed on every machine and toolchain. Every draw here is
/// integer arithmetic or exactly rounded floating point.
struct RandomSource: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    init(seed: UInt64) {
        var mixer = seed
        s0 = RandomSource.splitMix(&mixer)
        s1 = RandomSource.splitMix(&mixer)
        s2 = RandomSource.splitMix(&mixer)
        s3 = RandomSource.splitMix(&mixer)
    }

    /// One SplitMix64 step; also used as a stateless hash of (seed, index).
    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A well-mixed 64-bit value derived from two inputs, without touching any generator state.
    static func hash(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var state = a ^ (b &* 0xD6E8_FEB8_6659_FD93)
        _ = splitMix(&state)
        return splitMix(&state)
    }

    mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(by: 45)
        return result
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in (0, 1], safe to take the logarithm of.
    mutating func openUnit() -> Double {
        Double((next() >> 11) + 1) * 0x1.0p-53
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// Uniform in 0..<bound (multiply-high reduction; the bias is below 2^-40 for our bounds).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "below needs a positive bound, got \(bound)")
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Uniform in the closed range.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// Uniform in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * unit()
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// An index drawn with the given non-negative weights (at least one positive).
    mutating func weightedIndex(_ weights: [Double]) -> Int {
        var total = 0.0
        for weight in weights { total += weight }
        precondition(total > 0, "weightedIndex needs a positive total weight")
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.lastIndex(where: { $0 > 0 }) ?? 0
    }

    /// Approximately standard normal: a scaled sum of four uniforms (Irwin-Hall), bounded to about
    /// +-3.5, which keeps simulated delays and scores free of absurd outliers.
    mutating func normal() -> Double {
        let sum = unit() + unit() + unit() + unit()
        return (sum - 2) * 1.732_050_807_568_877_2
    }

    /// Exponentially distributed with the given mean.
    mutating func exponential(mean: Double) -> Double {
        -mean * DeterministicMath.log(openUnit())
    }

    /// Log-normally distributed around `median`; `sigma` is the spread of the logarithm.
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * DeterministicMath.exp(sigma * normal())
    }

    /// Pareto distributed (heavy tail) with scale `minimum` and shape `alpha`.
    mutating func pareto(minimum: Double, alpha: Double) -> Double {
        minimum * DeterministicMath.exp(-DeterministicMath.log(openUnit()) / alpha)
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(by amount: UInt64) -> UInt64 {
        (self << amount) | (self >> (64 - amount))
    }
}
