import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A blocking JSON POST for the webhook loop's own thread (never the cooperative pool).
struct WebhookClient: Sendable {
    var url: URL
    var timeoutSeconds: Double

    /// Posts `body`; returns normally only on a 2xx answer.
    /// - Throws: `WebhookError` with the status or the transport error.
    func post(_ body: String, idempotencyKey: String) throws(WebhookError) {
        var request = URLRequest(url: url, timeoutInterval: timeoutSeconds)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(idempotencyKey, forHTTPHeaderField: "Idempotency-Key")
        request.httpBody = Data(body.utf8)
        let box = Outcome()
        let done = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: request) { _, response, error in
            if let error {
                box.set(.failure(WebhookError(message: error.localizedDescription)))
            } else {
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                box.set((200..<300).contains(status) ? .success(()) : .failure(WebhookError(message: "HTTP \(status)")))
            }
            done.signal()
        }
        task.resume()
        done.wait()
        if case .failure(let error) = box.get() { throw error }
    }

    /// Carries the answer from URLSession's thread to the waiting one (ordered by the semaphore).
    private final class Outcome: @unchecked Sendable {
        private var result: Result<Void, WebhookError> = .failure(WebhookError(message: "no answer"))
        func set(_ result: Result<Void, WebhookError>) { self.result = result }
        func get() -> Result<Void, WebhookError> { result }
    }
}

/// A webhook delivery that failed.
public struct WebhookError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
