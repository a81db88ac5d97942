import AdvocateCodec
import Testing

@Suite("Encoding events as JSON")
struct EventJSONTests {
    @Test(
        "json() of every fixture parses back to the same event",
        arguments: Fixtures.events.map(\.event) + Fixtures.minimalEvents)
    func roundTrip(event: Event) throws {
        let text = event.json()
        let parsed = EventRequestParser().parse(text)
        if let rejection = parsed.rejections.first { Issue.record("rejected \(text): \(rejection.message)") }
        #expect(parsed.events == [event])
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        event.appendJSON(to: &bytes)
        #expect(bytes == [UInt8(ascii: "[")] + Array(text.utf8))
    }

    @Test("canonical lines: key order, omitted optionals, amounts, fractions, escapes, extras")
    func canonical() {
        let purchase = Fixtures.events[0].event
        #expect(
            purchase.json()
                == #"{"id":"p-1","type":"purchase","customer":"c-1","at":"2026-11-01T10:00:00Z","source":"shop","#
                + #""order":"o-1","amount":42.5,"currency":"EUR","segment":"route:LHR-JFK","campaign":"spring","#
                + #""tags":[1,{"b":null}]}"#)
        let review = Fixtures.events[7].event
        #expect(
            review.json()
                == #"{"id":"w-1","type":"review","customer":"c-1","at":"2026-11-01T10:00:00Z","platform":"trustpilot","#
                + #""rating":5,"text":"Great \"service\"\n","reach":40}"#)
        let resolved = Fixtures.events[3].event
        #expect(
            resolved.json()
                == #"{"id":"s-2","type":"case_resolved","customer":"c-1","at":"2026-11-05T07:00:00.123456Z","#
                + #""case":"k-1"}"#)
        let disruption = Fixtures.events[11].event
        #expect(
            disruption.json()
                == #"{"id":"d-1","type":"disruption","at":"2026-11-09T06:00:00Z","#
                + #""what":"LHR-JFK flights delayed 3 hours","segment":"route:LHR-JFK","customers":["c-1","c-2"]}"#)
        let bare = Event(
            id: "m", customer: "c", at: Fixtures.at, body: .mention(Mention(channel: "x", text: "\u{1}\u{1F}")))
        #expect(
            bare.json()
                == #"{"id":"m","type":"mention","customer":"c","at":"2026-11-01T10:00:00Z","channel":"x","#
                + #""text":"\u0001\u001f"}"#)
        let refund = Event(
            id: "r", customer: "c", at: Fixtures.at, body: .refund(Refund(order: "o", amount: Money(units: 1))))
        #expect(refund.json().hasSuffix(#""order":"o","amount":0.0001}"#))
    }

    @Test("unknown fields are kept sorted, minified, and written back after the known ones")
    func unknownFields() throws {
        let body =
            #"{"zeta": {"b" : [1, 2]}, "id":"e-1","type":"suggestion","customer":"c-1","#
            + #""at":"2026-11-01T10:00:00Z","text":"t","alpha":true, "amount": 5, "mid":"a \"b\""}"#
        let event = try #require(EventRequestParser().parse(body).events.first)
        #expect(
            event.extra == [
                ExtraField(key: "alpha", json: "true"), ExtraField(key: "amount", json: "5"),
                ExtraField(key: "mid", json: #""a \"b\"""#), ExtraField(key: "zeta", json: #"{"b":[1,2]}"#),
            ])
        #expect(
            event.json()
                == #"{"id":"e-1","type":"suggestion","customer":"c-1","at":"2026-11-01T10:00:00Z","text":"t","#
                + #""alpha":true,"amount":5,"mid":"a \"b\"","zeta":{"b":[1,2]}}"#)
        #expect(EventRequestParser().parse(event.json()).events == [event])
    }

    @Test("JSONText escapes what JSON requires and nothing else")
    func jsonText() {
        #expect(JSONText.quoted("plain") == #""plain""#)
        #expect(JSONText.quoted("a\"b\\c/d") == #""a\"b\\c/d""#)
        #expect(JSONText.quoted("\n\r\t\u{8}\u{C}\u{0}\u{1F}") == #""\n\r\t\b\f\u0000\u001f""#)
        #expect(JSONText.quoted("é😀\u{7F}") == "\"é😀\u{7F}\"")
        var bytes: [UInt8] = []
        JSONText.appendInteger(Int64.min, to: &bytes)
        JSONText.appendInteger(UInt64.max, to: &bytes)
        JSONText.appendInteger(0, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "-9223372036854775808184467440737095516150")
    }
}

@Suite("Timestamps and amounts as text")
struct TextValueTests {
    @Test(
        "RFC 3339 parsing",
        arguments: [
            ("2026-11-01T10:00:00Z", 1_793_527_200_000_000),
            ("2026-11-01T11:00:00+01:00", 1_793_527_200_000_000),
            ("2026-11-01T05:30:00-04:30", 1_793_527_200_000_000),
            ("2026-11-01t10:00:00z", 1_793_527_200_000_000),
            ("2026-11-01 10:00:00Z", 1_793_527_200_000_000),
            ("2026-11-01T10:00:00.1Z", 1_793_527_200_100_000),
            ("2026-11-01T10:00:00.123456789Z", 1_793_527_200_123_456),
            ("1970-01-01T00:00:00Z", 0),
            ("2000-02-29T12:00:00Z", 951_825_600_000_000),
            ("9999-12-31T23:59:59.999999999Z", 253_402_300_799_999_999),
        ] as [(String, Int64)])
    func parse(text: String, microseconds: Int64) throws {
        #expect(try Timestamp(rfc3339: text) == Timestamp(microseconds: microseconds))
    }

    @Test(
        "RFC 3339 errors name the problem",
        arguments: [
            ("2026-13-01T00:00:00Z", "month 13 out of range"),
            ("2026-00-01T00:00:00Z", "month 0 out of range"),
            ("2026-02-29T00:00:00Z", "day 29 out of range (month 2 of 2026 has 28)"),
            ("1900-02-29T00:00:00Z", "year 1900 out of range (1970-9999)"),
            ("2100-02-29T00:00:00Z", "day 29 out of range (month 2 of 2100 has 28)"),
            ("2026-01-00T00:00:00Z", "day 0 out of range (month 1 of 2026 has 31)"),
            ("2026-01-01T00:60:00Z", "minute 60 out of range"),
            ("2026-01-01T00:00:60Z", "second 60 out of range"),
            ("2026-01-01T00:00Z", "expected ':' and seconds after the minute at position 16"),
            ("2026-01-01X00:00:00Z", "expected 'T' between date and time at position 10"),
            ("2026-01-01T00:00:00", "missing offset ('Z' or ±hh:mm)"),
            ("2026-01-01T00:00:00+0100", "expected ':' in the offset at position 22"),
            ("2026-01-01T00:00:00+01:60", "offset minute 60 out of range"),
            ("2026-01-01T00:00:00Z ", "unexpected text after the offset at position 20"),
            ("26-01-01T00:00:00Z", "expected 4 digits of year at position 2"),
            ("", "too short, missing year"),
            ("9999-12-31T23:00:00-01:00", "outside 1970-9999 once converted to UTC"),
        ])
    func parseErrors(text: String, detail: String) {
        #expect(throws: ValueFormatError(what: "timestamp", value: text, detail: detail)) {
            try Timestamp(rfc3339: text)
        }
    }

    @Test(
        "RFC 3339 formatting",
        arguments: [
            (1_793_527_200_000_000, "2026-11-01T10:00:00Z"),
            (1_793_527_200_000_001, "2026-11-01T10:00:00.000001Z"),
            (1_793_527_200_500_000, "2026-11-01T10:00:00.500000Z"),
            (0, "1970-01-01T00:00:00Z"),
            (-1, "1969-12-31T23:59:59.999999Z"),
            (951_825_600_000_000, "2000-02-29T12:00:00Z"),
            (253_402_300_799_999_999, "9999-12-31T23:59:59.999999Z"),
            (253_402_300_800_000_000, "10000-01-01T00:00:00Z"),
        ] as [(Int64, String)])
    func format(microseconds: Int64, text: String) {
        #expect(Timestamp(microseconds: microseconds).rfc3339 == text)
    }

    @Test("formatting never traps, even at the ends of Int64")
    func formatExtremes() {
        #expect(!Timestamp(microseconds: .max).rfc3339.isEmpty)
        #expect(!Timestamp(microseconds: .min).rfc3339.isEmpty)
    }

    @Test("every day of 1970-2100 survives a format and parse round trip")
    func calendarRoundTrip() {
        var mismatches: [String] = []
        for day: Int64 in 0..<47_482 {
            let timestamp = Timestamp(microseconds: day * Timestamp.microsecondsPerDay + 45_296_000_001)
            if (try? Timestamp(rfc3339: timestamp.rfc3339)) != timestamp { mismatches.append(timestamp.rfc3339) }
        }
        #expect(mismatches.isEmpty)
    }

    @Test(
        "decimal amounts",
        arguments: [
            ("42.50", 425_000), ("42", 420_000), ("0.0001", 1), ("-3.25", -32_500), ("0", 0), ("1e3", 10_000_000),
            ("1000000000000", 10_000_000_000_000_000), ("12.340000", 123_400),
        ] as [(String, Int64)])
    func decimals(text: String, units: Int64) throws {
        #expect(try Money(decimal: text) == Money(units: units))
    }

    @Test(
        "decimal errors",
        arguments: [
            ("1.00001", "more than 4 decimal places"), ("abc", "not a decimal number"), ("", "not a decimal number"),
            ("1.", "not a decimal number"), ("99999999999999999999", "too large"), ("1 ", "not a decimal number"),
        ])
    func decimalErrors(text: String, detail: String) {
        #expect(throws: ValueFormatError(what: "decimal", value: text, detail: detail)) { try Money(decimal: text) }
    }

    @Test(
        "decimal strings",
        arguments: [
            (425_000, "42.5"), (420_000, "42"), (1, "0.0001"), (-32_500, "-3.25"), (0, "0"), (10_001, "1.0001"),
            (Int64.min, "-922337203685477.5808"), (Int64.max, "922337203685477.5807"),
        ] as [(Int64, String)])
    func decimalStrings(units: Int64, text: String) throws {
        #expect(Money(units: units).decimalString == text)
        #expect(try Money(decimal: text) == Money(units: units))
    }
}

@Suite("Internal event types")
struct InternalEventTypeTests {
    @Test func producersCannotSendDerivedEvents() {
        let body =
            #"{"id":"x","type":"referral_converted","customer":"c-1","at":"2026-11-01T10:00:00Z","code":"R","referee":"c-2","trigger":"p"}"#
        let parsed = EventRequestParser().parse(Array(body.utf8))
        #expect(parsed.rejections.map(\.reason) == ["unknown_type"])
        #expect(parsed.rejections.first?.message.contains("referral_converted") == true)
        #expect(EventType.publicTypes.contains(.referralConverted) == false)
    }

    @Test func derivedEventsTravelInBinaryAndRenderAsJSON() throws {
        let event = Fixtures.derivedConversion
        #expect(try Event(binary: event.binary()) == event)
        #expect(event.json().contains(#""type":"referral_converted""#))
    }
}
