/// Reviews and survey comments whose tone matches their rating or score.
extension Phrasebook {
    static let reviewOpeners: [[Template]] = [
        Template.list(["Terrible.", "Avoid.", "Awful experience.", "Never again.", "One star is generous."]),
        Template.list(["Disappointing.", "Not great.", "Expected more.", "Poor value.", "Let down."]),
        Template.list(["It was okay.", "Mixed feelings.", "Average.", "Fine, nothing special.", "Hit and miss."]),
        Template.list(["Very good overall.", "Good experience.", "Happy with it.", "Solid choice.", "Pretty good."]),
        Template.list([
            "Excellent!", "Fantastic trip.", "Could not be happier.", "Five stars.", "Brilliant service.",
            "Perfect from start to finish.",
        ]),
    ]
    static let reviewBodies: [[Template]] = [
        Template.list([
            "Still waiting for my refund after {days} days.",
            "Lost my bag on {route} and nobody answers my emails.",
            "Charged twice and support keeps closing my case.",
            "Rude staff and a dirty room in {city}.",
            "The {product} fell apart on the first trip and the return is a nightmare.",
            "Our {route} flight was cancelled and we had to sort everything ourselves.",
            "On hold for {minutes} minutes, then the line went dead.",
        ]),
        Template.list([
            "On hold for {minutes} minutes to change a date.",
            "Our {city} hotel was not what the pictures showed.",
            "My {product} arrived scratched and the return took weeks.",
            "{route} was delayed {hours} hours and nobody told us anything.",
            "Had to explain my booking {n} times to different agents.",
            "The {tour} was rushed and overcrowded.",
        ]),
        Template.list([
            "The {city} trip itself was nice but getting help with a change took {n} calls.",
            "The {product} does the job, though it feels a bit flimsy.",
            "Flight was on time, the booking process was confusing.",
            "Good hotel in {city}, slow refund for the extra night.",
            "Fair price for the {item}, but the app crashed twice while booking.",
        ]),
        Template.list([
            "Booked our {city} trip in minutes and it went smoothly.",
            "The {product} is good quality for the price.",
            "Support changed my {route} flight without fuss.",
            "The {tour} was fun and well organised.",
            "Friendly crew and an on-time flight to {city}.",
        ]),
        Template.list([
            "Booked our {city} trip in minutes and everything went smoothly.",
            "The {product} is great quality and arrived in {quick} days.",
            "Support sorted a date change on my {route} flight in {few} minutes.",
            "The {tour} was the highlight of the holiday.",
            "{agent} on the chat team went above and beyond.",
            "Great prices and a friendly crew on {route}.",
            "They rebooked us the moment the {route} delay was announced.",
        ]),
    ]
    static let reviewClosers: [[Template]] = [
        Template.list(["", "Avoid {brand}.", "Zero stars if I could.", "Do not book with them."]),
        Template.list(["", "Probably won't book again.", "Needs to improve."]),
        Template.list(["", "Might book again.", "Room for improvement."]),
        Template.list([
            "", "Only wish the app was a bit faster.", "The chat could answer a little quicker.",
            "Booking took a few more clicks than it should.", "Would book again.",
        ]),
        Template.list([
            "", "Will definitely book again.", "Highly recommend.", "Thank you {brand}!",
            "Already planning the next one.",
        ]),
    ]

    /// Review text consistent with a 1-5 `rating`.
    static func review(rating: Int, _ context: TextContext, _ rng: inout RandomSource) -> String {
        precondition((1...5).contains(rating), "review rating \(rating) out of 1...5")
        let band = rating - 1
        let opener = choose(reviewOpeners[band], context, &rng)
        let body = choose(reviewBodies[band], context, &rng)
        let closer = choose(reviewClosers[band], context, &rng)
        if closer.pieces.isEmpty { return render(opener, space, body, context: context, &rng) }
        return render(opener, space, body, space, closer, context: context, &rng)
    }

    static let happyComments = Template.list([
        "Quick fix, thanks", "Easy booking", "Great trip to {city}", "Friendly agent", "Love the app",
        "{agent} was brilliant", "Fast refund, thank you", "Smooth from start to finish", "Solved in one chat",
        "Best holiday in years", "Really helpful team", "The {product} is perfect",
    ])
    static let middlingComments = Template.list([
        "Fine, but the app is slow", "OK overall", "Took a while but sorted", "Good trip, booking was fiddly",
        "Decent value", "Hotel in {city} was fine", "Could be quicker", "Nothing special",
    ])
    static let unhappyComments = Template.list([
        "Took {n} calls to fix", "On hold for {minutes} minutes", "Still waiting for my refund",
        "Nobody called me back", "Had to explain everything {n} times", "Where is my bag?", "Terrible service",
        "Too much effort for a simple change", "Switched from chat to phone and started over",
        "Still no answer about order {order}", "Very disappointed with the {city} hotel", "Rude agent",
    ])

    /// A survey comment whose tone follows the score's position on the scale.
    static func surveyComment(
        position: Double,
        _ context: TextContext,
        _ rng: inout RandomSource
    ) -> String {
        let pool = position >= 0.75 ? happyComments : position >= 0.45 ? middlingComments : unhappyComments
        return compose(pool, context, &rng)
    }
}
