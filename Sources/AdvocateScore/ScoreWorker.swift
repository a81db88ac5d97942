import AdvocateCodec
import AdvocateRuntime
import AdvocateStorage
import Foundation
import Logging
import Metrics
import Synchronization
import ZeroMQ

/// A scoring worker's thread: owns the partitions ingest assigns it, applies their events in sequence,
/// commits states, outputs and position in one transaction, then acknowledges; relays its outbox of
/// reward candidates until reward confirms them.
public final class ScoreWorker: Sendable {
    private let configuration: ScoreConfiguration
    private let store: any ScoreStore
    private let scorer: any Scorer
    private let context: ZMQContext
    private let logger: Logger
    private let status = Mutex(ScoreStatus())

    public init(
        configuration: ScoreConfiguration, store: any ScoreStore, scorer: any Scorer, context: ZMQContext,
        logger: Logger
    ) {
        self.configuration = configuration
        self.store = store
        self.scorer = scorer
        self.context = context
        self.logger = logger
    }

    /// What `/healthz` shows.
    public var snapshot: ScoreStatus { status.withLock { $0 } }

    /// Runs until `stop` is set, then says goodbye so its partitions move at once.
    public func run(until stop: StopSignal) throws {
        let link = try WorkerLink(
            context: context, endpoint: configuration.ingestEndpoint,
            hello: WorkerHello(worker: configuration.workerName, role: .score, capacity: configuration.capacity),
            heartbeatMilliseconds: configuration.heartbeatMilliseconds,
            silenceMilliseconds: configuration.ingestTimeoutMilliseconds, logger: logger,
            curve: try configuration.curveDirectory.map { try CurveKeyDirectory(path: $0).clientKeys(role: "score") }
        )
        defer { link.close() }
        var state = WorkerState()
        var lastOutboxScan: UInt64 = 0
        let applied = Counter(label: "advocate_score_events_total", dimensions: [("outcome", "applied")])
        let skipped = Counter(label: "advocate_score_events_total", dimensions: [("outcome", "redelivered")])
        let commitTimer = Timer(label: "advocate_score_commit_seconds")
        let scoringTimer = Timer(label: "advocate_score_scoring_seconds")
        let batchSizes = Recorder(label: "advocate_score_batch_events", aggregate: true)

        while !stop.isStopped {
            if let message = try link.receive(timeout: 50) {
                switch message {
                case .assign(let assignment):
                    try adopt(assignment, state: &state, link: link)
                case .events(let batch):
                    guard state.leases[batch.lease.partition] == batch.lease.epoch else { break }
                    let partition = batch.lease.partition
                    let position = state.applied[partition] ?? 0
                    let fresh = batch.entries.filter { $0.sequence > position }
                    skipped.increment(by: batch.entries.count - fresh.count)
                    guard let first = fresh.first else {
                        try link.send(.ack(Ack(lease: batch.lease, through: position)))
                        break
                    }
                    guard first.sequence == position + 1 else {
                        // A gap: something before it was lost on the way; ask again from where we stand.
                        try link.send(.resume(Resume(lease: batch.lease, after: position)))
                        break
                    }
                    let start = ContinuousClock.now
                    do {
                        let context = try loadContext(for: fresh, partition: partition, count: state.partitionCount)
                        let scoringStart = ContinuousClock.now
                        let scored = try scorer.score(fresh, context: context)
                        scoringTimer.recordNanoseconds((ContinuousClock.now - scoringStart).nanoseconds)
                        batchSizes.record(fresh.count)
                        let through = fresh[fresh.count - 1].sequence
                        var commit = ScoreCommit(
                            lease: batch.lease, through: through, customers: scored.customers,
                            candidates: scored.candidates, alerts: scored.alerts, notices: scored.notices,
                            topics: scored.topics, segments: scored.segments, disruptions: scored.disruptions,
                            referralCodes: scored.referralCodes, conversions: scored.conversions,
                            surveys: scored.surveys, transitions: scored.transitions
                        )
                        commit.contacts = scored.contacts
                        try store.commit(commit)
                        state.applied[partition] = through
                        applied.increment(by: fresh.count)
                        commitTimer.recordNanoseconds((ContinuousClock.now - start).nanoseconds)
                        try link.send(.ack(Ack(lease: batch.lease, through: through)))
                        if !scored.candidates.isEmpty || !scored.conversions.isEmpty || !scored.referralCodes.isEmpty {
                            lastOutboxScan = 0
                        }
                    } catch let error as StorageError where error.isStaleEpoch {
                        logger.warning(
                            "lost partition to a newer owner",
                            metadata: ["partition": "\(partition)", "error": "\(error)"]
                        )
                        state.leases[partition] = nil
                        state.applied[partition] = nil
                    }
                case .candidatesAck(let ack):
                    if let ids = state.pendingCandidates.removeValue(forKey: ack.batch) {
                        try store.removeFromOutbox(ids.ids)
                        lastOutboxScan = 0
                    }
                case .forwardAck(let ack):
                    if let ids = state.pendingForwards.removeValue(forKey: ack.batch) {
                        try store.removeFromForwardOutbox(ids.ids)
                        lastOutboxScan = 0
                    }
                case .error(let error):
                    if error.code == .unknownWorker {
                        try link.sayHello()
                    } else {
                        logger.warning("ingest reported an error", metadata: ["error": "\(error.message)"])
                    }
                case .hello, .resume, .ack, .candidates, .heartbeat, .goodbye, .forward:
                    break
                }
            }
            let now = link.now
            // Candidates not confirmed in time go out again (reward deduplicates by candidate id).
            for (batch, pending) in state.pendingCandidates
            where now > pending.sentAt + configuration.candidateRetryMilliseconds {
                state.pendingCandidates[batch] = nil
            }
            for (batch, pending) in state.pendingForwards
            where now > pending.sentAt + configuration.candidateRetryMilliseconds {
                state.pendingForwards[batch] = nil
            }
            if now >= lastOutboxScan + 1_000 {
                lastOutboxScan = now
                try relayOutbox(state: &state, link: link, now: now)
            }
            status.withLock {
                $0.partitions = state.leases.keys.sorted()
                $0.applied = state.applied.values.reduce(0, +)
            }
        }
        logger.info("score worker stopping", metadata: ["worker": "\(configuration.workerName)"])
    }

    /// Takes on the assigned partitions: fences out older owners and tells ingest where to resume.
    private func adopt(_ assignment: Assignment, state: inout WorkerState, link: WorkerLink) throws {
        var next: [UInt32: UInt64] = [:]
        state.partitionCount = assignment.partitionCount
        for lease in assignment.leases { next[lease.partition] = lease.epoch }
        for partition in state.leases.keys where next[partition] == nil {
            state.applied[partition] = nil
        }
        for lease in assignment.leases where state.leases[lease.partition] != lease.epoch {
            do {
                let after = try store.claim(partition: lease.partition, epoch: lease.epoch)
                state.applied[lease.partition] = after
                try link.send(.resume(Resume(lease: lease, after: after)))
            } catch let error as StorageError where error.isStaleEpoch {
                logger.warning("assignment already superseded", metadata: ["error": "\(error)"])
                next[lease.partition] = nil
            }
        }
        state.leases = next
        logger.info(
            "partitions assigned",
            metadata: ["worker": "\(configuration.workerName)", "partitions": "\(next.count)"]
        )
    }

    /// Loads what scoring `entries` needs from the store: states, and the segments in play.
    private func loadContext(for entries: [JournalEntry], partition: UInt32, count: UInt32) throws -> ScoringContext {
        let needs = ScoringContext.needs(of: entries, partition: partition, partitionCount: count)
        let members = try store.segmentMembers(partition: partition, segments: needs.disruptionSegments)
        // A disruption's audience needs its state too: whether they bought the segment before it.
        let customers = Set(needs.customers).union(members.values.joined())
        return ScoringContext(
            partition: partition, partitionCount: count, states: try store.states(of: customers.sorted()),
            segmentMembers: members,
            disruptions: try store.disruptions(partition: partition, segments: needs.purchaseSegments)
        )
    }

    /// Relays the outboxes stop-and-wait: one batch of each kind in flight, taken oldest first, so that the
    /// reward stage sees a customer's candidates in the order scoring committed them, also when a batch is
    /// lost with ingest and sent again (a reward's caps and budgets depend on that order).
    private func relayOutbox(state: inout WorkerState, link: WorkerLink, now: UInt64) throws {
        let partitions = Set(state.leases.keys)
        Gauge(label: "advocate_score_in_flight_batches").record(
            state.pendingForwards.count + state.pendingCandidates.count)
        if state.pendingForwards.isEmpty {
            let derived = try store.forwardOutbox(partitions: partitions, limit: 512)
            if !derived.isEmpty {
                state.nextBatch += 1
                state.pendingForwards[state.nextBatch] = (derived.map(\.id), now)
                try link.send(.forward(ForwardBatch(batch: state.nextBatch, events: derived)))
                Counter(label: "advocate_score_out_total", dimensions: [("kind", "derived_event")])
                    .increment(by: derived.count)
            }
        }
        if state.pendingCandidates.isEmpty {
            let waiting = try store.outbox(partitions: partitions, limit: 512)
            if !waiting.isEmpty {
                state.nextBatch += 1
                state.pendingCandidates[state.nextBatch] = (waiting.map(\.id), now)
                try link.send(.candidates(CandidateBatch(batch: state.nextBatch, candidates: waiting)))
                Counter(label: "advocate_score_out_total", dimensions: [("kind", "candidate")])
                    .increment(by: waiting.count)
            }
        }
    }
}

/// The worker's view of its partitions.
struct WorkerState {
    var leases: [UInt32: UInt64] = [:]
    var applied: [UInt32: UInt64] = [:]
    var pendingCandidates: [UInt64: (ids: [String], sentAt: UInt64)] = [:]
    var pendingForwards: [UInt64: (ids: [String], sentAt: UInt64)] = [:]
    var partitionCount: UInt32 = 1
    var nextBatch: UInt64 = 0
}

/// A scoring worker's live state for `/healthz`.
public struct ScoreStatus: Sendable, Hashable {
    public var partitions: [UInt32] = []
    public var applied: UInt64 = 0
}
