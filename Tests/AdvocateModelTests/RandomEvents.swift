import AdvocateCodec

@testable import AdvocateModel

/// SplitMix64: a small seeded generator, so every failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// One thing that happens to a customer's state: an event, or a conversion of one of their referral codes.
enum Step: Hashable {
    case event(Event)
    case conversion(trigger: String, at: Timestamp)

    var time: Timestamp {
        switch self {
        case .event(let event): event.at
        case .conversion(_, let at): at
        }
    }
}

/// Random event sets for one customer, with the joins the model must get right whatever the order: replies to
/// earlier posts, refunds of earlier orders, a referral signup, conversions.
struct EventSetGenerator {
    static let texts = [
        "love it", "great crew", "thanks a lot", "hate the delays", "awful", "bad app", "on hold again",
        "still no refund", "delayed flight", "hello", "ok then", "lost my bag", "love love love",
    ]
    static let channels = ["phone", "email", "chat", "twitter"]
    static let segments = ["route:A", "route:B", "route:C", "route:D", "route:E", "route:F"]

    var random: SeededGenerator
    var maxReplies: Int

    init(seed: UInt64, maxReplies: Int = Aggregates.replySlots) {
        random = SeededGenerator(seed: seed)
        self.maxReplies = maxReplies
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

    mutating func steps(count: Int, customer: String = "c") -> [Step] {
        var steps: [Step] = []
        var orders: [String] = []
        var posts: [String] = []
        var replies = 0
        // A few shared instants, so that ties in time are common.
        let instants = (0..<4).map { _ in Int64(int(0...(120 * 86_400))) }
        for index in 0..<count {
            let id = "e-\(index)"
            let offset = int(0...3) == 0 ? pick(instants) : Int64(int(0...(120 * 86_400)))
            let time = Timestamp(microseconds: (epoch + offset) * 1_000_000 + Int64(int(0...999_999)))
            var body: EventBody
            switch int(0...99) {
            case 0..<18:
                let order = int(0...4) == 0 && !orders.isEmpty ? pick(orders) : "o-\(index)"
                orders.append(order)
                let segment: String? = int(0...2) == 0 ? nil : pick(Self.segments)
                body = .purchase(
                    Purchase(order: order, amount: Money(units: Int64(int(1...50_000)) * 100), segment: segment))
            case 18..<25:
                let order = orders.isEmpty || int(0...5) == 0 ? "o-unknown-\(index)" : pick(orders)
                let amount: Money? = int(0...2) == 0 ? nil : Money(units: Int64(int(1...50_000)) * 100)
                body = .refund(Refund(order: order, amount: amount))
            case 25..<35:
                body = .supportContact(SupportContact(caseID: "k-\(int(0...3))", channel: pick(Self.channels)))
            case 35..<40:
                body = .caseResolved(CaseResolved(caseID: "k-\(int(0...3))"))
            case 40..<50:
                let kind = pick(SurveyKind.allCases)
                let comment: String? = int(0...1) == 0 ? nil : pick(Self.texts)
                body = .survey(Survey(kind: kind, score: int(kind.range), comment: comment))
                posts.append(id)
            case 50..<63:
                body = .mention(
                    Mention(
                        channel: pick(["twitter", "reddit"]), text: pick(Self.texts), reach: Int64(int(0...200_000)))
                )
                posts.append(id)
            case 63..<69:
                let text: String? = int(0...2) == 0 ? nil : pick(Self.texts)
                body = .review(Review(platform: "trustpilot", rating: int(1...5), text: text))
                posts.append(id)
            case 69..<76 where replies < maxReplies:
                replies += 1
                let target = posts.isEmpty || int(0...4) == 0 ? "e-\(int(0...(count + 5)))" : pick(posts)
                body = .reply(Reply(to: target))
            case 76..<80:
                body = .referral(Referral(code: "REF-\(customer)", referee: "friend-\(index)"))
            case 80..<84:
                body = .signup(Signup(referredBy: int(0...1) == 0 ? "REF-\(int(0...2))" : nil))
            case 84..<88:
                body = .onboarding(Onboarding(step: "step", status: pick(OnboardingStatus.allCases)))
            case 88..<91:
                body = .suggestion(Suggestion(text: pick(Self.texts)))
            case 91..<94:
                steps.append(.conversion(trigger: "conv-\(index)", at: time))
                continue
            default:
                body = .mention(Mention(channel: "twitter", text: pick(Self.texts), reach: 10))
                posts.append(id)
            }
            steps.append(.event(Event(id: id, customer: customer, at: time, body: body)))
        }
        return steps
    }
}

extension AdvocacyModel {
    /// Applies steps in the given order, as the stage would.
    func run(_ steps: [Step], customer: String = "c") -> (state: CustomerState, outputs: [ModelOutput]) {
        var state = CustomerState()
        var outputs: [ModelOutput] = []
        for step in steps {
            switch step {
            case .event(let event):
                outputs += apply(event, to: &state)
            case .conversion(let trigger, let at):
                outputs += applyReferralConversion(
                    code: "REF-\(customer)", referee: "friend", trigger: trigger, at: at, referrer: customer,
                    to: &state
                )
            }
        }
        return (state, outputs)
    }
}
