import AdvocateCodec
import Testing

@Suite("Request bodies: single, array, NDJSON, limits")
struct RequestFramingTests {
    let parser = EventRequestParser()
    let good = line("suggestion", #""text":"t""#)
    let bad = line("suggestion", "")

    @Test("a single object, also pretty-printed over several lines")
    func singleObject() throws {
        let parsed = parser.parse("  \n" + good + "\r\n\n")
        #expect(parsed.requestError == nil)
        #expect(parsed.items.count == 1)
        #expect(parsed.events.first?.id == "e-1")

        let pretty = """
            {
              "id": "e-1",
              "type": "suggestion",
              "customer": "c-1",
              "at": "2026-11-01T10:00:00Z",
              "text": "t"
            }
            """
        let prettyParsed = parser.parse(pretty)
        #expect(prettyParsed.events.map(\.id) == ["e-1"])
    }

    @Test("a broken single object is one rejected item, not a request error")
    func brokenSingle() throws {
        let parsed = parser.parse(#"{"id":"e-1","type":"suggestion""#)
        #expect(parsed.requestError == nil)
        #expect(parsed.items.count == 1)
        #expect(parsed.rejections.first?.reason == "malformed_json")
        let detail = "expected ',' or '}' after an event field, found end of input"
        #expect(parsed.rejections.first?.problem == .malformedJSON(offset: 31, detail: detail))
    }

    @Test("an array: each element gets its index; non-objects are not_an_object")
    func array() throws {
        let parsed = parser.parse("[ \(good) ,\n\(bad), 42, \"x\", [], null ]")
        #expect(parsed.requestError == nil)
        #expect(parsed.items.map(\.index) == [0, 1, 2, 3, 4, 5])
        #expect(parsed.events.count == 1)
        #expect(
            parsed.rejections.map(\.reason) == [
                "missing_field", "not_an_object", "not_an_object", "not_an_object", "not_an_object",
            ])
        #expect(parsed.rejections.map(\.index) == [1, 2, 3, 4, 5])
        #expect(parsed.rejections[1].problem == .notAnObject(found: "number"))
        #expect(parsed.rejections[4].message == "expected a JSON object, found null")
    }

    @Test("an empty array is an empty request")
    func emptyArray() {
        let parsed = parser.parse(" [ ] ")
        #expect(parsed == ParsedRequest(items: [], requestError: nil))
    }

    @Test(
        "an array that is not valid JSON refuses the whole request",
        arguments: [
            "[\(line("suggestion", #""text":"t""#))", "[{\"a\":1},]", "[1 2]", "[{\"a\":\"\u{1}\"}]", "[] x",
            "[{}] [{}]",
        ])
    func brokenArray(body: String) throws {
        let parsed = parser.parse(body)
        #expect(parsed.items.isEmpty)
        let error = try #require(parsed.requestError)
        #expect(error.reason == "malformed_json")
        guard case .malformedJSON(let offset, _) = error.problem else {
            Issue.record("expected malformedJSON, got \(error.problem)")
            return
        }
        #expect(offset > 0 && offset <= body.utf8.count)
    }

    @Test("NDJSON: CRLF, blank lines skipped, indexes count non-blank lines, a broken line rejects only itself")
    func ndjson() throws {
        let body =
            "\(good)\r\n\r\n   \n\(bad)\r\n{\"id\":\"broken\"\n[1]\n"
            + good.replacingOccurrences(of: "e-1", with: "e-2")
        let parsed = parser.parse(body)
        #expect(parsed.requestError == nil)
        #expect(parsed.items.map(\.index) == [0, 1, 2, 3, 4])
        #expect(parsed.events.map(\.id) == ["e-1", "e-2"])
        #expect(parsed.rejections.map(\.reason) == ["missing_field", "malformed_json", "not_an_object"])
        #expect(parsed.rejections.map(\.index) == [1, 2, 3])
    }

    @Test("NDJSON whose first line is broken is still NDJSON")
    func ndjsonBrokenFirst() {
        let parsed = parser.parse("{\"id\":\n" + good + "\n")
        #expect(parsed.items.map(\.index) == [0, 1])
        #expect(parsed.rejections.map(\.reason) == ["malformed_json"])
        #expect(parsed.events.count == 1)
    }

    @Test("text after an object on its line rejects that line")
    func trailingGarbage() {
        let parsed = parser.parse(good + " x\n" + good)
        #expect(parsed.rejections.map(\.reason) == ["malformed_json"])
        #expect(parsed.events.count == 1)
    }

    @Test(
        "empty and non-object bodies refuse the request",
        arguments: [
            ("", "malformed_json"), ("  \r\n\t", "malformed_json"), ("42", "not_an_object"), ("\"x\"", "not_an_object"),
            ("null", "not_an_object"), ("true", "not_an_object"), ("x", "malformed_json"),
            ("\u{FEFF}{}", "malformed_json"),
        ])
    func refused(body: String, reason: String) throws {
        let parsed = parser.parse(body)
        #expect(parsed.items.isEmpty)
        #expect(parsed.requestError?.reason == reason)
    }

    @Test("a body over maxRequestBytes is too_large without being parsed")
    func tooLarge() throws {
        let body = [UInt8](repeating: UInt8(ascii: " "), count: 12 * 1024 * 1024)
        let parsed = parser.parse(body)
        let error = try #require(parsed.requestError)
        #expect(error.reason == "too_large")
        #expect(error.problem == .tooLarge(what: "request body", size: 12 * 1024 * 1024, limit: 10 * 1024 * 1024))
        #expect(parsed.items.isEmpty)
    }

    @Test("more than maxEventsPerRequest events refuses the request; exactly the limit is fine")
    func tooMany() throws {
        let small = "{}"
        let overArray = parser.parse("[" + Array(repeating: small, count: 10_001).joined(separator: ",") + "]")
        #expect(overArray.items.isEmpty)
        #expect(overArray.requestError?.problem == .tooMany(what: "events", count: 10_001, limit: 10_000))

        let overLines = parser.parse(Array(repeating: small, count: 10_001).joined(separator: "\n"))
        #expect(overLines.items.isEmpty)
        #expect(overLines.requestError?.problem == .tooMany(what: "events", count: 10_001, limit: 10_000))

        let atLimit = parser.parse("[" + Array(repeating: small, count: 10_000).joined(separator: ",") + "]")
        #expect(atLimit.requestError == nil)
        #expect(atLimit.items.count == 10_000)
        #expect(atLimit.items.last?.index == 9_999)

        var limits = EventLimits()
        limits.maxEventsPerRequest = 2
        let three = EventRequestParser(limits: limits).parse("\(good)\n\n\(good)\n\(good)\n")
        #expect(three.requestError?.reason == "too_many")
    }

    @Test("an NDJSON line over maxEventBytes is too_large")
    func lineTooLarge() {
        var limits = EventLimits()
        limits.maxEventBytes = 100
        let long = line("suggestion", #""text":"\#(String(repeating: "t", count: 100))""#)
        let parsed = EventRequestParser(limits: limits).parse(good + "\n" + long)
        #expect(parsed.events.count == 1)
        #expect(parsed.rejections.first?.problem == .tooLarge(what: "event", size: long.utf8.count, limit: 100))
        #expect(parsed.rejections.first?.index == 1)
    }

    @Test("parsing from an unsafe buffer gives the same result")
    func unsafeBuffer() {
        let bytes = Array(good.utf8)
        let viaPointer = bytes.withUnsafeBytes { parser.parse($0) }
        #expect(viaPointer == parser.parse(bytes))
        #expect(viaPointer.events.count == 1)
    }
}
