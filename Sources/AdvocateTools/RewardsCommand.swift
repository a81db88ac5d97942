import ArgumentParser
import Foundation

/// `advocate rewards`: what was granted and why, and the review of held rewards.
struct RewardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rewards", abstract: "List, explain, approve, reject and check rewards.",
        subcommands: [List.self, Explain.self, Approve.self, Reject.self, Check.self]
    )

    /// Where the report API and the reward stage are.
    struct Endpoints: ParsableArguments {
        @Option(help: "The report API (ADVOCATE_REPORT_URL).") var report: String?
        @Option(help: "Bearer token of the report API (ADVOCATE_REPORT_TOKEN).") var reportToken: String?
        @Option(help: "A reward stage's HTTP address (ADVOCATE_REWARD_URL).") var reward: String?
        @Option(help: "Bearer token of the reward stage (ADVOCATE_REWARD_TOKEN).") var rewardToken: String?

        private var environment: [String: String] { ProcessInfo.processInfo.environment }
        var reportURL: String { report ?? environment["ADVOCATE_REPORT_URL"] ?? "http://127.0.0.1:8080" }
        var reportBearer: String? { reportToken ?? environment["ADVOCATE_REPORT_TOKEN"] }
        var rewardURL: String { reward ?? environment["ADVOCATE_REWARD_URL"] ?? "http://127.0.0.1:8072" }
        var rewardBearer: String? { rewardToken ?? environment["ADVOCATE_REWARD_TOKEN"] }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List rewards (all, one customer's, or held ones).")
        @OptionGroup var endpoints: Endpoints
        @Option(help: "Only this customer's rewards.") var customer: String?
        @Flag(help: "Only rewards held for review.") var held = false

        func run() throws {
            let path =
                held
                ? "/v1/rewards/held"
                : "/v1/rewards" + (customer.map { "?customer=" + RewardsPrinter.escaped($0) } ?? "")
            let answer = try HTTPFetch.json(endpoints.reportURL + path, token: endpoints.reportBearer)
            var rewards = answer["rewards"] as? [[String: Any]] ?? []
            if held, let customer { rewards = rewards.filter { $0["customer"] as? String == customer } }
            print(RewardsPrinter.table(rewards))
        }
    }

    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Why a customer got, or did not get, each reward.")
        @OptionGroup var endpoints: Endpoints
        @Argument(help: "The customer id.") var customer: String

        func run() throws {
            let answer = try HTTPFetch.json(
                endpoints.reportURL + "/v1/rewards/explain?customer=" + RewardsPrinter.escaped(customer),
                token: endpoints.reportBearer)
            print(RewardsPrinter.explanation(answer))
        }
    }

    /// What approving and rejecting both take.
    struct Review: ParsableArguments {
        @OptionGroup var endpoints: Endpoints
        @Argument(help: "The reward id (its idempotency key).") var id: String
        @Option(help: "Why, kept in the ledger.") var note: String?

        func send(_ action: String) throws {
            print(try RewardsPrinter.review(endpoints, id: id, action: action, note: note))
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a held reward (once).")
        @OptionGroup var review: Review

        func run() throws { try review.send("approve") }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a held reward.")
        @OptionGroup var review: Review

        func run() throws { try review.send("reject") }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a coupon code.")
        @OptionGroup var endpoints: Endpoints
        @Argument(help: "The coupon code as the customer typed it.") var code: String

        func run() throws {
            let answer = try HTTPFetch.json(
                endpoints.rewardURL + "/v1/coupons/" + RewardsPrinter.escaped(code), token: endpoints.rewardBearer)
            if answer["valid"] as? Bool == true {
                print(
                    "valid: \(answer["code"] ?? code) is reward \(answer["reward"] ?? "?") of \(answer["customer"] ?? "?")"
                )
            } else {
                print("not valid: \(answer["reason"] as? String ?? "status \(answer["status"] ?? "?")")")
                throw ExitCode(1)
            }
        }
    }
}
