import AdvocateCodec

/// Customer service: support cases with repeat contacts and channel switches, resolutions, follow-up
/// surveys, the company's replies to public mentions, and refunds.
extension EventSimulator {
    static let supportChannels = ["phone", "chat", "email", "twitter"]
    static let supportChannelWeights = WeightTable([0.34, 0.36, 0.24, 0.06])
    static let caseTopics: [CareTopic] = [.booking, .billing, .account, .delivery, .lostBag]
    static let caseTopicWeights = WeightTable([0.45, 0.18, 0.15, 0.14, 0.08])

    /// The customer reaches out: a new case, or one more contact about the case already open.
    mutating func contactSupport(_ index: Int, _ now: Int64) -> Event? {
        let customer = customers[index]
        switch customer.care {
        case .idle:
            var topic = CareTopic.booking
            if hasGrievance(index, now) {
                topic = customer.grievance
            } else if recentlyDisrupted(index, now) {
                topic = .disruption
            } else if customer.refundPending && rng.chance(0.5) {
                topic = .refund
            } else {
                topic = EventSimulator.caseTopics[EventSimulator.caseTopicWeights.draw(&rng)]
            }
            return openCase(index, topic: topic, now)
        case .contact, .resolve:
            // Chasing an open case: a repeat contact, often on another channel.
            customers[index].countContact()
            customers[index].feel(-0.05)
            if rng.chance(0.4) { switchChannel(index) }
            let body = SupportContact(
                caseID: caseID(customer.caseNumber),
                channel: EventSimulator.supportChannels[Int(customers[index].caseChannel)])
            return makeEvent(.supportContact(body), customer: index, at: now)
        case .open, .survey:
            return nil
        }
    }

    /// Queues a case that something else caused (a stuck onboarding step, a slow refund, a lost bag).
    mutating func openCaseLater(_ index: Int, topic: CareTopic, at time: Int64) {
        precondition(customers[index].care == .idle, "customer \(index) already has a case in progress")
        customers[index].care = .open
        customers[index].careTopic = topic
        agenda.schedule(at: time, owner: Int32(index), slot: .care)
    }

    /// Opens a case with its first contact and plans the rest: more contacts, then (mostly) a resolution.
    private mutating func openCase(_ index: Int, topic: CareTopic, _ now: Int64) -> Event {
        caseCounter += 1
        var contacts = 1
        while contacts < 6 && rng.chance(customers[index].mood < -0.3 ? 0.62 : 0.5) { contacts += 1 }
        customers[index].caseNumber = Int32(truncatingIfNeeded: caseCounter)
        customers[index].careTopic = topic
        customers[index].caseContacts = 1
        customers[index].caseSwitches = 0
        customers[index].contactsLeft = UInt8(contacts - 1)
        customers[index].caseChannel = UInt8(EventSimulator.supportChannelWeights.draw(&rng))
        customers[index].feel(-0.02)
        planNextCareStep(index, now)
        let body = SupportContact(
            caseID: caseID(customers[index].caseNumber),
            channel: EventSimulator.supportChannels[Int(customers[index].caseChannel)])
        return makeEvent(.supportContact(body), customer: index, at: now)
    }

    /// After a contact: the next contact (same day, in a few days, or next week), or the resolution.
    private mutating func planNextCareStep(_ index: Int, _ now: Int64) {
        if customers[index].contactsLeft > 0 {
            let roll = rng.unit()
            let gap: Int64
            if roll < 0.45 {
                gap = delay(median: 40 * 60, sigma: 0.8, low: 120, high: 12 * 3_600)
            } else if roll < 0.85 {
                gap = seconds(rng.uniform(1, 3) * 86_400)
            } else {
                gap = seconds(rng.uniform(4, 10) * 86_400)
            }
            customers[index].care = .contact
            agenda.schedule(at: daytime(now + gap), owner: Int32(index), slot: .care)
        } else {
            let channel = EventSimulator.supportChannels[Int(customers[index].caseChannel)]
            let quick = channel == "phone" || channel == "chat"
            let wait =
                quick
                ? delay(median: 2 * 3_600, sigma: 1.2, low: 300, high: 14 * 86_400)
                : delay(median: 18 * 3_600, sigma: 1.0, low: 900, high: 14 * 86_400)
            customers[index].care = .resolve
            agenda.schedule(at: now + wait, owner: Int32(index), slot: .care)
        }
    }

    private mutating func switchChannel(_ index: Int) {
        let current = Int(customers[index].caseChannel)
        let offset = 1 + rng.below(EventSimulator.supportChannels.count - 1)
        customers[index].caseChannel = UInt8((current + offset) % EventSimulator.supportChannels.count)
        customers[index].countSwitch()
        customers[index].feel(-0.06)
    }

    /// The next step of the customer's support case.
    mutating func runCare(_ index: Int, _ now: Int64) -> Event? {
        switch customers[index].care {
        case .idle:
            return nil
        case .open:
            return openCase(index, topic: customers[index].careTopic, now)
        case .contact:
            if rng.chance(0.3) { switchChannel(index) }
            customers[index].countContact()
            customers[index].contactsLeft -= 1
            customers[index].feel(-0.05)
            planNextCareStep(index, now)
            let body = SupportContact(
                caseID: caseID(customers[index].caseNumber),
                channel: EventSimulator.supportChannels[Int(customers[index].caseChannel)])
            return makeEvent(.supportContact(body), customer: index, at: now)
        case .resolve:
            return resolveCase(index, now)
        case .survey:
            customers[index].care = .idle
            let customer = customers[index]
            let extraContacts = Double(Int(customer.caseContacts) - 1)
            let switches = Double(customer.caseSwitches)
            let kind: SurveyKind = rng.chance(0.55) ? .csat : .ces
            let score: Int
            if kind == .csat {
                let value = 3.4 + 1.4 * customer.mood - 0.35 * extraContacts - 0.3 * switches + 0.6 * rng.normal()
                score = clampedScore(value, .csat)
            } else {
                let value = 5.6 + 1.0 * customer.mood - 0.7 * extraContacts - 0.6 * switches + 0.7 * rng.normal()
                score = clampedScore(value, .ces)
            }
            let channel = EventSimulator.supportChannels[Int(customer.caseChannel)]
            return surveyEvent(index, now, kind: kind, score: score, channel: channel)
        }
    }

    /// Most cases are resolved; some are left to die, which the customer remembers.
    private mutating func resolveCase(_ index: Int, _ now: Int64) -> Event? {
        let topic = customers[index].careTopic
        guard rng.chance(0.9) else {
            customers[index].care = .idle
            customers[index].grievance = topic == .none ? .waiting : topic
            customers[index].grievanceAt = now
            customers[index].feel(-0.25)
            return nil
        }
        let effort = Double(Int(customers[index].caseContacts) - 1)
        customers[index].feel(0.06 - 0.04 * effort)
        if customers[index].grievance == topic { customers[index].grievance = .none }
        if rng.chance(0.5) {
            customers[index].care = .survey
            let wait = delay(median: 3 * 3_600, sigma: 1.0, low: 600, high: 3 * 86_400)
            agenda.schedule(at: now + wait, owner: Int32(index), slot: .care)
        } else {
            customers[index].care = .idle
        }
        let body = CaseResolved(caseID: caseID(customers[index].caseNumber))
        return makeEvent(.caseResolved(body), customer: index, at: now)
    }

    /// The company answers a mention; a complaint answered well is sometimes followed by public thanks.
    mutating func runReply(_ index: Int, _ now: Int64) -> Event? {
        switch customers[index].reply {
        case .idle:
            return nil
        case .reply:
            let complaint = customers[index].replyToComplaint
            customers[index].feel(complaint ? 0.15 : 0.03)
            if complaint && rng.chance(0.3) {
                customers[index].reply = .thanks
                let wait = delay(median: 3_600, sigma: 1.0, low: 300, high: 86_400)
                agenda.schedule(at: now + wait, owner: Int32(index), slot: .reply)
            } else {
                customers[index].reply = .idle
            }
            let channel = EventSimulator.mentionChannels[Int(customers[index].replyChannel)]
            let body = Reply(to: eventID(.mention, number: Int(customers[index].replyMention)), channel: channel)
            return makeEvent(.reply(body), customer: index, at: now)
        case .thanks:
            customers[index].reply = .idle
            if customers[index].grievance != .none { customers[index].grievance = .none }
            let text = Phrasebook.thanksMention(context(of: index), &rng)
            return mentionEvent(index, now, text: text, channelIndex: Int(customers[index].replyChannel))
        }
    }

    /// A refund: of the whole order (with or without the amount) or of part of it.
    mutating func runRefund(_ index: Int, _ now: Int64) -> Event? {
        guard customers[index].refundPending else { return nil }
        customers[index].refundPending = false
        customers[index].feel(0.04)
        if customers[index].grievance == .refund { customers[index].grievance = .none }
        let units = customers[index].refundUnits
        var amount: Money?
        let roll = rng.unit()
        if roll < 0.3 {
            let share = rng.uniform(0.2, 0.6)
            let cents = Swift.max(1, Int64(Double(units / 100) * share))
            amount = Money(units: cents * 100)
        } else if roll < 0.65 {
            amount = Money(units: units)
        }
        let body = Refund(order: orderID(customers[index].refundOrder), amount: amount)
        return makeEvent(.refund(body), customer: index, at: now)
    }
}
