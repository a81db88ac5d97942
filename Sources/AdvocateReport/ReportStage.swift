import AdvocateCodec
import AdvocatePostgres
import AdvocateRuntime
import AdvocateStorage
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Assembles the report stage: the read-only view over the stores and the HTTP API.
public enum ReportStage {
    public static func services(
        configuration: ReportConfiguration, profiler: any CustomerProfiler = StoredStageProfiler(), logger: Logger
    ) throws -> [any Service] {
        let stores = try StoreFactory(
            dataDirectory: configuration.dataDirectory, databaseURL: configuration.databaseURL, logger: logger
        )
        let reader = stores.reportReader()
        let api = ReportAPI(
            reader: reader, profiler: profiler, token: configuration.token, slaMinutes: configuration.slaMinutes
        )
        let http = StageHTTPServer.make(
            host: configuration.httpHost, port: configuration.httpPort, registry: StageMetrics.bootstrap(),
            logger: logger, routes: RewardRoutes.alongside(api.register, configuration: configuration, stores: stores)
        )
        return [http]
    }
}

/// The report's HTTP routes.
public struct ReportAPI: Sendable {
    let reader: any ReportReader
    let profiler: any CustomerProfiler
    let token: String?
    let slaMinutes: Int
    let views = ReportViews()

    public init(reader: any ReportReader, profiler: any CustomerProfiler, token: String?, slaMinutes: Int = 60) {
        self.reader = reader
        self.profiler = profiler
        self.token = token
        self.slaMinutes = slaMinutes
    }

    /// Adds the data endpoints to `router`.
    public func register(_ router: Router<BasicRequestContext>) {
        // Request counts and durations per route, for the report's own /metrics.
        router.add(middleware: MetricsMiddleware())
        router.get("/v1/summary") { request, _ in
            try await guarded(request, table: nil) {
                views.summary(try reader.summary())
            }
        }
        router.get("/v1/customers/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await guarded(request, table: "explanation") {
                guard let record = try reader.customer(id) else {
                    throw ReportError.notFound("no customer \"\(id)\"")
                }
                var members: [(String, JSON)] = [("id", .string(id))]
                members += try profiler.profile(of: record)
                let alerts = try reader.alerts(customer: id, status: nil, limit: 1_000).map(views.alert)
                let notices = try reader.notices(customer: id).map(views.notice)
                let rewards = try reader.rewards(customer: id, limit: 1_000).map(views.reward)
                members += [("alerts", .array(alerts)), ("notices", .array(notices)), ("rewards", .array(rewards))]
                return .object(members)
            }
        }
        router.get("/v1/alerts") { request, _ in
            let status = request.uri.queryParameters.get("status")
            let customer = request.uri.queryParameters.get("customer")
            return try await guarded(request, table: "alerts") {
                .object([
                    (
                        "alerts",
                        .array(try reader.alerts(customer: customer, status: status, limit: 10_000).map(views.alert))
                    )
                ])
            }
        }
        router.get("/v1/metrics/:kind") { request, context in
            let kind = context.parameters.get("kind") ?? ""
            let by = request.uri.queryParameters.get("by")
            return try await guarded(request, table: by == nil ? nil : "groups") {
                try surveyReport(kind: kind, by: by)
            }
        }
        router.get("/v1/rewards") { request, _ in
            let customer = request.uri.queryParameters.get("customer")
            let limitText = request.uri.queryParameters.get("limit")
            return try await guarded(request, table: "rewards") {
                var limit = 10_000
                if let limitText {
                    guard let value = Int(limitText), (0...10_000).contains(value) else {
                        throw ReportError.badRequest(
                            "limit must be a whole number from 0 to 10000, not \"\(limitText)\"")
                    }
                    limit = value
                }
                let entries = limit > 0 ? try reader.rewards(customer: customer, limit: limit) : []
                // One customer's totals are those of their entries; everyone's come from the ledger as a whole.
                var totals: [String: RewardTotal] = [:]
                if customer != nil {
                    for entry in try reader.rewards(customer: customer, limit: Int.max) {
                        let total = totals[entry.status.rawValue] ?? RewardTotal(count: 0, value: .zero)
                        totals[entry.status.rawValue] = RewardTotal(
                            count: total.count + 1, value: total.value + entry.value)
                    }
                } else {
                    totals = try reader.rewardTotals()
                }
                return .object([
                    ("rewards", .array(entries.map(views.reward))), ("by_status", views.rewardTotals(totals)),
                ])
            }
        }
        registerAnalytics(router)
    }

    /// Checks the token, runs the blocking read off the cooperative pool, and renders the result or error: as
    /// JSON, or as CSV when asked (`?format=csv` or `Accept: text/csv`).
    ///
    /// - Parameter table: the member whose rows the CSV holds by default (`?table=` picks another); nil for a
    ///   field/value listing of the whole object.
    func guarded(
        _ request: Request, table: String? = nil, _ body: @escaping @Sendable () throws -> JSON
    ) async throws -> Response {
        if let token, request.headers[.authorization] != "Bearer \(token)" {
            return Self.response(.unauthorized, .object([("error", .string("missing or wrong bearer token"))]))
        }
        let format = request.uri.queryParameters.get("format")
        let csv = format == "csv" || (format == nil && request.headers[.accept]?.contains("text/csv") == true)
        do {
            if let format, format != "csv", format != "json" {
                throw ReportError.badRequest("unknown format \"\(format)\"; use csv or json")
            }
            let json = try await BlockingWork.run(body)
            guard csv else { return Self.response(.ok, json) }
            let table = try Self.table(
                of: json, member: request.uri.queryParameters.get("table") ?? table)
            return Response(
                status: .ok, headers: [.contentType: "text/csv; charset=utf-8; header=present"],
                body: .init(byteBuffer: ByteBuffer(string: table.text))
            )
        } catch let error as ReportError {
            return Self.response(error.status, .object([("error", .string(error.message))]))
        }
    }

    /// The columns of each list when it has no rows.
    static let emptyColumns: [String: [String]] = [
        "alerts": [
            "id", "customer", "trigger", "status", "severity", "reason", "channel", "opened_at", "closed_at",
            "response_seconds", "excerpt",
        ],
        "rewards": ["id", "customer", "rule", "kind", "value", "status", "reason", "trigger", "at"],
        "explanation": ["score", "event", "type", "delta", "reason"],
        "groups": ["key", "n", "denominator"],
        "transitions": ["from", "to", "n"], "flows": ["key", "start", "from", "to", "n"],
        "by_disruption": ["disruption", "what", "at", "notices"],
        "top": ["id", "advocacy", "flags", "scores.loyalty", "scores.advocacy", "scores.effort", "scores.sentiment"],
        "suggestions": ["topic", "n", "customers", "examples"], "complaints": ["topic", "n", "customers", "examples"],
    ]

    /// The CSV of `member` of `json`: an array's items as rows, an object as field/value rows.
    static func table(of json: JSON, member: String?) throws -> CSVTable {
        guard let member else { return CSVTable(flattening: json) }
        guard case .object(let members) = json, let value = members.first(where: { $0.0 == member })?.1 else {
            let names: [String]
            if case .object(let members) = json { names = members.map(\.0) } else { names = [] }
            throw ReportError.badRequest(
                "no table \"\(member)\" here; there are \(names.joined(separator: ", "))"
            )
        }
        if case .array(let items) = value {
            let table = CSVTable(records: items)
            // An empty list still says what its columns would be.
            return table.columns.isEmpty ? CSVTable(columns: emptyColumns[member] ?? [], rows: []) : table
        }
        return CSVTable(flattening: value)
    }

    static func response(_ status: HTTPResponse.Status, _ json: JSON) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: json.rendered))
        )
    }
}

/// A report request that cannot be answered.
enum ReportError: Error {
    case notFound(String)
    case badRequest(String)

    var status: HTTPResponse.Status {
        switch self {
        case .notFound: .notFound
        case .badRequest: .badRequest
        }
    }

    var message: String {
        switch self {
        case .notFound(let message), .badRequest(let message): message
        }
    }
}
