/// What a text is about: the customer's item, order and home.
struct TextContext: Sendable {
    var item: CatalogItem
    /// The order id the text may cite, e.g. `o-000123`; nil for a customer who never ordered.
    var order: String?
    /// The customer's home airport index.
    var home: Int
}

/// Writes the simulated texts (mentions, reviews, survey comments, suggestions, disruption notes)
/// from template pieces, so that thousands of distinct texts occur and each fits its purpose.
///
/// A template is plain text with `{key}` placeholders (see ``Template``), filled from the context and
/// the generator. Templates are ours, written for a fictional brand.
enum Phrasebook {
    static let agents = ["Priya", "Tom", "Maria", "Jonas", "Aiko", "Sam", "Fatima", "Luca", "Grace", "Mateo"]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    static let ordinals = ["second", "third", "fourth", "fifth", "sixth"]
    static let emojis = ["🙌", "😍", "✈️", "🌍", "☀️", "👏", "🎉", "💙", "🧳", "😊"]
    static let colors = [
        "forest green", "sunset orange", "sky blue", "matte black", "lavender", "mustard yellow", "giraffe print",
        "leopard print", "coral", "glow-in-the-dark",
    ]
    static let animals = [
        "giraffe", "panda", "hedgehog", "otter", "penguin", "koala", "flamingo", "sloth", "octopus", "fox",
        "llama", "puffin",
    ]
    static let funThings = ["case", "pillow", "buddy", "nest", "pouch", "cloud", "wanderer", "bean", "shell", "dream"]
    static let kids = ["My daughter (4)", "My son", "My niece", "Our little one", "My 6-year-old", "My nephew"]
    static let features = Template.list([
        "a dark mode", "offline boarding passes", "price alerts for {city}", "a packing list", "live bag tracking",
        "a kids' section", "trip sharing with family", "a currency converter", "wheelchair assistance booking",
        "a carbon calculator", "gate change notifications", "a chat history", "Apple Wallet passes",
        "a way to save travel documents", "a split-the-bill option", "a seat map for {route}",
    ])
    static let activities = [
        "night kayak tour", "kids' cooking class", "sunrise hike", "street art walk", "vegan food tour",
        "photography walk", "rooftop yoga morning", "cheese and wine evening", "ghost tour", "bike and brunch ride",
    ]
    static let actions = Template.list([
        "pick seats when booking {city} trips", "pay in instalments", "split a booking with friends",
        "save passport details once", "choose a greener flight", "bring pets on {route}", "change names on a booking",
        "add a bag after check-in", "pause a subscription box", "swap the hotel night in {city}",
    ])
    static let perks = [
        "free seat selection", "late checkout", "a lounge discount", "a snack box", "priority boarding",
        "a free city guide", "an airport transfer",
    ]
    static let hashtags = ["#travel", "#wanderlust", "#holiday", "#customerservice", "#travelfail", "#traveltips"]

    /// Renders the templates one after another into one text that starts with a capital letter.
    static func render(_ templates: Template..., context: TextContext, _ rng: inout RandomSource) -> String {
        var result = ""
        result.reserveCapacity(96)
        for template in templates {
            fill(template, into: &result, context, &rng)
        }
        return capitalizingFirstLetter(result)
    }

    /// Picks one of `templates` and renders it.
    static func compose(_ templates: [Template], _ context: TextContext, _ rng: inout RandomSource) -> String {
        render(choose(templates, context, &rng), context: context, &rng)
    }

    /// One of `templates`, drawn at random; a customer who never ordered does not cite an order.
    static func choose(_ templates: [Template], _ context: TextContext, _ rng: inout RandomSource) -> Template {
        let template = rng.pick(templates)
        guard context.order == nil && template.citesOrder else { return template }
        for _ in 0..<8 {
            let another = rng.pick(templates)
            if !another.citesOrder { return another }
        }
        guard let fallback = templates.first(where: { !$0.citesOrder }) else {
            preconditionFailure("every template list needs a template without {order}")
        }
        return fallback
    }

    /// Appends `template` with its placeholders filled; for pieces that go inside a sentence.
    private static func fill(
        _ template: Template,
        into result: inout String,
        _ context: TextContext,
        _ rng: inout RandomSource
    ) {
        for piece in template.pieces {
            switch piece {
            case .text(let text): result += text
            case .slot(let key): append(key, to: &result, context, &rng)
            }
        }
    }

    /// Texts start with a capital letter even when a placeholder (`{product}`) opens them.
    private static func capitalizingFirstLetter(_ text: String) -> String {
        guard let first = text.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return text }
        return String(UnicodeScalar(first - 32)) + text.dropFirst()
    }

    private static func append(
        _ key: TemplateKey,
        to result: inout String,
        _ context: TextContext,
        _ rng: inout RandomSource
    ) {
        let catalog = Catalog.shared
        let item = context.item
        switch key {
        case .brand: result += Catalog.brand
        case .handle: result += Catalog.handle
        case .city: result += item.city.isEmpty ? randomCity(&rng) : item.city
        case .citytag:
            result += "#"
            for word in (item.city.isEmpty ? randomCity(&rng) : item.city).split(separator: " ") { result += word }
        case .route: result += route(context, &rng).label
        case .origin: result += catalog.airports[route(context, &rng).origin].city
        case .airport: result += catalog.airports[item.kind == .route ? item.origin : context.home].code
        case .destairport: result += catalog.airports[route(context, &rng).destination].code
        case .product: result += item.kind == .product ? item.label : catalog.items[rng.pick(catalog.products)].label
        case .tour: result += item.kind == .tour ? item.label : catalog.items[rng.pick(catalog.tours)].label
        case .item: result += item.kind == .route ? item.label + " flight" : item.label
        case .order: result += context.order ?? "my booking"
        case .minutes: result += String(rng.int(in: 4...19) * 5)
        case .few: result += String(rng.int(in: 2...15))
        case .quick: result += String(rng.int(in: 2...4))
        case .hours: result += String(rng.int(in: 2...9))
        case .days: result += String(rng.int(in: 2...21))
        case .n: result += String(rng.int(in: 2...5))
        case .nth: result += rng.pick(ordinals)
        case .agent: result += rng.pick(agents)
        case .weekday: result += rng.pick(weekdays)
        case .month: result += rng.pick(months)
        case .emoji: result += rng.pick(emojis)
        case .color: result += rng.pick(colors)
        case .fun:
            result += rng.pick(animals)
            result += " "
            result += rng.pick(funThings)
        case .animal: result += rng.pick(animals)
        case .kid: result += rng.pick(kids)
        case .feature: fill(rng.pick(features), into: &result, context, &rng)
        case .activity: result += rng.pick(activities)
        case .action: fill(rng.pick(actions), into: &result, context, &rng)
        case .perk: result += rng.pick(perks)
        case .hashtag: result += rng.pick(hashtags)
        }
    }

    /// A leisure destination, for texts about goods that still name a place.
    private static func randomCity(_ rng: inout RandomSource) -> String {
        let airports = Catalog.shared.airports
        return airports[rng.int(in: Catalog.firstLeisureAirport...(airports.count - 1))].city
    }

    /// The context's route, or one from the customer's home airport when the item is not a flight.
    private static func route(_ context: TextContext, _ rng: inout RandomSource) -> CatalogItem {
        let catalog = Catalog.shared
        if context.item.kind == .route { return context.item }
        return catalog.items[catalog.randomRoute(from: context.home, &rng)]
    }
}
