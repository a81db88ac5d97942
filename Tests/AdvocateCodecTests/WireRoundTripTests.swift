import AdvocateCodec
import Testing

@Suite("Binary events and wire frames")
struct WireRoundTripTests {
    @Test(
        "every event type survives binary() and Event(binary:)",
        arguments: Fixtures.events.map(\.event) + Fixtures.minimalEvents)
    func eventRoundTrip(event: Event) throws {
        let bytes = event.binary()
        #expect(Array(bytes.prefix(3)) == [0x01, 0xE7, event.type.code])
        #expect(try Event(binary: bytes) == event)
        #expect(try Event(binary: bytes[...]) == event)
        var writer = BinaryWriter()
        event.encode(into: &writer)
        #expect(writer.bytes == Array(bytes.dropFirst(2)))
    }

    @Test("events parsed from JSON survive the binary form", arguments: Fixtures.designLines)
    func jsonThenBinary(line: String) throws {
        let event = try #require(EventRequestParser().parse(line).events.first)
        #expect(try Event(binary: event.binary()) == event)
    }

    @Test(
        "every message survives encoded() and WireMessage(decoding:)",
        arguments: Fixtures.messages.map(\.message) + Fixtures.moreMessages)
    func messageRoundTrip(message: WireMessage) throws {
        let bytes = message.encoded()
        #expect(Array(bytes.prefix(3)) == [0xAD, 0x01, message.kind])
        #expect(try WireMessage(decoding: bytes) == message)
        let viaPointer = try bytes.withUnsafeBytes { raw throws(WireDecodingError) in try WireMessage(decoding: raw) }
        #expect(viaPointer == message)
    }

    func wireError(_ bytes: [UInt8]) -> WireDecodingError? {
        do throws(WireDecodingError) {
            _ = try WireMessage(decoding: bytes)
            return nil
        } catch {
            return error
        }
    }

    func eventError(_ bytes: [UInt8]) -> WireDecodingError? {
        do throws(WireDecodingError) {
            _ = try Event(binary: bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test("frame headers: magic, version, kind, trailing bytes")
    func frameHeaders() {
        #expect(wireError([]) == WireDecodingError(offset: 0, kind: .truncated))
        #expect(wireError([0xAE, 0x01, 0x08]) == WireDecodingError(offset: 0, kind: .badMagic))
        #expect(wireError([0xAD]) == WireDecodingError(offset: 1, kind: .truncated))
        #expect(wireError([0xAD, 0x02, 0x08]) == WireDecodingError(offset: 1, kind: .unsupportedVersion(2)))
        #expect(wireError([0xAD, 0x01]) == WireDecodingError(offset: 2, kind: .truncated))
        #expect(wireError([0xAD, 0x01, 0x00]) == WireDecodingError(offset: 2, kind: .unknownKind(0)))
        #expect(wireError([0xAD, 0x01, 0x0D]) == WireDecodingError(offset: 2, kind: .unknownKind(13)))
        #expect(wireError([0xAD, 0x01, 0x08, 0x00]) == WireDecodingError(offset: 3, kind: .trailingBytes(count: 1)))
        #expect(
            wireError(WireMessage.goodbye.encoded() + [1, 2])
                == WireDecodingError(offset: 3, kind: .trailingBytes(count: 2)))
        #expect(WireMessage.currentVersion == 1)
    }

    @Test("payload codes are checked")
    func payloadCodes() {
        // hello with role 3
        #expect(
            wireError([0xAD, 1, 1, 1, 0x77, 3, 1])
                == WireDecodingError(offset: 5, kind: .unknownCode(what: "worker role", value: 3)))
        // error with code 9
        #expect(
            wireError([0xAD, 1, 10, 9, 0, 0])
                == WireDecodingError(offset: 3, kind: .unknownCode(what: "error", value: 9)))
        // a candidate with kind 7
        var candidate = Fixtures.bareCandidate.encodedCandidate
        candidate[1 + 1 + Fixtures.bareCandidate.id.utf8.count] = 7
        let frame = [0xAD, 1, 6, 0, 0, 1] + candidate
        #expect(wireError(frame)?.kind == .unknownCode(what: "candidate kind", value: 7))
        // a candidate with the unused presence bit
        var flagged = Fixtures.bareCandidate.encodedCandidate
        flagged.replaceSubrange(0..<1, with: [0x80, 0x10])
        #expect(
            wireError([0xAD, 1, 6, 0, 0, 1] + flagged)?.kind == .invalidValue(what: "candidate presence bits 2048"))
    }

    @Test("event record headers")
    func recordHeaders() {
        let record = Fixtures.events[12].event.binary()
        #expect(eventError([]) == WireDecodingError(offset: 0, kind: .truncated))
        #expect(eventError([0x01]) == WireDecodingError(offset: 1, kind: .truncated))
        #expect(eventError([0x01, 0x00] + record.dropFirst(2)) == WireDecodingError(offset: 1, kind: .badMagic))
        #expect(
            eventError([0x02, 0xE7] + record.dropFirst(2)) == WireDecodingError(offset: 0, kind: .unsupportedVersion(2))
        )
        #expect(eventError(record + [0]) == WireDecodingError(offset: record.count, kind: .trailingBytes(count: 1)))
        #expect(
            eventError([0x01, 0xE7, 99])
                == WireDecodingError(offset: 2, kind: .unknownCode(what: "event type", value: 99)))
    }

    @Test(
        "decoding refuses events that break the format's rules",
        arguments: [
            (
                Event(id: "v", customer: "c", at: Fixtures.at, body: .survey(Survey(kind: .nps, score: 11))),
                "nps score 11 out of range"
            ),
            (
                Event(id: "v", customer: "c", at: Fixtures.at, body: .survey(Survey(kind: .csat, score: 0))),
                "csat score 0 out of range"
            ),
            (Event(id: "", customer: "c", at: Fixtures.at, body: .suggestion(Suggestion(text: "t"))), "empty id"),
            (
                Event(id: "x", customer: nil, at: Fixtures.at, body: .suggestion(Suggestion(text: "t"))),
                "suggestion without a customer"
            ),
            (
                Event(
                    id: "x", customer: "c", at: Timestamp(microseconds: -1), body: .suggestion(Suggestion(text: "t"))),
                "time -1 outside 1970-9999"
            ),
            (
                Event(id: "w", customer: "c", at: Fixtures.at, body: .review(Review(platform: "p", rating: 0))),
                "rating 0 out of range"
            ),
            (
                Event(
                    id: "p", customer: "c", at: Fixtures.at,
                    body: .purchase(Purchase(order: "o", amount: Money(units: -1)))), "amount -0.0001 out of range"
            ),
            (
                Event(
                    id: "p", customer: "c", at: Fixtures.at,
                    body: .purchase(Purchase(order: "o", amount: .zero, currency: "eur"))),
                "currency \"eur\" is not 3 upper-case letters"
            ),
            (
                Event(
                    id: "m", customer: "c", at: Fixtures.at, body: .mention(Mention(channel: "x", text: "t", reach: -1))
                ), "reach -1 out of range"
            ),
            (
                Event(id: "d", customer: nil, at: Fixtures.at, body: .disruption(Disruption(what: "w"))),
                "disruption without segment or customers"
            ),
            (
                Event(
                    id: "s", customer: "c", at: Fixtures.at, body: .suggestion(Suggestion(text: "t")),
                    extra: [ExtraField(key: "b", json: "1"), ExtraField(key: "a", json: "1")]),
                "unknown fields not sorted or repeated at \"a\""
            ),
            (
                Event(
                    id: "s", customer: "c", at: Fixtures.at, body: .suggestion(Suggestion(text: "t")),
                    extra: [ExtraField(key: "text", json: "1")]),
                "unknown field \"text\" is a field of suggestion"
            ),
            (
                Event(
                    id: "s", customer: "c", at: Fixtures.at, body: .suggestion(Suggestion(text: "t")),
                    extra: [ExtraField(key: "a", json: "[1, 2]")]),
                "unknown field \"a\" is not minified JSON"
            ),
            (
                Event(
                    id: "s", customer: "c", at: Fixtures.at, body: .suggestion(Suggestion(text: "t")),
                    extra: [ExtraField(key: "a", json: #"{"k":1,"k":2}"#)]),
                "unknown field \"a\" is not minified JSON"
            ),
            (
                Event(
                    id: "s", customer: "c", at: Fixtures.at, body: .suggestion(Suggestion(text: "t")),
                    extra: [
                        ExtraField(
                            key: "a", json: String(repeating: "[", count: 32) + String(repeating: "]", count: 32))
                    ]),
                "unknown field \"a\" is not minified JSON"
            ),
        ])
    func invalidEvents(event: Event, problem: String) {
        #expect(event.validationProblem == problem)
        #expect(eventError(event.binary()) == WireDecodingError(offset: 2, kind: .invalidValue(what: problem)))
        let frame = WireMessage.events(
            EventBatch(lease: Fixtures.lease, entries: [JournalEntry(sequence: 1, event: event)]))
        #expect(wireError(frame.encoded())?.kind == .invalidValue(what: problem))
    }

    @Test("valid fixtures have no validation problem")
    func validFixtures() {
        for event in Fixtures.events.map(\.event) + Fixtures.minimalEvents {
            #expect(event.validationProblem == nil, "\(event.id)")
        }
    }

    @Test("unknown presence bits are refused")
    func presenceBits() {
        // A suggestion has no optional fields of its own, so bit 3 is invalid.
        var bytes = Fixtures.events[12].event.binary()
        bytes[3] |= 0x08
        #expect(
            eventError(bytes)
                == WireDecodingError(offset: 3, kind: .invalidValue(what: "presence bits 9 for suggestion")))
    }
}

extension RewardCandidate {
    /// The candidate's bytes inside a `candidates` frame.
    var encodedCandidate: [UInt8] {
        let frame = WireMessage.candidates(CandidateBatch(batch: 0, candidates: [self])).encoded()
        return Array(frame.dropFirst(6))
    }
}
