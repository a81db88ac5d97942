/// FNV-1a over UTF-8 bytes: the same on every host and in every process, unlike `Hasher`, which is seeded per
/// process. Used to match replies to triggers and refunds to orders without keeping the strings.
enum StableHash {
    static func hash32(_ text: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }

    /// Folded to 16 bits: enough to tell apart the few support cases or orders held in one small window.
    static func hash16(_ text: String) -> UInt16 {
        fold(hash32(text))
    }

    static func fold(_ hash: UInt32) -> UInt16 {
        UInt16(truncatingIfNeeded: hash) ^ UInt16(truncatingIfNeeded: hash >> 16)
    }
}

/// Byte-wise ordering of strings. `String`'s own `<` treats canonically equivalent strings as equal, which would
/// leave ties between distinct ids unbroken and make the state depend on arrival order.
func utf8Precedes(_ lhs: String, _ rhs: String) -> Bool {
    utf8Compare(lhs, rhs) < 0
}

/// Byte-wise equality of strings (see `utf8Precedes` for why not `==`).
func utf8Equal(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.count == rhs.utf8.count && utf8Compare(lhs, rhs) == 0
}

/// -1, 0 or 1 as `lhs` sorts before, equal to or after `rhs` by UTF-8 bytes.
func utf8Compare(_ lhs: String, _ rhs: String) -> Int {
    let fast = lhs.utf8.withContiguousStorageIfAvailable { left in
        rhs.utf8.withContiguousStorageIfAvailable { right in
            compareBytes(left, right)
        }
    }
    if let result = fast ?? nil { return result }
    return Array(lhs.utf8).withUnsafeBufferPointer { left in
        Array(rhs.utf8).withUnsafeBufferPointer { right in compareBytes(left, right) }
    }
}

/// -1, 0 or 1 as `left` sorts before, equal to or after `right`, byte by byte.
func compareBytes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
    let common = min(left.count, right.count)
    var index = 0
    while index < common {
        let a = left[index]
        let b = right[index]
        if a != b { return a < b ? -1 : 1 }
        index += 1
    }
    return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
}

/// How many leading bytes two strings share.
func sharedPrefixLength(_ lhs: String, _ rhs: String) -> Int {
    let fast = lhs.utf8.withContiguousStorageIfAvailable { left in
        rhs.utf8.withContiguousStorageIfAvailable { right in
            let common = min(left.count, right.count)
            var index = 0
            while index < common && left[index] == right[index] { index += 1 }
            return index
        }
    }
    if let result = fast ?? nil { return result }
    return zip(lhs.utf8, rhs.utf8).prefix { $0 == $1 }.count
}
