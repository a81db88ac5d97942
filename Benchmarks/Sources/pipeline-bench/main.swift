import ArgumentParser
import BenchmarkKit
import Foundation
import PipelineKit

/// Measures the pipeline end to end with the real release executables on loopback; `ops/bench` runs it.
@main
struct PipelineBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline-bench",
        abstract: "End-to-end throughput, alert latency under load and ingest's rejection rate of the real stages."
    )

    @Option(help: "Where the stage executables are (default: beside this one).") var bin: String?
    @Option(help: "Simulated events per throughput run.") var events = 300_000
    @Option(help: "Customers of the simulated stream (at most 100,000 per simulator).") var customers = 20_000
    @Option(help: "Seed of the simulated stream.") var seed: UInt64 = 7
    @Option(help: "Numbers of scoring processes to measure, comma-separated.") var scorers = "1,2"
    @Option(help: "Seconds of mentions in the latency run.") var latencySeconds = 20.0
    @Option(help: "Requests of 1,000 bad events in the rejection run.") var rejectionRequests = 200
    @Option(help: "Measure only the latency, at this load in events/s, with the first of --scorers.")
    var latencyRate: Double?
    @Flag(
        inversion: .prefixedNo,
        help: "Also measure the latency at a quarter of the best throughput, where the cores have time to spare.")
    var quarterLoad = true
    @Flag(help: "Print the figures as one line of JSON.") var json = false

    func validate() throws {
        guard (1_000...10_000_000).contains(events) else {
            throw ValidationError("--events \(events) is not 1,000 to 10,000,000")
        }
        guard (1...100_000).contains(customers) else {
            throw ValidationError("--customers \(customers) is not 1 to 100,000")
        }
        if let latencyRate, !(1...10_000_000).contains(latencyRate) {
            throw ValidationError("--latency-rate \(latencyRate) is not 1 to 10,000,000 events/s")
        }
        guard !scorerCounts.isEmpty else {
            throw ValidationError("--scorers '\(scorers)' names no number from 1 to 16")
        }
    }

    private var scorerCounts: [Int] {
        scorers.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter {
            (1...16).contains($0)
        }
    }

    func run() throws {
        let log: (String) -> Void = { FileHandle.standardError.write(Data(("pipeline-bench: " + $0 + "\n").utf8)) }
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.deletingLastPathComponent().path
        log("simulating \(events) events of \(customers) customers")
        let workload = try Workload(events: events, customers: customers, seed: seed)
        log(
            String(
                format: "mean event size: %.1f bytes binary-encoded, %.1f bytes as JSON", workload.meanBinaryBytes,
                workload.meanJSONBytes))
        var benchmark = PipelineBenchmark(binDirectory: bin ?? here, workload: workload, customers: customers)
        benchmark.latencySeconds = latencySeconds
        benchmark.rejectionRequests = rejectionRequests
        var report = PipelineReport(
            events: workload.lines.count, customers: customers, meanBinaryBytes: workload.meanBinaryBytes,
            meanJsonBytes: workload.meanJSONBytes, batchEvents: benchmark.batchEvents, inFlight: benchmark.inFlight)
        if let latencyRate {
            log(String(format: "latency at %.0f events/s with %d scoring process(es)", latencyRate, scorerCounts[0]))
            report.latency = try benchmark.latency(scoreWorkers: scorerCounts[0], rate: latencyRate, log: log)
            print(json ? try report.jsonLine() : String(describing: report))
            return
        }
        for count in scorerCounts {
            log("throughput with \(count) scoring process(es)")
            let figures = try benchmark.throughput(scoreWorkers: count, log: log)
            log(String(format: "  %.0f events/s end to end", figures.eventsPerSecond))
            report.throughput.append(figures)
        }
        let best = report.throughput.max { $0.eventsPerSecond < $1.eventsPerSecond }!
        func latency(at share: String, divisor: Double) throws -> LatencyFigures {
            log(
                "latency at \(share) of \(Int(best.eventsPerSecond.rounded())) events/s with \(best.scoreWorkers) "
                    + "scoring process(es)")
            return try benchmark.latency(
                scoreWorkers: best.scoreWorkers, rate: best.eventsPerSecond / divisor, log: log)
        }
        report.latency = try latency(at: "half", divisor: 2)
        if quarterLoad {
            report.quarterLoadLatency = try latency(at: "a quarter", divisor: 4)
        }
        log("rejection rate")
        report.rejection = try benchmark.rejection(log: log)
        print(json ? try report.jsonLine() : String(describing: report))
    }
}
