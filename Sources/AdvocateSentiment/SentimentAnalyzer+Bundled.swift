import Foundation

extension SentimentAnalyzer {
    /// The analyzer with the published VADER lexicons bundled with this module.
    public static let shared: SentimentAnalyzer = {
        do {
            return try SentimentAnalyzer(
                lexicon: bundledResource("vader_lexicon"), emojiLexicon: bundledResource("emoji_utf8_lexicon"))
        } catch {
            // The lexicons ship inside the module: failing to read them is a packaging bug, not bad input.
            preconditionFailure("bundled VADER lexicon is unreadable: \(error)")
        }
    }()

    private static func bundledResource(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Resources/\(name).txt"])
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
