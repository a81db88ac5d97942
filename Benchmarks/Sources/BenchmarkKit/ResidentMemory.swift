import Foundation

#if canImport(Glibc)
    import CAllocator
    import Glibc
#endif

/// The process's resident set size, as the kernel counts it in `/proc/self/statm` (Linux only).
public enum ResidentMemory {
    /// Bytes of this process that are resident in memory now.
    ///
    /// - Throws: `BenchmarkError.memoryUnavailable` where there is no `/proc/self/statm` or it cannot be parsed.
    public static func current() throws(BenchmarkError) -> Int {
        let text: String
        do {
            text = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
        } catch {
            throw .memoryUnavailable(reason: "/proc/self/statm is unreadable (\(error.localizedDescription))")
        }
        return try residentBytes(statm: text, pageSize: pageSize)
    }

    /// The resident bytes a `statm` line gives: its second field counts resident pages.
    ///
    /// - Parameters:
    ///   - statm: the file's text, `size resident shared text lib data dt`, all in pages.
    ///   - pageSize: bytes per page.
    /// - Throws: `BenchmarkError.memoryUnavailable` naming the text when the field is missing or not a count.
    public static func residentBytes(statm: String, pageSize: Int) throws(BenchmarkError) -> Int {
        let fields = statm.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count >= 2, let pages = Int(fields[1]), pages >= 0 else {
            throw .memoryUnavailable(reason: "unexpected /proc/self/statm content \"\(statm.prefix(80))\"")
        }
        let (bytes, overflow) = pages.multipliedReportingOverflow(by: pageSize)
        guard !overflow else {
            throw .memoryUnavailable(reason: "\(pages) resident pages of \(pageSize) bytes overflow a count")
        }
        return bytes
    }

    /// Hands memory that the allocator holds free back to the kernel, so that what stays resident is what the
    /// program still uses rather than the holes left by temporaries it freed. Does nothing off glibc.
    public static func releaseFreeMemory() {
        #if canImport(Glibc)
            _ = malloc_trim(0)
        #endif
    }

    private static var pageSize: Int {
        #if canImport(Glibc)
            Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
            4_096
        #endif
    }
}
