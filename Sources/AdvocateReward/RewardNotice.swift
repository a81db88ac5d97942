import AdvocateCodec
import AdvocateStorage

/// What downstream systems are told of an issued or reversed reward, as JSON. It carries the entry's
/// idempotency key, so a receiver that hears of one reward twice (PUB and webhook, or a retried POST) can
/// keep only the first.
public struct RewardNotice: Sendable, Hashable {
    /// `issued` or `reversed`.
    public var event: String
    public var entry: LedgerEntry

    public init(event: String, entry: LedgerEntry) {
        self.event = event
        self.entry = entry
    }

    /// The PUB topic frame: `reward.issued` or `reward.reversed`, so subscribers can filter by prefix.
    public var topic: String { "reward." + event }

    /// `{"idempotency_key":..,"event":..,"reward":{...}}`.
    public var json: String {
        var fields: [(String, String)] = [
            ("id", Self.quoted(entry.id)), ("customer", Self.quoted(entry.customer)), ("rule", Self.quoted(entry.rule)),
            ("rule_version", Self.quoted(entry.ruleVersion)), ("kind", Self.quoted(entry.kind)),
            ("value", entry.value.decimalString), ("status", Self.quoted(entry.status.rawValue)),
            ("reason", Self.quoted(entry.reason)), ("trigger", Self.quoted(entry.trigger)),
            ("at", Self.quoted(entry.at.rfc3339)),
        ]
        if let code = entry.code { fields.append(("code", Self.quoted(code))) }
        if let reverses = entry.reverses { fields.append(("reverses", Self.quoted(reverses))) }
        let reward = "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
        return "{\"idempotency_key\":\(Self.quoted(entry.id)),\"event\":\(Self.quoted(event)),\"reward\":\(reward)}"
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The notices a set of new ledger entries gives: issued entries and reversing entries.
    public static func notices(for entries: [LedgerEntry]) -> [RewardNotice] {
        entries.compactMap { entry in
            if entry.reverses != nil { return RewardNotice(event: "reversed", entry: entry) }
            if entry.status == .issued { return RewardNotice(event: "issued", entry: entry) }
            return nil
        }
    }
}
