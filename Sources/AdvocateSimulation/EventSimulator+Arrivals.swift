import AdvocateCodec

/// New customers: arrival, referral, signup and onboarding.
extension EventSimulator {
    static let onboardingSteps = ["verify-email", "add-payment-method", "connect-account"]

    /// Decides how the next customer arrives (organically, referred by an advocate, or as a planted
    /// suspicious referral) and queues their first step.
    mutating func runArrival(_ now: Int64) {
        let total = customers.count
        guard arrivedCount < total else { return }
        var next = now
        let remaining = total - arrivedCount
        // The planted patterns come at random, and at least once in any stream with room for them.
        let burstDue = !plantedBurst && arrivedCount >= Swift.max(20, total / 3)
        let selfDue = !plantedSelfReferral && arrivedCount >= Swift.max(10, total / 4)
        if remaining >= 9, arrivedCount >= 20, burstDue || rng.chance(0.0015),
            let referrer = randomEstablishedCustomer()
        {
            plantedBurst = true
            // Many referrals from one customer within a day: throwaway accounts a fraud check should catch.
            for _ in 0..<rng.int(in: 4...8) {
                arrive(at: next, referrer: referrer, fraud: .burst)
                next += Int64(rng.int(in: 4...50) * 60)
            }
        } else if selfDue || rng.chance(0.004), let referrer = randomEstablishedCustomer() {
            plantedSelfReferral = true
            arrive(at: now, referrer: referrer, fraud: .selfReferral)
        } else if !advocatePool.isEmpty, rng.chance(0.14) {
            let slot = rng.below(advocatePool.count)
            let referrer = Int(advocatePool[slot])
            customers[referrer].referralBudget -= 1
            if customers[referrer].referralBudget == 0 {
                customers[referrer].inAdvocatePool = false
                advocatePool.swapAt(slot, advocatePool.count - 1)
                advocatePool.removeLast()
            }
            arrive(at: now, referrer: referrer, fraud: .none)
        } else {
            arrive(at: now, referrer: nil, fraud: .none)
        }
        if arrivedCount < total {
            agenda.schedule(at: next + seconds(rng.exponential(mean: timing.arrivalGap)), owner: -1, slot: .arrival)
        }
    }

    /// A signed-up, genuine customer, or nil if none was found quickly.
    private mutating func randomEstablishedCustomer() -> Int? {
        guard arrivedCount > 0 else { return nil }
        for _ in 0..<8 {
            let candidate = rng.below(arrivedCount)
            let customer = customers[candidate]
            if customer.signedUp && customer.fraud == .none && customer.phase != .onboarding {
                return candidate
            }
        }
        return nil
    }

    /// Creates the next customer's traits and queues their first step at `time`.
    private mutating func arrive(at time: Int64, referrer: Int?, fraud: FraudKind) {
        let index = arrivedCount
        arrivedCount += 1
        let catalog = Catalog.shared
        var customer = SimulatedCustomer()
        let marketIndex = catalog.marketWeights.draw(&rng)
        let market = catalog.markets[marketIndex]
        customer.market = UInt8(marketIndex)
        customer.home = UInt8(rng.pick(market.homeAirports))
        customer.fraud = fraud
        customer.referrer = referrer.map { Int32($0) } ?? -1
        customer.onboardingSteps = rng.chance(0.4) ? 3 : 2
        customer.activity = Swift.min(5, Swift.max(0.15, rng.logNormal(median: 0.85, sigma: 0.6)))
        if fraud == .none && rng.chance(0.045) {
            customer.advocateTrait = true
            customer.mood = rng.uniform(0.65, 0.95)
            customer.loyalty = rng.uniform(1.2, 1.8)
        } else {
            // Friends of advocates start out a little warmer.
            let warmth = referrer != nil && fraud == .none ? 0.15 : 0
            customer.mood = Swift.min(0.9, Swift.max(-0.9, 0.25 + warmth + 0.4 * rng.normal()))
            customer.loyalty = rng.uniform(0.2, 1.6)
        }
        customer.baseline = customer.mood
        customer.browser = !customer.advocateTrait && rng.chance(0.22)
        if fraud == .burst { customer.activity = 0.2 }
        customers[index] = customer
        customers[index].remember(item: newItem(for: index))
        customers[index].phase = referrer == nil ? .signup : .referred
        agenda.schedule(at: time, owner: Int32(index), slot: .main)
    }

    /// The customer's own next step, by phase.
    mutating func runMain(_ index: Int, _ now: Int64) -> Event? {
        switch customers[index].phase {
        case .waiting:
            return nil
        case .referred:
            return referral(for: index, now)
        case .signup:
            return signup(index, now)
        case .onboarding:
            return onboard(index, now)
        case .active:
            return act(index, now)
        case .dormant:
            return wake(index, now)
        }
    }

    /// The referrer's `referral` event naming the new customer, who signs up later.
    private mutating func referral(for index: Int, _ now: Int64) -> Event {
        let referrer = Int(customers[index].referrer)
        customers[index].phase = .signup
        let wait =
            customers[index].fraud == .burst
            ? Int64(rng.int(in: 5...120) * 60)
            : delay(median: 18 * 3_600, sigma: 1.0, low: 600, high: 10 * 86_400)
        agenda.schedule(at: now + wait, owner: Int32(index), slot: .main)
        let body = Referral(code: IdentifierFormat.referralCode(referrer), referee: IdentifierFormat.customer(index))
        return makeEvent(.referral(body), customer: referrer, at: now)
    }

    private mutating func signup(_ index: Int, _ now: Int64) -> Event {
        let catalog = Catalog.shared
        let customer = customers[index]
        let own = contacts.contact(of: index, market: catalog.markets[Int(customer.market)])
        var signup = Signup()
        signup.email = own.email
        if contacts.givesPhone(index) { signup.phone = own.phone }
        if contacts.givesCard(index) { signup.paymentFingerprint = own.paymentFingerprint }
        if customer.referrer >= 0 {
            let referrer = Int(customer.referrer)
            signup.referredBy = IdentifierFormat.referralCode(referrer)
            let theirs = contacts.contact(of: referrer, market: catalog.markets[Int(customers[referrer].market)])
            switch customer.fraud {
            case .selfReferral:
                // The referrer opened a second account: a detail they gave at their own signup gives it away.
                let roll = rng.below(10)
                if roll >= 8 && contacts.givesCard(referrer) {
                    signup.paymentFingerprint = theirs.paymentFingerprint
                } else if roll >= 5 && contacts.givesPhone(referrer) {
                    signup.phone = theirs.phone
                } else {
                    signup.email = theirs.email
                }
            case .burst:
                let parts = theirs.email.split(separator: "@", maxSplits: 1)
                signup.email = "\(parts[0])+\(index + 1)@\(parts.count > 1 ? parts[1] : "example.com")"
                signup.phone = nil
                signup.paymentFingerprint = rng.chance(0.3) ? theirs.paymentFingerprint : nil
            case .none:
                break
            }
        }
        customers[index].signedUp = true
        customers[index].phase = .onboarding
        customers[index].onboardingStep = 0
        customers[index].onboardingProgress = .fresh
        agenda.schedule(at: now + Int64(rng.int(in: 1...30) * 60), owner: Int32(index), slot: .main)
        return makeEvent(.signup(signup), customer: index, at: now)
    }

    /// One onboarding step: most complete, a few get stuck (and may call support), a few give up.
    private mutating func onboard(_ index: Int, _ now: Int64) -> Event {
        let step = EventSimulator.onboardingSteps[Int(customers[index].onboardingStep)]
        let status: OnboardingStatus
        switch customers[index].onboardingProgress {
        case .stuck:
            status = rng.chance(0.65) ? .completed : .abandoned
        case .leaving:
            status = .abandoned
        case .fresh:
            let roll = rng.unit()
            status = roll < 0.012 ? .started : roll < 0.08 ? .stuck : .completed
        }
        switch status {
        case .started:
            customers[index].onboardingProgress = .leaving
            agenda.schedule(at: now + Int64(rng.int(in: 1...72) * 3_600), owner: Int32(index), slot: .main)
        case .stuck:
            customers[index].onboardingProgress = .stuck
            customers[index].feel(-0.1)
            if customers[index].care == .idle && rng.chance(0.45) {
                openCaseLater(index, topic: .account, at: now + Int64(rng.int(in: 5...180) * 60))
            }
            agenda.schedule(
                at: now + delay(median: 8 * 3_600, sigma: 1.0, low: 1_800, high: 5 * 86_400),
                owner: Int32(index), slot: .main)
        case .abandoned:
            customers[index].feel(-0.2)
            goDormant(index, now)
        case .completed:
            customers[index].onboardingProgress = .fresh
            customers[index].onboardingStep += 1
            if customers[index].onboardingStep < customers[index].onboardingSteps {
                agenda.schedule(at: now + Int64(rng.int(in: 1...40) * 60), owner: Int32(index), slot: .main)
            } else {
                customers[index].phase = .active
                let first = delay(median: 6 * 3_600, sigma: 1.2, low: 300, high: 10 * 86_400)
                agenda.schedule(at: daytime(now + first), owner: Int32(index), slot: .main)
            }
        }
        return makeEvent(.onboarding(Onboarding(step: step, status: status)), customer: index, at: now)
    }

    /// The customer drifts away; they come back now and then.
    mutating func goDormant(_ index: Int, _ now: Int64) {
        customers[index].phase = .dormant
        let gap = rng.exponential(mean: 6 * timing.actionGap / customers[index].activity)
        agenda.schedule(at: daytime(now + seconds(gap)), owner: Int32(index), slot: .main)
    }

    /// A dormant customer looks in again: some come back (often with a purchase), most stay away.
    private mutating func wake(_ index: Int, _ now: Int64) -> Event? {
        guard customers[index].fraud != .burst, rng.chance(0.35) else {
            goDormant(index, now)
            return nil
        }
        customers[index].phase = .active
        return act(index, now)
    }
}
