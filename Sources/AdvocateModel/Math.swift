#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few libm functions scoring needs, so that no other file imports the platform's C library.
enum Math {
    static func exponential(_ x: Double) -> Double { exp(x) }
    static func binaryLogarithm(_ x: Double) -> Double { log2(x) }
    static func decimalLogarithm(_ x: Double) -> Double { log10(x) }
    static func power(_ base: Double, _ exponent: Double) -> Double { pow(base, exponent) }

    /// `0.5 ^ (age / halfLife)`: the weight left after `age` with the given half-life (same unit); 1 for age <= 0.
    static func halfLifeDecay(age: Double, halfLife: Double) -> Double {
        guard age > 0 else { return 1 }
        guard halfLife > 0 else { return 0 }
        return pow(0.5, age / halfLife)
    }

    /// `1 - e^(-x / scale)`: 0 at 0, rising towards 1; used to saturate open-ended sums into scores.
    static func saturate(_ x: Double, scale: Double) -> Double {
        guard x > 0, scale > 0 else { return 0 }
        return 1 - exp(-x / scale)
    }

    static func clamp(_ x: Double, _ low: Double, _ high: Double) -> Double {
        Swift.min(high, Swift.max(low, x))
    }

    /// Rounds to one decimal place, as profiles report scores.
    static func tenth(_ x: Double) -> Double {
        (x * 10).rounded() / 10
    }
}
