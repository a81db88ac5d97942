import AdvocateStorage
import AdvocateTestSupport
import Foundation
import Testing

/// A hand-built scenario of five customers through the real executables, with every expected stage, flag,
/// alert, notice and reward candidate written out.
@Suite(.serialized) struct ScenarioTests {
    static let events = """
        {"id":"p-1","type":"purchase","customer":"c-1","at":"2026-03-01T10:00:00Z","order":"o-1","amount":420,"currency":"EUR","segment":"route:LHR-JFK"}
        {"id":"p-4","type":"purchase","customer":"c-4","at":"2026-03-02T10:00:00Z","order":"o-4","amount":380,"currency":"EUR","segment":"route:LHR-JFK"}
        {"id":"f-1","type":"referral","customer":"c-1","at":"2026-03-04T10:00:00Z","code":"REF-c-1","referee":"c-2"}
        {"id":"g-2","type":"signup","customer":"c-2","at":"2026-03-05T10:00:00Z","referred_by":"REF-c-1","email":"c2@example.com"}
        {"id":"p-3","type":"purchase","customer":"c-2","at":"2026-03-06T10:00:00Z","order":"o-3","amount":99,"currency":"EUR","segment":"route:LHR-JFK"}
        {"id":"m-1","type":"mention","customer":"c-3","at":"2026-03-07T09:00:00Z","channel":"twitter","text":"On hold for 40 minutes again and still no refund","reach":5000}
        {"id":"a-1","type":"reply","customer":"c-3","at":"2026-03-07T09:12:00Z","to":"m-1"}
        {"id":"d-1","type":"disruption","at":"2026-03-09T06:00:00Z","what":"LHR-JFK flights delayed 3 hours","segment":"route:LHR-JFK"}
        {"id":"d-2","type":"disruption","at":"2026-03-09T07:00:00Z","what":"Lounge closed today","customers":["c-3"]}
        {"id":"w-1","type":"review","customer":"c-5","at":"2026-03-10T18:00:00Z","platform":"trustpilot","rating":5,"text":"Great service, friendly crew"}
        {"id":"p-2","type":"purchase","customer":"c-1","at":"2026-03-20T10:00:00Z","order":"o-2","amount":410,"currency":"EUR","segment":"route:JFK-LHR"}
        {"id":"v-1","type":"survey","customer":"c-1","at":"2026-03-21T12:00:00Z","kind":"nps","score":10,"comment":"Always a pleasure"}
        {"id":"m-2","type":"mention","customer":"c-4","at":"2026-03-22T08:00:00Z","channel":"twitter","text":"Where is my bag? Third time I've asked","reach":300}
        """

    @Test func everyOutputOfTheScenarioIsExactlyAsExpected() throws {
        let stack = try LocalStack(prefix: "advocate-scenario")
        defer { stack.data.remove() }
        try stack.start()
        let reply = try HTTPClient.post(stack.ingestHTTP + "/v1/events", body: Data(Self.events.utf8)).json()
        #expect(reply["accepted"] as? Int == 13)
        _ = try stack.settledSummary()
        let reader = SQLiteReportReader(directory: DataDirectory(path: stack.data.path))
        // The referral crosses partitions (code, conversion, referrer) and reward works asynchronously.
        let snapshot = try Eventually.value("the pipeline to come to rest", timeout: 30) { () -> StoreSnapshot? in
            let snapshot = try reader.snapshot()
            return snapshot.inFlight == 0 && snapshot.received == snapshot.candidates ? snapshot : nil
        }

        func profile(_ id: String) throws -> [String: Any] {
            try HTTPClient.get(stack.reportHTTP + "/v1/customers/\(id)").json()
        }
        let expectedStages = [
            "c-1": "advocate", "c-2": "customer", "c-3": "suspect", "c-4": "customer", "c-5": "suspect",
        ]
        for (customer, stage) in expectedStages {
            #expect(try profile(customer)["stage"] as? String == stage, "stage of \(customer)")
        }
        let c1 = try profile("c-1")
        #expect(c1["flags"] as? [String] == ["promoter"], "c-1: \(c1)")
        // c-4's bag complaint is public and unanswered.
        #expect(try profile("c-4")["flags"] as? [String] == ["detractor"])
        // c-3 was answered within 12 minutes: no longer a detractor.
        #expect((try profile("c-3")["flags"] as? [String])?.contains("detractor") == false)

        #expect(snapshot.alerts == ["alert:m-1": "closed/720", "alert:m-2": "open/-"])
        let c3Alerts = try #require(try profile("c-3")["alerts"] as? [[String: Any]])
        #expect(c3Alerts.first?["response_seconds"] as? Int == 720)
        // Both a hold time and a refund are named; the refund is the more specific reason.
        #expect(c3Alerts.first?["reason"] as? String == "refund_or_billing")
        let c4Alerts = try #require(try profile("c-4")["alerts"] as? [[String: Any]])
        #expect(c4Alerts.first?["reason"] as? String == "lost_or_damaged")

        // The segment disruption reaches everyone who bought LHR-JFK before it; the named one, c-3.
        #expect(
            snapshot.notices == ["notice:d-1:c-1", "notice:d-1:c-2", "notice:d-1:c-4", "notice:d-2:c-3"]
        )
        let notices = try #require(try profile("c-4")["notices"] as? [[String: Any]])
        #expect(notices.map { $0["disruption"] as? String } == ["d-1"])

        #expect(
            snapshot.candidates
                == [
                    "referral_converted:p-3", "promoter:v-1", "good_review:w-1", "became_advocate:p-2",
                ]
        )
        #expect(snapshot.ledger["referral-bonus:p-3"] == "issued/100000")
        #expect(snapshot.ledger["review-thanks:w-1"] == "issued/1000000")
        let bonus = try #require(
            try HTTPClient.get(stack.reportHTTP + "/v1/rewards?customer=c-1").json()["rewards"] as? [[String: Any]]
        )
        #expect(bonus.map { $0["rule"] as? String } == ["referral-bonus"])

        let statuses = try stack.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 })
    }
}
