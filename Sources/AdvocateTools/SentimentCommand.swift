import AdvocateCodec
import AdvocateSentiment
import ArgumentParser
import Foundation

/// `advocate sentiment`: one text per line in, one JSON line per text out, streaming.
struct SentimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Score texts from standard input (one per line) for sentiment and complaints."
    )

    func run() throws {
        let reader = try LineReader(path: "-", maxLineBytes: 1 << 20)
        let assessor = TextAssessor()
        let output = FileHandle.standardOutput
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        while let line = try reader.next() {
            let assessment = assessor.assess(String(decoding: line, as: UTF8.self))
            buffer.append(contentsOf: Self.json(assessment).utf8)
            buffer.append(UInt8(ascii: "\n"))
            // Write out before waiting for more input, so a line typed or piped in is answered at once;
            // while input is plentiful, answers go out in large writes.
            if buffer.count >= 1 << 15 || !reader.hasBufferedLine {
                output.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        output.write(Data(buffer))
    }

    /// `{"compound":X,"pos":X,"neu":X,"neg":X,"complaint":BOOL,"reason":STRING|null}`
    static func json(_ assessment: TextAssessment) -> String {
        let scores = assessment.scores
        let reason: String = assessment.reason.map { JSONText.quoted($0.rawValue) } ?? "null"
        var out = "{\"compound\":" + number(scores.compound)
        out += ",\"pos\":" + number(scores.positive)
        out += ",\"neu\":" + number(scores.neutral)
        out += ",\"neg\":" + number(scores.negative)
        out += ",\"complaint\":" + (assessment.complaint ? "true" : "false")
        out += ",\"reason\":" + reason + "}"
        return out
    }

    static func number(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}
