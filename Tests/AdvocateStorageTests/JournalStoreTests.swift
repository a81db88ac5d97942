import AdvocateCodec
import AdvocateTestSupport
import Testing

@testable import AdvocateStorage

@Suite struct JournalStoreTests {
    @Test func appendsOnceAndNumbersEachPartitionFromOne() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let journal = try SQLiteJournalStore(path: directory.path + "/journal.sqlite", partitions: 4)
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
        let counts = try journal.counts()
        #expect(counts.accepted == ["purchase": 20])
        #expect(counts.rejected == ["bad_timestamp": 2])
        #expect(try journal.heads().reduce(0, +) == 20)
    }

    @Test func readsBackInOrderAndSurvivesReopenWithItsPartitionCount() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/journal.sqlite"
        var written: [Event] = []
        do {
            let journal = try SQLiteJournalStore(path: path, partitions: 2)
            written = (1...10).map { StoreFixtures.purchase("p-\($0)", customer: "same") }
            _ = try journal.append(written, rejections: [:])
        }
        // Reopened with another requested count: the journal keeps the one it was made with.
        let journal = try SQLiteJournalStore(path: path, partitions: 64)
        #expect(journal.partitionCount == 2)
        let partition = Partitioning.partition(of: "same", count: 2)
        let entries = try journal.read(partition: partition, after: 3, limit: 4)
        #expect(entries.map(\.sequence) == [4, 5, 6, 7])
        #expect(entries.map(\.event) == Array(written[3..<7]))
        // New appends continue the numbering.
        let outcome = try journal.append([StoreFixtures.purchase("p-11", customer: "same")], rejections: [:])
        #expect(outcome == [.appended(partition: partition, sequence: 11)])
    }

    @Test func epochsAreReservedInIncreasingBlocks() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/journal.sqlite"
        let first = try SQLiteJournalStore(path: path).reserveEpochs(5)
        let second = try SQLiteJournalStore(path: path).reserveEpochs(1)
        #expect(first == 1)
        #expect(second == 6)
    }
}
