import AdvocateTestSupport
import Foundation
import Testing

/// `advocate sentiment` as a user runs it: one text per line in, one JSON line per text out, streaming.
@Suite struct SentimentCommandTests {
    @Test func answersEachLineAsItArrivesWithThePublicShape() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: StageProcess.binDirectory + "/advocate")
        process.arguments = ["sentiment"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // The first answer must come while standard input is still open: the command streams.
        input.fileHandleForWriting.write(Data("been on hold for 40 minutes\n".utf8))
        let first = try Self.readLine(from: output.fileHandleForReading)
        let complaint = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(Set(complaint.keys) == ["compound", "pos", "neu", "neg", "complaint", "reason"])
        #expect(complaint["complaint"] as? Bool == true)
        #expect(complaint["reason"] as? String == "waiting_time")

        input.fileHandleForWriting.write(Data("I love this airline, great crew!\n".utf8))
        input.fileHandleForWriting.closeFile()
        let second = try Self.readLine(from: output.fileHandleForReading)
        let praise = try #require(try JSONSerialization.jsonObject(with: Data(second.utf8)) as? [String: Any])
        #expect((praise["compound"] as? Double ?? 0) > 0.5)
        #expect(praise["complaint"] as? Bool == false)
        #expect(praise["reason"] is NSNull)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// Reads up to the next newline, failing after a deadline instead of hanging.
    static func readLine(from handle: FileHandle) throws -> String {
        var bytes: [UInt8] = []
        let deadline = Date().addingTimeInterval(30)
        var byte: UInt8 = 0
        while Date() < deadline {
            var ready = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 100) > 0 else { continue }
            guard read(handle.fileDescriptor, &byte, 1) == 1 else { break }
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        throw TimedOut(what: "a line from advocate sentiment", lastError: String(decoding: bytes, as: UTF8.self))
    }
}
