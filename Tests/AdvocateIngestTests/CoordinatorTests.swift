import AdvocateCodec
import Testing

@testable import AdvocateIngest

/// The coordinator as a state machine: assignments, fencing epochs, credit, failure and redelivery.
@Suite struct CoordinatorTests {
    /// Hands out consecutive epochs, as the journal does.
    final class Epochs {
        var next: UInt64 = 1
        func reserve(_ count: Int) -> UInt64 {
            defer { next += UInt64(count) }
            return next
        }
    }

    static let a: [UInt8] = Array("peer-a".utf8)
    static let b: [UInt8] = Array("peer-b".utf8)
    static let r: [UInt8] = Array("peer-r".utf8)

    static func leases(_ out: [Coordinator.Outgoing], to peer: [UInt8]) -> [PartitionLease]? {
        for item in out where item.to == peer {
            if case .assign(let assignment) = item.message { return assignment.leases }
        }
        return nil
    }

    @Test func firstWorkerGetsEveryPartitionWithFreshEpochs() {
        var coordinator = Coordinator(partitionCount: 8)
        let epochs = Epochs()
        let out = coordinator.hello(
            from: Self.a, WorkerHello(worker: "a", role: .score, capacity: 100), now: 0, epochs: epochs.reserve
        )
        let leases = Self.leases(out, to: Self.a)
        #expect(leases?.map(\.partition) == Array(0..<8))
        #expect(Set(leases?.map(\.epoch) ?? []).count == 8)
    }

    @Test func secondWorkerTakesHalfAndMovedPartitionsGetNewEpochs() {
        var coordinator = Coordinator(partitionCount: 8)
        let epochs = Epochs()
        let first = coordinator.hello(
            from: Self.a, WorkerHello(worker: "a", role: .score, capacity: 100), now: 0, epochs: epochs.reserve
        )
        let before = Dictionary(
            uniqueKeysWithValues: (Self.leases(first, to: Self.a) ?? []).map { ($0.partition, $0.epoch) })
        let out = coordinator.hello(
            from: Self.b, WorkerHello(worker: "b", role: .score, capacity: 100), now: 1, epochs: epochs.reserve
        )
        let leasesA = Self.leases(out, to: Self.a) ?? []
        let leasesB = Self.leases(out, to: Self.b) ?? []
        #expect(leasesA.count == 4)
        #expect(leasesB.count == 4)
        #expect(Set(leasesA.map(\.partition)).isDisjoint(with: leasesB.map(\.partition)))
        // Kept partitions keep their epoch; moved ones get a higher one (fencing out the old owner).
        for lease in leasesA { #expect(lease.epoch == before[lease.partition]) }
        for lease in leasesB { #expect(lease.epoch > before[lease.partition]!) }
    }

    @Test func nothingIsSentBeforeResumeAndDeliveriesRespectCapacity() {
        var coordinator = Coordinator(partitionCount: 2)
        let epochs = Epochs()
        let out = coordinator.hello(
            from: Self.a, WorkerHello(worker: "a", role: .score, capacity: 10), now: 0, epochs: epochs.reserve
        )
        #expect(coordinator.deliveries(heads: [100, 100]).isEmpty)
        for lease in Self.leases(out, to: Self.a) ?? [] {
            coordinator.resume(from: Self.a, Resume(lease: lease, after: 0), now: 0)
        }
        let first = coordinator.deliveries(heads: [100, 100])
        #expect(first.map(\.limit).reduce(0, +) == 10)
        #expect(first.first?.after == 0)
        // Full: nothing more until an acknowledgement frees credit.
        #expect(coordinator.deliveries(heads: [100, 100]).isEmpty)
        let delivery = first[0]
        coordinator.ack(from: Self.a, Ack(lease: delivery.lease, through: UInt64(delivery.limit)), now: 1)
        let second = coordinator.deliveries(heads: [100, 100])
        #expect(second.map(\.limit).reduce(0, +) == delivery.limit)
        #expect(coordinator.backlog(heads: [100, 100]) == 200 - UInt64(delivery.limit))
    }

    @Test func resumeStartsFromTheWorkersCommittedPosition() {
        var coordinator = Coordinator(partitionCount: 1)
        let epochs = Epochs()
        let out = coordinator.hello(
            from: Self.a, WorkerHello(worker: "a", role: .score, capacity: 1_000), now: 0, epochs: epochs.reserve
        )
        let lease = Self.leases(out, to: Self.a)![0]
        coordinator.resume(from: Self.a, Resume(lease: lease, after: 40), now: 0)
        let deliveries = coordinator.deliveries(heads: [50])
        #expect(deliveries.count == 1)
        #expect(deliveries[0].after == 40)
        #expect(deliveries[0].limit == 10)
    }

    @Test func staleEpochAcksAreIgnored() {
        var coordinator = Coordinator(partitionCount: 1)
        let epochs = Epochs()
        let out = coordinator.hello(
            from: Self.a, WorkerHello(worker: "a", role: .score, capacity: 1_000), now: 0, epochs: epochs.reserve
        )
        let lease = Self.leases(out, to: Self.a)![0]
        coordinator.resume(from: Self.a, Resume(lease: lease, after: 0), now: 0)
        _ = coordinator.deliveries(heads: [10])
        coordinator.ack(
            from: Self.a, Ack(lease: PartitionLease(partition: 0, epoch: lease.epoch - 1), through: 10), now: 1)
        #expect(coordinator.backlog(heads: [10]) == 10)
        coordinator.ack(from: Self.a, Ack(lease: lease, through: 10), now: 1)
        #expect(coordinator.backlog(heads: [10]) == 0)
    }

    @Test func silentWorkerIsRemovedAndItsPartitionsMoveWithinTheTimeout() {
        var coordinator = Coordinator(partitionCount: 4)
        let epochs = Epochs()
        _ = coordinator.hello(
            from: Self.a, WorkerHello(worker: "a", role: .score, capacity: 100), now: 0, epochs: epochs.reserve
        )
        _ = coordinator.hello(
            from: Self.b, WorkerHello(worker: "b", role: .score, capacity: 100), now: 0, epochs: epochs.reserve
        )
        _ = coordinator.seen(Self.a, now: 2_000)
        #expect(coordinator.tick(now: 2_000, epochs: epochs.reserve).allSatisfy { $0.message == .heartbeat })
        // b has been silent for longer than the timeout (2.5 s): a takes everything.
        let out = coordinator.tick(now: 2_600, epochs: epochs.reserve)
        #expect(Self.leases(out, to: Self.a)?.count == 4)
        #expect(coordinator.workerNames(role: .score) == ["a"])
    }

    @Test func unacknowledgedEventsAreRedeliveredFromTheCommittedPosition() {
        var coordinator = Coordinator(partitionCount: 1)
        let epochs = Epochs()
        let out = coordinator.hello(
            from: Self.a, WorkerHello(worker: "a", role: .score, capacity: 100), now: 0, epochs: epochs.reserve
        )
        let lease = Self.leases(out, to: Self.a)![0]
        coordinator.resume(from: Self.a, Resume(lease: lease, after: 0), now: 0)
        #expect(coordinator.deliveries(heads: [20]).first?.limit == 20)
        coordinator.ack(from: Self.a, Ack(lease: lease, through: 5), now: 100)
        _ = coordinator.seen(Self.a, now: 5_200)
        _ = coordinator.tick(now: 5_200, epochs: epochs.reserve)
        let again = coordinator.deliveries(heads: [20])
        #expect(again.first?.after == 5)
        #expect(again.first?.limit == 15)
    }

    @Test func candidatesGoToRewardWorkersRoundRobinAndRewardOwnsNoPartitions() {
        var coordinator = Coordinator(partitionCount: 2)
        let epochs = Epochs()
        #expect(coordinator.rewardWorker() == nil)
        let out = coordinator.hello(
            from: Self.r, WorkerHello(worker: "r", role: .reward, capacity: 10), now: 0, epochs: epochs.reserve
        )
        #expect(Self.leases(out, to: Self.r) == [])
        #expect(coordinator.rewardWorker() == Self.r)
        #expect(!coordinator.hasScoreWorkers)
    }

    @Test func helloAgainFromAKnownWorkerRestartsItsAssignment() {
        var coordinator = Coordinator(partitionCount: 2)
        let epochs = Epochs()
        let first = coordinator.hello(
            from: Self.a, WorkerHello(worker: "a", role: .score, capacity: 10), now: 0, epochs: epochs.reserve
        )
        let again = coordinator.hello(
            from: Self.a, WorkerHello(worker: "a", role: .score, capacity: 10), now: 1, epochs: epochs.reserve
        )
        let before = Self.leases(first, to: Self.a)!.map(\.epoch)
        let after = Self.leases(again, to: Self.a)!.map(\.epoch)
        #expect(zip(before, after).allSatisfy { $0 < $1 })
    }

    /// What each scoring worker believes it owns: the leases of the last assignment it received.
    struct Views {
        var leases: [[UInt8]: [UInt32: UInt64]] = [:]
        var gone: Set<[UInt8]> = []

        /// Sends in order as the ingest loop does: a message to a peer that is gone marks it unreachable.
        mutating func deliver(_ out: [Coordinator.Outgoing], _ coordinator: inout Coordinator) {
            for item in out {
                if gone.contains(item.to) {
                    coordinator.markUnreachable(item.to)
                } else if case .assign(let assignment) = item.message {
                    leases[item.to] = Dictionary(
                        uniqueKeysWithValues: assignment.leases.map { ($0.partition, $0.epoch) })
                }
            }
        }
    }

    /// A scoring worker says hello again from a new socket while ingest still lists its old one (the network
    /// was cut): the hello's assignments include one to the old socket, which is gone. Its removal must come
    /// after every assignment planned with it, or a worker could apply a newer assignment and then an older
    /// one, drop partitions whose newer epoch it already claimed, and leave them owned by nobody.
    @Test func assignmentsAfterAnUnreachableWorkerLeaveEveryWorkerWithTheNewestView() throws {
        let old: [UInt8] = Array("peer-a-old".utf8)
        let new: [UInt8] = Array("peer-a-new".utf8)
        var coordinator = Coordinator(partitionCount: 16)
        let epochs = Epochs()
        var views = Views()
        views.deliver(
            coordinator.hello(
                from: old, WorkerHello(worker: "a", role: .score, capacity: 100), now: 0, epochs: epochs.reserve),
            &coordinator)
        views.deliver(
            coordinator.hello(
                from: Self.b, WorkerHello(worker: "b", role: .score, capacity: 100), now: 1, epochs: epochs.reserve),
            &coordinator)
        // The cable is pulled and plugged back: the old socket is gone, the worker says hello from a new one.
        views.gone = [old]
        views.leases[old] = nil
        views.deliver(
            coordinator.hello(
                from: new, WorkerHello(worker: "a", role: .score, capacity: 100), now: 2, epochs: epochs.reserve),
            &coordinator)
        #expect(coordinator.unreachable == [old])
        while !coordinator.unreachable.isEmpty {
            views.deliver(coordinator.removeUnreachable(now: 3, epochs: epochs.reserve), &coordinator)
        }
        #expect(coordinator.workerNames(role: .score) == ["a", "b"])
        for partition in UInt32(0)..<16 {
            let owner = try #require(coordinator.owner(of: partition))
            let holders = views.leases.filter { $0.value[partition] != nil }
            #expect(holders.count == 1, "partition \(partition) held by \(holders.count) workers")
            #expect(holders.first?.value[partition] == owner.epoch, "partition \(partition)")
        }
    }

    @Test func markingAWorkerUnreachableMovesNothingUntilItIsRemoved() {
        var coordinator = Coordinator(partitionCount: 4)
        let epochs = Epochs()
        _ = coordinator.hello(
            from: Self.a, WorkerHello(worker: "a", role: .score, capacity: 10), now: 0, epochs: epochs.reserve)
        _ = coordinator.hello(
            from: Self.b, WorkerHello(worker: "b", role: .score, capacity: 10), now: 0, epochs: epochs.reserve)
        let marked = coordinator.markUnreachable(Self.a)
        let markedAgain = coordinator.markUnreachable(Self.a)
        let markedUnknown = coordinator.markUnreachable(Self.r)
        #expect(marked)
        #expect(!markedAgain)
        #expect(!markedUnknown, "an unknown peer is not marked")
        #expect((0..<4).filter { coordinator.owner(of: $0)?.name == "a" }.count == 2)
        let out = coordinator.removeUnreachable(now: 1, epochs: epochs.reserve)
        #expect(out.allSatisfy { $0.to == Self.b })
        #expect(Self.leases(out, to: Self.b)?.count == 4)
        #expect(coordinator.unreachable.isEmpty)
    }

    /// A worker that says it is behind on its assignment gets its current one again, unchanged.
    @Test func aWorkerBehindOnItsAssignmentIsToldItAgain() {
        var coordinator = Coordinator(partitionCount: 4)
        let epochs = Epochs()
        let first = coordinator.hello(
            from: Self.a, WorkerHello(worker: "a", role: .score, capacity: 10), now: 0, epochs: epochs.reserve)
        let again = coordinator.assignment(for: Self.a)
        #expect(again.count == 1)
        #expect(Self.leases(again, to: Self.a) == Self.leases(first, to: Self.a))
        #expect(coordinator.assignment(for: Self.b).isEmpty)
    }
}
