/// Public mentions: praise, complaints with and without negative words, questions, neutral posts.
extension Phrasebook {
    static let praise = Template.list([
        "Huge thanks to {handle} for sorting my {item} booking in {few} minutes!",
        "{handle} support is brilliant, {agent} fixed everything on the first call",
        "Best trip ever, {city} was amazing. Thanks {handle}! {emoji}",
        "Love my new {product} from {brand}, great quality",
        "{brand} rebooked us before we even noticed the {route} delay. Impressive.",
        "Shout out to {agent} at {handle} chat, so helpful and friendly",
        "Just got back from {city}. Everything {brand} planned was perfect {emoji}",
        "Booking with {brand} was quick and easy, really happy",
        "The {tour} was the highlight of our trip. Thank you {handle}!",
        "Honestly the best customer service I've had this year. Well done {handle}",
        "{handle} refunded me in {few} minutes without any fuss. Love it",
        "Great value for the {item}, will book again with {brand}",
        "My kids love the {product}. Good job {brand} {emoji}",
        "Smooth check-in at {airport}, friendly crew, great flight to {city}",
        "Impressed by how {brand} handled our {city} trip change. Excellent service",
        "Third trip with {brand} this year and it just keeps getting better",
        "If you are going to {city}, book through {brand}. Easy and great prices",
        "{agent} from {handle} called me back when she said she would. Fantastic",
    ])
    static let praiseOpeners = Template.list([
        "", "", "", "Wow. ", "Have to say: ", "Honestly? ", "PSA: ", "Five stars: ",
    ])
    static let praiseClosers = Template.list(["", "", "", " {hashtag}", " {citytag}", " {emoji}", " #happycustomer"])

    /// Service complaints that need no negative word to be complaints, by topic.
    static let serviceCues: [[Template]] = CareTopic.allCases.map { topic in
        switch topic {
        case .waiting, .none:
            Template.list([
                "On hold for {minutes} minutes with {handle} again",
                "{minutes} minutes on hold and counting. {handle}?",
                "Been in the {brand} chat queue for {minutes} minutes",
                "Still on hold with {handle}, {minutes} minutes now",
                "Number {n} in the queue for the last half hour, {handle}",
                "{days} days and no answer to my email {handle}",
                "Sent {n} messages to {handle}, nobody answers",
                "This is my {nth} email to {handle} this week",
                "{handle} is anyone reading DMs?",
                "Transferred {n} times and still no answer {handle}",
            ])
        case .refund:
            Template.list([
                "Still waiting for my refund {handle}",
                "{handle} still no refund for order {order}",
                "Day {days} of waiting for my {city} refund",
                "{handle} where is my refund? It has been {days} days",
                "Refund for my {item} still hasn't arrived",
                "{handle} you said 5 days for the refund. It has been {days}",
            ])
        case .lostBag:
            Template.list([
                "Where is my bag? Landed in {city} {hours} hours ago {handle}",
                "{handle} where is my bag? Flew {route} yesterday",
                "My suitcase is still somewhere between {origin} and {city}",
                "Day {days} without my luggage in {city}. Any update {handle}?",
                "{handle} bag tag says {destairport}, bag says nowhere. Where is it?",
            ])
        case .delivery:
            Template.list([
                "My {product} order still hasn't arrived after {days} days {handle}",
                "Ordered a {product} {days} days ago, tracking hasn't moved since {weekday}",
                "{handle} any update on order {order}? Still nothing",
                "{handle} the {product} I got is not what I ordered",
                "{handle} when will my {product} arrive? Order {order}",
            ])
        case .booking:
            Template.list([
                "This is the {nth} time explaining my {city} booking to {handle}",
                "{handle} your app says my {city} booking does not exist",
                "Can't change the date on my {route} booking, the page just spins",
                "{handle} why is my {item} booking showing as cancelled?",
                "{handle} I still have no confirmation for order {order}",
            ])
        case .billing:
            Template.list([
                "{handle} charged twice for my {city} trip",
                "Why was I charged again for the {item}? {handle}",
                "{handle} I was charged for a {product} I returned {days} days ago",
                "{handle} the price went up between checkout and payment on order {order}",
            ])
        case .account:
            Template.list([
                "{handle} can't log in since {weekday}, reset link never arrives",
                "The {brand} app keeps logging me out",
                "Stuck on the payment step for {minutes} minutes, {handle}",
                "{handle} verification email never came, tried {n} times",
            ])
        case .disruption:
            Template.list([
                "{route} delayed {hours} hours and no update from {handle}",
                "{handle} {route} cancelled, what now?",
                "Still at {airport}, {route} now delayed {hours} hours",
                "Nobody at the gate knows anything about the {route} delay {handle}",
                "{handle} our {city} hotel has no room for us tonight. Booked months ago",
                "{handle} the {tour} was called off and nobody told us",
            ])
        }
    }
    static let cuePrefixes = Template.list(["", "", "", "Again. ", "Hello? ", "Seriously. ", "Update: ", "Come on. "])
    static let cueSuffixes = Template.list([
        "", "", "", " again", "...", " #{brand}", " {hashtag}", ". Order {order}", "??",
    ])
    static let negativeTails = Template.list([
        "Terrible service.", "Absolutely useless.", "So frustrating.", "Worst customer service ever.",
        "Really disappointed.", "Awful.", "Never booking with {brand} again.", "I hate this.", "Ridiculous.",
        "Shameful.", "Very angry right now.", "Pathetic.", "Horrible way to treat customers.",
    ])
    static let negativeStandalone = Template.list([
        "Worst experience ever with {handle}, the {city} hotel was dirty and the staff rude",
        "{brand} is a joke, terrible service on the {route} flight",
        "Horrible customer service from {handle}, avoid",
        "Disgusting room at the {city} hotel {brand} booked for us",
        "My {product} broke after {days} days. Poor quality, very disappointed",
        "Rude agent at {handle} hung up on me. Unacceptable",
        "Hate the new {brand} app, it's a mess and booking is painful",
        "The {tour} was a total rip-off. Awful guide, wasted day",
    ])
    static let questions = Template.list([
        "{handle} does the {tour} include hotel pickup?",
        "Can I bring a {product} as hand luggage on the {route} flight?",
        "{handle} how do I add a bag to my {city} booking?",
        "Is the {product} available in {color}, {handle}?",
        "{handle} what time does check-in open for {route}?",
        "Anyone flown {route} with {brand}? Worth paying for extra legroom?",
        "{handle} do you deliver the {product} to hotels in {city}?",
        "Thinking about a {city} trip in {month}. Any tips {handle}?",
        "{handle} can I change the name on a {city} booking?",
        "Does {brand} do family rooms in {city}?",
    ])
    static let neutral = Template.list([
        "Booked {city} for {month} with {brand}",
        "Off to {city} tomorrow",
        "Packing the new {product} for {city}",
        "Boarding {route} now",
        "{brand} sale starts {weekday}, noted",
        "Checking out {brand} trips to {city} for {month}",
        "Landed in {city}",
        "Anyone else on the {route} flight {weekday}?",
        "{city} in {month}: yes or no?",
        "Comparing {brand} and others for a {city} weekend",
    ])
    static let thanks = Template.list([
        "Thanks {handle}, all sorted now",
        "Update: {handle} fixed it within the hour. Thank you {agent}!",
        "Credit where due, {handle} sorted my {item} issue quickly",
        "Thanks for getting back to me {handle}, that helps a lot",
        "OK {handle} rebooked me, much appreciated",
        "{agent} at {handle} just called me. Problem solved, thank you",
    ])

    static let neutralClosers = Template.list(["", "", " {emoji}", " {hashtag}"])
    static let thanksClosers = Template.list(["", "", " {emoji}"])
    static let sentenceBreak = Template(". ")
    static let space = Template(" ")

    /// A post praising the brand.
    static func praiseMention(_ context: TextContext, _ rng: inout RandomSource) -> String {
        let opener = choose(praiseOpeners, context, &rng)
        let body = choose(praise, context, &rng)
        return render(opener, body, choose(praiseClosers, context, &rng), context: context, &rng)
    }

    /// A complaint about `topic`; with `negativeWords` it also says how the customer feels about it.
    static func complaintMention(
        _ topic: CareTopic,
        negativeWords: Bool,
        _ context: TextContext,
        _ rng: inout RandomSource
    ) -> String {
        let prefix = choose(cuePrefixes, context, &rng)
        let cue = choose(serviceCues[Int(topic.rawValue)], context, &rng)
        let suffix = choose(cueSuffixes, context, &rng)
        guard negativeWords else { return render(prefix, cue, suffix, context: context, &rng) }
        if rng.chance(0.3) { return compose(negativeStandalone, context, &rng) }
        let last = suffix.pieces.isEmpty ? cue : suffix
        let joiner = last.endsWithPunctuation ? space : sentenceBreak
        let tail = choose(negativeTails, context, &rng)
        return render(prefix, cue, suffix, joiner, tail, context: context, &rng)
    }

    static func questionMention(_ context: TextContext, _ rng: inout RandomSource) -> String {
        compose(questions, context, &rng)
    }

    static func neutralMention(_ context: TextContext, _ rng: inout RandomSource) -> String {
        render(choose(neutral, context, &rng), choose(neutralClosers, context, &rng), context: context, &rng)
    }

    /// The customer's public thanks after the company answered a complaint.
    static func thanksMention(_ context: TextContext, _ rng: inout RandomSource) -> String {
        render(choose(thanks, context, &rng), choose(thanksClosers, context, &rng), context: context, &rng)
    }
}
