import AdvocateCodec
import AdvocateStorage
import AdvocateTestSupport
import Testing

/// What scoring commits, read back through the report's reader: the rows behind series, the ladder, notices,
/// topics and referrals, each stored once however often a batch is committed again.
@Suite struct ReportReaderTests {
    static let day = Timestamp(seconds: 1_794_787_200)

    @Test func theReaderReturnsWhatScoringCommittedOnce() throws {
        let directory = try TemporaryDirectory(prefix: "advocate-report-reader")
        defer { directory.remove() }
        let data = DataDirectory(path: directory.path)
        let store = try SQLiteScoreStore(path: data.score)
        let reader = SQLiteReportReader(directory: data)
        #expect(try reader.transitions().isEmpty)
        #expect(try reader.referralCounts() == ReferralCounts(sent: 0, converted: 0))
        #expect(try reader.rewardTotals().isEmpty)

        let lease = PartitionLease(partition: 0, epoch: 1)
        _ = try store.claim(partition: 0, epoch: 1)
        let move = TransitionRow(customer: "c-1", from: "suspect", to: "customer", at: Self.day, event: "p-1")
        let commit = ScoreCommit(
            lease: lease, through: 3,
            customers: [CustomerRow(customer: "c-1", partition: 0, stage: "customer", state: [1])],
            notices: [
                NoticeRow(id: "notice:d-1:c-1", disruption: "d-1", customer: "c-1", at: Self.day, what: "delayed"),
                NoticeRow(id: "notice:d-1:c-2", disruption: "d-1", customer: "c-2", at: Self.day, what: "delayed"),
            ],
            topics: [TopicRow(event: "x-1", customer: "c-1", topic: "suggestion", at: Self.day, excerpt: "Giraffe")],
            segments: [
                SegmentRow(segment: "route:A", customer: "c-1"), SegmentRow(segment: "route:B", customer: "c-1"),
            ],
            surveys: [
                SurveyRow(event: "v-1", customer: "c-1", kind: "nps", score: 9, at: Self.day, channel: "phone")
            ],
            transitions: [move]
        )
        try store.commit(commit)
        // The same outputs again (a batch re-derived after a crash) are not stored twice.
        var again = commit
        again.through = 4
        try store.commit(again)

        #expect(try reader.transitions() == [move])
        #expect(
            try reader.noticesByDisruption()
                == [DisruptionNotices(disruption: "d-1", what: "delayed", at: Self.day, notices: 2)]
        )
        #expect(try reader.topics().map(\.event) == ["x-1"])
        #expect(try reader.customerSegments() == ["c-1": ["route:A", "route:B"]])
        #expect(try reader.surveys(kind: "nps").map(\.event) == ["v-1"])
        #expect(try reader.surveys(kind: "ces").isEmpty)
        #expect(try reader.customers(stage: "customer").map(\.id) == ["c-1"])
        #expect(try reader.customers(stage: "advocate").isEmpty)
    }
}
