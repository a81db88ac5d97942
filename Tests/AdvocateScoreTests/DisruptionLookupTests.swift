import AdvocateCodec
import AdvocateScore
import AdvocateStorage
import Testing

/// A purchase that arrives after disruptions of its segment were applied reads them from the store, but only
/// from the batch's earliest purchase of the segment on. These tests hold that bound to the model: it never
/// changes which notices a batch produces.
@Suite struct DisruptionLookupTests {
    static let start = Timestamp(seconds: 1_790_000_000)
    static let hour: Int64 = 3_600

    static func at(hours: Int64) -> Timestamp { Timestamp(seconds: start.seconds + hours * hour) }

    /// Three disruptions of `route:A`, two hours apart, as the store holds them.
    static let history: [Event] = [0, 2, 4].map { hours in
        Event(
            id: "d-\(hours)", customer: nil, at: at(hours: hours),
            body: .disruption(Disruption(what: "delayed \(hours)", segment: "route:A"))
        )
    }

    static func purchase(_ customer: String, hours: Int64, segment: String = "route:A") -> JournalEntry {
        JournalEntry(
            sequence: 1,
            event: Event(
                id: "p-\(customer)-\(hours)", customer: customer, at: at(hours: hours),
                body: .purchase(
                    Purchase(order: "o-\(customer)-\(hours)", amount: Money(units: 1_200_000), segment: segment))
            )
        )
    }

    /// Notices the batch produces with the given disruptions known, as (customer, disruption) pairs.
    static func notices(_ entries: [JournalEntry], known: [Event]) throws -> [String] {
        let context = ScoringContext(partition: 0, partitionCount: 1, disruptions: ["route:A": known])
        return try AdvocacyScorer().score(numbered(entries), context: context).notices.map {
            "\($0.customer) \($0.disruption)"
        }.sorted()
    }

    static func numbered(_ entries: [JournalEntry]) -> [JournalEntry] {
        entries.enumerated().map { JournalEntry(sequence: UInt64($0.offset + 1), event: $0.element.event) }
    }

    /// What the worker asks the store for: the disruptions at or after the batch's earliest purchase.
    static func bounded(_ entries: [JournalEntry]) -> [Event] {
        let needs = ScoringContext.needs(of: numbered(entries), partition: 0, partitionCount: 1)
        guard let since = needs.purchaseSegments["route:A"] else { return [] }
        return history.filter { $0.at >= since }
    }

    @Test func theEarliestPurchaseOfEachSegmentBoundsTheLookup() {
        let entries = [
            Self.purchase("c-1", hours: 3), Self.purchase("c-2", hours: 1), Self.purchase("c-3", hours: 5),
            Self.purchase("c-4", hours: 2, segment: "route:B"),
        ]
        let needs = ScoringContext.needs(of: Self.numbered(entries), partition: 0, partitionCount: 1)
        #expect(needs.purchaseSegments == ["route:A": Self.at(hours: 1), "route:B": Self.at(hours: 2)])
        #expect(needs.customers == ["c-1", "c-2", "c-3", "c-4"])
    }

    @Test func aLatePurchaseGetsTheSameNoticesFromTheBoundedLookup() throws {
        let cases: [(batch: [JournalEntry], expected: [String], read: Int)] = [
            // Bought before all three: covered by all of them.
            ([Self.purchase("c-1", hours: -1)], ["c-1 d-0", "c-1 d-2", "c-1 d-4"], 3),
            // Bought at the time of the second: covered by it and the third, and the first is not read.
            ([Self.purchase("c-2", hours: 2)], ["c-2 d-2", "c-2 d-4"], 2),
            // Bought after the last: nothing to read, nothing to tell.
            ([Self.purchase("c-3", hours: 5)], [], 0),
            // One batch: each purchase judged on its own, the lookup bounded by the earliest.
            (
                [Self.purchase("c-3", hours: 5), Self.purchase("c-4", hours: 3), Self.purchase("c-5", hours: 1)],
                ["c-4 d-4", "c-5 d-2", "c-5 d-4"], 2
            ),
        ]
        for (batch, expected, read) in cases {
            let known = Self.bounded(batch)
            #expect(known.count == read)
            let fromBounded = try Self.notices(batch, known: known)
            #expect(fromBounded == expected)
            #expect(fromBounded == (try Self.notices(batch, known: Self.history)))
        }
    }
}
