/// The customer's rung on the loyalty ladder.
public enum LadderStage: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Seen only through what they said (mentions, reviews, surveys), never signed up nor bought.
    case suspect
    /// Signed up (or bought and was refunded in full), but holds no purchase.
    case prospect
    /// One purchase, net of full refunds.
    case customer
    /// Two or more purchases, net of full refunds.
    case client
    /// Recommends the company: a converted referral; a promoter answer or a sent referral together with repeat
    /// purchases; or sustained praise in public. Once earned, kept (see SCORING.md).
    case advocate

    var rank: Int {
        switch self {
        case .suspect: 0
        case .prospect: 1
        case .customer: 2
        case .client: 3
        case .advocate: 4
        }
    }

    /// Orders by the ladder, suspect lowest.
    public static func < (lhs: LadderStage, rhs: LadderStage) -> Bool { lhs.rank < rhs.rank }
}
