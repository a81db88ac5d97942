/// A placeholder a template may hold, as `{key}`.
enum TemplateKey: String, Sendable, CaseIterable {
    case brand, handle, city, citytag, route, origin, airport, destairport, product, tour, item, order
    case minutes, few, quick, hours, days, n, nth, agent, weekday, month, emoji, color, fun, animal, kid
    case feature, activity, action, perk, hashtag
}

/// A text template parsed once into literal pieces and placeholders, so that rendering is only
/// concatenation.
struct Template: Sendable {
    enum Piece: Sendable {
        case text(String)
        case slot(TemplateKey)
    }

    let pieces: [Piece]
    /// Whether the template names an order (`{order}`), which only customers with one can do.
    let citesOrder: Bool

    /// Parses `source`; an unknown or unclosed placeholder is a bug in our own templates.
    init(_ source: String) {
        var pieces: [Piece] = []
        var rest = source[...]
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}") else {
                preconditionFailure("unclosed placeholder in template: \(source)")
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard let key = TemplateKey(rawValue: name) else {
                preconditionFailure("unknown placeholder {\(name)} in template: \(source)")
            }
            pieces.append(.slot(key))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        self.pieces = pieces
        citesOrder = pieces.contains { piece in
            if case .slot(.order) = piece { return true }
            return false
        }
    }

    /// Whether the template's text ends a sentence (with `.`, `?` or `!`).
    var endsWithPunctuation: Bool {
        guard case .text(let text)? = pieces.last, let last = text.utf8.last else { return false }
        return last == UInt8(ascii: ".") || last == UInt8(ascii: "?") || last == UInt8(ascii: "!")
    }

    /// Parses a list of template sources.
    static func list(_ sources: [String]) -> [Template] {
        sources.map(Template.init)
    }
}
