import Foundation
import Testing
@testable import WirefixReports

/// A diff made from pieces of the two texts (`StreamingUnifiedDiff`) is a valid patch: applied
/// to the old text it gives the new one, however the texts are cut, lines added and removed
/// included; with changes made in place it is byte for byte the whole texts' diff.
@Suite struct StreamingUnifiedDiffTests {
    /// The diff of `old` and `new` given in pieces cut at `oldCuts` and `newCuts`.
    static func streamed(_ old: [UInt8], _ new: [UInt8], oldCuts: [Int], newCuts: [Int], spillThreshold: Int = 1 << 20) throws -> [UInt8] {
        let diff = StreamingUnifiedDiff(oldLabel: "a/f.txt", newLabel: "b/f.txt", spillThreshold: spillThreshold,
                                        temporaryDirectory: ReportSpool.defaultTemporaryDirectory)
        func pieces(_ bytes: [UInt8], _ cuts: [Int]) -> [[UInt8]] {
            let bounds = [0] + cuts.filter { $0 > 0 && $0 < bytes.count }.sorted() + [bytes.count]
            return zip(bounds, bounds.dropFirst()).map { Array(bytes[$0..<$1]) }
        }
        let oldPieces = pieces(old, oldCuts), newPieces = pieces(new, newCuts)
        for index in 0..<max(oldPieces.count, newPieces.count) {
            try diff.add(old: index < oldPieces.count ? oldPieces[index] : [], new: index < newPieces.count ? newPieces[index] : [])
        }
        var bytes: [UInt8] = []
        try diff.finish().forEachPiece { bytes += $0 }
        return bytes
    }

    /// Applies a unified diff (as `UnifiedDiff` writes it) to `old`; `nil` when a context or
    /// deleted line does not match.
    static func apply(_ diff: [UInt8], to old: [UInt8]) -> [UInt8]? {
        if diff.isEmpty { return old }
        let oldLines = UnifiedDiff.lines(of: old)
        let diffLines = UnifiedDiff.lines(of: diff)
        var output: [UInt8] = []
        var next = 0  // the next old line to copy
        var index = 2  // past the --- and +++ lines
        var lastSide: UInt8 = 0
        while index < diffLines.count {
            let line = Array(diffLines[index])
            index += 1
            if line.starts(with: Array("@@ -".utf8)) {
                let text = String(decoding: line, as: UTF8.self)
                let startField = text.dropFirst(4).prefix { $0 != "," && $0 != " " }
                guard var start = Int(startField) else { return nil }
                let count = text.dropFirst(4).prefix { $0 != " " }.split(separator: ",").dropFirst().first.flatMap { Int($0) } ?? 1
                if count > 0 { start -= 1 }  // an empty side names the line after which it applies
                guard start >= next, start <= oldLines.count else { return nil }
                for copied in next..<start { output += oldLines[copied] }
                next = start
                continue
            }
            if line.starts(with: Array("\\ No newline".utf8)) {
                // The line before had no line feed in its text.
                if lastSide != UInt8(ascii: "-"), output.last == 0x0A { output.removeLast() }
                continue
            }
            guard let marker = line.first else { return nil }
            let content = Array(line.dropFirst())
            lastSide = marker
            switch marker {
            case UInt8(ascii: " "), UInt8(ascii: "-"):
                guard next < oldLines.count else { return nil }
                let expected = Array(oldLines[next])
                let matches = content == expected || (expected.last != 0x0A && content == expected + [0x0A])
                guard matches else { return nil }
                if marker == UInt8(ascii: " ") { output += expected }
                next += 1
                if marker == UInt8(ascii: " ") { lastSide = UInt8(ascii: "+") }
            case UInt8(ascii: "+"):
                output += content
            default:
                return nil
            }
        }
        for copied in next..<oldLines.count { output += oldLines[copied] }
        return output
    }

    @Test func aChangedLineGivesOneHunkHoweverTheTextsAreCut() throws {
        let old = Array("a\nb\nc\n".utf8), new = Array("a\nB\nc\n".utf8)
        let expected = "--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"
        for cut in 0...old.count {
            #expect(String(decoding: try Self.streamed(old, new, oldCuts: [cut], newCuts: [cut]), as: UTF8.self) == expected, "cut at \(cut)")
            // Cut at places that do not correspond: a valid patch, though not always the
            // smallest ("a" deleted and inserted again when the new text's first piece holds it
            // and the old one's does not).
            #expect(Self.apply(try Self.streamed(old, new, oldCuts: [cut], newCuts: [old.count - cut]), to: old) == new)
        }
        #expect(String(decoding: try Self.streamed(old, new, oldCuts: Array(1..<6), newCuts: Array(1..<6), spillThreshold: 0), as: UTF8.self) == expected)
        #expect(try Self.streamed(old, old, oldCuts: [2], newCuts: [3]) == [])
    }

    @Test func aLastLineWithoutALineFeedIsMarked() throws {
        let old = Array("one\ntwo".utf8), new = Array("one\nTwo".utf8)
        let whole = UnifiedDiff.makeBytes(old: old, new: new, oldLabel: "a/f.txt", newLabel: "b/f.txt")
        #expect(String(decoding: whole, as: UTF8.self)
                == "--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,2 @@\n one\n-two\n\\ No newline at end of file\n+Two\n\\ No newline at end of file\n")
        for cut in 0...old.count {
            #expect(try Self.streamed(old, new, oldCuts: [cut], newCuts: [cut]) == whole, "cut at \(cut)")
        }
    }

    /// Changes 1 to 12 lines apart in 200 lines: hunks merge when at most six kept lines lie
    /// between two changes, as in the whole texts' diff, whatever the pieces.
    @Test(arguments: [1, 2, 3, 5, 8, 13, 40])
    func inPlaceChangesGiveTheWholeDiff(_ linesPerPiece: Int) throws {
        var oldText = "", newText = ""
        var changedAt = 3
        var gap = 1
        for line in 1...200 {
            oldText += "line \(line)\n"
            if line == changedAt {
                newText += "LINE \(line)\n"
                changedAt += gap
                gap = gap % 12 + 1
            } else {
                newText += "line \(line)\n"
            }
        }
        let old = Array(oldText.utf8), new = Array(newText.utf8)
        let whole = UnifiedDiff.makeBytes(old: old, new: new, oldLabel: "a/f.txt", newLabel: "b/f.txt")
        let lineStarts = old.indices.filter { old[$0] == 0x0A }.map { $0 + 1 }
        // Cut after every few lines, and inside lines (three bytes further), in both texts.
        let atLines = stride(from: linesPerPiece - 1, to: lineStarts.count, by: linesPerPiece).map { lineStarts[$0] }
        #expect(try Self.streamed(old, new, oldCuts: atLines, newCuts: atLines) == whole)
        let inside = atLines.map { $0 + 3 }
        #expect(try Self.streamed(old, new, oldCuts: inside, newCuts: inside) == whole)
        #expect(try Self.streamed(old, new, oldCuts: inside, newCuts: inside, spillThreshold: 0) == whole)
        #expect(Self.apply(whole, to: old) == new)
    }

    /// Lines deleted, inserted and changed, the two texts cut at unrelated places: the diff
    /// applies and gives the new text.
    @Test(arguments: 0..<12)
    func anyEditsAndAnyCutsGiveAValidPatch(_ seed: Int) throws {
        var random = SplitMix(seed: UInt64(seed))
        var oldLines: [String] = [], newLines: [String] = []
        for line in 0..<(40 + seed * 17) {
            let text = "l\(line) " + String(repeating: "x", count: Int(random.next() % 5))
            oldLines.append(text)
            switch random.next() % 10 {
            case 0: continue                                             // deleted
            case 1: newLines.append("new \(line)"); newLines.append(text) // inserted before
            case 2: newLines.append(text.uppercased())                   // changed
            case 3: newLines.append("l\(Int(random.next() % 20)) ")       // changed to a line seen elsewhere
            default: newLines.append(text)
            }
        }
        let endsOld = seed % 3 != 0, endsNew = seed % 4 != 0
        let old = Array((oldLines.joined(separator: "\n") + (endsOld ? "\n" : "")).utf8)
        let new = Array((newLines.joined(separator: "\n") + (endsNew ? "\n" : "")).utf8)
        let oldCuts = (0..<(1 + seed)).map { _ in Int(random.next() % UInt64(old.count + 1)) }
        let newCuts = (0..<(1 + seed % 5)).map { _ in Int(random.next() % UInt64(new.count + 1)) }
        let diff = try Self.streamed(old, new, oldCuts: oldCuts, newCuts: newCuts, spillThreshold: seed % 2 == 0 ? 0 : 1 << 20)
        #expect(old == new || !diff.isEmpty)
        #expect(Self.apply(diff, to: old) == new, "seed \(seed)")
        // The whole texts' diff applies too (a check of the applier itself).
        #expect(Self.apply(UnifiedDiff.makeBytes(old: old, new: new, oldLabel: "a/f.txt", newLabel: "b/f.txt"), to: old) == new)
    }

    /// A long line that comes in many pieces, changed at its end: the whole texts' diff. (The
    /// review found each piece copying the partial line again: 80 MB on one line took 10 s more
    /// than no report, against 1.2 s for 40 MB now.)
    @Test func aLongLineInManyPiecesGivesTheWholeDiff() throws {
        let line = String(repeating: "word ", count: 20_000)
        let old = Array(("first\n" + line + "end\nlast\n").utf8), new = Array(("first\n" + line + "END\nlast\n").utf8)
        let cuts = Array(stride(from: 7, to: old.count, by: 97))
        let whole = UnifiedDiff.makeBytes(old: old, new: new, oldLabel: "a/f.txt", newLabel: "b/f.txt")
        #expect(whole.count > 2 * line.utf8.count)
        #expect(try Self.streamed(old, new, oldCuts: cuts, newCuts: cuts) == whole)
        #expect(try Self.streamed(old, new, oldCuts: cuts, newCuts: cuts, spillThreshold: 0) == whole)
    }

    /// A spool's temporary file has no name: nothing of it is ever in its directory.
    @Test func aSpilledSpoolLeavesNothingInItsDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wirefix-spool-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let spool = ReportSpool(spillThreshold: 0, temporaryDirectory: directory.path)
        try spool.append(Array("kept in a file".utf8))
        try spool.append([UInt8](repeating: 0x41, count: 200_000))
        #expect(spool.isSpilled)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
        var read: [UInt8] = []
        try spool.forEachPiece { read += $0 }
        #expect(read == Array("kept in a file".utf8) + [UInt8](repeating: 0x41, count: 200_000))
    }

    /// Deterministic pseudo-random numbers (SplitMix64).
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
