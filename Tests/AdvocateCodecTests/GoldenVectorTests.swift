import AdvocateCodec
import Foundation
import Testing

/// Golden vectors: the fixtures' bytes committed as hex files, so that any change to the encoding shows
/// up as a failing test rather than as stages that no longer understand each other or old journals.
@Suite("Golden vectors")
struct GoldenVectorTests {
    /// Every golden file: its name and the bytes the current code produces for it.
    static let vectors: [(name: String, bytes: [UInt8])] =
        Fixtures.events.map { ("event-\($0.name)", $0.event.binary()) }
        + Fixtures.messages.map { ("wire-\($0.name)", $0.message.encoded()) }

    static func load(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "hex", subdirectory: "Golden"))
        let text = try String(contentsOf: url, encoding: .utf8)
        return try #require(Hex.decode(text), "\(name).hex is not hex")
    }

    /// Writes the golden files into the source tree. Run once, on purpose, after a deliberate format change:
    /// `ADVOCATE_WRITE_GOLDEN=1 swift test --filter GoldenVectorTests/generate`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ADVOCATE_WRITE_GOLDEN"] == "1"))
    func generate() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        for vector in GoldenVectorTests.vectors {
            let url = folder.appendingPathComponent("\(vector.name).hex")
            try Hex.encode(vector.bytes).write(to: url, atomically: true, encoding: .utf8)
        }
    }

    @Test("encoding the fixtures gives exactly the committed bytes", arguments: vectors.map(\.name))
    func encodeMatches(name: String) throws {
        let golden = try GoldenVectorTests.load(name)
        let current = try #require(GoldenVectorTests.vectors.first { $0.name == name }).bytes
        #expect(current == golden, "\(name): now \(Hex.encode(current))")
    }

    @Test("the committed event records decode to the fixtures", arguments: Fixtures.events.map(\.name))
    func eventsDecode(name: String) throws {
        let golden = try GoldenVectorTests.load("event-\(name)")
        let expected = try #require(Fixtures.events.first { $0.name == name }).event
        #expect(try Event(binary: golden) == expected)
    }

    @Test("the committed frames decode to the fixtures", arguments: Fixtures.messages.map(\.name))
    func messagesDecode(name: String) throws {
        let golden = try GoldenVectorTests.load("wire-\(name)")
        let expected = try #require(Fixtures.messages.first { $0.name == name }).message
        #expect(try WireMessage(decoding: golden) == expected)
    }

    @Test("every proper prefix of every golden vector fails to decode", arguments: vectors.map(\.name))
    func prefixesFail(name: String) throws {
        let golden = try GoldenVectorTests.load(name)
        var decoded: [Int] = []
        golden.withUnsafeBytes { raw in
            for length in 0..<golden.count {
                let prefix = UnsafeRawBufferPointer(rebasing: raw[0..<length])
                if name.hasPrefix("event-") {
                    if (try? Event(binary: prefix)) != nil { decoded.append(length) }
                } else if (try? WireMessage(decoding: prefix)) != nil {
                    decoded.append(length)
                }
            }
        }
        #expect(decoded.isEmpty, "prefixes that decoded: \(decoded)")
    }

    @Test("the golden folder holds exactly the expected files")
    func noStrayFiles() throws {
        let url = try #require(Bundle.module.url(forResource: "Golden", withExtension: nil))
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".hex") }
        #expect(Set(names) == Set(GoldenVectorTests.vectors.map { "\($0.name).hex" }))
    }
}
