import AdvocateCodec

/// Ingest's view of the workers and the partitions: who owns what under which epoch, what was sent and
/// acknowledged, and who is alive. A plain state machine: it takes inputs (messages, ticks, journal
/// heads) and returns the messages to send, so it is tested without sockets.
public struct Coordinator: Sendable {
    /// Timing and sizing knobs.
    public struct Settings: Sendable {
        /// A worker silent for this long is dead and its partitions move (must stay under 3 s).
        public var workerTimeoutMilliseconds: UInt64 = 2_500
        /// How often ingest tells workers it is alive.
        public var heartbeatMilliseconds: UInt64 = 500
        /// Unacknowledged events are sent again after this long without progress.
        public var redeliveryMilliseconds: UInt64 = 5_000
        /// Events per `events` message.
        public var batchSize: Int = 512

        public init() {}
    }

    /// A message to send to one peer.
    public struct Outgoing: Sendable, Hashable {
        public var to: [UInt8]
        public var message: WireMessage
    }

    /// A read of the journal the loop should do and send as an `events` message.
    public struct Delivery: Sendable, Hashable {
        public var to: [UInt8]
        public var lease: PartitionLease
        public var after: UInt64
        public var limit: Int
    }

    struct Worker: Sendable {
        var name: String
        var role: WorkerRole
        var capacity: Int
        var lastSeen: UInt64
        var leases: [UInt32: UInt64] = [:]
    }

    struct Partition: Sendable {
        var owner: [UInt8]?
        var epoch: UInt64 = 0
        /// The owner said where it stands (`resume`); nothing is sent before.
        var ready = false
        var sent: UInt64 = 0
        var acked: UInt64 = 0
        var lastProgress: UInt64 = 0
    }

    public let partitionCount: UInt32
    public var settings: Settings
    private(set) var workers: [[UInt8]: Worker] = [:]
    private(set) var partitions: [Partition]
    private var lastHeartbeat: UInt64 = 0
    /// Peers a send found gone, in the order found, waiting for `removeUnreachable`.
    private(set) var unreachable: [[UInt8]] = []
    private var rewardCursor = 0

    public init(partitionCount: UInt32, settings: Settings = Settings()) {
        self.partitionCount = partitionCount
        self.settings = settings
        self.partitions = Array(repeating: Partition(), count: Int(partitionCount))
    }

    // MARK: Inputs

    /// A worker said hello (again, after a restart of either side). Returns the assignments to send.
    public mutating func hello(
        from peer: [UInt8], _ hello: WorkerHello, now: UInt64, epochs: (Int) throws -> UInt64
    ) rethrows -> [Outgoing] {
        if workers[peer] != nil {
            // A repeated hello means the worker lost its view: take its partitions back first.
            release(peer)
        }
        workers[peer] = Worker(
            name: hello.worker, role: hello.role, capacity: max(1, Int(hello.capacity)), lastSeen: now
        )
        return try rebalance(now: now, epochs: epochs, alwaysTell: [peer])
    }

    /// A worker left cleanly or was found dead.
    public mutating func remove(_ peer: [UInt8], now: UInt64, epochs: (Int) throws -> UInt64) rethrows -> [Outgoing] {
        guard workers[peer] != nil else { return [] }
        release(peer)
        workers[peer] = nil
        return try rebalance(now: now, epochs: epochs, alwaysTell: [])
    }

    /// A send to `peer` failed because it is gone. It keeps its partitions until `removeUnreachable`, so the
    /// messages already planned go out first and the assignments its removal produces are the last its
    /// former partners hear: a worker that applied a newer assignment never receives an older one after it.
    /// Returns whether the peer was newly marked.
    @discardableResult
    public mutating func markUnreachable(_ peer: [UInt8]) -> Bool {
        guard workers[peer] != nil, !unreachable.contains(peer) else { return false }
        unreachable.append(peer)
        return true
    }

    /// Removes the peers marked unreachable and returns the assignments to send (to the workers that remain).
    public mutating func removeUnreachable(now: UInt64, epochs: (Int) throws -> UInt64) rethrows -> [Outgoing] {
        var out: [Outgoing] = []
        while !unreachable.isEmpty {
            let peer = unreachable.removeFirst()
            out += try remove(peer, now: now, epochs: epochs)
        }
        return out.filter { workers[$0.to] != nil }
    }

    /// The worker's current assignment, to send it again (it said it is behind); nothing for an unknown peer.
    public mutating func assignment(for peer: [UInt8]) -> [Outgoing] {
        workers[peer] == nil ? [] : tell([peer])
    }

    /// Any message from a known worker proves it alive. Returns false for an unknown peer.
    public mutating func seen(_ peer: [UInt8], now: UInt64) -> Bool {
        guard workers[peer] != nil else { return false }
        workers[peer]?.lastSeen = now
        return true
    }

    /// The owner is ready for a partition from `after + 1` on.
    public mutating func resume(from peer: [UInt8], _ resume: Resume, now: UInt64) {
        let index = Int(resume.lease.partition)
        guard index < partitions.count, partitions[index].owner == peer,
            partitions[index].epoch == resume.lease.epoch
        else { return }
        partitions[index].ready = true
        partitions[index].acked = resume.after
        partitions[index].sent = resume.after
        partitions[index].lastProgress = now
    }

    /// The owner committed a partition through `ack.through`.
    public mutating func ack(from peer: [UInt8], _ ack: Ack, now: UInt64) {
        let index = Int(ack.lease.partition)
        guard index < partitions.count, partitions[index].owner == peer, partitions[index].epoch == ack.lease.epoch
        else { return }
        if ack.through > partitions[index].acked {
            partitions[index].acked = ack.through
            partitions[index].sent = max(partitions[index].sent, ack.through)
            partitions[index].lastProgress = now
        }
    }

    /// Periodic housekeeping: expires silent workers, schedules redelivery, and heartbeats.
    public mutating func tick(now: UInt64, epochs: (Int) throws -> UInt64) rethrows -> [Outgoing] {
        var out: [Outgoing] = []
        let dead = workers.filter { now > $0.value.lastSeen + settings.workerTimeoutMilliseconds }.map(\.key)
        for peer in dead {
            out += try remove(peer, now: now, epochs: epochs)
        }
        for index in partitions.indices where partitions[index].ready {
            let partition = partitions[index]
            if partition.sent > partition.acked && now > partition.lastProgress + settings.redeliveryMilliseconds {
                // Sent but not acknowledged for too long: send again from the committed position; the
                // worker skips what it already has by sequence.
                partitions[index].sent = partition.acked
                partitions[index].lastProgress = now
            }
        }
        if now >= lastHeartbeat + settings.heartbeatMilliseconds {
            lastHeartbeat = now
            for peer in workers.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                out.append(Outgoing(to: peer, message: .heartbeat))
            }
        }
        return out
    }

    // MARK: Dispatch

    /// The journal reads to send now, within each worker's capacity, given the journal heads.
    public mutating func deliveries(heads: [UInt64]) -> [Delivery] {
        // Most calls come after a worker's acknowledgement with nothing new journalled: answer those without
        // counting what each worker has in flight (a dictionary keyed by peer ids, for every partition).
        let waiting = partitions.indices.contains { index in
            index < heads.count && heads[index] > partitions[index].sent && partitions[index].ready
                && partitions[index].owner != nil
        }
        guard waiting else { return [] }
        var inFlight: [[UInt8]: Int] = [:]
        for partition in partitions where partition.ready {
            if let owner = partition.owner { inFlight[owner, default: 0] += Int(partition.sent - partition.acked) }
        }
        var out: [Delivery] = []
        for index in partitions.indices {
            let partition = partitions[index]
            guard partition.ready, let owner = partition.owner, let worker = workers[owner],
                index < heads.count, heads[index] > partition.sent
            else { continue }
            let room = worker.capacity - inFlight[owner, default: 0]
            guard room > 0 else { continue }
            let limit = min(room, settings.batchSize, Int(heads[index] - partition.sent))
            out.append(
                Delivery(
                    to: owner, lease: PartitionLease(partition: UInt32(index), epoch: partition.epoch),
                    after: partition.sent, limit: limit
                )
            )
            partitions[index].sent += UInt64(limit)
            inFlight[owner, default: 0] += limit
        }
        return out
    }

    /// Corrects the plan when the journal returned fewer events than asked (it never should).
    public mutating func delivered(_ delivery: Delivery, through last: UInt64) {
        let index = Int(delivery.lease.partition)
        guard partitions[index].epoch == delivery.lease.epoch else { return }
        partitions[index].sent = max(partitions[index].acked, last)
    }

    /// A reward worker to hand candidates to (round robin), if any is connected.
    public mutating func rewardWorker() -> [UInt8]? {
        let rewards = workers.filter { $0.value.role == .reward }.map(\.key)
            .sorted(by: { $0.lexicographicallyPrecedes($1) })
        guard !rewards.isEmpty else { return nil }
        rewardCursor = (rewardCursor + 1) % rewards.count
        return rewards[rewardCursor]
    }

    /// Events journalled but not yet committed by scoring, over all partitions.
    public func backlog(heads: [UInt64]) -> UInt64 {
        var total: UInt64 = 0
        for index in partitions.indices where index < heads.count {
            total += heads[index] &- min(heads[index], partitions[index].acked)
        }
        return total
    }

    /// Events journalled but not yet acknowledged by scoring, per partition.
    public func lag(heads: [UInt64]) -> [UInt64] {
        partitions.indices.map { index in
            index < heads.count ? heads[index] &- min(heads[index], partitions[index].acked) : 0
        }
    }

    /// Whether any scoring worker is connected.
    public var hasScoreWorkers: Bool { workers.values.contains { $0.role == .score } }

    /// Names of connected workers by role, for health and logs.
    public func workerNames(role: WorkerRole) -> [String] {
        workers.values.filter { $0.role == role }.map(\.name).sorted()
    }

    /// The owner's name and epoch of each partition, for health and logs.
    public func owner(of partition: UInt32) -> (name: String, epoch: UInt64)? {
        guard let peer = partitions[Int(partition)].owner, let worker = workers[peer] else { return nil }
        return (worker.name, partitions[Int(partition)].epoch)
    }

    // MARK: Assignment

    private mutating func release(_ peer: [UInt8]) {
        for index in partitions.indices where partitions[index].owner == peer {
            partitions[index].owner = nil
            partitions[index].ready = false
        }
        workers[peer]?.leases = [:]
    }

    /// Gives every scoring worker a fair share, moving as few partitions as possible; a moved partition
    /// gets a new epoch. Tells every worker whose set changed (and those in `alwaysTell`) its full set.
    private mutating func rebalance(
        now: UInt64, epochs: (Int) throws -> UInt64, alwaysTell: Set<[UInt8]>
    ) rethrows -> [Outgoing] {
        let scorers = workers.filter { $0.value.role == .score }
            .sorted { a, b in
                a.value.name != b.value.name ? a.value.name < b.value.name : a.key.lexicographicallyPrecedes(b.key)
            }
            .map(\.key)
        var changed = alwaysTell
        guard !scorers.isEmpty else {
            for index in partitions.indices {
                partitions[index].owner = nil
                partitions[index].ready = false
            }
            return tell(changed)
        }
        let total = partitions.count
        var quota: [[UInt8]: Int] = [:]
        for (position, peer) in scorers.enumerated() {
            quota[peer] = total / scorers.count + (position < total % scorers.count ? 1 : 0)
        }
        var owned: [[UInt8]: Int] = [:]
        var orphans: [Int] = []
        for index in partitions.indices {
            if let owner = partitions[index].owner, let limit = quota[owner], owned[owner, default: 0] < limit {
                owned[owner, default: 0] += 1
            } else {
                if let owner = partitions[index].owner { changed.insert(owner) }
                orphans.append(index)
            }
        }
        guard !orphans.isEmpty else { return tell(changed) }
        let first = try epochs(orphans.count)
        var next = orphans.makeIterator()
        var offset: UInt64 = 0
        for peer in scorers {
            while owned[peer, default: 0] < quota[peer, default: 0], let index = next.next() {
                partitions[index] = Partition(
                    owner: peer, epoch: first + offset, ready: false, sent: 0, acked: 0, lastProgress: now
                )
                offset += 1
                owned[peer, default: 0] += 1
                changed.insert(peer)
            }
        }
        return tell(changed)
    }

    private mutating func tell(_ peers: Set<[UInt8]>) -> [Outgoing] {
        var out: [Outgoing] = []
        for peer in peers.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            guard let worker = workers[peer] else { continue }
            var leases: [PartitionLease] = []
            var map: [UInt32: UInt64] = [:]
            if worker.role == .score {
                for index in partitions.indices where partitions[index].owner == peer {
                    leases.append(PartitionLease(partition: UInt32(index), epoch: partitions[index].epoch))
                    map[UInt32(index)] = partitions[index].epoch
                }
            }
            workers[peer]?.leases = map
            out.append(
                Outgoing(to: peer, message: .assign(Assignment(partitionCount: partitionCount, leases: leases)))
            )
        }
        return out
    }
}
