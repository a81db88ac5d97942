import AdvocateCodec
import AdvocateTestSupport
import Testing

@testable import AdvocateStorage

@Suite struct JournalStoreTests {
    @Test(arguments: TestBackend.all)
    func appendsOnceAndNumbersEachPartitionFromOne(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let journal = try stores.journal(partitions: 4)
        let events = (1...20).map { StoreFixtures.purchase("p-\($0)", customer: "c-\($0 % 7)") }
        let outcomes = try journal.append(events, rejections: ["bad_timestamp": 2])
        var perPartition: [UInt32: [UInt64]] = [:]
        for outcome in outcomes {
            guard case .appended(let partition, let sequence) = outcome else {
                Issue.record("unexpected duplicate")
                continue
            }
            perPartition[partition, default: []].append(sequence)
        }
        for sequences in perPartition.values { #expect(sequences == Array(1...UInt64(sequences.count))) }
        // The same ids again, and a duplicate inside one batch: all recognised.
        let again = try journal.append(events + [events[0]], rejections: [:])
        #expect(again.allSatisfy { $0 == .duplicate })
        // A duplicate inside a new batch: the first is appended, the second recognised.
        let fresh = StoreFixtures.purchase("p-21", customer: "c-1")
        let mixed = try journal.append([fresh, fresh], rejections: ["bad_timestamp": 1])
        #expect(mixed.count == 2)
        #expect(mixed.last == .duplicate)
        let counts = try journal.counts()
        #expect(counts.accepted == ["purchase": 21])
        #expect(counts.rejected == ["bad_timestamp": 3])
        #expect(try journal.heads().reduce(0, +) == 21)
    }

    @Test(arguments: TestBackend.all)
    func readsBackInOrderAndSurvivesReopenWithItsPartitionCount(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        var written: [Event] = []
        do {
            let journal = try stores.journal(partitions: 2)
            written = (1...10).map { StoreFixtures.purchase("p-\($0)", customer: "same") }
            _ = try journal.append(written, rejections: [:])
        }
        // Reopened with another requested count: the journal keeps the one it was made with.
        let journal = try stores.journal(partitions: 64)
        #expect(journal.partitionCount == 2)
        let partition = Partitioning.partition(of: "same", count: 2)
        let entries = try journal.read(partition: partition, after: 3, limit: 4)
        #expect(entries.map(\.sequence) == [4, 5, 6, 7])
        #expect(entries.map(\.event) == Array(written[3..<7]))
        // New appends continue the numbering.
        let outcome = try journal.append([StoreFixtures.purchase("p-11", customer: "same")], rejections: [:])
        #expect(outcome == [.appended(partition: partition, sequence: 11)])
    }

    @Test(arguments: TestBackend.all)
    func aDisruptionWithoutCustomerIsJournalledInEveryPartition(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let journal = try stores.journal(partitions: 3)
        let disruption = Event(
            id: "d-1", customer: nil, at: Timestamp(seconds: 1_790_000_000),
            body: .disruption(Disruption(what: "LHR-JFK delayed", segment: "route:LHR-JFK", customers: []))
        )
        #expect(try journal.append([disruption], rejections: [:]) == [.appended(partition: 0, sequence: 1)])
        #expect(try journal.heads() == [1, 1, 1])
        for partition: UInt32 in 0..<3 {
            #expect(try journal.read(partition: partition, after: 0, limit: 10).map(\.event) == [disruption])
        }
        #expect(try journal.counts().accepted == ["disruption": 1])
    }

    @Test(arguments: TestBackend.all)
    func epochsAreReservedInIncreasingBlocks(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let first = try stores.journal().reserveEpochs(5)
        let second = try stores.journal().reserveEpochs(1)
        #expect(first == 1)
        #expect(second == 6)
    }
}
