/// A reward route request that cannot be answered as asked.
struct RewardRouteError: Error {
    var message: String
}
