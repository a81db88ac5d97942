import Foundation

/// Formats figures for people: grouped thousands, fixed decimals.
public enum Figures {
    /// `1234567` as `1,234,567`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// `value` rounded to a whole number and grouped: `48612.7` as `48,613`.
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite, value.magnitude < 1e18 else { return String(value) }
        return grouped(Int(value.rounded()))
    }

    /// `value` with `places` decimals.
    public static func decimal(_ value: Double, places: Int = 1) -> String {
        String(format: "%.\(places)f", value)
    }
}
