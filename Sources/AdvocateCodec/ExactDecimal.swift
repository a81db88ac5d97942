/// A decimal number read digit by digit from its text, so that `42.50` is exactly 4250 x 10^-2 and never a
/// binary approximation: `significand x 10^exponent`, with no trailing zeros in `significand`.
struct ExactDecimal: Sendable, Hashable {
    var negative: Bool
    var significand: UInt64
    var exponent: Int
    /// The number has more than 19 significant digits, so `significand` could not hold them.
    var tooManyDigits: Bool

    /// Why a decimal cannot be expressed at the scale asked for.
    enum ScaleProblem: Error, Sendable, Hashable {
        /// It has non-zero digits below the scale (e.g. 9.5 as an integer).
        case tooPrecise
        /// It does not fit an `Int64` at that scale.
        case tooLarge
    }

    /// Exponents are clamped here: anything beyond is out of every range this library accepts.
    private static let exponentClamp = 1_000_000

    /// Reads JSON number syntax (`-?digits(.digits)?([eE][+-]?digits)?`) from `bytes[start..<end]`.
    ///
    /// Also accepts the plain decimals `Money(decimal:)` takes. Returns nil when the text is not a number.
    static func parse(_ bytes: UnsafeRawBufferPointer, start: Int, end: Int) -> ExactDecimal? {
        var index = start
        var result = ExactDecimal(negative: false, significand: 0, exponent: 0, tooManyDigits: false)
        var digitCount = 0
        var pendingZeros = 0
        var sawDigit = false

        func take(_ digit: UInt8, fraction: Bool) {
            if fraction { result.exponent -= 1 }
            if digit == 0 {
                // Leading zeros carry no value; others wait until a non-zero digit shows they are not trailing.
                if digitCount > 0 { pendingZeros += 1 }
                return
            }
            digitCount += pendingZeros + 1
            if digitCount > 19 {
                result.tooManyDigits = true
            } else {
                for _ in 0..<pendingZeros { result.significand *= 10 }
                result.significand = result.significand * 10 + UInt64(digit)
            }
            pendingZeros = 0
        }

        if index < end, bytes[index] == UInt8(ascii: "-") {
            result.negative = true
            index += 1
        }
        while index < end, bytes[index] &- UInt8(ascii: "0") < 10 {
            take(bytes[index] - UInt8(ascii: "0"), fraction: false)
            sawDigit = true
            index += 1
        }
        guard sawDigit else { return nil }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var sawFraction = false
            while index < end, bytes[index] &- UInt8(ascii: "0") < 10 {
                take(bytes[index] - UInt8(ascii: "0"), fraction: true)
                sawFraction = true
                index += 1
            }
            guard sawFraction else { return nil }
        }
        result.exponent += pendingZeros
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var negativeExponent = false
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                negativeExponent = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var value = 0
            var sawExponent = false
            while index < end, bytes[index] &- UInt8(ascii: "0") < 10 {
                value = min(value * 10 + Int(bytes[index] - UInt8(ascii: "0")), exponentClamp)
                sawExponent = true
                index += 1
            }
            guard sawExponent else { return nil }
            result.exponent += negativeExponent ? -value : value
        }
        guard index == end else { return nil }
        if result.significand == 0 && !result.tooManyDigits { result.exponent = 0 }
        return result
    }

    var isZero: Bool { significand == 0 && !tooManyDigits }

    /// The value times 10^`scale` as an integer, when it is one and fits an `Int64`.
    func scaled(by scale: Int) -> Result<Int64, ScaleProblem> {
        if isZero { return .success(0) }
        let power = exponent + scale
        if tooManyDigits {
            // More than 19 significant digits: either below the scale or too big, never representable.
            return .failure(power < 0 ? .tooPrecise : .tooLarge)
        }
        if power < 0 { return .failure(.tooPrecise) }
        if power > 18 { return .failure(.tooLarge) }
        var magnitude = significand
        for _ in 0..<power {
            let (product, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            if overflow { return .failure(.tooLarge) }
            magnitude = product
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return .failure(.tooLarge) }
            return .success(magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude))
        }
        guard magnitude <= UInt64(Int64.max) else { return .failure(.tooLarge) }
        return .success(Int64(magnitude))
    }
}
