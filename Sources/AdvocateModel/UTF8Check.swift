/// Strict UTF-8 validation (no overlong forms, no surrogates, nothing above U+10FFFF), so that strings read
/// back from state are exactly the bytes that were written.
enum UTF8Check {
    static func isValid(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        while let lead = iterator.next() {
            if lead < 0x80 { continue }
            let extra: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: extra = 1
            case 0xE0: (extra, low) = (2, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: extra = 2
            case 0xED: (extra, high) = (2, 0x9F)
            case 0xF0: (extra, low) = (3, 0x90)
            case 0xF1...0xF3: extra = 3
            case 0xF4: (extra, high) = (3, 0x8F)
            default: return false
            }
            for index in 0..<extra {
                guard let next = iterator.next() else { return false }
                let range = index == 0 ? low...high : 0x80...0xBF
                guard range.contains(next) else { return false }
            }
        }
        return true
    }
}
