import AdvocateCodec
import AdvocateTestSupport
import Testing

@testable import AdvocateStorage

/// The self-referral evidence scoring adds when it joins a conversion with its referral code: which contact
/// kinds the referee shares with the referrer, whichever half of the join is committed first.
@Suite struct ContactJoinTests {
    static func conversion(referee: String) -> RewardCandidate {
        RewardCandidate(
            id: "referral_converted:p-\(referee)", kind: .referralConverted, customer: referee,
            trigger: "p-\(referee)", at: Timestamp(seconds: 1_790_000_000), referralCode: "REF-c-1", referee: referee,
            order: "o-1")
    }

    static func contacts(_ customer: String, email: String, phone: String? = nil) -> [ContactRow] {
        ContactRow.rows(of: Signup(email: email, phone: phone), customer: customer)
    }

    @Test(arguments: TestBackend.all, [true, false])
    func theMatchedConversionNamesTheSharedContactKinds(backend: TestBackend, codeFirst: Bool) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let store = try stores.scoreStore()
        _ = try store.claim(partition: 1, epoch: 1)
        _ = try store.claim(partition: 2, epoch: 1)
        var referrer = ScoreCommit(
            lease: PartitionLease(partition: 1, epoch: 1), through: 1,
            referralCodes: [ReferralCodeRow(code: "REF-c-1", referrer: "c-1", event: "f-1")])
        referrer.contacts = Self.contacts("c-1", email: "hash-a", phone: "hash-p")
        var referee = ScoreCommit(
            lease: PartitionLease(partition: 2, epoch: 1), through: 1, conversions: [Self.conversion(referee: "c-2")])
        referee.contacts = Self.contacts("c-2", email: "hash-a", phone: "hash-q")
        for commit in codeFirst ? [referrer, referee] : [referee, referrer] { try store.commit(commit) }
        let matched = try store.outbox(partitions: [1, 2], limit: 10)
        #expect(matched.map(\.referrer) == ["c-1"])
        #expect(matched.map(\.sharedContacts) == [["email"]])
    }

    @Test(arguments: TestBackend.all)
    func anHonestRefereeSharesNothing(backend: TestBackend) throws {
        let stores = try TestStores(backend)
        defer { stores.remove() }
        let store = try stores.scoreStore()
        _ = try store.claim(partition: 1, epoch: 1)
        var commit = ScoreCommit(
            lease: PartitionLease(partition: 1, epoch: 1), through: 1,
            referralCodes: [ReferralCodeRow(code: "REF-c-1", referrer: "c-1", event: "f-1")],
            conversions: [Self.conversion(referee: "c-3")])
        commit.contacts = Self.contacts("c-1", email: "hash-a") + Self.contacts("c-3", email: "hash-b")
        try store.commit(commit)
        #expect(try store.outbox(partitions: [1], limit: 10).map(\.sharedContacts) == [[]])
    }
}
