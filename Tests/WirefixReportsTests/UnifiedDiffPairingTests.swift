import Testing
@testable import WirefixReports

/// `UnifiedDiff`'s linear pairing of lines by position, used when large texts of equal line counts
/// differ in many lines (Myers' algorithm grows with the square of the changes).
@Suite struct UnifiedDiffPairingTests {
    func diff(_ old: String, _ new: String, pairingAbove threshold: Int) -> String {
        String(decoding: UnifiedDiff.makeBytes(old: Array(old.utf8), new: Array(new.utf8), oldLabel: "a/f.txt", newLabel: "b/f.txt",
                                               context: UnifiedDiff.contextLines, pairingAbove: threshold), as: UTF8.self)
    }

    /// Lines `line 1` … `line <count>`, those whose number is a multiple of `every` in capitals.
    func lines(_ count: Int, changingEvery every: Int) -> String {
        (1...count).map { $0 % every == 0 ? "LINE \($0)\n" : "line \($0)\n" }.joined()
    }

    @Test func pairedLinesGiveTheSameHunksAsMyersWhenNoChangedLineRepeats() {
        let old = lines(3000, changingEvery: 3001)
        let new = lines(3000, changingEvery: 3)   // 1,000 changed lines, each unique
        let paired = diff(old, new, pairingAbove: 0)
        #expect(paired == diff(old, new, pairingAbove: Int.max))
        // Lines 3, 6, 9, … 3000 changed, two unchanged lines between: all one hunk.
        #expect(paired.hasPrefix("--- a/f.txt\n+++ b/f.txt\n@@ -1,3000 +1,3000 @@\n line 1\n line 2\n-line 3\n+LINE 3\n line 4\n"))
        #expect(paired.hasSuffix("-line 2997\n+LINE 2997\n line 2998\n line 2999\n-line 3000\n+LINE 3000\n"))
    }

    @Test func theDefaultBudgetPairsLargeTextsWithManyChangesOnly() {
        // 1,000 copies of the lines of the test above: Myers and pairing differ on each.
        let old = String(repeating: "A\nB\nC\n", count: 1000), new = String(repeating: "B\nC\nC\n", count: 1000)
        func entryPoint(_ old: String, _ new: String) -> String {
            UnifiedDiff.make(old: Array(old.utf8), new: Array(new.utf8), oldLabel: "a/f.txt", newLabel: "b/f.txt")
        }
        // 6,000 lines × 2,000 changed = 12,000,000 > 10,000,000: paired.
        #expect(entryPoint(old, new) == diff(old, new, pairingAbove: 0))
        #expect(entryPoint(old, new) != diff(old, new, pairingAbove: Int.max))
        // 600 lines × 200 changed = 120,000: Myers.
        let smallOld = String(repeating: "A\nB\nC\n", count: 100), smallNew = String(repeating: "B\nC\nC\n", count: 100)
        #expect(entryPoint(smallOld, smallNew) == diff(smallOld, smallNew, pairingAbove: Int.max))
        #expect(entryPoint(smallOld, smallNew) != diff(smallOld, smallNew, pairingAbove: 0))
    }

    @Test func aRunOfChangedLinesIsItsDeletionsThenItsInsertions() {
        #expect(diff("a\nb\nc\nd\n", "a\nB\nC\nd\n", pairingAbove: 0) == """
            --- a/f.txt
            +++ b/f.txt
            @@ -1,4 +1,4 @@
             a
            -b
            -c
            +B
            +C
             d

            """)
    }

    @Test func aChangedLineEqualToAnotherLineIsStillPairedInPlace() {
        // Lines 1 and 2 changed, and new line 1 equals old line 2: Myers finds two edits (keep
        // "B" as a shifted line), pairing writes both lines as changed. Both turn old into new.
        #expect(diff("A\nB\nC\n", "B\nC\nC\n", pairingAbove: Int.max) == "--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,3 @@\n-A\n B\n+C\n C\n")
        #expect(diff("A\nB\nC\n", "B\nC\nC\n", pairingAbove: 0) == "--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,3 @@\n-A\n-B\n+B\n+C\n C\n")
    }

    @Test func differentLineCountsOrFewChangesUseMyers() {
        // One line inserted: counts differ, so Myers (one insertion), not 3 pairs.
        #expect(diff("a\nb\nc\n", "x\na\nb\nc\n", pairingAbove: 0) == "--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,4 @@\n+x\n a\n b\n c\n")
        // 2 + 2 lines times 2 changed is 8: within a budget of 8, so Myers; above 7, paired.
        #expect(UnifiedDiff.pairedScript(from: UnifiedDiff.lines(of: Array("a\nb\n".utf8)),
                                         to: UnifiedDiff.lines(of: Array("A\nB\n".utf8)), above: 8) == nil)
        #expect(UnifiedDiff.pairedScript(from: UnifiedDiff.lines(of: Array("a\nb\n".utf8)),
                                         to: UnifiedDiff.lines(of: Array("A\nB\n".utf8)), above: 7)?.count == 4)
    }
}
