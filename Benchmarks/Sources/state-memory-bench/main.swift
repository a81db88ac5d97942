import ArgumentParser
import BenchmarkKit

/// Measures the memory of a scoring worker's cache of customer state and the speed of applying events to it;
/// `ops/bench` runs it.
@main
struct StateMemoryBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state-memory-bench",
        abstract: "Build scoring state for many simulated customers; report memory per customer and apply speed."
    )

    @Option(help: "Customers to simulate, 1 to 2,000,000.")
    var customers = 1_000_000

    @Option(help: "Simulated events per customer, on average, 1 to 100.")
    var eventsPerCustomer = 8

    @Option(help: "The most customers one simulator makes; customers beyond it come from further simulators.")
    var shardSize = StateMemoryBenchmark.defaultShardSize

    @Option(help: "The first simulator's seed; each further one uses the next.")
    var seed: UInt64 = 1

    @Flag(help: "Print the figures as one line of JSON.")
    var json = false

    func run() throws {
        let benchmark = try StateMemoryBenchmark(
            customers: customers, eventsPerCustomer: eventsPerCustomer, shardSize: shardSize, seed: seed)
        let report = try benchmark.run()
        print(json ? try report.jsonLine() : report.summary)
    }
}
