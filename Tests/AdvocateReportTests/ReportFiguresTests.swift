import AdvocateCodec
import AdvocateStorage
import Testing

@testable import AdvocateReport

/// The report's groupings, queue statistics, rankings and CSV against values worked out by hand.
@Suite struct ReportFiguresTests {
    static let monday = Timestamp(seconds: 1_794_787_200)  // 2026-11-16T00:00:00Z

    static func survey(_ id: String, _ customer: String, _ score: Int, day: Int64, channel: String? = nil) -> SurveyRow
    {
        SurveyRow(
            event: id, customer: customer, kind: "nps", score: score,
            at: Timestamp(microseconds: monday.microseconds + day * Timestamp.microsecondsPerDay), channel: channel
        )
    }

    @Test func surveysAreGroupedByWeekChannelAndSegment() throws {
        let rows = [
            Self.survey("v-1", "c-1", 10, day: 0, channel: "phone"), Self.survey("v-2", "c-2", 3, day: 6),
            Self.survey("v-3", "c-1", 9, day: 7, channel: "chat"), Self.survey("v-4", "c-3", 8, day: 8),
        ]
        let nps = try #require(SurveyBreakdown(kind: "nps"))
        let weekly = nps.report(rows, grouping: .time(.week)).rendered
        #expect(weekly.hasPrefix(#"{"kind":"nps","n":4,"promoters":2,"passives":1,"detractors":1,"nps":25,"#))
        // Week 47: a promoter and a detractor (NPS 0); week 48: a promoter and a passive (NPS 50).
        #expect(weekly.contains(#"{"key":"2026-W47","start":"2026-11-16","n":2,"promoters":1,"passives":0,"#))
        #expect(weekly.contains(#""detractors":1,"nps":0,"#))
        #expect(weekly.contains(#"{"key":"2026-W48","start":"2026-11-23","n":2,"promoters":1,"passives":1,"#))
        let channels = nps.report(rows, grouping: .channel).rendered
        #expect(channels.contains(#"{"key":"chat","n":1,"#))
        #expect(channels.contains(#"{"key":"none","n":2,"#))
        // c-1 bought two segments: each of their answers counts in both.
        let segments = nps.report(rows, grouping: .segment, segments: ["c-1": ["a", "b"], "c-2": ["b"]]).rendered
        #expect(segments.contains(#"{"key":"a","n":2,"#))
        #expect(segments.contains(#"{"key":"b","n":3,"#))
        #expect(segments.contains(#"{"key":"none","n":1,"#))
        #expect(nps.figures([9: 1]).rendered.hasSuffix(#","denominator":1}"#))
        #expect(SurveyBreakdown.Grouping("hour") == nil)
        #expect(SurveyBreakdown(kind: "foo") == nil)
    }

    static func alert(_ id: String, severity: String, openedMinutesAgo: Int64, response: Int64?) -> AlertRow {
        AlertRow(
            id: id, customer: "c-" + id, trigger: "m-" + id, status: response == nil ? "open" : "closed",
            severity: severity, openedAt: Timestamp(seconds: monday.seconds - openedMinutesAgo * 60),
            closedAt: nil, responseSeconds: response, reason: "delay", channel: nil, excerpt: ""
        )
    }

    @Test func theQueueCountsAgesPercentilesAndTheSLA() {
        let alerts = [
            Self.alert("1", severity: "high", openedMinutesAgo: 5, response: nil),
            Self.alert("2", severity: "critical", openedMinutesAgo: 90, response: nil),
            Self.alert("3", severity: "high", openedMinutesAgo: 3_000, response: nil),
            Self.alert("4", severity: "low", openedMinutesAgo: 10, response: 60),
            Self.alert("5", severity: "low", openedMinutesAgo: 10, response: 600),
            Self.alert("6", severity: "low", openedMinutesAgo: 10, response: 3_000),
            Self.alert("7", severity: "low", openedMinutesAgo: 10, response: 7_200),
        ]
        let json = AlertQueue(slaMinutes: 60).report(alerts, asOf: Self.monday).rendered
        #expect(json.contains(#""open":3,"closed":4,"open_by_severity":{"critical":1,"high":2,"medium":0,"low":0}"#))
        #expect(json.contains(#"{"age":"under 15m","n":1,"by_severity":{"critical":0,"high":1,"medium":0,"low":0}}"#))
        #expect(json.contains(#"{"age":"1h-4h","n":1,"#))
        #expect(json.contains(#"{"age":"over 1d","n":1,"#))
        // Nearest rank: p50 of 4 answers is the 2nd (600), p90 the 4th (7200).
        #expect(json.contains(#""answered":4,"response_seconds":{"p50":600,"p90":7200}"#))
        // 3 of 4 answered within the hour; two open alerts are past it: 3 / 6.
        #expect(json.hasSuffix(#""within_sla":3,"sla_denominator":6,"within_sla_share":50}"#))
        #expect(AlertQueue.percentile([], 0.5) == .null)
    }

    @Test func topicsAreRankedByFrequencyWithExamples() {
        func topic(_ event: String, _ customer: String, _ topic: String, _ text: String, minute: Int64) -> TopicRow {
            TopicRow(
                event: event, customer: customer, topic: topic,
                at: Timestamp(seconds: Self.monday.seconds + minute * 60),
                excerpt: text
            )
        }
        let rows = [
            topic("x-1", "c-1", "suggestion", "Call it giraffe bread!", minute: 2),
            topic("x-2", "c-2", "suggestion", "call it  Giraffe bread", minute: 1),
            topic("x-3", "c-3", "suggestion", "Open earlier", minute: 3),
            topic("m-1", "c-1", "delay", "late again", minute: 4),
            topic("m-2", "c-1", "delay", "still late", minute: 5),
            topic("m-3", "c-2", "refund_or_billing", "no refund", minute: 6),
        ]
        let json = TopicRanking(limit: 5, examples: 1).report(rows).rendered
        #expect(
            json.hasPrefix(
                #"{"suggestions":[{"topic":"call it giraffe bread","n":2,"customers":2,"examples":[{"event":"x-2","#
            )
        )
        #expect(json.contains(#"{"topic":"open earlier","n":1,"#))
        #expect(json.contains(#""complaints":[{"topic":"delay","n":2,"customers":1,"#))
        #expect(TopicRanking(limit: 1).report(rows).rendered.contains("open earlier") == false)
    }

    @Test func theLadderCountsStagesAndMovesPerPeriod() {
        let moves = [
            TransitionRow(customer: "c-1", from: "suspect", to: "customer", at: Self.monday, event: "p-1"),
            TransitionRow(customer: "c-2", from: "suspect", to: "customer", at: Self.monday, event: "p-2"),
            TransitionRow(
                customer: "c-1", from: "customer", to: "client",
                at: Timestamp(seconds: Self.monday.seconds + 40 * 86_400), event: "p-3"
            ),
        ]
        let json = LadderReport().report(stages: ["customer": 1, "client": 1], transitions: moves, bucket: .month)
        #expect(
            json.rendered
                == #"{"total":2,"stages":{"suspect":0,"prospect":0,"customer":1,"client":1,"advocate":0},"#
                + #""transitions":[{"from":"suspect","to":"customer","n":2},{"from":"customer","to":"client","n":1}],"#
                + #""by":"month","flows":[{"key":"2026-11","start":"2026-11-01","from":"suspect","to":"customer","n":2},"#
                + #"{"key":"2026-12","start":"2026-12-01","from":"customer","to":"client","n":1}]}"#
        )
    }

    @Test func csvQuotesPerRFC4180() {
        let table = CSVTable(records: [
            .object([("id", .string("a,b")), ("n", .int(2))]),
            .object([("id", .string("say \"hi\"\nbye")), ("extra", .null), ("n", .double(1.5))]),
        ])
        #expect(table.text == "id,n,extra\r\n\"a,b\",2,\r\n\"say \"\"hi\"\"\nbye\",1.5,\r\n")
        let nested = CSVTable(records: [
            .object([("age", .string("1h")), ("by", .object([("high", .int(2))])), ("list", .array([.int(1)]))])
        ])
        #expect(nested.text == "age,by.high,list\r\n1h,2,[1]\r\n")
        let flat = CSVTable(flattening: .object([("a", .object([("b", .int(1))])), ("c", .array([.string("x")]))]))
        #expect(flat.text == "field,value\r\na.b,1\r\nc.0,x\r\n")
    }
}
