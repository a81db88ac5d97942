import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Renders reward answers for a terminal, and sends the review requests.
enum RewardsPrinter {
    static func escaped(_ text: String) -> String {
        text.addingPercentEncoding(
            withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?&=+")))
            ?? text
    }

    static func table(_ rewards: [[String: Any]]) -> String {
        guard !rewards.isEmpty else { return "no rewards" }
        return rewards.map { reward in
            let value = (reward["value"] as? Double).map { String(format: "%.2f", $0) } ?? "?"
            return [
                reward["id"] as? String ?? "?", reward["customer"] as? String ?? "?", reward["kind"] as? String ?? "?",
                value, reward["status"] as? String ?? "?",
            ].joined(separator: "  ") + "\n    " + (reward["reason"] as? String ?? "")
        }.joined(separator: "\n")
    }

    static func explanation(_ answer: [String: Any]) -> String {
        var lines = ["customer \(answer["customer"] as? String ?? "?")", "", "rewards:"]
        lines.append(table(answer["rewards"] as? [[String: Any]] ?? []))
        lines += ["", "candidates:"]
        let candidates = answer["candidates"] as? [[String: Any]] ?? []
        if candidates.isEmpty { lines.append("none") }
        for candidate in candidates {
            lines.append(
                "\(candidate["kind"] as? String ?? "?") from \(candidate["trigger"] as? String ?? "?") at "
                    + (candidate["at"] as? String ?? "?"))
            for line in (candidate["explanation"] as? String ?? "").split(separator: "\n") {
                lines.append("    " + line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `POST /v1/rewards/{id}/approve|reject` on the reward stage.
    static func review(
        _ endpoints: RewardsCommand.Endpoints, id: String, action: String, note: String?
    ) throws
        -> String
    {
        var url = endpoints.rewardURL + "/v1/rewards/" + escaped(id) + "/" + action
        if let note { url += "?note=" + (note.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
        let (status, body) = try post(url, token: endpoints.rewardBearer)
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        guard (200..<300).contains(status) else {
            throw ToolError("\(action) \(id): \(object["error"] as? String ?? "HTTP \(status)")")
        }
        let reward = object["reward"] as? [String: Any] ?? [:]
        let code = (reward["code"] as? String).map { ", coupon code \($0)" } ?? ""
        return "\(id) is now \(reward["status"] as? String ?? "?")\(code)"
    }

    static func post(_ url: String, token: String?) throws -> (Int, Data) {
        guard let target = URL(string: url) else { throw ToolError("not a URL: \(url)") }
        var request = URLRequest(url: target, timeoutInterval: 10)
        request.httpMethod = "POST"
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            box.result =
                error.map { .failure(ToolError("POST \(url): \($0.localizedDescription)")) }
                ?? .success(((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data()))
            done.signal()
        }.resume()
        done.wait()
        guard let result = box.result else { throw ToolError("POST \(url): no answer") }
        return try result.get()
    }

    /// Carries the answer from URLSession's thread to the waiting one (ordered by the semaphore).
    private final class Box: @unchecked Sendable {
        var result: Result<(Int, Data), any Error>?
    }
}
