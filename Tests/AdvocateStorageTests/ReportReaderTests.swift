import AdvocateCodec
import AdvocateTestSupport
import Testing

@testable import AdvocateStorage

@Suite struct ReportReaderTests {
    static let at = Timestamp(seconds: 1_790_000_000)

    static func alert(_ id: String, status: String, customer: String = "c-1") -> AlertRow {
        AlertRow(
            id: id, customer: customer, trigger: "m-\(id)", status: status, severity: "high", openedAt: at,
            closedAt: status == "closed" ? Timestamp(seconds: 1_790_000_600) : nil,
            responseSeconds: status == "closed" ? 600 : nil, reason: "delay", channel: "twitter", excerpt: "on hold"
        )
    }

    @Test(arguments: TestBackend.all)
    func readsAsEmptyBeforeAnyStageHasStarted(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let reader = stores.factory.reportReader()
        #expect(try reader.summary() == Summary())
        #expect(try reader.customer("c-1") == nil)
        #expect(try reader.alerts(customer: nil, status: nil, limit: 10).isEmpty)
        #expect(try reader.rewards(customer: nil, limit: 10).isEmpty)
        #expect(try reader.surveyScores(kind: "nps").isEmpty)
    }

    @Test(arguments: TestBackend.all)
    func readsWhatEveryStageCommitted(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let journal = try stores.journal(partitions: 2)
        let events = (1...3).map { StoreFixtures.purchase("p-\($0)", customer: "c-1") }
        _ = try journal.append(events, rejections: ["bad_timestamp": 1])
        let partition = Partitioning.partition(of: "c-1", count: 2)
        let score = try stores.scoreStore()
        _ = try score.claim(partition: partition, epoch: 1)
        try score.commit(
            ScoreCommit(
                lease: PartitionLease(partition: partition, epoch: 1), through: 2,
                customers: [CustomerRow(customer: "c-1", partition: partition, stage: "client", state: [4, 2])],
                candidates: [StoreFixtures.candidate("w-1")],
                alerts: [Self.alert("a-1", status: "open"), Self.alert("a-2", status: "closed")],
                notices: [NoticeRow(id: "n-1", disruption: "d-1", customer: "c-1", at: Self.at, what: "delayed")],
                surveys: [
                    SurveyRow(event: "v-1", customer: "c-1", kind: "nps", score: 9, at: Self.at, channel: nil),
                    SurveyRow(event: "v-2", customer: "c-2", kind: "nps", score: 9, at: Self.at, channel: "email"),
                    SurveyRow(event: "v-3", customer: "c-3", kind: "nps", score: 3, at: Self.at, channel: nil),
                ]
            )
        )
        let entry = RewardStoreTests.entry(for: StoreFixtures.candidate("w-1"))
        _ = try stores.rewardStore().record([StoreFixtures.candidate("w-1")]) { _, _ in
            RewardDecision(entries: [entry], explanation: "test")
        }

        let reader = stores.factory.reportReader()
        var expected = Summary(
            accepted: ["purchase": 3], rejected: ["bad_timestamp": 1], customersByStage: ["client": 1],
            alertsOpen: 1, alertsClosed: 1, rewardsIssued: 1, rewardsValue: entry.value,
            rewardsByRule: ["thanks": 1], pending: 1
        )
        expected.outbox = 1
        #expect(try reader.summary() == expected)
        #expect(try reader.customer("c-1") == CustomerRecord(id: "c-1", stage: "client", state: [4, 2]))
        #expect(try reader.alerts(customer: "c-1", status: "open", limit: 10) == [Self.alert("a-1", status: "open")])
        #expect(try reader.alerts(customer: nil, status: nil, limit: 10).map(\.id) == ["a-1", "a-2"])
        #expect(try reader.alerts(customer: "c-9", status: nil, limit: 10).isEmpty)
        #expect(try reader.notices(customer: "c-1").map(\.id) == ["n-1"])
        #expect(try reader.rewards(customer: "c-1", limit: 10) == [entry])
        #expect(try reader.surveyScores(kind: "nps") == [9: 2, 3: 1])
    }

    /// A customer's state changes with and without a move on the ladder; the summary's counts by stage
    /// and the stored state follow both, and alerts counted by status follow their closing.
    @Test(arguments: TestBackend.all)
    func countsFollowStageMovesAndStateUpdates(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let score = try stores.scoreStore()
        _ = try score.claim(partition: 0, epoch: 1)
        let lease = PartitionLease(partition: 0, epoch: 1)
        func row(_ customer: String, _ stage: String, _ state: [UInt8]) -> CustomerRow {
            CustomerRow(customer: customer, partition: 0, stage: stage, state: state)
        }
        try score.commit(
            ScoreCommit(
                lease: lease, through: 1, customers: [row("c-1", "prospect", [1]), row("c-2", "prospect", [2])],
                alerts: [Self.alert("a-1", status: "open")]
            )
        )
        // c-1 stays a prospect with a new state; c-2 becomes a customer.
        try score.commit(
            ScoreCommit(
                lease: lease, through: 2, customers: [row("c-1", "prospect", [1, 1]), row("c-2", "customer", [2, 2])]
            )
        )
        // Both in one batch: c-1 moves twice, c-3 arrives.
        try score.commit(
            ScoreCommit(
                lease: lease, through: 3,
                customers: [
                    row("c-1", "customer", [1, 2]), row("c-1", "client", [1, 3]), row("c-3", "suspect", [3]),
                ],
                alerts: [Self.alert("a-1", status: "closed"), Self.alert("a-2", status: "open")]
            )
        )
        let reader = stores.factory.reportReader()
        let summary = try reader.summary()
        #expect(summary.customersByStage == ["client": 1, "customer": 1, "suspect": 1])
        #expect(summary.alertsOpen == 1)
        #expect(summary.alertsClosed == 1)
        #expect(try reader.customer("c-1") == CustomerRecord(id: "c-1", stage: "client", state: [1, 3]))
        #expect(try reader.customer("c-2") == CustomerRecord(id: "c-2", stage: "customer", state: [2, 2]))
        #expect(try score.states(of: ["c-1", "c-2", "c-3"]) == ["c-1": [1, 3], "c-2": [2, 2], "c-3": [3]])
    }
}
