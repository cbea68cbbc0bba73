/// A line-based unified diff of two UTF-8 texts, in the format `patch -p1` and `git apply` read.
///
/// Lines are compared byte for byte, line terminator included, so a CRLF line stays CRLF in the
/// diff and a change from LF to CRLF is a change. The edit script comes from the standard
/// library's `difference(from:)` (Myers' O(*nd*) algorithm: E. W. Myers, "An O(ND) Difference
/// Algorithm and Its Variations", Algorithmica 1, 1986), which grows with the product of the
/// text's length and the number of changes. When both texts have the same number of lines and
/// their line count times the lines that differ in place exceeds ``pairingBudget`` (a large
/// cleaned file with many corrections: corrections change lines, not their number), lines are
/// instead paired by position, line *i* with line *i*: a valid diff found in linear time, the
/// same as Myers' unless a changed line equals another line near it; GNU diff likewise trades
/// minimality for speed on large inputs unless given `--minimal`. Hunks carry ``contextLines``
/// lines of context, and two changes whose contexts would touch or overlap share one hunk, as
/// GNU diff does. A last line without a line feed is followed by `\ No newline at end of file`.
///
/// ```swift
/// let diff = UnifiedDiff.make(old: Array("a\nb\n".utf8), new: Array("a\nc\n".utf8),
///                             oldLabel: "a/f.txt", newLabel: "b/f.txt")
/// // --- a/f.txt
/// // +++ b/f.txt
/// // @@ -1,2 +1,2 @@
/// //  a
/// // -b
/// // +c
/// ```
public enum UnifiedDiff {
    /// Lines of context around each change.
    public static let contextLines = 3

    /// The unified diff that turns `old` into `new`, or the empty string when they are equal.
    ///
    /// The same as ``makeBytes(old:new:oldLabel:newLabel:context:)`` decoded as UTF-8, which is
    /// exact whenever `old` and `new` are valid UTF-8; bytes that are not become U+FFFD.
    ///
    /// - Parameters:
    ///   - old: the original text's UTF-8 bytes.
    ///   - new: the changed text's UTF-8 bytes.
    ///   - oldLabel: the name after `---`, e.g. `a/article.txt`.
    ///   - newLabel: the name after `+++`, e.g. `b/article.txt`.
    ///   - context: lines of context around each change.
    /// - Returns: the headers and hunks.
    /// - Complexity: O((*n* + *m*) · *d*) for texts of *n* and *m* lines that differ in *d* lines;
    ///   O(*n*) when *n* = *m* and (*n* + *m*) times the lines that differ in place exceeds
    ///   ``pairingBudget``.
    public static func make(old: [UInt8], new: [UInt8], oldLabel: String, newLabel: String,
                            context: Int = contextLines) -> String {
        String(decoding: makeBytes(old: old, new: new, oldLabel: oldLabel, newLabel: newLabel, context: context),
               as: UTF8.self)
    }

    /// The unified diff that turns `old` into `new`, as bytes, or no bytes when they are equal.
    ///
    /// Each line of the diff carries the bytes of its line exactly, whether or not they are valid
    /// UTF-8, so that applying the diff to a file holding `old` gives `new` byte for byte. The
    /// labels are written as given after `--- ` and `+++ ` (see ``DiffReporter/headerName(_:)``
    /// for quoting a file name).
    ///
    /// - Parameters: as for ``make(old:new:oldLabel:newLabel:context:)``.
    /// - Complexity: as for ``make(old:new:oldLabel:newLabel:context:)``.
    public static func makeBytes(old: [UInt8], new: [UInt8], oldLabel: String, newLabel: String,
                                 context: Int = contextLines) -> [UInt8] {
        makeBytes(old: old, new: new, oldLabel: oldLabel, newLabel: newLabel, context: context, pairingAbove: pairingBudget)
    }

    /// The most work, in lines of both texts times lines that differ in place, given to Myers'
    /// algorithm for texts of equal line counts before their lines are paired by position (see
    /// ``UnifiedDiff``). At this budget the diff takes some 80 ms (11,709 lines of cleaned wire
    /// copy, 400 of them changed); it grows with the square of the changes (4,105 changed: 0.9 s;
    /// before lines were numbered, 5.4 s). A news article (a hundred lines) is always diffed.
    public static let pairingBudget = 10_000_000

    /// ``makeBytes(old:new:oldLabel:newLabel:context:)`` with the pairing budget given, for tests.
    static func makeBytes(old: [UInt8], new: [UInt8], oldLabel: String, newLabel: String,
                          context: Int, pairingAbove budget: Int) -> [UInt8] {
        let oldLines = lines(of: old)
        let newLines = lines(of: new)
        let operations = pairedScript(from: oldLines, to: newLines, above: budget)
            ?? editScript(from: oldLines, to: newLines)
        let hunks = hunkRanges(of: operations, context: max(0, context))
        if hunks.isEmpty { return [] }

        var output: [UInt8] = []
        output.reserveCapacity(old.count / 4 + 256)
        output += headers(oldLabel: oldLabel, newLabel: newLabel)
        var scanned = 0, oldBefore = 0, newBefore = 0
        for hunk in hunks {
            for operation in operations[scanned..<hunk.lowerBound] {
                if operation.old != nil { oldBefore += 1 }
                if operation.new != nil { newBefore += 1 }
            }
            scanned = hunk.lowerBound
            let slice = operations[hunk]
            let oldCount = slice.count(where: { $0.old != nil })
            let newCount = slice.count(where: { $0.new != nil })
            output += hunkHeader(oldBefore: oldBefore, oldCount: oldCount, newBefore: newBefore, newCount: newCount)
            for operation in slice {
                let (marker, line): (UInt8, ArraySlice<UInt8>) = switch (operation.old, operation.new) {
                case let (old?, _?): (UInt8(ascii: " "), oldLines[old])
                case let (old?, nil): (UInt8(ascii: "-"), oldLines[old])
                case let (nil, new?): (UInt8(ascii: "+"), newLines[new])
                case (nil, nil): preconditionFailure("an edit operation touches no line")
                }
                appendLine(marker, line, to: &output)
            }
        }
        return output
    }

    /// The `---` and `+++` lines.
    static func headers(oldLabel: String, newLabel: String) -> [UInt8] {
        Array("--- \(oldLabel)\n+++ \(newLabel)\n".utf8)
    }

    /// A hunk's `@@` line: each side's lines before the hunk and in it.
    static func hunkHeader(oldBefore: Int, oldCount: Int, newBefore: Int, newCount: Int) -> [UInt8] {
        Array("@@ -\(rangeText(before: oldBefore, count: oldCount)) +\(rangeText(before: newBefore, count: newCount)) @@\n".utf8)
    }

    /// Appends a line of a hunk: its marker (` `, `-` or `+`), its bytes, and for a last line
    /// without a line feed, one and the `\ No newline at end of file` line.
    static func appendLine(_ marker: UInt8, _ line: ArraySlice<UInt8>, to output: inout [UInt8]) {
        output.append(marker)
        output += line
        if line.last != 0x0A { output += Array("\n\\ No newline at end of file\n".utf8) }
    }

    /// One step of the edit script: a kept line has both indexes, a deleted one only `old`, an
    /// inserted one only `new`.
    struct Operation: Equatable {
        var old: Int?
        var new: Int?
    }

    /// Splits bytes into lines, each with its terminating LF (and any CR before it); the last
    /// line has no LF when the text does not end with one. An empty text has no lines.
    static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            result.append(bytes[start...offset])
            start = offset + 1
        }
        if start < bytes.count { result.append(bytes[start...]) }
        return result
    }

    /// The edit script that pairs line *i* of `old` with line *i* of `new`, or `nil` when the
    /// texts' line counts differ or their line counts times the lines that differ in place is at
    /// most `budget`. In file order, as ``editScript(from:to:)``'s: a run of changed lines is its
    /// deletions, then its insertions. O(*n*).
    static func pairedScript(from old: [ArraySlice<UInt8>], to new: [ArraySlice<UInt8>], above budget: Int) -> [Operation]? {
        guard old.count == new.count else { return nil }
        var differing = 0
        for index in old.indices where old[index] != new[index] {
            differing += 1
        }
        guard (old.count + new.count) * differing > budget else { return nil }
        var operations: [Operation] = []
        operations.reserveCapacity(old.count + differing)
        var index = 0
        while index < old.count {
            if old[index] == new[index] {
                operations.append(Operation(old: index, new: index))
                index += 1
                continue
            }
            var end = index
            while end < old.count && old[end] != new[end] { end += 1 }
            for line in index..<end { operations.append(Operation(old: line, new: nil)) }
            for line in index..<end { operations.append(Operation(old: nil, new: line)) }
            index = end
        }
        return operations
    }

    /// The edit script in file order: within a changed region, deletions before insertions.
    ///
    /// Each distinct line is numbered once (hashed by its bytes) and the numbers are diffed: the
    /// same script as diffing the lines, with each of the algorithm's comparisons one integer
    /// comparison instead of a comparison of two lines' bytes.
    static func editScript(from old: [ArraySlice<UInt8>], to new: [ArraySlice<UInt8>]) -> [Operation] {
        var numbers: [ArraySlice<UInt8>: Int] = [:]
        numbers.reserveCapacity(old.count + new.count)
        func number(_ line: ArraySlice<UInt8>) -> Int {
            if let known = numbers[line] { return known }
            let next = numbers.count
            numbers[line] = next
            return next
        }
        let oldNumbers = old.map(number)
        let newNumbers = new.map(number)
        let difference = newNumbers.difference(from: oldNumbers)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var operations: [Operation] = []
        operations.reserveCapacity(max(old.count, new.count) + removed.count)
        var oldIndex = 0, newIndex = 0
        while oldIndex < old.count || newIndex < new.count {
            if oldIndex < old.count, removed.contains(oldIndex) {
                operations.append(Operation(old: oldIndex, new: nil))
                oldIndex += 1
            } else if newIndex < new.count, inserted.contains(newIndex) {
                operations.append(Operation(old: nil, new: newIndex))
                newIndex += 1
            } else {
                operations.append(Operation(old: oldIndex, new: newIndex))
                oldIndex += 1
                newIndex += 1
            }
        }
        return operations
    }

    /// The ranges of `operations` that form hunks: each change with `context` kept lines on
    /// either side, changes at most `2 * context` kept lines apart merged into one hunk.
    static func hunkRanges(of operations: [Operation], context: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var groupStart: Int?
        var groupEnd = 0
        for (index, operation) in operations.enumerated() where operation.old == nil || operation.new == nil {
            if let start = groupStart {
                if index - groupEnd - 1 <= 2 * context {
                    groupEnd = index
                    continue
                }
                ranges.append(max(0, start - context)..<min(operations.count, groupEnd + 1 + context))
            }
            groupStart = index
            groupEnd = index
        }
        if let start = groupStart {
            ranges.append(max(0, start - context)..<min(operations.count, groupEnd + 1 + context))
        }
        return ranges
    }

    /// `start,count` of a hunk side, GNU style: the count is left out when it is 1, and an empty
    /// side names the line after which it applies.
    static func rangeText(before: Int, count: Int) -> String {
        switch count {
        case 0: "\(before),0"
        case 1: "\(before + 1)"
        default: "\(before + 1),\(count)"
        }
    }
}
