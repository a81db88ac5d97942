import AdvocateCodec
import AdvocateSimulation
import Testing

@Suite("Event simulator: bounded memory")
struct MemoryBoundTests {
    @Test("a 200,000-event run with 100 customers keeps its queue bounded by the customers")
    func boundedQueue() throws {
        let customers = 100
        var simulator = try EventSimulator(
            options: SimulationOptions(events: 200_000, customers: customers, seed: 11, duplicateRate: 0.05))
        // One own step, one support step, one reply and one refund per customer, the two global
        // processes, and the few duplicates held back for re-emission.
        let bound = 4 * customers + 2 + 24
        var count = 0
        var peakAfterTenth = 0
        var worst = 0
        while simulator.next() != nil {
            count += 1
            worst = max(worst, simulator.queuedItemCount)
            if count == 20_000 { peakAfterTenth = simulator.peakQueuedItemCount }
        }
        #expect(count == 200_000)
        #expect(simulator.peakQueuedItemCount <= bound, "peak \(simulator.peakQueuedItemCount) > \(bound)")
        #expect(worst <= simulator.peakQueuedItemCount)
        // The counter really counts: every customer holds a step once they have all arrived.
        #expect(simulator.peakQueuedItemCount >= customers)
        // Nine times more events did not need a bigger queue than the first tenth did, give or take.
        #expect(simulator.peakQueuedItemCount <= peakAfterTenth + customers)
    }
}
