/// Formats the identifiers the simulator writes (`c-000123`, `s42-p-000001`).
enum IdentifierFormat {
    /// `value` in decimal, zero-padded on the left to at least `width` digits.
    static func padded(_ value: Int, width: Int = 6) -> String {
        precondition(value >= 0, "identifiers are built from non-negative numbers, got \(value)")
        precondition(width < zeros.count, "identifier width \(width) is wider than supported")
        let digits = String(value)
        let missing = width - digits.utf8.count
        return missing > 0 ? zeros[missing] + digits : digits
    }

    private static let zeros = ["", "0", "00", "000", "0000", "00000", "000000", "0000000"]

    /// The id of the customer at zero-based `index`: `c-000001` for index 0.
    static func customer(_ index: Int) -> String {
        "c-" + padded(index + 1)
    }

    /// The referral code of the customer at zero-based `index`: `REF-c-000001`.
    static func referralCode(_ index: Int) -> String {
        "REF-" + customer(index)
    }
}
