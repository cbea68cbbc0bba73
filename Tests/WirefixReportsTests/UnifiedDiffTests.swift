import Foundation
import Testing
import WirefixReports
import WirefixTestSupport

/// The unified diff's hunks, headers and edge cases, as golden strings (each checked against
/// GNU `diff -u` output for the same texts), and round trips through `patch` and `git apply`.
@Suite struct UnifiedDiffTests {
    func diff(_ old: String, _ new: String) -> String {
        UnifiedDiff.make(old: Array(old.utf8), new: Array(new.utf8), oldLabel: "a/f.txt", newLabel: "b/f.txt")
    }

    /// `l1\n` … `l10\n`, with the given lines (1-based) replaced by `L<n>`.
    func tenLines(changing changed: Set<Int> = []) -> String {
        (1...10).map { changed.contains($0) ? "L\($0)\n" : "l\($0)\n" }.joined()
    }

    @Test func equalTextsGiveNoDiff() {
        #expect(diff("", "") == "")
        #expect(diff("a\nb\n", "a\nb\n") == "")
        #expect(diff("no newline", "no newline") == "")
    }

    @Test func oneChangedLineWithContext() {
        #expect(diff("one\ntwo\nthree\n", "one\n2\nthree\n") == """
            --- a/f.txt
            +++ b/f.txt
            @@ -1,3 +1,3 @@
             one
            -two
            +2
             three

            """)
    }

    @Test func changesSixLinesApartShareOneHunk() {
        // Lines 2 and 9 changed: six unchanged lines between them, contexts touch.
        #expect(diff(tenLines(), tenLines(changing: [2, 9])) == """
            --- a/f.txt
            +++ b/f.txt
            @@ -1,10 +1,10 @@
             l1
            -l2
            +L2
             l3
             l4
             l5
             l6
             l7
             l8
            -l9
            +L9
             l10

            """)
    }

    @Test func changesSevenLinesApartGetTwoHunks() {
        #expect(diff(tenLines(), tenLines(changing: [1, 9])) == """
            --- a/f.txt
            +++ b/f.txt
            @@ -1,4 +1,4 @@
            -l1
            +L1
             l2
             l3
             l4
            @@ -6,5 +6,5 @@
             l6
             l7
             l8
            -l9
            +L9
             l10

            """)
    }

    @Test func missingFinalNewlineIsMarked() {
        #expect(diff("a\nb", "a\nc") == """
            --- a/f.txt
            +++ b/f.txt
            @@ -1,2 +1,2 @@
             a
            -b
            \\ No newline at end of file
            +c
            \\ No newline at end of file

            """)
    }

    @Test func unchangedLastLineWithoutNewlineIsMarkedInContext() {
        #expect(diff("x\ny", "X\ny") == """
            --- a/f.txt
            +++ b/f.txt
            @@ -1,2 +1,2 @@
            -x
            +X
             y
            \\ No newline at end of file

            """)
    }

    @Test func addingTheFinalNewlineChangesTheLastLine() {
        #expect(diff("a", "a\n") == """
            --- a/f.txt
            +++ b/f.txt
            @@ -1 +1 @@
            -a
            \\ No newline at end of file
            +a

            """)
    }

    @Test func crlfLinesKeepTheirCarriageReturns() {
        #expect(diff("x\r\ny\r\n", "x\r\nz\r\n") == "--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,2 @@\n x\r\n-y\r\n+z\r\n")
    }

    @Test func fromAndToAnEmptyText() {
        #expect(diff("", "a\n") == "--- a/f.txt\n+++ b/f.txt\n@@ -0,0 +1 @@\n+a\n")
        #expect(diff("a\nb\n", "") == "--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +0,0 @@\n-a\n-b\n")
    }

    @Test func insertedLineNamesTheLineBefore() {
        #expect(diff("a\nb\n", "a\nnew\nb\n") == "--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,3 @@\n a\n+new\n b\n")
    }

    @Test func multibyteTextIsComparedByteForByte() {
        // NFC "é" against NFD "e" + U+0301: equal as Swift strings, different bytes.
        #expect(diff("caf\u{E9}\n", "cafe\u{301}\n") == "--- a/f.txt\n+++ b/f.txt\n@@ -1 +1 @@\n-caf\u{E9}\n+cafe\u{301}\n")
    }

    /// Texts whose diffs must apply: each pair is (original, changed).
    static let roundTrips: [(String, String)] = [
        ("one\ntwo\nthree\n", "one\n2\nthree\n"),
        ("a\nb", "a\nc"),
        ("a\nb", "a\nb\n"),
        ("a\nb\n", "a\nb"),
        ("x\r\ny\r\nz\r\n", "x\r\nY\r\nz\r\n"),
        ("x\r\ny\r\nlast", "x\r\ny\r\nLAST"),
        ("", "new\n"),
        ((1...40).map { "line \($0)\n" }.joined(), (1...40).map { [3, 9, 17, 18, 40].contains($0) ? "LINE \($0)\n" : "line \($0)\n" }.joined()),
        ("Дж. 東京 👨‍👩‍👧\nsecond\n", "Дж. 東京 👨‍👩‍👧\nsecond line\n"),
    ]

    @Test(arguments: roundTrips.indices)
    func appliesWithPatch(_ index: Int) throws {
        let (old, new) = Self.roundTrips[index]
        let patched = try apply(diff(old, new), to: old, with: "/usr/bin/patch", ["-p1", "--quiet", "--no-backup-if-mismatch"])
        #expect(patched == Array(new.utf8))
    }

    @Test(arguments: roundTrips.indices)
    func appliesWithGitApply(_ index: Int) throws {
        let (old, new) = Self.roundTrips[index]
        let patched = try apply(diff(old, new), to: old, with: "git", ["apply", "-p1", "--whitespace=nowarn"])
        #expect(patched == Array(new.utf8))
    }

    /// Writes `old` to `f.txt` in a fresh directory, applies `patch` there with the tool reading
    /// it from standard input, and returns the file's bytes.
    func apply(_ patch: String, to old: String, with tool: String, _ arguments: [String]) throws -> [UInt8] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wirefix-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("f.txt")
        try Data(old.utf8).write(to: file)
        let result = try ExternalProcess.run(tool, arguments, input: Array(patch.utf8), in: directory)
        #expect(result.status == 0, "\(tool) failed: \(result.outputText)\(result.errorText)")
        return [UInt8](try Data(contentsOf: file))
    }
}
