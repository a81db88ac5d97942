/// Facts derived from the aggregates when reading: net purchases, the ladder, the referral rule.
extension Aggregates {
    /// Purchases and spend net of refunds.
    struct OrderSummary: Sendable, Hashable {
        /// Purchases that were not refunded in full.
        var netPurchases: Int
        /// Spend minus refunds, in `Money` units, never below zero.
        var netUnits: Int64
        /// The mean purchase, in units (0 without purchases).
        var meanOrderUnits: Double
    }

    /// Orders in the slots are netted exactly. For the others (customers with more orders than slots) a refund
    /// without amount counts as one full refund of a mean order, and refunds with amounts count as full refunds
    /// in proportion to their value over the mean order.
    var orderSummary: OrderSummary {
        let mean = purchaseCount > 0 ? Double(purchaseUnits) / Double(purchaseCount) : 0
        var fullRefunds = 0
        var slotRefunds = 0
        var slotRefundedUnits: Int64 = 0
        var slotWholeRefunds = 0
        var wholeValue: Double = 0
        for slot in orders {
            if slot.isFullyRefunded { fullRefunds += slot.purchases }
            slotRefunds += slot.refunds
            slotRefundedUnits = slotRefundedUnits.saturatingAdd(slot.refundedUnits)
            slotWholeRefunds += slot.wholeRefunds
            if slot.wholeRefunds > 0 {
                wholeValue += Double(max(0, slot.purchasedUnits - slot.refundedUnits))
            }
        }
        let outsideWhole = max(0, wholeRefundCount - slotWholeRefunds)
        let outsideWithAmount = max(0, refundCount - wholeRefundCount - slotRefunds)
        let outsideUnits = max(0, refundUnits - slotRefundedUnits)
        fullRefunds += outsideWhole
        if mean > 0, outsideWithAmount > 0 {
            let equivalent = (Double(outsideUnits) / mean).rounded()
            fullRefunds += min(outsideWithAmount, Int(min(equivalent, Double(Int32.max))))
        }
        wholeValue += Double(outsideWhole) * mean
        let net = Double(purchaseUnits) - Double(refundUnits) - wholeValue
        return OrderSummary(
            netPurchases: max(0, purchaseCount - fullRefunds),
            netUnits: net > 0 ? Int64(min(net, Double(Int64.max / 2))) : 0,
            meanOrderUnits: mean
        )
    }

    /// The referral converted: the customer signed up with a code and bought for the first time at or after that
    /// signup. A customer who was already buying before signing up with a code was not brought by the referrer.
    var referralConverted: Bool {
        guard let referral, let firstPurchase else { return false }
        return firstPurchase.at >= referral.at
    }

    /// The advocate rules. Each one only ever turns from false to true as events are added, so a customer becomes
    /// an advocate exactly once, whatever the order of arrival.
    func qualifiesAsAdvocate(_ configuration: ModelConfiguration) -> Bool {
        if referralsConverted > 0 { return true }
        if (promoterCount > 0 || referralsSent > 0) && purchaseCount >= 2 { return true }
        return praiseCount >= configuration.sustainedPraiseCount
            && Double(lastPraiseAt - firstPraiseAt) >= configuration.sustainedPraiseDays * 86_400
    }

    func stage(_ configuration: ModelConfiguration) -> LadderStage {
        if qualifiesAsAdvocate(configuration) { return .advocate }
        let net = orderSummary.netPurchases
        if net >= 2 { return .client }
        if net == 1 { return .customer }
        if signupAt != nil || purchaseCount > 0 { return .prospect }
        return .suspect
    }

    /// The slot of an order, if it is tracked.
    func orderSlot(hash: UInt32) -> OrderSlot? {
        orders.first { $0.hash == hash }
    }

    /// The slot of an order named by its folded hash (as contributors keep it), if it is tracked.
    func orderSlot(folded: UInt16) -> OrderSlot? {
        orders.first { StableHash.fold($0.hash) == folded }
    }
}
