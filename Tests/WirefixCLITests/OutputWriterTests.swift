import Foundation
import Testing
@testable import wirefix

#if canImport(Glibc)
import Glibc
#endif

/// Atomic writes: the new bytes or the old file, never a mix; permissions kept; no temporary
/// files left behind.
@Suite struct OutputWriterTests {
    @Test func replacesTheFileAndKeepsItsPermissions() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("a.txt", "old text\n")
        #expect(chmod(path, 0o640) == 0)
        try OutputWriter.writeAtomically(Array("new text\n".utf8), toPath: path)
        #expect(try directory.read("a.txt") == Array("new text\n".utf8))
        #expect(POSIXFile.attributes(atPath: path)?.mode == 0o640)
        #expect(try directory.contents() == ["a.txt"])
    }

    @Test func createsANewFileWithTheGivenMode() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try OutputWriter.writeAtomically([], toPath: directory.path("empty.txt"), mode: 0o604)
        #expect(try directory.read("empty.txt") == [])
        #expect(POSIXFile.attributes(atPath: directory.path("empty.txt"))?.mode == 0o604)
    }

    @Test func followsASymbolicLinkAndKeepsIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("target.txt", "old\n")
        try FileManager.default.createSymbolicLink(atPath: directory.path("link.txt"), withDestinationPath: "target.txt")
        try OutputWriter.writeAtomically(Array("new\n".utf8), toPath: directory.path("link.txt"))
        #expect(try directory.read("target.txt") == Array("new\n".utf8))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory.path("link.txt")) == "target.txt")
    }

    @Test func aFailedWriteNamesThePathAndLeavesNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("plain.txt", "I am a file\n")
        // A path below a regular file cannot be created.
        let target = file + "/child.txt"
        #expect(throws: CLIError("\(target): cannot write: Not a directory")) {
            try OutputWriter.writeAtomically(Array("x".utf8), toPath: target)
        }
        #expect(try directory.contents() == ["plain.txt"])
        #expect(try directory.read("plain.txt") == Array("I am a file\n".utf8))
    }

    @Test func splitsPaths() {
        #expect(OutputWriter.split("a/b/c.txt") == ("a/b", "c.txt"))
        #expect(OutputWriter.split("c.txt") == (".", "c.txt"))
        #expect(OutputWriter.split("/c.txt") == ("/", "c.txt"))
        #expect(FileSystem.baseName("a/b/c.txt") == "c.txt")
        #expect(FileSystem.baseName("c.txt") == "c.txt")
        #expect(FileSystem.baseName("dir/") == "dir")
    }
}
