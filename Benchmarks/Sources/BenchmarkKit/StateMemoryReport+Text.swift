extension StateMemoryReport {
    /// The figures for people, a few lines.
    public var summary: String {
        var lines = [
            "scoring state of \(Figures.grouped(customersHeld)) customers (of \(Figures.grouped(customersSimulated)) "
                + "simulated, \(shards) shard\(shards == 1 ? "" : "s")) "
                + "from \(Figures.grouped(eventsSimulated)) events "
                + "(\(Figures.grouped(eventsApplied)) applied, \(Figures.grouped(eventsSkipped)) without a customer "
                + "skipped):",
            "  resident memory: \(Figures.decimal(bytesPerCustomer)) bytes/customer "
                + "(\(Figures.decimal(bytesPerCustomerUnreleased)) before the allocator returned its free pages; "
                + "dictionary capacity \(Figures.grouped(dictionaryCapacity)))",
        ]
        if let sizes = serializedBytes {
            lines.append(
                "  serialized state: mean \(Figures.decimal(sizes.mean)), p50 \(sizes.p50), p99 \(sizes.p99), "
                    + "max \(sizes.max) bytes"
            )
        }
        lines.append(
            "  apply: \(Figures.grouped(apply.perSecond)) events/s (\(Figures.grouped(apply.items)) events in "
                + "\(Figures.decimal(apply.seconds, places: 2)) s; simulating them took "
                + "\(Figures.decimal(simulationSeconds, places: 2)) s)"
        )
        return lines.joined(separator: "\n")
    }
}
