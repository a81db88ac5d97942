/// Suggestions for the brand and the operational notes that describe disruptions.
extension Phrasebook {
    static let suggestions = Template.list([
        "Call the {product} the '{fun}'",
        "{kid} says the {product} should be called the '{fun}'",
        "Please add {feature} to the app",
        "Would love {feature}",
        "Sell the {product} in {color}",
        "How about a {activity} in {city}?",
        "Let us {action}",
        "Give {route} travellers {perk}",
        "Make a {animal} edition of the {product} for kids",
        "{kid} wants a {color} {product}. So do I",
        "Idea: {feature}, and maybe {perk} for regulars",
        "Rename the {tour} to the '{fun} tour', it would sell out",
    ])

    /// A product or service idea from a customer.
    static func suggestion(_ context: TextContext, _ rng: inout RandomSource) -> String {
        compose(suggestions, context, &rng)
    }

    static let disruptionNotes: [[Template]] = [
        Template.list([
            "{route} flights delayed {hours} hours",
            "{route} flight cancelled: storm at {city}",
            "{route}: baggage system outage at {airport}, bags delayed",
            "{route} schedule change: departures {hours} hours later",
            "Crew shortage: {route} flights cancelled today",
            "{route} flights diverted, fog at {destairport}",
        ]),
        Template.list([
            "Overbooking at our {city} partner hotel tonight",
            "Water outage at the {city} hotel, guests moved",
            "{city} hotel closed for urgent repairs",
        ]),
        Template.list([
            "{tour} cancelled today (weather)", "{tour} cancelled: guide strike", "{tour} moved to tomorrow",
        ]),
        Template.list([
            "{product} shipments delayed {days} days (warehouse issue)",
            "{product} batch recalled after a quality check",
            "Courier strike: {product} deliveries delayed",
            "{product} out of stock, orders delayed {days} days",
        ]),
    ]

    /// The operations team's note for a disruption of the context's item, e.g. `LHR-JFK flights delayed 3 hours`.
    static func disruptionNote(_ context: TextContext, _ rng: inout RandomSource) -> String {
        compose(disruptionNotes[Int(context.item.kind.rawValue)], context, &rng)
    }
}
