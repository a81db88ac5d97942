import AdvocateCodec

/// A JSON value built by report handlers, rendered compactly with keys in the order given.
public indirect enum JSON: Sendable, Hashable {
    case object([(String, JSON)])
    case array([JSON])
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case null

    public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.rendered == rhs.rendered }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered) }

    /// An integer value.
    public static func int(_ value: Int) -> JSON { .int(Int64(value)) }
    /// A string, or null when absent.
    public static func optional(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }
    /// A money amount as a JSON number with up to four decimals.
    public static func money(_ value: Money) -> JSON { .double(value.doubleValue) }
    /// An object from a dictionary, keys sorted.
    public static func counts(_ values: [String: Int]) -> JSON {
        .object(values.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })
    }

    /// Compact JSON text.
    public var rendered: String {
        var out = ""
        render(into: &out)
        return out
    }

    private func render(into out: inout String) {
        switch self {
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                out += JSONText.quoted(member.0)
                out += ":"
                member.1.render(into: &out)
            }
            out += "}"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.render(into: &out)
            }
            out += "]"
        case .string(let text): out += JSONText.quoted(text)
        case .int(let value): out += String(value)
        case .double(let value):
            if value.isFinite {
                if value == value.rounded(), abs(value) < 1e15 {
                    out += String(Int64(value))
                } else {
                    out += String(value)
                }
            } else {
                out += "null"
            }
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        }
    }
}
