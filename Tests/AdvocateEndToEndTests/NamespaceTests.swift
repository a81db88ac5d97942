import AdvocateStorage
import AdvocateTestSupport
import AdvocateTools
import Foundation
import Testing

/// The stages on four "hosts" (network namespaces joined by veth pairs), talking over their own addresses.
/// Mid-stream one scoring host is cut off for longer than the worker timeout and brought back: its
/// partitions move to the other scoring host and back, and in the end everything derived equals a clean run
/// on loopback with one worker of each kind: nothing lost, nothing doubled.
@Suite(
    .serialized,
    .enabled(
        if: NamespaceNetwork.available,
        "network namespaces cannot be created here (`ip netns add` needs root or CAP_NET_ADMIN and iproute2)")
)
struct NamespaceTests {
    static let eventCount = 30_000

    static func lines() throws -> SimulatedLines {
        try SimulatedLines(events: eventCount, customers: 2_000, seed: 77, duplicateRate: 0.01)
    }

    static func send(to endpoint: String) throws -> EventSender.Summary {
        var options = EventSender.Options()
        options.endpoint = endpoint
        options.timeoutSeconds = 3
        options.maxTimeouts = 40
        return try EventSender(options: options).send(try lines()) { _ in }
    }

    static func atRest(_ data: String) throws -> StoreSnapshot? {
        let snapshot = try SQLiteReportReader(directory: DataDirectory(path: data)).snapshot()
        return snapshot.inFlight == 0 && snapshot.received == snapshot.candidates ? snapshot : nil
    }

    /// The clean run: the same events on loopback, one worker of each kind, nothing cut.
    static func reference() throws -> StoreSnapshot {
        let stack = try LocalStack(prefix: "advocate-netns-reference")
        defer { stack.data.remove() }
        try stack.start()
        #expect(try send(to: stack.ingestEndpoint).rejected == 0)
        do {
            let snapshot = try Eventually.value("the clean run to come to rest", timeout: 300) {
                try atRest(stack.data.path)
            }
            try stack.stop()
            return snapshot
        } catch {
            // The data directory (and the logs in it) goes with the stack: say what the stages said first.
            let state = (try? SQLiteReportReader(directory: DataDirectory(path: stack.data.path)).snapshot())
                .map { "in flight \($0.inFlight), candidates \($0.candidates.count), received \($0.received.count)" }
            Issue.record("\(error)\n\(state ?? "no snapshot")\n\(stack.logs)")
            throw error
        }
    }

    @Test func scoringHostCutOffAndRestoredLosesAndDoublesNothing() throws {
        let expected = try Self.reference()
        let network = try NamespaceNetwork(hosts: ["ingest", "score-a", "score-b", "reward"])
        defer { network.remove() }
        let data = try TemporaryDirectory(prefix: "advocate-netns")
        defer { data.remove() }
        let ingestAddress = try network.address("ingest")
        let work = "tcp://\(ingestAddress):5571"
        let producers = "tcp://\(ingestAddress):5570"
        let ingestHTTP = "http://\(ingestAddress):8070"
        let reportHTTP = "http://\(ingestAddress):8080"

        var stages: [NamespacedProcess] = []
        func start(_ executable: String, on host: String, name: String, _ arguments: [String]) throws {
            stages.append(
                try network.start(
                    executable, on: host, arguments: ["--data", data.path] + arguments, name: name,
                    logDirectory: data.path))
        }
        try start(
            "advocate-ingest", on: "ingest", name: "ingest",
            ["--endpoint", producers, "--work-endpoint", work, "--http-host", ingestAddress])
        try start("advocate-report", on: "ingest", name: "report", ["--http-host", ingestAddress])
        for host in ["score-a", "score-b"] {
            try start(
                "advocate-score", on: host, name: host,
                ["--ingest", work, "--name", host, "--http-host", try network.address(host)])
        }
        try start(
            "advocate-reward", on: "reward", name: "reward",
            ["--ingest", work, "--name", "reward", "--http-host", try network.address("reward")])
        func logs() -> String { stages.map { "--- \($0.name) ---\n\($0.log.suffix(3_000))" }.joined(separator: "\n") }
        func health() throws -> [String: Any] { try HTTPClient.get(ingestHTTP + "/healthz").json() }
        func scoreWorkers() throws -> String? { try health()["score_workers"] as? String }

        do {
            try Eventually.that("the stages to find each other over their addresses", timeout: 60) {
                try scoreWorkers() == "2" && health()["reward_workers"] as? String == "1"
                    && HTTPClient.get(reportHTTP + "/healthz").status == 200
            }
            let sending = SendingThread()
            Thread { sending.finish(Result { try Self.send(to: producers) }) }.start()
            try Eventually.that("a quarter of the stream journalled", timeout: 120) {
                Int(try health()["journal_events"] as? String ?? "") ?? 0 >= Self.eventCount / 4
            }
            // Pull score-a's cable: ingest hears nothing for longer than its worker timeout (2.5 s) and
            // gives score-a's partitions to score-b.
            try network.cut("score-a")
            try Eventually.that("ingest to move score-a's partitions to score-b", timeout: 60) {
                try scoreWorkers() == "1"
            }
            // Plug it back in: score-a notices ingest's silence, says hello again and gets its share back.
            try network.restore("score-a")
            try Eventually.that("score-a to rejoin", timeout: 60) { try scoreWorkers() == "2" }

            let summary = try sending.wait()
            #expect(summary.rejected == 0)
            let actual = try Eventually.value("the pipeline to come to rest", timeout: 300) {
                try Self.atRest(data.path)
            }
            let scoreA = try #require(stages.first { $0.name == "score-a" })
            #expect(scoreA.log.components(separatedBy: "partitions assigned").count > 2, "score-a was reassigned")
            Self.compare(actual, with: expected)
        } catch {
            Issue.record("\(error)\n\(logs())")
        }
        // Workers first, ingest last, as in a clean shutdown.
        for stage in stages.reversed() where stage.isRunning {
            let status = try stage.terminate()
            #expect(status == 0, "\(stage.name) exited with \(status)")
        }
    }

    /// Everything derived must equal the clean run; `became_advocate` may name another triggering event
    /// (see FaultTests), but there must be exactly one per advocate.
    static func compare(_ actual: StoreSnapshot, with expected: StoreSnapshot) {
        func plain(_ ids: Set<String>) -> Set<String> { ids.filter { !$0.hasPrefix("became_advocate:") } }
        #expect(actual.accepted == expected.accepted)
        let differing = expected.customers.filter { actual.customers[$0.key] != $0.value }.map(\.key)
        #expect(actual.customers.count == expected.customers.count)
        #expect(differing.isEmpty, "customers whose state differs from the clean run: \(differing.prefix(5))")
        #expect(actual.advocates == expected.advocates)
        #expect(actual.advocates.values.allSatisfy { $0 == 1 })
        #expect(plain(actual.candidates) == plain(expected.candidates))
        #expect(plain(actual.received) == plain(expected.received))
        #expect(actual.ledger == expected.ledger)
        #expect(actual.alerts == expected.alerts)
        #expect(actual.notices == expected.notices)
    }
}
