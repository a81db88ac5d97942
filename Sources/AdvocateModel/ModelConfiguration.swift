/// The model's thresholds and scales. The defaults are the documented product behaviour (see SCORING.md).
///
/// Thresholds that decide what an event *is* (negative, praise, complaint) shape the stored state, so change them
/// only with a replay; scales, half-lives and flag thresholds apply when reading and may change at any time.
/// `AdvocacyModel.init` clamps out-of-range values to the nearest sensible one.
public struct ModelConfiguration: Sendable, Hashable {
    // MARK: Text

    /// A mention, review or survey comment whose compound score is at or below this is negative (VADER's usual
    /// cut-off); a negative mention or review opens an alert.
    public var negativeCompound: Double = -0.05
    /// A public mention at or above this (and not a complaint) is praise: it counts for advocacy.
    public var praiseCompound: Double = 0.3
    /// A complaint without sentiment words ("on hold for 40 minutes") counts as at most this negative.
    public var complaintCompound: Double = -0.4
    /// Characters of text kept in alert excerpts, 0...200.
    public var excerptLength: Int = 120
    /// Characters of text kept in suggestion records, 0...2000.
    public var suggestionLength: Int = 500
    /// UTF-8 bytes of a text handed to the judge; longer texts are judged on their beginning.
    public var maxJudgedTextBytes: Int = 4096

    // MARK: Loyalty

    /// Recency halves every this many days without a purchase.
    public var recencyHalfLifeDays: Double = 60
    /// Net purchases at which frequency reaches 63% of its weight.
    public var frequencyScale: Double = 4
    /// Net spend (currency units) at which the monetary part reaches 63% of its weight.
    public var monetaryScale: Double = 250
    /// Days as a customer at which tenure reaches 63% of its weight.
    public var tenureScaleDays: Double = 365

    // MARK: Advocacy

    /// Advocacy points at which advocacy reaches 63 (see SCORING.md for the points per event).
    public var advocacyScale: Double = 60

    // MARK: Effort

    /// The weight of recent support activity halves every this many days after the latest support event.
    public var effortHalfLifeDays: Double = 60
    /// A contact within this many days after another contact is a repeat contact.
    public var repeatContactDays: Double = 7
    /// A case whose latest contact is older than this (and never resolved) no longer counts as open.
    public var openCaseDays: Double = 30

    // MARK: Sentiment

    /// An observation's weight halves every this many days (event time, relative to the "as of" time).
    public var sentimentHalfLifeDays: Double = 30
    /// Weight of a neutral prior, so that little or old evidence stays near 50.
    public var sentimentPriorWeight: Double = 1

    // MARK: Ladder and flags

    /// Praise mentions needed, spread over at least `sustainedPraiseDays`, to make an advocate.
    public var sustainedPraiseCount: Int = 3
    /// The shortest span, first to last praise mention, that counts as sustained.
    public var sustainedPraiseDays: Double = 30
    /// An unanswered public complaint at most this many days old makes the customer a detractor.
    public var recentComplaintDays: Double = 14
    /// Effort at or above this flags the customer as at risk.
    public var atRiskEffort: Double = 60
    /// Sentiment at or below this flags the customer as at risk.
    public var atRiskSentiment: Double = 35
    /// A repeat buyer is overdue (falling loyalty, at risk) when the time since the last purchase exceeds this
    /// many times the usual interval between purchases, and at least `overdueMinimumDays`.
    public var overdueFactor: Double = 2
    /// The shortest gap since the last purchase that can count as overdue.
    public var overdueMinimumDays: Double = 45

    // MARK: Alert severity

    /// Reach (followers, views) from which a negative post adds 1, 2 or 3 severity points.
    public var reachTiers: [Int64] = [1_000, 10_000, 100_000]
    /// Net spend (currency units) from which the customer's value adds 1 or 2 severity points.
    public var valueTiers: [Double] = [200, 1_000]

    /// The documented defaults.
    public init() {}

    /// The configuration with every value brought into its sensible range.
    func sanitized() -> ModelConfiguration {
        var copy = self
        copy.negativeCompound = finite(negativeCompound, -0.05, -1...1)
        copy.praiseCompound = finite(praiseCompound, 0.3, -1...1)
        copy.complaintCompound = finite(complaintCompound, -0.4, -1...0)
        copy.excerptLength = min(200, max(0, excerptLength))
        copy.suggestionLength = min(2_000, max(0, suggestionLength))
        copy.maxJudgedTextBytes = min(1 << 20, max(16, maxJudgedTextBytes))
        copy.recencyHalfLifeDays = positive(recencyHalfLifeDays, 60)
        copy.frequencyScale = positive(frequencyScale, 4)
        copy.monetaryScale = positive(monetaryScale, 250)
        copy.tenureScaleDays = positive(tenureScaleDays, 365)
        copy.advocacyScale = positive(advocacyScale, 60)
        copy.effortHalfLifeDays = positive(effortHalfLifeDays, 60)
        copy.repeatContactDays = finite(repeatContactDays, 7, 0...3_650)
        copy.openCaseDays = finite(openCaseDays, 30, 0...3_650)
        copy.sentimentHalfLifeDays = positive(sentimentHalfLifeDays, 30)
        copy.sentimentPriorWeight = finite(sentimentPriorWeight, 1, 0...1_000)
        copy.sustainedPraiseCount = min(1_000, max(1, sustainedPraiseCount))
        copy.sustainedPraiseDays = finite(sustainedPraiseDays, 30, 0...3_650)
        copy.recentComplaintDays = finite(recentComplaintDays, 14, 0...3_650)
        copy.atRiskEffort = finite(atRiskEffort, 60, 0...100)
        copy.atRiskSentiment = finite(atRiskSentiment, 35, 0...100)
        copy.overdueFactor = positive(overdueFactor, 2)
        copy.overdueMinimumDays = finite(overdueMinimumDays, 45, 0...3_650)
        copy.reachTiers = Array(reachTiers.filter { $0 > 0 }.sorted().prefix(3))
        copy.valueTiers = Array(valueTiers.filter { $0.isFinite && $0 > 0 }.sorted().prefix(2))
        return copy
    }
}

private func finite(_ value: Double, _ fallback: Double, _ range: ClosedRange<Double>) -> Double {
    value.isFinite ? min(range.upperBound, max(range.lowerBound, value)) : fallback
}

private func positive(_ value: Double, _ fallback: Double) -> Double {
    value.isFinite && value > 0 ? min(value, 1e9) : fallback
}
