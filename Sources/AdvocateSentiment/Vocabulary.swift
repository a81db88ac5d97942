/// An immutable hash table from lower-case words (UTF-8 bytes) to dense ids, `0..<count` in the order given.
///
/// Built once at init so that scoring looks words up straight from the text's bytes, without making a `String`
/// per token. Open addressing with linear probing over a power-of-two table, FNV-1a hashes.
struct Vocabulary: Sendable {
    /// Id of a token that is no known word.
    static let unknown: Int32 = -1
    private static let emptySlot = UInt64.max

    private let keyBytes: [UInt8]
    /// Start of key `id` in `keyBytes`; `keyOffsets[id + 1]` is its end.
    private let keyOffsets: [Int32]
    /// Per slot: the high 32 bits of the key's hash, then its id; `emptySlot` when empty. Keeping part of the hash
    /// in the slot lets most misses stop without touching the keys.
    private let slots: [UInt64]
    private let slotMask: Int
    /// Number of words.
    let count: Int
    /// Longest key in bytes: longer tokens are unknown without hashing.
    let maxKeyLength: Int

    /// Builds the table; ids follow the order of `words`, which must be distinct.
    init(words: [[UInt8]]) {
        precondition(words.count < Int(Int32.max) / 2, "vocabulary too large for 32-bit ids")
        var bytes: [UInt8] = []
        var offsets: [Int32] = [0]
        var hashes: [UInt64] = []
        hashes.reserveCapacity(words.count)
        var longest = 0
        for word in words {
            bytes.append(contentsOf: word)
            offsets.append(Int32(bytes.count))
            hashes.append(Self.hash(word))
            longest = max(longest, word.count)
        }
        // At most a quarter full, so that a miss (most words of a text) usually ends at the first slot.
        var capacity = 16
        while capacity < words.count * 4 { capacity *= 2 }
        var table = [UInt64](repeating: Self.emptySlot, count: capacity)
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: Self.mix(hash)) & (capacity - 1)
            while table[slot] != Self.emptySlot { slot = (slot + 1) & (capacity - 1) }
            table[slot] = Self.tag(hash) | UInt64(id)
        }
        keyBytes = bytes
        keyOffsets = offsets
        slots = table
        slotMask = capacity - 1
        count = words.count
        maxKeyLength = longest
    }

    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let hashPrime: UInt64 = 0x0000_0100_0000_01b3

    /// One FNV-1a step: callers hash bytes as they read them.
    @inline(__always)
    static func hash(_ hash: UInt64, byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* hashPrime
    }

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(hashSeed) { hash($0, byte: $1) }
    }

    @inline(__always)
    private static func tag(_ hash: UInt64) -> UInt64 {
        hash & 0xFFFF_FFFF_0000_0000
    }

    @inline(__always)
    private static func mix(_ hash: UInt64) -> UInt64 {
        hash ^ (hash >> 29)
    }

    /// The id of the word whose bytes are `bytes[range]` lower-cased (ASCII only), or `unknown`.
    ///
    /// - Parameter hash: the FNV-1a hash of the lower-cased bytes, computed by the caller while scanning them.
    @inline(__always)
    func idOfASCIILowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, hash: UInt64) -> Int32 {
        let length = range.count
        let tag = Self.tag(hash)
        var slot = Int(truncatingIfNeeded: Self.mix(hash)) & slotMask
        return slots.withUnsafeBufferPointer { slots in
            keyBytes.withUnsafeBufferPointer { keys in
                while true {
                    let entry = slots[slot]
                    if entry == Self.emptySlot { return Self.unknown }
                    let id = Int(entry & 0xFFFF_FFFF)
                    let start = Int(keyOffsets[id])
                    if entry & 0xFFFF_FFFF_0000_0000 == tag && Int(keyOffsets[id + 1]) - start == length {
                        var same = true
                        for offset in 0..<length
                        where keys[start + offset] != asciiLower(bytes[range.lowerBound + offset]) {
                            same = false
                            break
                        }
                        if same { return Int32(id) }
                    }
                    slot = (slot + 1) & slotMask
                }
            }
        }
    }

    /// The id of the word with exactly these bytes, or `unknown`.
    func id(of word: [UInt8]) -> Int32 {
        word.withUnsafeBufferPointer { buffer in
            // Already lower case, so the ASCII lower-casing in the comparison changes nothing it should not:
            // upper-case ASCII cannot occur in a lower-cased word.
            idOfASCIILowercased(buffer, 0..<buffer.count, hash: Self.hash(word))
        }
    }
}

/// ASCII lower-casing of one byte; other bytes are unchanged.
@inline(__always)
func asciiLower(_ byte: UInt8) -> UInt8 {
    byte &- 0x41 < 26 ? byte | 0x20 : byte
}
