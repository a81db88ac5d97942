import AdvocateCodec
import AdvocateSimulation
import AdvocateTestSupport
import Testing

@testable import AdvocateStorage

@Suite struct RecentJournalTests {
    static func stream(_ count: Int, duplicateRate: Double = 0.05) throws -> [Event] {
        var simulator = try EventSimulator(options: SimulationOptions(events: count, duplicateRate: duplicateRate))
        var events: [Event] = []
        while let event = simulator.next() { events.append(event) }
        return events
    }

    /// Every read the dispatcher can make gives what the durable journal gives, whether the window holds it
    /// or not: a realistic stream with duplicates and disruptions journalled in every partition.
    @Test(arguments: TestBackend.all)
    func readsEqualTheJournalUnderneath(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let base = try stores.journal(partitions: 8)
        // A small window (64 per partition), so that reads far behind go to the journal underneath.
        let recent = try RecentJournal(base, entries: 8 * 64)
        let events = try Self.stream(3_000)
        #expect(events.contains { if case .disruption = $0.body { $0.customer == nil } else { false } })
        var start = 0
        var group = 1
        while start < events.count {
            let end = min(events.count, start + group)
            let outcomes = try recent.append(Array(events[start..<end]), rejections: [:])
            #expect(outcomes.count == end - start)
            start = end
            group = group % 97 + 13
        }
        #expect(try recent.heads() == base.heads())
        let heads = try base.heads()
        for partition in 0..<UInt32(8) {
            let head = heads[Int(partition)]
            #expect(head > 64)
            for after in [0, head / 2, head - 64, head - 63, head - 10, head - 1, head, head + 5] {
                for limit in [1, 7, 512] {
                    let fromWindow = try recent.read(partition: partition, after: after, limit: limit)
                    let fromJournal = try base.read(partition: partition, after: after, limit: limit)
                    #expect(
                        fromWindow == fromJournal, "partition \(partition) after \(after) limit \(limit)")
                }
            }
        }
    }

    /// A journal reopened under a new window serves from the journal until new events arrive, then from
    /// the window, with the sequences continuing where the journal stood.
    @Test func continuesAfterReopen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/journal.sqlite"
        let events = try Self.stream(600, duplicateRate: 0)
        _ = try RecentJournal(SQLiteJournalStore(path: path, partitions: 4)).append(
            Array(events[..<300]), rejections: [:])
        let base = try SQLiteJournalStore(path: path, partitions: 4)
        let recent = try RecentJournal(base)
        _ = try recent.append(Array(events[300...]), rejections: ["bad_timestamp": 1])
        #expect(try recent.heads() == base.heads())
        for partition in 0..<UInt32(4) {
            #expect(
                try recent.read(partition: partition, after: 0, limit: 10_000)
                    == base.read(partition: partition, after: 0, limit: 10_000))
        }
        #expect(try recent.counts().rejected == ["bad_timestamp": 1])
    }
}
