import AdvocateStorage
import Logging
import Metrics

/// `advocate_reward_budget_remaining{rule, measure="value"|"count"}` on the stage's /metrics.
enum BudgetGauges {
    static func update(store: any RewardStore, logger: Logger) {
        do {
            for budget in try store.budgets() {
                if let value = budget.remainingValue {
                    Gauge(
                        label: "advocate_reward_budget_remaining",
                        dimensions: [("rule", budget.rule), ("measure", "value")]
                    )
                    .record(value.doubleValue)
                }
                if let count = budget.remainingCount {
                    Gauge(
                        label: "advocate_reward_budget_remaining",
                        dimensions: [("rule", budget.rule), ("measure", "count")]
                    )
                    .record(count)
                }
            }
        } catch {
            logger.warning("budget gauges not updated", metadata: ["error": "\(error)"])
        }
    }
}
