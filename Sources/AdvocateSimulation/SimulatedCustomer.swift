/// Where a customer is in their life with the brand; decides what their `main` agenda item does.
enum CustomerPhase: UInt8, Sendable {
    /// Not arrived yet.
    case waiting
    /// Arrived through a referral: the referrer's `referral` event comes first.
    case referred
    case signup
    case onboarding
    case active
    /// Gave up or drifted away; wakes up rarely.
    case dormant
}

/// Where the customer is within the current onboarding step.
enum OnboardingProgress: UInt8, Sendable {
    case fresh
    /// Reported stuck; will complete the step or give up.
    case stuck
    /// Started and about to walk away.
    case leaving
}

/// Why a customer contacts support; steers the texts they write while the case is open.
enum CareTopic: UInt8, Sendable, CaseIterable {
    case none
    case booking
    case lostBag
    case delivery
    case refund
    case billing
    case account
    case disruption
    case waiting
}

/// The step the customer's support case takes next.
enum CareStage: UInt8, Sendable {
    case idle
    /// A case opened by something else (a stuck onboarding step, a late refund, a disruption).
    case open
    case contact
    case resolve
    case survey
}

/// The step the reply slot takes next.
enum ReplyStage: UInt8, Sendable {
    case idle
    /// The company answers the customer's mention.
    case reply
    /// The customer thanks the company in public after a helpful reply.
    case thanks
}

/// How a planted suspicious referral looks.
enum FraudKind: UInt8, Sendable {
    case none
    /// The referee signs up with the referrer's own e-mail address, phone or card.
    case selfReferral
    /// One of many referees one referrer brought in a single day; a throwaway account.
    case burst
}

/// The simulator's state for one customer: small, fixed-size, with no history.
///
/// Memory is one of these per customer, whatever the length of the stream.
struct SimulatedCustomer: Sendable {
    var phase: CustomerPhase = .waiting
    var market: UInt8 = 0
    var home: UInt8 = 0
    var fraud: FraudKind = .none
    var onboardingStep: UInt8 = 0
    var onboardingSteps: UInt8 = 2
    var onboardingProgress: OnboardingProgress = .fresh
    var signedUp = false
    /// Born a promoter: likely to refer friends once they have bought something.
    var advocateTrait = false
    /// Joined the advocates (and maybe left again, with no referrals left to make).
    var becameAdvocate = false
    var inAdvocatePool = false
    /// Friends the advocate is still willing to refer.
    var referralBudget: UInt8 = 0
    var referrer: Int32 = -1

    /// How the customer feels about the brand, -1 (furious) to 1 (delighted).
    var mood: Double = 0
    /// The mood the customer drifts back to when nothing happens: their temperament.
    var baseline: Double = 0
    /// Signed up to look around; buys only rarely.
    var browser = false
    /// How often they act, relative to the average customer.
    var activity: Double = 1
    /// How likely they are to buy again.
    var loyalty: Double = 1
    var purchases: Int32 = 0
    /// Up to four catalog indices the customer buys from, packed 16 bits each; 0xFFFF is empty.
    var favorites: UInt64 = .max

    var lastOrder: Int32 = -1
    var lastOrderUnits: Int64 = 0
    var lastItem: Int32 = -1

    var care: CareStage = .idle
    var careTopic: CareTopic = .none
    var caseNumber: Int32 = -1
    var caseContacts: UInt8 = 0
    var contactsLeft: UInt8 = 0
    var caseSwitches: UInt8 = 0
    var caseChannel: UInt8 = 0

    var reply: ReplyStage = .idle
    var replyMention: Int32 = -1
    var replyChannel: UInt8 = 0
    var replyToComplaint = false

    var refundPending = false
    var refundOrder: Int32 = -1
    var refundUnits: Int64 = 0
    var refundItem: Int32 = -1

    /// Something that went wrong and that the customer may still talk about.
    var grievance: CareTopic = .none
    var grievanceAt: Int64 = 0
    var disruptedItem: Int32 = -1
    var disruptedAt: Int64 = 0

    /// How many favorites are kept (0 to 4); they fill the low 16-bit lanes first.
    var favoriteCount: Int {
        var count = 0
        while count < 4 && (favorites >> (16 * UInt64(count))) & 0xFFFF != 0xFFFF { count += 1 }
        return count
    }

    /// The catalog index of favorite `position`, 0 being the most recent.
    func favorite(_ position: Int) -> Int {
        precondition(position >= 0 && position < favoriteCount, "favorite \(position) out of range")
        return Int((favorites >> (16 * UInt64(position))) & 0xFFFF)
    }

    /// Makes `item` the most recent favorite, dropping the oldest when four are kept.
    mutating func remember(item: Int) {
        precondition(item >= 0 && item < 0xFFFF, "catalog index \(item) out of range")
        var packed = favorites
        // Remove the item if already kept, closing the gap; lanes above it shift down by one.
        for lane in 0..<4 where (packed >> (16 * UInt64(lane))) & 0xFFFF == UInt64(item) {
            let shift = 16 * UInt64(lane)
            let below = shift == 0 ? 0 : packed & ((1 << shift) - 1)
            let above =
                shift == 48 ? UInt64(0xFFFF) << 48 : ((packed >> (shift + 16)) << shift) | (UInt64(0xFFFF) << 48)
            packed = above | below
            break
        }
        favorites = (packed << 16) | UInt64(item)
    }

    /// Counts one more contact on the open case; the count stops at 255 rather than wrap around.
    mutating func countContact() {
        if caseContacts < .max { caseContacts += 1 }
    }

    /// Counts one more channel switch on the open case, stopping at 255.
    mutating func countSwitch() {
        if caseSwitches < .max { caseSwitches += 1 }
    }

    /// Nudges the mood, keeping it within -1...1; advocates shrug off half of every setback.
    mutating func feel(_ delta: Double) {
        let applied = delta < 0 && advocateTrait ? delta / 2 : delta
        mood = Swift.min(1, Swift.max(-1, mood + applied))
    }
}
