import AdvocateStorage
import Logging
import Synchronization

/// The rules in force, swapped whole on reload: a reload that finds a bad file logs every problem and keeps
/// the last good rules, so a typo never stops the stage or changes what it grants.
public final class RulesHolder: Sendable {
    private let current: Mutex<RewardRules>
    private let path: String?
    private let store: any RewardStore
    private let logger: Logger

    /// Loads the rules (throwing on a bad file: a stage must not start on rules it cannot read) and records
    /// their budgets in the ledger.
    public init(path: String?, store: any RewardStore, logger: Logger) throws {
        let rules = try RulesFile.load(path: path)
        self.current = Mutex(rules)
        self.path = path
        self.store = store
        self.logger = logger
        try store.setBudgets(Self.limits(rules))
        logger.info(
            "reward rules loaded",
            metadata: ["rules.source": "\(rules.source)", "rules.versions": "\(Self.versions(rules))"])
    }

    public var rules: RewardRules { current.withLock { $0 } }

    /// Reads the file again; keeps the current rules when it is bad.
    /// - Returns: whether the new rules are now in force.
    @discardableResult
    public func reload() -> Bool {
        do {
            let rules = try RulesFile.load(path: path)
            try store.setBudgets(Self.limits(rules))
            current.withLock { $0 = rules }
            logger.notice(
                "reward rules reloaded",
                metadata: ["rules.source": "\(rules.source)", "rules.versions": "\(Self.versions(rules))"])
            return true
        } catch {
            logger.error(
                "reward rules not reloaded, keeping the last good rules",
                metadata: ["rules.source": "\(path ?? "default rules")", "error": "\(error)"])
            return false
        }
    }

    static func limits(_ rules: RewardRules) -> [BudgetLimit] {
        rules.rules.compactMap { rule in
            rule.budget.map { BudgetLimit(rule: rule.id, value: $0.value, count: $0.count) }
        }
    }

    static func versions(_ rules: RewardRules) -> String {
        rules.rules.map { "\($0.id)@\($0.version)" }.joined(separator: ",")
    }
}
