import AdvocateCodec

/// Disruptions: a delayed route, an overbooked hotel, a late shipment, hitting its recent buyers.
extension EventSimulator {
    /// Announces a disruption of something customers bought, and lets it hurt the recent buyers:
    /// moods drop, some call support, some will complain in public.
    mutating func runDisruption(_ now: Int64) -> Event? {
        agenda.schedule(at: now + seconds(rng.exponential(mean: timing.disruptionGap)), owner: -1, slot: .disruption)
        guard purchaseCounts.contains(where: { $0 > 0 }) else { return nil }
        let item = rng.weightedIndex(purchaseCounts.map { Double($0) })
        let buyers = Array(Set(recentBuyers[item])).sorted()
        guard let firstBuyer = buyers.first else { return nil }
        let catalog = Catalog.shared
        let what = Phrasebook.disruptionNote(context(of: Int(firstBuyer), item: item), &rng)
        var named: [String] = []
        if rng.chance(0.3) {
            // Operations sometimes knows exactly who is affected (a flight's passenger list).
            named = buyers.prefix(25).map { IdentifierFormat.customer(Int($0)) }
        }
        for buyer in buyers {
            let index = Int(buyer)
            customers[index].feel(-0.15)
            customers[index].disruptedItem = Int32(item)
            customers[index].disruptedAt = now
            if customers[index].care == .idle && rng.chance(0.3) {
                let wait = delay(median: 2 * 3_600, sigma: 1.0, low: 600, high: 2 * 86_400)
                openCaseLater(index, topic: .disruption, at: now + wait)
            } else if rng.chance(0.25) {
                customers[index].grievance = .disruption
                customers[index].grievanceAt = now
            }
        }
        let body = Disruption(what: what, segment: catalog.items[item].segment, customers: named)
        return makeEvent(.disruption(body), customer: nil, at: now)
    }
}
