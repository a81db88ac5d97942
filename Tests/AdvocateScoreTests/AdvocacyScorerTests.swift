import AdvocateCodec
import AdvocateModel
import AdvocateScore
import Testing

/// What a scored batch writes back for its customers: each one's state once, with the ladder stage that state
/// is at, however many events moved it within the batch.
@Suite struct AdvocacyScorerTests {
    static let start = Timestamp(seconds: 1_790_000_000)

    static func event(_ number: Int, _ customer: String?, _ body: EventBody) -> Event {
        Event(
            id: "e-\(number)", customer: customer, at: Timestamp(seconds: start.seconds + Int64(number) * 60),
            body: body)
    }

    static func purchase(_ number: Int, _ customer: String) -> Event {
        event(number, customer, .purchase(Purchase(order: "o-\(number)", amount: Money(units: 2_500_000))))
    }

    static func score(_ events: [Event], states: [String: [UInt8]] = [:]) throws -> ScoredBatch {
        let entries = events.enumerated().map { JournalEntry(sequence: UInt64($0.offset + 1), event: $0.element) }
        return try AdvocacyScorer().score(
            entries, context: ScoringContext(partition: 0, partitionCount: 1, states: states))
    }

    @Test func eachCustomerIsWrittenOnceAtTheStageOfTheStateWritten() throws {
        let model = AdvocacyScorer().model
        // c-1 climbs three rungs in one batch; c-2 buys once.
        let first = try Self.score([
            Self.event(1, "c-1", .signup(Signup())), Self.purchase(2, "c-1"), Self.purchase(3, "c-2"),
            Self.purchase(4, "c-1"),
        ])
        #expect(first.customers.map(\.customer) == ["c-1", "c-2"])
        #expect(first.customers.map(\.stage) == ["client", "customer"])
        #expect(
            first.transitions.map { "\($0.customer) \($0.from)->\($0.to)" } == [
                "c-1 suspect->prospect", "c-1 prospect->customer", "c-2 suspect->customer", "c-1 customer->client",
            ])
        for row in first.customers {
            let state = try CustomerState(serialized: row.state)
            #expect(model.stage(of: state).rawValue == row.stage, "\(row.customer)")
        }

        // The next batch starts from what the first wrote: c-2 moves on, and a disruption naming c-1 leaves
        // c-1's state and stage as they were.
        let stored = Dictionary(uniqueKeysWithValues: first.customers.map { ($0.customer, $0.state) })
        let second = try Self.score(
            [
                Self.purchase(5, "c-2"),
                Self.event(6, "c-1", .disruption(Disruption(what: "Lounge closed", customers: ["c-1"]))),
            ], states: stored)
        let rows = Dictionary(uniqueKeysWithValues: second.customers.map { ($0.customer, $0) })
        #expect(rows["c-2"]?.stage == "client")
        #expect(rows["c-1"]?.stage == "client")
        #expect(rows["c-1"]?.state == stored["c-1"])
        #expect(second.notices.map(\.customer) == ["c-1"])
    }
}
