import AdvocateCodec
import AdvocateSimulation
import Testing

@Suite("Event simulator: the stream's mechanics")
struct EventSimulatorTests {
    @Test("same options give the same events; another seed gives other events and ids")
    func determinism() {
        let options = SimulationOptions(events: 3_000, seed: 42)
        let first = StreamFixture.make(options)
        let second = StreamFixture.make(options)
        #expect(first == second)
        #expect(first.first?.id == "s42-g-000001")

        let other = StreamFixture.make(SimulationOptions(events: 3_000, seed: 43))
        #expect(other != first)
        let ids = Set(first.map(\.id))
        #expect(other.allSatisfy { !ids.contains($0.id) })
        #expect(other.allSatisfy { $0.id.hasPrefix("s43-") })
        // Not just the ids: the content differs too.
        let contentFirst = first.map { EventLine.render($0).split(separator: "|").dropFirst().joined() }
        let contentOther = other.map { EventLine.render($0).split(separator: "|").dropFirst().joined() }
        #expect(contentFirst != contentOther)
    }

    @Test("iterating as a sequence gives the same events as calling next()")
    func sequence() throws {
        let options = SimulationOptions(events: 500, seed: 9)
        var collected: [Event] = []
        for event in try EventSimulator(options: options) { collected.append(event) }
        #expect(collected == StreamFixture.make(options))
    }

    @Test(
        "yields exactly the requested number of events",
        arguments: [(0, 0.0), (1, 0.0), (7, 0.0), (60, 0.0), (1_234, 0.0), (1_234, 0.3), (500, 0.5)])
    func exactCount(events: Int, duplicateRate: Double) throws {
        var simulator = try EventSimulator(options: SimulationOptions(events: events, duplicateRate: duplicateRate))
        var count = 0
        while simulator.next() != nil { count += 1 }
        #expect(count == events)
        #expect(simulator.emittedCount == events)
        #expect(simulator.next() == nil)
        #expect(simulator.underestimatedCount == 0)
    }

    @Test("a tiny population still fills a long stream")
    func fewCustomers() {
        let events = StreamFixture.make(SimulationOptions(events: 3_000, customers: 1, seed: 5))
        #expect(events.count == 3_000)
        #expect(Set(events.compactMap(\.customer)) == ["c-000001"])
    }

    @Test("events come in non-decreasing event time")
    func timeOrder() {
        let events = StreamFixture.standard
        for (previous, next) in zip(events, events.dropFirst()) where next.at < previous.at {
            Issue.record("\(next.id) at \(next.at) comes after \(previous.id) at \(previous.at)")
            return
        }
        #expect(events.first?.at == SimulationOptions.defaultStart)
    }

    @Test("event ids are unique and well formed")
    func uniqueIDs() {
        let events = StreamFixture.standard
        #expect(Set(events.map(\.id)).count == events.count)
        for event in events {
            let parts = event.id.split(separator: "-")
            #expect(parts.count == 3 && parts[0] == "s1" && parts[2].count >= 6, "bad id \(event.id)")
        }
    }

    @Test("customer ids look like c-000123 and stay within the population")
    func customerIDs() {
        let events = StreamFixture.standard
        let customers = Set(events.compactMap(\.customer))
        #expect(customers.count <= 800)
        #expect(customers.count >= 760, "most of the 800 customers arrive: \(customers.count)")
        for customer in customers {
            let number = Int(customer.dropFirst(2)) ?? 0
            #expect(customer.hasPrefix("c-") && customer.count == 8 && (1...800).contains(number), "\(customer)")
        }
    }

    @Test("duplicates are exact copies of recent events, in the requested share")
    func duplicates() throws {
        let events = StreamFixture.make(SimulationOptions(events: 10_000, seed: 3, duplicateRate: 0.2))
        #expect(events.count == 10_000)
        var firstSeen: [String: Int] = [:]
        var duplicates = 0
        var latestOriginal = Timestamp(microseconds: 0)
        for (position, event) in events.enumerated() {
            if let original = firstSeen[event.id] {
                duplicates += 1
                #expect(events[original] == event, "duplicate \(event.id) differs from its original")
                #expect(position - original <= SimulationOptions.maxDuplicateLag, "\(event.id) lags too far")
            } else {
                firstSeen[event.id] = position
                #expect(event.at >= latestOriginal, "original \(event.id) is out of time order")
                latestOriginal = event.at
            }
        }
        #expect((1_700...2_300).contains(duplicates), "duplicates: \(duplicates)")
    }

    @Test("the stream is the same on every machine (fingerprint of seed 7)")
    func fingerprint() {
        let events = StreamFixture.make(SimulationOptions(events: 2_000, seed: 7, duplicateRate: 0.05))
        // Computed once and committed: a change here means the stream changed for everyone.
        #expect(EventLine.fingerprint(events) == EventSimulatorTests.expectedFingerprint)
    }

    static let expectedFingerprint: UInt64 = 12_740_106_275_321_531_456
}
