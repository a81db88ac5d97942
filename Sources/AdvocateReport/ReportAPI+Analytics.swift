import AdvocateCodec
import AdvocateStorage
import Foundation
import Hummingbird
import NIOCore

/// The routes behind the dashboard: survey series, the ladder, the alert queue, notices, referrals, top
/// advocates and what customers ask to change; plus the dashboard page and the OpenAPI document.
extension ReportAPI {
    func registerAnalytics(_ router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: Dashboard.html))
            )
        }
        router.get("/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.text))
            )
        }
        router.get("/v1/ladder") { request, _ in
            let by = request.uri.queryParameters.get("by") ?? "month"
            return try await guarded(request, table: "flows") {
                guard let bucket = TimeBucket(rawValue: by) else {
                    throw ReportError.badRequest("unknown period \"\(by)\"; use day, week or month")
                }
                return LadderReport().report(
                    stages: try reader.summary().customersByStage, transitions: try reader.transitions(), bucket: bucket
                )
            }
        }
        router.get("/v1/alerts/queue") { request, _ in
            let sla = request.uri.queryParameters.get("sla_minutes")
            let asOf = request.uri.queryParameters.get("as_of")
            return try await guarded(request, table: "open_by_age") {
                try alertQueue(slaText: sla, asOfText: asOf)
            }
        }
        router.get("/v1/notices") { request, _ in
            try await guarded(request, table: "by_disruption") {
                let rows = try reader.noticesByDisruption()
                return .object([
                    ("total", .int(rows.reduce(0) { $0 + $1.notices })), ("disruptions", .int(rows.count)),
                    (
                        "by_disruption",
                        .array(
                            rows.map { row in
                                .object([
                                    ("disruption", .string(row.disruption)), ("what", .string(row.what)),
                                    ("at", .string(row.at.rfc3339)), ("notices", .int(row.notices)),
                                ])
                            }
                        )
                    ),
                ])
            }
        }
        router.get("/v1/referrals") { request, _ in
            try await guarded(request, table: nil) {
                let counts = try reader.referralCounts()
                let rate: JSON =
                    counts.sent > 0
                    ? .double(SurveyMetrics.rounded(100 * Double(counts.converted) / Double(counts.sent)))
                    : .null
                return .object([
                    ("sent", .int(counts.sent)), ("converted", .int(counts.converted)), ("conversion_rate", rate),
                ])
            }
        }
        router.get("/v1/advocates") { request, _ in
            let limitText = request.uri.queryParameters.get("limit")
            return try await guarded(request, table: "top") {
                try topAdvocates(limit: try Self.limit(limitText, default: 10))
            }
        }
        router.get("/v1/topics") { request, _ in
            let limitText = request.uri.queryParameters.get("limit")
            return try await guarded(request, table: "complaints") {
                TopicRanking(limit: try Self.limit(limitText, default: 20)).report(try reader.topics())
            }
        }
    }

    /// `/v1/metrics/{kind}`, overall or grouped.
    func surveyReport(kind: String, by: String?) throws -> JSON {
        guard let breakdown = SurveyBreakdown(kind: kind) else {
            throw ReportError.notFound("no metric \"\(kind)\"; there are nps, csat and ces")
        }
        guard let by else { return breakdown.figures(try reader.surveyScores(kind: kind)) }
        guard let grouping = SurveyBreakdown.Grouping(by) else {
            throw ReportError.badRequest("unknown grouping \"\(by)\"; use day, week, month, segment or channel")
        }
        let segments = grouping == .segment ? try reader.customerSegments() : [:]
        return breakdown.report(try reader.surveys(kind: kind), grouping: grouping, segments: segments)
    }

    func alertQueue(slaText: String?, asOfText: String?) throws -> JSON {
        var minutes = slaMinutes
        if let slaText {
            guard let value = Int(slaText), value > 0 else {
                throw ReportError.badRequest(
                    "sla_minutes must be a whole number of minutes above 0, not \"\(slaText)\"")
            }
            minutes = value
        }
        let asOf: Timestamp
        if let asOfText {
            do {
                asOf = try Timestamp(rfc3339: asOfText)
            } catch {
                throw ReportError.badRequest("as_of must be an RFC 3339 time, not \"\(asOfText)\": \(error)")
            }
        } else {
            asOf = Timestamp(microseconds: Int64(Date().timeIntervalSince1970 * 1_000_000))
        }
        return AlertQueue(slaMinutes: minutes).report(
            try reader.alerts(customer: nil, status: nil, limit: Int.max), asOf: asOf
        )
    }

    /// The advocates with the highest advocacy score (ties by id), each with what made them advocates.
    func topAdvocates(limit: Int) throws -> JSON {
        var ranked: [(id: String, advocacy: Double, members: [(String, JSON)])] = []
        for record in try reader.customers(stage: "advocate") {
            let members = try profiler.profile(of: record)
            var advocacy = 0.0
            if case .object(let scores)? = members.first(where: { $0.0 == "scores" })?.1,
                case .double(let value)? = scores.first(where: { $0.0 == "advocacy" })?.1
            {
                advocacy = value
            }
            ranked.append((record.id, advocacy, members))
        }
        ranked.sort { $0.advocacy != $1.advocacy ? $0.advocacy > $1.advocacy : $0.id < $1.id }
        let top = ranked.prefix(limit).map { entry -> JSON in
            var members: [(String, JSON)] = [("id", .string(entry.id)), ("advocacy", .double(entry.advocacy))]
            for (name, value) in entry.members where name != "stage" {
                if name == "explanation", case .array(let lines) = value {
                    // Why they are advocates: the lines that moved their advocacy score.
                    members.append((name, .array(lines.filter(Self.isAdvocacyLine))))
                } else {
                    members.append((name, value))
                }
            }
            return .object(members)
        }
        return .object([("advocates", .int(ranked.count)), ("top", .array(Array(top)))])
    }

    static func isAdvocacyLine(_ line: JSON) -> Bool {
        guard case .object(let members) = line else { return false }
        return members.contains { $0.0 == "score" && $0.1 == .string("advocacy") }
    }

    static func limit(_ text: String?, default fallback: Int) throws -> Int {
        guard let text else { return fallback }
        guard let value = Int(text), (1...1_000).contains(value) else {
            throw ReportError.badRequest("limit must be a whole number from 1 to 1000, not \"\(text)\"")
        }
        return value
    }
}
