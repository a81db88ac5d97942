import AdvocateStorage

/// The stored states of customers this worker scored lately, so that a customer seen again is not read
/// back from the store. Valid only for partitions the worker owns without a break: a partition lost, taken
/// over by a newer epoch, or refused as stale at commit is dropped whole, and the store answers again.
///
/// Holds at most `capacity` customers in two generations: lookups and writes go to the young one; when it
/// is full it becomes the old one and the previous old one is forgotten. A customer found only in the old
/// generation moves back to the young one, so the customers in use stay and the rest age out.
struct StateCache {
    struct Entry {
        var partition: UInt32
        var state: [UInt8]
    }

    let capacity: Int
    private var young: [String: Entry] = [:]
    private var old: [String: Entry] = [:]

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// Customers held, counting one that has an entry in both generations once per generation.
    var count: Int { young.count + old.count }

    /// The state last read or committed for `customer`, if held.
    mutating func state(of customer: String) -> [UInt8]? {
        if let entry = young[customer] { return entry.state }
        guard let entry = old.removeValue(forKey: customer) else { return nil }
        insert(customer, entry)
        return entry.state
    }

    /// Remembers states read from the store or just committed (the newest replaces any held).
    mutating func remember(_ customer: String, partition: UInt32, state: [UInt8]) {
        insert(customer, Entry(partition: partition, state: state))
    }

    /// Forgets every customer of `partitions`, in one pass over what is held.
    mutating func drop(partitions: Set<UInt32>) {
        guard !partitions.isEmpty, count > 0 else { return }
        young = young.filter { !partitions.contains($0.value.partition) }
        old = old.filter { !partitions.contains($0.value.partition) }
    }

    private mutating func insert(_ customer: String, _ entry: Entry) {
        guard capacity > 0 else { return }
        young[customer] = entry
        if young.count >= max(1, capacity / 2) {
            old = young
            young = [:]
            young.reserveCapacity(capacity / 2)
        }
    }
}
