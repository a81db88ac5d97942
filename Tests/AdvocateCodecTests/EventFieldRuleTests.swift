import AdvocateCodec
import Testing

/// One body and the single rejection it must produce.
struct RuleCase: CustomTestStringConvertible, Sendable {
    var body: String
    var reason: String
    var field: String?
    var testDescription: String { "\(reason) \(field ?? "-"): \(body.prefix(100))" }
}

/// Builds an event line from a type, its fields and the common fields (which `omit` can drop).
func line(
    _ type: String, _ fields: String = "", id: String = #""id":"e-1""#, customer: String = #""customer":"c-1""#,
    at: String = #""at":"2026-11-01T10:00:00Z""#
) -> String {
    let parts = [id, #""type":"\#(type)""#, customer, at, fields].filter { !$0.isEmpty }
    return "{" + parts.joined(separator: ",") + "}"
}

let purchaseFields = #""order":"o-1","amount":42.50"#

@Suite("Event field rules")
struct EventFieldRuleTests {
    static let cases: [RuleCase] = [
        // malformed_json
        RuleCase(body: #"{"id":"e-1","type":"purchase""#, reason: "malformed_json"),
        RuleCase(body: line("purchase", purchaseFields + #","x":01"#), reason: "malformed_json"),
        RuleCase(body: line("purchase", purchaseFields + #","x":"\q""#), reason: "malformed_json"),
        RuleCase(body: line("purchase", purchaseFields) + " garbage", reason: "malformed_json"),
        RuleCase(
            body: line(
                "purchase",
                purchaseFields + #","x":"# + String(repeating: "[", count: 32) + String(repeating: "]", count: 32)),
            reason: "malformed_json"),
        // missing_field
        RuleCase(body: line("purchase", purchaseFields, id: ""), reason: "missing_field", field: "id"),
        RuleCase(body: line("purchase", purchaseFields, id: #""id":"""#), reason: "missing_field", field: "id"),
        RuleCase(
            body: #"{"id":"e-1","customer":"c-1","at":"2026-11-01T10:00:00Z"}"#, reason: "missing_field",
            field: "type"),
        RuleCase(body: line("purchase", purchaseFields, customer: ""), reason: "missing_field", field: "customer"),
        RuleCase(
            body: line("purchase", purchaseFields, customer: #""customer":null"#), reason: "missing_field",
            field: "customer"),
        RuleCase(body: line("purchase", purchaseFields, at: ""), reason: "missing_field", field: "at"),
        RuleCase(body: line("purchase", #""amount":1"#), reason: "missing_field", field: "order"),
        RuleCase(body: line("purchase", #""order":"o-1""#), reason: "missing_field", field: "amount"),
        RuleCase(body: line("purchase", #""order":"o-1","amount":null"#), reason: "missing_field", field: "amount"),
        RuleCase(body: line("refund", ""), reason: "missing_field", field: "order"),
        RuleCase(body: line("support_contact", #""case":"k-1""#), reason: "missing_field", field: "channel"),
        RuleCase(body: line("case_resolved", #""case":"""#), reason: "missing_field", field: "case"),
        RuleCase(body: line("survey", #""kind":"nps""#), reason: "missing_field", field: "score"),
        RuleCase(body: line("mention", #""channel":"twitter""#), reason: "missing_field", field: "text"),
        RuleCase(body: line("reply", #""channel":"twitter""#), reason: "missing_field", field: "to"),
        RuleCase(body: line("review", #""platform":"tp""#), reason: "missing_field", field: "rating"),
        RuleCase(body: line("referral", #""referee":"c-2""#), reason: "missing_field", field: "code"),
        RuleCase(body: line("onboarding", #""step":"s""#), reason: "missing_field", field: "status"),
        RuleCase(body: line("disruption", #""what":"late""#, customer: ""), reason: "missing_field", field: "segment"),
        RuleCase(
            body: line("disruption", #""what":"late","segment":"","customers":[]"#, customer: ""),
            reason: "missing_field", field: "segment"),
        RuleCase(
            body: line("disruption", #""what":"late","customers":["c-1",""]"#, customer: ""),
            reason: "missing_field", field: "customers[1]"),
        RuleCase(body: line("suggestion", #""text":null"#), reason: "missing_field", field: "text"),
        // wrong_type
        RuleCase(body: line("purchase", purchaseFields, id: #""id":7"#), reason: "wrong_type", field: "id"),
        RuleCase(
            body: #"{"id":"e-1","type":3,"customer":"c-1","at":"2026-11-01T10:00:00Z"}"#, reason: "wrong_type",
            field: "type"),
        RuleCase(
            body: line("purchase", purchaseFields, customer: #""customer":["c-1"]"#), reason: "wrong_type",
            field: "customer"),
        RuleCase(body: line("purchase", purchaseFields, at: #""at":1793527200"#), reason: "wrong_type", field: "at"),
        RuleCase(body: line("purchase", #""order":"o-1","amount":"42.50""#), reason: "wrong_type", field: "amount"),
        RuleCase(body: line("purchase", #""order":{},"amount":1"#), reason: "wrong_type", field: "order"),
        RuleCase(
            body: line("purchase", purchaseFields + #","currency":true"#), reason: "wrong_type", field: "currency"),
        RuleCase(
            body: line("purchase", purchaseFields, customer: #""customer":"c-1","source":1"#), reason: "wrong_type",
            field: "source"),
        RuleCase(body: line("survey", #""kind":"nps","score":"9""#), reason: "wrong_type", field: "score"),
        RuleCase(
            body: line("mention", #""channel":"x","text":"t","reach":"many""#), reason: "wrong_type", field: "reach"),
        RuleCase(
            body: line("disruption", #""what":"late","customers":"c-1""#, customer: ""), reason: "wrong_type",
            field: "customers"),
        RuleCase(
            body: line("disruption", #""what":"late","customers":["c-1",2]"#, customer: ""),
            reason: "wrong_type", field: "customers[1]"),
        // bad_timestamp
        RuleCase(
            body: line("purchase", purchaseFields, at: #""at":"2026-13-01T00:00:00Z""#), reason: "bad_timestamp",
            field: "at"),
        RuleCase(
            body: line("purchase", purchaseFields, at: #""at":"2026-02-29T00:00:00Z""#), reason: "bad_timestamp",
            field: "at"),
        RuleCase(
            body: line("purchase", purchaseFields, at: #""at":"2026-04-31T00:00:00Z""#), reason: "bad_timestamp",
            field: "at"),
        RuleCase(
            body: line("purchase", purchaseFields, at: #""at":"2026-11-01T10:00Z""#), reason: "bad_timestamp",
            field: "at"),
        RuleCase(
            body: line("purchase", purchaseFields, at: #""at":"2026-11-01T10:00:60Z""#), reason: "bad_timestamp",
            field: "at"),
        RuleCase(
            body: line("purchase", purchaseFields, at: #""at":"2026-11-01T24:00:00Z""#), reason: "bad_timestamp",
            field: "at"),
        RuleCase(
            body: line("purchase", purchaseFields, at: #""at":"2026-11-01T10:00:00""#), reason: "bad_timestamp",
            field: "at"),
        RuleCase(
            body: line("purchase", purchaseFields, at: #""at":"2026-11-01T10:00:00.Z""#), reason: "bad_timestamp",
            field: "at"),
        RuleCase(
            body: line("purchase", purchaseFields, at: #""at":"2026-11-01T10:00:00.1234567890Z""#),
            reason: "bad_timestamp", field: "at"),
        RuleCase(
            body: line("purchase", purchaseFields, at: #""at":"2026-11-01T10:00:00+25:00""#), reason: "bad_timestamp",
            field: "at"),
        RuleCase(
            body: line("purchase", purchaseFields, at: #""at":"1969-12-31T23:59:59Z""#), reason: "bad_timestamp",
            field: "at"),
        RuleCase(
            body: line("purchase", purchaseFields, at: #""at":"1970-01-01T00:30:00+01:00""#), reason: "bad_timestamp",
            field: "at"),
        RuleCase(
            body: line("purchase", purchaseFields, at: #""at":"2026-11-01""#), reason: "bad_timestamp", field: "at"),
        // unknown_type
        RuleCase(body: line("purchas", purchaseFields), reason: "unknown_type", field: "type"),
        RuleCase(body: line("Purchase", purchaseFields), reason: "unknown_type", field: "type"),
        // out_of_range
        RuleCase(body: line("purchase", #""order":"o-1","amount":-1"#), reason: "out_of_range", field: "amount"),
        RuleCase(body: line("purchase", #""order":"o-1","amount":1.00001"#), reason: "out_of_range", field: "amount"),
        RuleCase(body: line("purchase", #""order":"o-1","amount":1e13"#), reason: "out_of_range", field: "amount"),
        RuleCase(
            body: line("purchase", #""order":"o-1","amount":1000000000000.0001"#), reason: "out_of_range",
            field: "amount"),
        RuleCase(
            body: line("refund", #""order":"o-1","amount":123456789012345678901234"#), reason: "out_of_range",
            field: "amount"),
        RuleCase(
            body: line("purchase", purchaseFields + #","currency":"eur""#), reason: "out_of_range", field: "currency"),
        RuleCase(
            body: line("purchase", purchaseFields + #","currency":"EURO""#), reason: "out_of_range", field: "currency"),
        RuleCase(body: line("survey", #""kind":"nps","score":11"#), reason: "out_of_range", field: "score"),
        RuleCase(body: line("survey", #""kind":"nps","score":9.5"#), reason: "out_of_range", field: "score"),
        RuleCase(body: line("survey", #""kind":"nps","score":-1"#), reason: "out_of_range", field: "score"),
        RuleCase(body: line("survey", #""kind":"csat","score":0"#), reason: "out_of_range", field: "score"),
        RuleCase(body: line("survey", #""kind":"ces","score":8"#), reason: "out_of_range", field: "score"),
        RuleCase(body: line("survey", #""kind":"NPS","score":8"#), reason: "out_of_range", field: "kind"),
        RuleCase(
            body: line("mention", #""channel":"x","text":"t","reach":-5"#), reason: "out_of_range", field: "reach"),
        RuleCase(
            body: line("mention", #""channel":"x","text":"t","reach":1.5"#), reason: "out_of_range", field: "reach"),
        RuleCase(
            body: line("mention", #""channel":"x","text":"t","reach":1e13"#), reason: "out_of_range", field: "reach"),
        RuleCase(body: line("review", #""platform":"tp","rating":6"#), reason: "out_of_range", field: "rating"),
        RuleCase(body: line("review", #""platform":"tp","rating":0"#), reason: "out_of_range", field: "rating"),
        RuleCase(body: line("onboarding", #""step":"s","status":"done""#), reason: "out_of_range", field: "status"),
        // too_long
        RuleCase(
            body: line("purchase", purchaseFields, id: #""id":"\#(String(repeating: "i", count: 129))""#),
            reason: "too_long", field: "id"),
        RuleCase(
            body: line("purchase", #""order":"\#(String(repeating: "o", count: 129))","amount":1"#), reason: "too_long",
            field: "order"),
        RuleCase(
            body: line("mention", #""channel":"x","text":"\#(String(repeating: "t", count: 4097))""#),
            reason: "too_long", field: "text"),
        RuleCase(
            body: line("mention", #""channel":"x","text":"t","url":"\#(String(repeating: "u", count: 2049))""#),
            reason: "too_long", field: "url"),
        RuleCase(
            body: line("signup", #""email":"\#(String(repeating: "e", count: 513))""#), reason: "too_long",
            field: "email"),
        RuleCase(
            body: line("onboarding", #""step":"\#(String(repeating: "s", count: 257))","status":"stuck""#),
            reason: "too_long", field: "step"),
        RuleCase(
            body: line("suggestion", #""text":"t","source":"\#(String(repeating: "s", count: 257))""#),
            reason: "too_long", field: "source"),
        // Limits count UTF-8 bytes: 65 three-byte characters are 195 bytes, over the ID limit of 128.
        RuleCase(
            body: line("reply", #""to":"\#(String(repeating: "€", count: 65))""#), reason: "too_long", field: "to"),
        // too_large, too_many
        RuleCase(
            body: line("suggestion", #""text":"t","big":"\#(String(repeating: "b", count: 8200))""#),
            reason: "too_large", field: "big"),
        RuleCase(
            body: line("suggestion", #""text":"t","big":"\#(String(repeating: "b", count: 70_000))""#),
            reason: "too_large"),
        RuleCase(
            body: line("suggestion", #""text":"t","# + (0..<33).map { #""x\#($0)":\#($0)"# }.joined(separator: ",")),
            reason: "too_many"),
        // duplicate_field
        RuleCase(
            body: line("purchase", purchaseFields + #","order":"o-2""#), reason: "duplicate_field", field: "order"),
        RuleCase(body: line("purchase", purchaseFields + #","id":"e-2""#), reason: "duplicate_field", field: "id"),
        RuleCase(body: line("purchase", purchaseFields + #","x":1,"\u0078":2"#), reason: "duplicate_field", field: "x"),
        RuleCase(
            body: line("purchase", purchaseFields + #","meta":{"a":1,"b":[{"c":1,"c":2}]}"#), reason: "duplicate_field",
            field: "meta"),
        RuleCase(
            body: line(
                "purchase",
                purchaseFields + #","meta":{"# + (0..<40).map { #""k\#($0)":0"# }.joined(separator: ",")
                    + #","k3":1}"#),
            reason: "duplicate_field", field: "meta"),
    ]

    @Test("each problem gives its reason and field", arguments: cases)
    func rejects(_ rule: RuleCase) throws {
        let parsed = EventRequestParser().parse(rule.body)
        #expect(parsed.requestError == nil)
        try #require(parsed.items.count == 1)
        let rejection = try #require(parsed.rejections.first)
        #expect(rejection.reason == rule.reason)
        #expect(rejection.field == rule.field)
        #expect(rejection.index == 0)
        if let field = rule.field {
            #expect(rejection.message.hasPrefix("field \"\(field)\": "))
        }
    }

    @Test("the rejection carries the id when it is readable")
    func rejectionID() throws {
        let parsed = EventRequestParser().parse(line("purchase", #""order":"o-1","amount":-1"#))
        let rejection = try #require(parsed.rejections.first)
        #expect(rejection.id == "e-1")
        let unreadable = EventRequestParser().parse(line("purchase", purchaseFields, id: #""id":7"#))
        #expect(unreadable.rejections.first?.id == nil)
    }

    @Test("messages name the field, the problem and the value")
    func messages() throws {
        let parser = EventRequestParser()
        let badMonth = parser.parse(line("purchase", purchaseFields, at: #""at":"2026-13-01T00:00:00Z""#))
        #expect(
            badMonth.rejections.first?.message
                == #"field "at": bad timestamp "2026-13-01T00:00:00Z" (month 13 out of range)"#)

        let score = parser.parse(line("survey", #""kind":"nps","score":11"#))
        #expect(score.rejections.first?.message == #"field "score": value 11 not allowed (nps scores are 0-10)"#)

        let type = parser.parse(line("purchas", purchaseFields))
        #expect(type.rejections.first?.message.hasPrefix(#"field "type": unknown event type "purchas""#) == true)

        let wrong = parser.parse(line("purchase", #""order":"o-1","amount":"42.50""#))
        #expect(wrong.rejections.first?.message == #"field "amount": expected number, found string "42.50""#)

        let long = parser.parse(line("mention", #""channel":"x","text":"\#(String(repeating: "t", count: 5000))""#))
        let message = try #require(long.rejections.first?.message)
        #expect(message.hasPrefix(#"field "text": too long: "tttt"#))
        #expect(message.contains("…\" is 5000 bytes, limit 4096"))
        #expect(message.count < 140)

        let malformed = parser.parse(#"{"id":"e-1","type" "purchase"}"#)
        #expect(
            malformed.rejections.first?.message
                == "malformed JSON at byte 19: expected ':' after object key, found '\"'")

        let missing = parser.parse(line("disruption", #""what":"late""#, customer: ""))
        #expect(missing.rejections.first?.message.contains(#"needs "segment" or "customers""#) == true)
    }

    @Test("limits can be changed")
    func customLimits() throws {
        var limits = EventLimits()
        limits.maxDisruptionCustomers = 2
        limits.maxIDLength = 4
        let parser = EventRequestParser(limits: limits)
        let tooMany = parser.parse(
            line("disruption", #""what":"late","customers":["a","b","c","d"]"#, id: #""id":"d""#, customer: ""))
        let rejection = try #require(tooMany.rejections.first)
        #expect(rejection.reason == "too_many")
        #expect(rejection.field == "customers")
        #expect(rejection.problem == .tooMany(what: "customers", count: 4, limit: 2))

        let longID = parser.parse(line("suggestion", #""text":"t""#, id: #""id":"abcde""#))
        #expect(longID.rejections.first?.reason == "too_long")
        #expect(
            parser.parse(line("suggestion", #""text":"t""#, id: #""id":"abcd""#, customer: #""customer":"c""#)).events
                .count == 1)
    }

    @Test("null means absent for optional fields")
    func nullOptionals() throws {
        let body = line(
            "purchase", purchaseFields + #","currency":null,"segment":null"#,
            customer: #""customer":"c-1","source":null"#)
        let event = try #require(EventRequestParser().parse(body).events.first)
        #expect(event.source == nil)
        #expect(event.body == .purchase(Purchase(order: "o-1", amount: Money(units: 425_000))))

        let mention = try #require(
            EventRequestParser().parse(line("mention", #""channel":"x","text":"t","reach":null"#)).events.first)
        #expect(mention.body == .mention(Mention(channel: "x", text: "t", reach: 0)))
    }

    @Test("accepted values at the edges of the rules")
    func edges() throws {
        let parser = EventRequestParser()
        func event(_ body: String) throws -> Event {
            let parsed = parser.parse(body)
            if let rejection = parsed.rejections.first { Issue.record("rejected: \(rejection.message)") }
            return try #require(parsed.events.first)
        }
        #expect(
            try event(line("purchase", #""order":"o","amount":0"#)).body
                == .purchase(Purchase(order: "o", amount: .zero)))
        #expect(
            try event(line("purchase", #""order":"o","amount":-0"#)).body
                == .purchase(Purchase(order: "o", amount: .zero)))
        #expect(
            try event(line("purchase", #""order":"o","amount":1e12"#)).body
                == .purchase(Purchase(order: "o", amount: Money(units: 10_000_000_000_000_000))))
        #expect(
            try event(line("purchase", #""order":"o","amount":0.0001"#)).body
                == .purchase(Purchase(order: "o", amount: Money(units: 1))))
        #expect(
            try event(line("purchase", #""order":"o","amount":12.340000"#)).body
                == .purchase(Purchase(order: "o", amount: Money(units: 123_400))))
        #expect(
            try event(line("purchase", #""order":"o","amount":4.25E1"#)).body
                == .purchase(Purchase(order: "o", amount: Money(units: 425_000))))
        #expect(try event(line("survey", #""kind":"nps","score":9.0"#)).body == .survey(Survey(kind: .nps, score: 9)))
        #expect(try event(line("survey", #""kind":"nps","score":0"#)).body == .survey(Survey(kind: .nps, score: 0)))
        #expect(try event(line("survey", #""kind":"csat","score":5"#)).body == .survey(Survey(kind: .csat, score: 5)))
        #expect(try event(line("survey", #""kind":"ces","score":1e0"#)).body == .survey(Survey(kind: .ces, score: 1)))
        #expect(
            try event(line("review", #""platform":"p","rating":1"#)).body == .review(Review(platform: "p", rating: 1)))
        #expect(
            try event(line("mention", #""channel":"x","text":"t","reach":1000000000000"#)).body
                == .mention(Mention(channel: "x", text: "t", reach: 1_000_000_000_000)))
        let leap = try event(line("purchase", purchaseFields, at: #""at":"2024-02-29T23:59:59.9999999+00:00""#))
        #expect(leap.at.rfc3339 == "2024-02-29T23:59:59.999999Z")
        let lower = try event(line("purchase", purchaseFields, at: #""at":"2026-11-01t11:30:00.5+01:30""#))
        #expect(lower.at.rfc3339 == "2026-11-01T10:00:00.500000Z")
        let space = try event(line("purchase", purchaseFields, at: #""at":"2026-11-01 10:00:00z""#))
        #expect(space.at == Fixtures.at)
        let epoch = try event(line("purchase", purchaseFields, at: #""at":"1970-01-01T00:00:00Z""#))
        #expect(epoch.at == Timestamp(microseconds: 0))
        let last = try event(line("purchase", purchaseFields, at: #""at":"9999-12-31T23:59:59.999999Z""#))
        #expect(last.at == Timestamp.latestEventTime)
        let disruption = try event(line("disruption", #""what":"w","customers":["c-1"]"#, customer: ""))
        #expect(disruption.customer == nil)
        #expect(disruption.body == .disruption(Disruption(what: "w", customers: ["c-1"])))
        let disruptionWithCustomer = try event(line("disruption", #""what":"w","segment":"s""#))
        #expect(disruptionWithCustomer.customer == "c-1")
        let deep = try event(
            line(
                "suggestion",
                #""text":"t","x":"# + String(repeating: "[", count: 31) + String(repeating: "]", count: 31)))
        #expect(
            deep.extra == [
                ExtraField(key: "x", json: String(repeating: "[", count: 31) + String(repeating: "]", count: 31))
            ])
        let id = try event(line("suggestion", #""text":"t""#, id: #""id":"\#(String(repeating: "i", count: 128))""#))
        #expect(id.id.count == 128)
    }
}
