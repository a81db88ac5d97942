import ArgumentParser
import CZeroMQ
import Foundation

/// The ceiling the pipeline is measured against: libzmq PUSH to PULL between two processes over TCP loopback,
/// called directly (no wrapper, one reused buffer each side), as libzmq's own `local_thr`/`remote_thr` do.
/// The command binds PUSH, starts itself again as the PULL receiver, and prints the receiver's figure: messages
/// per second from the first message received to the last.
@main
struct ZMQBaseline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zmq-baseline", abstract: "libzmq PUSH to PULL throughput between two processes on loopback."
    )

    @Option(help: "Bytes per message.") var size: Int = 256
    @Option(help: "Messages to send.") var messages: Int = 2_000_000
    @Flag(help: "Print the figures as one JSON object.") var json = false
    @Option(help: .hidden) var receive: String?

    func validate() throws {
        guard (1...(1 << 20)).contains(size) else { throw ValidationError("--size must be 1 to 1048576, not \(size)") }
        guard messages >= 2 else { throw ValidationError("--messages must be at least 2, not \(messages)") }
    }

    func run() throws {
        if let receive {
            try receiveAll(from: receive)
        } else {
            try sendAll()
        }
    }

    /// The PUSH side: binds, starts the receiver, sends, and relays the receiver's figures.
    private func sendAll() throws {
        let context = zmq_ctx_new()
        defer { zmq_ctx_term(context) }
        let socket = zmq_socket(context, ZMQ_PUSH)
        defer { zmq_close(socket) }
        try check(zmq_bind(socket, "tcp://127.0.0.1:*"), "bind")
        var endpoint = [CChar](repeating: 0, count: 256)
        var length = endpoint.count
        try check(zmq_getsockopt(socket, ZMQ_LAST_ENDPOINT, &endpoint, &length), "last endpoint")
        let bound = String(decoding: endpoint.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)

        let receiver = Process()
        receiver.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        receiver.arguments = ["--receive", bound, "--size", "\(size)", "--messages", "\(messages)"]
        let output = Pipe()
        receiver.standardOutput = output
        try receiver.run()

        let buffer = [UInt8](repeating: 0x5A, count: size)
        try buffer.withUnsafeBytes { bytes in
            for _ in 0..<messages {
                guard zmq_send(socket, bytes.baseAddress, size, 0) == size else { throw BaselineError.call("send") }
            }
        }
        let figures = output.fileHandleForReading.readDataToEndOfFile()
        receiver.waitUntilExit()
        guard receiver.terminationStatus == 0,
            let result = try? JSONDecoder().decode(BaselineResult.self, from: figures)
        else { throw BaselineError.receiver(receiver.terminationStatus) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            print(
                "libzmq \(result.libzmq) PUSH->PULL over TCP loopback, \(result.bytes)-byte messages: "
                    + "\(Int(result.perSecond)) messages/s (\(result.messages) in \(result.seconds) s)")
        }
    }

    /// The PULL side: times from the first message to the last and prints the result as JSON.
    private func receiveAll(from endpoint: String) throws {
        let context = zmq_ctx_new()
        defer { zmq_ctx_term(context) }
        let socket = zmq_socket(context, ZMQ_PULL)
        defer { zmq_close(socket) }
        try check(zmq_connect(socket, endpoint), "connect")
        var buffer = [UInt8](repeating: 0, count: size)
        let clock = ContinuousClock()
        var started = clock.now
        try buffer.withUnsafeMutableBytes { bytes in
            for index in 0..<messages {
                guard zmq_recv(socket, bytes.baseAddress, size, 0) == size else { throw BaselineError.call("recv") }
                if index == 0 { started = clock.now }
            }
        }
        let elapsed = clock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var major: Int32 = 0
        var minor: Int32 = 0
        var patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        let result = BaselineResult(
            libzmq: "\(major).\(minor).\(patch)", bytes: size, messages: messages, seconds: seconds,
            perSecond: Double(messages - 1) / seconds)
        print(String(decoding: try JSONEncoder().encode(result), as: UTF8.self))
    }

    private func check(_ status: Int32, _ call: String) throws {
        guard status == 0 else { throw BaselineError.call(call) }
    }
}
