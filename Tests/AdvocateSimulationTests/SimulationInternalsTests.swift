import Foundation
import Testing

@testable import AdvocateSimulation

@Suite("Simulation internals")
struct SimulationInternalsTests {
    @Test("xoshiro256** seeded by SplitMix64 matches the reference outputs")
    func generatorVectors() {
        var zero: UInt64 = 0
        #expect(RandomSource.splitMix(&zero) == 0xE220_A839_7B1D_CDAF)
        var rng = RandomSource(seed: 0)
        #expect(
            [rng.next(), rng.next(), rng.next()] == [
                0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0,
            ])
        var seeded = RandomSource(seed: 42)
        #expect(
            [seeded.next(), seeded.next(), seeded.next()] == [
                0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1,
            ])
    }

    @Test("draws stay in range")
    func drawRanges() {
        var rng = RandomSource(seed: 5)
        for _ in 0..<10_000 {
            let unit = rng.unit()
            #expect(unit >= 0 && unit < 1)
            let open = rng.openUnit()
            #expect(open > 0 && open <= 1)
            #expect((0..<7).contains(rng.below(7)))
            #expect((-3...3).contains(rng.int(in: -3...3)))
            let normal = rng.normal()
            #expect(abs(normal) <= 3.47)
            #expect(rng.pareto(minimum: 40, alpha: 1.1) >= 40)
        }
    }

    @Test("the portable log and exp agree with the C library to 1e-12")
    func portableMath() {
        var rng = RandomSource(seed: 8)
        for _ in 0..<2_000 {
            let x = rng.openUnit() * pow(10, Double(rng.int(in: -12...12)))
            #expect(abs(DeterministicMath.log(x) - Foundation.log(x)) <= 1e-12 * max(1, abs(Foundation.log(x))))
            let y = rng.uniform(-50, 50)
            #expect(abs(DeterministicMath.exp(y) - Foundation.exp(y)) <= 1e-12 * Foundation.exp(y))
        }
        #expect(DeterministicMath.log(1) == 0)
        #expect(DeterministicMath.exp(0) == 1)
        #expect(DeterministicMath.exp(1_000).isFinite)
    }

    @Test("weight tables draw in proportion and never draw a zero weight")
    func weightTable() {
        let table = WeightTable([1, 0, 3])
        var rng = RandomSource(seed: 3)
        var counts = [0, 0, 0]
        for _ in 0..<40_000 { counts[table.draw(&rng)] += 1 }
        #expect(counts[1] == 0)
        #expect((9_400...10_600).contains(counts[0]), "\(counts)")
    }

    @Test("the agenda pops by time, first-in first-out within a second")
    func agendaOrder() {
        var agenda = Agenda(capacity: 16)
        var rng = RandomSource(seed: 4)
        for owner in 0..<500 {
            agenda.schedule(at: Int64(rng.below(50)), owner: Int32(owner), slot: .main)
        }
        var previous: AgendaItem?
        var popped = 0
        while let item = agenda.popEarliest() {
            if let previous {
                #expect(previous.time < item.time || (previous.time == item.time && previous.owner < item.owner))
            }
            previous = item
            popped += 1
        }
        #expect(popped == 500)
        #expect(agenda.count == 0)
    }

    @Test("favorites keep the four most recent distinct items, newest first")
    func favorites() {
        var customer = SimulatedCustomer()
        #expect(customer.favoriteCount == 0)
        for item in [5, 9, 5, 12, 40, 7] { customer.remember(item: item) }
        #expect(customer.favoriteCount == 4)
        #expect((0..<4).map(customer.favorite) == [7, 40, 12, 5])
        customer.remember(item: 12)
        #expect((0..<4).map(customer.favorite) == [12, 7, 40, 5])
        customer.remember(item: 5)
        #expect((0..<4).map(customer.favorite) == [5, 12, 7, 40])
    }

    @Test("templates parse into text and placeholders")
    func templates() {
        let template = Template("{handle} where is my bag? Flew {route}.")
        #expect(template.pieces.count == 4)
        #expect(template.endsWithPunctuation)
        #expect(!Template("Off to {city}").endsWithPunctuation)
        #expect(Template("").pieces.isEmpty)
    }

    @Test("every template renders for every catalog item, without leftover placeholders")
    func phrasebookRenders() {
        let catalog = Catalog.shared
        var rng = RandomSource(seed: 1)
        var texts = Set<String>()
        for (index, item) in catalog.items.enumerated() where index % 7 == 0 || item.kind != .route {
            let context = TextContext(item: item, order: "o-000042", home: 0)
            for topic in CareTopic.allCases {
                texts.insert(Phrasebook.complaintMention(topic, negativeWords: rng.chance(0.5), context, &rng))
            }
            texts.insert(Phrasebook.praiseMention(context, &rng))
            texts.insert(Phrasebook.questionMention(context, &rng))
            texts.insert(Phrasebook.neutralMention(context, &rng))
            texts.insert(Phrasebook.thanksMention(context, &rng))
            for rating in 1...5 { texts.insert(Phrasebook.review(rating: rating, context, &rng)) }
            for position in [0.0, 0.5, 1.0] {
                texts.insert(Phrasebook.surveyComment(position: position, context, &rng))
            }
            texts.insert(Phrasebook.suggestion(context, &rng))
            texts.insert(Phrasebook.disruptionNote(context, &rng))
        }
        for text in texts {
            #expect(!text.contains("{") && !text.contains("}"), "\(text)")
            #expect(!text.isEmpty && text.utf8.count <= 280, "\(text)")
            #expect(!text.contains("  ") && !text.contains(".." + ".."), "\(text)")
        }
        #expect(texts.count > 1_000)
    }

    @Test("customers who never ordered do not cite an order")
    func noOrderNoCitation() {
        var rng = RandomSource(seed: 2)
        let context = TextContext(item: Catalog.shared.items[0], order: nil, home: 0)
        for _ in 0..<300 {
            for topic in CareTopic.allCases {
                let text = Phrasebook.complaintMention(topic, negativeWords: rng.chance(0.5), context, &rng)
                #expect(!text.contains("o-") && !text.contains("my booking"), "\(text)")
            }
            let comment = Phrasebook.surveyComment(position: 0, context, &rng)
            #expect(!comment.contains("o-") && !comment.contains("my booking"), "\(comment)")
        }
    }

    @Test("contact details are unique per customer and look real")
    func contacts() {
        let book = ContactBook(seed: 77)
        let market = Catalog.shared.markets[0]
        var emails = Set<String>()
        var phones = Set<String>()
        for index in 0..<20_000 {
            let contact = book.contact(of: index, market: market)
            emails.insert(contact.email)
            phones.insert(contact.phone)
            #expect(contact.paymentFingerprint.utf8.count == 19)
        }
        #expect(emails.count == 20_000 && phones.count == 20_000)
        let sample = book.contact(of: 0, market: market)
        #expect(sample.email.contains("@example.") && sample.email.contains(sample.lastName))
        #expect(sample.phone.hasPrefix("+44") && sample.phone.utf8.count == 13)
    }
}
