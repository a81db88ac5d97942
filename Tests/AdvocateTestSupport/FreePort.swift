import Foundation
import Synchronization

/// TCP ports for tests on 127.0.0.1, below the range the OS hands out for outgoing connections (32768 and up on
/// Linux), so that a client socket of another test cannot take a port between its choice and the stage's bind;
/// each is checked free when chosen and handed out once per test process.
public enum FreePort {
    static let range = 20_000..<32_768
    private static let handedOut = Mutex(Set<Int>())

    /// A port that was free a moment ago and that no other test of this process was given.
    public static func next() -> Int {
        for _ in 0..<1_000 {
            let port = Int.random(in: range)
            guard handedOut.withLock({ $0.insert(port).inserted }) else { continue }
            if isFree(port) { return port }
        }
        preconditionFailure("no free port between \(range.lowerBound) and \(range.upperBound - 1)")
    }

    /// Whether a listening socket could bind `port` on 127.0.0.1 just now.
    static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 }
        }
    }
}
