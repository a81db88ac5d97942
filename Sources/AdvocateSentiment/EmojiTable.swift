/// Emoji (single Unicode scalars) and the description words that replace them before tokenising.
struct EmojiTable: Sendable {
    /// Description index per ASCII byte, -1 when the byte is no emoji (the published lexicon has none).
    private let asciiIndex: [Int32]
    private let index: [UInt32: Int32]
    private let descriptions: [[UInt8]]
    private let hasASCIIKeys: Bool

    init(_ entries: [(emoji: Unicode.Scalar, description: String)]) {
        var ascii = [Int32](repeating: -1, count: 128)
        var index: [UInt32: Int32] = [:]
        var descriptions: [[UInt8]] = []
        for (emoji, description) in entries {
            let slot = Int32(descriptions.count)
            descriptions.append(Array(description.utf8))
            if emoji.value < 0x80 {
                ascii[Int(emoji.value)] = slot
            } else {
                index[emoji.value] = slot
            }
        }
        asciiIndex = ascii
        self.index = index
        self.descriptions = descriptions
        hasASCIIKeys = ascii.contains { $0 >= 0 }
    }

    @inline(__always)
    private func slot(_ value: UInt32) -> Int32? {
        if value < 0x80 {
            let slot = asciiIndex[Int(value)]
            return slot >= 0 ? slot : nil
        }
        return index[value]
    }

    /// Whether the text holds any emoji of the table.
    func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte < 0x80 {
                if hasASCIIKeys && asciiIndex[Int(byte)] >= 0 { return true }
                position += 1
                continue
            }
            let (value, length) = PythonText.decodeScalar(bytes, at: position)
            if index[value] != nil { return true }
            position += length
        }
        return false
    }

    /// The text with each emoji replaced by its description, as the reference does it: a space goes before the
    /// description unless the previous character was a space, and none after it, so a following word joins the
    /// description's last word.
    func replacing(in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var afterSpace = true
        var position = 0
        while position < bytes.count {
            let (value, length) = PythonText.decodeScalar(bytes, at: position)
            if let slot = slot(value) {
                if !afterSpace { output.append(0x20) }
                output.append(contentsOf: descriptions[Int(slot)])
                afterSpace = false
            } else {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<(position + length)]))
                afterSpace = value == 0x20
            }
            position += length
        }
        return output
    }
}
