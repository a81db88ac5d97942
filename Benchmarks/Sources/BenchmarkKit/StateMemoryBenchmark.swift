import AdvocateCodec
import AdvocateModel
import AdvocateSentiment
import AdvocateSimulation

/// Measures what a scoring worker's cache of customer state costs: it builds the state of many customers by
/// applying simulated events through `AdvocacyModel(judge: TextAssessor())`, keeps every customer's
/// `CustomerState` in a dictionary keyed by customer id, and reads the resident memory before and after.
///
/// Events come from `EventSimulator`, `eventsPerCustomer` per customer on average. The customers are simulated in
/// shards of at most `shardSize` (each shard its own stream, with its own seed, and its customer ids prefixed
/// `k<shard>-`), because one simulator with a million customers and eight million events reaches only about half
/// of them: its arrivals fall behind in so large a population, and those who did arrive get twice the events.
/// Shards of 100,000 reach nearly every customer with about eight events each. A `shardSize` of `customers` runs
/// one simulator.
///
/// Events are simulated in batches and only the application of a batch is timed. Events without a customer
/// (disruptions) are skipped, as the scoring stage skips them: they never change a customer's state.
public struct StateMemoryBenchmark: Sendable {
    /// The most customers (the simulator's own limit).
    public static let maxCustomers = SimulationOptions.maxCustomers
    /// The most events per customer.
    public static let maxEventsPerCustomer = 100
    /// Customers per simulator unless told otherwise.
    public static let defaultShardSize = 100_000
    /// Events simulated, then applied, at a time.
    static let batchSize = 4_096

    /// Customers simulated.
    public let customers: Int
    /// Events per customer, on average.
    public let eventsPerCustomer: Int
    /// The most customers one simulator makes.
    public let shardSize: Int
    /// The seed of the first shard's simulator; shard `k` uses `seed + k`.
    public let seed: UInt64

    /// - Parameters:
    ///   - customers: how many customers, 1 to `maxCustomers`.
    ///   - eventsPerCustomer: events per customer on average, 1 to `maxEventsPerCustomer`.
    ///   - shardSize: the most customers per simulator, 1 to `maxCustomers`.
    ///   - seed: the first simulator's seed.
    /// - Throws: `BenchmarkError.invalidOption` naming the value out of range.
    public init(
        customers: Int,
        eventsPerCustomer: Int = 8,
        shardSize: Int = defaultShardSize,
        seed: UInt64 = 1
    ) throws(BenchmarkError) {
        for (name, value, limit) in [
            ("customers", customers, Self.maxCustomers),
            ("events-per-customer", eventsPerCustomer, Self.maxEventsPerCustomer),
            ("shard-size", shardSize, Self.maxCustomers),
        ] where !(1...limit).contains(value) {
            throw .invalidOption(name: name, value: String(value), problem: "must be 1 to \(limit)")
        }
        self.customers = customers
        self.eventsPerCustomer = eventsPerCustomer
        self.shardSize = shardSize
        self.seed = seed
    }

    /// The simulations that together make `customers` customers: full shards, then the rest.
    var shards: [SimulationOptions] {
        stride(from: 0, to: customers, by: shardSize).enumerated().map { index, first in
            let count = min(shardSize, customers - first)
            return SimulationOptions(
                events: count * eventsPerCustomer, customers: count, seed: seed &+ UInt64(index))
        }
    }

    /// Builds the states and measures them.
    ///
    /// - Throws: `BenchmarkError.memoryUnavailable` where resident memory cannot be read, or
    ///   `BenchmarkError.invalidOption` when the simulator refuses the options.
    public func run() throws(BenchmarkError) -> StateMemoryReport {
        let model = AdvocacyModel(judge: TextAssessor())
        // A small untimed run first, so lexicons, catalogues and phrasebooks are loaded before the baseline.
        var warmup: [String: CustomerState] = [:]
        var warmupRun = Run()
        let warmupOptions = SimulationOptions(events: 2_000, customers: 100, seed: seed &- 1)
        try fill(&warmup, from: warmupOptions, prefix: "", model, &warmupRun)
        warmup = [:]
        ResidentMemory.releaseFreeMemory()
        let before = try ResidentMemory.current()

        var states: [String: CustomerState] = [:]
        var run = Run()
        let shards = self.shards
        for (index, options) in shards.enumerated() {
            try fill(&states, from: options, prefix: "k\(index)-", model, &run)
        }
        // The simulators and the last batch are gone now; what stays resident is the dictionary of states plus
        // whatever the allocator kept from the temporaries of millions of events.
        let after = try ResidentMemory.current()
        ResidentMemory.releaseFreeMemory()
        let afterRelease = try ResidentMemory.current()

        let sizes = states.values.map(\.byteCount)
        return StateMemoryReport(
            customersSimulated: customers,
            customersHeld: states.count,
            shards: shards.count,
            dictionaryCapacity: states.capacity,
            eventsSimulated: shards.reduce(0) { $0 + $1.events },
            eventsApplied: run.applied,
            eventsSkipped: run.skipped,
            outputs: run.outputs,
            residentBefore: before,
            residentAfter: after,
            residentAfterRelease: afterRelease,
            serializedBytes: Distribution(sizes),
            apply: Throughput(items: run.applied, duration: run.applying),
            simulationSeconds: run.simulating.seconds
        )
    }

    private struct Run {
        var applied = 0
        var skipped = 0
        var outputs = 0
        var applying: Duration = .zero
        var simulating: Duration = .zero
    }

    /// Simulates one stream in batches and applies each batch to `states`, timing the two apart. Customer ids get
    /// `prefix`, so that shards do not share customers.
    private func fill(
        _ states: inout [String: CustomerState],
        from options: SimulationOptions,
        prefix: String,
        _ model: AdvocacyModel,
        _ run: inout Run
    ) throws(BenchmarkError) {
        var simulator: EventSimulator
        do {
            simulator = try EventSimulator(options: options)
        } catch {
            throw .invalidOption(name: error.option, value: error.value, problem: error.problem)
        }
        let clock = ContinuousClock()
        var batch: [Event] = []
        batch.reserveCapacity(Self.batchSize)
        while true {
            batch.removeAll(keepingCapacity: true)
            let simulationStart = clock.now
            while batch.count < Self.batchSize, var event = simulator.next() {
                if let customer = event.customer, !prefix.isEmpty { event.customer = prefix + customer }
                batch.append(event)
            }
            run.simulating += simulationStart.duration(to: clock.now)
            if batch.isEmpty { break }

            let applyStart = clock.now
            for event in batch {
                guard let customer = event.customer else {
                    run.skipped += 1
                    continue
                }
                // Modified in place through the dictionary, as a worker's cache would be.
                run.outputs += model.apply(event, to: &states[customer, default: CustomerState()]).count
                run.applied += 1
            }
            run.applying += applyStart.duration(to: clock.now)
        }
    }
}
