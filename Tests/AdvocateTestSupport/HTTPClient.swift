import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Blocking HTTP for tests.
public enum HTTPClient {
    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: Data

        public var text: String { String(decoding: body, as: UTF8.self) }

        /// The body as a JSON object (fails the caller with a thrown error otherwise).
        public func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                throw HTTPClientError(message: "not a JSON object: \(text.prefix(200))")
            }
            return object
        }
    }

    public static func get(_ url: String, headers: [String: String] = [:]) throws -> Response {
        try request("GET", url, body: nil, headers: headers)
    }

    public static func post(_ url: String, body: Data, headers: [String: String] = [:]) throws -> Response {
        try request("POST", url, body: body, headers: headers)
    }

    public static func request(
        _ method: String, _ url: String, body: Data?, headers: [String: String]
    ) throws -> Response {
        var request = URLRequest(url: URL(string: url)!, timeoutInterval: 30)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                box.result = .failure(HTTPClientError(message: "\(method) \(url): \(error.localizedDescription)"))
            } else {
                let http = response as? HTTPURLResponse
                var headers: [String: String] = [:]
                for (key, value) in http?.allHeaderFields ?? [:] {
                    headers[String(describing: key).lowercased()] = String(describing: value)
                }
                box.result = .success(Response(status: http?.statusCode ?? 0, headers: headers, body: data ?? Data()))
            }
            done.signal()
        }.resume()
        done.wait()
        return try box.result!.get()
    }
}

public struct HTTPClientError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

private final class Box: @unchecked Sendable {
    var result: Result<HTTPClient.Response, any Error>?
}
