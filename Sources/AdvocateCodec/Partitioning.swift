/// Maps customers to partitions: a stable 64-bit FNV-1a hash of the customer id's UTF-8 bytes, modulo
/// the partition count. Stable across processes, hosts and releases, since partitions are durable.
public enum Partitioning {
    /// The default partition count for a new data directory.
    public static let defaultCount: UInt32 = 64

    /// The partition that owns `key` (a customer id) among `count` partitions.
    public static func partition(of key: String, count: UInt32) -> UInt32 {
        precondition(count > 0, "partition count must be positive")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return UInt32(hash % UInt64(count))
    }

    /// The key an event is routed by: its customer, or for a disruption without one, its id.
    public static func routingKey(of event: Event) -> String {
        event.customer ?? event.id
    }
}
