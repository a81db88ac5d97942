/// The decoded form of `CustomerState`: integer aggregates plus small windows, each chosen by a rule that depends
/// only on the set of events applied (never on their order), so that any order gives the same value.
///
/// Times are whole seconds of event time. Sums are integers (money in `Money` units, weights in thousandths), so
/// adding them up commutes exactly. Nothing here decays: decay is computed when reading, relative to an "as of"
/// time.
struct Aggregates: Sendable, Hashable {
    // MARK: Bounds (part of the state format: raising one needs a new format version)

    /// Orders tracked individually (the ones with the smallest hashes), to tell full refunds from partial ones.
    static let orderSlots = 3
    /// Segments bought most recently, for disruptions by segment.
    static let segmentSlots = 4
    /// Latest support events (contacts and resolutions), for the effort signals that need neighbours.
    static let supportSlots = 5
    /// Latest fortnights that had sentiment observations.
    static let sentimentBuckets = 4
    /// Latest alert triggers.
    static let alertSlots = 3
    /// Latest replies, so a reply that arrives before its trigger still closes it.
    static let replySlots = 3
    /// Contributors kept per score, for explanations.
    static let contributorsPerScore = 2
    /// Longest id, order or code kept, in UTF-8 bytes.
    static let maxStringBytes = 256
    /// Longest excerpt kept, in UTF-8 bytes (200 characters of up to 4 bytes).
    static let maxExcerptBytes = 800
    /// Length of one sentiment bucket (a fortnight).
    static let sentimentPeriod: Int64 = 14 * 86_400

    // MARK: Everything

    var eventCount = 0
    /// Earliest and latest event time; meaningful when `eventCount > 0`.
    var firstAt: Int64 = 0
    var lastAt: Int64 = 0

    // MARK: Signup

    /// The earliest signup.
    var signupAt: Int64?
    /// The earliest signup that named a referral code.
    var referral: ReferralMark?

    // MARK: Purchases and refunds

    var purchaseCount = 0
    var purchaseUnits: Int64 = 0
    /// Meaningful when `purchaseCount > 0`.
    var lastPurchaseAt: Int64 = 0
    /// The earliest purchase by (time, id): tenure, and the purchase a referral converts on.
    var firstPurchase: PurchaseMark?
    var refundCount = 0
    /// Sum of the refunds that gave an amount.
    var refundUnits: Int64 = 0
    /// Refunds without an amount (the whole order).
    var wholeRefundCount = 0
    /// Sorted by hash, ascending.
    var orders: [OrderSlot] = []
    /// Sorted by latest purchase, newest first.
    var segments: [SegmentMark] = []

    // MARK: Surveys and onboarding

    var npsCount = 0
    var promoterCount = 0
    var detractorCount = 0
    /// The latest NPS answer by (time, score).
    var latestNPS: TimedValue?
    /// The latest promoter answer by (time, id).
    var latestPromoter: PromoterMark?
    var cesCount = 0
    var cesSum = 0
    /// The latest onboarding step by (time, status code).
    var latestOnboarding: TimedValue?

    // MARK: Support

    var contactCount = 0
    var resolvedCount = 0
    /// Newest first.
    var support: [SupportMark] = []

    // MARK: Voice and advocacy

    /// Public mentions judged praise; first and last meaningful when `praiseCount > 0`.
    var praiseCount = 0
    var firstPraiseAt: Int64 = 0
    var lastPraiseAt: Int64 = 0
    var negativeMentionCount = 0
    var goodReviewCount = 0
    var referralsSent = 0
    var referralsConverted = 0
    /// Advocacy points in hundredths.
    var advocacyPoints: Int64 = 0
    /// Newest fortnight first.
    var sentiment: [SentimentBucket] = []

    // MARK: Alerts

    /// Newest trigger first.
    var alerts: [AlertEntry] = []
    /// Newest first.
    var replies: [ReplyMark] = []

    // MARK: Explanations

    /// Grouped by score (code order), then strongest first.
    var contributors: [Contributor] = []
}

extension Aggregates {
    struct ReferralMark: Sendable, Hashable {
        var at: Int64
        var code: String
    }

    struct PurchaseMark: Sendable, Hashable {
        var at: Int64
        var eventID: String
        var order: String
        var units: Int64
    }

    /// Everything about one order, summed.
    struct OrderSlot: Sendable, Hashable {
        var hash: UInt32
        var purchases = 0
        var purchasedUnits: Int64 = 0
        var refunds = 0
        var refundedUnits: Int64 = 0
        var wholeRefunds = 0

        /// Bought, then refunded in full (a refund without amount, or refunds adding up to the purchases).
        var isFullyRefunded: Bool {
            purchases > 0 && (wholeRefunds > 0 || (refunds > 0 && refundedUnits >= purchasedUnits))
        }
    }

    struct SegmentMark: Sendable, Hashable {
        var hash: UInt32
        var lastAt: Int64
    }

    struct TimedValue: Sendable, Hashable {
        var at: Int64
        var value: Int
    }

    struct PromoterMark: Sendable, Hashable {
        var at: Int64
        var eventID: String
        var score: Int
    }

    /// A support contact (`channel` > 0) or a case resolution (`channel` == 0).
    struct SupportMark: Sendable, Hashable {
        var at: Int64
        var caseHash: UInt16
        var channel: UInt8

        var isResolution: Bool { channel == 0 }
    }

    /// The sentiment observations of one fortnight: sum of weights and of weight times compound (thousandths each).
    struct SentimentBucket: Sendable, Hashable {
        var period: Int64
        var weight: Int64
        var score: Int64
    }

    enum AlertSource: UInt8, Sendable, Hashable {
        case mention = 0
        case review = 1
        case survey = 2
    }

    struct AlertEntry: Sendable, Hashable {
        var trigger: String
        var openedAt: Int64
        /// The earliest reply seen for it.
        var closedAt: Int64?
        var source: AlertSource
        var reason: String
        var channel: String
        /// Compound score in thousandths (0 when there was no text).
        var compound: Int
        var complaint: Bool
        /// The NPS score or review rating (0 for mentions).
        var rating: Int
        var reach: Int64
        /// Kept while open only.
        var excerpt: String?

        var triggerHash: UInt32 { StableHash.hash32(trigger) }
    }

    struct ReplyMark: Sendable, Hashable {
        var at: Int64
        var target: UInt32
    }

    struct Contributor: Sendable, Hashable {
        var kind: ContributionKind
        var eventID: String
        /// The event time, the start of its sentiment fortnight, or 0, as `ContributionKind.clock` says.
        var at: Int64
        /// Meaning depends on `kind` (see `ContributionKind`).
        var value: Int64
        var detail: Int64

        var score: ScoreKind { kind.score }
    }
}

/// Bounded-window maintenance. Every window is re-sorted with a strict total order on its content after each
/// change and cut to its size, so its content depends only on the set of items ever offered to it.
extension Array {
    mutating func keepFirst(_ limit: Int, sortedBy precedes: (Element, Element) -> Bool) {
        sort(by: precedes)
        if count > limit {
            removeLast(count - limit)
        }
    }

    /// Whether no element precedes the one before it (equal neighbours allowed).
    func isSorted(by precedes: (Element, Element) -> Bool) -> Bool {
        zip(self, dropFirst()).allSatisfy { !precedes($1, $0) }
    }
}
