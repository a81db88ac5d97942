/// Logarithm and exponential built from basic IEEE 754 operations only.
///
/// The platform's `log`/`exp` may differ in the last bit between C libraries (glibc, Darwin, musl),
/// and one differing bit can change a rounded delay and with it every later event. Addition,
/// multiplication, division and scaling by powers of two are exactly rounded everywhere, so these
/// versions give the same bits on every machine. Precision (about 1e-12 relative) is far more than
/// sampling needs.
enum DeterministicMath {
    static let ln2 = 0.693_147_180_559_945_309_417_232_121_458

    /// Natural logarithm of a positive, finite `x`.
    static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "log needs a positive finite argument, got \(x)")
        var mantissa = x.significand
        var exponent = Double(x.exponent)
        // Centre the mantissa on 1 so the series below converges fast.
        if mantissa > 1.414_213_562_373_095_1 {
            mantissa *= 0.5
            exponent += 1
        }
        // ln(m) = 2 atanh(s) with s = (m - 1) / (m + 1), |s| <= 0.172.
        let s = (mantissa - 1) / (mantissa + 1)
        let s2 = s * s
        var power = s
        var sum = s
        var divisor = 3.0
        for _ in 0..<9 {
            power *= s2
            sum += power / divisor
            divisor += 2
        }
        return 2 * sum + exponent * ln2
    }

    /// `e` raised to `x`, with `x` clamped to [-700, 700] so the result stays finite.
    static func exp(_ x: Double) -> Double {
        precondition(!x.isNaN, "exp of NaN")
        let clamped = Swift.min(Swift.max(x, -700), 700)
        let k = (clamped / ln2).rounded()
        let r = clamped - k * ln2
        var term = 1.0
        var sum = 1.0
        var n = 1.0
        for _ in 0..<15 {
            term *= r / n
            sum += term
            n += 1
        }
        return Double(sign: .plus, exponent: Int(k), significand: sum)
    }
}
