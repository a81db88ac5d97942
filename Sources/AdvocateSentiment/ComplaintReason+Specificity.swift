extension ComplaintReason {
    /// Rank when a text gives several reasons: the underlying problem (a lost bag, an unpaid refund) before its
    /// symptoms (no reply, a long wait), which are what customers describe when they do not name the problem.
    var specificity: Int {
        switch self {
        case .lostOrDamaged: 9
        case .refundOrBilling: 8
        case .cancellation: 7
        case .delay: 6
        case .bookingOrWebsite: 5
        case .productQuality: 4
        case .staff: 3
        case .noResponse: 2
        case .waitingTime: 1
        case .other: 0
        }
    }
}
