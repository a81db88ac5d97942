extension Timestamp {
    /// The earliest time an event may carry: 1970-01-01T00:00:00Z.
    public static let earliestEventTime = Timestamp(microseconds: 0)
    /// The latest time an event may carry: 9999-12-31T23:59:59.999999Z.
    public static let latestEventTime = Timestamp(microseconds: 253_402_300_799_999_999)

    /// Whether the timestamp lies in the years 1970...9999 (UTC) that the event format allows.
    public var isValidEventTime: Bool {
        self >= Timestamp.earliestEventTime && self <= Timestamp.latestEventTime
    }

    /// Parses an RFC 3339 date-time such as `2026-11-01T10:00:00Z` or `2026-11-01 11:00:00.5+01:00`.
    ///
    /// The separator may be `T`, `t` or a space; seconds are required; a fraction of 1-9 digits is truncated
    /// to microseconds; the offset is `Z`, `z` or `±hh:mm`. Years 1970...9999, and the result in UTC must
    /// stay within them too.
    /// - Throws: `ValueFormatError` naming the text and what is wrong with it.
    public init(rfc3339 text: String) throws(ValueFormatError) {
        var text = text
        let parsed = text.withUTF8 { utf8 in
            Timestamp.parseRFC3339(UnsafeRawBufferPointer(utf8), start: 0, end: utf8.count)
        }
        switch parsed {
        case .success(let timestamp): self = timestamp
        case .failure(let detail): throw ValueFormatError(what: "timestamp", value: text, detail: detail.text)
        }
    }

    /// The canonical RFC 3339 text in UTC: `2026-11-01T10:00:00Z`, or with exactly six fraction digits
    /// (`2026-11-01T10:00:00.123456Z`) when the time is not a whole second.
    public var rfc3339: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(27)
        appendRFC3339(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `rfc3339` as UTF-8, for writers that build JSON in a byte buffer.
    public func appendRFC3339(to bytes: inout [UInt8]) {
        // Floor division that cannot overflow even at Int64.min (unlike `seconds`), so the fraction is >= 0.
        var seconds = microseconds / 1_000_000
        var fraction = microseconds % 1_000_000
        if fraction < 0 {
            seconds -= 1
            fraction += 1_000_000
        }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Timestamp.civilDate(daysSinceEpoch: days)
        if year < 0 || year > 9999 {
            JSONText.appendInteger(year, to: &bytes)
        } else {
            Timestamp.appendPadded(year, width: 4, to: &bytes)
        }
        bytes.append(UInt8(ascii: "-"))
        Timestamp.appendPadded(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Timestamp.appendPadded(day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        Timestamp.appendPadded(secondOfDay / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Timestamp.appendPadded(secondOfDay / 60 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Timestamp.appendPadded(secondOfDay % 60, width: 2, to: &bytes)
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            Timestamp.appendPadded(fraction, width: 6, to: &bytes)
        }
        bytes.append(UInt8(ascii: "Z"))
    }

    /// Appends `rfc3339`, optionally in double quotes as a JSON string.
    func appendRFC3339(to bytes: inout [UInt8], quoted: Bool) {
        if quoted { bytes.append(0x22) }
        appendRFC3339(to: &bytes)
        if quoted { bytes.append(0x22) }
    }

    private static func appendPadded(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}

// MARK: - Calendar arithmetic

extension Timestamp {
    /// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's civil-from-days).
    static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Days since 1970-01-01 of a valid proleptic Gregorian date (the inverse of `civilDate`).
    static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

// MARK: - Parsing bytes

extension Timestamp {
    /// What is wrong with a timestamp text; the caller adds the text itself.
    struct RFC3339Problem: Error, Sendable, Hashable {
        var text: String
    }

    /// Parses RFC 3339 from `bytes[start..<end]` without building a `String` (the ingest hot path).
    static func parseRFC3339(
        _ bytes: UnsafeRawBufferPointer, start: Int, end: Int
    ) -> Result<Timestamp, RFC3339Problem> {
        var index = start

        func number(_ width: Int, _ name: String) -> Result<Int64, RFC3339Problem> {
            guard end - index >= width else { return .failure(RFC3339Problem(text: "too short, missing \(name)")) }
            var value: Int64 = 0
            for _ in 0..<width {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else {
                    return .failure(
                        RFC3339Problem(text: "expected \(width) digits of \(name) at position \(index - start)"))
                }
                value = value * 10 + Int64(digit)
                index += 1
            }
            return .success(value)
        }

        func separator(_ allowed: UInt8, _ name: String, orDateTime: Bool = false) -> RFC3339Problem? {
            guard index < end else { return RFC3339Problem(text: "too short, missing \(name)") }
            let found = bytes[index]
            let dateTime = orDateTime && (found == UInt8(ascii: "t") || found == UInt8(ascii: " "))
            guard found == allowed || dateTime else {
                return RFC3339Problem(text: "expected \(name) at position \(index - start)")
            }
            index += 1
            return nil
        }

        let year: Int64
        switch number(4, "year") {
        case .success(let value): year = value
        case .failure(let problem): return .failure(problem)
        }
        if let problem = separator(UInt8(ascii: "-"), "'-' after the year") { return .failure(problem) }
        let month: Int64
        switch number(2, "month") {
        case .success(let value): month = value
        case .failure(let problem): return .failure(problem)
        }
        if let problem = separator(UInt8(ascii: "-"), "'-' after the month") { return .failure(problem) }
        let day: Int64
        switch number(2, "day") {
        case .success(let value): day = value
        case .failure(let problem): return .failure(problem)
        }
        if let problem = separator(UInt8(ascii: "T"), "'T' between date and time", orDateTime: true) {
            return .failure(problem)
        }
        let hour: Int64
        switch number(2, "hour") {
        case .success(let value): hour = value
        case .failure(let problem): return .failure(problem)
        }
        if let problem = separator(UInt8(ascii: ":"), "':' after the hour") { return .failure(problem) }
        let minute: Int64
        switch number(2, "minute") {
        case .success(let value): minute = value
        case .failure(let problem): return .failure(problem)
        }
        if let problem = separator(UInt8(ascii: ":"), "':' and seconds after the minute") {
            return .failure(problem)
        }
        let second: Int64
        switch number(2, "seconds") {
        case .success(let value): second = value
        case .failure(let problem): return .failure(problem)
        }

        var micros: Int64 = 0
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < end, bytes[index] &- UInt8(ascii: "0") < 10 {
                digits += 1
                if digits <= 6 { micros = micros * 10 + Int64(bytes[index] - UInt8(ascii: "0")) }
                index += 1
            }
            guard digits >= 1 else { return .failure(RFC3339Problem(text: "expected fraction digits after '.'")) }
            guard digits <= 9 else { return .failure(RFC3339Problem(text: "fraction longer than 9 digits")) }
            for _ in digits..<max(digits, 6) { micros *= 10 }
        }

        guard index < end else { return .failure(RFC3339Problem(text: "missing offset ('Z' or ±hh:mm)")) }
        var offsetSeconds: Int64 = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign: Int64 = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            let offsetHour: Int64
            switch number(2, "offset hours") {
            case .success(let value): offsetHour = value
            case .failure(let problem): return .failure(problem)
            }
            if let problem = separator(UInt8(ascii: ":"), "':' in the offset") { return .failure(problem) }
            let offsetMinute: Int64
            switch number(2, "offset minutes") {
            case .success(let value): offsetMinute = value
            case .failure(let problem): return .failure(problem)
            }
            guard offsetHour <= 23 else {
                return .failure(RFC3339Problem(text: "offset hour \(offsetHour) out of range"))
            }
            guard offsetMinute <= 59 else {
                return .failure(RFC3339Problem(text: "offset minute \(offsetMinute) out of range"))
            }
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
        default:
            return .failure(RFC3339Problem(text: "expected offset ('Z' or ±hh:mm) at position \(index - start)"))
        }
        guard index == end else {
            return .failure(RFC3339Problem(text: "unexpected text after the offset at position \(index - start)"))
        }

        guard year >= 1970 else { return .failure(RFC3339Problem(text: "year \(year) out of range (1970-9999)")) }
        guard month >= 1 && month <= 12 else { return .failure(RFC3339Problem(text: "month \(month) out of range")) }
        let monthDays = daysInMonth(year: year, month: month)
        guard day >= 1 && day <= monthDays else {
            return .failure(
                RFC3339Problem(text: "day \(day) out of range (month \(month) of \(year) has \(monthDays))"))
        }
        guard hour <= 23 else { return .failure(RFC3339Problem(text: "hour \(hour) out of range")) }
        guard minute <= 59 else { return .failure(RFC3339Problem(text: "minute \(minute) out of range")) }
        guard second <= 59 else { return .failure(RFC3339Problem(text: "second \(second) out of range")) }

        let days = daysSinceEpoch(year: year, month: month, day: day)
        let utcSeconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        let timestamp = Timestamp(microseconds: utcSeconds * 1_000_000 + micros)
        guard timestamp.isValidEventTime else {
            return .failure(RFC3339Problem(text: "outside 1970-9999 once converted to UTC"))
        }
        return .success(timestamp)
    }
}
