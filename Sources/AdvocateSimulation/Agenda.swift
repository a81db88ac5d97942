/// What a queued item will do when its time comes.
enum AgendaSlot: UInt8, Sendable {
    /// A customer's own next step: referral, signup, onboarding, or their next action.
    case main
    /// The next step of the customer's open support case.
    case care
    /// The company's reply to the customer's mention, or the customer's answer to that reply.
    case reply
    /// A refund of one of the customer's orders.
    case refund
    /// The arrival of the next new customer (not tied to a customer).
    case arrival
    /// The next disruption (not tied to a customer).
    case disruption
}

/// One scheduled step of the discrete-event simulation.
struct AgendaItem: Sendable {
    /// Event time, in whole seconds since the epoch.
    var time: Int64
    /// Insertion order, so that items due at the same second run first-in first-out on every machine.
    var order: UInt64
    /// Index of the customer, or -1 for the global processes.
    var owner: Int32
    var slot: AgendaSlot

    func precedes(_ other: AgendaItem) -> Bool {
        time != other.time ? time < other.time : order < other.order
    }
}

/// A binary min-heap of agenda items, earliest first.
///
/// Each customer holds at most one item per slot, so the heap never holds more than
/// `4 * customers + 2` items, whatever the length of the stream.
struct Agenda: Sendable {
    private var items: [AgendaItem] = []
    private var nextOrder: UInt64 = 0

    var count: Int { items.count }

    init(capacity: Int) {
        items.reserveCapacity(capacity)
    }

    mutating func schedule(at time: Int64, owner: Int32, slot: AgendaSlot) {
        items.append(AgendaItem(time: time, order: nextOrder, owner: owner, slot: slot))
        nextOrder += 1
        siftUp(from: items.count - 1)
    }

    mutating func popEarliest() -> AgendaItem? {
        guard let last = items.popLast() else { return nil }
        guard !items.isEmpty else { return last }
        let earliest = items[0]
        items[0] = last
        siftDown(from: 0)
        return earliest
    }

    // Both sifts move a "hole" instead of swapping, writing the moving item once at the end.
    private mutating func siftUp(from start: Int) {
        let moving = items[start]
        var hole = start
        while hole > 0 {
            let parent = (hole - 1) / 2
            guard moving.precedes(items[parent]) else { break }
            items[hole] = items[parent]
            hole = parent
        }
        items[hole] = moving
    }

    private mutating func siftDown(from start: Int) {
        let moving = items[start]
        var hole = start
        let count = items.count
        while true {
            var child = 2 * hole + 1
            guard child < count else { break }
            if child + 1 < count && items[child + 1].precedes(items[child]) {
                child += 1
            }
            guard items[child].precedes(moving) else { break }
            items[hole] = items[child]
            hole = child
        }
        items[hole] = moving
    }
}
