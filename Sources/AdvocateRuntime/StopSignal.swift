import Synchronization

/// A flag a stage's blocking loop checks between polls; set once by graceful shutdown.
public final class StopSignal: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks the loop to stop after its current step.
    public func stop() {
        flag.store(true, ordering: .releasing)
    }

    /// Whether `stop()` was called.
    public var isStopped: Bool { flag.load(ordering: .acquiring) }
}
