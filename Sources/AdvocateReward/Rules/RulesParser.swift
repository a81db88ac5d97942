import AdvocateCodec
import Yams

/// Reads a rules file (YAML) into `RewardRules`, collecting every problem with its line rather than stopping
/// at the first, so that an operator fixes a file in one pass.
public struct RulesParser {
    /// Rules files are small; a larger one is a mistake (or not a rules file).
    public static let maximumBytes = 1 << 20

    private var issues: [RulesError.Issue] = []
    private let source: String

    private init(source: String) {
        self.source = source
    }

    /// Parses `text`.
    /// - Parameter source: the file's name, for messages.
    /// - Throws: `RulesError` listing every problem found, each with its line.
    public static func parse(_ text: String, source: String) throws(RulesError) -> RewardRules {
        var parser = RulesParser(source: source)
        guard text.utf8.count <= maximumBytes else {
            throw RulesError(
                source: source,
                issues: [.init(line: 0, message: "the file has \(text.utf8.count) bytes; at most \(maximumBytes)")])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw RulesError(source: source, issues: [Self.issue(error)])
        } catch {
            throw RulesError(source: source, issues: [.init(line: 0, message: "\(error)")])
        }
        let rules = parser.document(root)
        guard parser.issues.isEmpty, let rules else {
            throw RulesError(source: source, issues: parser.issues.sorted { $0.line < $1.line })
        }
        return rules
    }

    static func issue(_ error: YamlError) -> RulesError.Issue {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let where_ = context.map { "\($0.text) " } ?? ""
            return .init(line: mark.line, message: "not valid YAML: \(where_)\(problem)")
        default:
            return .init(line: 0, message: "not valid YAML: \(error)")
        }
    }

    // MARK: Document

    private mutating func document(_ root: Node?) -> RewardRules? {
        guard let root, let mapping = root.mapping else {
            issues.append(.init(line: root?.mark?.line ?? 1, message: "expected a mapping with a `rules` list"))
            return nil
        }
        let top = keys(mapping, allowed: ["fraud", "rules"], in: "the file")
        var fraud = RewardRules.Fraud()
        if let node = top["fraud"] { fraud = self.fraud(node) }
        guard let list = top["rules"] else {
            issues.append(.init(line: line(root), message: "missing `rules` (a list of rules)"))
            return nil
        }
        guard case .sequence(let sequence) = list else {
            issues.append(.init(line: line(list), message: "`rules` must be a list of rules"))
            return nil
        }
        var rules: [RewardRule] = []
        var seen: [String: Int] = [:]
        for node in sequence {
            guard let rule = rule(node) else { continue }
            if let first = seen[rule.id] {
                issues.append(
                    .init(
                        line: line(node), message: "rule id \"\(rule.id)\" is already used by the rule at line \(first)"
                    ))
                continue
            }
            seen[rule.id] = line(node)
            rules.append(rule)
        }
        return RewardRules(rules: rules, fraud: fraud, source: source)
    }

    private mutating func fraud(_ node: Node) -> RewardRules.Fraud {
        var fraud = RewardRules.Fraud()
        guard let mapping = mapping(node, "fraud") else { return fraud }
        let fields = keys(mapping, allowed: ["max_referrals_per_day", "shared_contacts"], in: "fraud")
        if let value = fields["max_referrals_per_day"], let count = integer(value, "max_referrals_per_day", minimum: 1)
        {
            fraud.maximumReferralsPerDay = count
        }
        if let value = fields["shared_contacts"], let text = text(value, "shared_contacts") {
            switch text {
            case "hold": fraud.holdSharedContacts = true
            case "reject": fraud.holdSharedContacts = false
            default:
                issues.append(.init(line: line(value), message: "shared_contacts is \"\(text)\"; use hold or reject"))
            }
        }
        return fraud
    }

    // MARK: Rule

    private static let ruleKeys = [
        "id", "trigger", "recipient", "reward", "conditions", "limit", "budget", "valid_from", "valid_until",
        "clawback_days",
    ]

    private mutating func rule(_ node: Node) -> RewardRule? {
        guard let mapping = mapping(node, "a rule") else { return nil }
        let fields = keys(mapping, allowed: Self.ruleKeys, in: "a rule")
        let before = issues.count
        let id = required(fields, "id", node).flatMap { text($0, "id") }
        if let id, id.isEmpty || id.count > 64 || id.contains(where: { $0.isWhitespace || $0 == ":" }) {
            issues.append(
                .init(
                    line: line(fields["id"] ?? node),
                    message: "rule id \"\(id)\" must be 1-64 characters without spaces or colons"))
        }
        let triggerNode = required(fields, "trigger", node)
        let trigger = triggerNode.flatMap { self.trigger($0) }
        let recipientNode = required(fields, "recipient", node)
        let recipient = recipientNode.flatMap { self.recipient($0) }
        let rewardNode = required(fields, "reward", node)
        let reward = rewardNode.flatMap { self.reward($0) }
        // Every section is read even when a required field is bad, so that all problems are reported at once.
        let conditions = fields["conditions"].map { self.conditions($0) } ?? RewardRule.Conditions()
        let limit = fields["limit"].flatMap { self.limit($0) }
        let budget = fields["budget"].flatMap { self.budget($0) }
        let validFrom = fields["valid_from"].flatMap { time($0, "valid_from") }
        let validUntil = fields["valid_until"].flatMap { time($0, "valid_until") }
        if let from = validFrom, let until = validUntil, from >= until {
            issues.append(
                .init(
                    line: line(fields["valid_until"] ?? node),
                    message: "valid_until \(until.rfc3339) is not after valid_from \(from.rfc3339)"))
        }
        let clawbackDays = fields["clawback_days"].flatMap { integer($0, "clawback_days", minimum: 1) }
        if let days = fields["clawback_days"], let trigger, trigger != .referralConverted {
            issues.append(
                .init(
                    line: line(days),
                    message: "clawback_days needs an order behind the reward: only trigger referral_converted has one"
                ))
        }
        if let recipient, let trigger, recipient != .customer && trigger != .referralConverted {
            issues.append(
                .init(
                    line: line(fields["recipient"] ?? node),
                    message: "recipient \(recipient.rawValue) only exists for trigger referral_converted"))
        }
        guard let id, let trigger, let recipient, let reward, issues.count == before else { return nil }
        var rule = RewardRule(id: id, trigger: trigger, recipient: recipient, reward: reward)
        rule.conditions = conditions
        rule.limit = limit
        rule.budget = budget
        rule.validFrom = validFrom
        rule.validUntil = validUntil
        rule.clawbackDays = clawbackDays
        rule.version = Self.fingerprint(rule)
        return rule
    }

    private mutating func trigger(_ node: Node) -> RewardCandidate.Kind? {
        guard let text = text(node, "trigger") else { return nil }
        let triggers = RewardCandidate.Kind.allCases.filter { $0 != .orderRefunded }
        guard let kind = RewardCandidate.Kind(rawValue: text), kind != .orderRefunded else {
            issues.append(
                .init(
                    line: line(node),
                    message: "unknown trigger \"\(text)\"; use one of "
                        + triggers.map(\.rawValue).joined(separator: ", ")))
            return nil
        }
        return kind
    }

    private mutating func recipient(_ node: Node) -> RewardRule.Recipient? {
        guard let text = text(node, "recipient") else { return nil }
        guard let recipient = RewardRule.Recipient(rawValue: text) else {
            issues.append(
                .init(
                    line: line(node),
                    message: "unknown recipient \"\(text)\"; use one of "
                        + RewardRule.Recipient.allCases.map(\.rawValue).joined(separator: ", ")))
            return nil
        }
        return recipient
    }

    private mutating func reward(_ node: Node) -> RewardRule.Reward? {
        guard let mapping = mapping(node, "reward") else { return nil }
        let fields = keys(mapping, allowed: ["kind", "amount", "percent", "currency", "gift", "value"], in: "reward")
        guard let kindNode = required(fields, "kind", node), let kind = text(kindNode, "kind") else { return nil }
        let currency = fields["currency"].flatMap { text($0, "currency") }
        func forbid(_ keys: [String]) {
            for key in keys where fields[key] != nil {
                issues.append(.init(line: line(fields[key] ?? node), message: "a \(kind) reward has no `\(key)`"))
            }
        }
        switch kind {
        case "points":
            forbid(["percent", "currency", "gift", "value"])
            return required(fields, "amount", node).flatMap { money($0, "amount") }.map { .points($0) }
        case "credit":
            forbid(["percent", "gift", "value"])
            return required(fields, "amount", node).flatMap { money($0, "amount") }.map {
                .credit($0, currency: currency)
            }
        case "coupon":
            forbid(["gift", "value"])
            switch (fields["amount"], fields["percent"]) {
            case (let amount?, nil):
                return money(amount, "amount").map { .couponAmount($0, currency: currency) }
            case (nil, let percent?):
                if fields["currency"] != nil {
                    issues.append(
                        .init(line: line(fields["currency"] ?? node), message: "a percentage coupon has no currency"))
                }
                guard let value = money(percent, "percent") else { return nil }
                guard value <= Money(units: 100 * Money.scale) else {
                    issues.append(.init(line: line(percent), message: "percent \(value.decimalString) is over 100"))
                    return nil
                }
                return .couponPercent(value)
            default:
                issues.append(.init(line: line(node), message: "a coupon needs exactly one of `amount` or `percent`"))
                return nil
            }
        case "gift":
            forbid(["amount", "percent", "currency"])
            guard let name = required(fields, "gift", node).flatMap({ text($0, "gift") }) else { return nil }
            let value = fields["value"].flatMap { money($0, "value") } ?? .zero
            return .gift(name, value: value)
        default:
            issues.append(
                .init(
                    line: line(kindNode), message: "unknown reward kind \"\(kind)\"; use points, coupon, credit or gift"
                ))
            return nil
        }
    }

    private mutating func conditions(_ node: Node) -> RewardRule.Conditions {
        var conditions = RewardRule.Conditions()
        guard let mapping = mapping(node, "conditions") else { return conditions }
        let fields = keys(
            mapping, allowed: ["min_rating", "min_order_amount", "stages", "segments"], in: "conditions")
        if let value = fields["min_rating"] {
            conditions.minimumRating = integer(value, "min_rating", minimum: 0)
            if let rating = conditions.minimumRating, rating > 10 {
                issues.append(.init(line: line(value), message: "min_rating \(rating) is over 10"))
            }
        }
        if let value = fields["min_order_amount"] { conditions.minimumOrderAmount = money(value, "min_order_amount") }
        if let value = fields["stages"] {
            conditions.stages = strings(value, "stages")
            let known = ["suspect", "prospect", "customer", "client", "advocate"]
            for stage in conditions.stages where !known.contains(stage) {
                issues.append(
                    .init(
                        line: line(value),
                        message: "unknown stage \"\(stage)\"; use \(known.joined(separator: ", "))"))
            }
        }
        if let value = fields["segments"] { conditions.segments = strings(value, "segments") }
        return conditions
    }

    private mutating func limit(_ node: Node) -> RewardRule.Limit? {
        guard let mapping = mapping(node, "limit") else { return nil }
        let fields = keys(mapping, allowed: ["count", "period_days"], in: "limit")
        guard let count = required(fields, "count", node).flatMap({ integer($0, "count", minimum: 1) }),
            let days = required(fields, "period_days", node).flatMap({ integer($0, "period_days", minimum: 1) })
        else { return nil }
        return RewardRule.Limit(count: count, periodDays: days)
    }

    private mutating func budget(_ node: Node) -> RewardRule.Budget? {
        guard let mapping = mapping(node, "budget") else { return nil }
        let fields = keys(mapping, allowed: ["amount", "count"], in: "budget")
        let budget = RewardRule.Budget(
            value: fields["amount"].flatMap { money($0, "amount") },
            count: fields["count"].flatMap { integer($0, "count", minimum: 0) }
        )
        if fields.isEmpty {
            issues.append(.init(line: line(node), message: "a budget needs `amount`, `count` or both"))
        }
        return budget
    }

    // MARK: Values

    private func line(_ node: Node) -> Int { node.mark?.line ?? 0 }

    private mutating func mapping(_ node: Node, _ what: String) -> Node.Mapping? {
        guard let mapping = node.mapping else {
            issues.append(.init(line: line(node), message: "\(what) must be a mapping of keys to values"))
            return nil
        }
        return mapping
    }

    /// The mapping's values by key; unknown and repeated keys are reported.
    private mutating func keys(_ mapping: Node.Mapping, allowed: [String], in what: String) -> [String: Node] {
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                issues.append(.init(line: line(key), message: "keys in \(what) must be plain words"))
                continue
            }
            guard allowed.contains(name) else {
                let suggestion = allowed.min { Self.distance($0, name) < Self.distance($1, name) }
                let hint =
                    suggestion.map { Self.distance($0, name) <= 2 ? "; did you mean `\($0)`?" : "" } ?? ""
                issues.append(
                    .init(
                        line: line(key),
                        message: "unknown key `\(name)` in \(what)\(hint) (known: \(allowed.joined(separator: ", ")))"))
                continue
            }
            if fields[name] != nil {
                issues.append(.init(line: line(key), message: "`\(name)` is given twice in \(what)"))
            }
            fields[name] = value
        }
        return fields
    }

    private mutating func required(_ fields: [String: Node], _ key: String, _ parent: Node) -> Node? {
        guard let node = fields[key] else {
            issues.append(.init(line: line(parent), message: "missing `\(key)`"))
            return nil
        }
        return node
    }

    private mutating func text(_ node: Node, _ key: String) -> String? {
        guard let scalar = node.scalar else {
            issues.append(.init(line: line(node), message: "`\(key)` must be a single value"))
            return nil
        }
        return scalar.string
    }

    private mutating func strings(_ node: Node, _ key: String) -> [String] {
        guard case .sequence(let sequence) = node else {
            issues.append(.init(line: line(node), message: "`\(key)` must be a list, e.g. [a, b]"))
            return []
        }
        return sequence.compactMap { text($0, key) }
    }

    private mutating func integer(_ node: Node, _ key: String, minimum: Int) -> Int? {
        guard let raw = text(node, key) else { return nil }
        guard let value = Int(raw), value >= minimum, value <= 1_000_000_000 else {
            issues.append(
                .init(line: line(node), message: "`\(key)` is \"\(raw)\"; expected a whole number ≥ \(minimum)"))
            return nil
        }
        return value
    }

    private mutating func money(_ node: Node, _ key: String) -> Money? {
        guard let raw = text(node, key) else { return nil }
        guard let value = try? Money(decimal: raw), value > .zero, value <= Money.maxEventAmount else {
            issues.append(
                .init(line: line(node), message: "`\(key)` is \"\(raw)\"; expected a positive decimal such as 10.50"))
            return nil
        }
        return value
    }

    private mutating func time(_ node: Node, _ key: String) -> Timestamp? {
        guard let raw = text(node, key) else { return nil }
        guard let time = try? Timestamp(rfc3339: raw) else {
            issues.append(
                .init(
                    line: line(node),
                    message: "`\(key)` is \"\(raw)\"; expected an RFC 3339 time such as 2026-01-01T00:00:00Z"))
            return nil
        }
        return time
    }

    /// Edit distance, for "did you mean" on misspelt keys.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// FNV-1a of the rule's definition: stable across processes and runs, and changed by any edit that
    /// changes what the rule does (not by comments or layout).
    static func fingerprint(_ rule: RewardRule) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in String(describing: rule).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
