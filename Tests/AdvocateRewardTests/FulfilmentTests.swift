import AdvocateCodec
import AdvocateRuntime
import AdvocateStorage
import AdvocateTestSupport
import Foundation
import Logging
import Testing
import ZeroMQ

@testable import AdvocateReward

@Suite struct FulfilmentTests {
    static func configuration(maxAttempts: Int) -> RewardConfiguration {
        var configuration = RewardConfiguration()
        configuration.webhookMaxAttempts = maxAttempts
        // Shorter than the stage's 0.5 s so the test stays fast; the doubling is the same.
        configuration.webhookInitialBackoffSeconds = 0.02
        configuration.webhookMaxBackoffSeconds = 0.1
        configuration.webhookTimeoutSeconds = 5
        return configuration
    }

    @Test func backOffDoublesUpToTheCap() {
        let waits = (1...6).map { WebhookDelivery.backoff(afterAttempt: $0, initial: 0.5, cap: 4) }
        #expect(waits == [0.5, 1, 2, 4, 4, 4])
    }

    @Test(arguments: TestBackend.all)
    func theWebhookIsRetriedUntilTheReceiverAcceptsIt(backend: TestBackend) throws {
        let fixtures = try RewardFixtures(backend, notifies: true)
        defer { fixtures.remove() }
        let server = try FlakyHTTPServer(failures: 2)
        defer { server.stop() }
        _ = try fixtures.record([RewardFixtures.review("w-1")], rules: RulesFile.load(path: nil))
        let delivery = WebhookDelivery(
            configuration: Self.configuration(maxAttempts: 5),
            url: try #require(URL(string: "http://127.0.0.1:\(server.port)/hook")), store: fixtures.store,
            logger: Logger(label: "test"))
        try Eventually.that("the webhook accepted the reward", timeout: 30) {
            try delivery.deliverDue()
            return server.received.contains { $0.status == 200 }
        }
        let received = server.received
        #expect(received.map(\.status) == [503, 503, 200])
        #expect(Set(received.map(\.key)) == ["review-thanks:w-1"])
        #expect(
            received.allSatisfy { $0.body.contains("\"idempotency_key\":\"review-thanks:w-1\",\"event\":\"issued\"") })
        #expect(try fixtures.store.dueNotifications(now: Timestamp(microseconds: Int64.max), limit: 10).isEmpty)
        #expect(try fixtures.store.deadLetters(limit: 10).isEmpty)
    }

    @Test(arguments: TestBackend.all)
    func aNotificationThatKeepsFailingIsDeadLettered(backend: TestBackend) throws {
        let fixtures = try RewardFixtures(backend, notifies: true)
        defer { fixtures.remove() }
        let server = try FlakyHTTPServer(failures: 1_000)
        defer { server.stop() }
        _ = try fixtures.record([RewardFixtures.review("w-1")], rules: RulesFile.load(path: nil))
        let delivery = WebhookDelivery(
            configuration: Self.configuration(maxAttempts: 3),
            url: try #require(URL(string: "http://127.0.0.1:\(server.port)/hook")), store: fixtures.store,
            logger: Logger(label: "test"))
        let letters = try Eventually.value("a dead letter", timeout: 30) { () -> [RewardNotification]? in
            try delivery.deliverDue()
            let letters = try fixtures.store.deadLetters(limit: 10)
            return letters.isEmpty ? nil : letters
        }
        #expect(letters.map(\.key) == ["review-thanks:w-1"])
        #expect(letters.first?.attempts == 3)
        #expect(letters.first?.lastError == "HTTP 503")
        #expect(server.received.count == 3)
        #expect(try fixtures.store.dueNotifications(now: Timestamp(microseconds: Int64.max), limit: 10).isEmpty)
    }

    @Test func issuedAndReversedRewardsArePublished() throws {
        let context = try ZMQContext()
        defer { context.shutdown() }
        let pub = try Socket(.pub, context: context)
        try pub.bind("inproc://rewards")
        let sub = try Socket(.sub, context: context)
        try sub.subscribe(Array("reward.".utf8))
        try sub.connect("inproc://rewards")
        let publisher = RewardPublisher(logger: Logger(label: "test"))
        var entry = LedgerEntry(
            id: "referral-bonus:p-3", customer: "c-1", rule: "referral-bonus", kind: "credit",
            value: Money(units: 10 * Money.scale), status: .issued, reason: "referred \"c-2\"", trigger: "p-3",
            candidate: "referral_converted:p-3", at: RewardFixtures.time("2026-11-08T12:00:00Z"))
        var reversal = entry
        reversal.id = "reversal:referral-bonus:p-3"
        reversal.reverses = entry.id
        reversal.status = .reversed
        entry.ruleVersion = "0123456789abcdef"
        let held = LedgerEntry(
            id: "x:1", customer: "c-9", rule: "x", kind: "points", value: .zero, status: .held, reason: "",
            trigger: "1", candidate: "c", at: entry.at)
        // PUB drops what it sends before the subscription arrives: publish until the subscriber hears it.
        let frames = try Eventually.value("the subscriber hears a notice") { () -> [[UInt8]]? in
            publisher.enqueue(RewardNotice.notices(for: [entry, held, reversal]))
            publisher.flush(pub)
            while let frames = try sub.receiveMultipart(dontWait: true) {
                if frames.first == Array("reward.issued".utf8) { return frames }
            }
            return nil
        }
        #expect(frames.count == 2)
        #expect(String(decoding: frames[0], as: UTF8.self) == "reward.issued")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(frames[1])) as? [String: Any])
        #expect(object["idempotency_key"] as? String == "referral-bonus:p-3")
        let reward = try #require(object["reward"] as? [String: Any])
        #expect(reward["reason"] as? String == "referred \"c-2\"")
        #expect(reward["value"] as? Double == 10)
        #expect(reward["rule_version"] as? String == "0123456789abcdef")
        let next = try Eventually.value("the reversal") { try sub.receiveMultipart(dontWait: true) }
        #expect(String(decoding: next[0], as: UTF8.self) == "reward.reversed")
        sub.close()
        pub.close()
    }
}
