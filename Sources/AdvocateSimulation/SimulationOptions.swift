import AdvocateCodec

/// What to simulate: how many events, for how many customers, from which seed and start time.
///
/// The same options always give the same stream, byte for byte, on every machine.
public struct SimulationOptions: Sendable, Hashable {
    /// The number of events the stream holds, counting re-emitted duplicates.
    public var events: Int
    /// The number of distinct customers who may appear. They arrive over time, so a short stream
    /// may end before the last of them signs up.
    public var customers: Int
    /// The seed of the generator; different seeds give different streams and different event ids.
    public var seed: UInt64
    /// The event time of the first arrival.
    public var start: Timestamp
    /// The share of the stream (0 to 0.5) that is re-emitted copies of earlier events, as producers that
    /// retry send an event again.
    ///
    /// A copy is identical to its original (same id, same `at`, same fields) and follows it within
    /// ``SimulationOptions/maxDuplicateLag`` events, so it is the one kind of event that may carry an
    /// earlier time than the event before it.
    public var duplicateRate: Double

    /// 2026-01-05T08:00:00Z, a Monday morning.
    public static let defaultStart = Timestamp(seconds: 1_767_600_000)
    /// The longest stream the simulator makes.
    public static let maxEvents = 1_000_000_000
    /// The most customers the simulator keeps (about 150 bytes of state each).
    public static let maxCustomers = 2_000_000
    /// At most this many customers per requested event; more could never show up in the stream.
    public static let maxCustomersPerEvent = 10
    /// The highest allowed ``duplicateRate``.
    public static let maxDuplicateRate = 0.5
    /// A duplicate follows its original by at most this many events.
    public static let maxDuplicateLag = 40
    /// The latest allowed start, which leaves the stream room to run before year 9999.
    public static let latestStart = Timestamp(seconds: 221_845_392_000)  // 9000-01-01T00:00:00Z

    /// Options for a stream of `events` events.
    ///
    /// - Parameters:
    ///   - events: how many events to yield, counting duplicates.
    ///   - customers: how many customers; by default `max(50, events / 25)`, about 25 events each.
    ///   - seed: the generator's seed.
    ///   - start: the time of the first event.
    ///   - duplicateRate: the share of re-emitted duplicates, 0 by default.
    public init(
        events: Int,
        customers: Int? = nil,
        seed: UInt64 = 1,
        start: Timestamp = SimulationOptions.defaultStart,
        duplicateRate: Double = 0
    ) {
        self.events = events
        self.customers = customers ?? Swift.max(50, events / 25)
        self.seed = seed
        self.start = start
        self.duplicateRate = duplicateRate
    }

    /// Checks that the options describe a stream that can be made.
    ///
    /// - Throws: ``SimulationOptionsError`` naming the first offending option and its value.
    public func validate() throws(SimulationOptionsError) {
        guard events >= 0 else {
            throw SimulationOptionsError(option: "events", value: String(events), problem: "must not be negative")
        }
        guard events <= SimulationOptions.maxEvents else {
            throw SimulationOptionsError(
                option: "events",
                value: String(events),
                problem: "must be at most \(SimulationOptions.maxEvents)"
            )
        }
        guard customers >= 1 else {
            throw SimulationOptionsError(option: "customers", value: String(customers), problem: "must be at least 1")
        }
        guard customers <= SimulationOptions.maxCustomers else {
            throw SimulationOptionsError(
                option: "customers",
                value: String(customers),
                problem: "must be at most \(SimulationOptions.maxCustomers)"
            )
        }
        // The default for tiny streams is 50 customers, so 50 is always allowed.
        let allowedCustomers = Swift.max(50, events.multipliedReportingOverflow(by: 10).partialValue)
        guard customers <= allowedCustomers else {
            throw SimulationOptionsError(
                option: "customers",
                value: String(customers),
                problem: "must be at most max(50, \(SimulationOptions.maxCustomersPerEvent) x events) = "
                    + "\(allowedCustomers) for \(events) events"
            )
        }
        guard duplicateRate.isFinite, duplicateRate >= 0, duplicateRate <= SimulationOptions.maxDuplicateRate else {
            throw SimulationOptionsError(
                option: "duplicateRate",
                value: String(duplicateRate),
                problem: "must be a number from 0 to \(SimulationOptions.maxDuplicateRate)"
            )
        }
        guard start.microseconds >= 0, start <= SimulationOptions.latestStart else {
            throw SimulationOptionsError(
                option: "start",
                value: String(start.microseconds) + " microseconds since 1970",
                problem: "must be between 1970-01-01 and 9000-01-01"
            )
        }
    }
}
