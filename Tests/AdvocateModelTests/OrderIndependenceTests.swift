import AdvocateCodec
import Testing

@testable import AdvocateModel

/// The state is a function of the set of events: any order gives the same bytes, the same profile, the same
/// final alerts, and the same decisions where a decision is by nature unique.
@Suite struct OrderIndependenceTests {
    static let sets = 200
    /// The generated order, reversed, sorted by time, and random shuffles up to this many.
    static let ordersPerSet = 6

    @Test func anyOrderGivesTheSameStateProfileAndFinalAlerts() throws {
        let model = makeModel()
        var generator = EventSetGenerator(seed: 20_261_101)
        for set in 0..<Self.sets {
            let steps = generator.steps(count: generator.int(1...45))
            var orders = [steps, steps.reversed(), steps.sorted { $0.time < $1.time }]
            while orders.count < Self.ordersPerSet { orders.append(steps.shuffled(using: &generator.random)) }

            let reference = model.run(orders[0])
            let referenceProfile = model.profile(of: reference.state, customer: "c")
            let keptAlerts = Set(reference.state.aggregates.alerts.map { "alert:" + $0.trigger })
            let referenceAlerts = reference.outputs.finalAlerts.filter { keptAlerts.contains($0.key) }
            let singleEventCandidates = Set(reference.outputs.candidates.filter(\.isSingleEvent).map(\.id))

            for (index, order) in orders.enumerated().dropFirst() {
                let run = model.run(order)
                try #require(
                    run.state.serialized() == reference.state.serialized(),
                    "set \(set), order \(index): state bytes differ"
                )
                #expect(model.profile(of: run.state, customer: "c") == referenceProfile, "set \(set), order \(index)")
                #expect(
                    run.outputs.finalAlerts.filter { keptAlerts.contains($0.key) } == referenceAlerts,
                    "set \(set), order \(index): final alerts differ"
                )
                #expect(Set(run.outputs.candidates.filter(\.isSingleEvent).map(\.id)) == singleEventCandidates)
                // Becoming an advocate happens exactly once, whatever the order, iff the customer is one.
                let becameAdvocate = run.outputs.candidates.count { $0.kind == .becameAdvocate }
                #expect(becameAdvocate == (referenceProfile.stage == .advocate ? 1 : 0), "set \(set), order \(index)")
                if run.state.aggregates.referralConverted {
                    #expect(run.outputs.candidates.contains { $0.kind == .referralConverted })
                }
            }
        }
    }

    @Test func batchApplicationEqualsOneAtATime() {
        let model = makeModel()
        var generator = EventSetGenerator(seed: 7)
        for _ in 0..<20 {
            let events = generator.steps(count: 30).compactMap { step -> Event? in
                if case .event(let event) = step { event } else { nil }
            }
            var single = CustomerState()
            var singleOutputs: [ModelOutput] = []
            for event in events { singleOutputs += model.apply(event, to: &single) }
            var batch = CustomerState()
            let batchOutputs = model.apply(events, to: &batch)
            #expect(batch == single)
            #expect(batchOutputs == singleOutputs)
        }
    }

    @Test func aMillionEventCustomerStaysInTheSameSizeClass() {
        let model = makeModel()
        var generator = EventSetGenerator(seed: 99, maxReplies: .max)
        var state = CustomerState()
        var largest = 0
        for step in generator.steps(count: 5_000) {
            if case .event(let event) = step { _ = model.apply(event, to: &state) }
            largest = max(largest, state.byteCount)
        }
        #expect(state.eventCount > 4_000)
        // Bounded by the windows, not by the events: the same class as a busy customer's.
        #expect(largest < 1_200)
    }
}

extension RewardCandidate {
    /// Candidates decided by one event alone, which every order must raise identically.
    var isSingleEvent: Bool {
        kind == .promoter || kind == .goodReview || kind == .orderRefunded
    }
}
