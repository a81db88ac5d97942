/// What the receiver measured.
struct BaselineResult: Codable {
    var libzmq: String
    var bytes: Int
    var messages: Int
    var seconds: Double
    var perSecond: Double

    enum CodingKeys: String, CodingKey {
        case libzmq, bytes, messages, seconds
        case perSecond = "per_second"
    }
}
