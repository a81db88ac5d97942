/// How each kind of fact enters the aggregates. Every rule here is order-independent: sums, minima and maxima by
/// a total order on content, and windows re-sorted by a total order and cut to size.
extension Aggregates {
    // MARK: Window orders

    static func orderPrecedes(_ lhs: OrderSlot, _ rhs: OrderSlot) -> Bool { lhs.hash < rhs.hash }

    static func segmentPrecedes(_ lhs: SegmentMark, _ rhs: SegmentMark) -> Bool {
        lhs.lastAt != rhs.lastAt ? lhs.lastAt > rhs.lastAt : lhs.hash < rhs.hash
    }

    static func supportPrecedes(_ lhs: SupportMark, _ rhs: SupportMark) -> Bool {
        if lhs.at != rhs.at { return lhs.at > rhs.at }
        if lhs.caseHash != rhs.caseHash { return lhs.caseHash < rhs.caseHash }
        return lhs.channel < rhs.channel
    }

    static func bucketPrecedes(_ lhs: SentimentBucket, _ rhs: SentimentBucket) -> Bool { lhs.period > rhs.period }

    static func alertPrecedes(_ lhs: AlertEntry, _ rhs: AlertEntry) -> Bool {
        lhs.openedAt != rhs.openedAt ? lhs.openedAt > rhs.openedAt : utf8Precedes(lhs.trigger, rhs.trigger)
    }

    static func replyPrecedes(_ lhs: ReplyMark, _ rhs: ReplyMark) -> Bool {
        lhs.at != rhs.at ? lhs.at > rhs.at : lhs.target < rhs.target
    }

    /// Grouped by score; within a score by rank, then newest, then id.
    static func contributorPrecedes(_ lhs: Contributor, _ rhs: Contributor, sentimentHalfLife: Double) -> Bool {
        if lhs.score != rhs.score { return lhs.score.code < rhs.score.code }
        let left = rank(lhs, sentimentHalfLife: sentimentHalfLife)
        let right = rank(rhs, sentimentHalfLife: sentimentHalfLife)
        if left != right { return left > right }
        if lhs.at != rhs.at { return lhs.at > rhs.at }
        return utf8Precedes(lhs.eventID, rhs.eventID)
    }

    /// How strongly a contributor moves its score. A function of the event alone, so the kept top few do not
    /// depend on arrival order. For sentiment, `at / halfLife + log2(impact)` orders observations exactly as their
    /// decayed impact at any common "as of" time would.
    static func rank(_ contributor: Contributor, sentimentHalfLife: Double) -> Double {
        switch contributor.kind {
        case .wholeRefund:
            return 0x1p50
        case .purchase, .refund:
            return Double(contributor.value.magnitude)
        case .mentionSentiment, .reviewSentiment, .commentSentiment:
            let impact = Double(contributor.value.magnitude) * Double(contributor.detail.magnitude)
            guard impact > 0, sentimentHalfLife > 0 else { return -Double.infinity }
            return Double(contributor.at) / sentimentHalfLife + Math.binaryLogarithm(impact)
        case .promoter, .referralSent, .referralConverted, .goodReview, .praise, .ces, .contact, .onboarding:
            return Double(contributor.value)
        }
    }

    // MARK: Recording

    /// Every applied event (and referral conversion) is seen once.
    mutating func see(_ at: Int64) {
        if eventCount == 0 {
            firstAt = at
            lastAt = at
        } else {
            firstAt = min(firstAt, at)
            lastAt = max(lastAt, at)
        }
        eventCount += 1
    }

    mutating func recordSignup(at: Int64, referredBy code: String?) {
        signupAt = min(signupAt ?? at, at)
        if let code {
            let mark = ReferralMark(at: at, code: code)
            if let current = referral {
                if mark.at < current.at || (mark.at == current.at && utf8Precedes(mark.code, current.code)) {
                    referral = mark
                }
            } else {
                referral = mark
            }
        }
    }

    mutating func recordPurchase(_ mark: PurchaseMark, segment: String?) {
        purchaseCount += 1
        purchaseUnits = purchaseUnits.saturatingAdd(mark.units)
        lastPurchaseAt = purchaseCount == 1 ? mark.at : max(lastPurchaseAt, mark.at)
        if let current = firstPurchase {
            if mark.at < current.at || (mark.at == current.at && utf8Precedes(mark.eventID, current.eventID)) {
                firstPurchase = mark
            }
        } else {
            firstPurchase = mark
        }
        recordOrder(StableHash.hash32(mark.order)) { slot in
            slot.purchases += 1
            slot.purchasedUnits = slot.purchasedUnits.saturatingAdd(mark.units)
        }
        if let segment {
            let hash = StableHash.hash32(segment)
            if let index = segments.firstIndex(where: { $0.hash == hash }) {
                segments[index].lastAt = max(segments[index].lastAt, mark.at)
            } else {
                segments.append(SegmentMark(hash: hash, lastAt: mark.at))
            }
            segments.keepFirst(Self.segmentSlots, sortedBy: Self.segmentPrecedes)
        }
    }

    /// `units` is nil for a refund of the whole order.
    mutating func recordRefund(order: String, units: Int64?) {
        refundCount += 1
        if let units {
            refundUnits = refundUnits.saturatingAdd(units)
        } else {
            wholeRefundCount += 1
        }
        recordOrder(StableHash.hash32(order)) { slot in
            if let units {
                slot.refunds += 1
                slot.refundedUnits = slot.refundedUnits.saturatingAdd(units)
            } else {
                slot.wholeRefunds += 1
            }
        }
    }

    /// The slots hold the orders with the smallest hashes ever seen, each with all of its events: an order with
    /// one of those hashes is never pushed out, so nothing of it is lost, in any order of arrival.
    private mutating func recordOrder(_ hash: UInt32, _ update: (inout OrderSlot) -> Void) {
        if let index = orders.firstIndex(where: { $0.hash == hash }) {
            update(&orders[index])
            return
        }
        var slot = OrderSlot(hash: hash)
        update(&slot)
        orders.append(slot)
        orders.keepFirst(Self.orderSlots, sortedBy: Self.orderPrecedes)
    }

    mutating func recordNPS(eventID: String, at: Int64, score: Int) {
        npsCount += 1
        if score >= 9 { promoterCount += 1 }
        if score <= 6 { detractorCount += 1 }
        latestNPS = Self.later(latestNPS, TimedValue(at: at, value: score))
        if score >= 9 {
            let mark = PromoterMark(at: at, eventID: eventID, score: score)
            if let current = latestPromoter {
                if mark.at > current.at || (mark.at == current.at && utf8Precedes(current.eventID, mark.eventID)) {
                    latestPromoter = mark
                }
            } else {
                latestPromoter = mark
            }
        }
    }

    mutating func recordCES(score: Int) {
        cesCount += 1
        cesSum += score
    }

    mutating func recordOnboarding(at: Int64, status: UInt8) {
        latestOnboarding = Self.later(latestOnboarding, TimedValue(at: at, value: Int(status)))
    }

    private static func later(_ current: TimedValue?, _ candidate: TimedValue) -> TimedValue {
        guard let current else { return candidate }
        if candidate.at != current.at { return candidate.at > current.at ? candidate : current }
        return candidate.value > current.value ? candidate : current
    }

    mutating func recordSupport(_ mark: SupportMark) {
        if mark.isResolution { resolvedCount += 1 } else { contactCount += 1 }
        support.append(mark)
        support.keepFirst(Self.supportSlots, sortedBy: Self.supportPrecedes)
    }

    /// Adds one observation to its fortnight. One older than the kept ones is dropped whole: fortnights are only
    /// ever pushed out by newer ones, so a dropped fortnight can never come back.
    mutating func recordSentiment(at: Int64, weight: Int64, compound: Int64) {
        let period = at.floorDivided(by: Self.sentimentPeriod)
        let score = weight.saturatingMultiply(compound)
        if let index = sentiment.firstIndex(where: { $0.period == period }) {
            sentiment[index].weight = sentiment[index].weight.saturatingAdd(weight)
            sentiment[index].score = sentiment[index].score.saturatingAdd(score)
        } else {
            sentiment.append(SentimentBucket(period: period, weight: weight, score: score))
            sentiment.keepFirst(Self.sentimentBuckets, sortedBy: Self.bucketPrecedes)
        }
    }

    mutating func recordPraise(at: Int64) {
        praiseCount += 1
        firstPraiseAt = praiseCount == 1 ? at : min(firstPraiseAt, at)
        lastPraiseAt = praiseCount == 1 ? at : max(lastPraiseAt, at)
    }

    /// Adds an alert trigger, closed at once by any kept reply that names it. Returns whether it is kept.
    @discardableResult
    mutating func recordAlert(_ entry: AlertEntry) -> Bool {
        var entry = entry
        let hash = entry.triggerHash
        for reply in replies where reply.target == hash {
            entry.closedAt = min(entry.closedAt ?? reply.at, reply.at)
        }
        if entry.closedAt != nil { entry.excerpt = nil }
        alerts.append(entry)
        alerts.keepFirst(Self.alertSlots, sortedBy: Self.alertPrecedes)
        return alerts.contains { utf8Equal($0.trigger, entry.trigger) }
    }

    /// Closes every kept alert the reply names (the earliest reply wins) and remembers the reply for a trigger
    /// that may still arrive.
    mutating func recordReply(at: Int64, target: UInt32) {
        for index in alerts.indices where alerts[index].triggerHash == target {
            alerts[index].closedAt = min(alerts[index].closedAt ?? at, at)
            alerts[index].excerpt = nil
        }
        replies.append(ReplyMark(at: at, target: target))
        replies.keepFirst(Self.replySlots, sortedBy: Self.replyPrecedes)
    }

    mutating func recordContributor(_ contributor: Contributor, sentimentHalfLife: Double) {
        let precedes = { (lhs: Contributor, rhs: Contributor) in
            Self.contributorPrecedes(lhs, rhs, sentimentHalfLife: sentimentHalfLife)
        }
        var same = contributors.filter { $0.score == contributor.score }
        same.append(contributor)
        same.keepFirst(Self.contributorsPerScore, sortedBy: precedes)
        contributors.removeAll { $0.score == contributor.score }
        contributors.append(contentsOf: same)
        contributors.sort(by: precedes)
    }
}

extension Int64 {
    /// Addition that stops at the bounds instead of trapping: sums of outside amounts must never crash.
    func saturatingAdd(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    func saturatingMultiply(_ other: Int64) -> Int64 {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        guard overflow else { return product }
        return (self < 0) == (other < 0) ? .max : .min
    }

    /// Division rounding towards negative infinity, so that periods before 1970 are numbered consistently.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
