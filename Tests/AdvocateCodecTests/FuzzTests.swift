import AdvocateCodec
import Testing

/// Seeded fuzzing: hostile input must produce errors, never crashes, and anything that does decode must be a
/// value that encodes and decodes to itself.
@Suite("Fuzzing")
struct FuzzTests {
    /// Valid encodings to mutate: every golden frame and event record.
    static let frames = Fixtures.messages.map { $0.message.encoded() } + Fixtures.moreMessages.map { $0.encoded() }
    static let records = Fixtures.events.map { $0.event.binary() } + Fixtures.minimalEvents.map { $0.binary() }

    /// One hostile variant of `base`: cut short, bytes changed, inserted or removed, or random bytes.
    static func mutate(_ base: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = base
        switch random.next() % 6 {
        case 0:
            bytes = Array(bytes.prefix(Int(random.next() % UInt64(bytes.count + 1))))
        case 1, 2:
            for _ in 0...(random.next() % 3) where !bytes.isEmpty {
                let index = Int(random.next() % UInt64(bytes.count))
                bytes[index] =
                    random.next() % 4 == 0
                    ? bytes[index] ^ (1 << UInt8(random.next() % 8)) : UInt8(truncatingIfNeeded: random.next())
            }
        case 3:
            let index = Int(random.next() % UInt64(bytes.count + 1))
            let extra = (0..<(1 + random.next() % 4)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            bytes.insert(contentsOf: extra, at: index)
        case 4:
            if !bytes.isEmpty {
                let start = Int(random.next() % UInt64(bytes.count))
                let end = min(bytes.count, start + 1 + Int(random.next() % 4))
                bytes.removeSubrange(start..<end)
            }
        default:
            // Random payload behind a valid header, so the fuzz reaches past the header checks.
            let count = Int(random.next() % 64)
            bytes = Array(bytes.prefix(3)) + (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
        return bytes
    }

    @Test("100,000 mutated frames and records decode to errors or to values that round-trip")
    func binary() {
        var random = SplitMix64(seed: 0xAD_C0DE_0001)
        var decodedFrames = 0
        var decodedRecords = 0
        var unstable: [[UInt8]] = []
        for round in 0..<100_000 {
            if round % 2 == 0 {
                let base = FuzzTests.frames[Int(random.next() % UInt64(FuzzTests.frames.count))]
                let input = FuzzTests.mutate(base, &random)
                guard let message = try? WireMessage(decoding: input) else { continue }
                decodedFrames += 1
                if (try? WireMessage(decoding: message.encoded())) != message { unstable.append(input) }
            } else {
                let base = FuzzTests.records[Int(random.next() % UInt64(FuzzTests.records.count))]
                let input = FuzzTests.mutate(base, &random)
                guard let event = try? Event(binary: input) else { continue }
                decodedRecords += 1
                if (try? Event(binary: event.binary())) != event { unstable.append(input) }
                if EventRequestParser().parse(event.json()).events != [event] { unstable.append(input) }
            }
        }
        #expect(unstable.isEmpty, "inputs whose decoded value did not round-trip: \(unstable.prefix(3))")
        // Most mutations must be refused; a few (changed string bytes, sequence numbers) stay valid.
        #expect(decodedFrames < 25_000)
        #expect(decodedRecords < 25_000)
        #expect(decodedFrames + decodedRecords > 0)
    }

    /// JSON-ish fragments that make mutations more likely to reach deep into the parser.
    static let fragments: [String] = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud83d", "null", "true", "-", "0", "1e9", ".5", " ", "\n",
        "\r\n", "\"type\":\"mention\"", "\"amount\":", "\"at\":\"2026-02-29T00:00:00Z\"", "\"x\":{\"a\":1,\"a\":2}",
        "é", "\u{1}", "9999999999999999999999",
    ]

    static func mutateText(_ base: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = base
        for _ in 0...(random.next() % 3) {
            let index = Int(random.next() % UInt64(bytes.count + 1))
            switch random.next() % 5 {
            case 0 where index < bytes.count:
                bytes[index] = UInt8(truncatingIfNeeded: random.next())
            case 1 where index < bytes.count:
                bytes.removeSubrange(index..<min(bytes.count, index + 1 + Int(random.next() % 8)))
            case 2:
                bytes = Array(bytes.prefix(index))
            default:
                let fragment = fragments[Int(random.next() % UInt64(fragments.count))]
                bytes.insert(contentsOf: Array(fragment.utf8), at: index)
            }
        }
        return bytes
    }

    @Test("20,000 mutated JSON bodies parse without crashing; accepted events round-trip")
    func json() {
        var random = SplitMix64(seed: 0x15_0E_7E_57)
        let bases = Fixtures.designLines.map { Array($0.utf8) } + Fixtures.events.map { Array($0.event.json().utf8) }
        let parser = EventRequestParser()
        var accepted = 0
        var rejected = 0
        var unstable: [String] = []
        for round in 0..<20_000 {
            var body: [UInt8]
            switch round % 4 {
            case 0:
                // Several lines as NDJSON, one of them mutated.
                body = []
                for line in 0..<3 {
                    let base = bases[Int(random.next() % UInt64(bases.count))]
                    body += (line == 1 ? FuzzTests.mutateText(base, &random) : base) + [0x0A]
                }
            case 1:
                body =
                    [UInt8(ascii: "[")] + FuzzTests.mutateText(bases[Int(random.next() % UInt64(bases.count))], &random)
                    + [UInt8(ascii: "]")]
            default:
                body = FuzzTests.mutateText(bases[Int(random.next() % UInt64(bases.count))], &random)
            }
            let parsed = parser.parse(body)
            if parsed.requestError != nil { rejected += 1 }
            for item in parsed.items {
                switch item.outcome {
                case .success(let event):
                    accepted += 1
                    if parser.parse(event.json()).events != [event] { unstable.append(event.json()) }
                    if (try? Event(binary: event.binary())) != event { unstable.append(event.json()) }
                case .failure(let rejection):
                    rejected += 1
                    if rejection.message.isEmpty || rejection.reason.isEmpty { unstable.append("empty message") }
                }
            }
        }
        #expect(unstable.isEmpty, "\(unstable.prefix(3))")
        #expect(accepted > 1_000)
        #expect(rejected > 1_000)
    }
}
