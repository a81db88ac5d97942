import AdvocateCodec
import AdvocateSimulation
import Testing

/// Cross-event consistency: each follow-up points at something that really happened before it.
@Suite("Event simulator: consistent customer journeys")
struct CustomerJourneyTests {
    let events = StreamFixture.standard

    @Test("a signup's referred_by matches an earlier referral naming that customer")
    func referralChains() throws {
        var referrals: [String: [(code: String, at: Timestamp, referrer: String)]] = [:]
        var signedUpAt: [String: Timestamp] = [:]
        var referred = 0
        for event in events {
            switch event.body {
            case .referral(let referral):
                let referrer = try #require(event.customer)
                #expect(referral.code == "REF-" + referrer)
                #expect(signedUpAt[referrer] != nil, "\(event.id): \(referrer) refers before signing up")
                if let referee = referral.referee {
                    referrals[referee, default: []].append((referral.code, event.at, referrer))
                }
            case .signup(let signup):
                let customer = try #require(event.customer)
                #expect(signedUpAt[customer] == nil, "\(customer) signs up twice")
                signedUpAt[customer] = event.at
                guard let code = signup.referredBy else { continue }
                referred += 1
                let matching = referrals[customer, default: []].filter { $0.code == code && $0.at <= event.at }
                #expect(!matching.isEmpty, "\(event.id): \(customer) referred by \(code) without a referral")
            default:
                #expect(event.customer.map { signedUpAt[$0] != nil } ?? true, "\(event.id) before its signup")
            }
        }
        let share = Double(referred) / Double(signedUpAt.count)
        #expect((0.04...0.25).contains(share), "referred signups: \(share)")
    }

    @Test("a few percent of customers are advocates whose referred friends go on to buy")
    func advocates() {
        var referrerOf: [String: String] = [:]
        var buyers = Set<String>()
        var customers = Set<String>()
        for event in events {
            switch event.body {
            case .signup(let signup):
                if let code = signup.referredBy, let customer = event.customer {
                    referrerOf[customer] = String(code.dropFirst(4))
                }
                if let customer = event.customer { customers.insert(customer) }
            case .purchase:
                if let customer = event.customer { buyers.insert(customer) }
            default:
                break
            }
        }
        let advocates = Set(referrerOf.filter { buyers.contains($0.key) }.values)
        let share = Double(advocates.count) / Double(customers.count)
        #expect((0.01...0.10).contains(share), "advocates: \(advocates.count) of \(customers.count)")
        let buyersShare = Double(buyers.count) / Double(customers.count)
        #expect((0.6...0.95).contains(buyersShare), "customers who bought: \(buyersShare)")
    }

    @Test("some referrals look suspicious: shared contact details, or many in one day")
    func suspiciousReferrals() {
        var contacts: [String: Signup] = [:]
        var referralTimes: [String: [Timestamp]] = [:]
        var sharedDetails = 0
        for event in events {
            guard let customer = event.customer else { continue }
            switch event.body {
            case .referral(let referral) where referral.referee != nil:
                referralTimes[customer, default: []].append(event.at)
            case .signup(let signup):
                contacts[customer] = signup
                guard let code = signup.referredBy, let referrer = contacts[String(code.dropFirst(4))] else { continue }
                if (signup.email != nil && signup.email == referrer.email)
                    || (signup.phone != nil && signup.phone == referrer.phone)
                    || (signup.paymentFingerprint != nil && signup.paymentFingerprint == referrer.paymentFingerprint)
                {
                    sharedDetails += 1
                }
            default:
                break
            }
        }
        #expect(sharedDetails >= 1, "no referee shares a contact detail with the referrer")
        let bursts = referralTimes.values.filter { times in
            times.indices.contains { index in
                times[index...].prefix { times[index].seconds(to: $0) < 86_400 }.count >= 4
            }
        }
        #expect(bursts.count >= 1, "no referrer with four referrals within a day")
        // Apart from the planted cases, nobody shares an e-mail address.
        let emails = contacts.values.compactMap(\.email)
        #expect(emails.count - Set(emails).count <= sharedDetails)
        #expect(emails.allSatisfy { $0.contains("@example.") })
    }

    @Test("replies answer an earlier mention of the same customer within two days")
    func replies() throws {
        var mentions: [String: Event] = [:]
        var replied = 0
        var complaintsAnswered = 0
        for event in events {
            switch event.body {
            case .mention:
                mentions[event.id] = event
            case .reply(let reply):
                let mention = try #require(mentions[reply.to], "\(event.id) replies to unknown \(reply.to)")
                #expect(mention.customer == event.customer)
                #expect(mention.at < event.at)
                #expect(mention.at.seconds(to: event.at) <= 48 * 3_600)
                replied += 1
                if case .mention(let body) = mention.body, StreamRealismTests.looksLikeComplaint(body.text) {
                    complaintsAnswered += 1
                }
            default:
                break
            }
        }
        #expect(Double(replied) / Double(mentions.count) >= 0.15, "\(replied) replies to \(mentions.count) mentions")
        #expect(Double(complaintsAnswered) / Double(replied) >= 0.5, "most replies answer complaints")
    }

    @Test("disruptions name segments that were bought, and customers who bought them")
    func disruptions() {
        var buyersBySegment: [String: Set<String>] = [:]
        var named = 0
        for event in events {
            switch event.body {
            case .purchase(let purchase):
                if let segment = purchase.segment, let customer = event.customer {
                    buyersBySegment[segment, default: []].insert(customer)
                }
            case .disruption(let disruption):
                guard let segment = disruption.segment else {
                    Issue.record("\(event.id) has no segment")
                    continue
                }
                let buyers = buyersBySegment[segment, default: []]
                #expect(!buyers.isEmpty, "\(event.id) disrupts \(segment), which nobody bought")
                for customer in disruption.customers {
                    #expect(buyers.contains(customer), "\(event.id) names \(customer), who never bought \(segment)")
                }
                named += disruption.customers.isEmpty ? 0 : 1
            default:
                break
            }
        }
        #expect(named >= 1, "no disruption names its customers")
    }

    @Test("support cases: several contacts, channel switches, most resolved after realistic delays")
    func supportCases() throws {
        struct Case { var customer: String; var opened: Timestamp; var contacts: Int; var channels: Set<String> }
        var cases: [String: Case] = [:]
        var resolutionHours: [Double] = []
        for event in events {
            switch event.body {
            case .supportContact(let contact):
                let customer = try #require(event.customer)
                if var known = cases[contact.caseID] {
                    #expect(known.customer == customer)
                    known.contacts += 1
                    known.channels.insert(contact.channel)
                    cases[contact.caseID] = known
                } else {
                    cases[contact.caseID] = Case(
                        customer: customer, opened: event.at, contacts: 1, channels: [contact.channel])
                }
                #expect(["phone", "chat", "email", "twitter"].contains(contact.channel))
            case .caseResolved(let resolved):
                let known = try #require(cases[resolved.caseID], "\(event.id) resolves an unknown case")
                #expect(known.customer == event.customer)
                resolutionHours.append(known.opened.seconds(to: event.at) / 3_600)
            default:
                break
            }
        }
        let contacts = cases.values.map(\.contacts)
        let mean = Double(contacts.reduce(0, +)) / Double(contacts.count)
        #expect((1.5...3.5).contains(mean), "contacts per case \(mean)")
        #expect(contacts.filter { $0 >= 3 }.count * 10 >= cases.count, "repeat contacts are common")
        #expect(cases.values.filter { $0.channels.count > 1 }.count * 10 >= cases.count, "channel switches happen")
        let resolvedShare = Double(resolutionHours.count) / Double(cases.count)
        #expect((0.75...0.95).contains(resolvedShare), "resolved \(resolvedShare)")
        let median = resolutionHours.sorted()[resolutionHours.count / 2]
        #expect((0.5...72).contains(median), "median resolution \(median) hours")
    }

    @Test("refunds refer to earlier orders of the same customer and never exceed them")
    func refunds() throws {
        var orders: [String: (customer: String, amount: Money)] = [:]
        var refunds = 0
        for event in events {
            switch event.body {
            case .purchase(let purchase):
                #expect(orders[purchase.order] == nil, "order \(purchase.order) bought twice")
                orders[purchase.order] = (try #require(event.customer), purchase.amount)
            case .refund(let refund):
                let order = try #require(orders[refund.order], "\(event.id) refunds unknown \(refund.order)")
                #expect(order.customer == event.customer)
                #expect((refund.amount ?? order.amount) <= order.amount)
                refunds += 1
            default:
                break
            }
        }
        let share = Double(refunds) / Double(orders.count)
        #expect((0.02...0.12).contains(share), "refunded orders \(share)")
    }

    @Test("onboarding: mostly completed, a few stuck or abandoned")
    func onboarding() {
        var statuses: [OnboardingStatus: Int] = [:]
        var steps = Set<String>()
        for event in events {
            if case .onboarding(let onboarding) = event.body {
                statuses[onboarding.status, default: 0] += 1
                steps.insert(onboarding.step)
            }
        }
        let total = statuses.values.reduce(0, +)
        #expect(Double(statuses[.completed, default: 0]) / Double(total) > 0.85)
        #expect(statuses[.stuck, default: 0] > 0)
        #expect(statuses[.abandoned, default: 0] > 0)
        #expect(statuses[.started, default: 0] > 0)
        #expect(steps == ["verify-email", "add-payment-method", "connect-account"])
    }
}
