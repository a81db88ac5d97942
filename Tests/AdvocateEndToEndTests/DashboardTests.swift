import AdvocateTestSupport
import Foundation
import Testing

/// The dashboard in a real headless Chromium: every number it shows equals the API's answer.
@Suite(.serialized) struct DashboardTests {
    /// Where each `data-metric` source of the page reads from (the page asks for the same paths).
    static let sources: [String: String] = {
        var sources = [
            "summary": "/v1/summary", "ladder": "/v1/ladder?by=week", "queue": "/v1/alerts/queue",
            "notices": "/v1/notices", "rewards": "/v1/rewards?limit=0", "referrals": "/v1/referrals",
            "advocates": "/v1/advocates", "topics": "/v1/topics?limit=10", "budgets": "/v1/rewards/budgets",
        ]
        for kind in ["nps", "csat", "ces"] {
            sources[kind] = "/v1/metrics/\(kind)"
            sources["channel-\(kind)"] = "/v1/metrics/\(kind)?by=channel"
            sources["segment-\(kind)"] = "/v1/metrics/\(kind)?by=segment"
        }
        return sources
    }()

    @Test func theDashboardShowsTheAPINumbers() throws {
        let chromium = try #require(
            Self.executable("chromium"),
            "chromium is not installed; run ops/setup --tests (apt-get install chromium) to run the dashboard test"
        )
        let stack = try ReportFixture.settledStack(prefix: "advocate-dashboard", events: 1_500, seed: 5)
        defer { stack.data.remove() }

        let page = try HTTPClient.get(stack.reportHTTP + "/")
        #expect(page.status == 200)
        #expect(page.headers.first { $0.key.lowercased() == "content-type" }?.value.hasPrefix("text/html") == true)
        // Self-contained: nothing is loaded from anywhere else.
        #expect(!page.text.contains("http://") && !page.text.contains("https://") && !page.text.contains("@import"))

        let dom = try Eventually.value("the dashboard to render", timeout: 90, interval: 0.5) { () -> String? in
            let dom = try Self.render(stack.reportHTTP + "/", chromium: chromium, profile: stack.data.path)
            return dom.contains("data-loaded=") ? dom : nil
        }
        let shown = Self.metrics(in: dom)
        var answers: [String: [String: Any]?] = [:]
        for (name, path) in Self.sources {
            let response = try HTTPClient.get(stack.reportHTTP + path)
            answers[name] = response.status == 200 ? try response.json() : nil
        }
        #expect(shown.count > 60, "the page shows too few numbers: \(shown.count)")
        print("dashboard: \(shown.count) numbers compared with the API")
        for required in [
            "summary:customers.total", "nps:nps", "queue:open", "ladder:stages.advocate", "referrals:sent",
        ] {
            #expect(shown.contains { $0.key == required }, "the page does not show \(required)")
        }
        for (key, text) in shown {
            let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let answer = answers[parts[0]] else {
                Issue.record("the page shows \(key), which names no API source")
                continue
            }
            let value = ReportFixture.value(answer, at: parts[1])
            if let number = ReportFixture.number(value) {
                #expect(Double(text) == number, "\(key): page shows \(text), API says \(number)")
            } else {
                #expect(text == "–", "\(key): page shows \(text), API has no number (\(String(describing: value)))")
            }
        }
        if answers["budgets"] == nil { #expect(dom.contains("no budgets")) }
        if let directory = ProcessInfo.processInfo.environment["ADVOCATE_SCREENSHOTS"] {
            // For people: what the page looks like on a laptop screen (the directory is kept out of git).
            try Self.screenshot(stack.reportHTTP + "/", chromium: chromium, profile: stack.data.path, into: directory)
        }
        #expect(try stack.stop().values.allSatisfy { $0 == 0 })
    }

    /// The DOM after the page has run, from `chromium --headless --dump-dom`.
    static func render(_ url: String, chromium: String, profile: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=" + (profile as NSString).appendingPathComponent("chromium-profile"),
            "--virtual-time-budget=8000", "--dump-dom", url,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func screenshot(_ url: String, chromium: String, profile: String, into directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--hide-scrollbars", "--user-data-dir=" + (profile as NSString).appendingPathComponent("chromium-profile"),
            "--window-size=1440,2400", "--virtual-time-budget=8000",
            "--screenshot=" + (directory as NSString).appendingPathComponent("dashboard.png"), url,
        ]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "chromium could not take a screenshot")
    }

    /// `data-metric` keys and the text of their elements.
    static func metrics(in dom: String) -> [(key: String, value: String)] {
        // The page's own script writes the attribute too; only the rendered elements count.
        let dom = dom.replacingOccurrences(of: #"<script>[\s\S]*?</script>"#, with: "", options: .regularExpression)
        let pattern = try! NSRegularExpression(pattern: #"data-metric="([^"]+)"[^>]*>([^<]*)<"#)
        let range = NSRange(dom.startIndex..., in: dom)
        return pattern.matches(in: dom, range: range).compactMap { match in
            guard let key = Range(match.range(at: 1), in: dom), let text = Range(match.range(at: 2), in: dom) else {
                return nil
            }
            return (String(dom[key]), String(dom[text]).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    static func executable(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
