import AdvocateCodec

/// The report stage's read-only view over every stage's committed data. Reports are computed from
/// committed rows, never from a lossy stream, so every number is exact as of its read.
public protocol ReportReader: AnyObject, Sendable {
    func summary() throws -> Summary
    /// A customer's stored state, or nil when unknown.
    func customer(_ id: String) throws -> CustomerRecord?
    func alerts(customer: String?, status: String?, limit: Int) throws -> [AlertRow]
    func notices(customer: String) throws -> [NoticeRow]
    func rewards(customer: String?, limit: Int) throws -> [LedgerEntry]
    /// How many answers of survey `kind` gave each score.
    func surveyScores(kind: String) throws -> [Int: Int]
    /// Every answer of survey `kind`, for series over time, segment and channel.
    func surveys(kind: String) throws -> [SurveyRow]
    /// The segments each customer bought (customers without a segment are absent).
    func customerSegments() throws -> [String: [String]]
    /// Every loyalty-ladder move, in event time order.
    func transitions() throws -> [TransitionRow]
    /// Proactive notices counted per disruption, most recent disruption first.
    func noticesByDisruption() throws -> [DisruptionNotices]
    /// Suggestions and complaint reasons, as stored, oldest first.
    func topics() throws -> [TopicRow]
    /// The stored customers at ladder `stage`.
    func customers(stage: String) throws -> [CustomerRecord]
    /// Ledger entries counted and valued per status (`issued`, `held`, `rejected`, `reversed`).
    func rewardTotals() throws -> [String: RewardTotal]
    /// Referral events accepted and referrals that converted.
    func referralCounts() throws -> ReferralCounts
}

/// The notices one disruption produced.
public struct DisruptionNotices: Sendable, Hashable {
    public var disruption: String
    public var what: String
    /// The earliest notice time of the disruption (the disruption's own time).
    public var at: Timestamp
    public var notices: Int

    public init(disruption: String, what: String, at: Timestamp, notices: Int) {
        self.disruption = disruption
        self.what = what
        self.at = at
        self.notices = notices
    }
}

/// Ledger entries of one status.
public struct RewardTotal: Sendable, Hashable {
    public var count: Int
    public var value: Money

    public init(count: Int, value: Money) {
        self.count = count
        self.value = value
    }
}

/// Referrals sent and converted.
public struct ReferralCounts: Sendable, Hashable {
    /// Accepted `referral` events.
    public var sent: Int
    /// Referees' converting purchases joined with a known referral code (`referral_converted`, once per referee
    /// purchase that converted).
    public var converted: Int

    public init(sent: Int, converted: Int) {
        self.sent = sent
        self.converted = converted
    }
}

/// `GET /v1/summary`.
public struct Summary: Sendable, Hashable {
    public var accepted: [String: Int]
    public var rejected: [String: Int]
    public var customersByStage: [String: Int]
    public var alertsOpen: Int
    public var alertsClosed: Int
    public var rewardsIssued: Int
    public var rewardsValue: Money
    public var rewardsByRule: [String: Int]
    /// Journalled events not yet applied by scoring (0 when scoring has caught up).
    public var pending: UInt64
    /// Reward candidates and derived events committed by scoring and not yet confirmed downstream.
    public var outbox: Int = 0

    public init(
        accepted: [String: Int] = [:], rejected: [String: Int] = [:], customersByStage: [String: Int] = [:],
        alertsOpen: Int = 0, alertsClosed: Int = 0, rewardsIssued: Int = 0, rewardsValue: Money = .zero,
        rewardsByRule: [String: Int] = [:], pending: UInt64 = 0
    ) {
        self.accepted = accepted
        self.rejected = rejected
        self.customersByStage = customersByStage
        self.alertsOpen = alertsOpen
        self.alertsClosed = alertsClosed
        self.rewardsIssued = rewardsIssued
        self.rewardsValue = rewardsValue
        self.rewardsByRule = rewardsByRule
        self.pending = pending
    }
}

/// A customer as stored by scoring.
public struct CustomerRecord: Sendable, Hashable {
    public var id: String
    public var stage: String
    public var state: [UInt8]

    public init(id: String, stage: String, state: [UInt8]) {
        self.id = id
        self.stage = stage
        self.state = state
    }
}
