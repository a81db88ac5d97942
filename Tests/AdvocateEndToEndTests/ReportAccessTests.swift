import AdvocateTestSupport
import Foundation
import Testing

/// The report stage with a token: data endpoints need it; the dashboard page, the OpenAPI document and
/// `/healthz` stay open.
@Suite(.serialized) struct ReportAccessTests {
    @Test func dataEndpointsNeedTheTokenWhenOneIsConfigured() throws {
        let data = try TemporaryDirectory(prefix: "advocate-report-access")
        defer { data.remove() }
        let port = FreePort.next()
        let base = "http://127.0.0.1:\(port)"
        let report = try StageProcess(
            "advocate-report", arguments: ["--data", data.path, "--http-port", "\(port)", "--sla-minutes", "30"],
            name: "report", logDirectory: data.path, environment: ["ADVOCATE_REPORT_TOKEN": "s3cret"]
        )
        try Eventually.that("report to answer", timeout: 30) { try HTTPClient.get(base + "/healthz").status == 200 }
        let authorized = ["Authorization": "Bearer s3cret"]
        for path in [
            "/v1/summary", "/v1/metrics/nps?by=week", "/v1/ladder", "/v1/alerts/queue", "/v1/notices", "/v1/referrals",
            "/v1/advocates", "/v1/topics", "/v1/rewards", "/v1/alerts",
        ] {
            #expect(try HTTPClient.get(base + path).status == 401, "\(path) without a token")
            #expect(
                try HTTPClient.get(base + path, headers: ["Authorization": "Bearer wrong"]).status == 401,
                "\(path) with a wrong token")
            #expect(try HTTPClient.get(base + path, headers: authorized).status == 200, "\(path) with the token")
        }
        for path in ["/", "/openapi.json", "/healthz"] {
            #expect(try HTTPClient.get(base + path).status == 200, "\(path) stays open")
        }
        // The OpenAPI document describes every data endpoint.
        let document = try HTTPClient.get(base + "/openapi.json").json()
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = Set((document["paths"] as? [String: Any] ?? [:]).keys)
        for path in [
            "/v1/summary", "/v1/metrics/{kind}", "/v1/ladder", "/v1/alerts", "/v1/alerts/queue", "/v1/notices",
            "/v1/rewards", "/v1/referrals", "/v1/advocates", "/v1/customers/{id}", "/v1/topics",
        ] {
            #expect(paths.contains(path), "openapi.json lacks \(path)")
        }
        // The configured SLA applies; an empty data directory reads as an empty queue.
        let queue = try HTTPClient.get(base + "/v1/alerts/queue", headers: authorized).json()
        #expect(queue["sla_minutes"] as? Int == 30)
        #expect(queue["open"] as? Int == 0)
        let csv = try HTTPClient.get(base + "/v1/ladder?format=csv", headers: authorized)
        #expect(csv.headers.first { $0.key.lowercased() == "content-type" }?.value.hasPrefix("text/csv") == true)
        #expect(csv.text == "key,start,from,to,n\r\n")
        let stages = try HTTPClient.get(
            base + "/v1/ladder?table=stages", headers: authorized.merging(["Accept": "text/csv"]) { $1 })
        #expect(stages.text == "field,value\r\nsuspect,0\r\nprospect,0\r\ncustomer,0\r\nclient,0\r\nadvocate,0\r\n")
        #expect(try HTTPClient.get(base + "/v1/metrics/nps?by=hour", headers: authorized).status == 400)
        #expect(try report.terminate() == 0)
    }
}
