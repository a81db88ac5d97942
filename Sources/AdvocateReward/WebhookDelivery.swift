import AdvocateCodec
import AdvocateRuntime
import AdvocateStorage
import Foundation
import Logging
import Metrics

/// Delivers the ledger's queued notifications to the webhook from a thread of its own, so that a slow or
/// failing receiver never holds up the candidates. A failure is retried after 0.5 s, 1 s, 2 s, ... (up to a
/// cap); after the last attempt the notification goes to the dead letters, which the report shows.
public struct WebhookDelivery: Sendable {
    let store: any RewardStore
    let client: WebhookClient
    let maxAttempts: Int
    let initialBackoff: Double
    let maxBackoff: Double
    let logger: Logger

    public init(configuration: RewardConfiguration, url: URL, store: any RewardStore, logger: Logger) {
        self.store = store
        self.client = WebhookClient(url: url, timeoutSeconds: configuration.webhookTimeoutSeconds)
        self.maxAttempts = max(1, configuration.webhookMaxAttempts)
        self.initialBackoff = configuration.webhookInitialBackoffSeconds
        self.maxBackoff = configuration.webhookMaxBackoffSeconds
        self.logger = logger
    }

    /// The wait before attempt `attempt + 1` (attempt counts from 1).
    public static func backoff(afterAttempt attempt: Int, initial: Double, cap: Double) -> Double {
        min(cap, initial * pow(2, Double(max(0, attempt - 1))))
    }

    /// Delivers what is due until `stop`. A failing ledger read is logged and tried again: the outbox is
    /// durable, so nothing is lost while it fails.
    public func run(until stop: StopSignal) {
        while !stop.isStopped {
            do {
                if try deliverDue() == 0 { Thread.sleep(forTimeInterval: 0.05) }
            } catch {
                logger.error("reward webhook outbox not readable", metadata: ["error": "\(error)"])
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }

    /// One pass over the notifications due now.
    /// - Returns: how many were attempted.
    @discardableResult
    public func deliverDue() throws -> Int {
        let now = Self.now
        let due = try store.dueNotifications(now: now, limit: 64)
        for notification in due {
            guard let entry = try store.entry(id: notification.key) else {
                try store.failed(notification: notification.id, error: "no ledger entry", retryAt: nil)
                continue
            }
            let notice = RewardNotice(event: notification.event, entry: entry)
            do {
                try client.post(notice.json, idempotencyKey: entry.id)
                try store.delivered(notification: notification.id)
                Counter(label: "advocate_reward_webhook_total", dimensions: [("outcome", "delivered")]).increment()
            } catch {
                let attempt = notification.attempts + 1
                let retryAt: Timestamp? =
                    attempt >= maxAttempts
                    ? nil
                    : Timestamp(
                        microseconds: Self.now.microseconds
                            + Int64(Self.backoff(afterAttempt: attempt, initial: initialBackoff, cap: maxBackoff) * 1e6)
                    )
                try store.failed(notification: notification.id, error: "\(error)", retryAt: retryAt)
                Counter(
                    label: "advocate_reward_webhook_total",
                    dimensions: [("outcome", retryAt == nil ? "dead_letter" : "retry")]
                ).increment()
                logger.warning(
                    retryAt == nil ? "reward webhook gave up" : "reward webhook failed, will retry",
                    metadata: ["reward.id": "\(entry.id)", "webhook.attempt": "\(attempt)", "error": "\(error)"])
            }
        }
        return due.count
    }

    static var now: Timestamp { Timestamp(microseconds: Int64(Date().timeIntervalSince1970 * 1_000_000)) }
}
