import AdvocateCodec
import Testing

@Suite("DESIGN.md examples")
struct DesignExampleTests {
    static func time(_ text: String) -> Timestamp {
        // The parser is tested separately; a broken one fails here through the wrong value, not a crash.
        (try? Timestamp(rfc3339: text)) ?? Timestamp(microseconds: -1)
    }

    static let expected: [Event] = [
        Event(
            id: "p-1", customer: "c-1", at: time("2026-11-01T10:00:00Z"),
            body: .purchase(
                Purchase(order: "o-1", amount: Money(units: 425_000), currency: "EUR", segment: "route:LHR-JFK"))),
        Event(
            id: "r-1", customer: "c-1", at: time("2026-11-03T09:00:00Z"),
            body: .refund(Refund(order: "o-1", amount: Money(units: 425_000)))),
        Event(
            id: "s-1", customer: "c-1", at: time("2026-11-02T08:00:00Z"),
            body: .supportContact(SupportContact(caseID: "k-1", channel: "phone"))),
        Event(
            id: "s-2", customer: "c-1", at: time("2026-11-02T09:30:00Z"),
            body: .caseResolved(CaseResolved(caseID: "k-1"))),
        Event(
            id: "v-1", customer: "c-1", at: time("2026-11-04T12:00:00Z"),
            body: .survey(Survey(kind: .nps, score: 9, comment: "Quick fix, thanks"))),
        Event(
            id: "m-1", customer: "c-1", at: time("2026-11-05T07:00:00Z"),
            body: .mention(
                Mention(
                    channel: "twitter", text: "On hold for 40 minutes again", reach: 1200,
                    url: "https://example.com/m/1"))),
        Event(id: "a-1", customer: "c-1", at: time("2026-11-05T07:12:00Z"), body: .reply(Reply(to: "m-1"))),
        Event(
            id: "w-1", customer: "c-1", at: time("2026-11-06T18:00:00Z"),
            body: .review(Review(platform: "trustpilot", rating: 5, text: "Great service"))),
        Event(
            id: "f-1", customer: "c-1", at: time("2026-11-07T10:00:00Z"),
            body: .referral(Referral(code: "REF-c-1", referee: "c-2"))),
        Event(
            id: "g-1", customer: "c-2", at: time("2026-11-08T10:00:00Z"),
            body: .signup(Signup(referredBy: "REF-c-1", email: "ann@example.com"))),
        Event(
            id: "o-1", customer: "c-2", at: time("2026-11-08T11:00:00Z"),
            body: .onboarding(Onboarding(step: "connect-account", status: .stuck))),
        Event(
            id: "d-1", customer: nil, at: Timestamp(microseconds: 1_794_204_000_000_000),
            body: .disruption(Disruption(what: "LHR-JFK flights delayed 3 hours", segment: "route:LHR-JFK"))),
        Event(
            id: "x-1", customer: "c-3", at: time("2026-11-09T15:00:00Z"),
            body: .suggestion(Suggestion(text: "Call it giraffe bread"))),
    ]

    @Test("every example line parses to its typed value", arguments: zip(Fixtures.designLines, expected))
    func parses(line: String, expected: Event) throws {
        let parsed = EventRequestParser().parse(line)
        #expect(parsed.requestError == nil)
        #expect(parsed.items == [ParsedRequest.Item(index: 0, outcome: .success(expected))])
    }

    @Test("json() writes the examples back canonically", arguments: zip(Fixtures.designLines, expected))
    func encodes(line: String, expected: Event) {
        // The only change from the examples: 42.50 is written as 42.5.
        #expect(expected.json() == line.replacingOccurrences(of: "42.50", with: "42.5"))
    }

    @Test("the examples as one NDJSON body and as one array give the same events in order")
    func batches() {
        let parser = EventRequestParser()
        let ndjson = parser.parse(Fixtures.designLines.joined(separator: "\n") + "\n")
        #expect(ndjson.requestError == nil)
        #expect(ndjson.events == DesignExampleTests.expected)
        #expect(ndjson.items.map(\.index) == Array(0..<13))
        let array = parser.parse("[" + Fixtures.designLines.joined(separator: ",\n ") + "]")
        #expect(array.events == DesignExampleTests.expected)
        #expect(array.items.map(\.index) == Array(0..<13))
    }

    @Test("the disruption example's time is 2026-11-09T06:00:00Z")
    func disruptionTime() throws {
        #expect(try Timestamp(rfc3339: "2026-11-09T06:00:00Z") == Timestamp(microseconds: 1_794_204_000_000_000))
    }
}

extension String {
    /// Plain substring replacement, so the tests need not import Foundation for it.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
