import AdvocateCodec

/// Profiles: scores, ladder stage, flags and explanations, all computed when read.
extension AdvocacyModel {
    func profile(of aggregates: Aggregates, customer: String, asOf: Int64) -> CustomerProfile {
        let sheet = ScoreSheet(configuration: configuration, aggregates: aggregates, asOf: asOf)
        let scores = ScoreCard(
            loyalty: Math.tenth(sheet.loyalty),
            advocacy: Math.tenth(sheet.advocacy),
            effort: Math.tenth(sheet.effort),
            sentiment: Math.tenth(sheet.sentiment)
        )
        return CustomerProfile(
            customer: customer,
            asOf: Timestamp(seconds: asOf),
            stage: aggregates.stage(configuration),
            flags: flags(aggregates, sheet: sheet).map(\.rawValue),
            scores: scores,
            explanation: explanation(aggregates, sheet: sheet),
            openAlerts: aggregates.alerts.count { $0.closedAt == nil }
        )
    }

    func flags(_ aggregates: Aggregates, sheet: ScoreSheet) -> [CustomerFlag] {
        var flags: [CustomerFlag] = []
        let asOf = sheet.asOf
        let recent = Int64(configuration.recentComplaintDays * ScoreSheet.day)
        let unansweredComplaint = aggregates.alerts.contains {
            $0.source != .survey && $0.closedAt == nil && asOf - $0.openedAt <= recent
        }
        if (aggregates.latestNPS.map { $0.value <= 6 } ?? false) || unansweredComplaint {
            flags.append(.detractor)
        }
        if sheet.effort >= configuration.atRiskEffort || sheet.sentiment <= configuration.atRiskSentiment
            || loyaltyFalling(aggregates, sheet: sheet)
        {
            flags.append(.atRisk)
        }
        if aggregates.latestNPS.map({ $0.value >= 9 }) ?? false {
            flags.append(.promoter)
        }
        if let onboarding = aggregates.latestOnboarding, onboarding.value == 3 || onboarding.value == 4 {
            flags.append(.onboardingStuck)
        }
        return flags
    }

    /// A repeat buyer gone quiet (longer since the last purchase than `overdueFactor` times their usual interval,
    /// and at least `overdueMinimumDays`), or refunds that took back half or more of at least two purchases.
    func loyaltyFalling(_ aggregates: Aggregates, sheet: ScoreSheet) -> Bool {
        guard aggregates.purchaseCount >= 2 else { return false }
        if aggregates.refundCount >= 2 && sheet.orders.netPurchases * 2 <= aggregates.purchaseCount {
            return true
        }
        guard let first = aggregates.firstPurchase else { return false }
        let interval = Double(aggregates.lastPurchaseAt - first.at) / Double(aggregates.purchaseCount - 1)
        let gap = Double(sheet.asOf - aggregates.lastPurchaseAt)
        return gap > max(configuration.overdueMinimumDays * ScoreSheet.day, configuration.overdueFactor * interval)
    }

    // MARK: Explanations

    func explanation(_ aggregates: Aggregates, sheet: ScoreSheet) -> [ScoreContribution] {
        var lines: [ScoreContribution] = []
        for score in ScoreKind.allCases {
            var group: [ScoreContribution] = []
            for contributor in aggregates.contributors where contributor.score == score {
                let delta = Math.tenth(self.delta(of: contributor, sheet: sheet))
                guard delta != 0 else { continue }
                group.append(
                    ScoreContribution(
                        score: score,
                        eventID: contributor.eventID,
                        type: contributor.kind.eventType,
                        delta: delta,
                        reason: reason(for: contributor)
                    )
                )
            }
            group.sort {
                abs($0.delta) != abs($1.delta) ? abs($0.delta) > abs($1.delta) : utf8Precedes($0.eventID, $1.eventID)
            }
            lines += group
        }
        return lines
    }

    /// How much the score would drop (or rise) without this event, all else equal.
    func delta(of contributor: Aggregates.Contributor, sheet: ScoreSheet) -> Double {
        let aggregates = sheet.aggregates
        let net = Double(sheet.orders.netPurchases)
        let netUnits = Double(sheet.orders.netUnits)
        switch contributor.kind {
        case .purchase:
            // A purchase refunded in full is measured as if its refund had not happened, so the purchase and its
            // refund show as equal and opposite moves.
            let units = Double(contributor.value)
            let refunded =
                aggregates.orderSlot(folded: UInt16(truncatingIfNeeded: contributor.detail))?
                .isFullyRefunded ?? false
            let withIt = (net: net + (refunded ? 1 : 0), units: netUnits + (refunded ? units : 0))
            return sheet.loyalty(netPurchases: withIt.net, netUnits: withIt.units)
                - sheet.loyalty(netPurchases: max(0, withIt.net - 1), netUnits: max(0, withIt.units - units))
        case .refund, .wholeRefund:
            let slot = aggregates.orderSlot(folded: UInt16(truncatingIfNeeded: contributor.detail))
            var units = Double(contributor.value)
            var full: Bool
            if contributor.kind == .wholeRefund {
                full = true
                if let slot, slot.purchases > 0 {
                    units = Double(max(0, slot.purchasedUnits - slot.refundedUnits))
                } else {
                    units = sheet.orders.meanOrderUnits
                }
            } else if let slot, slot.purchases > 0 {
                full = slot.isFullyRefunded
            } else {
                full = units >= sheet.orders.meanOrderUnits && units > 0
            }
            return sheet.loyalty - sheet.loyalty(netPurchases: net + (full ? 1 : 0), netUnits: netUnits + units)
        case .promoter, .referralSent, .referralConverted, .goodReview, .praise:
            let points = Double(aggregates.advocacyPoints) / 100
            return sheet.advocacy - sheet.advocacy(points: max(0, points - Double(contributor.value) / 100))
        case .ces:
            let without = sheet.effort(
                cesCount: aggregates.cesCount - 1,
                cesSum: aggregates.cesSum - Int(contributor.detail),
                support: sheet.supportPart,
                onboarding: sheet.onboardingPart
            )
            return aggregates.cesCount > 0 ? sheet.effort - without : 0
        case .contact:
            let caseHash = UInt16(truncatingIfNeeded: contributor.detail >> 8)
            let channel = UInt8(truncatingIfNeeded: contributor.detail)
            let kept = aggregates.support.contains {
                $0.at == contributor.at && $0.caseHash == caseHash && $0.channel == channel
            }
            guard kept, sheet.contactsInWindow > 0 else { return 0 }
            let without = sheet.effort(
                cesCount: aggregates.cesCount, cesSum: aggregates.cesSum, support: 0, onboarding: sheet.onboardingPart
            )
            return (sheet.effort - without) / Double(sheet.contactsInWindow)
        case .onboarding:
            guard let latest = aggregates.latestOnboarding, latest.at == contributor.at,
                latest.value == Int(contributor.detail)
            else { return 0 }
            let without = sheet.effort(
                cesCount: aggregates.cesCount, cesSum: aggregates.cesSum, support: sheet.supportPart, onboarding: 0
            )
            return sheet.effort - without
        case .mentionSentiment, .reviewSentiment, .commentSentiment:
            let period = contributor.at.floorDivided(by: Aggregates.sentimentPeriod)
            guard aggregates.sentiment.contains(where: { $0.period == period }) else { return 0 }
            let decay = ScoreSheet.sentimentDecay(period: period, asOf: sheet.asOf, configuration: configuration)
            let weight = decay * Double(contributor.detail) / 1_000
            let numerator = sheet.sentimentNumerator - weight * Double(contributor.value) / 1_000
            let denominator = sheet.sentimentDenominator - weight
            guard denominator > 0 else { return sheet.sentiment - 50 }
            let without = Math.clamp(50 + 50 * numerator / denominator, 0, 100)
            return sheet.sentiment - without
        }
    }

    func reason(for contributor: Aggregates.Contributor) -> String {
        switch contributor.kind {
        case .purchase:
            return "purchase of \(Text.money(contributor.value))"
        case .refund:
            return "refund of \(Text.money(contributor.value))"
        case .wholeRefund:
            return "refund of a whole order"
        case .promoter:
            return "NPS \(contributor.detail) (promoter)"
        case .referralSent:
            return "referred a friend"
        case .referralConverted:
            return "a referred friend made a first purchase"
        case .goodReview:
            return "\(contributor.detail)-star review"
        case .praise:
            return "praise in public, reach \(contributor.detail)"
        case .ces:
            return "CES \(contributor.detail) of 7"
        case .contact:
            let channel = Vocabulary.channelName(UInt8(truncatingIfNeeded: contributor.detail))
            return channel.map { "support contact by \($0)" } ?? "support contact"
        case .onboarding:
            return contributor.detail == 4 ? "abandoned onboarding" : "stuck in onboarding"
        case .mentionSentiment, .reviewSentiment, .commentSentiment:
            let tone = contributor.value < 0 ? "negative" : "positive"
            let what =
                switch contributor.kind {
                case .mentionSentiment: "mention"
                case .reviewSentiment: "review"
                default: "survey comment"
                }
            return "\(tone) \(what) (\(Text.compound(contributor.value)))"
        }
    }

    // MARK: Disruptions

    func segmentAffected(_ disruption: Disruption, at: Int64, aggregates: Aggregates) -> Bool {
        guard let segment = disruption.segment else { return false }
        let hash = StableHash.hash32(segment)
        return aggregates.segments.contains { $0.hash == hash && $0.lastAt <= at }
    }

    func notice(for event: Event, customer: String, aggregates: Aggregates) -> NoticeRecord? {
        guard case .disruption(let disruption) = event.body else { return nil }
        let named = disruption.customers.contains { utf8Equal($0, customer) }
        let bySegment = segmentAffected(disruption, at: event.at.seconds, aggregates: aggregates)
        guard named || bySegment else { return nil }
        return NoticeRecord(
            id: "notice:" + event.id + ":" + customer,
            disruption: event.id,
            customer: customer,
            at: event.at,
            what: Text.excerpt(disruption.what, characters: configuration.suggestionLength),
            segment: bySegment ? disruption.segment : nil,
            named: named
        )
    }
}
