import AdvocateCodec
import AdvocateStorage

/// The operator's rules applied to candidates: conditions, validity, fraud checks, limits and budgets, in
/// that order, with every decision explained; refunds claw back what their order earned.
///
/// Decisions depend only on the candidate and the ledger, never on the clock, so the same candidates in the
/// same order decide the same way (coupon codes aside, which are random).
public struct RulesPolicy: RewardPolicy {
    public var rules: RewardRules
    private let codes: @Sendable () -> String

    /// - Parameter codes: makes coupon codes (random by default).
    public init(rules: RewardRules, codes: @escaping @Sendable () -> String = CouponCode.generate) {
        self.rules = rules
        self.codes = codes
    }

    public func decide(_ candidate: RewardCandidate, ledger: any LedgerReading) throws -> RewardDecision {
        if candidate.kind == .orderRefunded { return try clawBack(candidate, ledger: ledger) }
        let matching = rules.rules(for: candidate.kind)
        guard !matching.isEmpty else {
            return RewardDecision(explanation: "no rule rewards \(candidate.kind.rawValue)")
        }
        let verdict = try FraudCheck(settings: rules.fraud).assess(candidate, ledger: ledger)
        var entries: [LedgerEntry] = []
        var notes: [String] = []
        for rule in matching {
            switch try apply(rule, to: candidate, verdict: verdict, ledger: ledger) {
            case .entry(let entry):
                entries.append(entry)
                notes.append("\(rule.id): \(entry.status.rawValue): \(entry.reason)")
                // A refund that arrived before its conversion reverses the reward as if it had come after it,
                // so that the ledger does not depend on the order in which the two arrive.
                if let refund = try earlierRefund(for: entry, ledger: ledger) {
                    let reversal = Self.reversal(of: entry, by: refund)
                    entries.append(reversal)
                    notes.append("\(entry.id): reversed by \(reversal.id)")
                }
            case .skipped(let why):
                notes.append("\(rule.id): not applicable: \(why)")
            }
        }
        return RewardDecision(entries: entries, explanation: notes.joined(separator: "\n"))
    }

    enum Outcome {
        case entry(LedgerEntry)
        case skipped(String)
    }

    private func apply(
        _ rule: RewardRule, to candidate: RewardCandidate, verdict: FraudCheck.Verdict, ledger: any LedgerReading
    ) throws -> Outcome {
        let recipient: String
        switch rule.recipient {
        case .customer: recipient = candidate.customer
        case .referee: recipient = candidate.referee ?? candidate.customer
        case .referrer:
            guard let referrer = candidate.referrer else { return .skipped("the referrer is not known") }
            recipient = referrer
        }
        if let from = rule.validFrom, candidate.at < from {
            return .skipped("\(candidate.at.rfc3339) is before the rule starts (\(from.rfc3339))")
        }
        if let until = rule.validUntil, candidate.at >= until {
            return .skipped("\(candidate.at.rfc3339) is after the rule ended (\(until.rfc3339))")
        }
        if let unmet = Self.unmetCondition(rule.conditions, candidate) { return .skipped(unmet) }

        var entry = LedgerEntry(
            id: "\(rule.id):\(candidate.trigger)", customer: recipient, rule: rule.id, kind: rule.reward.kind,
            value: rule.reward.value, status: .issued, reason: "", trigger: candidate.trigger,
            candidate: candidate.id, at: candidate.at
        )
        entry.ruleVersion = rule.version
        entry.subject = candidate.customer
        entry.order = candidate.order
        if let days = rule.clawbackDays {
            entry.clawbackUntil = Timestamp(
                microseconds: candidate.at.microseconds + Int64(days) * Timestamp.microsecondsPerDay)
        }
        let why = Self.describe(candidate) + ": " + rule.reward.summary
        let (status, reason) = try status(rule, entry: entry, verdict: verdict, ledger: ledger)
        entry.status = status
        entry.reason = ([status == .issued ? why : reason] + (status == .issued ? [] : [why]) + checks(verdict))
            .joined(separator: "; ")
        if status == .issued, case .couponAmount = rule.reward { entry.code = codes() }
        if status == .issued, case .couponPercent = rule.reward { entry.code = codes() }
        return .entry(entry)
    }

    /// The first check that stops the reward decides; the order puts certain refusals before holds, so that
    /// nothing is held that would be refused anyway, and budgets last, so that a refused reward spends none.
    private func status(
        _ rule: RewardRule, entry: LedgerEntry, verdict: FraudCheck.Verdict, ledger: any LedgerReading
    ) throws -> (LedgerEntry.Status, String) {
        if let rejection = verdict.rejections.first { return (.rejected, "rejected: " + rejection) }
        if let limit = rule.limit {
            let since = Timestamp(
                microseconds: entry.at.microseconds - Int64(limit.periodDays) * Timestamp.microsecondsPerDay)
            let recent = try ledger.count(rule: rule.id, customer: entry.customer, since: since)
            if recent >= limit.count {
                return (
                    .rejected,
                    "rejected: limit of \(limit.count) per customer in \(limit.periodDays) days reached (\(recent) already)"
                )
            }
        }
        if let budget = rule.budget {
            let spent = try ledger.spent(rule: rule.id)
            if let cap = budget.count, spent.count + 1 > cap {
                return (.rejected, "rejected: budget exhausted: \(spent.count) of \(cap) rewards granted")
            }
            if let cap = budget.value, spent.value + entry.value > cap {
                return (
                    .rejected,
                    "rejected: budget exhausted: \(spent.value.decimalString) of \(cap.decimalString) spent, "
                        + "\(entry.value.decimalString) more would exceed it"
                )
            }
        }
        if !verdict.holds.isEmpty {
            return (.held, "held for review: " + verdict.holds.joined(separator: "; "))
        }
        return (.issued, "")
    }

    private func earlierRefund(for entry: LedgerEntry, ledger: any LedgerReading) throws -> ReceivedRefund? {
        guard entry.status == .issued || entry.status == .held, let until = entry.clawbackUntil,
            let order = entry.order, let subject = entry.subject,
            let refund = try ledger.refund(customer: subject, order: order), refund.at <= until
        else { return nil }
        return refund
    }

    /// The entry that reverses `grant`, linked to it, for the refund of its order.
    static func reversal(of grant: LedgerEntry, by refund: ReceivedRefund) -> LedgerEntry {
        var reversal = LedgerEntry(
            id: "reversal:\(grant.id)", customer: grant.customer, rule: grant.rule, kind: grant.kind,
            value: Money(units: -grant.value.units), status: .reversed,
            reason: "order \(grant.order ?? "?") refunded at \(refund.at.rfc3339), within the clawback window",
            trigger: refund.trigger, candidate: refund.candidate, at: refund.at
        )
        reversal.ruleVersion = grant.ruleVersion
        reversal.reverses = grant.id
        reversal.subject = grant.subject
        return reversal
    }

    private func checks(_ verdict: FraudCheck.Verdict) -> [String] {
        verdict.passed.isEmpty ? [] : ["checks passed: " + verdict.passed.joined(separator: ", ")]
    }

    static func unmetCondition(_ conditions: RewardRule.Conditions, _ candidate: RewardCandidate) -> String? {
        if let minimum = conditions.minimumRating {
            guard let rating = candidate.rating else { return "no rating, the rule needs at least \(minimum)" }
            if rating < minimum { return "rating \(rating) is below \(minimum)" }
        }
        if let minimum = conditions.minimumOrderAmount {
            guard let amount = candidate.amount else {
                return "no order amount, the rule needs at least \(minimum.decimalString)"
            }
            if amount < minimum {
                return "order amount \(amount.decimalString) is below \(minimum.decimalString)"
            }
        }
        if !conditions.stages.isEmpty {
            guard let stage = candidate.stage, conditions.stages.contains(stage) else {
                return
                    "stage \(candidate.stage ?? "unknown") is not one of \(conditions.stages.joined(separator: ", "))"
            }
        }
        if !conditions.segments.isEmpty {
            guard let segment = candidate.segment, conditions.segments.contains(segment) else {
                return
                    "segment \(candidate.segment ?? "none") is not one of \(conditions.segments.joined(separator: ", "))"
            }
        }
        return nil
    }

    static func describe(_ candidate: RewardCandidate) -> String {
        switch candidate.kind {
        case .referralConverted:
            let order = candidate.order.map { " (order \($0))" } ?? ""
            return "referred \(candidate.referee ?? candidate.customer), who made a first purchase\(order)"
        case .goodReview: return "left a \(candidate.rating.map(String.init) ?? "good") star review"
        case .promoter: return "answered \(candidate.rating.map(String.init) ?? "9-10") on NPS"
        case .becameAdvocate: return "became an advocate"
        case .recoveredDetractor: return "answered as a promoter after a complaint was answered"
        case .orderRefunded: return "refunded order \(candidate.order ?? "?")"
        }
    }

    /// A refund reverses, once, what its order earned within each rule's clawback window.
    private func clawBack(_ candidate: RewardCandidate, ledger: any LedgerReading) throws -> RewardDecision {
        guard let order = candidate.order else { return RewardDecision(explanation: "a refund without an order") }
        let grants = try ledger.grants(subject: candidate.customer, order: order)
        guard !grants.isEmpty else {
            return RewardDecision(explanation: "no reward was granted for order \(order)")
        }
        var entries: [LedgerEntry] = []
        var notes: [String] = []
        for grant in grants {
            guard grant.status == .issued || grant.status == .held else {
                notes.append("\(grant.id): nothing to reverse, it is \(grant.status.rawValue)")
                continue
            }
            guard let until = grant.clawbackUntil else {
                notes.append("\(grant.id): its rule has no clawback")
                continue
            }
            guard candidate.at <= until else {
                notes.append(
                    "\(grant.id): refund at \(candidate.at.rfc3339) is after the clawback window (\(until.rfc3339))")
                continue
            }
            let reversal = Self.reversal(
                of: grant, by: ReceivedRefund(candidate: candidate.id, trigger: candidate.trigger, at: candidate.at))
            entries.append(reversal)
            notes.append("\(grant.id): reversed by \(reversal.id)")
        }
        return RewardDecision(entries: entries, explanation: notes.joined(separator: "\n"))
    }
}
