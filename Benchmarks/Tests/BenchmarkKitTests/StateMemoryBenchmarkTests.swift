import Foundation
import Testing

@testable import BenchmarkKit

@Suite struct StateMemoryBenchmarkTests {
    @Test(arguments: [(0, 8, 10), (2_000_001, 8, 10), (10, 0, 10), (10, 101, 10), (10, 8, 0)])
    func refusesOptionsOutOfRange(customers: Int, eventsPerCustomer: Int, shardSize: Int) {
        #expect(throws: BenchmarkError.self) {
            try StateMemoryBenchmark(customers: customers, eventsPerCustomer: eventsPerCustomer, shardSize: shardSize)
        }
    }

    @Test func splitsCustomersIntoShardsWithTheirOwnSeeds() throws {
        let shards = try StateMemoryBenchmark(customers: 250, eventsPerCustomer: 8, shardSize: 100, seed: 7).shards
        #expect(shards.map(\.customers) == [100, 100, 50])
        #expect(shards.map(\.events) == [800, 800, 400])
        #expect(shards.map(\.seed) == [7, 8, 9])
        let single = try StateMemoryBenchmark(customers: 250, shardSize: 250).shards
        #expect(single.map(\.customers) == [250])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/statm")))
    func buildsStateForTheSimulatedCustomers() throws {
        let report = try StateMemoryBenchmark(customers: 300, eventsPerCustomer: 8, shardSize: 150).run()
        #expect(report.customersSimulated == 300)
        #expect(report.shards == 2)
        #expect(report.customersHeld > 200 && report.customersHeld <= 300)
        #expect(report.eventsSimulated == 2_400)
        #expect(report.eventsApplied + report.eventsSkipped == 2_400)
        #expect(report.apply.items == report.eventsApplied)
        let sizes = try #require(report.serializedBytes)
        #expect(sizes.count == report.customersHeld)
        #expect(sizes.p50 <= sizes.p99 && sizes.p99 <= sizes.max)
        #expect(sizes.mean > 10 && sizes.mean < 4_096)
        #expect(try report.jsonLine().contains("\"bytes_per_customer\":"))
    }
}
