import Foundation

extension ContinuousClock {
    /// Blocks the calling thread (never a task) until `deadline`; the measuring threads are plain threads.
    static func pause(until deadline: Instant) {
        let remaining = deadline - .now
        guard remaining > .zero else { return }
        Thread.sleep(
            forTimeInterval: Double(remaining.components.seconds) + Double(remaining.components.attoseconds) * 1e-18)
    }
}
