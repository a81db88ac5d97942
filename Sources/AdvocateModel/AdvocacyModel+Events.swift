import AdvocateCodec

/// How each event type changes the state and what it emits directly.
extension AdvocacyModel {
    func apply(_ event: Event, to aggregates: inout Aggregates) -> [ModelOutput] {
        if case .referralConverted(let conversion) = event.body {
            return applyConversion(
                code: conversion.code, referee: conversion.referee, trigger: conversion.trigger, at: event.at,
                referrer: event.customer ?? "", to: &aggregates
            )
        }
        let before = aggregates
        let at = event.at.seconds
        let id = Text.bounded(event.id)
        var context = EventContext(id: id, customer: event.customer ?? "", at: at)
        var emission = Emission()
        aggregates.see(at)
        switch event.body {
        case .purchase(let purchase):
            applyPurchase(purchase, context, &aggregates)
        case .refund(let refund):
            applyRefund(refund, context, &aggregates, &emission)
        case .supportContact(let contact):
            let channel = Vocabulary.channelCode(contact.channel)
            let caseHash = StableHash.hash16(Text.bounded(contact.caseID))
            aggregates.recordSupport(.init(at: at, caseHash: caseHash, channel: channel))
            record(.contact, id, at: at, value: 100, detail: Int64(caseHash) << 8 | Int64(channel), to: &aggregates)
        case .caseResolved(let resolved):
            let caseHash = StableHash.hash16(Text.bounded(resolved.caseID))
            aggregates.recordSupport(.init(at: at, caseHash: caseHash, channel: 0))
        case .survey(let survey):
            if survey.kind == .nps && survey.score >= 9 { context.promoterScore = min(10, survey.score) }
            applySurvey(survey, context, &aggregates, &emission)
        case .mention(let mention):
            applyMention(mention, context, &aggregates, &emission)
        case .reply(let reply):
            aggregates.recordReply(at: at, target: StableHash.hash32(Text.bounded(reply.to)))
        case .review(let review):
            applyReview(review, context, &aggregates, &emission)
        case .referral:
            aggregates.referralsSent += 1
            aggregates.advocacyPoints = aggregates.advocacyPoints.saturatingAdd(Points.referralSent)
            record(.referralSent, id, at: at, value: Points.referralSent, to: &aggregates)
        case .signup(let signup):
            aggregates.recordSignup(at: at, referredBy: signup.referredBy.map(Text.bounded))
        case .onboarding(let onboarding):
            aggregates.recordOnboarding(at: at, status: onboarding.status.code)
            switch onboarding.status {
            case .stuck: record(.onboarding, id, at: at, value: 200, detail: 3, to: &aggregates)
            case .abandoned: record(.onboarding, id, at: at, value: 300, detail: 4, to: &aggregates)
            case .started, .completed: break
            }
        case .suggestion(let suggestion):
            let text = Text.excerpt(suggestion.text, characters: configuration.suggestionLength)
            emission.append(
                .suggestion(SuggestionRecord(eventID: id, customer: context.customer, at: event.at, text: text))
            )
        case .disruption, .referralConverted:
            break
        }
        emitAlertChanges(from: before, to: aggregates, context: context, into: &emission)
        emitDerivedCandidates(from: before, to: aggregates, context: context, into: &emission)
        return emission.outputs
    }

    func record(
        _ kind: ContributionKind,
        _ eventID: String,
        at: Int64,
        value: Int64,
        detail: Int64 = 0,
        to aggregates: inout Aggregates
    ) {
        let time: Int64 =
            switch kind.clock {
            case .none: 0
            case .exact: at
            case .period: at.floorDivided(by: Aggregates.sentimentPeriod) * Aggregates.sentimentPeriod
            }
        let contributor = Aggregates.Contributor(kind: kind, eventID: eventID, at: time, value: value, detail: detail)
        aggregates.recordContributor(contributor, sentimentHalfLife: configuration.sentimentHalfLifeDays * 86_400)
    }

    private func applyPurchase(_ purchase: Purchase, _ context: EventContext, _ aggregates: inout Aggregates) {
        let units = max(0, purchase.amount.units)
        let mark = Aggregates.PurchaseMark(
            at: context.at, eventID: context.id, order: Text.bounded(purchase.order), units: units
        )
        aggregates.recordPurchase(mark, segment: purchase.segment)
        let folded = Int64(StableHash.hash16(mark.order))
        record(.purchase, context.id, at: context.at, value: units, detail: folded, to: &aggregates)
    }

    private func applyRefund(
        _ refund: Refund,
        _ context: EventContext,
        _ aggregates: inout Aggregates,
        _ emission: inout Emission
    ) {
        let order = Text.bounded(refund.order)
        let folded = Int64(StableHash.hash16(order))
        let units = refund.amount.map { max(0, $0.units) }
        aggregates.recordRefund(order: order, units: units)
        if let units {
            record(.refund, context.id, at: context.at, value: units, detail: folded, to: &aggregates)
        } else {
            record(.wholeRefund, context.id, at: context.at, value: 0, detail: folded, to: &aggregates)
        }
        var amount = units.map { Money(units: $0) }
        if amount == nil, let slot = aggregates.orderSlot(hash: StableHash.hash32(order)), slot.purchases > 0 {
            amount = Money(units: max(0, slot.purchasedUnits - slot.refundedUnits))
        }
        emission.candidate(
            candidate(.orderRefunded, context, aggregates, order: order, amount: amount)
        )
    }

    private func applySurvey(
        _ survey: Survey,
        _ context: EventContext,
        _ aggregates: inout Aggregates,
        _ emission: inout Emission
    ) {
        let score = min(survey.kind.range.upperBound, max(survey.kind.range.lowerBound, survey.score))
        var judgment: Judgment?
        if let comment = survey.comment, !comment.isEmpty {
            let judged = judge(comment)
            judgment = judged
            observe(.commentSentiment, judged, weight: 1, context, &aggregates)
            if let reason = judged.reason {
                emission.append(.complaintTopic(reason: reason, eventID: context.id, excerpt: excerpt(comment)))
            }
        }
        switch survey.kind {
        case .nps:
            aggregates.recordNPS(eventID: context.id, at: context.at, score: score)
            if score >= 9 {
                aggregates.advocacyPoints = aggregates.advocacyPoints.saturatingAdd(Points.promoter)
                record(
                    .promoter, context.id, at: context.at, value: Points.promoter, detail: Int64(score),
                    to: &aggregates
                )
                emission.candidate(candidate(.promoter, context, aggregates, rating: score))
            } else if score <= 6 {
                let entry = Aggregates.AlertEntry(
                    trigger: context.id,
                    openedAt: context.at,
                    source: .survey,
                    reason: "detractor",
                    channel: Text.bounded(survey.channel ?? "survey"),
                    compound: Int(milli(judgment?.compound ?? 0)),
                    complaint: judgment?.complaint ?? false,
                    rating: score,
                    reach: 0,
                    excerpt: excerpt(survey.comment.flatMap { $0.isEmpty ? nil : $0 } ?? "NPS \(score)")
                )
                openAlert(entry, context, &aggregates, &emission)
            }
        case .ces:
            aggregates.recordCES(score: score)
            if score < 7 {
                record(
                    .ces, context.id, at: context.at, value: Int64(7 - score) * 100, detail: Int64(score),
                    to: &aggregates
                )
            }
        case .csat:
            break
        }
    }

    private func applyMention(
        _ mention: Mention,
        _ context: EventContext,
        _ aggregates: inout Aggregates,
        _ emission: inout Emission
    ) {
        let judged = judge(mention.text)
        let reach = max(0, mention.reach)
        let reachFactor = Math.decimalLogarithm(1 + Double(reach))
        observe(.mentionSentiment, judged, weight: 1 + reachFactor / 2, context, &aggregates)
        if !judged.complaint && judged.compound >= configuration.praiseCompound {
            aggregates.recordPraise(at: context.at)
            let points = Int64((Points.praiseBase * (1 + reachFactor)).rounded())
            aggregates.advocacyPoints = aggregates.advocacyPoints.saturatingAdd(points)
            record(.praise, context.id, at: context.at, value: points, detail: reach, to: &aggregates)
        }
        if judged.complaint || judged.compound <= configuration.negativeCompound {
            aggregates.negativeMentionCount += 1
            let entry = Aggregates.AlertEntry(
                trigger: context.id,
                openedAt: context.at,
                source: .mention,
                reason: judged.reason ?? "negative_sentiment",
                channel: Text.bounded(mention.channel),
                compound: Int(milli(judged.compound)),
                complaint: judged.complaint,
                rating: 0,
                reach: reach,
                excerpt: excerpt(mention.text)
            )
            openAlert(entry, context, &aggregates, &emission)
        }
        if let reason = judged.reason {
            emission.append(.complaintTopic(reason: reason, eventID: context.id, excerpt: excerpt(mention.text)))
        }
    }

    private func applyReview(
        _ review: Review,
        _ context: EventContext,
        _ aggregates: inout Aggregates,
        _ emission: inout Emission
    ) {
        let rating = min(5, max(1, review.rating))
        let ratingCompound = Double(rating - 3) / 2
        let reach = max(0, review.reach)
        var textJudgment: Judgment?
        if let text = review.text, !text.isEmpty { textJudgment = judge(text) }
        let combined = Judgment(
            compound: textJudgment.map { ($0.compound + ratingCompound) / 2 } ?? ratingCompound,
            complaint: textJudgment?.complaint ?? false,
            reason: textJudgment?.reason
        )
        let weight = 1.5 + Math.decimalLogarithm(1 + Double(reach)) / 2
        observe(.reviewSentiment, combined, weight: weight, context, &aggregates)
        if rating >= 4 {
            aggregates.goodReviewCount += 1
            let points = rating == 5 ? Points.fiveStarReview : Points.fourStarReview
            aggregates.advocacyPoints = aggregates.advocacyPoints.saturatingAdd(points)
            record(.goodReview, context.id, at: context.at, value: points, detail: Int64(rating), to: &aggregates)
            emission.candidate(candidate(.goodReview, context, aggregates, rating: rating))
        }
        let textNegative = textJudgment.map { $0.complaint || $0.compound <= configuration.negativeCompound } ?? false
        if rating <= 2 || (rating == 3 && textNegative) {
            let entry = Aggregates.AlertEntry(
                trigger: context.id,
                openedAt: context.at,
                source: .review,
                reason: textJudgment?.reason ?? "negative_sentiment",
                channel: Text.bounded(review.platform),
                compound: Int(milli(textJudgment?.compound ?? ratingCompound)),
                complaint: textJudgment?.complaint ?? false,
                rating: rating,
                reach: reach,
                excerpt: excerpt(review.text.flatMap { $0.isEmpty ? nil : $0 } ?? "\(rating)-star review")
            )
            openAlert(entry, context, &aggregates, &emission)
        }
        if let reason = textJudgment?.reason, let text = review.text {
            emission.append(.complaintTopic(reason: reason, eventID: context.id, excerpt: excerpt(text)))
        }
    }

    /// Judges a bounded prefix of the text; a complaint counts as at least `complaintCompound` negative.
    func judge(_ text: String) -> Judgment {
        var judged = judgment(Text.prefix(text, maxBytes: configuration.maxJudgedTextBytes))
        if judged.complaint {
            judged.compound = min(judged.compound, configuration.complaintCompound)
        }
        return judged
    }

    /// Adds a sentiment observation and offers it as a sentiment contributor.
    private func observe(
        _ kind: ContributionKind,
        _ judged: Judgment,
        weight: Double,
        _ context: EventContext,
        _ aggregates: inout Aggregates
    ) {
        let weightMilli = Int64((weight * 1_000).rounded())
        let compoundMilli = milli(judged.compound)
        aggregates.recordSentiment(at: context.at, weight: weightMilli, compound: compoundMilli)
        if compoundMilli != 0 {
            record(kind, context.id, at: context.at, value: compoundMilli, detail: weightMilli, to: &aggregates)
        }
    }

    func excerpt(_ text: String) -> String {
        Text.excerpt(text, characters: configuration.excerptLength)
    }
}

/// A compound score in thousandths.
func milli(_ compound: Double) -> Int64 {
    Int64((Math.clamp(compound, -1, 1) * 1_000).rounded())
}
