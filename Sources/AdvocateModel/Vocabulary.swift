/// Words that recur in every customer's state (channels, platforms, complaint reasons), written as one byte.
///
/// Part of the state format: append new words only at the end, never reorder or remove (old states name words
/// by position).
enum Vocabulary {
    static let words: [String] = [
        // Public channels and review platforms.
        "twitter", "x", "facebook", "instagram", "tiktok", "linkedin", "reddit", "youtube", "trustpilot",
        "google", "yelp", "tripadvisor", "app_store", "play_store",
        // Service channels.
        "survey", "phone", "email", "chat", "web", "app", "store", "sms", "whatsapp", "messenger", "social",
        // Complaint reasons and other alert reasons.
        "delay", "cancellation", "lost_or_damaged", "refund_or_billing", "waiting_time", "no_response", "staff",
        "booking_or_website", "product_quality", "other", "negative_sentiment", "detractor",
    ]

    private static let positions: [String: Int] = Dictionary(
        uniqueKeysWithValues: words.enumerated().map { ($0.element, $0.offset) }
    )

    /// The word's position, if it is one of the known words (compared byte for byte).
    static func position(of word: String) -> Int? {
        guard let position = positions[word], utf8Equal(words[position], word) else { return nil }
        return position
    }

    /// One byte naming a support channel, so a recent-contacts window can tell channel switches apart: known
    /// channels by position (1...127), others by a 7-bit hash (128...255). 0 is reserved for "case resolved".
    static func channelCode(_ channel: String) -> UInt8 {
        if let position = position(of: channel.lowercased()), position < 127 {
            return UInt8(position + 1)
        }
        return 128 | UInt8(truncatingIfNeeded: StableHash.hash32(channel.lowercased()) & 0x7F)
    }

    /// The channel's name for explanations, when the code names a known word.
    static func channelName(_ code: UInt8) -> String? {
        guard code >= 1, code < 128, Int(code) - 1 < words.count else { return nil }
        return words[Int(code) - 1]
    }
}

extension ByteWriter {
    /// A word: its vocabulary position + 1, or 0 followed by the text.
    mutating func word(_ value: String) {
        if let position = Vocabulary.position(of: value) {
            count(position + 1)
        } else {
            count(0)
            text(value)
        }
    }
}

extension ByteReader {
    mutating func word(_ field: String, limit: Int) throws(CustomerStateError) -> String {
        let start = offset
        let code = try varint(field)
        if code == 0 {
            return try text(field, limit: limit)
        }
        guard code <= UInt64(Vocabulary.words.count) else {
            throw .invalid(field: field, offset: start, reason: "unknown word code \(code)")
        }
        return Vocabulary.words[Int(code) - 1]
    }
}
