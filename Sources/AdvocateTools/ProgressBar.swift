import Foundation

/// A one-line progress display on standard error: a bar with events per second and time left when the
/// total size is known, counts and rate otherwise. Draws nothing when standard error is not a terminal.
public struct ProgressBar {
    public let totalBytes: Int?
    public let enabled: Bool
    private let width = 30

    public init(totalBytes: Int?, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.totalBytes = totalBytes
        self.enabled = enabled
    }

    /// Redraws the line for `progress`.
    public func draw(_ progress: EventSender.Progress) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r" + line(progress) + "\u{1B}[K").utf8))
    }

    /// Ends the line so later output starts on a fresh one.
    public func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }

    /// The text of the progress line.
    public func line(_ progress: EventSender.Progress) -> String {
        let rate = progress.elapsed > 0 ? Double(progress.events) / progress.elapsed : 0
        let counts = "\(Self.grouped(progress.events)) events  \(Self.grouped(Int(rate))) ev/s"
        guard let totalBytes, totalBytes > 0 else { return counts }
        let fraction = min(1, Double(progress.bytesRead) / Double(totalBytes))
        let filled = Int(fraction * Double(width))
        let bar =
            String(repeating: "=", count: filled) + (filled < width ? ">" : "")
            + String(repeating: " ", count: max(0, width - filled - 1))
        let remaining = fraction > 0 ? progress.elapsed * (1 - fraction) / fraction : 0
        return "[\(bar)] \(Int(fraction * 100))%  \(counts)  ETA \(Self.duration(remaining))"
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return String(out.reversed())
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 60 ? "\(total / 60)m\(String(format: "%02d", total % 60))s" : "\(total)s"
    }
}
