import AdvocateCodec
import AdvocateSimulation

/// A simulated stream prepared in memory before any clock starts: its NDJSON lines, and the sizes that set
/// the baseline's message size.
public struct Workload: Sendable {
    /// One JSON event per line, in stream order.
    public let lines: [[UInt8]]
    /// Mean size of an event in the binary encoding the stages exchange: the baseline's message size.
    public let meanBinaryBytes: Double
    /// Mean size of an event's JSON line.
    public let meanJSONBytes: Double

    /// Simulates `events` events of `customers` customers with `seed`.
    public init(events: Int, customers: Int, seed: UInt64) throws {
        var options = SimulationOptions(events: events)
        options.customers = customers
        options.seed = seed
        var simulator = try EventSimulator(options: options)
        var lines: [[UInt8]] = []
        lines.reserveCapacity(events)
        var binaryBytes = 0
        var jsonBytes = 0
        while let event = simulator.next() {
            var line: [UInt8] = []
            event.appendJSON(to: &line)
            jsonBytes += line.count
            binaryBytes += event.binary().count
            lines.append(line)
        }
        self.lines = lines
        meanBinaryBytes = lines.isEmpty ? 0 : Double(binaryBytes) / Double(lines.count)
        meanJSONBytes = lines.isEmpty ? 0 : Double(jsonBytes) / Double(lines.count)
    }

    /// The lines as NDJSON request bodies of `batch` events each.
    public func requests(batch: Int) -> [[UInt8]] {
        stride(from: 0, to: lines.count, by: max(1, batch)).map { start in
            var body: [UInt8] = []
            for line in lines[start..<min(lines.count, start + max(1, batch))] {
                if !body.isEmpty { body.append(UInt8(ascii: "\n")) }
                body += line
            }
            return body
        }
    }
}
