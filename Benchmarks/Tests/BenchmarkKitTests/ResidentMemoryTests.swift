import Foundation
import Testing

@testable import BenchmarkKit

@Suite struct ResidentMemoryTests {
    @Test func theSecondFieldCountsResidentPages() throws {
        #expect(try ResidentMemory.residentBytes(statm: "5000 250 30 10 0 400 0\n", pageSize: 4_096) == 1_024_000)
    }

    @Test(arguments: ["", "5000", "5000 x 30", "5000 -3 1"])
    func malformedStatmIsAnError(statm: String) {
        #expect(throws: BenchmarkError.self) {
            try ResidentMemory.residentBytes(statm: statm, pageSize: 4_096)
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/statm")))
    func residentMemoryGrowsWhenPagesAreTouched() throws {
        let before = try ResidentMemory.current()
        // 64 MiB written page by page must become resident.
        let bytes = 64 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes, alignment: 4_096)
        defer { buffer.deallocate() }
        for offset in stride(from: 0, to: bytes, by: 4_096) { buffer[offset] = 1 }
        let after = try ResidentMemory.current()
        #expect(after - before >= bytes / 2)
    }
}
