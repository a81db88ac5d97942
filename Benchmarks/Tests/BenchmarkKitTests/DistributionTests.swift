import Testing

@testable import BenchmarkKit

@Suite struct DistributionTests {
    @Test func noSamplesHaveNoDistribution() {
        #expect(Distribution([]) == nil)
    }

    @Test func oneSampleIsEveryFigure() throws {
        let distribution = try #require(Distribution([7]))
        #expect(distribution.count == 1)
        #expect(distribution.mean == 7)
        #expect([distribution.p50, distribution.p99, distribution.max] == [7, 7, 7])
    }

    @Test func figuresOfOneToAHundredInAnyOrder() throws {
        let distribution = try #require(Distribution(Array((1...100).reversed())))
        #expect(distribution.count == 100)
        #expect(distribution.mean == 50.5)
        #expect(distribution.p50 == 50)
        #expect(distribution.p99 == 99)
        #expect(distribution.max == 100)
    }

    @Test(arguments: [
        (50, [1, 2, 3, 4], 2),
        (50, [1, 2, 3, 4, 5], 3),
        (99, [1, 2, 3, 4, 5], 5),
        (99, Array(1...1_000), 990),
        (100, [3, 9], 9),
        (1, [3, 9], 3),
    ])
    func nearestRankPercentile(percent: Int, sorted: [Int], expected: Int) {
        #expect(Distribution.percentile(percent, of: sorted) == expected)
    }
}
