import AdvocateCodec
import AdvocatePostgres
import AdvocateRuntime
import AdvocateStorage
import Hummingbird
import NIOCore

/// The report's reward routes beyond `/v1/rewards`: held rewards, explanations, budgets and dead letters.
public struct RewardRoutes: Sendable {
    let reader: any RewardReportReading
    let token: String?

    public init(reader: any RewardReportReading, token: String?) {
        self.reader = reader
        self.token = token
    }

    /// The report's other routes followed by these, on the ledger of the configured store (the data directory's
    /// SQLite ledger, or the PostgreSQL database).
    public static func alongside(
        _ register: @escaping (Router<BasicRequestContext>) -> Void, configuration: ReportConfiguration,
        stores: StoreFactory
    ) -> (Router<BasicRequestContext>) -> Void {
        let routes = RewardRoutes(reader: stores.rewardReportReader(), token: configuration.token)
        return { router in
            register(router)
            routes.register(router)
        }
    }

    /// Adds `GET /v1/rewards/held`, `/v1/rewards/explain?customer=ID`, `/v1/rewards/budgets` and
    /// `/v1/rewards/dead-letters`.
    public func register(_ router: Router<BasicRequestContext>) {
        router.get("/v1/rewards/held") { request, _ in
            await guarded(request) {
                .object([("rewards", .array(try reader.rewards(status: .held, limit: 10_000).map(Self.entry)))])
            }
        }
        router.get("/v1/rewards/explain") { request, _ in
            let customer = request.uri.queryParameters.get("customer").map { String($0) }
            return await guarded(request) {
                guard let customer, !customer.isEmpty else {
                    throw RewardRouteError(message: "say which customer: /v1/rewards/explain?customer=ID")
                }
                let candidates = try reader.rewardExplanations(customer: customer, limit: 1_000).map { item in
                    JSON.object([
                        ("candidate", .string(item.candidate)), ("kind", .string(item.kind)),
                        ("customer", .string(item.customer)), ("referrer", .optional(item.referrer)),
                        ("trigger", .string(item.trigger)), ("at", .string(item.at.rfc3339)),
                        ("explanation", .string(item.explanation)),
                    ])
                }
                return .object([
                    ("customer", .string(customer)),
                    ("rewards", .array(try reader.rewardDetails(customer: customer, limit: 1_000).map(Self.entry))),
                    ("candidates", .array(candidates)),
                ])
            }
        }
        router.get("/v1/rewards/budgets") { request, _ in
            await guarded(request) {
                .object([("budgets", .array(try reader.rewardBudgets().map(Self.budget)))])
            }
        }
        router.get("/v1/rewards/dead-letters") { request, _ in
            await guarded(request) {
                let letters = try reader.rewardDeadLetters(limit: 1_000).map { letter in
                    JSON.object([
                        ("idempotency_key", .string(letter.key)), ("event", .string(letter.event)),
                        ("attempts", .int(letter.attempts)), ("error", .optional(letter.lastError)),
                        ("at", .string(letter.at.rfc3339)),
                    ])
                }
                return .object([("dead_letters", .array(letters))])
            }
        }
    }

    /// A ledger entry with every detail: the shape of `/v1/rewards` plus version, code and reversal link.
    static func entry(_ entry: LedgerEntry) -> JSON {
        .object([
            ("id", .string(entry.id)), ("customer", .string(entry.customer)), ("rule", .string(entry.rule)),
            ("rule_version", .string(entry.ruleVersion)), ("kind", .string(entry.kind)),
            ("value", .money(entry.value)), ("status", .string(entry.status.rawValue)),
            ("reason", .string(entry.reason)), ("trigger", .string(entry.trigger)), ("at", .string(entry.at.rfc3339)),
            ("code", .optional(entry.code)), ("reverses", .optional(entry.reverses)),
        ])
    }

    static func budget(_ budget: BudgetStatus) -> JSON {
        .object([
            ("rule", .string(budget.rule)),
            (
                "limit",
                .object([
                    ("value", budget.limitValue.map(JSON.money) ?? .null),
                    ("count", budget.limitCount.map(JSON.int) ?? .null),
                ])
            ),
            ("spent", .object([("value", .money(budget.spentValue)), ("count", .int(budget.spentCount))])),
            (
                "remaining",
                .object([
                    ("value", budget.remainingValue.map(JSON.money) ?? .null),
                    ("count", budget.remainingCount.map(JSON.int) ?? .null),
                ])
            ),
        ])
    }

    private func guarded(_ request: Request, _ body: @escaping @Sendable () throws -> JSON) async -> Response {
        if let token, request.headers[.authorization] != "Bearer \(token)" {
            return Self.response(.unauthorized, .object([("error", .string("missing or wrong bearer token"))]))
        }
        do {
            return Self.response(.ok, try await BlockingWork.run(body))
        } catch let error as RewardRouteError {
            return Self.response(.badRequest, .object([("error", .string(error.message))]))
        } catch {
            return Self.response(.internalServerError, .object([("error", .string("\(error)"))]))
        }
    }

    static func response(_ status: HTTPResponse.Status, _ json: JSON) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: json.rendered)))
    }
}
