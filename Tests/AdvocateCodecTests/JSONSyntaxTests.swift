import AdvocateCodec
import Testing

/// The strict JSON grammar, exercised through an unknown field whose value is kept verbatim (minified).
@Suite("Strict JSON syntax")
struct JSONSyntaxTests {
    /// A valid event with `value` as the unknown field "x".
    static func body(_ value: String) -> String {
        #"{"id":"e-1","type":"suggestion","customer":"c-1","at":"2026-11-01T10:00:00Z","text":"t","x":"# + value + "}"
    }

    static func body(bytes value: [UInt8]) -> [UInt8] {
        let text = body("@")
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return Array(parts[0].utf8) + value + Array(parts[1].utf8)
    }

    @Test(
        "valid values are kept as minified JSON text",
        arguments: [
            ("0", "0"), ("-0", "-0"), ("1.5e-3", "1.5e-3"), ("1E+2", "1E+2"), ("-12.0", "-12.0"), ("true", "true"),
            ("false", "false"), ("null", "null"), (#""""#, #""""#), (#"  "a b"  "#, #""a b""#),
            (#"[ 1 , [ ] , { } ]"#, "[1,[],{}]"), ("{ \"b\" :\n [1,\t2] }", #"{"b":[1,2]}"#),
            (#""\" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00""#, #""\" \\ \/ \b \f \n \r \t \u00e9 \ud83d\ude00""#),
            ("\"é😀\"", "\"é😀\""), (#"{"a":{"a":{"a":1}}}"#, #"{"a":{"a":{"a":1}}}"#), (#"{"":1}"#, #"{"":1}"#),
        ])
    func accepted(value: String, kept: String) throws {
        let parsed = EventRequestParser().parse(JSONSyntaxTests.body(value))
        if let rejection = parsed.rejections.first { Issue.record("rejected: \(rejection.message)") }
        let event = try #require(parsed.events.first)
        #expect(event.extra == [ExtraField(key: "x", json: kept)])
    }

    @Test(
        "invalid values are malformed_json",
        arguments: [
            "01", "1.", ".5", "+1", "-", "1e", "1e+", "0x10", "NaN", "Infinity", "tru", "nul", "'a'", #""\x""#,
            #""\u12""#,
            #""\u12G4""#, #""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, "\"a\tb\"", "\"a\nb\"", "\"abc", "[1,]",
            "[1 2]",
            #"{"a" 1}"#, #"{"a":1,}"#, "{a:1}", "{1:1}", "[", "{", "]", "", "1 2", "\u{7F}",
        ])
    func rejected(value: String) throws {
        let parsed = EventRequestParser().parse(JSONSyntaxTests.body(value))
        #expect(parsed.rejections.first?.reason == "malformed_json")
        #expect(parsed.events.isEmpty)
    }

    @Test(
        "invalid UTF-8 is malformed_json",
        arguments: [
            [0xFF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF5, 0x80, 0x80, 0x80], [0xC3], [0xE2, 0x82], [0x80], [0xC3, 0x28],
        ] as [[UInt8]])
    func invalidUTF8(sequence: [UInt8]) {
        let body = JSONSyntaxTests.body(bytes: [0x22] + sequence + [0x22])
        let parsed = EventRequestParser().parse(body)
        #expect(parsed.rejections.first?.reason == "malformed_json")
        #expect(parsed.rejections.first?.message.contains("UTF-8") == true)
    }

    @Test(
        "valid UTF-8 at the edges of each range is accepted",
        arguments: [
            [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],
            [0xF0, 0x90, 0x80, 0x80],
            [0xF4, 0x8F, 0xBF, 0xBF],
        ] as [[UInt8]])
    func validUTF8(sequence: [UInt8]) throws {
        let body = JSONSyntaxTests.body(bytes: [0x22] + sequence + [0x22])
        let parsed = EventRequestParser().parse(body)
        let event = try #require(parsed.events.first)
        #expect(Array(event.extra[0].json.utf8) == [0x22] + sequence + [0x22])
    }

    @Test("escaped strings decode to the text they stand for")
    func escapes() throws {
        let body =
            #"{"id":"e\u002D1","type":"sugg\u0065stion","customer":"c\\1","at":"2026-11-01T10:00:00\u005A","#
            + #""text":"line\nnext \"quoted\" \ud83d\ude00 \u0000 end"}"#
        let parsed = EventRequestParser().parse(body)
        if let rejection = parsed.rejections.first { Issue.record("rejected: \(rejection.message)") }
        let event = try #require(parsed.events.first)
        #expect(event.id == "e-1")
        #expect(event.customer == "c\\1")
        #expect(event.at == Fixtures.at)
        #expect(event.body == .suggestion(Suggestion(text: "line\nnext \"quoted\" 😀 \u{0} end")))
    }

    @Test("malformed_json reports the byte offset in the request")
    func offsets() throws {
        let body = JSONSyntaxTests.body("[1,]")
        let parsed = EventRequestParser().parse("\n\n" + body)
        let rejection = try #require(parsed.rejections.first)
        guard case .malformedJSON(let offset, let detail) = rejection.problem else {
            Issue.record("unexpected \(rejection.problem)")
            return
        }
        let expected = 2 + body.utf8.count - 2  // the ']' after the comma
        #expect(offset == expected)
        #expect(detail == "expected a value, found ']'")
    }
}
