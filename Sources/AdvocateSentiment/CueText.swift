/// A text split into `CueToken`s, with what the rules need to know about its sentences.
struct CueText {
    var tokens: [CueToken] = []
    /// Per sentence: it ends with a question mark.
    var isQuestion: [Bool] = [false]
    /// The text mentions a handle ("@airline").
    var mentionsHandle = false
}
