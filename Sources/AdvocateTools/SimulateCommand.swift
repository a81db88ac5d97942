import AdvocateCodec
import AdvocateSimulation
import ArgumentParser
import Foundation

/// `advocate simulate`: a realistic, seeded NDJSON event stream on standard output.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Write a realistic, deterministic stream of events as NDJSON."
    )

    @Option(help: "How many events to write.") var events: Int
    @Option(help: "How many customers (default: events / 25, at least 50).") var customers: Int?
    @Option(help: "Random seed: the same seed gives the same stream.") var seed: UInt64 = 1
    @Option(help: "Share of events sent twice, as retrying producers do (0 to 1).") var duplicates: Double = 0

    func run() throws {
        let lines = try SimulatedLines(events: events, customers: customers, seed: seed, duplicateRate: duplicates)
        let output = FileHandle.standardOutput
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        while let line = try lines.next() {
            buffer.append(contentsOf: line)
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 16 {
                output.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        output.write(Data(buffer))
    }
}

/// Simulated events as NDJSON lines, generated as they are read.
public final class SimulatedLines: LineSource {
    private var simulator: EventSimulator
    public private(set) var bytesRead = 0
    public let total: Int

    public init(events: Int, customers: Int?, seed: UInt64, duplicateRate: Double = 0) throws {
        var options = SimulationOptions(events: events)
        if let customers { options.customers = customers }
        options.seed = seed
        options.duplicateRate = duplicateRate
        simulator = try EventSimulator(options: options)
        total = events
    }

    public func next() throws -> ArraySlice<UInt8>? {
        guard let event = simulator.next() else { return nil }
        var bytes: [UInt8] = []
        event.appendJSON(to: &bytes)
        bytesRead += bytes.count + 1
        return bytes[...]
    }
}
