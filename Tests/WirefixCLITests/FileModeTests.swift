import Foundation
import Testing
@testable import wirefix

#if canImport(Glibc)
import Glibc
#endif

/// `POSIXFile.defaultFileMode()` reads the umask once per process: reading it means setting it
/// to 0 and back, and two threads doing that at once could leave it at 0, making every later
/// file world-writable (the third review saw 2,995 of 3,000 outputs at mode 666 under strace).
@Suite struct FileModeTests {
    @Test func manyThreadsAskingForTheModeLeaveTheUmaskAlone() {
        let before = umask(0o022)
        defer { umask(before) }
        let expected = POSIXFile.defaultFileMode()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<20_000 { _ = POSIXFile.defaultFileMode() }
        }
        let now = umask(0o022)
        #expect(now == 0o022)
        #expect(POSIXFile.defaultFileMode() == expected)
    }
}
