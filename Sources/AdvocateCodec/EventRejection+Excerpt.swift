extension EventRejection {
    /// The longest excerpt of an offending value that messages show, in characters.
    static let excerptLength = 64

    /// `value` cut to 64 characters, with an ellipsis when cut.
    static func shorten(_ value: String) -> String {
        guard let cut = value.index(value.startIndex, offsetBy: excerptLength, limitedBy: value.endIndex),
            cut != value.endIndex
        else { return value }
        return String(value[..<cut]) + "…"
    }

    /// `value` in double quotes with quotes, backslashes and control characters escaped as in JSON.
    static func quote(_ value: String) -> String {
        JSONText.quoted(value)
    }
}
