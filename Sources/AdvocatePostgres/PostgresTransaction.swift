import AdvocateStorage
import Logging
import NIOCore
import PostgresNIO

/// Statements of one open transaction, run synchronously on the session's connection.
struct PostgresTransaction {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs one statement and returns its rows.
    @discardableResult
    func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
        do {
            return try connection.query(query, logger: logger).wait()
        } catch {
            throw Self.storageError(error, query: query)
        }
    }

    /// Runs a statement without parameters.
    func execute(_ sql: String) throws {
        try query(PostgresQuery(unsafeSQL: sql))
    }

    /// The number of rows a statement changed (an `INSERT ... ON CONFLICT DO NOTHING` that inserted nothing: 0).
    func changes(_ query: PostgresQuery) throws -> Int {
        try self.query(query).metadata.rows ?? 0
    }

    /// Sends every statement at once and then waits for all of them: one round trip for many rows. The server
    /// runs them in order; after a failure the rest fail too and the first error is thrown.
    @discardableResult
    func pipeline(_ queries: [PostgresQuery]) throws -> [PostgresQueryResult] {
        let futures = queries.map { connection.query($0, logger: logger) }
        var results: [PostgresQueryResult] = []
        results.reserveCapacity(queries.count)
        var failure: (any Error)?
        for (index, future) in futures.enumerated() {
            do {
                results.append(try future.wait())
            } catch {
                if failure == nil { failure = Self.storageError(error, query: queries[index]) }
            }
        }
        if let failure { throw failure }
        return results
    }

    /// The rows of `query`, each decoded by `decode`; a row that does not decode is reported as corrupt.
    func rows<T>(_ query: PostgresQuery, _ decode: (PostgresRow) throws -> T) throws -> [T] {
        try self.query(query).rows.map { row in
            do {
                return try decode(row)
            } catch let error as StorageError {
                throw error
            } catch {
                throw StorageError(.corrupt("a row of `\(query.sql)` does not decode: \(Self.describe(error))"))
            }
        }
    }

    static func storageError(_ error: any Error, query: PostgresQuery) -> any Error {
        if error is StorageError { return error }
        return StorageError(.database("\(describe(error)) (in `\(query.sql)`)"))
    }

    /// A server error's SQLSTATE and message; postgres-nio's own description hides both on purpose.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let info = error.serverInfo {
            return "\(info[.sqlState] ?? "?") \(info[.message] ?? "")"
        }
        return "\(error.code)"
    }

    /// The SQLSTATE of a server error, if it is one.
    static func sqlState(of error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }
}
