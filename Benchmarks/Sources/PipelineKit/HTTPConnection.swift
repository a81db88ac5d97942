import Foundation

/// A kept-alive HTTP/1.1 connection to a server on loopback, for polling the report API in a tight loop
/// without paying for a new connection (or a client framework) on every request.
public final class HTTPConnection {
    private let port: UInt16
    private var descriptor: Int32 = -1
    private var buffer: [UInt8] = []

    /// A connection to `127.0.0.1:port`, opened on the first request.
    public init(port: Int) {
        self.port = UInt16(clamping: port)
    }

    deinit { close() }

    /// GETs `path`; reconnects once when the server closed the connection in between.
    ///
    /// - Returns: the status code and the body.
    /// - Throws: `PipelineError.http` when the server cannot be reached or answers something that is not HTTP.
    public func get(_ path: String) throws(PipelineError) -> (status: Int, body: [UInt8]) {
        do {
            return try attempt(path)
        } catch {
            close()
            return try attempt(path)
        }
    }

    /// GETs `path` and reads the body as a JSON object.
    public func json(_ path: String) throws(PipelineError) -> [String: Any] {
        let (status, body) = try get(path)
        guard status == 200, let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw .http("GET \(path) answered \(status): \(String(decoding: body.prefix(200), as: UTF8.self))")
        }
        return object
    }

    public func close() {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
        descriptor = -1
        buffer.removeAll(keepingCapacity: true)
    }

    private func attempt(_ path: String) throws(PipelineError) -> (status: Int, body: [UInt8]) {
        if descriptor < 0 { try open() }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        var sent = 0
        while sent < request.count {
            let written = request[sent...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw .http("cannot write to 127.0.0.1:\(port)") }
            sent += written
        }
        let headerEnd = try readUntil { Self.find([13, 10, 13, 10], in: $0) }
        let head = String(decoding: buffer[..<headerEnd], as: UTF8.self)
        buffer.removeFirst(headerEnd + 4)
        let lines = head.split(separator: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw .http("127.0.0.1:\(port) answered something that is not HTTP: \(head.prefix(100))")
        }
        var length: Int?
        var chunked = false
        for line in lines.dropFirst() {
            let pair = line.split(separator: ":", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }
            guard pair.count == 2 else { continue }
            if pair[0] == "content-length" { length = Int(pair[1]) }
            if pair[0] == "transfer-encoding" && pair[1].contains("chunked") { chunked = true }
        }
        if chunked { return (status, try readChunks()) }
        let size = length ?? 0
        _ = try readUntil { $0.count >= size ? size : nil }
        let body = Array(buffer[..<size])
        buffer.removeFirst(size)
        return (status, body)
    }

    private func readChunks() throws(PipelineError) -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let lineEnd = try readUntil { Self.find([13, 10], in: $0) }
            let sizeText = String(decoding: buffer[..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw .http("bad chunk size '\(sizeText)' from 127.0.0.1:\(port)")
            }
            buffer.removeFirst(lineEnd + 2)
            _ = try readUntil { $0.count >= size + 2 ? size : nil }
            body += buffer[..<size]
            buffer.removeFirst(size + 2)
            if size == 0 { return body }
        }
    }

    /// Reads until `done` finds what it looks for in the buffer; returns what it found.
    private func readUntil(_ done: ([UInt8]) -> Int?) throws(PipelineError) -> Int {
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            if let found = done(buffer) { return found }
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw .http("127.0.0.1:\(port) closed the connection") }
            buffer += chunk[..<count]
        }
    }

    private func open() throws(PipelineError) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .http("cannot create a socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            _ = Glibc.close(fd)
            throw .http("nothing listens on 127.0.0.1:\(port)")
        }
        var on: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        descriptor = fd
    }

    /// Where `needle` first occurs in `haystack`.
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }
}
