import AdvocateCodec

/// A calendar period of event time, in UTC: a day, an ISO week (Monday start) or a month.
public enum TimeBucket: String, Sendable, CaseIterable {
    case day, week, month

    /// The period holding `time`: a sortable key (`2026-11-02`, `2026-W45`, `2026-11`) and its first day.
    public func period(of time: Timestamp) -> (key: String, start: String) {
        let days = Self.floorDivide(time.seconds, 86_400)
        switch self {
        case .day:
            let date = Self.civil(days)
            return (date.text, date.text)
        case .week:
            // 1970-01-01 was a Thursday; Monday-based weekday 0...6.
            let weekday = Self.floorModulo(days + 3, 7)
            let monday = days - weekday
            // The ISO year is that of the week's Thursday; week 1 holds the year's first Thursday.
            let thursday = Self.civil(monday + 3)
            let firstOfYear = Self.days(year: thursday.year, month: 1, day: 1)
            let week = (monday + 3 - firstOfYear) / 7 + 1
            return (Self.padded(thursday.year, 4) + "-W" + Self.padded(week, 2), Self.civil(monday).text)
        case .month:
            let date = Self.civil(days)
            let key = Self.padded(date.year, 4) + "-" + Self.padded(date.month, 2)
            return (key, key + "-01")
        }
    }

    /// Year, month and day of a day count since 1970-01-01 (Howard Hinnant's civil-from-days).
    static func civil(_ days: Int64) -> (year: Int64, month: Int64, day: Int64, text: String) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2))
    }

    /// Days since 1970-01-01 of a civil date (days-from-civil).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    static func floorModulo(_ a: Int64, _ b: Int64) -> Int64 {
        a - floorDivide(a, b) * b
    }

    static func padded(_ value: Int64, _ width: Int) -> String {
        let text = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
