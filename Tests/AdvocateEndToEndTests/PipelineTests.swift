import AdvocateCodec
import AdvocateTestSupport
import Foundation
import Testing
import ZeroMQ

/// The real executables on loopback: events in over ZeroMQ and HTTP, exact numbers out of report,
/// specific errors for bad input, and a clean SIGTERM shutdown.
@Suite(.serialized) struct PipelineTests {
    /// Sends one request frame over a REQ socket and returns the JSON reply.
    static func request(_ endpoint: String, _ body: [UInt8], context: ZMQContext) throws -> [String: Any] {
        let socket = try Socket(.req, context: context)
        defer { socket.close() }
        try socket.setLinger(milliseconds: 0)
        try socket.setReceiveTimeout(milliseconds: 20_000)
        try socket.connect(endpoint)
        try socket.send(body)
        let reply = try #require(try socket.receive(), "no reply from ingest")
        return try #require(try JSONSerialization.jsonObject(with: Data(reply)) as? [String: Any])
    }

    static func request(_ endpoint: String, _ text: String, context: ZMQContext) throws -> [String: Any] {
        try request(endpoint, Array(text.utf8), context: context)
    }

    static func rejections(_ reply: [String: Any]) -> [[String: Any]] {
        reply["rejected"] as? [[String: Any]] ?? []
    }

    @Test func eventsFlowThroughAllStagesWithExactCounts() throws {
        let stack = try LocalStack()
        defer { stack.data.remove() }
        try stack.start()
        let context = try ZMQContext()

        // One event.
        var reply = try Self.request(
            stack.ingestEndpoint,
            #"{"id":"p-1","type":"purchase","customer":"c-1","at":"2026-11-01T10:00:00Z","order":"o-1","amount":42.50,"currency":"EUR","segment":"route:LHR-JFK"}"#,
            context: context
        )
        #expect(reply["accepted"] as? Int == 1)
        #expect(reply["duplicates"] as? Int == 0)
        #expect(Self.rejections(reply).isEmpty)

        // A JSON array.
        reply = try Self.request(
            stack.ingestEndpoint,
            """
            [{"id":"p-2","type":"purchase","customer":"c-1","at":"2026-11-03T10:00:00Z","order":"o-2","amount":10},
             {"id":"f-1","type":"referral","customer":"c-1","at":"2026-11-07T10:00:00Z","code":"REF-c-1","referee":"c-2"},
             {"id":"g-1","type":"signup","customer":"c-2","at":"2026-11-08T10:00:00Z","referred_by":"REF-c-1","email":"ann@example.com"}]
            """,
            context: context
        )
        #expect(reply["accepted"] as? Int == 3)

        // NDJSON with a bad line and a duplicate: the good ones are taken, the bad one named.
        reply = try Self.request(
            stack.ingestEndpoint,
            """
            {"id":"p-3","type":"purchase","customer":"c-2","at":"2026-11-09T10:00:00Z","order":"o-3","amount":99.99}
            {"id":"m-1","type":"mention","customer":"c-3","at":"2026-11-05T07:00:00Z","channel":"twitter","text":"On hold for 40 minutes again","reach":1200}
            {"id":"p-bad","type":"purchase","customer":"c-9","at":"2026-13-01T10:00:00Z","order":"o-9","amount":1}
            {"id":"p-1","type":"purchase","customer":"c-1","at":"2026-11-01T10:00:00Z","order":"o-1","amount":42.50}
            """,
            context: context
        )
        #expect(reply["accepted"] as? Int == 2)
        #expect(reply["duplicates"] as? Int == 1)
        let lineErrors = Self.rejections(reply)
        #expect(lineErrors.count == 1)
        #expect(lineErrors.first?["index"] as? Int == 2)
        #expect(lineErrors.first?["id"] as? String == "p-bad")
        #expect(lineErrors.first?["reason"] as? String == "bad_timestamp")
        #expect((lineErrors.first?["error"] as? String)?.contains("at") == true)

        // Bad requests, each with its own specific error; ingest keeps serving.
        reply = try Self.request(stack.ingestEndpoint, #"{"id":"x","type":"#, context: context)
        #expect(Self.rejections(reply).first?["reason"] as? String == "malformed_json")
        #expect(reply["accepted"] as? Int == 0)
        reply = try Self.request(stack.ingestEndpoint, "[1, 2", context: context)
        #expect(reply["reason"] as? String == "malformed_json")
        reply = try Self.request(
            stack.ingestEndpoint,
            #"{"id":"p-4","type":"purchase","customer":"c-1","at":"2026-11-01T10:00:00Z","order":"o-4","amount":"12"}"#,
            context: context
        )
        #expect(Self.rejections(reply).first?["reason"] as? String == "wrong_type")
        #expect((Self.rejections(reply).first?["error"] as? String)?.contains("amount") == true)
        reply = try Self.request(
            stack.ingestEndpoint, #"{"id":"t-1","type":"teleport","customer":"c-1","at":"2026-11-01T10:00:00Z"}"#,
            context: context
        )
        #expect(Self.rejections(reply).first?["reason"] as? String == "unknown_type")
        #expect((Self.rejections(reply).first?["error"] as? String)?.contains("teleport") == true)
        var huge = Array(#"{"id":"big","type":"suggestion","customer":"c-1","at":"2026-11-01T10:00:00Z","text":""#.utf8)
        huge += [UInt8](repeating: UInt8(ascii: "a"), count: 12 << 20)
        huge += Array(#""}"#.utf8)
        reply = try Self.request(stack.ingestEndpoint, huge, context: context)
        #expect(reply["reason"] as? String == "too_large")

        // HTTP: NDJSON accepted, the same again is all duplicates, a bad event is a 400 naming the field.
        let ndjson = """
            {"id":"v-1","type":"survey","customer":"c-1","at":"2026-11-04T12:00:00Z","kind":"nps","score":7,"comment":"Fine"}
            {"id":"w-1","type":"review","customer":"c-4","at":"2026-11-06T18:00:00Z","platform":"trustpilot","rating":5,"text":"Great service"}
            {"id":"s-1","type":"support_contact","customer":"c-4","at":"2026-11-02T08:00:00Z","case":"k-1","channel":"phone"}
            """
        var http = try HTTPClient.post(stack.ingestHTTP + "/v1/events", body: Data(ndjson.utf8))
        #expect(http.status == 200)
        #expect(try http.json()["accepted"] as? Int == 3)
        http = try HTTPClient.post(stack.ingestHTTP + "/v1/events", body: Data(ndjson.utf8))
        #expect(try http.json()["duplicates"] as? Int == 3)
        http = try HTTPClient.post(
            stack.ingestHTTP + "/v1/events",
            body: Data(
                #"{"id":"v-2","type":"survey","customer":"c-1","at":"2026-11-04T12:00:00Z","kind":"nps","score":11}"#
                    .utf8)
        )
        #expect(http.status == 400)
        #expect(Self.rejections(try http.json()).first?["reason"] as? String == "out_of_range")

        // A binary frame of an unknown version on the worker socket gets a specific error back.
        let dealer = try Socket(.dealer, context: context)
        try dealer.setLinger(milliseconds: 0)
        try dealer.setReceiveTimeout(milliseconds: 10_000)
        try dealer.connect(stack.workEndpoint)
        try dealer.send([0xAD, 0x63, 0x01, 0x00])
        let errorFrame = try #require(try dealer.receive())
        guard case .error(let wireError) = try WireMessage(decoding: errorFrame) else {
            Issue.record("expected an error message")
            return
        }
        #expect(wireError.code == .malformed)
        #expect(wireError.message.contains("version"))
        dealer.close()

        // Report: exact counts once scoring has caught up.
        let summary = try stack.settledSummary()
        let events = try #require(summary["events"] as? [String: Any])
        #expect(
            events["accepted"] as? [String: Int]
                == [
                    "purchase": 3, "referral": 1, "signup": 1, "mention": 1, "survey": 1, "review": 1,
                    "support_contact": 1,
                ]
        )
        #expect(events["rejected"] as? Int == 7)
        let customers = try #require(summary["customers"] as? [String: Any])
        #expect(customers["total"] as? Int == 4)
        let stages = try #require(customers["by_stage"] as? [String: Int])
        // c-1 bought twice and referred a friend: an advocate; c-2 signed up and bought once.
        #expect(stages["advocate"] == 1)
        #expect(stages["client"] == 0)
        #expect(stages["customer"] == 1)
        #expect(stages["suspect"] == 2)
        #expect(stages["prospect"] == 0)

        // The model's outputs: the public complaint raised an alert, the 5-star review earned its thanks, and
        // c-2's first purchase converted c-1's referral: the bonus goes to the referrer, c-1.
        let alerts = try #require(summary["alerts"] as? [String: Int])
        #expect(alerts["open"] == 1)
        // Reward works through scoring's outbox asynchronously: wait for it.
        let rewarded = try Eventually.value("both rewards", timeout: 30) { () -> [String: Any]? in
            let rewards = try stack.summary()["rewards"] as? [String: Any]
            return (rewards?["issued"] as? Int ?? 0) >= 2 ? rewards : nil
        }
        #expect(rewarded["by_rule"] as? [String: Int] == ["review-thanks": 1, "referral-bonus": 1])
        #expect(rewarded["value"] as? Double == 110)
        let referrer = try HTTPClient.get(stack.reportHTTP + "/v1/rewards?customer=c-1").json()
        let referrerRewards = try #require(referrer["rewards"] as? [[String: Any]])
        #expect(referrerRewards.map { $0["rule"] as? String } == ["referral-bonus"])
        #expect(referrerRewards.first?["trigger"] as? String == "p-3")
        let complainer = try HTTPClient.get(stack.reportHTTP + "/v1/customers/c-3").json()
        #expect(complainer["stage"] as? String == "suspect")
        #expect((complainer["flags"] as? [String])?.contains("detractor") == true)
        let complainerAlerts = try #require(complainer["alerts"] as? [[String: Any]])
        #expect(complainerAlerts.count == 1)
        #expect(complainerAlerts.first?["trigger"] as? String == "m-1")
        #expect(complainerAlerts.first?["status"] as? String == "open")
        let reviewer = try HTTPClient.get(stack.reportHTTP + "/v1/rewards?customer=c-4").json()
        let reviewerRewards = try #require(reviewer["rewards"] as? [[String: Any]])
        #expect(reviewerRewards.map { $0["rule"] as? String } == ["review-thanks"])
        #expect(reviewerRewards.first?["trigger"] as? String == "w-1")
        #expect(try HTTPClient.get(stack.reportHTTP + "/v1/customers/nobody").status == 404)

        // The one NPS answer (7) is a passive: NPS 0 over one respondent.
        let nps = try HTTPClient.get(stack.reportHTTP + "/v1/metrics/nps").json()
        #expect(nps["n"] as? Int == 1)
        #expect(nps["passives"] as? Int == 1)
        #expect(nps["nps"] as? Double == 0)
        #expect((try HTTPClient.get(stack.reportHTTP + "/v1/metrics/csat").json())["n"] as? Int == 0)
        #expect(try HTTPClient.get(stack.reportHTTP + "/v1/metrics/loyalty").status == 404)

        // Rejections are counted by reason in ingest's metrics.
        let metrics = try HTTPClient.get(stack.ingestHTTP + "/metrics").text
        #expect(metrics.contains(#"advocate_ingest_rejected_total{reason="bad_timestamp"} 1"#))
        #expect(metrics.contains(#"advocate_ingest_rejected_total{reason="too_large"} 1"#))
        #expect(metrics.contains(#"advocate_ingest_wire_errors_total{reason="unsupported_version"} 1"#))

        let statuses = try stack.stop()
        #expect(statuses.count == 4)
        for (name, status) in statuses {
            #expect(status == 0, "\(name) exited with \(status)\n\(stack.logs)")
        }
    }
}
