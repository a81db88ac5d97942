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
