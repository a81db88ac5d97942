import AdvocateStorage

/// What customers ask the company to change: suggestions (the same idea in different case or punctuation counts
/// as one) and complaint reasons, each ranked by how often they came up, with examples.
public struct TopicRanking: Sendable {
    public let limit: Int
    public let examples: Int

    public init(limit: Int = 20, examples: Int = 3) {
        self.limit = max(0, limit)
        self.examples = max(0, examples)
    }

    /// `{"suggestions":[{"topic","n","customers","examples":[..]}],"complaints":[..]}`, most frequent first, ties
    /// by topic; examples are the earliest ones.
    public func report(_ topics: [TopicRow]) -> JSON {
        var suggestions: [String: [TopicRow]] = [:]
        var complaints: [String: [TopicRow]] = [:]
        for row in topics {
            if row.topic == "suggestion" {
                suggestions[Self.normalized(row.excerpt), default: []].append(row)
            } else {
                complaints[row.topic, default: []].append(row)
            }
        }
        return .object([("suggestions", ranked(suggestions)), ("complaints", ranked(complaints))])
    }

    private func ranked(_ groups: [String: [TopicRow]]) -> JSON {
        let order = groups.sorted {
            $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key
        }
        return .array(
            order.prefix(limit).map { key, rows in
                let sorted = rows.sorted { ($0.at, $0.event) < ($1.at, $1.event) }
                return .object([
                    ("topic", .string(key)), ("n", .int(rows.count)),
                    ("customers", .int(Set(rows.map(\.customer)).count)),
                    (
                        "examples",
                        .array(
                            sorted.prefix(examples).map { row in
                                .object([
                                    ("event", .string(row.event)), ("customer", .string(row.customer)),
                                    ("at", .string(row.at.rfc3339)), ("excerpt", .string(row.excerpt)),
                                ])
                            }
                        )
                    ),
                ])
            }
        )
    }

    /// Lower case letters and digits, words separated by single spaces.
    static func normalized(_ text: String) -> String {
        var words: [String] = []
        var word = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }
}
