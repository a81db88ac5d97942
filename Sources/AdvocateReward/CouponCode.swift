/// Coupon codes: 16 characters from the system's cryptographic random source (getrandom on Linux) in
/// Crockford's base-32 alphabet (no I, L, O or U, so nothing reads as another character), then one check
/// character (Luhn mod 32), which catches every single mistyped character and most swapped neighbours.
public enum CouponCode {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
    /// 16 characters of 5 bits: 80 random bits.
    public static let randomLength = 16

    /// A new random code, 17 characters.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        var digits: [Int] = []
        for _ in 0..<randomLength { digits.append(Int.random(in: 0..<32, using: &generator)) }
        digits.append(checkDigit(digits))
        return String(decoding: digits.map { alphabet[$0] }, as: UTF8.self)
    }

    /// The code as typed, in canonical form: upper case, without spaces or dashes, with the look-alikes
    /// Crockford allows (O for 0, I and L for 1); `nil` when it is not a well-formed code or its check fails.
    public static func normalized(_ typed: String) -> String? {
        var digits: [Int] = []
        for scalar in typed.uppercased().unicodeScalars where scalar != "-" && scalar != " " {
            let byte: UInt8
            switch scalar {
            case "O": byte = UInt8(ascii: "0")
            case "I", "L": byte = UInt8(ascii: "1")
            default:
                guard scalar.isASCII else { return nil }
                byte = UInt8(scalar.value)
            }
            guard let digit = alphabet.firstIndex(of: byte) else { return nil }
            digits.append(digit)
        }
        guard digits.count == randomLength + 1, checkDigit(digits.dropLast()) == digits.last else { return nil }
        return String(decoding: digits.map { alphabet[$0] }, as: UTF8.self)
    }

    /// Luhn mod N over the digits, rightmost doubled first.
    static func checkDigit<C: BidirectionalCollection<Int>>(_ digits: C) -> Int {
        var sum = 0
        var double = true
        for digit in digits.reversed() {
            var addend = double ? digit * 2 : digit
            addend = addend / 32 + addend % 32
            sum += addend
            double.toggle()
        }
        return (32 - sum % 32) % 32
    }
}
