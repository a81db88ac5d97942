import AdvocateCodec
import Synchronization

/// A journal that keeps the newest entries of every partition in memory as it appends them, so that
/// dispatching fresh events to scoring does not read back and decode what was just written.
///
/// Durability is the journal's underneath: an entry enters the window only after `append` committed it.
/// Reads the window cannot answer whole (a worker far behind, a restart) go to the journal underneath, as
/// does everything else. The window is a cache of the journal, never a second source: when the sequences
/// the journal reports ever differ from the ones the window expected, the window is emptied.
public final class RecentJournal: JournalStore {
    /// The journal underneath.
    public let base: any JournalStore
    /// Entries kept per partition at most.
    public let capacity: Int
    private let window: Mutex<Window>

    struct Window {
        /// Per partition: consecutive entries ending at the partition's head (`entries[start...]`).
        var entries: [[JournalEntry]]
        var starts: [Int]
        /// Per partition: the sequence the next appended entry gets.
        var next: [UInt64]

        func first(_ partition: Int) -> UInt64 {
            next[partition] - UInt64(entries[partition].count - starts[partition])
        }
    }

    /// - Parameters:
    ///   - base: the durable journal.
    ///   - entries: how many entries to keep in memory over all partitions (split evenly, at least 64 each).
    public init(_ base: any JournalStore, entries: Int = 131_072) throws {
        self.base = base
        let count = Int(base.partitionCount)
        capacity = max(64, entries / max(1, count))
        let heads = try base.heads()
        window = Mutex(
            Window(
                entries: Array(repeating: [], count: count), starts: Array(repeating: 0, count: count),
                next: heads.map { $0 + 1 }
            )
        )
    }

    public var partitionCount: UInt32 { base.partitionCount }

    public func append(_ events: [Event], rejections: [String: Int]) throws -> [AppendOutcome] {
        try window.withLock { window in
            let outcomes = try base.append(events, rejections: rejections)
            var expected = window.next
            var fresh: [(partition: Int, entry: JournalEntry)] = []
            for (event, outcome) in zip(events, outcomes) {
                guard case .appended = outcome else { continue }
                for partition in SQLiteJournalStore.partitions(of: event, count: base.partitionCount) {
                    let index = Int(partition)
                    fresh.append((index, JournalEntry(sequence: expected[index], event: event)))
                    expected[index] += 1
                }
            }
            let heads = try base.heads()
            guard heads.count == expected.count, zip(heads, expected).allSatisfy({ $0 + 1 == $1 }) else {
                // The journal numbered differently than foreseen: forget the window, serve from the journal.
                window = Window(
                    entries: Array(repeating: [], count: heads.count), starts: Array(repeating: 0, count: heads.count),
                    next: heads.map { $0 + 1 }
                )
                return outcomes
            }
            for (partition, entry) in fresh {
                window.entries[partition].append(entry)
            }
            window.next = expected
            for partition in Set(fresh.map(\.partition)) {
                let held = window.entries[partition].count - window.starts[partition]
                guard held > capacity else { continue }
                window.starts[partition] += held - capacity
                // Compact once the dropped prefix outgrows what is kept, so trimming stays amortised O(1).
                if window.starts[partition] > capacity {
                    window.entries[partition].removeFirst(window.starts[partition])
                    window.starts[partition] = 0
                }
            }
            return outcomes
        }
    }

    public func read(partition: UInt32, after: UInt64, limit: Int) throws -> [JournalEntry] {
        let cached: [JournalEntry]? = window.withLock { window in
            let index = Int(partition)
            guard index < window.next.count, limit > 0 else { return nil }
            let head = window.next[index] - 1
            if after >= head { return [] }
            let first = window.first(index)
            guard after + 1 >= first else { return nil }
            let from = window.starts[index] + Int(after + 1 - first)
            let to = min(window.entries[index].count, from + limit)
            return Array(window.entries[index][from..<to])
        }
        if let cached { return cached }
        return try base.read(partition: partition, after: after, limit: limit)
    }

    public func heads() throws -> [UInt64] {
        window.withLock { window in window.next.map { $0 - 1 } }
    }

    public func reserveEpochs(_ count: Int) throws -> UInt64 {
        try base.reserveEpochs(count)
    }

    public func counts() throws -> JournalCounts {
        try base.counts()
    }
}
