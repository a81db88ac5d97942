import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A local HTTP server for webhook tests: answers 503 to the first `failures` requests, then 200, and keeps
/// every request's body and `Idempotency-Key`.
final class FlakyHTTPServer: Sendable {
    struct Received: Sendable, Hashable {
        var key: String
        var body: String
        var status: Int
    }

    let port: Int
    private let listener: Int32
    private let failures: Int
    private let log = Mutex<[Received]>([])

    init(failures: Int) throws {
        self.failures = failures
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        listener = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0 && listen(fd, 16) == 0
            }
        }
        guard listening else { throw POSIXError(.EADDRINUSE) }
        port = Int(UInt16(bigEndian: address.sin_port))
        let server = self
        Thread.detachNewThread { server.serve() }
    }

    var received: [Received] { log.withLock { $0 } }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            handle(connection)
            close(connection)
        }
    }

    private func handle(_ connection: Int32) {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else { return }
            bytes += buffer[0..<count]
            let text = String(decoding: bytes, as: UTF8.self)
            guard let end = text.range(of: "\r\n\r\n") else { continue }
            let head = text[..<end.lowerBound].lowercased()
            let length =
                head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            let body = String(text[end.upperBound...])
            guard body.utf8.count >= length else { continue }
            let key =
                text[..<end.lowerBound].split(separator: "\r\n").first { $0.lowercased().hasPrefix("idempotency-key:") }
                .map { String($0.dropFirst("idempotency-key:".count)).trimmingCharacters(in: .whitespaces) } ?? ""
            let status = log.withLock { log in
                let status = log.count < failures ? 503 : 200
                log.append(Received(key: key, body: body, status: status))
                return status
            }
            let reply =
                "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Unavailable")\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            _ = reply.withCString { write(connection, $0, strlen($0)) }
            return
        }
    }
}
