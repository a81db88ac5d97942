import Foundation

/// Resolves one configuration key: a command-line flag wins over an environment variable, which wins
/// over the default. Every stage documents its keys in the README's configuration table.
public enum Setting {
    /// The environment this process was started with.
    public static func environment(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// A string setting.
    public static func string(_ flag: String?, env: String, default fallback: String) -> String {
        flag ?? environment(env) ?? fallback
    }

    /// An optional string setting (no default).
    public static func optionalString(_ flag: String?, env: String) -> String? {
        flag ?? environment(env)
    }

    /// An integer setting; a malformed environment value is an error naming the variable.
    public static func int(_ flag: Int?, env: String, default fallback: Int) throws -> Int {
        if let flag { return flag }
        guard let text = environment(env) else { return fallback }
        guard let value = Int(text) else { throw SettingError(name: env, value: text, expected: "an integer") }
        return value
    }

    /// A boolean setting: `1/true/yes/on` or `0/false/no/off`.
    public static func bool(_ flag: Bool?, env: String, default fallback: Bool) throws -> Bool {
        if let flag { return flag }
        guard let text = environment(env) else { return fallback }
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw SettingError(name: env, value: text, expected: "true or false")
        }
    }
}

/// A configuration value that could not be used.
public struct SettingError: Error, CustomStringConvertible, Sendable {
    public var name: String
    public var value: String
    public var expected: String

    public init(name: String, value: String, expected: String) {
        self.name = name
        self.value = value
        self.expected = expected
    }

    public var description: String { "\(name)=\"\(value)\" is not valid: expected \(expected)" }
}
