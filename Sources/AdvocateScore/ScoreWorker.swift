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
        var state = WorkerState(cachedStates: configuration.cachedStates)
        var lastOutboxScan: UInt64 = 0
        // Which outboxes may hold something to send: looked at when a commit or an acknowledgement says so,
        // and every second whatever happened.
        var due: OutboxKinds = .all
        let meters = ScoreMeters()
        while !stop.isStopped {
            if let first = try link.receive(timeout: 50) {
                // Everything already waiting is taken in one go: the events of all its partitions are scored
                // and committed as one group, one durable write however many partitions it spans.
                var group = PendingGroup()
                var next: WireMessage? = first
                while let message = next {
                    if case .events(let batch) = message {
                        try collect(batch, into: &group, state: &state, link: link, meters: meters)
                    } else {
                        due.formUnion(try flush(&group, state: &state, link: link, meters: meters))
                        try handle(message, state: &state, link: link, due: &due)
                    }
                    next = group.events < configuration.groupEvents ? try link.receive(timeout: 0) : nil
                }
                due.formUnion(try flush(&group, state: &state, link: link, meters: meters))
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
                due = .all
            }
            if !due.isEmpty {
                try relayOutbox(due, state: &state, link: link, now: now)
                due = []
            }
            status.withLock {
                $0.partitions = state.leases.keys.sorted()
                $0.applied = state.applied.values.reduce(0, +)
            }
        }
        logger.info("score worker stopping", metadata: ["worker": "\(configuration.workerName)"])
    }

    /// Adds a batch's unapplied events to the group; answers at once what needs no commit (an old
    /// redelivery, a gap).
    private func collect(
        _ batch: EventBatch, into group: inout PendingGroup, state: inout WorkerState, link: WorkerLink,
        meters: ScoreMeters
    ) throws {
        let partition = batch.lease.partition
        guard state.leases[partition] == batch.lease.epoch else {
            // Events of a partition moved away are left to the new owner. Events under an epoch newer than any
            // this worker holds mean ingest assigned it something it never applied: ask for the assignment again.
            if batch.lease.epoch > state.leases[partition] ?? 0 {
                let message =
                    "\(configuration.workerName) holds no lease \(batch.lease.epoch) of partition \(partition)"
                try link.send(.error(WireError(code: .staleEpoch, message: message)))
            }
            return
        }
        let position = group.through(partition) ?? state.applied[partition] ?? 0
        let fresh = batch.entries.filter { $0.sequence > position }
        meters.skipped.increment(by: batch.entries.count - fresh.count)
        guard let first = fresh.first else {
            if group.through(partition) == nil { try link.send(.ack(Ack(lease: batch.lease, through: position))) }
            return
        }
        guard first.sequence == position + 1 else {
            // A gap: something before it was lost on the way; commit what is in hand, then ask again from
            // where we stand.
            try flush(&group, state: &state, link: link, meters: meters)
            if let applied = state.applied[partition], state.leases[partition] == batch.lease.epoch {
                try link.send(.resume(Resume(lease: batch.lease, after: applied)))
            }
            return
        }
        group.add(fresh, lease: batch.lease)
    }

    /// Scores the group's partitions and commits them together, then acknowledges each. Returns the outboxes
    /// the commit may have added to (so the relay looks at them at once).
    @discardableResult
    private func flush(
        _ group: inout PendingGroup, state: inout WorkerState, link: WorkerLink, meters: ScoreMeters
    ) throws -> OutboxKinds {
        guard !group.isEmpty else { return [] }
        defer { group = PendingGroup() }
        let start = ContinuousClock.now
        var commits: [ScoreCommit] = []
        commits.reserveCapacity(group.order.count)
        var outboxes: OutboxKinds = []
        let contexts = try loadContexts(for: group, state: &state, meters: meters)
        for partition in group.order {
            guard let pending = group.partitions[partition], let context = contexts[partition] else { continue }
            let entries = pending.entries
            let scoringStart = ContinuousClock.now
            let scored = try scorer.score(entries, context: context)
            meters.scoring.recordNanoseconds((ContinuousClock.now - scoringStart).nanoseconds)
            var commit = ScoreCommit(
                lease: pending.lease, through: entries[entries.count - 1].sequence, customers: scored.customers,
                candidates: scored.candidates, alerts: scored.alerts, notices: scored.notices,
                topics: scored.topics, segments: scored.segments, disruptions: scored.disruptions,
                referralCodes: scored.referralCodes, conversions: scored.conversions,
                surveys: scored.surveys, transitions: scored.transitions
            )
            commit.contacts = scored.contacts
            commits.append(commit)
            // A referral code or a conversion may complete a pair in the commit: a candidate for the referrer
            // and an event forwarded to their partition.
            let referrals = !scored.conversions.isEmpty || !scored.referralCodes.isEmpty
            if referrals { outboxes.insert(.forwards) }
            if referrals || !scored.candidates.isEmpty { outboxes.insert(.candidates) }
        }
        let stale = try store.commit(group: commits)
        meters.batchSizes.record(group.events)
        meters.commit.recordNanoseconds((ContinuousClock.now - start).nanoseconds)
        for commit in commits {
            let partition = commit.lease.partition
            if stale.contains(partition) {
                logger.warning(
                    "lost partition to a newer owner",
                    metadata: ["partition": "\(partition)", "epoch": "\(commit.lease.epoch)"]
                )
                state.leases[partition] = nil
                state.applied[partition] = nil
                state.cache.drop(partitions: [partition])
                continue
            }
            state.applied[partition] = commit.through
            for row in commit.customers {
                state.cache.remember(row.customer, partition: row.partition, state: row.state)
            }
            meters.applied.increment(by: group.partitions[partition]?.entries.count ?? 0)
            try link.send(.ack(Ack(lease: commit.lease, through: commit.through)))
        }
        return outboxes
    }

    /// Everything from ingest other than events.
    private func handle(
        _ message: WireMessage, state: inout WorkerState, link: WorkerLink, due: inout OutboxKinds
    ) throws {
        switch message {
        case .assign(let assignment):
            try adopt(assignment, state: &state, link: link)
            // A partition taken over may hold what its previous owner had not yet sent.
            due = .all
        case .candidatesAck(let ack):
            if let ids = state.pendingCandidates.removeValue(forKey: ack.batch) {
                try store.removeFromOutbox(ids.ids)
                due.insert(.candidates)
            }
        case .forwardAck(let ack):
            if let ids = state.pendingForwards.removeValue(forKey: ack.batch) {
                try store.removeFromForwardOutbox(ids.ids)
                due.insert(.forwards)
            }
        case .error(let error):
            if error.code == .unknownWorker {
                try link.helloAgain()
            } else {
                logger.warning("ingest reported an error", metadata: ["error": "\(error.message)"])
            }
        case .hello, .resume, .ack, .candidates, .heartbeat, .goodbye, .forward, .events:
            break
        }
    }

    /// Takes on the assigned partitions: fences out older owners and tells ingest where to resume.
    private func adopt(_ assignment: Assignment, state: inout WorkerState, link: WorkerLink) throws {
        var next: [UInt32: UInt64] = [:]
        state.partitionCount = assignment.partitionCount
        for lease in assignment.leases { next[lease.partition] = lease.epoch }
        let givenUp = state.leases.keys.filter { next[$0] == nil }
        for partition in givenUp { state.applied[partition] = nil }
        // What was held of a partition given up, or taken on again with a new epoch, may since have changed
        // under another owner.
        let changed = assignment.leases.filter { state.leases[$0.partition] != $0.epoch }
        state.cache.drop(partitions: Set(givenUp + changed.map(\.partition)))
        for lease in changed {
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

    /// Loads what scoring the group needs: every customer's state, from the cache or else in one read of the
    /// store for all its partitions, and the segments in play where a batch has disruptions or segment
    /// purchases.
    private func loadContexts(
        for group: PendingGroup, state: inout WorkerState, meters: ScoreMeters
    ) throws -> [UInt32: ScoringContext] {
        let count = state.partitionCount
        var customers: [String: UInt32] = [:]
        var lookups: [ScoringLookup] = []
        for partition in group.order {
            guard let entries = group.partitions[partition]?.entries else { continue }
            let needs = ScoringContext.needs(of: entries, partition: partition, partitionCount: count)
            for customer in needs.customers { customers[customer] = partition }
            lookups.append(
                ScoringLookup(
                    partition: partition, audienceSegments: needs.disruptionSegments,
                    purchaseSegments: needs.purchaseSegments))
        }
        // One read for the segments in play of every partition in the group.
        let found = try store.scoringLookups(lookups)
        var contexts: [UInt32: ScoringContext] = [:]
        for lookup in lookups {
            let result = found[lookup.partition] ?? ScoringLookupResult()
            // A disruption's audience needs its state too: whether they bought the segment before it.
            for audience in result.segmentMembers.values {
                for customer in audience { customers[customer] = lookup.partition }
            }
            contexts[lookup.partition] = ScoringContext(
                partition: lookup.partition, partitionCount: count, segmentMembers: result.segmentMembers,
                disruptions: result.disruptions
            )
        }
        var states: [String: [UInt8]] = [:]
        states.reserveCapacity(customers.count)
        var missing: [String] = []
        for customer in customers.keys {
            if let held = state.cache.state(of: customer) {
                states[customer] = held
            } else {
                missing.append(customer)
            }
        }
        meters.cached.increment(by: customers.count - missing.count)
        meters.read.increment(by: missing.count)
        for (customer, stored) in try store.states(of: missing.sorted()) {
            states[customer] = stored
            if let partition = customers[customer] {
                state.cache.remember(customer, partition: partition, state: stored)
            }
        }
        // Customers live in one partition each, so every context may see all the states read.
        for partition in contexts.keys { contexts[partition]?.states = states }
        return contexts
    }

    /// Relays the outboxes stop-and-wait: one batch of each kind in flight, taken oldest first, so that the
    /// reward stage sees a customer's candidates in the order scoring committed them, also when a batch is
    /// lost with ingest and sent again (a reward's caps and budgets depend on that order). Reads only the
    /// outboxes in `kinds`.
    private func relayOutbox(_ kinds: OutboxKinds, state: inout WorkerState, link: WorkerLink, now: UInt64) throws {
        let partitions = Set(state.leases.keys)
        Gauge(label: "advocate_score_in_flight_batches").record(
            state.pendingForwards.count + state.pendingCandidates.count)
        if kinds.contains(.forwards), state.pendingForwards.isEmpty {
            let derived = try store.forwardOutbox(partitions: partitions, limit: 512)
            if !derived.isEmpty {
                state.nextBatch += 1
                state.pendingForwards[state.nextBatch] = (derived.map(\.id), now)
                try link.send(.forward(ForwardBatch(batch: state.nextBatch, events: derived)))
                Counter(label: "advocate_score_out_total", dimensions: [("kind", "derived_event")])
                    .increment(by: derived.count)
            }
        }
        if kinds.contains(.candidates), state.pendingCandidates.isEmpty {
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

/// The outboxes a scoring worker relays.
struct OutboxKinds: OptionSet {
    let rawValue: UInt8
    /// Reward candidates, to the reward stage.
    static let candidates = OutboxKinds(rawValue: 1)
    /// Events derived for other partitions, to be journalled by ingest.
    static let forwards = OutboxKinds(rawValue: 2)
    static let all: OutboxKinds = [.candidates, .forwards]
}

/// The events taken in one go, per partition in order of arrival, waiting to be scored and committed.
struct PendingGroup {
    struct Pending {
        var lease: PartitionLease
        var entries: [JournalEntry]
    }

    var partitions: [UInt32: Pending] = [:]
    var order: [UInt32] = []
    var events = 0

    var isEmpty: Bool { order.isEmpty }

    /// The last sequence held for `partition`, if the group holds any of it.
    func through(_ partition: UInt32) -> UInt64? { partitions[partition]?.entries.last?.sequence }

    /// Adds consecutive events of a partition (the caller checked they follow what the group holds).
    mutating func add(_ entries: [JournalEntry], lease: PartitionLease) {
        events += entries.count
        if partitions[lease.partition] == nil {
            order.append(lease.partition)
            partitions[lease.partition] = Pending(lease: lease, entries: entries)
        } else {
            partitions[lease.partition]?.entries += entries
        }
    }
}

/// The scoring worker's metrics.
struct ScoreMeters {
    let applied = Counter(label: "advocate_score_events_total", dimensions: [("outcome", "applied")])
    let skipped = Counter(label: "advocate_score_events_total", dimensions: [("outcome", "redelivered")])
    let commit = Timer(label: "advocate_score_commit_seconds")
    let scoring = Timer(label: "advocate_score_scoring_seconds")
    let batchSizes = Recorder(label: "advocate_score_batch_events", aggregate: true)
    let cached = Counter(label: "advocate_score_state_reads_total", dimensions: [("source", "cache")])
    let read = Counter(label: "advocate_score_state_reads_total", dimensions: [("source", "store")])
}

/// The worker's view of its partitions.
struct WorkerState {
    var leases: [UInt32: UInt64] = [:]
    var applied: [UInt32: UInt64] = [:]
    var pendingCandidates: [UInt64: (ids: [String], sentAt: UInt64)] = [:]
    var pendingForwards: [UInt64: (ids: [String], sentAt: UInt64)] = [:]
    var partitionCount: UInt32 = 1
    var nextBatch: UInt64 = 0
    /// States of the owned partitions' customers, read or committed lately.
    var cache: StateCache

    init(cachedStates: Int) {
        cache = StateCache(capacity: cachedStates)
    }
}

/// A scoring worker's live state for `/healthz`.
public struct ScoreStatus: Sendable, Hashable {
    public var partitions: [UInt32] = []
    public var applied: UInt64 = 0
}
