import AdvocateTestSupport
import Foundation
import Testing
import ZeroMQ

/// Rewards through the real executables: contact details hashed at ingest and compared in scoring, a
/// suspicious referral held and approved with the CLI, a refund clawing a reward back, fulfilment on the
/// PUB stream, and the operators' views in the report.
@Suite(.serialized) struct RewardFlowTests {
    static let rules = """
        fraud:
          max_referrals_per_day: 5
        rules:
          - id: referral-bonus
            trigger: referral_converted
            recipient: referrer
            reward: {kind: credit, amount: 10.00, currency: EUR}
            clawback_days: 30
            budget: {amount: 100.00, count: 10}
          - id: welcome-coupon
            trigger: referral_converted
            recipient: referee
            reward: {kind: coupon, percent: 15}
          - id: review-thanks
            trigger: good_review
            recipient: customer
            reward: {kind: points, amount: 100}
            conditions: {min_rating: 4}
        """

    /// c-2 signs up with c-1's e-mail in other case: held. c-4 is an honest referee whose order is refunded.
    static let events = """
        {"id":"g-1","type":"signup","customer":"c-1","at":"2026-03-01T10:00:00Z","email":"Ann@Example.com"}
        {"id":"f-1","type":"referral","customer":"c-1","at":"2026-03-02T10:00:00Z","code":"REF-c-1","referee":"c-2"}
        {"id":"g-2","type":"signup","customer":"c-2","at":"2026-03-03T10:00:00Z","referred_by":"REF-c-1","email":" ann@example.com"}
        {"id":"p-2","type":"purchase","customer":"c-2","at":"2026-03-04T10:00:00Z","order":"o-2","amount":50,"currency":"EUR"}
        {"id":"f-3","type":"referral","customer":"c-3","at":"2026-03-02T11:00:00Z","code":"REF-c-3","referee":"c-4"}
        {"id":"g-4","type":"signup","customer":"c-4","at":"2026-03-03T11:00:00Z","referred_by":"REF-c-3","email":"dan@example.com"}
        {"id":"p-4","type":"purchase","customer":"c-4","at":"2026-03-04T11:00:00Z","order":"o-4","amount":80,"currency":"EUR"}
        {"id":"r-4","type":"refund","customer":"c-4","at":"2026-03-10T11:00:00Z","order":"o-4","amount":80}
        {"id":"w-5","type":"review","customer":"c-5","at":"2026-03-05T18:00:00Z","platform":"trustpilot","rating":5,"text":"Lovely"}
        """

    @Test func heldReferralsAreApprovedOnceAndRefundsClawBack() throws {
        let stack = try LocalStack(prefix: "advocate-rewards")
        defer { stack.data.remove() }
        let rulesPath = stack.data.path + "/rewards.yaml"
        try Self.rules.write(toFile: rulesPath, atomically: true, encoding: .utf8)
        let rewardHTTP = "http://127.0.0.1:\(FreePort.next())"
        let publish = "tcp://127.0.0.1:\(FreePort.next())"
        try stack.start(reward: 0)
        let reward = try StageProcess(
            "advocate-reward",
            arguments: [
                "--data", stack.data.path, "--ingest", stack.workEndpoint, "--name", "reward-1", "--http-port",
                String(rewardHTTP.split(separator: ":").last ?? ""), "--rules", rulesPath, "--publish", publish,
            ],
            name: "reward-1", logDirectory: stack.data.path)
        defer { if reward.isRunning { _ = try? reward.terminate() } }
        try Eventually.that("the reward worker to join", timeout: 60) {
            let health = try HTTPClient.get(stack.ingestHTTP + "/healthz").json()
            return Int(health["reward_workers"] as? String ?? "") ?? 0 >= 1
        }
        let context = try ZMQContext()
        defer { context.shutdown() }
        let subscriber = try Socket(.sub, context: context)
        defer { subscriber.close() }
        try subscriber.subscribe(Array("reward.".utf8))
        try subscriber.connect(publish)

        let reply = try HTTPClient.post(stack.ingestHTTP + "/v1/events", body: Data(Self.events.utf8)).json()
        #expect(reply["accepted"] as? Int == 9)
        _ = try stack.settledSummary()
        func rewards(_ customer: String) throws -> [String: String] {
            let list = try HTTPClient.get(stack.reportHTTP + "/v1/rewards?customer=\(customer)").json()["rewards"]
            return Dictionary(
                uniqueKeysWithValues: (list as? [[String: Any]] ?? []).map {
                    ($0["id"] as? String ?? "", $0["status"] as? String ?? "")
                })
        }
        try Eventually.that("the refund to reverse c-3's reward", timeout: 60) {
            try rewards("c-3")["reversal:referral-bonus:p-4"] == "reversed"
        }
        #expect(
            try rewards("c-3") == ["referral-bonus:p-4": "reversed", "reversal:referral-bonus:p-4": "reversed"])
        #expect(try rewards("c-4") == ["welcome-coupon:p-4": "issued"])
        #expect(try rewards("c-5") == ["review-thanks:w-5": "issued"])
        #expect(try rewards("c-1") == ["referral-bonus:p-2": "held"])
        #expect(try rewards("c-2") == ["welcome-coupon:p-2": "held"])

        let held = try HTTPClient.get(stack.reportHTTP + "/v1/rewards/held").json()["rewards"] as? [[String: Any]]
        let heldBonus = try #require(held?.first { $0["id"] as? String == "referral-bonus:p-2" })
        #expect(
            (heldBonus["reason"] as? String)?.hasPrefix(
                "held for review: possible self-referral: the referee shares the referrer's e-mail") == true)
        let explained = try HTTPClient.get(stack.reportHTTP + "/v1/rewards/explain?customer=c-1").json()
        let candidates = try #require(explained["candidates"] as? [[String: Any]])
        #expect(candidates.map { $0["candidate"] as? String } == ["became_advocate:p-2", "referral_converted:p-2"])
        #expect(candidates.first?["explanation"] as? String == "no rule rewards became_advocate")

        let list = try Self.advocate(["rewards", "list", "--held", "--report", stack.reportHTTP])
        #expect(list.output.hasPrefix("referral-bonus:p-2  c-1  credit  10.00  held\n    held for review: "))
        let explain = try Self.advocate(["rewards", "explain", "c-1", "--report", stack.reportHTTP])
        #expect(
            explain.output.contains("referral_converted from p-2 at 2026-03-04T10:00:00Z\n    referral-bonus: held: "))

        // Approve with the CLI: issued once, with a coupon code for the coupon; a second approval is refused.
        let approved = try Self.advocate(["rewards", "approve", "welcome-coupon:p-2", "--reward", rewardHTTP])
        #expect(approved.status == 0)
        #expect(approved.output.hasPrefix("welcome-coupon:p-2 is now issued, coupon code "))
        let again = try Self.advocate(["rewards", "approve", "welcome-coupon:p-2", "--reward", rewardHTTP])
        #expect(again.status != 0)
        #expect(again.output.contains("is issued, not held"))
        #expect(try Self.advocate(["rewards", "reject", "referral-bonus:p-2", "--reward", rewardHTTP]).status == 0)
        #expect(try rewards("c-1") == ["referral-bonus:p-2": "rejected"])
        let code = try #require(approved.output.split(separator: " ").last.map(String.init))
        let check = try Self.advocate(["rewards", "check", code.lowercased(), "--reward", rewardHTTP])
        #expect(check.output.hasPrefix("valid: \(code) is reward welcome-coupon:p-2 of c-2"))

        // The referral budget: p-4 was reversed and p-2 rejected, so nothing of it is spent.
        let budgets = try HTTPClient.get(stack.reportHTTP + "/v1/rewards/budgets").json()["budgets"] as? [[String: Any]]
        let bonusBudget = try #require(budgets?.first { $0["rule"] as? String == "referral-bonus" })
        #expect((bonusBudget["remaining"] as? [String: Any])?["count"] as? Int == 10)
        let metrics = try HTTPClient.get(rewardHTTP + "/metrics").text
        #expect(metrics.contains("advocate_reward_budget_remaining{rule=\"referral-bonus\",measure=\"count\"} 10"))

        // Fulfilment: every issued and reversed reward, each once, keyed by its idempotency key.
        var heard: [String] = []
        try Eventually.that("the PUB stream to carry every issued and reversed reward", timeout: 30) {
            while let frames = try subscriber.receiveMultipart(dontWait: true), frames.count == 2 {
                let object = try JSONSerialization.jsonObject(with: Data(frames[1])) as? [String: Any]
                heard.append(
                    String(decoding: frames[0], as: UTF8.self) + " " + (object?["idempotency_key"] as? String ?? ""))
            }
            return heard.count >= 5
        }
        #expect(
            Set(heard) == [
                "reward.issued referral-bonus:p-4", "reward.issued welcome-coupon:p-4",
                "reward.issued review-thanks:w-5",
                "reward.reversed reversal:referral-bonus:p-4", "reward.issued welcome-coupon:p-2",
            ])
        #expect(heard.count == 5)
        #expect(try reward.terminate() == 0)
        _ = try stack.stop()
    }

    static func advocate(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: StageProcess.binDirectory + "/advocate")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus,
            String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        )
    }
}
