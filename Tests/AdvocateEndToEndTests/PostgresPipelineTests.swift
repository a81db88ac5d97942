import AdvocatePostgres
import AdvocateStorage
import AdvocateTestSupport
import AdvocateTools
import Foundation
import Testing

/// The real stack (ingest, two scoring workers, reward, report) on PostgreSQL derives exactly what it derives
/// on SQLite from the same simulated events. Runs when `ADVOCATE_TEST_POSTGRES_URL` names a server, and
/// always under CI, where a missing server fails it.
@Suite(.serialized) struct PostgresPipelineTests {
    static let serverURL = ProcessInfo.processInfo.environment["ADVOCATE_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }
    static let isCI = !["", "0", "false", "no"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")

    /// What one run derived, read back once the pipeline is at rest.
    struct Outcome {
        var summary: NSDictionary
        var snapshot: StoreSnapshot
        /// The report's reward answers read from the ledger: rules' budgets and rewards that are held.
        var rewards: [String: NSDictionary]
    }

    @Test(.enabled(if: serverURL != nil || isCI))
    func theStackOnPostgreSQLDerivesWhatItDerivesOnSQLite() throws {
        let server = try #require(
            Self.serverURL, "ADVOCATE_TEST_POSTGRES_URL is not set: run the tests through ops/test (ops/postgres start)"
        )
        let events = try TemporaryDirectory(prefix: "advocate-pg-events")
        defer { events.remove() }
        let file = events.path + "/events.ndjson"
        let lines = try SimulatedLines(events: 4_000, customers: 400, seed: 11, duplicateRate: 0.01)
        var out = Data()
        while let line = try lines.next() {
            out.append(contentsOf: line)
            out.append(UInt8(ascii: "\n"))
        }
        try out.write(to: URL(fileURLWithPath: file))

        let sqlite = try Self.run(file: file, database: nil)
        let name = "advocate_e2e_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let serverURL = try DatabaseURL(server)
        let database = try PostgresDatabases.create(name, on: serverURL)
        defer { try? PostgresDatabases.drop(name, on: serverURL) }
        let postgres = try Self.run(file: file, database: database)

        #expect(postgres.summary == sqlite.summary, "PostgreSQL: \(postgres.summary)\nSQLite: \(sqlite.summary)")
        let (actual, expected) = (postgres.snapshot, sqlite.snapshot)
        // Not two empty runs: the stream reaches every stage.
        #expect(expected.accepted.values.reduce(0, +) > 3_900)
        #expect(expected.customers.count > 300)
        #expect(!expected.ledger.isEmpty && !expected.alerts.isEmpty && !expected.notices.isEmpty)
        #expect(actual.accepted == expected.accepted)
        #expect(actual.customers.count == expected.customers.count)
        let differing = expected.customers.filter { actual.customers[$0.key] != $0.value }.map(\.key)
        #expect(differing.isEmpty, "customers whose state differs: \(differing.prefix(5))")
        // As in the fault tests: which event makes a customer an advocate may depend on timing across partitions.
        #expect(actual.advocates == expected.advocates)
        #expect(Self.withoutAdvocates(actual.candidates) == Self.withoutAdvocates(expected.candidates))
        #expect(actual.received == actual.candidates)
        #expect(actual.ledger == expected.ledger)
        #expect(actual.alerts == expected.alerts)
        #expect(actual.notices == expected.notices)
        #expect(postgres.rewards == sqlite.rewards)
        #expect((sqlite.rewards["/v1/rewards/budgets"]?["budgets"] as? [Any])?.isEmpty == false)
    }

    /// Runs the stack on SQLite (`database` nil) or PostgreSQL, sends `file`, and waits for rest.
    static func run(file: String, database: DatabaseURL?) throws -> Outcome {
        let stack = try LocalStack(prefix: "advocate-pg-e2e", database: database?.text)
        defer { stack.data.remove() }
        try stack.start(score: 2, reward: 1)
        var options = EventSender.Options()
        options.endpoint = stack.ingestEndpoint
        let sent = try EventSender(options: options).send(try LineReader(path: file)) { _ in }
        #expect(sent.rejected == 0)
        let snapshot: () throws -> StoreSnapshot
        if let database {
            let reader = PostgresReportReader(url: database)
            snapshot = { try reader.snapshot() }
        } else {
            let reader = SQLiteReportReader(directory: DataDirectory(path: stack.data.path))
            snapshot = { try reader.snapshot() }
        }
        let atRest = try Eventually.value("the pipeline to come to rest", timeout: 120) {
            let current = try snapshot()
            return current.inFlight == 0 && current.received == current.candidates ? current : nil
        }
        let summary = NSDictionary(dictionary: try stack.settledSummary(timeout: 120))
        var rewards: [String: NSDictionary] = [:]
        for path in ["/v1/rewards/budgets", "/v1/rewards/held"] {
            let response = try HTTPClient.get(stack.reportHTTP + path)
            #expect(response.status == 200, "\(path): \(response.status)")
            rewards[path] = NSDictionary(dictionary: try response.json())
        }
        // On PostgreSQL nothing is stored in the data directory.
        let files = try FileManager.default.contentsOfDirectory(atPath: stack.data.path)
        #expect(files.contains("journal.sqlite") == (database == nil), "data directory holds \(files)")
        let statuses = try stack.stop()
        for (name, status) in statuses { #expect(status == 0, "\(name) exited with \(status)\n\(stack.logs)") }
        return Outcome(summary: summary, snapshot: atRest, rewards: rewards)
    }

    static func withoutAdvocates(_ candidates: Set<String>) -> Set<String> {
        candidates.filter { !$0.hasPrefix("became_advocate:") }
    }
}
