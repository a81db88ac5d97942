import Foundation

/// Where the rules come from: the operator's file, or the commented default that ships with the product.
public enum RulesFile {
    /// The default rules, as shipped in `ops/rewards.yaml`.
    public static var defaultText: String {
        get throws(RulesError) {
            guard let url = Bundle.module.url(forResource: "rewards", withExtension: "yaml", subdirectory: "Resources"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else {
                throw RulesError(
                    source: "the default rules",
                    issues: [.init(line: 0, message: "the bundled rewards.yaml is missing")])
            }
            return text
        }
    }

    /// Loads and validates the rules at `path`, or the default rules when `path` is `nil`.
    /// - Throws: `RulesError` with every problem and its line.
    public static func load(path: String?) throws(RulesError) -> RewardRules {
        guard let path else {
            return try RulesParser.parse(try defaultText, source: "default rules")
        }
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard data.count <= RulesParser.maximumBytes else {
                throw RulesError(
                    source: path,
                    issues: [
                        .init(line: 0, message: "the file has \(data.count) bytes; at most \(RulesParser.maximumBytes)")
                    ])
            }
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw RulesError(source: path, issues: [.init(line: 0, message: "the file is not UTF-8 text")])
            }
            text = decoded
        } catch let error as RulesError {
            throw error
        } catch {
            throw RulesError(
                source: path, issues: [.init(line: 0, message: "cannot read the file: \(error.localizedDescription)")])
        }
        return try RulesParser.parse(text, source: path)
    }
}
