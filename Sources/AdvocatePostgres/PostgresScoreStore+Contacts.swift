import AdvocateStorage
import PostgresNIO

/// Contact hashes per customer, outside the per-customer state, and the comparison a converted referral needs:
/// which contact kinds the referee shares with the referrer (as `SQLiteScoreStore` does).
extension PostgresScoreStore {
    /// Records contact hashes inside the commit's transaction, before referrals are joined.
    static func recordContacts(_ rows: [ContactRow], _ transaction: PostgresTransaction) throws {
        guard !rows.isEmpty else { return }
        try transaction.query(
            """
            INSERT INTO score.contacts (customer, kind, hash)
            SELECT * FROM unnest(\(rows.map(\.customer))::TEXT[], \(rows.map(\.kind))::TEXT[],
                \(rows.map(\.hash))::TEXT[])
            ON CONFLICT DO NOTHING
            """
        )
    }

    /// The contact kinds for which the referee and the referrer have an equal keyed hash, sorted.
    static func sharedContacts(
        _ referee: String?, _ referrer: String, _ transaction: PostgresTransaction
    ) throws -> [String] {
        guard let referee, referee != referrer else { return [] }
        return try transaction.rows(
            """
            SELECT DISTINCT a.kind FROM score.contacts a JOIN score.contacts b ON a.kind = b.kind AND a.hash = b.hash
            WHERE a.customer = \(referee) AND b.customer = \(referrer) ORDER BY a.kind
            """
        ) { try $0.decode(String.self) }
    }
}
