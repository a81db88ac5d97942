import AdvocatePostgres
import AdvocateStorage
import AdvocateTestSupport
import Foundation
import Testing

/// The storage backends every store test runs against. PostgreSQL runs when `ADVOCATE_TEST_POSTGRES_URL`
/// names a server (`ops/test` starts one); under CI it must, so there a missing URL fails the test.
enum TestBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static let postgresURL = ProcessInfo.processInfo.environment["ADVOCATE_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    static var isCI: Bool {
        guard let value = ProcessInfo.processInfo.environment["CI"]?.lowercased() else { return false }
        return !["", "0", "false", "no"].contains(value)
    }

    /// SQLite always; PostgreSQL when a server is given, and under CI in any case (where it then fails).
    static let all: [TestBackend] = postgresURL != nil || isCI ? [.sqlite, .postgres] : [.sqlite]

    var testDescription: String { rawValue }
}

/// A fresh, empty place for stores of one backend: a temporary directory, or a new PostgreSQL database.
/// `remove()` (deferred by each test) deletes it.
struct TestStores {
    let factory: StoreFactory
    private let cleanup: () -> Void

    init(_ backend: TestBackend) throws {
        switch backend {
        case .sqlite:
            let directory = try TemporaryDirectory(prefix: "advocate-store")
            factory = try StoreFactory(dataDirectory: directory.path, databaseURL: nil)
            cleanup = { directory.remove() }
        case .postgres:
            let database = try TestDatabase()
            factory = try StoreFactory(dataDirectory: "", databaseURL: database.url)
            cleanup = { database.drop() }
        }
    }

    func remove() { cleanup() }

    func journal(partitions: UInt32 = 64) throws -> any JournalStore {
        try factory.journal(partitions: partitions, powerSafe: true)
    }

    func scoreStore() throws -> any ScoreStore { try factory.scoreStore() }
    func rewardStore() throws -> any RewardStore { try factory.rewardStore() }
}

/// A new database on the test server, dropped (with any connections still open) by `drop()`.
struct TestDatabase {
    let url: String
    private let name: String
    private let server: DatabaseURL

    init() throws {
        guard let base = TestBackend.postgresURL else { throw MissingPostgres() }
        server = try DatabaseURL(base)
        name = "advocate_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        url = try PostgresDatabases.create(name, on: server).text
    }

    func drop() {
        try? PostgresDatabases.drop(name, on: server)
    }
}

/// Under CI the PostgreSQL cases must run; a missing server is a failure, not a pass.
struct MissingPostgres: Error, CustomStringConvertible {
    var description: String {
        "ADVOCATE_TEST_POSTGRES_URL is not set, so the PostgreSQL storage tests cannot run; "
            + "run them through ops/test, which starts a throwaway server (ops/postgres start)"
    }
}
