import Testing

@testable import BenchmarkKit

@Suite struct FiguresTests {
    @Test(arguments: [
        (0, "0"), (999, "999"), (1_000, "1,000"), (123_456, "123,456"), (1_234_567, "1,234,567"), (-45_000, "-45,000"),
    ])
    func groupsThousands(value: Int, expected: String) {
        #expect(Figures.grouped(value) == expected)
    }

    @Test func roundsBeforeGrouping() {
        #expect(Figures.grouped(48_612.7) == "48,613")
        #expect(Figures.decimal(243.06) == "243.1")
        #expect(Figures.decimal(1.23456, places: 2) == "1.23")
    }
}
