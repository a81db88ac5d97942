import GRDB

/// Contact hashes per customer, outside the per-customer state so that the state stays small, and the
/// comparison a converted referral needs: which contact kinds the referee shares with the referrer.
extension SQLiteScoreStore {
    static let contactsSchema = """
        CREATE TABLE IF NOT EXISTS contacts (
            customer TEXT NOT NULL, kind TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (customer, kind, hash)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS contacts_by_hash ON contacts (kind, hash);
        """

    /// Records contact hashes inside the commit's transaction, before referrals are joined, so that a referee's
    /// signup and conversion in one batch are compared with the referrer's contacts.
    static func recordContacts(_ rows: [ContactRow], db: Database) throws {
        guard !rows.isEmpty else { return }
        let insert = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO contacts (customer, kind, hash) VALUES (?, ?, ?)"
        )
        for row in rows { try insert.execute(arguments: [row.customer, row.kind, row.hash]) }
    }

    /// The contact kinds for which the referee and the referrer have an equal keyed hash, sorted.
    static func sharedContacts(_ referee: String?, _ referrer: String, db: Database) throws -> [String] {
        guard let referee, referee != referrer else { return [] }
        return try String.fetchAll(
            db,
            sql: """
                SELECT DISTINCT a.kind FROM contacts a JOIN contacts b ON a.kind = b.kind AND a.hash = b.hash
                WHERE a.customer = ? AND b.customer = ? ORDER BY a.kind
                """,
            arguments: [referee, referrer]
        )
    }
}
