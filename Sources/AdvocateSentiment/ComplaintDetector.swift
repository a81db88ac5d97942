/// Finds customer-service complaints that may carry no sentiment word: "on hold for 40 minutes", "still waiting
/// for my refund", "where is my bag?", "third time I've asked".
///
/// Rule-based: cue phrases per reason, with guards against negation ("wasn't delayed"), conditions ("if my flight
/// is cancelled"), questions that only ask ("is the 9:15 cancelled?"), praise ("no problems at all", "worth the
/// wait") and problems already solved ("... but you sorted it quickly, thanks"). When a text gives several reasons,
/// the most specific wins (a lost bag before the wait to report it).
public struct ComplaintDetector: Sendable {
    /// Longest text read, in UTF-8 bytes; the rest of a longer text is ignored.
    public static let maxTextBytes = 16 * 1024

    let rules: ComplaintRules

    /// Creates a detector with the built-in rules (compiled once per process).
    public init() {
        rules = ComplaintRules.standard
    }

    /// The complaint the text makes, or `nil` if it makes none.
    public func detect(_ text: String) -> ComplaintFinding? {
        inspect(text).finding
    }

    /// What the detector saw in a text.
    struct Inspection {
        var finding: ComplaintFinding?
        /// The text speaks to or about a company's service: a handle, "you", or words such as "staff", "order".
        var addressesService: Bool
        /// The text shows it is not complaining: praise ("no problems"), or a cue cancelled by a guard ("wasn't
        /// delayed", "if my flight is cancelled", "is it cancelled?").
        var cleared: Bool
    }

    func inspect(_ text: String) -> Inspection {
        var text = text
        return text.withUTF8 { whole in
            var length = min(whole.count, Self.maxTextBytes)
            while length < whole.count && length > 0 && whole[length] & 0xC0 == 0x80 { length -= 1 }
            let bytes = UnsafeBufferPointer(rebasing: whole[..<length])
            let words = rules.tokenizer.tokenize(bytes)
            let (cue, cleared) = CueMatcher.finding(rules: rules, text: words)
            let finding = cue.map { ComplaintFinding(reason: $0.reason, cue: quote(bytes, words.tokens, $0.range)) }
            return Inspection(finding: finding, addressesService: addressesService(words), cleared: cleared)
        }
    }

    private func quote(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [CueToken], _ range: Range<Int>) -> String {
        let start = Int(tokens[range.lowerBound].start)
        let end = Int(tokens[range.upperBound - 1].end)
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private func addressesService(_ text: CueText) -> Bool {
        if text.mentionsHandle { return true }
        let mask = rules.words.addressee | rules.words.service
        return text.tokens.contains { $0.id >= 0 && rules.classMasks[Int($0.id)] & mask != 0 }
    }
}
