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
}
