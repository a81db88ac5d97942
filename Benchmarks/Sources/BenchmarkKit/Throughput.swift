/// How many items were processed in how much time.
public struct Throughput: Sendable, Hashable, Codable {
    /// Items processed.
    public var items: Int
    /// Seconds it took.
    public var seconds: Double
    /// Items per second (0 when no time was measured).
    public var perSecond: Double

    /// Records `items` processed in `duration`.
    public init(items: Int, duration: Duration) {
        self.items = items
        seconds = duration.seconds
        perSecond = seconds > 0 ? Double(items) / seconds : 0
    }

    /// Runs `pass` again and again until `duration` has passed (at least once), and counts `itemsPerPass` for
    /// each run.
    ///
    /// Whole passes only: the clock is read between passes, never inside one, so its cost does not weigh on
    /// short items.
    ///
    /// - Parameters:
    ///   - itemsPerPass: the items one run of `pass` processes.
    ///   - duration: how long to keep going.
    ///   - clock: the clock to time with.
    ///   - pass: processes the items once.
    /// - Returns: the items processed and the time the passes took.
    public static func measure<C: Clock>(
        itemsPerPass: Int,
        duration: Duration,
        clock: C = ContinuousClock(),
        _ pass: () -> Void
    ) -> Throughput where C.Duration == Duration {
        precondition(itemsPerPass >= 0, "a pass cannot process \(itemsPerPass) items")
        let start = clock.now
        var passes = 0
        var elapsed: Duration = .zero
        repeat {
            pass()
            passes += 1
            elapsed = start.duration(to: clock.now)
        } while elapsed < duration
        return Throughput(items: passes * itemsPerPass, duration: elapsed)
    }
}
