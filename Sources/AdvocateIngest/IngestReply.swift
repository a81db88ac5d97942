import AdvocateCodec

/// The reply to one request, in the public JSON shape:
/// `{"accepted":N,"duplicates":N,"rejected":[{"index":I,"id":"...","error":"..."}]}`, or
/// `{"busy":true,"retry_after_ms":N}` when the pipeline is full and nothing was taken.
public struct IngestReply: Sendable, Hashable {
    public struct Rejection: Sendable, Hashable {
        public var index: Int
        public var id: String?
        public var error: String
        /// The metrics label, e.g. `bad_timestamp`.
        public var reason: String

        public init(index: Int, id: String?, error: String, reason: String) {
            self.index = index
            self.id = id
            self.error = error
            self.reason = reason
        }
    }

    public var accepted: Int
    public var duplicates: Int
    public var rejected: [Rejection]
    /// Set when the request as a whole was refused (not JSON at all, too large, too many events).
    public var requestError: Rejection?
    /// Set when the pipeline was full: retry after this many milliseconds.
    public var retryAfterMilliseconds: Int?

    public init(
        accepted: Int = 0, duplicates: Int = 0, rejected: [Rejection] = [], requestError: Rejection? = nil,
        retryAfterMilliseconds: Int? = nil
    ) {
        self.accepted = accepted
        self.duplicates = duplicates
        self.rejected = rejected
        self.requestError = requestError
        self.retryAfterMilliseconds = retryAfterMilliseconds
    }

    public static func busy(retryAfterMilliseconds: Int) -> IngestReply {
        IngestReply(retryAfterMilliseconds: retryAfterMilliseconds)
    }

    /// The HTTP status for this reply: 429 busy, 413 too large, 400 when nothing could be taken.
    public var httpStatus: Int {
        if retryAfterMilliseconds != nil { return 429 }
        if let requestError { return requestError.reason == "too_large" ? 413 : 400 }
        if accepted == 0 && duplicates == 0 && !rejected.isEmpty { return 400 }
        return 200
    }

    /// The reply as compact JSON.
    public var json: String {
        if let retryAfterMilliseconds {
            return "{\"busy\":true,\"retry_after_ms\":\(retryAfterMilliseconds)}"
        }
        var out = "{\"accepted\":\(accepted),\"duplicates\":\(duplicates),\"rejected\":["
        for (position, rejection) in rejected.enumerated() {
            if position > 0 { out += "," }
            out += Self.object(rejection)
        }
        out += "]"
        if let requestError {
            out += ",\"error\":" + JSONText.quoted(requestError.error)
            out += ",\"reason\":" + JSONText.quoted(requestError.reason)
        }
        out += "}"
        return out
    }

    private static func object(_ rejection: Rejection) -> String {
        "{\"index\":\(rejection.index),\"id\":\(rejection.id.map(JSONText.quoted) ?? "null"),"
            + "\"error\":\(JSONText.quoted(rejection.error)),\"reason\":\(JSONText.quoted(rejection.reason))}"
    }
}
