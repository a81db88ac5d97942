/// The figures of a `StateMemoryBenchmark` run. Memory figures are in bytes.
public struct StateMemoryReport: Sendable, Hashable, Codable {
    /// Customers the simulator was asked for.
    public var customersSimulated: Int
    /// Customers with state in the dictionary at the end (those who showed up in the stream).
    public var customersHeld: Int
    /// Simulators the customers came from (see `StateMemoryBenchmark.shardSize`).
    public var shards: Int
    /// The dictionary's capacity at the end: its table grows in powers of two, so its cost per customer
    /// depends on where the count falls between two of them.
    public var dictionaryCapacity: Int
    /// Events simulated.
    public var eventsSimulated: Int
    /// Events applied to a customer's state.
    public var eventsApplied: Int
    /// Events without a customer (disruptions), skipped as the scoring stage skips them.
    public var eventsSkipped: Int
    /// Outputs (alerts, notices, candidates, ...) the events produced.
    public var outputs: Int
    /// Resident set size before the states were built.
    public var residentBefore: Int
    /// Resident set size with the states built and the simulator gone.
    public var residentAfter: Int
    /// The same, after the allocator handed its free pages back to the kernel.
    public var residentAfterRelease: Int
    /// Sizes of the serialized states, what the store keeps per customer.
    public var serializedBytes: Distribution?
    /// `AdvocacyModel.apply`, dictionary update included.
    public var apply: Throughput
    /// Seconds spent simulating the events (not part of `apply`).
    public var simulationSeconds: Double
    /// Resident bytes per customer held, once the allocator's free pages are handed back: the headline figure.
    public var bytesPerCustomer: Double
    /// Resident bytes per customer held, counting the pages the allocator keeps free.
    public var bytesPerCustomerUnreleased: Double

    public init(
        customersSimulated: Int,
        customersHeld: Int,
        shards: Int,
        dictionaryCapacity: Int,
        eventsSimulated: Int,
        eventsApplied: Int,
        eventsSkipped: Int,
        outputs: Int,
        residentBefore: Int,
        residentAfter: Int,
        residentAfterRelease: Int,
        serializedBytes: Distribution?,
        apply: Throughput,
        simulationSeconds: Double
    ) {
        self.customersSimulated = customersSimulated
        self.customersHeld = customersHeld
        self.shards = shards
        self.dictionaryCapacity = dictionaryCapacity
        self.eventsSimulated = eventsSimulated
        self.eventsApplied = eventsApplied
        self.eventsSkipped = eventsSkipped
        self.outputs = outputs
        self.residentBefore = residentBefore
        self.residentAfter = residentAfter
        self.residentAfterRelease = residentAfterRelease
        self.serializedBytes = serializedBytes
        self.apply = apply
        self.simulationSeconds = simulationSeconds
        let held = Double(max(customersHeld, 1))
        bytesPerCustomer = Double(residentAfterRelease - residentBefore) / held
        bytesPerCustomerUnreleased = Double(residentAfter - residentBefore) / held
    }
}
