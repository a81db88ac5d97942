import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Minimal blocking HTTP GET for the CLI (health checks, reports); never used inside a stage.
public enum HTTPFetch {
    /// Fetches `url`; returns the status and body, or throws when nothing answered.
    public static func get(_ url: String, token: String? = nil, timeout: Double = 5) throws -> (status: Int, body: Data)
    {
        guard let target = URL(string: url) else { throw ToolError("not a URL: \(url)") }
        var request = URLRequest(url: target, timeoutInterval: timeout)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let box = ResultBox()
        let semaphore = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                box.result = .failure(ToolError("GET \(url): \(error.localizedDescription)"))
            } else {
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                box.result = .success((status, data ?? Data()))
            }
            semaphore.signal()
        }
        task.resume()
        semaphore.wait()
        return try box.result!.get()
    }

    /// Fetches `url` and decodes a JSON object, throwing on a non-2xx status.
    public static func json(_ url: String, token: String? = nil) throws -> [String: Any] {
        let (status, body) = try get(url, token: token)
        guard (200..<300).contains(status) else {
            throw ToolError("GET \(url) answered \(status): \(String(decoding: body.prefix(300), as: UTF8.self))")
        }
        guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw ToolError("GET \(url) did not return a JSON object")
        }
        return object
    }
}

/// Carries a result from URLSession's callback thread to the waiting one (ordered by the semaphore).
private final class ResultBox: @unchecked Sendable {
    var result: Result<(Int, Data), any Error>?
}
