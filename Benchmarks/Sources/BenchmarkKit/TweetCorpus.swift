import Foundation

/// The texts of a VADER ground-truth file such as `tweets_GroundTruth.txt`: UTF-8, one `id<TAB>rating<TAB>text`
/// per line, lines ending in CRLF or LF. Read the way the Python reference script reads it, so that both sides
/// score exactly the same strings.
public struct TweetCorpus: Sendable {
    /// The largest file read.
    public static let maxFileBytes = 16 * 1024 * 1024
    /// The most texts a corpus holds.
    public static let maxTexts = 200_000

    /// The ground-truth tweets shipped beside the repository (`../shared/data/vader/tweets_GroundTruth.txt`
    /// relative to its root), found from where this file was compiled, so it does not depend on the working
    /// directory.
    public static var defaultPath: String {
        let repositoryRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // BenchmarkKit
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // Benchmarks
            .deletingLastPathComponent()
        return repositoryRoot.appendingPathComponent("../shared/data/vader/tweets_GroundTruth.txt")
            .standardizedFileURL.path
    }

    /// The texts, in file order.
    public var texts: [String]

    /// Reads the corpus at `path`.
    ///
    /// - Throws: `BenchmarkError` when the file is unreadable, too large, not UTF-8, has a malformed line, or
    ///   holds no texts.
    public init(contentsOf path: String) throws(BenchmarkError) {
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: Self.maxFileBytes + 1) ?? Data()
        } catch {
            throw .unreadableFile(path: path, reason: error.localizedDescription)
        }
        guard data.count <= Self.maxFileBytes else { throw .fileTooLarge(path: path, limit: Self.maxFileBytes) }
        guard let content = String(validating: data, as: UTF8.self) else { throw .notUTF8(path: path) }
        try self.init(parsing: content, source: path)
    }

    /// Reads a corpus from its text.
    ///
    /// - Parameters:
    ///   - content: the file's text.
    ///   - source: where it came from, named in errors.
    /// - Throws: `BenchmarkError` on a non-blank line without three tab-separated fields, or when there are no
    ///   texts or more than `maxTexts`.
    public init(parsing content: String, source: String) throws(BenchmarkError) {
        // Lines are split on bytes: as a Swift Character, "\r\n" is one grapheme and would not split on "\n".
        var texts: [String] = []
        let tab = UInt8(ascii: "\t")
        let lines = content.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            var line = rawLine
            while line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.isEmpty { continue }
            let fields = line.split(separator: tab, maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { throw .malformedLine(path: source, line: index + 1, fields: fields.count) }
            texts.append(String(decoding: fields[2], as: UTF8.self))
            guard texts.count <= Self.maxTexts else {
                throw .badTextCount(path: source, count: texts.count, limit: Self.maxTexts)
            }
        }
        guard !texts.isEmpty else { throw .badTextCount(path: source, count: 0, limit: Self.maxTexts) }
        self.texts = texts
    }
}
