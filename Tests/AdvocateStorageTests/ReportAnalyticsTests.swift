import AdvocateCodec
import AdvocateTestSupport
import Testing

@testable import AdvocateStorage

/// The rows behind the report's series and rankings read back the same on every backend.
@Suite struct ReportAnalyticsTests {
    static func at(_ minutes: Int64) -> Timestamp { Timestamp(seconds: 1_790_000_000 + minutes * 60) }

    static let surveys = [
        SurveyRow(event: "v-2", customer: "c-2", kind: "nps", score: 3, at: at(2), channel: "email"),
        SurveyRow(event: "v-1", customer: "c-1", kind: "nps", score: 9, at: at(1), channel: nil),
        SurveyRow(event: "v-3", customer: "c-1", kind: "csat", score: 4, at: at(3), channel: nil),
    ]

    static let transitions = [
        TransitionRow(customer: "c-2", from: "prospect", to: "customer", at: at(5), event: "p-2"),
        TransitionRow(customer: "c-1", from: "suspect", to: "prospect", at: at(1), event: "s-1"),
    ]

    static let topics = [
        TopicRow(event: "m-2", customer: "c-2", topic: "delay", at: at(4), excerpt: "late again"),
        TopicRow(event: "m-1", customer: "c-1", topic: "suggestion", at: at(2), excerpt: "add seats"),
    ]

    static let notices = [
        NoticeRow(id: "n-1", disruption: "d-1", customer: "c-1", at: at(1), what: "delayed"),
        NoticeRow(id: "n-2", disruption: "d-1", customer: "c-2", at: at(2), what: "delayed"),
        NoticeRow(id: "n-3", disruption: "d-2", customer: "c-1", at: at(9), what: "cancelled"),
    ]

    @Test(arguments: TestBackend.all)
    func analyticsRowsReadBackInOrder(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let reader = stores.factory.reportReader()
        #expect(try reader.transitions().isEmpty)
        #expect(try reader.rewardTotals().isEmpty)
        #expect(try reader.referralCounts() == ReferralCounts(sent: 0, converted: 0))

        let journal = try stores.journal(partitions: 1)
        let referral = Event(
            id: "f-1", customer: "c-1", at: Self.at(0), body: .referral(Referral(code: "REF-1")))
        _ = try journal.append([referral], rejections: [:])
        let score = try stores.scoreStore()
        _ = try score.claim(partition: 0, epoch: 1)
        var commit = ScoreCommit(
            lease: PartitionLease(partition: 0, epoch: 1), through: 1,
            customers: [
                CustomerRow(customer: "c-1", partition: 0, stage: "prospect", state: [1]),
                CustomerRow(customer: "c-2", partition: 0, stage: "customer", state: [2, 3]),
            ],
            notices: Self.notices, topics: Self.topics,
            segments: [
                SegmentRow(segment: "route:LHR-JFK", customer: "c-2"),
                SegmentRow(segment: "fare:flex", customer: "c-2"),
                SegmentRow(segment: "route:LHR-JFK", customer: "c-1"),
            ],
            referralCodes: [ReferralCodeRow(code: "REF-1", referrer: "c-9", event: "f-1")],
            conversions: [StoreFixtures.conversion(1)],
            surveys: Self.surveys, transitions: Self.transitions)
        commit.contacts = [ContactRow(customer: "c-1", kind: "email", hash: "h-1")]
        try score.commit(commit)
        var held = RewardStoreTests.entry(for: StoreFixtures.candidate("w-2"), value: 7)
        held.status = .held
        _ = try stores.rewardStore().record([StoreFixtures.candidate("w-1"), StoreFixtures.candidate("w-2")]) {
            candidate, _ in
            RewardDecision(
                entries: [candidate.trigger == "w-1" ? RewardStoreTests.entry(for: candidate) : held],
                explanation: "test")
        }

        #expect(try reader.surveys(kind: "nps") == [Self.surveys[1], Self.surveys[0]])
        #expect(try reader.customerSegments() == ["c-1": ["route:LHR-JFK"], "c-2": ["fare:flex", "route:LHR-JFK"]])
        #expect(try reader.transitions() == [Self.transitions[1], Self.transitions[0]])
        #expect(
            try reader.noticesByDisruption() == [
                DisruptionNotices(disruption: "d-2", what: "cancelled", at: Self.at(9), notices: 1),
                DisruptionNotices(disruption: "d-1", what: "delayed", at: Self.at(1), notices: 2),
            ])
        #expect(try reader.topics() == [Self.topics[1], Self.topics[0]])
        #expect(
            try reader.customers(stage: "customer") == [CustomerRecord(id: "c-2", stage: "customer", state: [2, 3])])
        #expect(
            try reader.rewardTotals() == [
                "issued": RewardTotal(count: 1, value: Money(units: 50_000)),
                "held": RewardTotal(count: 1, value: Money(units: 70_000)),
            ])
        #expect(try reader.referralCounts() == ReferralCounts(sent: 1, converted: 1))
    }
}
