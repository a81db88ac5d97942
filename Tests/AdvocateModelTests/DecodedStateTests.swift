import AdvocateCodec
import Testing

@testable import AdvocateModel

/// A state kept decoded across events must end where the compact state ends, event for event.
@Suite struct DecodedStateTests {
    /// The busy customer's events, with a disruption naming them and one of a segment they bought among them.
    static func events() -> [Event] {
        var events = busyCustomerEvents("c-0042")
        var named = Make.disruption("d-1", at(90, 6), "Lounge closed", customers: ["c-0042"])
        named.customer = "c-0042"
        var bySegment = Make.disruption("d-2", at(95, 6), "Delays", segment: "route:LHR-JFK")
        bySegment.customer = "c-0042"
        // After the first purchase of the segment, before the next one: the customer is told.
        events.insert(bySegment, at: 4)
        events.insert(named, at: 10)
        return events
    }

    @Test func followsTheCompactStateEventForEvent() throws {
        let model = makeModel()
        var compact = CustomerState()
        var decoded = DecodedState()
        var moves = 0
        var notices = 0
        for event in Self.events() {
            let expected = model.applyFollowingStage(event, to: &compact)
            let got = model.applyFollowingStage(event, to: &decoded)
            #expect(got.outputs == expected.outputs, "outputs of \(event.id)")
            #expect(got.before == expected.before && got.after == expected.after, "stages of \(event.id)")
            #expect(decoded.state.serialized() == compact.serialized(), "state after \(event.id)")
            if got.before != got.after { moves += 1 }
            notices += got.outputs.filter { if case .notice = $0 { true } else { false } }.count
        }
        // The stream moves the customer up the ladder and yields both notices, so the comparison covers them.
        #expect(moves >= 2)
        #expect(notices == 2)
        #expect(model.stage(of: compact) == .advocate)
        for disruption in Self.events() where disruption.id.hasPrefix("d-") {
            #expect(
                model.notice(for: disruption, customer: "c-0042", state: decoded)
                    == model.notice(for: disruption, customer: "c-0042", state: compact), "\(disruption.id)")
        }
    }

    @Test func readsWhatTheCompactStateWritesAndRefusesWhatItRefuses() throws {
        let model = makeModel()
        var compact = CustomerState()
        _ = model.apply(busyCustomerEvents("c-0042"), to: &compact)
        let bytes = compact.serialized()
        let decoded = try DecodedState(serialized: bytes)
        #expect(decoded.state.serialized() == bytes)
        #expect(DecodedState(compact) == decoded)
        #expect(DecodedState().state.serialized() == CustomerState().serialized())

        var damaged = bytes
        damaged[bytes.count / 2] ^= 0x10
        #expect(throws: CustomerStateError.self) { try CustomerState(serialized: damaged) }
        #expect(throws: CustomerStateError.self) { try DecodedState(serialized: damaged) }
        #expect(throws: CustomerStateError.tooShort(size: 3)) { try DecodedState(serialized: [1, 2, 3]) }
    }
}
