import AdvocateCodec
import Testing

@testable import AdvocateModel

/// The stored form: round trips, size, and damaged bytes.
@Suite struct CustomerStateTests {
    static func busyState() -> CustomerState {
        let model = makeModel()
        var state = CustomerState()
        _ = model.apply(busyCustomerEvents("c-0042"), to: &state)
        return state
    }

    /// The DESIGN.md example customer: nine events, nearly every event type.
    static let designEvents = [
        Make.purchase("p-1", "c-1", at(0, 10), order: "o-1", cents: 4_250, segment: "route:LHR-JFK"),
        Make.refund("r-1", "c-1", at(2, 9), order: "o-1", cents: 4_250),
        Make.contact("s-1", "c-1", at(1, 8), case: "k-1", channel: "phone"),
        Make.resolved("s-2", "c-1", at(1, 9, 30), case: "k-1"),
        Make.survey("v-1", "c-1", at(3, 12), .nps, 9, comment: "Quick fix, thanks"),
        Make.mention("m-1", "c-1", at(4, 7), "On hold for 40 minutes again", reach: 1_200),
        Make.reply("a-1", "c-1", at(4, 7, 12), to: "m-1"),
        Make.review("w-1", "c-1", at(5, 18), rating: 5, "Great service"),
        Make.referral("f-1", "c-1", at(6, 10), code: "REF-c-1", referee: "c-2"),
    ]

    @Test func emptyStateIsTenBytesAndRoundTrips() throws {
        let empty = CustomerState()
        #expect(empty.byteCount == 10)
        #expect(empty.eventCount == 0)
        #expect(empty.lastSeen == nil)
        #expect(try CustomerState(serialized: empty.serialized()) == empty)
    }

    @Test func busyStateRoundTripsToTheSameBytesAndProfile() throws {
        let state = Self.busyState()
        let model = makeModel()
        let copy = try CustomerState(serialized: state.serialized())
        #expect(copy.serialized() == state.serialized())
        #expect(copy.aggregates == state.aggregates)
        #expect(model.profile(of: copy, customer: "c-0042") == model.profile(of: state, customer: "c-0042"))
        #expect(copy.eventCount == 32)
        #expect(copy.lastSeen == at(331, 12))  // the twelfth purchase
    }

    /// Measured sizes (see the report): a light customer, the DESIGN.md example customer, a busy customer
    /// touching every feature. In memory a state is its bytes plus one array header (32 bytes).
    @Test func typicalStatesAreSmall() {
        let model = makeModel()
        var light = CustomerState()
        _ = model.apply(Make.signup("evt-0001234", "c-1", at(0)), to: &light)
        _ = model.apply(Make.purchase("evt-0001235", "c-1", at(1), order: "ord-001234", cents: 4_250), to: &light)
        #expect(light.byteCount <= 80)

        var design = CustomerState()
        _ = model.apply(Self.designEvents, to: &design)
        #expect(design.byteCount <= 220)

        #expect(Self.busyState().byteCount <= 360)
    }

    @Test func uuidIdsAreStoredAsSixteenBytes() throws {
        let model = makeModel()
        var short = CustomerState()
        var uuids = CustomerState()
        for (index, event) in Self.designEvents.enumerated() {
            _ = model.apply(event, to: &short)
            var copy = event
            copy.id = "0b7c52d4-3f1e-4a8b-9c6d-" + String(repeating: "0", count: 11) + String(index)
            if case .reply = copy.body {
                copy.body = .reply(Reply(to: "0b7c52d4-3f1e-4a8b-9c6d-000000000005"))
            }
            _ = model.apply(copy, to: &uuids)
        }
        let restored = try CustomerState(serialized: uuids.serialized())
        #expect(restored == uuids)
        #expect(
            model.profile(of: restored, customer: "c").explanation.contains {
                $0.eventID == "0b7c52d4-3f1e-4a8b-9c6d-000000000007"
            })
        // Each UUID costs 17 bytes instead of 38.
        #expect(uuids.byteCount - short.byteCount < 120)
    }

    @Test func uuidTextPacksOnlyCanonicalForms() {
        let lower = Array("123e4567-e89b-12d3-a456-426614174000".utf8)
        let packed = UUIDText.pack(lower)
        #expect(packed?.upper == false)
        var text: [UInt8] = []
        if let packed { UUIDText.unpack(packed.bytes, upper: false, into: &text) }
        #expect(text == lower)
        #expect(UUIDText.pack(Array("123E4567-E89B-12D3-A456-426614174000".utf8))?.upper == true)
        #expect(UUIDText.pack(Array("123E4567-e89b-12d3-a456-426614174000".utf8)) == nil)
        #expect(UUIDText.pack(Array("123e4567e89b-12d3-a456-4266141740000".utf8)) == nil)
        #expect(UUIDText.pack(Array("evt-1".utf8)) == nil)
    }

    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)[...]) == 0xCBF4_3926)
        #expect(CRC32.checksum([][...]) == 0)
        let long = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in long {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        #expect(CRC32.checksum(long[...]) == crc ^ 0xFFFF_FFFF)
    }

    @Test func everyTruncationIsAnError() {
        let bytes = Self.busyState().serialized()
        for length in 0..<bytes.count {
            #expect(throws: CustomerStateError.self) { try CustomerState(serialized: Array(bytes[..<length])) }
        }
    }

    @Test func everyFlippedBitIsAnError() {
        let bytes = Self.busyState().serialized()
        for index in bytes.indices {
            for bit in [0, 3, 7] {
                var damaged = bytes
                damaged[index] ^= 1 << bit
                #expect(throws: CustomerStateError.self) { try CustomerState(serialized: damaged) }
            }
        }
    }

    /// Structural checks hold even when the checksum is right (bytes written by a buggy or hostile writer).
    @Test func resealedGarbageIsAnErrorNotACrash() {
        var random = SeededGenerator(seed: 42)
        let valid = Self.busyState().serialized()
        for round in 0..<2_000 {
            var content: [UInt8]
            if round % 2 == 0 {
                content = Array(valid.dropLast(4))
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    content[Int.random(in: 1..<content.count, using: &random)] = UInt8.random(
                        in: 0...255, using: &random)
                }
            } else {
                content = [CustomerState.formatVersion]
                content += (0..<Int.random(in: 5...300, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                }
            }
            let sealed = content + Self.littleEndian(CRC32.checksum(content[...]))
            // Must not crash; when it decodes, it re-encodes to something that decodes again.
            if let state = try? CustomerState(serialized: sealed) {
                #expect((try? CustomerState(serialized: state.aggregates.encoded())) != nil)
            }
        }
    }

    @Test func errorsNameWhatIsWrong() throws {
        let valid = Self.busyState().serialized()
        #expect(throws: CustomerStateError.tooShort(size: 3)) { try CustomerState(serialized: [1, 2, 3]) }
        let huge = [UInt8](repeating: 0, count: 20_000)
        #expect(throws: CustomerStateError.tooLarge(size: 20_000, limit: 16_384)) {
            try CustomerState(serialized: huge)
        }
        var future = Array(valid.dropLast(4))
        future[0] = 2
        let resealed = future + Self.littleEndian(CRC32.checksum(future[...]))
        #expect(throws: CustomerStateError.unsupportedVersion(2)) { try CustomerState(serialized: resealed) }
        #expect(CustomerStateError.unsupportedVersion(2).description.contains("version 2"))
        var damaged = valid
        damaged[10] ^= 0xFF
        do {
            _ = try CustomerState(serialized: damaged)
            Issue.record("damaged state decoded")
        } catch {
            guard case .checksumMismatch = error else {
                Issue.record("expected a checksum mismatch, got \(error)")
                return
            }
            #expect(error.description.hasPrefix("customer state checksum mismatch: stored 0x"))
        }
        let trailing = Array(valid.dropLast(4)) + [0]
        let sealedTrailing = trailing + Self.littleEndian(CRC32.checksum(trailing[...]))
        #expect(throws: CustomerStateError.self) { try CustomerState(serialized: sealedTrailing) }
    }

    static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> UInt32(8 * $0)) }
    }

    @Test(arguments: [
        ("hello", true), ("héllo wörld", true), ("日本語", true), ("🙂", true),
    ])
    func validUTF8IsAccepted(text: String, valid: Bool) {
        #expect(UTF8Check.isValid(Array(text.utf8)) == valid)
    }

    @Test(
        arguments: [
            [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xE2, 0x82],
        ] as [[UInt8]])
    func invalidUTF8IsRejected(bytes: [UInt8]) {
        #expect(!UTF8Check.isValid(bytes))
    }
}
