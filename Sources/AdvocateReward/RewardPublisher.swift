import Logging
import Synchronization
import ZeroMQ

/// Publishes issued and reversed rewards on a ZeroMQ PUB socket, owned by the worker thread. Notices made
/// elsewhere (an operator's approval on the HTTP server) wait in a queue until that thread sends them.
///
/// PUB drops for slow or absent subscribers; receivers that must not miss a reward use the webhook, whose
/// outbox is durable.
public final class RewardPublisher: Sendable {
    private let pending = Mutex<[RewardNotice]>([])
    private let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    /// Queues notices for the worker thread to publish.
    public func enqueue(_ notices: [RewardNotice]) {
        guard !notices.isEmpty else { return }
        pending.withLock { $0 += notices }
    }

    /// Sends every queued notice as two frames, topic then JSON. Called on the socket's owner thread.
    func flush(_ socket: Socket?) {
        let notices = pending.withLock { queue in
            defer { queue.removeAll() }
            return queue
        }
        guard let socket else { return }
        for notice in notices {
            do {
                _ = try socket.send(parts: [Array(notice.topic.utf8), Array(notice.json.utf8)], dontWait: true)
            } catch {
                logger.warning(
                    "reward notice not published", metadata: ["reward.id": "\(notice.entry.id)", "error": "\(error)"])
            }
        }
    }
}
