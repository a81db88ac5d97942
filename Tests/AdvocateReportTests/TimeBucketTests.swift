import AdvocateCodec
import Testing

@testable import AdvocateReport

/// Calendar periods in UTC, checked against dates worked out from a calendar.
@Suite struct TimeBucketTests {
    static func time(_ text: String) throws -> Timestamp { try Timestamp(rfc3339: text) }

    @Test(arguments: [
        // 2026-01-01 is a Thursday: week 1 of 2026 starts on Monday 2025-12-29.
        ("2026-01-01T00:00:00Z", "2026-W01", "2025-12-29"),
        // 2027-01-01 is a Friday: it belongs to the last week (53) of 2026.
        ("2027-01-01T23:59:59Z", "2026-W53", "2026-12-28"),
        // 2024-12-30 is a Monday: week 1 of 2025.
        ("2024-12-30T00:00:00Z", "2025-W01", "2024-12-30"),
        ("2026-11-22T18:00:00Z", "2026-W47", "2026-11-16"),
        // A Sunday late at night still belongs to the week that started on Monday.
        ("2026-11-15T23:59:59Z", "2026-W46", "2026-11-09"),
        ("2020-12-31T12:00:00Z", "2020-W53", "2020-12-28"),
    ])
    func isoWeeks(_ text: String, _ key: String, _ start: String) throws {
        let period = TimeBucket.week.period(of: try Self.time(text))
        #expect(period.key == key)
        #expect(period.start == start)
    }

    @Test func daysAndMonthsAreUTCDates() throws {
        #expect(TimeBucket.day.period(of: try Self.time("2026-03-01T00:30:00+02:00")).key == "2026-02-28")
        #expect(TimeBucket.month.period(of: try Self.time("2024-02-29T10:00:00Z")) == ("2024-02", "2024-02-01"))
        #expect(TimeBucket.day.period(of: try Self.time("2000-02-29T00:00:00Z")).start == "2000-02-29")
    }
}
