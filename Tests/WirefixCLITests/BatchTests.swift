import Foundation
import Testing
import Wirefix
import WirefixTestSupport
@testable import wirefix

#if canImport(Glibc)
import Glibc
#endif

extension TemporaryDirectory {
    /// Writes text to `name`, creating the directories on its path.
    @discardableResult
    func writeCreating(_ name: String, _ text: String) throws -> String {
        let url = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Creates the directory `name` and its parents.
    @discardableResult
    func makeDirectory(_ name: String) throws -> String {
        try FileManager.default.createDirectory(atPath: path(name), withIntermediateDirectories: true)
        return path(name)
    }

    /// Every file below the directory, as sorted relative paths (hidden ones included).
    func allFiles(under name: String = "") throws -> [String] {
        let root = name.isEmpty ? url.path : path(name)
        let enumerator = FileManager.default.enumerator(atPath: root)
        var files: [String] = []
        while let next = enumerator?.nextObject() as? String {
            let type = try FileManager.default.attributesOfItem(atPath: root + "/" + next)[.type] as? FileAttributeType
            if type == .typeRegular { files.append(next) }
        }
        return files.sorted()
    }
}

/// `wirefix clean --jobs`: parallel cleaning with the output, the errors and the report in input
/// order. In-process with the test rules (teh → the; recieve, a suggestion; FINDME, a finding).
@Suite struct ParallelCleanTests {
    /// Files of different sizes (so that workers finish out of order), some bad, some unchanged.
    static func makeBatch(in directory: TemporaryDirectory) throws -> (paths: [String], expected: String) {
        var paths: [String] = []
        var expected = ""
        for index in 0..<40 {
            let name = "file\(index).txt"
            switch index % 10 {
            case 3:
                paths.append(try directory.write(name, [0x61, 0xFF, 0x0A] as [UInt8]))
            case 7:
                paths.append(directory.path("missing\(index).txt"))
            default:
                let words = String(repeating: "teh word recieve ", count: (index * 37) % 500 + 1)
                let text = "\(index): \(words)FINDME\n"
                paths.append(try directory.write(name, text))
                expected += text.replacingOccurrences(of: "teh", with: "the")
            }
        }
        return (paths, expected)
    }

    @Test func jobsGiveTheSameOutputErrorsAndReportAsOneJob() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (paths, expected) = try Self.makeBatch(in: directory)
        let sequential = CapturedStreams()
        #expect(try runInProcess(["clean", "--jobs", "1", "--report", "json"] + paths, capture: sequential) == 2)
        #expect(sequential.outputText == expected)
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(sequential.standardError.utf8))
        #expect(report.files.count == 32)
        #expect(report.errors.count == 8)
        #expect(report.errors.first?.path == paths[3])
        for jobs in ["2", "4", "16"] {
            let parallel = CapturedStreams()
            #expect(try runInProcess(["clean", "-j", jobs, "--report", "json"] + paths, capture: parallel) == 2)
            #expect(parallel.standardOutput == sequential.standardOutput)
            #expect(parallel.standardError == sequential.standardError)
        }
    }

    @Test func errorMessagesComeInInputOrder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (paths, _) = try Self.makeBatch(in: directory)
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "-q", "-j", "3"] + paths, capture: capture) == 2)
        let expected = paths.enumerated().compactMap { index, path -> String? in
            switch index % 10 {
            case 3: "wirefix: \(path):1:2: invalid UTF-8 at byte offset 1 (use --lossy to replace invalid bytes)\n"
            case 7: "wirefix: \(path): cannot read: No such file or directory\n"
            default: nil
            }
        }.joined()
        #expect(capture.standardError == expected)
    }

    @Test func jobsWriteCopiesAndRewriteInPlace() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var paths: [String] = []
        for index in 0..<12 {
            paths.append(try directory.writeCreating("in/f\(index).txt", index.isMultiple(of: 3) ? "plain \(index)\n" : "teh \(index)\n"))
        }
        let copies = CapturedStreams()
        #expect(try runInProcess(["clean", "-j", "3", "-o", directory.path("out"), directory.path("in")], capture: copies) == 0)
        #expect(copies.standardOutput.isEmpty)
        for index in 0..<12 {
            let expected = index.isMultiple(of: 3) ? "plain \(index)\n" : "the \(index)\n"
            #expect(try directory.read("out/f\(index).txt") == Array(expected.utf8))
        }
        let inPlace = CapturedStreams()
        #expect(try runInProcess(["clean", "-j", "4", "--in-place"] + paths, capture: inPlace) == 0)
        #expect(try directory.read("in/f1.txt") == Array("the 1\n".utf8))
        #expect(try directory.read("in/f3.txt") == Array("plain 3\n".utf8))
        #expect(try directory.allFiles(under: "in").count == 12)
    }

    @Test func jobsMustBePositive() {
        #expect(throws: (any Error).self) { try WirefixCommand.parseAsRoot(["clean", "--jobs", "0"]) }
        #expect(throws: (any Error).self) { try WirefixCommand.parseAsRoot(["clean", "-j", "-2"]) }
    }

    @Test func jobsDefaultToTheCoreCount() throws {
        let command = try #require(try WirefixCommand.parseAsRoot(["clean"]) as? CleanCommand)
        #expect(command.jobCount == ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// Directories as arguments: recursive, filtered, sorted, hidden entries and links skipped.
@Suite struct DirectoryInputTests {
    /// in/
    ///   B.TXT, a.txt, notes.md, .hidden.txt, .git/config.txt,
    ///   sub/c.txt, sub/deeper/d.txt, sub/link.txt -> ../a.txt, sub/loop -> ..
    static func makeTree(in directory: TemporaryDirectory, links: Bool = true) throws {
        try directory.writeCreating("in/a.txt", "teh a\n")
        try directory.writeCreating("in/B.TXT", "teh B\n")
        try directory.writeCreating("in/notes.md", "teh notes\n")
        try directory.writeCreating("in/.hidden.txt", "teh hidden\n")
        try directory.writeCreating("in/.git/config.txt", "teh git\n")
        try directory.writeCreating("in/sub/c.txt", "teh c\n")
        try directory.writeCreating("in/sub/deeper/d.txt", "teh d\n")
        guard links else { return }
        #expect(symlink("../a.txt", directory.path("in/sub/link.txt")) == 0)
        #expect(symlink("..", directory.path("in/sub/loop")) == 0)
    }

    @Test func walkIsRecursiveSortedBytewiseAndSkipsHiddenEntriesAndLinks() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.makeTree(in: directory)
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "-q", directory.path("in")], capture: capture) == 0)
        // "B.TXT" sorts before "a.txt" (byte order); notes.md is not *.txt.
        #expect(capture.outputText == "the B\nthe a\nthe c\nthe d\n")
        #expect(capture.standardError == "")
    }

    @Test func expansionListsPathsAndOutputNames() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.makeTree(in: directory)
        let collector = InputCollector(include: [GlobPattern(pattern: CleanCommand.defaultTextPattern)], exclude: [])
        let root = directory.path("in")
        let expansion = collector.expand([root + "/", directory.path("in/notes.md"), "-"])
        #expect(expansion.namedDirectory)
        #expect(expansion.inputs.map(\.path) == [root + "/B.TXT", root + "/a.txt", root + "/sub/c.txt", root + "/sub/deeper/d.txt",
                                                 directory.path("in/notes.md"), "-"])
        #expect(expansion.inputs.map(\.outputName) == ["B.TXT", "a.txt", "sub/c.txt", "sub/deeper/d.txt", "notes.md", "-"])
        #expect(expansion.inputs.map(\.size) == [6, 6, 6, 6, 10, nil])
    }

    @Test func includeAndExcludePatterns() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.makeTree(in: directory)
        let root = directory.path("in")
        func cleaned(_ options: [String]) throws -> String {
            let capture = CapturedStreams()
            #expect(try runInProcess(["clean", "-q"] + options + [root], capture: capture) == 0)
            return capture.outputText
        }
        #expect(try cleaned(["--include", "*.md"]) == "the notes\n")
        #expect(try cleaned(["--include", "*"]) == "the B\nthe a\nthe notes\nthe c\nthe d\n")
        // An excluded directory is not entered.
        #expect(try cleaned(["--exclude", "deeper"]) == "the B\nthe a\nthe c\n")
        // A pattern with a slash is matched against the path below the argument; * stops at a slash.
        #expect(try cleaned(["--exclude", "sub/*.txt"]) == "the B\nthe a\nthe d\n")
        #expect(try cleaned(["--include", "sub/*"]) == "the c\n")
        #expect(try cleaned(["--include", "*.txt", "--include", "*.md", "--exclude", "[ab].txt"]) == "the notes\nthe c\nthe d\n")
    }

    @Test func namedFilesAndHiddenDirectoriesAreTakenWhateverTheFilters() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.makeTree(in: directory)
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "-q", "--exclude", "*.md", directory.path("in/notes.md"), directory.path("in/.git"),
                                  directory.path("in/.hidden.txt")], capture: capture) == 0)
        #expect(capture.outputText == "the notes\nthe git\nthe hidden\n")
    }

    @Test func aLinkNamedOnTheCommandLineIsFollowed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.makeTree(in: directory)
        let capture = CapturedStreams()
        // sub/loop -> .. is the tree itself; inside it, the link is skipped, so the walk ends.
        #expect(try runInProcess(["clean", "-q", directory.path("in/sub/loop")], capture: capture) == 0)
        #expect(capture.outputText == "the B\nthe a\nthe c\nthe d\n")
    }

    @Test func theSkippedDirectoryIsSkippedOnlyInsideAWalk() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.writeCreating("in/a.txt", "teh\n")
        try directory.writeCreating("in/out/b.txt", "teh\n")
        let identity = try #require(InputCollector.FileIdentity(path: directory.path("in/out")))
        let collector = InputCollector(include: [GlobPattern(pattern: "*")], exclude: [], skippedDirectory: identity)
        #expect(collector.expand([directory.path("in")]).inputs.map(\.outputName) == ["a.txt"])
        #expect(collector.expand([directory.path("in/out")]).inputs.map(\.outputName) == ["b.txt"])
    }

    @Test func outputDirectoryMirrorsTheTreeAndIsNotWalkedAgain() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.makeTree(in: directory)
        let output = directory.path("in/cleaned")
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "-q", "-o", output, directory.path("in"), directory.path("in/notes.md")], capture: capture) == 0)
        // The copies, and the marker that tells a later run they are copies.
        #expect(try directory.allFiles(under: "in/cleaned") == [".wirefix-copies", "B.TXT", "a.txt", "notes.md", "sub/c.txt", "sub/deeper/d.txt"])
        #expect(try directory.read("in/cleaned/sub/deeper/d.txt") == Array("the d\n".utf8))
        // A second run does not clean the first run's copies: in/cleaned is the output directory.
        let again = CapturedStreams()
        #expect(try runInProcess(["clean", "-o", output, directory.path("in")], capture: again) == 0)
        // The link and the loop of the tree are counted, not silently dropped (review 16).
        #expect(withoutTimes(again.standardError) == "wirefix: 4 files (4 changed), 0 errors: 4 corrections applied, 0 suggestions, 0 findings; "
                + "<size and time>; 2 entries skipped (symbolic links, pipes, devices or directory loops)\n")
        #expect(try directory.allFiles(under: "in/cleaned").count == 6)
    }

    @Test func twoInputsForOneCopyAreAUsageErrorBeforeAnythingIsWritten() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try directory.writeCreating("one/a.txt", "teh\n")
        let second = try directory.writeCreating("two/a.txt", "teh\n")
        let output = directory.path("out")
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "-o", output, directory.path("one"), directory.path("two")], capture: capture) == 64)
        #expect(capture.standardError == "wirefix: '\(first)' and '\(second)' would both be written to '\(output)/a.txt'.\n")
        #expect(!FileManager.default.fileExists(atPath: output))
        // Named files collide at parse time, as before.
        #expect(throws: (any Error).self) { try WirefixCommand.parseAsRoot(["clean", "-o", output, first, second]) }
    }

    @Test func aFailedWriteToStandardOutputStopsTheBatch() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for index in 0..<8 { try directory.writeCreating("in/\(index).txt", "teh \(index)\n") }
        for jobs in ["1", "3"] {
            let capture = CapturedStreams()
            capture.standardOutputFailure = "No space left on device"
            #expect(try runInProcess(["clean", "--jobs", jobs, directory.path("in")], capture: capture) == 2)
            // One message and one try, not one per file (review 16: eight of each).
            #expect(withoutTimes(capture.standardError) == "wirefix: standard output: cannot write: No space left on device\n"
                    + "wirefix: 0 files (0 changed), 1 error: 0 corrections applied, 0 suggestions, 0 findings; <size and time>\n")
            #expect(capture.failedStandardOutputWrites == 1)
        }
    }

    @Test func anOutputDirectoryThatHoldsTheInputsIsAUsageError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try directory.writeCreating("s/a.txt", "teh\n")
        try FileManager.default.createSymbolicLink(atPath: directory.path("link"), withDestinationPath: directory.path("s"))
        for output in [directory.path("s"), directory.path("s/."), directory.path("link")] {
            for arguments in [[input], [directory.path("s")]] {
                let capture = CapturedStreams()
                #expect(try runInProcess(["clean", "-o", output] + arguments, capture: capture) == 64)
                #expect(capture.standardError.hasPrefix("wirefix: '\(output)/a.txt' is the input '\(input)': -o would write over it."))
                #expect(try directory.read("s/a.txt") == Array("teh\n".utf8))
            }
        }
    }

    @Test func anOutputDirectoryInsideTheTreeThatHoldsStoriesIsAUsageError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.writeCreating("feed/lede.txt", "Story one: teh\n")
        // A story of the same name as a copy (review 17: it was replaced, exit 0).
        let story = try directory.writeCreating("feed/sports/lede.txt", "Sports story\n")
        let output = directory.path("feed/sports")
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "-o", output, directory.path("feed")], capture: capture) == 64)
        #expect(capture.standardError == "wirefix: the -o directory '\(output)' lies inside the inputs and holds '\(story)', which no "
                + "earlier 'clean -o' wrote there (it has no .wirefix-copies file): it would be neither cleaned nor kept apart, and a copy "
                + "of the same name would replace it. Choose an -o directory outside the inputs (or, if it holds only copies of an "
                + "earlier run, create '\(output)/.wirefix-copies').\n")
        #expect(try directory.read("feed/sports/lede.txt") == Array("Sports story\n".utf8))
    }

    @Test func aSecondRunIntoTheMarkedOutputDirectoryGoesAheadAfterAStoryIsRemoved() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.writeCreating("s/a.txt", "teh a\n")
        let removed = try directory.writeCreating("s/b.txt", "teh b\n")
        let output = directory.path("s/cleaned")
        #expect(try runInProcess(["clean", "-q", "-o", output, directory.path("s")], capture: CapturedStreams()) == 0)
        #expect(FileManager.default.fileExists(atPath: output + "/.wirefix-copies"))
        // Review 17: a copy no input maps to any more made the second run a usage error.
        try FileManager.default.removeItem(atPath: removed)
        #expect(try runInProcess(["clean", "-q", "-o", output, directory.path("s")], capture: CapturedStreams()) == 0)
        #expect(try directory.read("s/cleaned/a.txt") == Array("the a\n".utf8))
        // Outside the inputs no marker is written.
        #expect(try runInProcess(["clean", "-q", "-o", directory.path("out"), directory.path("s")], capture: CapturedStreams()) == 0)
        #expect(!FileManager.default.fileExists(atPath: directory.path("out/.wirefix-copies")))
    }

    @Test func aReportFileThatNamesAnInputOrACopyIsAUsageError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let input = try directory.writeCreating("in/a.txt", "teh\n")
        let inPlace = CapturedStreams()
        #expect(try runInProcess(["clean", "--in-place", input, "--report", "diff", "--report-file", input], capture: inPlace) == 64)
        #expect(inPlace.standardError == "wirefix: --report-file '\(input)' is the input '\(input)': the report would replace it.\n")
        let toStandardOutput = CapturedStreams()
        #expect(try runInProcess(["clean", input, "--report-file", directory.path("in/../in/a.txt")], capture: toStandardOutput) == 64)
        #expect(try directory.read("in/a.txt") == Array("teh\n".utf8))
        // A copy not written yet, in a directory not made yet.
        let copy = CapturedStreams()
        #expect(try runInProcess(["clean", input, "-o", directory.path("out"), "--report-file", directory.path("out/a.txt")], capture: copy) == 64)
        #expect(copy.standardError == "wirefix: --report-file '\(directory.path("out/a.txt"))' is the cleaned copy '\(directory.path("out/a.txt"))': the report would replace it.\n")
        #expect(!FileManager.default.fileExists(atPath: directory.path("out")))
        // Beside the copies it is fine.
        #expect(try runInProcess(["clean", "-q", input, "-o", directory.path("out"), "--report-file", directory.path("out/report.txt")],
                                 capture: CapturedStreams()) == 0)
    }

    @Test func inPlaceOverADirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.makeTree(in: directory, links: false)
        let untouched = directory.path("in/sub/c.txt")
        try Data("the c\n".utf8).write(to: URL(fileURLWithPath: untouched))
        let before = try FileManager.default.attributesOfItem(atPath: untouched)[.modificationDate] as? Date
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "-q", "--in-place", "-j", "2", directory.path("in")], capture: capture) == 0)
        #expect(try directory.read("in/a.txt") == Array("the a\n".utf8))
        #expect(try directory.read("in/sub/deeper/d.txt") == Array("the d\n".utf8))
        // Hidden and filtered files are left alone; the unchanged one is not rewritten.
        #expect(try directory.read("in/.hidden.txt") == Array("teh hidden\n".utf8))
        #expect(try directory.read("in/notes.md") == Array("teh notes\n".utf8))
        #expect(try FileManager.default.attributesOfItem(atPath: untouched)[.modificationDate] as? Date == before)
        #expect(try directory.allFiles(under: "in") == [".git/config.txt", ".hidden.txt", "B.TXT", "a.txt", "notes.md", "sub/c.txt", "sub/deeper/d.txt"])
    }

    @Test func aBadFileInADirectoryIsSkippedAndTheRunFails() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.writeCreating("in/a.txt", "teh a\n")
        try directory.makeDirectory("in/b")
        try directory.write("in/b/bad.txt", [0x62, 0x00] as [UInt8])
        // A name that is not UTF-8 cannot be passed on; it is reported.
        let odd = directory.path("in/b") + "/x\u{FFFD}.txt"
        let rawName: [UInt8] = Array(directory.path("in/b/x").utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let descriptor = rawName.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { creat($0.baseAddress!, 0o644) } }
        #expect(descriptor >= 0)
        close(descriptor)
        try directory.writeCreating("in/c.txt", "teh c\n")
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", directory.path("in")], capture: capture) == 2)
        #expect(capture.outputText == "the a\nthe c\n")
        #expect(withoutTimes(capture.standardError) == """
            wirefix: \(directory.path("in/b/bad.txt")): binary file (NUL byte at offset 1)
            wirefix: \(odd): skipped: the file name is not valid UTF-8
            wirefix: 2 files (2 changed), 2 errors: 2 corrections applied, 0 suggestions, 0 findings; <size and time>

            """)
    }

    @Test(.enabled(if: geteuid() != 0, "root reads any directory"))
    func anUnreadableDirectoryIsReportedAndSkipped() throws {
        let directory = try TemporaryDirectory()
        defer {
            chmod(directory.path("in/locked"), 0o755)
            directory.remove()
        }
        try directory.writeCreating("in/a.txt", "teh a\n")
        try directory.writeCreating("in/locked/b.txt", "teh b\n")
        #expect(chmod(directory.path("in/locked"), 0o000) == 0)
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "-q", directory.path("in")], capture: capture) == 2)
        #expect(capture.outputText == "the a\n")
        #expect(capture.standardError == "wirefix: \(directory.path("in/locked")): cannot read directory: Permission denied\n")
    }
}

/// The summary line and the progress bar on standard error.
@Suite struct BatchStatusTests {
    @Test func summaryFollowsABatchUnlessQuiet() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try directory.write("a.txt", "teh recieve FINDME\n")
        let second = try directory.write("b.txt", "nothing\n")
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", first, second], capture: capture) == 0)
        #expect(withoutTimes(capture.standardError) == "wirefix: 2 files (1 changed), 0 errors: 1 correction applied, 1 suggestion, 1 finding; <size and time>\n")
        #expect(capture.standardError.hasSuffix("MB/s)\n"))

        let quiet = CapturedStreams()
        #expect(try runInProcess(["clean", "--quiet", first, second], capture: quiet) == 0)
        #expect(quiet.standardError == "")
        // One file, or standard input: no summary.
        let single = CapturedStreams()
        #expect(try runInProcess(["clean", first], capture: single) == 0)
        #expect(single.standardError == "")
        // A directory, even of one file: a summary.
        try directory.makeDirectory("d")
        try directory.write("d/x.txt", "teh\n")
        let tree = CapturedStreams()
        #expect(try runInProcess(["clean", directory.path("d")], capture: tree) == 0)
        #expect(withoutTimes(tree.standardError) == "wirefix: 1 file (1 changed), 0 errors: 1 correction applied, 0 suggestions, 0 findings; <size and time>\n")
    }

    @Test func summaryStaysOutOfMachineReadableReportsOnStandardError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try directory.write("a.txt", "teh\n")
        let second = try directory.write("b.txt", "teh\n")
        let json = CapturedStreams()
        #expect(try runInProcess(["clean", "--report", "json", first, second], capture: json) == 0)
        let report = try JSONDecoder().decode(JSONReport.self, from: Data(json.standardError.utf8))
        #expect(report.files.count == 2)
        let diff = CapturedStreams()
        #expect(try runInProcess(["clean", "--report", "diff", first, second], capture: diff) == 0)
        #expect(!diff.standardError.contains("wirefix:"))
        // A text report on standard error is for people: the summary follows it.
        let text = CapturedStreams()
        #expect(try runInProcess(["clean", "--report", "text", first, second], capture: text) == 0)
        #expect(text.standardError.hasPrefix("\(first):1:1: test_typo:"))
        #expect(withoutTimes(text.standardError).hasSuffix("""
            2 files, 2 changed: 2 corrections, 0 suggestions, 0 findings
            wirefix: 2 files (2 changed), 0 errors: 2 corrections applied, 0 suggestions, 0 findings; <size and time>

            """))
        // A JSON report in a file leaves standard error to the summary.
        let file = CapturedStreams()
        #expect(try runInProcess(["clean", "--report-file", directory.path("r.json"), "--report", "json", first, second], capture: file) == 0)
        #expect(file.standardError.hasPrefix("wirefix: 2 files (2 changed)"))
    }

    @Test func progressBarOnlyWhenStandardErrorIsATerminal() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var paths: [String] = []
        for index in 0..<3 { paths.append(try directory.write("f\(index).txt", "teh \(index)\n")) }
        let output = directory.path("out")
        let terminal = CapturedStreams()
        #expect(try runInProcess(["clean", "-j", "1", "-o", output] + paths, capture: terminal,
                                 configure: { $0.isTerminal = { $0 == STDERR_FILENO } }) == 0)
        // The first file draws the bar (later ones come within 0.1 s); it is erased before the summary.
        #expect(terminal.standardError.hasPrefix("\r[######..............] 1/3 files  0.0/0.0 MB  "))
        #expect(terminal.standardError.contains("\u{1B}[K\r\u{1B}[Kwirefix: 3 files (3 changed)"))
        // Standard error not a terminal, --quiet, or the cleaned text on a terminal: no bar.
        for (arguments, stdoutIsTerminal) in [(["-o", output], false), (["-q", "-o", output], false), ([], true)] {
            let plain = CapturedStreams()
            #expect(try runInProcess(["clean"] + arguments + paths, capture: plain, configure: { environment in
                environment.isTerminal = { $0 == STDERR_FILENO ? arguments.isEmpty : stdoutIsTerminal }
            }) == 0)
            #expect(!plain.standardError.contains("\r"))
        }
    }

    @Test func progressBarText() {
        #expect(ProgressBar.line(doneFiles: 120, totalFiles: 200, doneBytes: 12_000_000, totalBytes: 20_000_000, elapsed: 2)
                == "[############........] 120/200 files  12.0/20.0 MB  6.0 MB/s  ETA 0:02")
        #expect(ProgressBar.line(doneFiles: 0, totalFiles: 5, doneBytes: 0, totalBytes: nil, elapsed: 0)
                == "[....................] 0/5 files  0.0 MB  0.0 MB/s  ETA --:--")
        #expect(ProgressBar.eta(fraction: 0.01, elapsed: 40) == "1:06:00")
        #expect(ProgressBar.eta(fraction: 0.5, elapsed: 65.2) == "1:06")
    }

    @Test func progressBarIsRedrawnAtMostTenTimesASecond() {
        var time = 0.0
        var written: [String] = []
        let bar = ProgressBar(inputs: (0..<10).map { BatchInput(path: "f\($0)", outputName: "f\($0)", size: 1_000_000) },
                              write: { written.append(String(decoding: $0, as: UTF8.self)) }, clock: { time })
        for _ in 0..<10 {
            time += 0.03
            bar.advance(bytes: 1_000_000)
        }
        // At 0.03, 0.15 (0.12 after), 0.27: every fourth advance.
        #expect(written.count == 3)
        #expect(written[0] == "\r[##..................] 1/10 files  1.0/10.0 MB  33.3 MB/s  ETA 0:01\u{1B}[K")
        bar.clear()
        #expect(written.last == "\r\u{1B}[K")
        bar.clear()
        #expect(written.count == 4)
    }

    @Test func summaryText() {
        let totals = BatchTotals(files: 200, changedFiles: 37, lines: 0, changedLines: 0, corrections: 412, suggestions: 1,
                                 findings: 0, errors: 1, bytes: 20_000_000)
        #expect(totals.summary(seconds: 3.2, jsonl: false)
                == "200 files (37 changed), 1 error: 412 corrections applied, 1 suggestion, 0 findings; 20.0 MB in 3.20 s (6.3 MB/s)")
        var lines = totals
        lines.files = 1
        lines.lines = 1000
        lines.changedLines = 40
        #expect(lines.summary(seconds: 0, jsonl: true)
                == "1 file, 1000 lines (40 changed), 1 error: 412 corrections applied, 1 suggestion, 0 findings; 20.0 MB in 0.00 s")
    }
}

/// The built tool over a directory with two jobs, as a user runs it.
@Suite struct BatchBinaryTests {
    @Test func twoJobsOverADirectoryMatchOneJob() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for index in 0..<30 {
            try directory.writeCreating("wire/\(index / 10)/story\(index).txt", "Plain story number \(index), without damage.\n")
        }
        try directory.write("wire/0/bad.txt", [0xC3, 0x28] as [UInt8])
        let one = try WirefixBinary.run(["clean", "-j", "1", "wire"], in: directory.url)
        let two = try WirefixBinary.run(["clean", "-j", "2", "wire"], in: directory.url)
        #expect(one.status == 2)
        #expect(two.status == 2)
        #expect(two.standardOutput == one.standardOutput)
        #expect(one.outputText.hasPrefix("Plain story number 0, without damage.\nPlain story number 1, without damage.\n"))
        #expect(withoutTimes(two.errorText) == """
            wirefix: wire/0/bad.txt:1:1: invalid UTF-8 at byte offset 0 (use --lossy to replace invalid bytes)
            wirefix: 30 files (0 changed), 1 error: 0 corrections applied, 0 suggestions, 0 findings; <size and time>

            """)
    }
}
