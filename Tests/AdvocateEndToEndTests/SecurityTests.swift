import AdvocateStorage
import AdvocateTestSupport
import AdvocateTools
import Foundation
import Testing
import ZeroMQ

/// Security between hosts with the real executables: CURVE keeps unlisted producers and workers out,
/// ingest's HTTP endpoint wants its bearer token, and contact details never reach a disk or a log in clear.
@Suite(.serialized) struct SecurityTests {
    static let token = "ingest-secret-token"

    /// A key directory whose client pairs ingest does not list, but which knows ingest's public key.
    static func rogueKeys(knowing keys: String) throws -> TemporaryDirectory {
        let rogue = try TemporaryDirectory(prefix: "advocate-rogue-keys")
        try CurveKeyDirectory(path: rogue.path).generate()
        let server = try String(contentsOfFile: keys + "/server.public", encoding: .utf8)
        try Data(server.utf8).write(to: URL(fileURLWithPath: rogue.path + "/server.public"))
        return rogue
    }

    static func health(_ stack: LocalStack) throws -> [String: Any] {
        try HTTPClient.get(stack.ingestHTTP + "/healthz").json()
    }

    @Test(.enabled(if: CurveKeyPair.isSupported, "this libzmq was built without CURVE"))
    func onlyAuthorizedProducersAndWorkersGetIn() throws {
        let stack = try LocalStack(prefix: "advocate-curve")
        defer { stack.data.remove() }
        let keys = try TemporaryDirectory(prefix: "advocate-keys")
        defer { keys.remove() }
        try CurveKeyDirectory(path: keys.path).generate()
        let rogue = try Self.rogueKeys(knowing: keys.path)
        defer { rogue.remove() }
        let extra = ExtraStages(beside: stack)
        let ingest = try stack.startIngest(extra: ["--curve-dir", keys.path, "--token", Self.token])

        // A worker with an unlisted key starts first: were it admitted, it would be given every partition.
        try extra.start("advocate-score", name: "score-rogue", extra: ["--curve-dir", rogue.path])
        try Eventually.that("ingest to refuse the unlisted worker", timeout: 30) {
            ingest.log.contains("refused a ZeroMQ client without an authorized CURVE key")
        }

        // A producer with an unlisted key, or without CURVE at all, hears nothing back, and nothing of its
        // request is journalled.
        let context = try ZMQContext()
        for keys in [try CurveKeyDirectory(path: rogue.path).clientKeys(role: "producer"), nil] {
            let intruder = try Socket(.dealer, context: context)
            defer { intruder.close() }
            try intruder.setLinger(milliseconds: 0)
            try intruder.setReceiveTimeout(milliseconds: 2_000)
            if let keys { try intruder.useCurve(keys) }
            try intruder.connect(stack.ingestEndpoint)
            let event =
                #"{"id":"rogue-1","type":"suggestion","customer":"c-x","at":"2026-11-09T15:00:00Z","text":"hi"}"#
            try intruder.send(parts: [[], Array(event.utf8)])
            #expect(
                try intruder.receiveMultipart() == nil, "a producer \(keys == nil ? "without" : "with unlisted") keys")
        }

        try extra.start("advocate-score", name: "score-1", extra: ["--curve-dir", keys.path])
        try extra.start("advocate-reward", name: "reward-1", extra: ["--curve-dir", keys.path])
        try Eventually.that("the listed workers to join", timeout: 60) {
            let health = try Self.health(stack)
            return health["score_workers"] as? String == "1" && health["reward_workers"] as? String == "1"
        }

        var options = EventSender.Options()
        options.endpoint = stack.ingestEndpoint
        options.curve = try CurveKeyDirectory(path: keys.path).clientKeys(role: "producer")
        let summary = try EventSender(options: options).send(
            try SimulatedLines(events: 2_000, customers: 200, seed: 11)
        ) { _ in }
        #expect(summary.rejected == 0)
        #expect(summary.accepted > 1_000)

        // HTTP: the bearer token is required.
        let body = Data(
            #"{"id":"http-1","type":"suggestion","customer":"c-h","at":"2026-11-09T15:00:00Z","text":"ok"}"#.utf8)
        let refused = try HTTPClient.post(stack.ingestHTTP + "/v1/events", body: body)
        #expect(refused.status == 401)
        let wrong = try HTTPClient.post(
            stack.ingestHTTP + "/v1/events", body: body, headers: ["Authorization": "Bearer not-it"])
        #expect(wrong.status == 401)
        let accepted = try HTTPClient.post(
            stack.ingestHTTP + "/v1/events", body: body, headers: ["Authorization": "Bearer \(Self.token)"])
        #expect(accepted.status == 200)
        #expect(try accepted.json()["accepted"] as? Int == 1)

        try Eventually.that("scoring to apply everything", timeout: 120) {
            let snapshot = try SQLiteReportReader(directory: DataDirectory(path: stack.data.path)).snapshot()
            return snapshot.inFlight == 0 && snapshot.received == snapshot.candidates
        }
        let snapshot = try SQLiteReportReader(directory: DataDirectory(path: stack.data.path)).snapshot()
        #expect(snapshot.accepted.values.reduce(0, +) == summary.accepted + 1, "only listed producers' events")
        #expect(!snapshot.customers.isEmpty)
        let health = try Self.health(stack)
        #expect(health["score_workers"] as? String == "1", "the unlisted worker must never join")
        #expect(!ingest.log.contains("score-rogue"))
        let rogueWorker = try #require(extra.stages.first { $0.name == "score-rogue" })
        #expect(!rogueWorker.log.contains("partitions assigned"))

        var statuses = try extra.stop()
        statuses.merge(try stack.stop()) { first, _ in first }
        for (name, status) in statuses { #expect(status == 0, "\(name) exited with \(status)") }
    }

    /// Contact details as producers send them, and as ingest normalises them before hashing.
    static let contacts: [(email: String, phone: String, payment: String, address: String)] = (1...20).map { index in
        (
            "Scan.Person\(index)@Example.com", "+44 20 7946 \(String(format: "%04d", 1_000 + index))",
            "fp-cleartext-\(index)-4242", "\(index) Scanner Street, Testington"
        )
    }

    static func needles() -> [String] {
        contacts.flatMap { contact in
            [
                contact.email, contact.email.lowercased(), contact.phone,
                "+" + contact.phone.filter(\.isNumber), contact.phone.filter(\.isNumber), contact.payment,
                contact.address, contact.address.lowercased().replacingOccurrences(of: ",", with: ""),
            ]
        } + ["reject.me@example.com"]
    }

    static func eventLines() -> [String] {
        var lines: [String] = []
        for (index, contact) in contacts.enumerated() {
            let customer = "scan-c-\(index)"
            let referrer = index > 0 ? #","referred_by":"REF-scan-c-\#(index - 1)""# : ""
            lines.append(
                #"{"id":"scan-g-\#(index)","type":"signup","customer":"\#(customer)","at":"2026-11-08T10:00:\#(String(format: "%02d", index))Z","email":"\#(contact.email)","phone":"\#(contact.phone)","payment_fingerprint":"\#(contact.payment)","address":"\#(contact.address)"\#(referrer)}"#
            )
            lines.append(
                #"{"id":"scan-f-\#(index)","type":"referral","customer":"\#(customer)","at":"2026-11-08T11:00:00Z","code":"REF-\#(customer)"}"#
            )
            lines.append(
                #"{"id":"scan-p-\#(index)","type":"purchase","customer":"\#(customer)","at":"2026-11-09T10:00:00Z","order":"o-\#(index)","amount":30}"#
            )
        }
        // A rejected event must not carry a contact detail into an error, a log or the journal either.
        lines.append(
            #"{"id":"scan-bad","type":"signup","customer":"scan-c-x","at":"yesterday","email":"reject.me@example.com"}"#
        )
        return lines
    }

    @Test func contactDetailsAreNeverStoredOrLoggedInClear() throws {
        let stack = try LocalStack(prefix: "advocate-scan")
        defer { stack.data.remove() }
        let extra = ExtraStages(beside: stack)
        try stack.startIngest(extra: ["--log-level", "trace"])
        for (executable, name) in [
            ("advocate-score", "score-1"), ("advocate-reward", "reward-1"), ("advocate-report", "report"),
        ] {
            try extra.start(executable, name: name, extra: ["--log-level", "trace"])
        }
        try Eventually.that("the stack to be ready", timeout: 60) {
            let health = try Self.health(stack)
            return health["score_workers"] as? String == "1" && health["reward_workers"] as? String == "1"
                && (try? HTTPClient.get(stack.reportHTTP + "/healthz").status) == 200
        }
        // Half over ZeroMQ, half over HTTP.
        let lines = Self.eventLines()
        let half = lines.count / 2
        let context = try ZMQContext()
        do {
            let producer = try Socket(.req, context: context)
            defer { producer.close() }
            try producer.setLinger(milliseconds: 0)
            try producer.setReceiveTimeout(milliseconds: 30_000)
            try producer.connect(stack.ingestEndpoint)
            try producer.send(Array(lines[..<half].joined(separator: "\n").utf8))
            let reply = try #require(try producer.receive())
            #expect(String(decoding: reply, as: UTF8.self).contains(#""accepted":\#(half)"#))
        }
        let http = try HTTPClient.post(
            stack.ingestHTTP + "/v1/events", body: Data(lines[half...].joined(separator: "\n").utf8))
        #expect(http.status == 200)
        #expect(try http.json()["accepted"] as? Int == lines.count - half - 1)
        for email in ["Scan.Person3@Example.com", "reject.me@example.com"] {
            #expect(!http.text.contains(email))
        }

        _ = try Eventually.value("the pipeline to come to rest", timeout: 120) { () -> Bool? in
            let snapshot = try SQLiteReportReader(directory: DataDirectory(path: stack.data.path)).snapshot()
            return snapshot.inFlight == 0 && snapshot.received == snapshot.candidates
                && snapshot.accepted["signup"] == Self.contacts.count ? true : nil
        }
        let customer = try HTTPClient.get(stack.reportHTTP + "/v1/customers/scan-c-3")
        #expect(customer.status == 200)
        var statuses = try extra.stop()
        statuses.merge(try stack.stop()) { first, _ in first }
        for (name, status) in statuses { #expect(status == 0, "\(name) exited with \(status)") }

        // Every byte the stages wrote: databases, their -wal and -shm files, and the logs.
        let needles = Self.needles().map { Array($0.utf8) }
        var scanned = 0
        var sawEventIDs = false
        let files = FileManager.default.enumerator(atPath: stack.data.path)?.compactMap { $0 as? String } ?? []
        for file in files {
            let path = stack.data.path + "/" + file
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            scanned += 1
            if Self.contains(bytes, Array("scan-g-7".utf8)) { sawEventIDs = true }
            for needle in needles where Self.contains(bytes, needle) {
                Issue.record("\(file) holds \"\(String(decoding: needle, as: UTF8.self))\" in clear")
            }
        }
        #expect(scanned >= 5, "the journal, the stores and the logs were scanned")
        #expect(sawEventIDs, "the scan reads the files the events were written to")
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) {
                return true
            }
            index += 1
        }
        return false
    }
}
