import Foundation

/// A source of NDJSON lines for `EventSender`.
public protocol LineSource: AnyObject {
    /// The next line without its line break, or nil at the end.
    func next() throws -> ArraySlice<UInt8>?
    /// Bytes produced so far, for progress.
    var bytesRead: Int { get }
}

/// Reads a file or standard input line by line in fixed-size chunks, so memory stays flat for any
/// input length. Lines are returned without their `\n` (and without a trailing `\r`).
public final class LineReader: LineSource {
    private let handle: FileHandle
    private let chunkSize: Int
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    /// Bytes consumed so far, for progress.
    public private(set) var bytesRead: Int = 0

    /// - Parameters:
    ///   - path: a file, or `-` for standard input.
    ///   - maxLineBytes: longer lines are returned cut to this length (the receiver rejects them as too large).
    public init(path: String, chunkSize: Int = 1 << 16, maxLineBytes: Int = 16 << 20) throws {
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let file = FileHandle(forReadingAtPath: path) else {
                throw ToolError("cannot open \(path): \(String(cString: strerror(errno)))")
            }
            handle = file
        }
        self.chunkSize = chunkSize
        self.maxLineBytes = maxLineBytes
    }

    /// Whether a complete line is already buffered, so `next()` will not wait for input.
    public var hasBufferedLine: Bool {
        buffer[start...].contains(UInt8(ascii: "\n"))
    }

    /// The next line, or nil at the end of input.
    public func next() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = buffer[start..<min(end, start + maxLineBytes)]
                start = newline + 1
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = buffer[start..<min(buffer.count, start + maxLineBytes)]
                start = buffer.count
                return line
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            // read(2) returns what is there, where FileHandle would wait to fill the chunk: a line arriving
            // on a pipe must be handed on at once.
            let previous = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: chunkSize))
            var count = 0
            repeat {
                count = buffer.withUnsafeMutableBytes { raw in
                    read(handle.fileDescriptor, raw.baseAddress! + previous, chunkSize)
                }
            } while count < 0 && errno == EINTR
            buffer.removeLast(chunkSize - max(count, 0))
            if count < 0 { throw ToolError("reading input failed: \(String(cString: strerror(errno)))") }
            if count == 0 {
                finished = true
            } else {
                bytesRead += count
            }
        }
    }
}

/// A CLI failure with a message for the user.
public struct ToolError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
