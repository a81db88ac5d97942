import AdvocateCodec
import AdvocateRuntime
import AdvocateStorage
import Logging
import Metrics

/// Validates, protects and journals requests, many at a time (group commit), and builds their replies.
///
/// Transport-free: the ZeroMQ loop and the HTTP handler both hand it request bodies. Replies are
/// built only after the journal commit returned, so an acknowledged event is durable.
public final class IngestCore: Sendable {
    public let journal: any JournalStore
    private let parser: EventRequestParser
    private let hasher: ContactHasher
    private let logger: Logger
    private let acceptedCounter = Counter(label: "advocate_ingest_events_total", dimensions: [("outcome", "accepted")])
    private let duplicateCounter = Counter(
        label: "advocate_ingest_events_total", dimensions: [("outcome", "duplicate")])
    private let commitTimer = Timer(label: "advocate_ingest_commit_seconds")

    /// Event ids in this namespace are Advocate's own (derived events), so producers cannot collide with them.
    public static let reservedPrefix = "advocate:"

    public init(journal: any JournalStore, limits: EventLimits, hasher: ContactHasher, logger: Logger) {
        self.journal = journal
        self.parser = EventRequestParser(limits: limits)
        self.hasher = hasher
        self.logger = logger
    }

    /// Handles a group of requests with one journal commit.
    /// - Returns: one reply per request, in order.
    /// - Throws: when the journal cannot commit; then nothing of the group was acknowledged.
    public func handle(_ requests: [[UInt8]]) throws -> [IngestReply] {
        var replies = [IngestReply](repeating: IngestReply(), count: requests.count)
        var events: [Event] = []
        var owners: [Int] = []
        var rejections: [String: Int] = [:]
        for (position, body) in requests.enumerated() {
            let parsed = body.withUnsafeBytes { parser.parse($0) }
            if let error = parsed.requestError {
                replies[position].requestError = Self.rejection(error)
                rejections[error.reason, default: 0] += 1
                count(rejection: error.reason)
                continue
            }
            for item in parsed.items {
                switch item.outcome {
                case .success(let event) where event.id.hasPrefix(Self.reservedPrefix):
                    let rejection = IngestReply.Rejection(
                        index: item.index, id: event.id,
                        error:
                            "field \"id\": ids starting with \"\(Self.reservedPrefix)\" are reserved for events Advocate derives itself",
                        reason: "reserved_id"
                    )
                    replies[position].rejected.append(rejection)
                    rejections[rejection.reason, default: 0] += 1
                    count(rejection: rejection.reason)
                case .success(let event):
                    events.append(hasher.protect(event))
                    owners.append(position)
                case .failure(let rejection):
                    replies[position].rejected.append(Self.rejection(rejection))
                    rejections[rejection.reason, default: 0] += 1
                    count(rejection: rejection.reason)
                    logger.debug(
                        "rejected event",
                        metadata: [
                            "event.index": "\(rejection.index)", "event.id": "\(rejection.id ?? "-")",
                            "error": "\(rejection.message)",
                        ]
                    )
                }
            }
        }
        guard !events.isEmpty || !rejections.isEmpty else { return replies }
        let start = ContinuousClock.now
        let outcomes = try journal.append(events, rejections: rejections)
        commitTimer.recordNanoseconds((ContinuousClock.now - start).nanoseconds)
        for (outcome, owner) in zip(outcomes, owners) {
            switch outcome {
            case .appended:
                replies[owner].accepted += 1
            case .duplicate:
                replies[owner].duplicates += 1
            }
        }
        let accepted = outcomes.lazy.filter { if case .appended = $0 { true } else { false } }.count
        acceptedCounter.increment(by: accepted)
        duplicateCounter.increment(by: outcomes.count - accepted)
        return replies
    }

    /// Counts a whole request refused before parsing (e.g. a frame with extra parts).
    public func reject(reason: String, message: String) throws -> IngestReply {
        count(rejection: reason)
        _ = try journal.append([], rejections: [reason: 1])
        return IngestReply(requestError: .init(index: -1, id: nil, error: message, reason: reason))
    }

    private func count(rejection reason: String) {
        Counter(label: "advocate_ingest_rejected_total", dimensions: [("reason", reason)]).increment()
    }

    static func rejection(_ rejection: EventRejection) -> IngestReply.Rejection {
        IngestReply.Rejection(
            index: rejection.index, id: rejection.id, error: rejection.message, reason: rejection.reason)
    }
}
