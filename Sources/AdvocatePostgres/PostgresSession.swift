import AdvocateStorage
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// One connection to PostgreSQL used synchronously from a stage's own thread.
///
/// The storage protocols are synchronous because the stages call them from dedicated threads (never from
/// Swift's cooperative pool), so the session drives postgres-nio's futures on its own event loop group and
/// blocks the calling thread with `wait()`. A lock makes transactions one at a time, and a connection lost
/// to a server restart is opened again by the next transaction.
final class PostgresSession: @unchecked Sendable {
    /// The event loop the connections run on: never one of the calling threads, so `wait()` cannot deadlock.
    static let eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    let url: DatabaseURL
    let logger: Logger
    /// Guards `connection`; held for a whole transaction.
    private let lock = NSLock()
    private var connection: PostgresConnection?

    init(url: DatabaseURL, logger: Logger = Logger(label: "advocate.postgres")) {
        self.url = url
        self.logger = logger
    }

    deinit {
        if let connection { Self.discard(connection) }
    }

    /// Closes `connection` without waiting. It must outlive its close (postgres-nio checks), so the
    /// completion holds on to it.
    private static func discard(_ connection: PostgresConnection) {
        (connection.close() as EventLoopFuture<Void>).whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// Runs `body` in one transaction and commits it (durable: `synchronous_commit` is on), or rolls back
    /// when `body` throws.
    /// - Parameter readOnly: a read-only snapshot (`REPEATABLE READ`), so several reads agree with each other.
    @discardableResult
    func transaction<T>(readOnly: Bool = false, _ body: (PostgresTransaction) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let connection = try open()
        let transaction = PostgresTransaction(connection: connection, logger: logger)
        do {
            try transaction.execute(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
            let result = try body(transaction)
            try transaction.execute("COMMIT")
            return result
        } catch {
            // A connection that cannot even roll back is broken: the next transaction opens a new one.
            if connection.isClosed || (try? transaction.execute("ROLLBACK")) == nil {
                self.connection = nil
                Self.discard(connection)
            }
            throw error
        }
    }

    /// Runs one statement outside any transaction (`CREATE DATABASE` and `DROP DATABASE` refuse to run in one).
    func executeAlone(_ sql: String) throws {
        lock.lock()
        defer { lock.unlock() }
        try PostgresTransaction(connection: try open(), logger: logger).execute(sql)
    }

    /// Closes the connection now rather than when the session goes away.
    func close() {
        lock.lock()
        defer { lock.unlock() }
        if let connection { _ = try? (connection.close() as EventLoopFuture<Void>).wait() }
        connection = nil
    }

    private func open() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        connection = nil
        do {
            let opened = try PostgresConnection.connect(
                on: Self.eventLoopGroup.next(), configuration: url.configuration, id: 1, logger: logger
            ).wait()
            connection = opened
            return opened
        } catch {
            throw StorageError(.database("cannot connect to \(url): \(PostgresTransaction.describe(error))"))
        }
    }
}
