/// A point in event time: microseconds since 1970-01-01T00:00:00Z.
///
/// Events carry RFC 3339 text at the edge; inside the pipeline time is this integer, so that
/// ordering and arithmetic are exact and the same on every host.
public struct Timestamp: Sendable, Hashable, Comparable, Codable {
    public var microseconds: Int64

    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    public init(seconds: Int64) {
        self.microseconds = seconds * 1_000_000
    }

    /// Whole seconds since the epoch, rounded down.
    public var seconds: Int64 {
        // Floor division that cannot overflow, also at Int64.min.
        microseconds >= 0 ? microseconds / 1_000_000 : -1 - (-(microseconds + 1)) / 1_000_000
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.microseconds < rhs.microseconds
    }

    /// The signed distance `to - self`, in seconds.
    public func seconds(to other: Timestamp) -> Double {
        Double(other.microseconds - microseconds) / 1_000_000
    }

    public static let microsecondsPerDay: Int64 = 86_400_000_000
}
