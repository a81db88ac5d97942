import AdvocateCodec
import AdvocateModel
import AdvocateStorage
import AdvocateTestSupport
import Foundation
import Testing

/// Every number the report API gives for a simulated stream, against the same number worked out again from the
/// journal (see `ReportRecomputation`), compared exactly.
@Suite(.serialized) struct ReportCorrectnessTests {
    static let asOf = "2026-06-01T00:00:00Z"

    @Test func everyReportedNumberEqualsItsRecomputationFromTheJournal() throws {
        let stack = try ReportFixture.settledStack(prefix: "advocate-report-exact", events: 4_000, seed: 11)
        defer { stack.data.remove() }
        func get(_ path: String) throws -> [String: Any] { try HTTPClient.get(stack.reportHTTP + path).json() }
        var metrics: [String: [String: Any]] = [:]
        for kind in ["nps", "csat", "ces"] {
            metrics[kind] = try get("/v1/metrics/\(kind)")
            for grouping in ["day", "week", "month", "channel", "segment"] {
                metrics["\(kind)/\(grouping)"] = try get("/v1/metrics/\(kind)?by=\(grouping)")
            }
        }
        let summary = try get("/v1/summary")
        let ladder = try get("/v1/ladder?by=month")
        let queue = try get("/v1/alerts/queue?as_of=\(Self.asOf)&sla_minutes=60")
        let notices = try get("/v1/notices")
        let referrals = try get("/v1/referrals")
        let advocates = try get("/v1/advocates?limit=10")
        let topics = try get("/v1/topics?limit=1000")
        let rewards = try get("/v1/rewards")
        let reader = SQLiteReportReader(directory: DataDirectory(path: stack.data.path))
        var profiles: [String: [String: Any]] = [:]
        for id in try reader.snapshot().customers.keys.sorted().prefix(25) {
            profiles[id] = try get("/v1/customers/\(id)")
        }
        let firstRewarded = (rewards["rewards"] as? [[String: Any]])?.first?["customer"] as? String ?? ""
        let customerRewards = try get("/v1/rewards?customer=\(firstRewarded)")
        let printed = try Self.run("advocate", ["report", "--url", stack.reportHTTP])
        let ingestMetrics = try Self.prometheus(stack.ingestHTTP + "/metrics")
        let scorePort = try #require(
            stack.stage("score-1").flatMap { stage in
                stage.process.arguments?.firstIndex(of: "--http-port").map { stage.process.arguments![$0 + 1] }
            })
        let scoreMetrics = try Self.prometheus("http://127.0.0.1:\(scorePort)/metrics")
        #expect(try stack.stop().values.allSatisfy { $0 == 0 })

        let journal = try SQLiteJournalStore(path: DataDirectory(path: stack.data.path).journal)
        let expected = try ReportRecomputation(journal: journal)
        #expect((expected.surveys["nps"]?.count ?? 0) > 20, "the scenario should have survey answers")

        // Every stage's metrics: what went in and out, acknowledgement lag per partition, processing times.
        let journalled = expected.journalled
        #expect(scoreMetrics[#"advocate_score_events_total{outcome="applied"}"#] == Double(journalled))
        #expect((ingestMetrics["advocate_ingest_delivered_events_total"] ?? 0) >= Double(journalled))
        #expect(
            ingestMetrics[#"advocate_ingest_events_total{outcome="accepted"}"#]
                == Double(expected.accepted.values.reduce(0, +)))
        let lags = ingestMetrics.filter { $0.key.hasPrefix("advocate_ingest_ack_lag_events{") }
        #expect(lags.count == Int(journal.partitionCount) && lags.values.allSatisfy { $0 == 0 })
        #expect((scoreMetrics["advocate_score_scoring_seconds_count"] ?? 0) > 0)
        #expect(scoreMetrics.keys.contains { $0.hasPrefix("advocate_score_commit_seconds_bucket{") })

        // `advocate report` prints the same key numbers.
        for (kind, label) in [("nps", "NPS"), ("csat", "CSAT %"), ("ces", "CES (1-7)")] {
            let figure = try #require(ReportFixture.number(metrics[kind]?[kind]))
            let text = figure == figure.rounded() ? String(Int(figure)) : String(figure)
            #expect(
                printed.contains("\(label.padding(toLength: 10, withPad: " ", startingAt: 0)) \(text)   n "),
                "\(label) in:\n\(printed)")
        }
        #expect(printed.contains("Referrals: sent \(expected.accepted["referral"] ?? 0)"), "\(printed)")

        // Survey figures, overall and per group.
        for kind in ["nps", "csat", "ces"] {
            let overall = ReportRecomputation.figures(kind: kind, (expected.surveys[kind] ?? []).map(\.score))
            Self.expectFigures(metrics[kind], overall, kind: kind, label: kind)
            for grouping in ["day", "week", "month", "channel", "segment"] {
                let answer = metrics["\(kind)/\(grouping)"]
                let groups = answer?["groups"] as? [[String: Any]] ?? []
                let want = expected.groups(kind: kind, grouping: grouping)
                #expect(groups.map { $0["key"] as? String ?? "" } == want.keys.sorted(), "\(kind) by \(grouping)")
                for group in groups {
                    let key = group["key"] as? String ?? ""
                    let figures = ReportRecomputation.figures(kind: kind, want[key] ?? [])
                    Self.expectFigures(group, figures, kind: kind, label: "\(kind) by \(grouping) \(key)")
                }
            }
        }

        // Summary and ladder.
        let events = summary["events"] as? [String: Any]
        #expect(events?["accepted"] as? [String: Int] == expected.accepted)
        #expect(events?["accepted_total"] as? Int == expected.accepted.values.reduce(0, +))
        var stages: [String: Int] = [:]
        for stage in ["suspect", "prospect", "customer", "client", "advocate"] { stages[stage] = 0 }
        for state in expected.states.values { stages[expected.model.stage(of: state).rawValue, default: 0] += 1 }
        #expect(ladder["stages"] as? [String: Int] == stages)
        #expect(ladder["total"] as? Int == expected.states.count)
        #expect(ReportFixture.value(summary, at: "customers.by_stage") as? [String: Int] == stages)
        var moves: [String: Int] = [:]
        var flows: [String: Int] = [:]
        for move in expected.transitions {
            moves["\(move.from)>\(move.to)", default: 0] += 1
            flows["\(ReportRecomputation.month(move.at)) \(move.from)>\(move.to)", default: 0] += 1
        }
        #expect(!moves.isEmpty)
        #expect(Self.counts(ladder["transitions"], key: { "\($0["from"]!)>\($0["to"]!)" }) == moves)
        #expect(Self.counts(ladder["flows"], key: { "\($0["key"]!) \($0["from"]!)>\($0["to"]!)" }) == flows)

        // The alert queue as of a fixed time.
        try Self.expectQueue(queue, alerts: Array(expected.alerts.values))

        // Notices per disruption.
        var perDisruption: [String: Int] = [:]
        for disruption in expected.notices.values { perDisruption[disruption, default: 0] += 1 }
        #expect(!perDisruption.isEmpty)
        #expect(notices["total"] as? Int == expected.notices.count)
        #expect(
            Self.counts(notices["by_disruption"], key: { "\($0["disruption"]!)" }, value: "notices") == perDisruption)

        // Referrals.
        let sent = expected.accepted["referral"] ?? 0
        let converted = expected.conversions.values.count { expected.referralCodes.contains($0) }
        #expect(referrals["sent"] as? Int == sent)
        #expect(referrals["converted"] as? Int == converted)
        #expect(
            ReportFixture.number(referrals["conversion_rate"])
                == (sent > 0 ? ReportRecomputation.rounded(100 * Double(converted) / Double(sent)) : nil)
        )

        // Top advocates: advocacy score, then id.
        let ranked = expected.states.filter { expected.model.stage(of: $0.value) == .advocate }
            .map { ($0.key, expected.model.profile(of: $0.value, customer: $0.key).scores.advocacy) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        #expect(advocates["advocates"] as? Int == ranked.count)
        let top = advocates["top"] as? [[String: Any]] ?? []
        #expect(top.map { $0["id"] as? String ?? "" } == ranked.prefix(10).map(\.0))
        #expect(top.map { ReportFixture.number($0["advocacy"]) ?? -1 } == ranked.prefix(10).map(\.1))

        // Customer profiles: stage, flags and scores as the model gives them for the replayed state.
        #expect(profiles.count == 25)
        for (id, profile) in profiles {
            let want = try #require(expected.states[id].map { expected.model.profile(of: $0, customer: id) })
            #expect(profile["stage"] as? String == want.stage.rawValue, "stage of \(id)")
            #expect(profile["flags"] as? [String] == want.flags, "flags of \(id)")
            for (name, value) in [
                ("loyalty", want.scores.loyalty), ("advocacy", want.scores.advocacy), ("effort", want.scores.effort),
                ("sentiment", want.scores.sentiment),
            ] {
                #expect(
                    ReportFixture.number(ReportFixture.value(profile, at: "scores.\(name)")) == value,
                    "\(name) of \(id)")
            }
        }

        // Reward totals per status add up the ledger's entries (the reward rules are the reward stage's own).
        for answer in [rewards, customerRewards] {
            var want: [String: Double] = [:]
            for entry in answer["rewards"] as? [[String: Any]] ?? [] {
                let status = entry["status"] as? String ?? ""
                want[status + ".n", default: 0] += 1
                want[status + ".value", default: 0] += ReportFixture.number(entry["value"]) ?? 0
            }
            for (key, value) in want {
                let got = ReportFixture.number(ReportFixture.value(answer["by_status"], at: key))
                #expect(
                    got.map { abs($0 - value) < 1e-6 } == true,
                    "by_status.\(key): \(String(describing: got)) != \(value)")
            }
            #expect(!want.isEmpty)
        }

        // What customers ask to change: counts and distinct customers per topic.
        var wantTopics: [String: (n: Int, customers: Set<String>)] = [:]
        for topic in expected.topics.values {
            let key = topic.topic == "suggestion" ? "suggestion " + Self.normalized(topic.excerpt) : topic.topic
            wantTopics[key, default: (0, [])].n += 1
            wantTopics[key, default: (0, [])].customers.insert(topic.customer)
        }
        var gotTopics: [String: String] = [:]
        for (list, prefix) in [("suggestions", "suggestion "), ("complaints", "")] {
            for topic in topics[list] as? [[String: Any]] ?? [] {
                gotTopics[prefix + (topic["topic"] as? String ?? "")] = "\(topic["n"]!)/\(topic["customers"]!)"
            }
        }
        #expect(!wantTopics.isEmpty)
        #expect(gotTopics == wantTopics.mapValues { "\($0.n)/\($0.customers.count)" })
    }

    static func expectFigures(
        _ json: [String: Any]?, _ want: (score: Double?, n: Int, low: Double?, high: Double?), kind: String,
        label: String
    ) {
        let interval = json?["ci95"] as? [Any]
        #expect(ReportFixture.number(json?[kind]) == want.score, "\(label) score")
        #expect(json?["n"] as? Int == want.n, "\(label) n")
        #expect(json?["denominator"] as? Int == want.n, "\(label) denominator")
        #expect(ReportFixture.number(interval?.first) == want.low, "\(label) ci95 low")
        #expect(ReportFixture.number(interval?.last) == want.high, "\(label) ci95 high")
    }

    static func expectQueue(_ queue: [String: Any], alerts: [AlertRecord]) throws {
        let asOf = try Timestamp(rfc3339: Self.asOf)
        let open = alerts.filter { $0.status == .open }
        #expect(queue["open"] as? Int == open.count)
        #expect(queue["closed"] as? Int == alerts.count - open.count)
        var bySeverity: [String: Int] = ["critical": 0, "high": 0, "medium": 0, "low": 0]
        for alert in open { bySeverity[alert.severity.rawValue, default: 0] += 1 }
        #expect(queue["open_by_severity"] as? [String: Int] == bySeverity)
        let limits: [Int64] = [900, 3_600, 14_400, 86_400, .max]
        var bands = [Int](repeating: 0, count: limits.count)
        for alert in open {
            let age = max(0, (asOf.microseconds - alert.openedAt.microseconds) / 1_000_000)
            bands[limits.firstIndex { age < $0 }!] += 1
        }
        #expect((queue["open_by_age"] as? [[String: Any]])?.map { $0["n"] as? Int ?? -1 } == bands)
        let responses = alerts.compactMap(\.responseSeconds).sorted()
        #expect(responses.count > 2 && open.count > 2, "the scenario should answer some alerts and leave some open")
        func rank(_ p: Double) -> Double? {
            responses.isEmpty ? nil : Double(responses[Int((p * Double(responses.count)).rounded(.up)) - 1])
        }
        #expect(ReportFixture.number(ReportFixture.value(queue, at: "response_seconds.p50")) == rank(0.5))
        #expect(ReportFixture.number(ReportFixture.value(queue, at: "response_seconds.p90")) == rank(0.9))
        let within = responses.count { $0 <= 3_600 }
        let overdue = open.count { (asOf.microseconds - $0.openedAt.microseconds) / 1_000_000 > 3_600 }
        #expect(queue["within_sla"] as? Int == within)
        #expect(queue["sla_denominator"] as? Int == responses.count + overdue)
        let share =
            responses.count + overdue > 0
            ? ReportRecomputation.rounded(100 * Double(within) / Double(responses.count + overdue)) : nil
        #expect(ReportFixture.number(queue["within_sla_share"]) == share)
    }

    /// Runs one of the package's executables and returns what it printed.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(
            fileURLWithPath: (StageProcess.binDirectory as NSString).appendingPathComponent(executable))
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(executable) \(arguments) failed")
        return String(decoding: data, as: UTF8.self)
    }

    /// A Prometheus text page as sample name (with labels) to value.
    static func prometheus(_ url: String) throws -> [String: Double] {
        var samples: [String: Double] = [:]
        for line in try HTTPClient.get(url).text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                continue
            }
            samples[String(line[..<space])] = value
        }
        return samples
    }

    /// Rows of a JSON array counted by `key`, summing `value` (or the `n` member).
    static func counts(_ json: Any?, key: ([String: Any]) -> String, value: String = "n") -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in json as? [[String: Any]] ?? [] { counts[key(row), default: 0] += row[value] as? Int ?? 0 }
        return counts
    }

    /// Lower-case words of letters and digits, single spaces (how the API documents suggestion grouping).
    static func normalized(_ text: String) -> String {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
    }
}
