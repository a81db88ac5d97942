import AdvocateCodec
import AdvocateSimulation
import Testing

@Suite("Simulation options")
struct SimulationOptionsTests {
    @Test("defaults follow the documented rules")
    func defaults() throws {
        let options = SimulationOptions(events: 10_000)
        #expect(options.customers == 400)
        #expect(options.seed == 1)
        #expect(options.duplicateRate == 0)
        #expect(options.start == Timestamp(seconds: 1_767_600_000))  // 2026-01-05T08:00:00Z
        #expect(SimulationOptions(events: 100).customers == 50)
        #expect(SimulationOptions(events: 100, customers: 7).customers == 7)
        try options.validate()
    }

    @Test(
        "sensible edge cases are accepted",
        arguments: [
            SimulationOptions(events: 0),
            SimulationOptions(events: 1),
            SimulationOptions(events: 1, customers: 50),
            SimulationOptions(events: 100, customers: 1_000),
            SimulationOptions(events: 5, customers: 1, seed: .max),
            SimulationOptions(events: 10, duplicateRate: 0.5),
            SimulationOptions(events: 10, start: Timestamp(seconds: 0)),
        ])
    func accepted(options: SimulationOptions) throws {
        try options.validate()
        _ = try EventSimulator(options: options)
    }

    @Test(
        "nonsense is rejected with an error naming the option and value",
        arguments: [
            (SimulationOptions(events: -1), "events", "-1"),
            (SimulationOptions(events: 1_000_000_001), "events", "1000000001"),
            (SimulationOptions(events: 100, customers: 0), "customers", "0"),
            (SimulationOptions(events: 100, customers: -5), "customers", "-5"),
            (SimulationOptions(events: 100, customers: 1_001), "customers", "1001"),
            (SimulationOptions(events: 1, customers: 51), "customers", "51"),
            (SimulationOptions(events: 1_000_000_000, customers: 3_000_000), "customers", "3000000"),
            (SimulationOptions(events: 10, duplicateRate: -0.1), "duplicateRate", "-0.1"),
            (SimulationOptions(events: 10, duplicateRate: 0.75), "duplicateRate", "0.75"),
            (SimulationOptions(events: 10, duplicateRate: .nan), "duplicateRate", "nan"),
            (SimulationOptions(events: 10, start: Timestamp(seconds: -1)), "start", "-1000000"),
            (SimulationOptions(events: 10, start: Timestamp(seconds: 300_000_000_000)), "start", "300000000000000000"),
        ])
    func rejected(options: SimulationOptions, option: String, value: String) throws {
        let error = try #require(throws: SimulationOptionsError.self) { try options.validate() }
        #expect(error.option == option)
        #expect(error.value.hasPrefix(value))
        #expect(error.description.contains("\(option) = \(value)"))
        #expect(throws: SimulationOptionsError.self) { try EventSimulator(options: options) }
    }

    @Test("the customers limit explains itself")
    func customersMessage() throws {
        let error = try #require(throws: SimulationOptionsError.self) {
            try SimulationOptions(events: 100, customers: 5_000).validate()
        }
        let expected =
            "invalid simulation option customers = 5000: "
            + "must be at most max(50, 10 x events) = 1000 for 100 events"
        #expect(error.description == expected)
    }
}
