import Foundation

/// A table as CSV (RFC 4180: a header row, fields quoted when they hold a comma, quote or line break, quotes
/// doubled, CRLF line ends).
public struct CSVTable: Sendable, Hashable {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// A table of JSON objects: a column per member, in order of first appearance, nested objects as dotted
    /// columns (`by_severity.high`), and lists as their JSON text.
    public init(records: [JSON]) {
        var columns: [String] = []
        var seen: Set<String> = []
        let flattened = records.map { record -> [(String, JSON)] in
            var members: [(String, JSON)] = []
            Self.columns(of: record, path: "", into: &members)
            return members
        }
        for members in flattened {
            for (name, _) in members where seen.insert(name).inserted { columns.append(name) }
        }
        self.columns = columns
        rows = flattened.map { members in
            let values = Dictionary(members, uniquingKeysWith: { first, _ in first })
            return columns.map { values[$0].map(Self.field) ?? "" }
        }
    }

    private static func columns(of json: JSON, path: String, into members: inout [(String, JSON)]) {
        guard case .object(let nested) = json else {
            members.append((path, json))
            return
        }
        for (name, value) in nested {
            columns(of: value, path: path.isEmpty ? name : path + "." + name, into: &members)
        }
    }

    /// A two-column table (`field`, `value`) of every scalar in `json`, with dotted paths (array items by index).
    public init(flattening json: JSON) {
        var rows: [[String]] = []
        Self.flatten(json, path: "", into: &rows)
        self.init(columns: ["field", "value"], rows: rows)
    }

    private static func flatten(_ json: JSON, path: String, into rows: inout [[String]]) {
        switch json {
        case .object(let members):
            for (name, value) in members { flatten(value, path: path.isEmpty ? name : path + "." + name, into: &rows) }
        case .array(let items):
            for (index, item) in items.enumerated() { flatten(item, path: path + "." + String(index), into: &rows) }
        default:
            rows.append([path, field(json)])
        }
    }

    /// A cell: strings as they are, null as empty, everything else as its JSON text.
    static func field(_ json: JSON) -> String {
        switch json {
        case .string(let text): text
        case .null: ""
        default: json.rendered
        }
    }

    /// The CSV text.
    public var text: String {
        // A list with no rows has no columns to name.
        guard !columns.isEmpty else { return "" }
        var out = ""
        for row in [columns] + rows {
            out += row.map(Self.quoted).joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    static func quoted(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
