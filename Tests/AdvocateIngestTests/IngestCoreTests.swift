import AdvocateCodec
import AdvocateStorage
import AdvocateTestSupport
import Logging
import Testing

@testable import AdvocateIngest

@Suite struct IngestCoreTests {
    static func core(_ directory: TemporaryDirectory) throws -> IngestCore {
        IngestCore(
            journal: try SQLiteJournalStore(path: directory.path + "/journal.sqlite", partitions: 8),
            limits: EventLimits(), hasher: ContactHasher(key: "test-key"), logger: Logger(label: "test")
        )
    }

    @Test func groupCommitRepliesPerRequestWithDuplicatesAcrossRequests() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let core = try Self.core(directory)
        let one =
            #"{"id":"x-1","type":"suggestion","customer":"c-1","at":"2026-11-09T15:00:00Z","text":"Call it giraffe bread"}"#
        let two =
            #"[{"id":"x-1","type":"suggestion","customer":"c-1","at":"2026-11-09T15:00:00Z","text":"again"},{"id":"x-2","type":"nope","customer":"c-1","at":"2026-11-09T15:00:00Z"}]"#
        let replies = try core.handle([Array(one.utf8), Array(two.utf8), Array("not json".utf8)])
        #expect(replies[0] == IngestReply(accepted: 1))
        #expect(replies[1].accepted == 0)
        #expect(replies[1].duplicates == 1)
        #expect(replies[1].rejected.map(\.reason) == ["unknown_type"])
        #expect(replies[1].rejected.first?.index == 1)
        #expect(replies[1].httpStatus == 200)
        #expect(
            replies[2].rejected.first?.reason == "malformed_json" || replies[2].requestError?.reason == "malformed_json"
        )
        #expect(replies[2].httpStatus == 400)
        let counts = try core.journal.counts()
        #expect(counts.accepted == ["suggestion": 1])
        #expect(counts.rejected.values.reduce(0, +) == 2)
    }

    @Test func contactDetailsAreHashedBeforeTheJournal() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let core = try Self.core(directory)
        let body =
            #"{"id":"g-1","type":"signup","customer":"c-2","at":"2026-11-08T10:00:00Z","email":" Ann@Example.com ","phone":"+44 20 7946 0000"}"#
        _ = try core.handle([Array(body.utf8)])
        let partition = Partitioning.partition(of: "c-2", count: 8)
        let stored = try core.journal.read(partition: partition, after: 0, limit: 1)
        guard case .signup(let signup) = stored.first?.event.body else {
            Issue.record("signup not journalled")
            return
        }
        let hasher = ContactHasher(key: "test-key")
        #expect(signup.email == hasher.hash("email", "ann@example.com"))
        #expect(signup.phone == hasher.hash("phone", "+442079460000"))
        #expect(signup.email?.count == 64)
        #expect(signup.email?.contains("@") == false)
    }

    @Test func differentKeysGiveDifferentHashes() {
        #expect(ContactHasher(key: "a").hash("email", "x@y.z") != ContactHasher(key: "b").hash("email", "x@y.z"))
        #expect(ContactHasher(key: "a").hash("email", "x@y.z") != ContactHasher(key: "a").hash("phone", "x@y.z"))
    }

    @Test func replyJSONHasThePublicShape() {
        let reply = IngestReply(
            accepted: 2, duplicates: 1,
            rejected: [.init(index: 3, id: "p-\"9", error: "field \"at\": bad", reason: "bad_timestamp")]
        )
        #expect(
            reply.json
                == #"{"accepted":2,"duplicates":1,"rejected":[{"index":3,"id":"p-\"9","error":"field \"at\": bad","reason":"bad_timestamp"}]}"#
        )
        #expect(IngestReply.busy(retryAfterMilliseconds: 250).json == #"{"busy":true,"retry_after_ms":250}"#)
        #expect(IngestReply.busy(retryAfterMilliseconds: 250).httpStatus == 429)
    }
}
