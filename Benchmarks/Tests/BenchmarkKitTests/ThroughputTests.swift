import Testing

@testable import BenchmarkKit

@Suite struct ThroughputTests {
    @Test func runsOnePassWhenNoTimeIsAsked() {
        var passes = 0
        let throughput = Throughput.measure(itemsPerPass: 42, duration: .zero) { passes += 1 }
        #expect(passes == 1)
        #expect(throughput.items == 42)
    }

    @Test func keepsRunningWholePassesForTheDuration() {
        var passes = 0
        let throughput = Throughput.measure(itemsPerPass: 3, duration: .milliseconds(20)) { passes += 1 }
        #expect(passes >= 1)
        #expect(throughput.items == 3 * passes)
        #expect(throughput.seconds >= 0.02)
        #expect(throughput.perSecond == Double(throughput.items) / throughput.seconds)
    }

    @Test func ratesItemsPerSecond() {
        let throughput = Throughput(items: 1_000, duration: .milliseconds(250))
        #expect(throughput.seconds == 0.25)
        #expect(throughput.perSecond == 4_000)
        #expect(Throughput(items: 5, duration: .zero).perSecond == 0)
    }
}
