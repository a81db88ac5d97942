/// Why a JSON text is not valid, and at which byte of the input.
struct JSONSyntaxError: Error, Sendable, Hashable {
    var offset: Int
    var detail: String
}
