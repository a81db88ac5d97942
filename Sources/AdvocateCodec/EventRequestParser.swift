/// Parses and validates request bodies of the public event format (see DESIGN.md "Events").
///
/// A body is one JSON object, a JSON array of objects, or NDJSON (one object per line; CRLF is fine and
/// blank lines are skipped). The first non-space byte decides: `[` is an array; `{` is one object when only
/// whitespace follows it, and NDJSON otherwise. Every event gets an item saying whether it was accepted;
/// a request that cannot be used at all gets `requestError` instead.
public struct EventRequestParser: Sendable {
    /// The size limits applied to every request.
    public var limits: EventLimits

    /// A parser applying `limits` (by default the documented defaults).
    public init(limits: EventLimits = .init()) {
        self.limits = limits
    }

    /// Whether `bytes` holds `literal` at `offset` (so "not json" is malformed, not a JSON null).
    static func starts(_ bytes: UnsafeRawBufferPointer, at offset: Int, with literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return (0..<count).allSatisfy { bytes[offset + $0] == literal.utf8Start[$0] }
    }

    /// Parses a request body.
    /// - Parameter bytes: the body's UTF-8 bytes; read only during the call.
    /// - Returns: each event's outcome in request order, or the reason the whole request is refused.
    public func parse(_ bytes: UnsafeRawBufferPointer) -> ParsedRequest {
        if bytes.count > limits.maxRequestBytes {
            let problem = EventRejection.Problem.tooLarge(
                what: "request body", size: bytes.count, limit: limits.maxRequestBytes)
            return ParsedRequest(requestError: EventRejection(index: 0, problem: problem))
        }
        var parser = EventObjectParser(buffer: bytes, limits: limits)
        parser.reader.skipWhitespace()
        guard let first = parser.reader.peek() else {
            return refuse(.malformedJSON(offset: 0, detail: "empty request body"))
        }
        switch first {
        case UInt8(ascii: "["):
            return parseArray(&parser)
        case UInt8(ascii: "{"):
            return parseObjectOrLines(&parser)
        case UInt8(ascii: "\""):
            return refuse(.notAnObject(found: "string"))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return refuse(.notAnObject(found: "number"))
        case UInt8(ascii: "t") where Self.starts(bytes, at: parser.reader.position, with: "true"),
            UInt8(ascii: "f") where Self.starts(bytes, at: parser.reader.position, with: "false"):
            return refuse(.notAnObject(found: "boolean"))
        case UInt8(ascii: "n") where Self.starts(bytes, at: parser.reader.position, with: "null"):
            return refuse(.notAnObject(found: "null"))
        default:
            let detail = "expected an object or an array, found \(parser.reader.describeCurrent())"
            return refuse(.malformedJSON(offset: parser.reader.position, detail: detail))
        }
    }

    /// Parses a request body held in an array.
    public func parse(_ bytes: [UInt8]) -> ParsedRequest {
        bytes.withUnsafeBytes { parse($0) }
    }

    private func refuse(_ problem: EventRejection.Problem) -> ParsedRequest {
        ParsedRequest(requestError: EventRejection(index: 0, problem: problem))
    }

    // MARK: Array

    private func parseArray(_ parser: inout EventObjectParser) -> ParsedRequest {
        var items: [ParsedRequest.Item] = []
        let count: Int
        do throws(JSONSyntaxError) {
            parser.reader.position += 1
            parser.reader.skipWhitespace()
            if parser.reader.peek() == UInt8(ascii: "]") {
                parser.reader.position += 1
                count = 0
            } else {
                count = try parseElements(&parser, into: &items)
            }
            parser.reader.skipWhitespace()
            if !parser.reader.isAtEnd {
                throw parser.reader.error("unexpected \(parser.reader.describeCurrent()) after the array")
            }
        } catch {
            return refuse(.malformedJSON(offset: error.offset, detail: error.detail))
        }
        if count > limits.maxEventsPerRequest {
            return refuse(.tooMany(what: "events", count: count, limit: limits.maxEventsPerRequest))
        }
        return ParsedRequest(items: items)
    }

    /// Parses the elements after `[` up to and including `]`; returns how many there were.
    ///
    /// Past `maxEventsPerRequest` elements are only checked for syntax and counted: the request will be
    /// refused, but its message should say how many events it had.
    private func parseElements(
        _ parser: inout EventObjectParser, into items: inout [ParsedRequest.Item]
    ) throws(JSONSyntaxError) -> Int {
        var index = 0
        while true {
            parser.reader.skipWhitespace()
            if index >= limits.maxEventsPerRequest {
                _ = try parser.reader.scanValue(depth: 1)
            } else if parser.reader.peek() == UInt8(ascii: "{") {
                items.append(ParsedRequest.Item(index: index, outcome: try parser.parseObject(index: index)))
            } else {
                let token = try parser.reader.scanValue(depth: 1)
                let rejection = EventRejection(index: index, problem: .notAnObject(found: token.kind.name))
                items.append(ParsedRequest.Item(index: index, outcome: .failure(rejection)))
            }
            index += 1
            parser.reader.skipWhitespace()
            switch parser.reader.peek() {
            case UInt8(ascii: ","):
                parser.reader.position += 1
            case UInt8(ascii: "]"):
                parser.reader.position += 1
                return index
            default:
                throw parser.reader.error("expected ',' or ']' in the array, found \(parser.reader.describeCurrent())")
            }
        }
    }

    // MARK: One object or NDJSON

    private func parseObjectOrLines(_ parser: inout EventObjectParser) -> ParsedRequest {
        do throws(JSONSyntaxError) {
            let outcome = try parser.parseObject(index: 0)
            parser.reader.skipWhitespace()
            if parser.reader.isAtEnd {
                return ParsedRequest(items: [ParsedRequest.Item(index: 0, outcome: outcome)])
            }
        } catch {
            // Without a valid first object its end is unknown: one line is one broken event, more are NDJSON.
            if Self.lines(of: parser.reader.buffer, limit: 1).count <= 1 {
                let rejection = EventRejection(
                    index: 0, problem: .malformedJSON(offset: error.offset, detail: error.detail))
                return ParsedRequest(items: [ParsedRequest.Item(index: 0, outcome: .failure(rejection))])
            }
        }
        return parseLines(&parser)
    }

    private func parseLines(_ parser: inout EventObjectParser) -> ParsedRequest {
        let buffer = parser.reader.buffer
        let lines = Self.lines(of: buffer, limit: limits.maxEventsPerRequest)
        if lines.count > limits.maxEventsPerRequest {
            let count = lines.count + Self.lines(of: buffer, from: lines[lines.count - 1].upperBound, limit: .max).count
            return refuse(.tooMany(what: "events", count: count, limit: limits.maxEventsPerRequest))
        }
        var items: [ParsedRequest.Item] = []
        items.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            items.append(ParsedRequest.Item(index: index, outcome: parseLine(line, index: index, &parser)))
        }
        return ParsedRequest(items: items)
    }

    private func parseLine(
        _ line: Range<Int>, index: Int, _ parser: inout EventObjectParser
    ) -> Result<Event, EventRejection> {
        if line.count > limits.maxEventBytes {
            let problem = EventRejection.Problem.tooLarge(what: "event", size: line.count, limit: limits.maxEventBytes)
            return .failure(EventRejection(index: index, problem: problem))
        }
        parser.reader.position = line.lowerBound
        parser.reader.end = line.upperBound
        do throws(JSONSyntaxError) {
            let outcome: Result<Event, EventRejection>
            if parser.reader.peek() == UInt8(ascii: "{") {
                outcome = try parser.parseObject(index: index)
            } else {
                let token = try parser.reader.scanValue(depth: 1)
                outcome = .failure(EventRejection(index: index, problem: .notAnObject(found: token.kind.name)))
            }
            parser.reader.skipWhitespace()
            if !parser.reader.isAtEnd {
                throw parser.reader.error("unexpected \(parser.reader.describeCurrent()) after the event on its line")
            }
            return outcome
        } catch {
            return .failure(
                EventRejection(index: index, problem: .malformedJSON(offset: error.offset, detail: error.detail)))
        }
    }

    /// The non-blank lines of `buffer` from `start`, without their surrounding whitespace (so CRLF is fine);
    /// stops after `limit + 1` lines, which is enough to tell that there are too many.
    static func lines(of buffer: UnsafeRawBufferPointer, from start: Int = 0, limit: Int) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var lineStart = start
        let count = buffer.count
        while lineStart < count && lines.count <= limit {
            var newline = lineStart
            while newline < count && buffer[newline] != 0x0A { newline += 1 }
            var first = lineStart
            while first < newline && JSONReader.isWhitespace(buffer[first]) { first += 1 }
            var last = newline
            while last > first && JSONReader.isWhitespace(buffer[last - 1]) { last -= 1 }
            if first < last { lines.append(first..<last) }
            lineStart = newline + 1
        }
        return lines
    }
}
