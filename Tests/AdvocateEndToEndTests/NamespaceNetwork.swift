import AdvocateTestSupport
import Foundation

/// Several "hosts" on one machine: a Linux network namespace per host, each joined by a veth pair to a
/// bridge in a hub namespace, with its own address on 10.77.0.0/24. The test's own (root) namespace joins
/// the hub too, at 10.77.0.254, so it can feed ingest and read its health like an upstream system would.
/// A host's link can be cut and restored; `remove()` deletes every namespace and so every link.
final class NamespaceNetwork: @unchecked Sendable {
    // Used from one test's thread.
    struct Host: Sendable {
        var namespace: String
        var address: String
        /// The host's veth end inside the hub, which `cut` takes down.
        var hubLink: String
    }

    static let subnet = "10.77.0"
    static let rootAddress = "\(subnet).254"

    let tag: String
    let hub: String
    private(set) var hosts: [String: Host] = [:]
    private var namespaces: [String] = []

    /// Whether this process may create network namespaces (root or CAP_NET_ADMIN, and `ip` installed).
    static let available: Bool = {
        let probe = "advocate-probe-\(ProcessInfo.processInfo.processIdentifier)"
        guard (try? ip(["netns", "add", probe])) != nil else { return false }
        _ = try? ip(["netns", "delete", probe])
        return true
    }()

    /// Creates the hub and one namespace per name in `hosts`, addressed 10.77.0.1, .2, … in that order.
    init(hosts names: [String]) throws {
        tag = String(UInt32.random(in: 0..<0xFFFF), radix: 16)
        hub = "adv-\(tag)-hub"
        do {
            try add(namespace: hub)
            try Self.ip(["-n", hub, "link", "add", "br0", "type", "bridge"])
            try Self.ip(["-n", hub, "link", "set", "br0", "up"])
            try Self.ip(["-n", hub, "link", "set", "lo", "up"])
            for (index, name) in names.enumerated() {
                let host = Host(
                    namespace: "adv-\(tag)-\(name)", address: "\(Self.subnet).\(index + 1)",
                    hubLink: "avh\(tag)x\(index)")
                try add(namespace: host.namespace)
                try join(namespace: host.namespace, hubLink: host.hubLink, address: host.address)
                hosts[name] = host
            }
            try join(namespace: nil, hubLink: "avh\(tag)root", address: Self.rootAddress)
        } catch {
            remove()
            throw error
        }
    }

    /// A veth pair from `namespace` (nil: the root namespace) to the hub's bridge, with `address` on its end.
    private func join(namespace: String?, hubLink: String, address: String) throws {
        let end = "avn\(tag)\(hosts.count)\(namespace == nil ? "r" : "")"
        try Self.ip(["link", "add", end, "type", "veth", "peer", "name", hubLink])
        try Self.ip(["link", "set", hubLink, "netns", hub])
        try Self.ip(["-n", hub, "link", "set", hubLink, "master", "br0", "up"])
        var prefix: [String] = []
        if let namespace {
            try Self.ip(["link", "set", end, "netns", namespace])
            prefix = ["-n", namespace]
            try Self.ip(prefix + ["link", "set", "lo", "up"])
        }
        try Self.ip(prefix + ["addr", "add", "\(address)/24", "dev", end])
        try Self.ip(prefix + ["link", "set", end, "up"])
    }

    private func add(namespace: String) throws {
        try Self.ip(["netns", "add", namespace])
        namespaces.append(namespace)
    }

    /// Takes `host`'s link down (a cable pulled): nothing passes either way until `restore`.
    func cut(_ host: String) throws {
        try Self.ip(["-n", hub, "link", "set", try require(host).hubLink, "down"])
    }

    /// Brings `host`'s link back up.
    func restore(_ host: String) throws {
        try Self.ip(["-n", hub, "link", "set", try require(host).hubLink, "up"])
    }

    func address(_ host: String) throws -> String { try require(host).address }

    /// Starts `executable` from the build directory inside `host`'s namespace.
    func start(
        _ executable: String, on host: String, arguments: [String], name: String, logDirectory: String
    ) throws -> NamespacedProcess {
        let binary = (StageProcess.binDirectory as NSString).appendingPathComponent(executable)
        return try NamespacedProcess(
            ["netns", "exec", try require(host).namespace, binary] + arguments, name: name, logDirectory: logDirectory)
    }

    /// Deletes every namespace made (their links go with them). Safe to call more than once.
    func remove() {
        for namespace in namespaces.reversed() { _ = try? Self.ip(["netns", "delete", namespace]) }
        namespaces.removeAll()
    }

    deinit {
        remove()
    }

    private func require(_ host: String) throws -> Host {
        guard let found = hosts[host] else { throw NamespaceError(message: "no host named \(host)") }
        return found
    }

    /// Runs `ip` with `arguments`; a non-zero exit throws with what `ip` printed.
    @discardableResult
    static func ip(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ipPath)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NamespaceError(message: "ip \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    static let ipPath =
        ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        } ?? "/usr/sbin/ip"
}

/// A failed namespace or link operation.
struct NamespaceError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A stage started with `ip netns exec` (which execs the stage, so the pid is the stage's own).
final class NamespacedProcess: @unchecked Sendable {
    // Used from one test's thread.
    let name: String
    let logPath: String
    private let process = Process()

    init(_ arguments: [String], name: String, logDirectory: String) throws {
        self.name = name
        logPath = (logDirectory as NSString).appendingPathComponent("\(name).log")
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.executableURL = URL(fileURLWithPath: NamespaceNetwork.ipPath)
        process.arguments = arguments
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    /// SIGTERM, then waits for the exit; returns the exit status.
    func terminate() throws -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        try Eventually.that("\(name) to exit after SIGTERM", timeout: 20) { !process.isRunning }
        process.waitUntilExit()
        return process.terminationStatus
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
