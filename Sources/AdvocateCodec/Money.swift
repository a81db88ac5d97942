/// An exact amount of money: a fixed-point decimal with four places, held as an integer.
///
/// Four places cover every ISO 4217 currency (the most precise use three) and keep sums exact, which
/// reports of revenue and reward budgets need; `42.50` is `Money(units: 425_000)`.
public struct Money: Sendable, Hashable, Comparable, Codable {
    /// The amount times 10,000.
    public var units: Int64

    public static let scale: Int64 = 10_000
    public static let zero = Money(units: 0)

    public init(units: Int64) {
        self.units = units
    }

    /// The amount as a `Double`, for display and scoring (never for sums that must be exact).
    public var doubleValue: Double { Double(units) / Double(Money.scale) }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.units < rhs.units }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(units: lhs.units &+ rhs.units) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(units: lhs.units &- rhs.units) }
}
