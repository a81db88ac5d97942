/// CRC-32 (IEEE 802.3, reflected, as zlib computes it), sealing serialized state against corruption. Four
/// bytes per step ("slicing by 4"): the state is checksummed on every write, so speed matters.
enum CRC32 {
    /// Four tables of 256 entries, one after the other.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 1_024)
        for index in 0..<256 {
            var value = UInt32(index)
            for _ in 0..<8 {
                value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1
            }
            tables[index] = value
        }
        for index in 0..<256 {
            for slice in 1..<4 {
                let previous = tables[(slice - 1) * 256 + index]
                tables[slice * 256 + index] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    static func checksum(_ data: UnsafeRawBufferPointer) -> UInt32 {
        tables.withUnsafeBufferPointer { table in
            do {
                var crc: UInt32 = 0xFFFF_FFFF
                var index = 0
                while index + 4 <= data.count {
                    crc ^=
                        UInt32(data[index]) | UInt32(data[index + 1]) << 8 | UInt32(data[index + 2]) << 16
                        | UInt32(data[index + 3]) << 24
                    crc =
                        table[768 + Int(crc & 0xFF)] ^ table[512 + Int((crc >> 8) & 0xFF)]
                        ^ table[256 + Int((crc >> 16) & 0xFF)] ^ table[Int(crc >> 24)]
                    index += 4
                }
                while index < data.count {
                    crc = table[Int((crc ^ UInt32(data[index])) & 0xFF)] ^ (crc >> 8)
                    index += 1
                }
                return crc ^ 0xFFFF_FFFF
            }
        }
    }
}
