import Testing

@testable import AdvocateScore

@Suite struct StateCacheTests {
    @Test func answersWhatWasLastRememberedAndNothingElse() {
        var cache = StateCache(capacity: 8)
        #expect(cache.state(of: "c-1") == nil)
        cache.remember("c-1", partition: 0, state: [1])
        cache.remember("c-1", partition: 0, state: [1, 1])
        #expect(cache.state(of: "c-1") == [1, 1])
        #expect(cache.state(of: "c-2") == nil)
    }

    @Test func droppingAPartitionForgetsOnlyItsCustomersInBothGenerations() {
        var cache = StateCache(capacity: 6)
        // After the third, the young generation is full (3 of 6) and all three move to the old one.
        let held: [(customer: String, partition: UInt32)] = [("a-1", 1), ("b-1", 2), ("a-2", 1), ("c-1", 3)]
        for (number, entry) in held.enumerated() {
            cache.remember(entry.customer, partition: entry.partition, state: [UInt8(number)])
        }
        cache.drop(partitions: [1, 3])
        #expect(["a-1", "a-2", "b-1", "c-1"].map { cache.state(of: $0) } == [nil, nil, [1], nil])
    }

    @Test func holdsAtMostItsCapacityAndKeepsTheCustomersInUse() {
        var cache = StateCache(capacity: 100)
        for number in 0..<1_000 {
            cache.remember("c-\(number)", partition: 0, state: [UInt8(number % 256)])
            // One customer is seen again all the time, and so is never forgotten.
            #expect(cache.state(of: "c-0") == [0])
            #expect(cache.count <= 100)
        }
        #expect(cache.state(of: "c-999") == [UInt8(999 % 256)])
        #expect(cache.state(of: "c-1") == nil)
    }

    @Test func aStateRememberedAfterAnOlderOneWinsAcrossGenerations() {
        var cache = StateCache(capacity: 4)
        cache.remember("c-1", partition: 0, state: [1])
        cache.remember("c-2", partition: 0, state: [2])
        // c-1's old state is now in the old generation; its new one goes to the young.
        cache.remember("c-1", partition: 0, state: [9])
        #expect(cache.state(of: "c-1") == [9])
        cache.remember("c-3", partition: 0, state: [3])
        cache.remember("c-4", partition: 0, state: [4])
        #expect(cache.state(of: "c-1") == [9])
    }

    @Test func zeroCapacityHoldsNothing() {
        var cache = StateCache(capacity: 0)
        cache.remember("c-1", partition: 0, state: [1])
        #expect(cache.state(of: "c-1") == nil)
        #expect(cache.count == 0)
    }
}
