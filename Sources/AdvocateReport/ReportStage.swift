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
        let reader = try StoreFactory(
            dataDirectory: configuration.dataDirectory, databaseURL: configuration.databaseURL, logger: logger
        ).reportReader()
        let api = ReportAPI(reader: reader, profiler: profiler, token: configuration.token)
        let http = StageHTTPServer.make(
            host: configuration.httpHost, port: configuration.httpPort, registry: StageMetrics.bootstrap(),
            logger: logger, routes: api.register
        )
        return [http]
    }
}

/// The report's HTTP routes.
public struct ReportAPI: Sendable {
    let reader: any ReportReader
    let profiler: any CustomerProfiler
    let token: String?
    let views = ReportViews()

    public init(reader: any ReportReader, profiler: any CustomerProfiler, token: String?) {
        self.reader = reader
        self.profiler = profiler
        self.token = token
    }

    /// Adds the data endpoints to `router`.
    public func register(_ router: Router<BasicRequestContext>) {
        router.get("/v1/summary") { request, _ in
            try await guarded(request) {
                views.summary(try reader.summary())
            }
        }
        router.get("/v1/customers/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await guarded(request) {
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
            return try await guarded(request) {
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
            return try await guarded(request) {
                switch kind {
                case "nps": return SurveyMetrics.nps(try reader.surveyScores(kind: "nps"))
                case "csat": return SurveyMetrics.csat(try reader.surveyScores(kind: "csat"))
                case "ces": return SurveyMetrics.ces(try reader.surveyScores(kind: "ces"))
                default: throw ReportError.notFound("no metric \"\(kind)\"; there are nps, csat and ces")
                }
            }
        }
        router.get("/v1/rewards") { request, _ in
            let customer = request.uri.queryParameters.get("customer")
            return try await guarded(request) {
                .object([("rewards", .array(try reader.rewards(customer: customer, limit: 10_000).map(views.reward)))])
            }
        }
    }

    /// Checks the token, runs the blocking read off the cooperative pool, and renders the result or error.
    private func guarded(_ request: Request, _ body: @escaping @Sendable () throws -> JSON) async throws -> Response {
        if let token, request.headers[.authorization] != "Bearer \(token)" {
            return Self.response(.unauthorized, .object([("error", .string("missing or wrong bearer token"))]))
        }
        do {
            return Self.response(.ok, try await BlockingWork.run(body))
        } catch let error as ReportError {
            return Self.response(error.status, .object([("error", .string(error.message))]))
        }
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

    var status: HTTPResponse.Status {
        switch self {
        case .notFound: .notFound
        }
    }

    var message: String {
        switch self {
        case .notFound(let message): message
        }
    }
}
