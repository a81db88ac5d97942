/// What kind of event a kept contributor is, which score it moved, and what its stored numbers mean.
///
/// Raw values are part of the state format: never reuse or renumber.
enum ContributionKind: UInt8, Sendable, Hashable, CaseIterable {
    /// Loyalty. value: amount (units); detail: order hash folded to 16 bits.
    case purchase = 1
    /// Loyalty. value: refunded amount (units); detail: order hash folded to 16 bits.
    case refund = 2
    /// Loyalty. A refund without amount (the whole order). detail: order hash folded to 16 bits.
    case wholeRefund = 3
    /// Advocacy. value: points (hundredths); detail: NPS score.
    case promoter = 4
    /// Advocacy. value: points.
    case referralSent = 5
    /// Advocacy. value: points.
    case referralConverted = 6
    /// Advocacy. value: points; detail: rating.
    case goodReview = 7
    /// Advocacy. value: points; detail: reach.
    case praise = 8
    /// Effort. value: effort points; detail: CES score.
    case ces = 9
    /// Effort. value: effort points; detail: case hash << 8 | channel code.
    case contact = 10
    /// Effort. value: effort points; detail: onboarding status code.
    case onboarding = 11
    /// Sentiment of a mention. value: compound (thousandths); detail: weight (thousandths).
    case mentionSentiment = 12
    /// Sentiment of a review.
    case reviewSentiment = 13
    /// Sentiment of a survey comment.
    case commentSentiment = 14

    /// How much of the event time a contributor keeps: contacts and onboarding steps are matched to their
    /// window by time, sentiment decays by fortnight, the rest needs no time and saves the bytes.
    enum Clock {
        case none
        case exact
        case period
    }

    var clock: Clock {
        switch self {
        case .contact, .onboarding: .exact
        case .mentionSentiment, .reviewSentiment, .commentSentiment: .period
        case .purchase, .refund, .wholeRefund, .promoter, .referralSent, .referralConverted, .goodReview, .praise,
            .ces:
            .none
        }
    }

    var score: ScoreKind {
        switch self {
        case .purchase, .refund, .wholeRefund: .loyalty
        case .promoter, .referralSent, .referralConverted, .goodReview, .praise: .advocacy
        case .ces, .contact, .onboarding: .effort
        case .mentionSentiment, .reviewSentiment, .commentSentiment: .sentiment
        }
    }

    /// The event type shown in explanations.
    var eventType: String {
        switch self {
        case .purchase: "purchase"
        case .refund, .wholeRefund: "refund"
        case .promoter, .ces, .commentSentiment: "survey"
        case .referralSent: "referral"
        case .referralConverted: "referral_conversion"
        case .goodReview, .reviewSentiment: "review"
        case .praise, .mentionSentiment: "mention"
        case .contact: "support_contact"
        case .onboarding: "onboarding"
        }
    }
}
