import AdvocateCodec
import AdvocateSimulation
import AdvocateStorage
import AdvocateTestSupport
import Foundation

/// A stack fed with a simulated stream, run until every stage has processed it, for the report tests.
enum ReportFixture {
    /// Starts a stack, sends `events` simulated events over HTTP and waits until scoring and reward are at rest.
    static func settledStack(prefix: String, events: Int, seed: UInt64) throws -> LocalStack {
        let stack = try LocalStack(prefix: prefix)
        try stack.start()
        let stream = Array(try EventSimulator(options: SimulationOptions(events: events, seed: seed)))
        var index = 0
        while index < stream.count {
            let chunk = stream[index..<min(stream.count, index + 500)]
            let body = Data(chunk.map { $0.json() }.joined(separator: "\n").utf8)
            let reply = try Eventually.value("ingest to take events \(index)...", timeout: 60) { () -> [String: Any]? in
                let response = try HTTPClient.post(stack.ingestHTTP + "/v1/events", body: body)
                return response.status == 200 ? try response.json() : nil
            }
            guard let rejected = reply["rejected"] as? [Any], rejected.isEmpty else {
                throw ReportTestError("ingest rejected simulated events: \(reply)")
            }
            index += chunk.count
        }
        _ = try stack.settledSummary(timeout: 120)
        let reader = SQLiteReportReader(directory: DataDirectory(path: stack.data.path))
        _ = try Eventually.value("the pipeline to come to rest", timeout: 60) { () -> Bool? in
            let snapshot = try reader.snapshot()
            return snapshot.inFlight == 0 && snapshot.received == snapshot.candidates ? true : nil
        }
        return stack
    }

    /// The member at a dotted `path` (array items by index) of a decoded JSON value.
    static func value(_ json: Any?, at path: String) -> Any? {
        var current = json
        for key in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            if let object = current as? [String: Any] {
                current = object[key]
            } else if let array = current as? [Any], let index = Int(key), array.indices.contains(index) {
                current = array[index]
            } else {
                return nil
            }
        }
        return current
    }

    /// A JSON number as a Double (nil for null, strings, or absent).
    static func number(_ value: Any?) -> Double? {
        guard let value, !(value is NSNull), !(value is String) else { return nil }
        return (value as? NSNumber)?.doubleValue
    }
}

/// A report test that cannot go on, with what it saw.
struct ReportTestError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
