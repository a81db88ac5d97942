extension Money {
    /// The largest amount an event may carry: 1e12 (`units` 1e16).
    public static let maxEventAmount = Money(units: 10_000_000_000_000_000)

    /// Parses a plain decimal such as `42.50`, `-3` or `0.0001` exactly, without going through `Double`.
    ///
    /// Digits below the fourth decimal place must be zeros; exponents (`1e3`) are accepted as in JSON.
    /// - Throws: `ValueFormatError` when the text is not a number, has more than four decimal places,
    ///   or does not fit.
    public init(decimal text: String) throws(ValueFormatError) {
        let original = text
        var text = text
        let parsed: Result<Money, ValueFormatError> = text.withUTF8 { utf8 in
            let raw = UnsafeRawBufferPointer(utf8)
            guard let decimal = ExactDecimal.parse(raw, start: 0, end: raw.count) else {
                return .failure(ValueFormatError(what: "decimal", value: original, detail: "not a decimal number"))
            }
            switch decimal.scaled(by: 4) {
            case .success(let units):
                return .success(Money(units: units))
            case .failure(.tooPrecise):
                return .failure(
                    ValueFormatError(what: "decimal", value: original, detail: "more than 4 decimal places"))
            case .failure(.tooLarge):
                return .failure(ValueFormatError(what: "decimal", value: original, detail: "too large"))
            }
        }
        self = try parsed.get()
    }

    /// The amount as the shortest plain decimal: `42.5`, `42`, `0.0001`, `-3.25`.
    public var decimalString: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendDecimal(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `decimalString` as UTF-8 (also valid JSON number text).
    public func appendDecimal(to bytes: inout [UInt8]) {
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = units.magnitude
        JSONText.appendInteger(magnitude / UInt64(Money.scale), to: &bytes)
        var fraction = magnitude % UInt64(Money.scale)
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var divisor = UInt64(Money.scale) / 10
        while fraction != 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }
}
