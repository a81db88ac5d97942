import AdvocateCodec

/// Reward candidates. Those tied to one event (good review, promoter, refund) are emitted when it is applied.
/// Those that join several events (referral converted, became advocate, recovered detractor) are emitted when the
/// state first satisfies their rule, which is decided by event time, not by arrival order.
extension AdvocacyModel {
    func candidate(
        _ kind: RewardCandidate.Kind,
        _ context: EventContext,
        _ aggregates: Aggregates,
        order: String? = nil,
        amount: Money? = nil,
        rating: Int? = nil
    ) -> RewardCandidate {
        RewardCandidate(
            id: kind.rawValue + ":" + context.id,
            kind: kind,
            customer: context.customer,
            trigger: context.id,
            at: Timestamp(seconds: context.at),
            referralCode: context.referralCode,
            referee: context.referee,
            order: order,
            amount: amount,
            rating: rating,
            stage: aggregates.stage(configuration).rawValue,
            referrer: context.referrer
        )
    }

    func emitDerivedCandidates(
        from before: Aggregates,
        to after: Aggregates,
        context: EventContext,
        into emission: inout Emission
    ) {
        // The referee's first purchase at or after a signup with a code. Emitted once, when the rule first holds;
        // if an earlier purchase arrives later, the emitted candidate stands and no second one is raised.
        if !before.referralConverted, after.referralConverted, let purchase = after.firstPurchase,
            let referral = after.referral
        {
            let trigger = EventContext(
                id: purchase.eventID, customer: context.customer, at: purchase.at,
                referralCode: referral.code, referee: context.customer
            )
            var converted = candidate(
                .referralConverted, trigger, after, order: purchase.order, amount: Money(units: purchase.units)
            )
            // For the reward stage's "referee not new" check: a referee known before signing up with the code.
            converted.referredAt = Timestamp(seconds: referral.at)
            converted.refereeSince = after.signupAt.map { Timestamp(seconds: $0) }
            emission.candidate(converted)
        }

        // The event that made the customer an advocate (the rules only ever turn true, so this happens once).
        if !before.qualifiesAsAdvocate(configuration), after.qualifiesAsAdvocate(configuration) {
            emission.candidate(candidate(.becameAdvocate, context, after))
        }

        emitRecoveries(from: before, to: after, context: context, into: &emission)
    }

    /// A detractor recovered: an alert was closed (answered), then the customer gave 9-10 on NPS. The promoter
    /// answer is the trigger: the first one after the close when it arrives after the reply, the latest one when
    /// the reply arrives after it.
    private func emitRecoveries(
        from before: Aggregates,
        to after: Aggregates,
        context: EventContext,
        into emission: inout Emission
    ) {
        if let score = context.promoterScore {
            let recovered = before.alerts.contains { alert in
                guard let closedAt = alert.closedAt, closedAt <= context.at else { return false }
                return before.latestPromoter.map { $0.at < closedAt } ?? true
            }
            if recovered {
                emission.candidate(candidate(.recoveredDetractor, context, after, rating: score))
            }
        }
        guard let promoter = after.latestPromoter else { return }
        for alert in after.alerts {
            guard let closedAt = alert.closedAt, closedAt <= promoter.at else { continue }
            let previous = before.alerts.first { utf8Equal($0.trigger, alert.trigger) }
            let newlyClosed = previous.map { $0.closedAt.map { $0 > closedAt } ?? true } ?? true
            guard newlyClosed else { continue }
            let trigger = EventContext(id: promoter.eventID, customer: context.customer, at: promoter.at)
            emission.candidate(candidate(.recoveredDetractor, trigger, after, rating: promoter.score))
        }
    }
}
