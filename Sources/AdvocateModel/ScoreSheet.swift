import AdvocateCodec

/// The four scores of one state at one "as of" time, with the intermediate values explanations need.
/// All decay happens here, at read time, from the integer aggregates.
struct ScoreSheet {
    static let day: Double = 86_400

    let configuration: ModelConfiguration
    let aggregates: Aggregates
    let asOf: Int64
    let orders: Aggregates.OrderSummary

    // Loyalty inputs that do not change when one purchase is left out.
    private let recency: Double
    private let tenure: Double

    // Effort parts.
    let supportPart: Double
    let onboardingPart: Double
    let contactsInWindow: Int

    // Sentiment sums: numerator and denominator of the decayed weighted mean.
    let sentimentNumerator: Double
    let sentimentDenominator: Double

    init(configuration: ModelConfiguration, aggregates: Aggregates, asOf: Int64) {
        self.configuration = configuration
        self.aggregates = aggregates
        self.asOf = asOf
        let orders = aggregates.orderSummary
        self.orders = orders

        // Gated by net purchases when combined, so that a customer refunded in full scores no recency.
        if aggregates.purchaseCount > 0 {
            recency = Math.halfLifeDecay(
                age: Double(asOf - aggregates.lastPurchaseAt) / Self.day,
                halfLife: configuration.recencyHalfLifeDays
            )
            let since = aggregates.firstPurchase?.at ?? aggregates.lastPurchaseAt
            tenure = Math.saturate(Double(asOf - since) / Self.day, scale: configuration.tenureScaleDays)
        } else {
            recency = 0
            tenure = 0
        }

        let support = Self.supportSignals(aggregates.support, asOf: asOf, configuration: configuration)
        supportPart = support.part
        contactsInWindow = support.contacts
        if let onboarding = aggregates.latestOnboarding, onboarding.value == 3 || onboarding.value == 4 {
            onboardingPart = Math.halfLifeDecay(
                age: Double(asOf - onboarding.at) / Self.day, halfLife: configuration.effortHalfLifeDays
            )
        } else {
            onboardingPart = 0
        }

        var numerator = 0.0
        var denominator = configuration.sentimentPriorWeight
        for bucket in aggregates.sentiment {
            let decay = Self.sentimentDecay(period: bucket.period, asOf: asOf, configuration: configuration)
            numerator += decay * Double(bucket.score) / 1_000_000
            denominator += decay * Double(bucket.weight) / 1_000
        }
        sentimentNumerator = numerator
        sentimentDenominator = denominator
    }

    // MARK: Loyalty

    /// `100 * (0.30 R + 0.30 F + 0.25 M + 0.15 T)`.
    var loyalty: Double {
        loyalty(netPurchases: Double(orders.netPurchases), netUnits: Double(orders.netUnits))
    }

    func loyalty(netPurchases: Double, netUnits: Double) -> Double {
        let frequency = Math.saturate(netPurchases, scale: configuration.frequencyScale)
        let monetary = Math.saturate(netUnits / Double(Money.scale), scale: configuration.monetaryScale)
        let hasPurchases = netPurchases > 0
        return 100
            * (0.30 * (hasPurchases ? recency : 0) + 0.30 * frequency + 0.25 * monetary
                + 0.15 * (hasPurchases ? tenure : 0))
    }

    // MARK: Advocacy

    /// `100 * (1 - e^(-points / advocacyScale))`.
    var advocacy: Double { advocacy(points: Double(aggregates.advocacyPoints) / 100) }

    func advocacy(points: Double) -> Double {
        100 * Math.saturate(points, scale: configuration.advocacyScale)
    }

    // MARK: Effort

    var effort: Double {
        effort(
            cesCount: aggregates.cesCount, cesSum: aggregates.cesSum, support: supportPart, onboarding: onboardingPart)
    }

    /// `100 * (1 - (1 - 0.9 ces) (1 - 0.9 support) (1 - 0.5 onboarding))`, `ces = (7 - mean CES) / 6` (0 without
    /// answers): each signal adds effort on its own, and leaving one out never raises the score.
    func effort(cesCount: Int, cesSum: Int, support: Double, onboarding: Double) -> Double {
        let ces = cesCount > 0 ? Math.clamp((7 - Double(cesSum) / Double(cesCount)) / 6, 0, 1) : 0
        let ease = (1 - 0.9 * ces) * (1 - 0.9 * Math.clamp(support, 0, 1)) * (1 - 0.5 * Math.clamp(onboarding, 0, 1))
        return 100 * Math.clamp(1 - ease, 0, 1)
    }

    /// The support part from the latest support events, decayed by the age of the newest one:
    /// `0.3 contacts-per-case + 0.2 channel-switches + 0.3 repeat-contacts + 0.2 open-cases`, each 0...1.
    static func supportSignals(
        _ window: [Aggregates.SupportMark],
        asOf: Int64,
        configuration: ModelConfiguration
    ) -> (part: Double, contacts: Int) {
        guard let newest = window.first else { return (0, 0) }
        let chronological = window.reversed()
        let contacts = chronological.filter { !$0.isResolution }
        guard !contacts.isEmpty else { return (0, 0) }

        var byCase: [UInt16: [Aggregates.SupportMark]] = [:]
        for mark in chronological { byCase[mark.caseHash, default: []].append(mark) }
        let contactCases = Set(contacts.map(\.caseHash))
        let perCase = Double(contacts.count) / Double(contactCases.count)

        var switches = 0
        var open = 0
        for (_, marks) in byCase {
            let caseContacts = marks.filter { !$0.isResolution }
            switches += zip(caseContacts, caseContacts.dropFirst()).count { $0.channel != $1.channel }
            // Resolution wins a tie in time: a case resolved in the second of its last contact is not open.
            guard let lastContact = caseContacts.last?.at else { continue }
            let resolved = marks.contains { $0.isResolution && $0.at >= lastContact }
            if !resolved && Double(asOf - lastContact) <= configuration.openCaseDays * day {
                open += 1
            }
        }
        let repeatWindow = Int64(configuration.repeatContactDays * day)
        let repeats = zip(contacts, contacts.dropFirst()).count { $1.at - $0.at <= repeatWindow }

        let part =
            0.3 * Math.clamp((perCase - 1) / 3, 0, 1)
            + 0.2 * Math.clamp(Double(switches) / 2, 0, 1)
            + 0.3 * Math.clamp(Double(repeats) / 3, 0, 1)
            + 0.2 * Math.clamp(Double(open) / 2, 0, 1)
        let decay = Math.halfLifeDecay(
            age: Double(asOf - newest.at) / day, halfLife: configuration.effortHalfLifeDays
        )
        return (part * decay, contacts.count)
    }

    // MARK: Sentiment

    /// `50 + 50 * sum(d * w * c) / (sum(d * w) + prior)` over the kept fortnights, `d` the decay of the middle of each.
    var sentiment: Double {
        Math.clamp(50 + 50 * sentimentNumerator / sentimentDenominator, 0, 100)
    }

    static func sentimentDecay(period: Int64, asOf: Int64, configuration: ModelConfiguration) -> Double {
        let middle = period * Aggregates.sentimentPeriod + Aggregates.sentimentPeriod / 2
        return Math.halfLifeDecay(age: Double(asOf - middle) / day, halfLife: configuration.sentimentHalfLifeDays)
    }
}
