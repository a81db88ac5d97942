import Foundation

extension Encodable {
    /// The value as one line of JSON with sorted snake_case keys, for scripts such as `ops/bench` to read.
    ///
    /// - Throws: `EncodingError` when a figure is not a finite number.
    public func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
