import AdvocateCodec

extension EventRequestParser {
    /// Parses one body given as text.
    func parse(_ text: String) -> ParsedRequest {
        parse(Array(text.utf8))
    }
}
