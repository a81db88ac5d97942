import AdvocateCodec

/// What an active customer does next: buy, contact support, answer a survey, post, review, suggest,
/// refer, or nothing for a while.
extension EventSimulator {
    static let mentionChannels = ["twitter", "facebook", "instagram", "reddit", "tiktok", "forum"]
    static let mentionChannelWeights = WeightTable([0.42, 0.16, 0.16, 0.08, 0.08, 0.10])
    static let reviewPlatforms = ["trustpilot", "google", "tripadvisor", "app-store"]
    static let reviewPlatformWeights = WeightTable([0.45, 0.30, 0.15, 0.10])
    static let newItemKinds = WeightTable([0.55, 0.14, 0.10, 0.21])
    /// What people complain about when nothing in particular went wrong for them.
    static let everydayComplaints: [CareTopic] = [
        .waiting, .waiting, .booking, .billing, .account, .delivery, .lostBag,
    ]

    /// One action of an active customer, then their next step is queued.
    mutating func act(_ index: Int, _ now: Int64) -> Event? {
        let customer = customers[index]
        if customer.fraud == .burst {
            // Throwaway accounts: perhaps one cheap purchase to look real, then silence.
            let event = customer.purchases == 0 && rng.chance(0.4) ? purchase(index, now, cheap: true) : nil
            goDormant(index, now)
            return event
        }
        // Feelings fade: the mood drifts back towards the customer's temperament.
        customers[index].mood += 0.08 * (customer.baseline - customer.mood)
        let bought = customer.purchases > 0
        let troubled = recentlyDisrupted(index, now) || hasGrievance(index, now)
        // Relative weights of the actions; the mix of the whole stream follows from them.
        let purchaseWeight = bought ? 35 * customer.loyalty : customer.browser ? 1.5 : 50
        let supportWeight = 4.6 * (troubled ? 2.5 : 1) * (customer.mood < -0.2 ? 1.4 : 1)
        let surveyWeight = bought ? 6.5 : 1.5
        let mentionWeight = 8.2 * (troubled ? 1.8 : 1)
        let reviewWeight = bought ? 4.5 : 0.3
        let suggestionWeight = 1.3
        let referralWeight = customer.inAdvocatePool ? 1.5 : 0
        let idleWeight = customer.browser && !bought ? 12.0 : 5.0
        var roll =
            rng.unit()
            * (purchaseWeight + supportWeight + surveyWeight + mentionWeight + reviewWeight + suggestionWeight
                + referralWeight + idleWeight)
        let event: Event?
        if roll < purchaseWeight {
            event = purchase(index, now, cheap: false)
        } else if (roll - purchaseWeight) < supportWeight {
            event = contactSupport(index, now)
        } else {
            roll -= purchaseWeight + supportWeight
            if roll < surveyWeight {
                event = survey(index, now)
            } else if roll - surveyWeight < mentionWeight {
                event = mention(index, now)
            } else {
                roll -= surveyWeight + mentionWeight
                if roll < reviewWeight {
                    event = review(index, now)
                } else if roll - reviewWeight < suggestionWeight {
                    event = suggestion(index, now)
                } else if roll - reviewWeight - suggestionWeight < referralWeight {
                    event = openReferral(index, now)
                } else {
                    event = nil
                }
            }
        }
        let mood = customers[index].mood
        if rng.chance(mood < -0.5 ? 0.12 : 0.006) {
            goDormant(index, now)
        } else {
            let gap = rng.exponential(mean: timing.actionGap / customers[index].activity)
            agenda.schedule(at: daytime(now + seconds(gap)), owner: Int32(index), slot: .main)
        }
        return event
    }

    func recentlyDisrupted(_ index: Int, _ now: Int64) -> Bool {
        customers[index].disruptedItem >= 0 && now - customers[index].disruptedAt < 5 * 86_400
    }

    func hasGrievance(_ index: Int, _ now: Int64) -> Bool {
        customers[index].grievance != .none && now - customers[index].grievanceAt < 10 * 86_400
    }

    /// A catalog item the customer has not necessarily bought before: a flight from home, a stay, a
    /// tour, or goods.
    mutating func newItem(for index: Int) -> Int {
        let catalog = Catalog.shared
        let home = Int(customers[index].home)
        switch EventSimulator.newItemKinds.draw(&rng) {
        case 0: return catalog.randomRoute(from: home, &rng)
        case 1: return rng.pick(catalog.stays)
        case 2: return rng.pick(catalog.tours)
        default: return rng.pick(catalog.products)
        }
    }

    /// The price of `item` in the customer's currency, in `Money` units.
    private mutating func price(of item: CatalogItem, market: Market, cheap: Bool) -> Int64 {
        var cents =
            Double(item.lowCents)
            * DeterministicMath.exp(
                rng.unit() * DeterministicMath.log(Double(item.highCents) / Double(item.lowCents)))
        if cheap { cents = Double(item.lowCents) }
        if item.kind == .route && !cheap && rng.chance(0.06) { cents *= 3.2 }  // business class
        var local = Int64(cents * market.rateFromEuro)
        let granularity = Int64(market.granularityCents)
        local = Swift.max(granularity, local / granularity * granularity)
        if item.kind == .product && granularity == 1 {
            local = local / 100 * 100 + 99  // shelf prices end in .99
        }
        return local * (Money.scale / 100)
    }

    /// A purchase: mostly from the customer's favorites, sometimes something new. It may later be
    /// refunded, lose a bag or arrive late.
    mutating func purchase(_ index: Int, _ now: Int64, cheap: Bool) -> Event {
        let catalog = Catalog.shared
        let favorites = customers[index].favoriteCount
        let itemIndex: Int
        if cheap {
            itemIndex = rng.pick(catalog.products)
        } else if favorites > 0 && rng.chance(0.65) {
            itemIndex = customers[index].favorite(rng.below(favorites))
        } else {
            itemIndex = newItem(for: index)
        }
        let item = catalog.items[itemIndex]
        let market = catalog.markets[Int(customers[index].market)]
        let units = price(of: item, market: market, cheap: cheap)
        orderCounter += 1
        let order = Int32(truncatingIfNeeded: orderCounter)
        customers[index].remember(item: itemIndex)
        customers[index].purchases += 1
        customers[index].lastOrder = order
        customers[index].lastOrderUnits = units
        customers[index].lastItem = Int32(itemIndex)
        customers[index].feel(0.01)
        recordBuyer(index, of: itemIndex)
        if customers[index].advocateTrait {
            joinAdvocatePool(index, referrals: rng.int(in: 1...4))
        }
        if !cheap { planAftermath(of: index, item: itemIndex, now) }
        let body = Purchase(
            order: orderID(order), amount: Money(units: units), currency: market.currency,
            segment: item.segment)
        return makeEvent(.purchase(body), customer: index, at: now)
    }

    /// What may follow a purchase: a refund request, a lost bag, a late parcel.
    private mutating func planAftermath(of index: Int, item: Int, _ now: Int64) {
        let customer = customers[index]
        let kind = Catalog.shared.items[item].kind
        var refundChance = 0.06
        if customer.mood < -0.3 { refundChance += 0.08 }
        if customer.disruptedItem == Int32(item) { refundChance += 0.25 }
        if !customer.refundPending && rng.chance(refundChance) {
            let wait = delay(median: 4 * 86_400, sigma: 0.8, low: 3_600, high: 30 * 86_400)
            customers[index].refundPending = true
            customers[index].refundOrder = customers[index].lastOrder
            customers[index].refundUnits = customers[index].lastOrderUnits
            customers[index].refundItem = Int32(item)
            agenda.schedule(at: now + wait, owner: Int32(index), slot: .refund)
            if wait > 6 * 86_400 && customer.care == .idle && rng.chance(0.45) {
                openCaseLater(index, topic: .refund, at: now + wait * 6 / 10)
            }
            return
        }
        let problem: CareTopic = kind == .route ? .lostBag : kind == .product ? .delivery : .booking
        if rng.chance(kind == .route ? 0.03 : 0.04) {
            let noticed = now + delay(median: 2 * 86_400, sigma: 0.7, low: 3_600, high: 9 * 86_400)
            customers[index].grievance = problem
            customers[index].grievanceAt = noticed
            customers[index].feel(-0.1)
            if customer.care == .idle && rng.chance(0.6) {
                openCaseLater(index, topic: problem, at: noticed)
            }
        }
    }

    /// The customer becomes an advocate willing to refer `referrals` friends; once in a lifetime.
    mutating func joinAdvocatePool(_ index: Int, referrals: Int) {
        guard !customers[index].becameAdvocate else { return }
        customers[index].becameAdvocate = true
        customers[index].inAdvocatePool = true
        customers[index].referralBudget = UInt8(referrals)
        advocatePool.append(Int32(index))
    }

    /// Remembers that the customer bought `item`, so a disruption of it can reach them.
    private mutating func recordBuyer(_ index: Int, of item: Int) {
        purchaseCounts[item] += 1
        if recentBuyers[item].count < EventSimulator.buyerRingSize {
            recentBuyers[item].append(Int32(index))
        } else {
            recentBuyers[item][recentBuyersNext[item]] = Int32(index)
            recentBuyersNext[item] = (recentBuyersNext[item] + 1) % EventSimulator.buyerRingSize
        }
    }

    /// An NPS or CSAT answer that follows the customer's mood; promoters may start referring.
    private mutating func survey(_ index: Int, _ now: Int64) -> Event {
        let mood = customers[index].mood
        // A problem still open weighs on the answer more than the mood alone says.
        let trouble = hasGrievance(index, now) || recentlyDisrupted(index, now) ? 1.0 : 0.0
        let kind: SurveyKind = rng.chance(0.7) ? .nps : .csat
        let score: Int
        switch kind {
        case .nps: score = clampedScore(6.8 + 5 * mood - 1.5 * trouble + 1.0 * rng.normal(), kind)
        default: score = clampedScore(3.7 + 1.5 * mood - 0.6 * trouble + 0.6 * rng.normal(), kind)
        }
        if kind == .nps && score >= 9 && customers[index].purchases > 0
            && (customers[index].advocateTrait || (customers[index].purchases >= 2 && rng.chance(0.08)))
        {
            joinAdvocatePool(index, referrals: rng.int(in: 1...3))
        }
        return surveyEvent(index, now, kind: kind, score: score, channel: nil)
    }

    /// A rounded score clamped to the survey's scale.
    func clampedScore(_ value: Double, _ kind: SurveyKind) -> Int {
        let range = kind.range
        let rounded = Int(value.rounded())
        return Swift.min(range.upperBound, Swift.max(range.lowerBound, rounded))
    }

    /// A survey event, with a comment in tune with the score about half the time.
    mutating func surveyEvent(_ index: Int, _ now: Int64, kind: SurveyKind, score: Int, channel: String?) -> Event {
        var comment: String?
        if rng.chance(0.45) {
            let range = kind.range
            let position = Double(score - range.lowerBound) / Double(range.upperBound - range.lowerBound)
            comment = Phrasebook.surveyComment(position: position, context(of: index), &rng)
        }
        let body = Survey(kind: kind, score: score, comment: comment, channel: channel)
        return makeEvent(.survey(body), customer: index, at: now)
    }

    /// A public post. Unhappy customers and those with a problem complain; the company answers many
    /// complaints, some questions and a little praise.
    private mutating func mention(_ index: Int, _ now: Int64) -> Event {
        let customer = customers[index]
        var topic = CareTopic.none
        if hasGrievance(index, now) {
            topic = customer.grievance
        } else if recentlyDisrupted(index, now) {
            topic = .disruption
        } else if customer.care != .idle {
            topic = customer.careTopic
        } else if customer.refundPending {
            topic = .refund
        }
        var itemIndex: Int?
        if topic == .disruption && customer.disruptedItem >= 0 { itemIndex = Int(customer.disruptedItem) }
        if topic == .refund && customer.refundItem >= 0 { itemIndex = Int(customer.refundItem) }
        let textContext = context(of: index, item: itemIndex)
        let complaintChance = Swift.min(
            0.92, Swift.max(0.03, 0.38 - 0.7 * customer.mood + (topic == .none ? 0 : 0.25)))
        let text: String
        let replyChance: Double
        var complaint = false
        if rng.chance(complaintChance) {
            complaint = true
            if topic == .none {
                topic = rng.pick(EventSimulator.everydayComplaints)
            }
            let negativeWords = rng.chance(customer.mood < -0.5 ? 0.65 : 0.45)
            text = Phrasebook.complaintMention(topic, negativeWords: negativeWords, textContext, &rng)
            replyChance = 0.72
        } else {
            let roll = rng.unit()
            let praiseShare = Swift.min(0.85, Swift.max(0.05, 0.25 + 0.55 * customer.mood))
            if roll < praiseShare {
                text = Phrasebook.praiseMention(textContext, &rng)
                replyChance = 0.08
            } else if roll < praiseShare + (1 - praiseShare) * 0.35 {
                text = Phrasebook.questionMention(textContext, &rng)
                replyChance = 0.4
            } else {
                text = Phrasebook.neutralMention(textContext, &rng)
                replyChance = 0.02
            }
        }
        let channelIndex = EventSimulator.mentionChannelWeights.draw(&rng)
        let number = upcomingNumber(.mention)
        if customers[index].reply == .idle && rng.chance(replyChance) {
            let wait =
                complaint
                ? delay(median: 40 * 60, sigma: 1.1, low: 120, high: 36 * 3_600)
                : delay(median: 2 * 3_600, sigma: 1.0, low: 300, high: 48 * 3_600)
            customers[index].reply = .reply
            customers[index].replyMention = Int32(truncatingIfNeeded: number)
            customers[index].replyChannel = UInt8(channelIndex)
            customers[index].replyToComplaint = complaint
            agenda.schedule(at: now + wait, owner: Int32(index), slot: .reply)
        }
        return mentionEvent(index, now, text: text, channelIndex: channelIndex)
    }

    /// A mention event with a heavy-tailed reach: most posts reach a few dozen people, a few reach millions.
    mutating func mentionEvent(_ index: Int, _ now: Int64, text: String, channelIndex: Int) -> Event {
        let channel = EventSimulator.mentionChannels[channelIndex]
        var reach: Double
        if channel == "forum" && rng.chance(0.3) {
            reach = 0  // forums rarely say how many read a post
        } else {
            reach = rng.pareto(minimum: channel == "forum" ? 20 : 40, alpha: 1.1)
            if customers[index].advocateTrait { reach *= 3 }
        }
        let id = nextID(.mention)
        let body = Mention(
            channel: channel,
            text: text,
            reach: Int64(Swift.min(reach, 50_000_000)),
            url: "https://social.example/\(channel)/\(id)"
        )
        return Event(
            id: id,
            customer: IdentifierFormat.customer(index),
            at: Timestamp(seconds: now),
            source: EventSimulator.source(of: .mention),
            body: .mention(body)
        )
    }

    private mutating func review(_ index: Int, _ now: Int64) -> Event {
        let mood = customers[index].mood
        let rating = Swift.min(5, Swift.max(1, Int((3.1 + 2.2 * mood + 0.7 * rng.normal()).rounded())))
        let platform = EventSimulator.reviewPlatforms[EventSimulator.reviewPlatformWeights.draw(&rng)]
        let text = rng.chance(0.92) ? Phrasebook.review(rating: rating, context(of: index), &rng) : nil
        let reach = Int64(Swift.min(200_000, rng.pareto(minimum: 10, alpha: 1.4)))
        let body = Review(platform: platform, rating: rating, text: text, reach: reach)
        return makeEvent(.review(body), customer: index, at: now)
    }

    private mutating func suggestion(_ index: Int, _ now: Int64) -> Event {
        let text = Phrasebook.suggestion(context(of: index, item: rng.chance(0.5) ? nil : newItem(for: index)), &rng)
        return makeEvent(.suggestion(Suggestion(text: text)), customer: index, at: now)
    }

    /// An advocate shares their code with a friend who does not sign up (yet): no referee is named.
    private mutating func openReferral(_ index: Int, _ now: Int64) -> Event {
        makeEvent(.referral(Referral(code: IdentifierFormat.referralCode(index))), customer: index, at: now)
    }
}
