import AdvocateCodec
import Testing

@Suite("BinaryWriter and BinaryReader")
struct BinaryPrimitiveTests {
    func written(_ write: (inout BinaryWriter) -> Void) -> [UInt8] {
        var writer = BinaryWriter()
        write(&writer)
        return writer.bytes
    }

    @Test(
        "varints are LEB128",
        arguments: [
            (0, [0x00]), (1, [0x01]), (127, [0x7F]), (128, [0x80, 0x01]), (300, [0xAC, 0x02]),
            (16_384, [0x80, 0x80, 0x01]),
            (UInt64.max, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
        ] as [(UInt64, [UInt8])])
    func varints(value: UInt64, bytes: [UInt8]) throws {
        #expect(written { $0.writeVarint(value) } == bytes)
        #expect(try BinaryReader.read(bytes) { reader throws(WireDecodingError) in try reader.readVarint() } == value)
    }

    @Test(
        "signed varints are zigzag",
        arguments: [
            (0, [0x00]), (-1, [0x01]), (1, [0x02]), (-2, [0x03]), (63, [0x7E]), (-64, [0x7F]), (64, [0x80, 0x01]),
            (Int64.max, [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
            (Int64.min, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
        ] as [(Int64, [UInt8])])
    func zigzag(value: Int64, bytes: [UInt8]) throws {
        #expect(written { $0.writeSignedVarint(value) } == bytes)
        #expect(
            try BinaryReader.read(bytes) { reader throws(WireDecodingError) in try reader.readSignedVarint() } == value)
    }

    @Test("fixed-width integers are little endian")
    func littleEndian() throws {
        let bytes = written {
            $0.writeUInt8(0xAB)
            $0.writeUInt16(0x0102)
            $0.writeUInt32(0x0304_0506)
            $0.writeUInt64(0x0708_090A_0B0C_0D0E)
            $0.writeBool(true)
        }
        #expect(
            bytes == [0xAB, 0x02, 0x01, 0x06, 0x05, 0x04, 0x03, 0x0E, 0x0D, 0x0C, 0x0B, 0x0A, 0x09, 0x08, 0x07, 0x01])
        let values = try BinaryReader.read(bytes) { reader throws(WireDecodingError) in
            (
                try reader.readUInt8(), try reader.readUInt16(), try reader.readUInt32(), try reader.readUInt64(),
                try reader.readBool()
            )
        }
        #expect(values.0 == 0xAB && values.1 == 0x0102 && values.2 == 0x0304_0506 && values.3 == 0x0708_090A_0B0C_0D0E)
        #expect(values.4)
    }

    @Test("strings, bytes and optionals are length-prefixed")
    func lengthPrefixed() throws {
        let bytes = written {
            $0.writeString("hé")
            $0.writeBytes([1, 2])
            $0.writeOptionalString(nil)
            $0.writeOptionalString("")
            $0.writeRawBytes([9])
        }
        #expect(bytes == [3, 0x68, 0xC3, 0xA9, 2, 1, 2, 0, 1, 0, 9])
        let values = try BinaryReader.read(bytes) { reader throws(WireDecodingError) in
            (
                try reader.readString(), try reader.readBytes(), try reader.readOptionalString(),
                try reader.readOptionalString(), try reader.readRawBytes(count: 1)
            )
        }
        #expect(values.0 == "hé" && values.1 == [1, 2] && values.2 == nil && values.3 == "" && values.4 == [9])
    }

    func failure(_ bytes: [UInt8], _ read: (inout BinaryReader) throws(WireDecodingError) -> Void) -> WireDecodingError?
    {
        do throws(WireDecodingError) {
            try BinaryReader.read(bytes, read)
            return nil
        } catch {
            return error
        }
    }

    @Test("every read reports what is wrong and where")
    func errors() {
        #expect(
            failure([]) { reader throws(WireDecodingError) in _ = try reader.readUInt8() }
                == WireDecodingError(offset: 0, kind: .truncated))
        #expect(
            failure([1, 2, 3]) { reader throws(WireDecodingError) in _ = try reader.readUInt32() }
                == WireDecodingError(offset: 3, kind: .truncated))
        #expect(
            failure([0x80]) { reader throws(WireDecodingError) in _ = try reader.readVarint() }
                == WireDecodingError(offset: 1, kind: .truncated))
        let eleven = [UInt8](repeating: 0x80, count: 10) + [0x01]
        #expect(
            failure(eleven) { reader throws(WireDecodingError) in _ = try reader.readVarint() }
                == WireDecodingError(offset: 0, kind: .overlong))
        let overflow = [UInt8](repeating: 0xFF, count: 9) + [0x02]
        #expect(
            failure(overflow) { reader throws(WireDecodingError) in _ = try reader.readVarint() }
                == WireDecodingError(offset: 0, kind: .overlong))
        #expect(
            failure([0x81, 0x80, 0x04]) { reader throws(WireDecodingError) in _ = try reader.readString(what: "text") }
                == WireDecodingError(offset: 0, kind: .tooLong(what: "text", length: 65_537, limit: 65_536)))
        #expect(
            failure([0x81, 0x80, 0x80, 0x08]) { reader throws(WireDecodingError) in _ = try reader.readBytes() }
                == WireDecodingError(offset: 0, kind: .tooLong(what: "bytes", length: 16_777_217, limit: 16_777_216)))
        #expect(
            failure([5, 1, 2]) { reader throws(WireDecodingError) in _ = try reader.readString() }
                == WireDecodingError(offset: 3, kind: .truncated))
        #expect(
            failure([2, 0xC3, 0x28]) { reader throws(WireDecodingError) in _ = try reader.readString(what: "name") }
                == WireDecodingError(offset: 0, kind: .invalidUTF8(what: "name")))
        #expect(
            failure([3, 0xED, 0xA0, 0x80]) { reader throws(WireDecodingError) in _ = try reader.readString() }
                == WireDecodingError(offset: 0, kind: .invalidUTF8(what: "string")))
        #expect(
            failure([4, 1, 1, 1]) { reader throws(WireDecodingError) in _ = try reader.readCount(what: "items") }
                == WireDecodingError(offset: 0, kind: .tooLong(what: "items", length: 4, limit: 3)))
        #expect(
            failure([0x80, 0x89, 0x7A]) { reader throws(WireDecodingError) in _ = try reader.readCount(what: "items") }
                == WireDecodingError(offset: 0, kind: .tooLong(what: "items", length: 2_000_000, limit: 0)))
        #expect(
            failure([2]) { reader throws(WireDecodingError) in _ = try reader.readBool() }
                == WireDecodingError(offset: 0, kind: .invalidValue(what: "boolean byte 2 is neither 0 nor 1")))
        #expect(
            failure([0x80, 0x80, 0x80, 0x80, 0x10]) { reader throws(WireDecodingError) in
                _ = try reader.readVarint(as: UInt32.self, what: "capacity")
            } == WireDecodingError(offset: 0, kind: .invalidValue(what: "capacity 4294967296 exceeds 4294967295")))
        #expect(
            failure([1, 2]) { reader throws(WireDecodingError) in _ = try reader.readUInt8() }
                == WireDecodingError(offset: 1, kind: .trailingBytes(count: 1)))
    }

    @Test("error messages are readable")
    func messages() {
        #expect(
            WireDecodingError(offset: 7, kind: .tooLong(what: "text", length: 70_000, limit: 65_536)).description
                == "wire decoding failed at byte 7: text too long: 70000, limit 65536")
        #expect(
            WireDecodingError(offset: 1, kind: .unsupportedVersion(2)).description.contains(
                "unsupported format version 2"))
        #expect(
            WireDecodingError(offset: 3, kind: .unknownCode(what: "survey kind", value: 9)).description
                == "wire decoding failed at byte 3: unknown survey kind code 9")
    }
}
