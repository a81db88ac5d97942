import AdvocateCodec

/// What the report reads of the reward ledger beyond the entries (`ReportReader.rewards`): held rewards,
/// explanations, budgets and dead letters. Read-only; an absent ledger reads as empty.
public protocol RewardReportReading: Sendable {
    /// Entries with `status`, oldest first.
    func rewards(status: LedgerEntry.Status, limit: Int) throws -> [LedgerEntry]
    /// Entries of `customer` with every detail (version, code, reversal link), oldest first.
    func rewardDetails(customer: String, limit: Int) throws -> [LedgerEntry]
    /// Why each candidate concerning `customer` got what it got.
    func rewardExplanations(customer: String, limit: Int) throws -> [CandidateExplanation]
    /// Every rule's budget, spent and remaining.
    func rewardBudgets() throws -> [BudgetStatus]
    /// Webhook notifications that were given up on, newest first.
    func rewardDeadLetters(limit: Int) throws -> [RewardNotification]
}
