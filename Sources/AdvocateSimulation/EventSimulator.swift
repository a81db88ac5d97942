import AdvocateCodec

/// A seeded, streaming generator of a realistic Advocate event stream.
///
/// It is a discrete-event simulation of a fictional travel-and-goods company, Wanderlark: customers
/// arrive (some referred by advocates), onboard, buy, ask for refunds, contact support, answer surveys,
/// post in public, review, suggest, and live through disruptions. Each customer holds at most one queued
/// item per kind of follow-up (own next step, support case, reply, refund), kept in a min-heap by event
/// time, so memory grows with the number of customers and never with the number of events.
///
/// The stream is a pure function of the options: the generator is our own xoshiro256**, time is
/// integer seconds, and the few transcendental functions are computed from exactly rounded operations,
/// so the same options give the same events, byte for byte, on every machine.
public struct EventSimulator: Sequence, IteratorProtocol, Sendable {
    /// The options the stream was made from.
    public let options: SimulationOptions

    var rng: RandomSource
    var agenda: Agenda
    var customers: [SimulatedCustomer]
    let contacts: ContactBook
    let timing: SimulationTiming
    /// `s42-p-` and the like, indexed by `EventType.code`.
    private let idPrefixes: [String]
    private var typeCounters: [Int]
    var orderCounter = 0
    var caseCounter = 0
    /// Customers whose arrival has been decided; indices below this have arrived, in order.
    var arrivedCount = 0
    /// Advocates with referrals left to make.
    var advocatePool: [Int32] = []
    /// Recent buyers of each catalog item, for disruptions; each ring holds at most `buyerRingSize`.
    var recentBuyers: [[Int32]]
    var recentBuyersNext: [Int]
    var purchaseCounts: [Int]
    var plantedBurst = false
    var plantedSelfReferral = false
    private var pendingDuplicates: [PendingDuplicate] = []
    private var emitted = 0

    /// How many events the simulator has yielded so far.
    public var emittedCount: Int { emitted }

    /// Items waiting in the simulator: scheduled steps plus held duplicates. Bounded by about
    /// `4 * customers + 26`, whatever the number of events; exposed so tests can check it.
    public var queuedItemCount: Int { agenda.count + pendingDuplicates.count }

    /// The highest ``queuedItemCount`` seen so far.
    public private(set) var peakQueuedItemCount = 0

    static let buyerRingSize = 64
    static let maxPendingDuplicates = 24
    static let maxDuplicateDelay = 16

    /// Prepares a stream.
    ///
    /// - Parameter options: what to simulate.
    /// - Throws: ``SimulationOptionsError`` when the options make no sense.
    public init(options: SimulationOptions) throws(SimulationOptionsError) {
        try options.validate()
        self.options = options
        rng = RandomSource(seed: options.seed)
        customers = [SimulatedCustomer](repeating: SimulatedCustomer(), count: options.customers)
        agenda = Agenda(capacity: Swift.min(4 * options.customers + 2, 1 << 20))
        contacts = ContactBook(seed: options.seed)
        timing = SimulationTiming(options: options)
        var prefixes = [String](repeating: "", count: 16)
        for type in EventType.allCases {
            prefixes[Int(type.code)] = "s\(options.seed)-" + EventSimulator.letter(of: type) + "-"
        }
        idPrefixes = prefixes
        typeCounters = [Int](repeating: 0, count: 16)
        let itemCount = Catalog.shared.items.count
        recentBuyers = [[Int32]](repeating: [], count: itemCount)
        recentBuyersNext = [Int](repeating: 0, count: itemCount)
        purchaseCounts = [Int](repeating: 0, count: itemCount)
        let startSeconds = options.start.seconds
        agenda.schedule(at: startSeconds, owner: -1, slot: .arrival)
        agenda.schedule(
            at: startSeconds + seconds(rng.exponential(mean: timing.disruptionGap)), owner: -1, slot: .disruption)
    }

    /// The next event, or `nil` after ``SimulationOptions/events`` events.
    public mutating func next() -> Event? {
        guard emitted < options.events else { return nil }
        if let duplicate = takeDueDuplicate() {
            emitted += 1
            return duplicate
        }
        while let item = agenda.popEarliest() {
            let event = run(item)
            peakQueuedItemCount = Swift.max(peakQueuedItemCount, queuedItemCount)
            if let event {
                emitted += 1
                holdDuplicate(of: event)
                return event
            }
        }
        // Unreachable: the arrival process runs until every customer has arrived, and an arrived
        // customer always holds a queued step of their own.
        return nil
    }

    /// The events still to come, at least.
    public var underestimatedCount: Int { options.events - emitted }

    private mutating func run(_ item: AgendaItem) -> Event? {
        let now = item.time
        let owner = Int(item.owner)
        switch item.slot {
        case .arrival:
            runArrival(now)
            return nil
        case .disruption: return runDisruption(now)
        case .main: return runMain(owner, now)
        case .care: return runCare(owner, now)
        case .reply: return runReply(owner, now)
        case .refund: return runRefund(owner, now)
        }
    }

    // MARK: Building events

    /// A new event id: `s42-p-000001` (seed, a letter per type, the type's running number).
    mutating func nextID(_ type: EventType) -> String {
        let code = Int(type.code)
        typeCounters[code] += 1
        return idPrefixes[code] + IdentifierFormat.padded(typeCounters[code])
    }

    /// The running number the next event of `type` will get.
    func upcomingNumber(_ type: EventType) -> Int {
        typeCounters[Int(type.code)] + 1
    }

    /// The id the event of `type` with running number `number` has or will have.
    func eventID(_ type: EventType, number: Int) -> String {
        idPrefixes[Int(type.code)] + IdentifierFormat.padded(number)
    }

    mutating func makeEvent(_ body: EventBody, customer: Int?, at time: Int64) -> Event {
        Event(
            id: nextID(body.type),
            customer: customer.map(IdentifierFormat.customer),
            at: Timestamp(seconds: time),
            source: EventSimulator.source(of: body.type),
            body: body
        )
    }

    static func letter(of type: EventType) -> String {
        switch type {
        case .purchase: "p"
        case .refund: "r"
        case .supportContact: "s"
        case .caseResolved: "k"
        case .survey: "v"
        case .mention: "m"
        case .reply: "a"
        case .review: "w"
        case .referral: "f"
        case .signup: "g"
        case .onboarding: "o"
        case .disruption: "d"
        case .suggestion: "x"
        case .referralConverted: "c"
        }
    }

    /// The upstream system that would have sent the event.
    static func source(of type: EventType) -> String {
        switch type {
        case .purchase, .refund: "shop"
        case .supportContact, .caseResolved: "helpdesk"
        case .survey: "surveys"
        case .mention, .reply: "social-desk"
        case .review: "reviews"
        case .referral, .signup, .onboarding: "accounts"
        case .disruption: "operations"
        case .suggestion: "ideas-board"
        case .referralConverted: "advocate"
        }
    }

    func orderID(_ number: Int32) -> String { "o-" + IdentifierFormat.padded(Int(number)) }
    func caseID(_ number: Int32) -> String { "k-" + IdentifierFormat.padded(Int(number)) }

    /// The text context of the customer at `index`, about `item` (their last item by default).
    func context(of index: Int, item: Int? = nil) -> TextContext {
        let customer = customers[index]
        let catalog = Catalog.shared
        let fallback = customer.favoriteCount > 0 ? customer.favorite(0) : 0
        let chosen = item ?? (customer.lastItem >= 0 ? Int(customer.lastItem) : fallback)
        let order = customer.lastOrder >= 0 ? orderID(customer.lastOrder) : nil
        return TextContext(item: catalog.items[chosen], order: order, home: Int(customer.home))
    }

    // MARK: Time

    /// A delay in whole seconds, log-normal around `median`, clamped to `low...high` seconds.
    mutating func delay(median: Double, sigma: Double, low: Double, high: Double) -> Int64 {
        seconds(Swift.min(high, Swift.max(low, rng.logNormal(median: median, sigma: sigma))))
    }

    /// Whole seconds, at least one, so a follow-up never shares its cause's second.
    func seconds(_ value: Double) -> Int64 {
        Int64(Swift.max(1, Swift.min(value, 1e10)))
    }

    /// Moves most night-time (00:00-06:59 UTC) actions to the morning: people sleep.
    mutating func daytime(_ time: Int64) -> Int64 {
        let secondOfDay = time % 86_400
        guard secondOfDay < 7 * 3_600, rng.chance(0.8) else { return time }
        return time - secondOfDay + 7 * 3_600 + Int64(rng.below(3 * 3_600))
    }

    // MARK: Duplicates

    private struct PendingDuplicate: Sendable {
        var due: Int
        var event: Event
    }

    private mutating func holdDuplicate(of event: Event) {
        guard timing.duplicateProbability > 0, pendingDuplicates.count < EventSimulator.maxPendingDuplicates,
            rng.chance(timing.duplicateProbability)
        else { return }
        let due = emitted + rng.int(in: 1...EventSimulator.maxDuplicateDelay)
        pendingDuplicates.append(PendingDuplicate(due: due, event: event))
    }

    private mutating func takeDueDuplicate() -> Event? {
        guard !pendingDuplicates.isEmpty else { return nil }
        var chosen: Int?
        for index in pendingDuplicates.indices where pendingDuplicates[index].due <= emitted {
            if let best = chosen, pendingDuplicates[best].due <= pendingDuplicates[index].due { continue }
            chosen = index
        }
        guard let chosen else { return nil }
        return pendingDuplicates.remove(at: chosen).event
    }
}
