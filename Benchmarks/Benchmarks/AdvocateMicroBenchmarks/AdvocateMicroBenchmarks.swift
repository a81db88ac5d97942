import AdvocateCodec
import AdvocateModel
import AdvocateSentiment
import AdvocateSimulation
import Benchmark
import BenchmarkKit

// Micro-benchmarks of the hot paths: the codec (JSON in, binary between stages), the sentiment model, and one
// scoring update. Wall clock and allocations per operation; run with
// `swift package --package-path Benchmarks benchmark` (never part of `swift test`).

/// A simulated stream of 1,000 events, the size of one producer request.
private let stream: [Event] = {
    var options = SimulationOptions(events: 1_000)
    options.customers = 100
    options.seed = 7
    guard let simulator = try? EventSimulator(options: options) else { return [] }
    return Array(IteratorSequence(simulator))
}()

private let requestBody: [UInt8] = {
    var body: [UInt8] = []
    for event in stream {
        if !body.isEmpty { body.append(UInt8(ascii: "\n")) }
        event.appendJSON(to: &body)
    }
    return body
}()

private let batchFrame: [UInt8] = {
    let entries = stream.enumerated().map { JournalEntry(sequence: UInt64($0.offset + 1), event: $0.element) }
    return WireMessage.events(EventBatch(lease: PartitionLease(partition: 0, epoch: 1), entries: entries)).encoded()
}()

private let tweets: [String] = (try? TweetCorpus(contentsOf: TweetCorpus.defaultPath).texts) ?? []

private let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal]

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: metrics, maxDuration: .seconds(2), maxIterations: 1_000_000)

    // One producer request of 1,000 events, parsed and validated as ingest does.
    Benchmark("codec: parse a 1,000-event NDJSON request") { benchmark in
        let parser = EventRequestParser()
        for _ in benchmark.scaledIterations {
            blackHole(parser.parse(requestBody).items.count)
        }
    }

    Benchmark("codec: encode 1,000 events, binary") { benchmark in
        for _ in benchmark.scaledIterations {
            for event in stream { blackHole(event.binary()) }
        }
    }

    Benchmark("codec: encode a 1,000-event batch frame") { benchmark in
        let entries = stream.enumerated().map { JournalEntry(sequence: UInt64($0.offset + 1), event: $0.element) }
        let message = WireMessage.events(EventBatch(lease: PartitionLease(partition: 0, epoch: 1), entries: entries))
        for _ in benchmark.scaledIterations {
            blackHole(message.encoded())
        }
    }

    Benchmark("codec: decode a 1,000-event batch frame") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try WireMessage(decoding: batchFrame))
        }
    }

    // The 4,200 ground-truth tweets, once per iteration.
    Benchmark("sentiment: VADER scores, 4,200 tweets") { benchmark in
        let analyzer = SentimentAnalyzer.shared
        for _ in benchmark.scaledIterations {
            for text in tweets { blackHole(analyzer.scores(text).compound) }
        }
    }

    Benchmark("sentiment: assess (VADER + complaints), 4,200 tweets") { benchmark in
        let assessor = TextAssessor(analyzer: SentimentAnalyzer.shared)
        for _ in benchmark.scaledIterations {
            for text in tweets { blackHole(assessor.assess(text).complaint) }
        }
    }

    // Each customer's compact state brought through the 1,000 events, decoded and encoded again at every event.
    Benchmark("scoring: apply 1,000 events to customer states") { benchmark in
        let model = AdvocacyModel(judge: TextAssessor())
        for _ in benchmark.scaledIterations {
            var states: [String: CustomerState] = [:]
            for event in stream {
                blackHole(model.apply(event, to: &states[event.customer ?? "", default: CustomerState()]).count)
            }
        }
    }

    // The same events as one scoring batch applies them: each customer's state decoded once, kept decoded
    // through their events, and encoded once at the end.
    Benchmark("scoring: apply 1,000 events to decoded states") { benchmark in
        let model = AdvocacyModel(judge: TextAssessor())
        for _ in benchmark.scaledIterations {
            var states: [String: DecodedState] = [:]
            for event in stream {
                let applied = model.applyFollowingStage(
                    event, to: &states[event.customer ?? "", default: DecodedState()])
                blackHole(applied.outputs.count)
            }
            for state in states.values { blackHole(state.state.byteCount) }
        }
    }
}
