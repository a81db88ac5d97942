/// Where a customer lives: currency, home airports and phone numbering.
struct Market: Sendable {
    var currency: String
    /// Price multiplier from the catalog's euro prices.
    var rateFromEuro: Double
    /// The currency's smallest unit the shop charges, in cents of it (1 = 0.01, 100 = whole units).
    var granularityCents: Int
    var homeAirports: [Int]
    var phonePrefix: String
    /// Share of customers from this market.
    var weight: Double
}

/// A world region, to tell short-haul from long-haul routes.
enum Region: Sendable {
    case northAmerica, europe, middleEast, asia, africa, oceania
}

/// An airport the fictional brand flies to.
struct Airport: Sendable {
    var code: String
    var city: String
    var region: Region
    /// How often customers pick it as a destination, relative to the others.
    var popularity: Double
}

/// What a catalog item is.
enum CatalogKind: UInt8, Sendable {
    case route, stay, tour, product
}

/// Something a customer can buy; its `segment` is what purchases and disruptions carry.
struct CatalogItem: Sendable {
    var kind: CatalogKind
    /// `route:LHR-JFK`, `stay:lisbon`, `tour:lisbon-food-walk`, `product:carry-on-suitcase`.
    var segment: String
    /// How people call it: `LHR-JFK`, `hotel in Lisbon`, `Lisbon food walk`, `carry-on suitcase`.
    var label: String
    /// The destination city, or "" for goods.
    var city: String
    /// The origin airport index for routes, else -1.
    var origin: Int
    /// The destination airport index for routes, else -1.
    var destination: Int
    /// Price range in euro cents.
    var lowCents: Int
    var highCents: Int
}

/// The fictional brand's markets, destinations and catalog. Fixed, so memory does not grow with use.
struct Catalog: Sendable {
    /// The brand the simulated customers talk about.
    static let brand = "Wanderlark"
    static let handle = "@Wanderlark"

    static let shared = Catalog()
    /// Airports from this index on are holiday destinations rather than home airports.
    static let firstLeisureAirport = 15

    let airports: [Airport]
    let markets: [Market]
    let items: [CatalogItem]
    /// Route item indices by origin airport index (empty for airports that are not a home).
    let routesFrom: [[Int]]
    /// Destination popularity of each route in `routesFrom`, index for index.
    let routeWeightsFrom: [WeightTable?]
    let stays: [Int]
    let tours: [Int]
    let products: [Int]
    let marketWeights: WeightTable

    /// A route from `home`, popular destinations more often.
    func randomRoute(from home: Int, _ rng: inout RandomSource) -> Int {
        guard let weights = routeWeightsFrom[home] else {
            preconditionFailure("airport \(home) is nobody's home airport")
        }
        return routesFrom[home][weights.draw(&rng)]
    }

    private init() {
        let airports: [Airport] = [
            Airport(code: "LHR", city: "London", region: .europe, popularity: 6),
            Airport(code: "LGW", city: "London", region: .europe, popularity: 1),
            Airport(code: "MAN", city: "Manchester", region: .europe, popularity: 1),
            Airport(code: "EDI", city: "Edinburgh", region: .europe, popularity: 2),
            Airport(code: "CDG", city: "Paris", region: .europe, popularity: 5),
            Airport(code: "AMS", city: "Amsterdam", region: .europe, popularity: 4),
            Airport(code: "FRA", city: "Frankfurt", region: .europe, popularity: 1),
            Airport(code: "MAD", city: "Madrid", region: .europe, popularity: 2),
            Airport(code: "DUB", city: "Dublin", region: .europe, popularity: 2),
            Airport(code: "JFK", city: "New York", region: .northAmerica, popularity: 7),
            Airport(code: "LAX", city: "Los Angeles", region: .northAmerica, popularity: 3),
            Airport(code: "ORD", city: "Chicago", region: .northAmerica, popularity: 1),
            Airport(code: "BOS", city: "Boston", region: .northAmerica, popularity: 1),
            Airport(code: "ARN", city: "Stockholm", region: .europe, popularity: 1),
            Airport(code: "HND", city: "Tokyo", region: .asia, popularity: 3),
            Airport(code: "BCN", city: "Barcelona", region: .europe, popularity: 5),
            Airport(code: "LIS", city: "Lisbon", region: .europe, popularity: 5),
            Airport(code: "FCO", city: "Rome", region: .europe, popularity: 4),
            Airport(code: "ATH", city: "Athens", region: .europe, popularity: 3),
            Airport(code: "KEF", city: "Reykjavik", region: .europe, popularity: 2),
            Airport(code: "PMI", city: "Palma", region: .europe, popularity: 2),
            Airport(code: "DBV", city: "Dubrovnik", region: .europe, popularity: 1.5),
            Airport(code: "CPH", city: "Copenhagen", region: .europe, popularity: 1.5),
            Airport(code: "SFO", city: "San Francisco", region: .northAmerica, popularity: 2),
            Airport(code: "MIA", city: "Miami", region: .northAmerica, popularity: 2),
            Airport(code: "YUL", city: "Montreal", region: .northAmerica, popularity: 1),
            Airport(code: "MEX", city: "Mexico City", region: .northAmerica, popularity: 1.5),
            Airport(code: "DXB", city: "Dubai", region: .middleEast, popularity: 2.5),
            Airport(code: "SIN", city: "Singapore", region: .asia, popularity: 2),
            Airport(code: "BKK", city: "Bangkok", region: .asia, popularity: 2),
            Airport(code: "CPT", city: "Cape Town", region: .africa, popularity: 1.5),
            Airport(code: "SYD", city: "Sydney", region: .oceania, popularity: 1),
        ]
        let markets: [Market] = [
            Market(
                currency: "GBP", rateFromEuro: 0.86, granularityCents: 1, homeAirports: [0, 0, 0, 1, 2, 3],
                phonePrefix: "+44755", weight: 0.32),
            Market(
                currency: "EUR", rateFromEuro: 1, granularityCents: 1, homeAirports: [4, 5, 6, 7, 8],
                phonePrefix: "+3365", weight: 0.33),
            Market(
                currency: "USD", rateFromEuro: 1.09, granularityCents: 1, homeAirports: [9, 9, 10, 11, 12],
                phonePrefix: "+1555", weight: 0.25),
            Market(
                currency: "SEK", rateFromEuro: 11.4, granularityCents: 100, homeAirports: [13],
                phonePrefix: "+46700", weight: 0.06),
            Market(
                currency: "JPY", rateFromEuro: 162, granularityCents: 1000, homeAirports: [14],
                phonePrefix: "+81905", weight: 0.04),
        ]
        var items: [CatalogItem] = []
        var routesFrom = [[Int]](repeating: [], count: airports.count)
        let homes = Set(markets.flatMap(\.homeAirports))
        for origin in homes.sorted() {
            for destination in airports.indices where airports[destination].city != airports[origin].city {
                let shortHaul = airports[origin].region == airports[destination].region
                routesFrom[origin].append(items.count)
                items.append(
                    CatalogItem(
                        kind: .route,
                        segment: "route:\(airports[origin].code)-\(airports[destination].code)",
                        label: "\(airports[origin].code)-\(airports[destination].code)",
                        city: airports[destination].city,
                        origin: origin,
                        destination: destination,
                        lowCents: shortHaul ? 5_900 : 38_000,
                        highCents: shortHaul ? 26_000 : 124_000
                    ))
            }
        }
        var stays: [Int] = []
        for airport in airports[Catalog.firstLeisureAirport...] {
            stays.append(items.count)
            let slug = airport.city.lowercased().split(separator: " ").joined(separator: "-")
            items.append(
                CatalogItem(
                    kind: .stay, segment: "stay:\(slug)", label: "hotel in \(airport.city)", city: airport.city,
                    origin: -1, destination: -1, lowCents: 14_000, highCents: 165_000))
        }
        let tourList: [(String, String, String, Int, Int)] = [
            ("lisbon-food-walk", "Lisbon food walk", "Lisbon", 4_500, 8_900),
            ("rome-colosseum-tour", "Colosseum tour", "Rome", 3_900, 9_500),
            ("paris-seine-cruise", "Seine dinner cruise", "Paris", 6_900, 14_900),
            ("barcelona-tapas-night", "tapas night in Barcelona", "Barcelona", 5_500, 9_900),
            ("reykjavik-northern-lights", "northern lights tour", "Reykjavik", 8_900, 16_900),
            ("athens-acropolis-tour", "Acropolis tour", "Athens", 3_500, 7_900),
            ("amsterdam-canal-cruise", "canal cruise", "Amsterdam", 2_500, 5_900),
            ("dubrovnik-sea-kayak", "sea kayak trip", "Dubrovnik", 4_900, 8_900),
            ("tokyo-sushi-class", "sushi class in Tokyo", "Tokyo", 7_900, 15_900),
            ("bangkok-street-food", "Bangkok street food tour", "Bangkok", 2_900, 6_900),
            ("cape-town-wine-day", "Cape Winelands day trip", "Cape Town", 6_900, 13_900),
            ("new-york-food-tour", "Brooklyn food tour", "New York", 7_500, 12_900),
            ("palma-boat-day", "boat day in Palma", "Palma", 8_900, 18_900),
            ("copenhagen-bike-tour", "Copenhagen bike tour", "Copenhagen", 3_900, 6_900),
        ]
        var tours: [Int] = []
        for (slug, label, city, low, high) in tourList {
            tours.append(items.count)
            items.append(
                CatalogItem(
                    kind: .tour, segment: "tour:\(slug)", label: label, city: city, origin: -1, destination: -1,
                    lowCents: low, highCents: high))
        }
        let productList: [(String, String, Int, Int)] = [
            ("carry-on-suitcase", "carry-on suitcase", 8_999, 19_999),
            ("check-in-suitcase", "check-in suitcase", 12_999, 27_999),
            ("travel-pillow", "travel pillow", 1_999, 3_999),
            ("packing-cubes", "packing cubes", 1_999, 3_999),
            ("travel-adapter", "travel adapter", 1_499, 2_999),
            ("rain-jacket", "rain jacket", 5_999, 12_999),
            ("daypack", "daypack", 3_999, 8_999),
            ("noise-cancelling-headphones", "noise-cancelling headphones", 14_999, 29_999),
            ("water-bottle", "water bottle", 1_499, 2_999),
            ("luggage-tag", "luggage tag", 499, 1_299),
            ("toiletry-bag", "toiletry bag", 1_299, 2_999),
            ("kids-backpack", "kids' backpack", 2_499, 4_999),
            ("city-guide", "city guide book", 1_299, 2_499),
            ("esim-data-pack", "eSIM data pack", 999, 4_999),
        ]
        var products: [Int] = []
        for (slug, label, low, high) in productList {
            products.append(items.count)
            items.append(
                CatalogItem(
                    kind: .product, segment: "product:\(slug)", label: label, city: "", origin: -1, destination: -1,
                    lowCents: low, highCents: high))
        }
        self.airports = airports
        self.markets = markets
        self.items = items
        self.routesFrom = routesFrom
        self.routeWeightsFrom = routesFrom.map { routes in
            routes.isEmpty ? nil : WeightTable(routes.map { airports[items[$0].destination].popularity })
        }
        self.stays = stays
        self.tours = tours
        self.products = products
        self.marketWeights = WeightTable(markets.map(\.weight))
    }
}
