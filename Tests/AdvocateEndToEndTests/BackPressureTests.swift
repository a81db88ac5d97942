import AdvocateTestSupport
import Foundation
import Testing
import ZeroMQ

/// A full pipeline pushes back instead of dropping: with nobody scoring and the backlog at its limit, ingest
/// answers "busy" and takes nothing of the request; once scoring catches up, the same request goes through.
@Suite(.serialized) struct BackPressureTests {
    static func events(_ range: ClosedRange<Int>) -> String {
        range.map {
            #"{"id":"bp-\#($0)","type":"purchase","customer":"c-\#($0 % 7)","at":"2026-11-01T10:00:00Z","order":"o-\#($0)","amount":1}"#
        }.joined(separator: "\n")
    }

    @Test func fullPipelineAnswersBusyAndTakesNothingUntilScoringCatchesUp() throws {
        let stack = try LocalStack(prefix: "advocate-busy")
        defer { stack.data.remove() }
        try stack.startIngest(extra: ["--max-backlog", "50"])
        try Eventually.that("ingest to answer", timeout: 30) {
            try HTTPClient.get(stack.ingestHTTP + "/healthz").status == 200
        }
        // No scoring worker: 60 journalled events are a backlog over the limit of 50.
        var reply = try HTTPClient.post(stack.ingestHTTP + "/v1/events", body: Data(Self.events(1...60).utf8))
        #expect(reply.status == 200)
        #expect(try reply.json()["accepted"] as? Int == 60)
        reply = try HTTPClient.post(stack.ingestHTTP + "/v1/events", body: Data(Self.events(61...70).utf8))
        #expect(reply.status == 429)
        #expect(reply.headers["retry-after"] != nil)
        #expect(try reply.json()["busy"] as? Bool == true)
        #expect((try reply.json()["retry_after_ms"] as? Int ?? 0) > 0)

        // Over ZeroMQ the same: one reply frame saying busy.
        let context = try ZMQContext()
        let socket = try Socket(.req, context: context)
        defer { socket.close() }
        try socket.setLinger(milliseconds: 0)
        try socket.setReceiveTimeout(milliseconds: 20_000)
        try socket.connect(stack.ingestEndpoint)
        try socket.send(Array(Self.events(61...70).utf8))
        let frame = try #require(try socket.receive())
        let busy = try #require(try JSONSerialization.jsonObject(with: Data(frame)) as? [String: Any])
        #expect(busy["busy"] as? Bool == true)

        // Once a scoring worker drains the backlog, the refused events are taken: nothing was lost or half-taken.
        try stack.startScore(name: "score-1")
        let accepted = try Eventually.value("the refused request to go through", timeout: 60) { () -> Int? in
            let retry = try HTTPClient.post(stack.ingestHTTP + "/v1/events", body: Data(Self.events(61...70).utf8))
            return retry.status == 200 ? try retry.json()["accepted"] as? Int : nil
        }
        #expect(accepted == 10)
        try stack.stop()
    }
}
