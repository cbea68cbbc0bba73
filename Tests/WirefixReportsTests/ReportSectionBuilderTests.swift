import Foundation
import Testing
import WirefixEngine
@testable import WirefixReports

/// A file's section made chunk by chunk (`ReportSectionBuilder`, as a file cleaned as a stream
/// gives it) is byte for byte the section of the whole file, for every reporter, whether its
/// spools stay in memory or go to temporary files.
@Suite struct ReportSectionBuilderTests {
    /// The chunks of `file` cut at `cuts` (byte offsets into both texts, which must have the same
    /// length: the corrections keep lengths): each chunk's items are those whose span starts in it.
    static func chunks(of file: FileReport, at cuts: [Int]) -> [CorrectionResult] {
        let original = file.result.originalUTF8, corrected = file.result.correctedUTF8
        precondition(original.count == corrected.count)
        let bounds = [0] + cuts + [original.count]
        return zip(bounds, bounds.dropFirst()).map { start, end in
            func inChunk(_ items: [Correction]) -> [Correction] {
                items.filter { $0.range.start >= start && ($0.range.start < end || ($0.range.start == end && end == original.count)) }
            }
            return CorrectionResult(originalUTF8: Array(original[start..<end]), correctedUTF8: Array(corrected[start..<end]),
                                    corrections: inChunk(file.result.corrections), suggestions: inChunk(file.result.suggestions),
                                    findings: inChunk(file.result.findings))
        }
    }

    static func built(_ reporter: any Reporter.Type, _ file: FileReport, chunks: [CorrectionResult], spillThreshold: Int) throws -> [UInt8] {
        let builder = reporter.sectionBuilder(path: file.path, spillThreshold: spillThreshold,
                                              temporaryDirectory: ReportSpool.defaultTemporaryDirectory)
        for chunk in chunks { try builder.add(chunk) }
        let section = try builder.finish(changed: file.changed, replacedInvalidBytes: file.replacedInvalidBytes)
        var bytes: [UInt8] = []
        try section.forEachPiece { bytes += $0 }
        #expect(section.count == bytes.count)
        return bytes
    }

    /// `lines` lines of copy, the lines in `changed` with a typo "teh" corrected to "the" (a
    /// suggestion on every seventh line too), every correction located.
    static func file(lines: Int, changed: Set<Int>) -> FileReport {
        var original = "", corrected = ""
        var corrections: [Correction] = [], suggestions: [Correction] = []
        for line in 1...lines {
            let head = "Line \(line) of the copy: "
            let start = original.utf8.count + head.utf8.count
            if changed.contains(line) {
                original += head + "teh end.\n"
                corrected += head + "the end.\n"
                var correction = Correction(ruleID: "test_typo", range: TextRange(start: start, end: start + 3), original: "teh",
                                            replacement: "the", confidence: 0.9, explanation: "a typo")
                correction.location = SourceLocation(line: line, column: head.unicodeScalars.count + 1)
                corrections.append(correction)
            } else {
                original += head + "fine.\n"
                corrected += head + "fine.\n"
            }
            if line % 7 == 0 {
                var suggestion = Correction(ruleID: "test_case", range: TextRange(start: start - 2, end: start - 1), original: ":",
                                            replacement: ";", confidence: 0.4, explanation: "maybe", disposition: .suggestion)
                suggestion.location = SourceLocation(line: line, column: head.unicodeScalars.count - 1)
                suggestions.append(suggestion)
            }
        }
        return FileReport(path: "wire/day 1.txt",
                          result: CorrectionResult(original: original, corrected: corrected, corrections: corrections,
                                                   suggestions: suggestions, findings: []))
    }

    @Test func theSampleFileInTwoChunksGivesItsSection() throws {
        let file = SampleReports.changed
        // "Hi teh café.\n" | "FINDME\n"
        let chunks = Self.chunks(of: file, at: [14])
        #expect(chunks.map(\.corrections.count) == [1, 0])
        #expect(chunks.map(\.findings.count) == [0, 1])
        for reporter in reportersList {
            for spill in [1 << 20, 0] {
                #expect(try Self.built(reporter, file, chunks: chunks, spillThreshold: spill) == reporter.sectionBytes(for: file),
                        "\(reporter.identifier), spill \(spill)")
            }
        }
    }

    @Test func anUnchangedFileGivesNoDiffAndItsJSONObject() throws {
        let file = SampleReports.unchanged
        let chunks = Self.chunks(of: file, at: [3])
        #expect(try Self.built(DiffReporter.self, file, chunks: chunks, spillThreshold: 0) == [])
        #expect(try Self.built(TextReporter.self, file, chunks: chunks, spillThreshold: 0) == [])
        let json = String(decoding: try Self.built(JSONReporter.self, file, chunks: chunks, spillThreshold: 1 << 20), as: UTF8.self)
        #expect(json == String(decoding: JSONReporter.sectionBytes(for: file), as: UTF8.self))
        #expect(json.contains("\"corrections\" : [\n\n      ],"))
    }

    /// Hunks near, far and at chunk ends: changes 1 to 9 lines apart, chunks cut inside lines.
    @Test(arguments: [[7], [1, 2, 3], [40, 41, 97, 150], Array(stride(from: 5, to: 2_000, by: 37))])
    func chunksCutAnywhereGiveTheWholeFilesSection(_ cutLines: [Int]) throws {
        var changed = Set<Int>()
        var line = 2
        var gap = 1
        while line <= 120 {
            changed.insert(line)
            line += gap
            gap = gap % 9 + 1
        }
        let file = Self.file(lines: 130, changed: changed)
        // Cut inside lines (eight bytes in: never inside "teh"), or at a line's start.
        let lineStarts = [0] + file.result.originalUTF8.indices.filter { file.result.originalUTF8[$0] == 0x0A }.map { $0 + 1 }
        let cuts = cutLines.filter { $0 < lineStarts.count - 1 }.map { lineStarts[$0] + ($0 % 2 == 0 ? 8 : 0) }
        let chunks = Self.chunks(of: file, at: cuts)
        #expect(chunks.map(\.corrections.count).reduce(0, +) == changed.count)
        for reporter in reportersList {
            let whole = reporter.sectionBytes(for: file)
            #expect(!whole.isEmpty)
            #expect(try Self.built(reporter, file, chunks: chunks, spillThreshold: 1 << 20) == whole, "\(reporter.identifier)")
            #expect(try Self.built(reporter, file, chunks: chunks, spillThreshold: 0) == whole, "\(reporter.identifier), spilled")
        }
    }

    /// Two items with empty spans at the same offset, one each side of a chunk's end: the text
    /// report lists them by rule id, as for the whole file.
    @Test func itemsAtAChunksEndAreSortedWithTheNextChunks() throws {
        func insertion(_ rule: String, line: Int) -> Correction {
            var correction = Correction(ruleID: rule, range: TextRange(start: 4, end: 4), original: "", replacement: " ",
                                        confidence: 0.5, explanation: "a space", disposition: .suggestion)
            correction.location = SourceLocation(line: line, column: 5)
            return correction
        }
        let first = CorrectionResult(originalUTF8: Array("abcd".utf8), correctedUTF8: Array("abcd".utf8),
                                     corrections: [], suggestions: [insertion("zulu", line: 1)], findings: [])
        let second = CorrectionResult(originalUTF8: Array("efg\n".utf8), correctedUTF8: Array("efg\n".utf8),
                                      corrections: [], suggestions: [insertion("alpha", line: 1)], findings: [])
        let builder = TextReporter.sectionBuilder(path: "a.txt", spillThreshold: 0, temporaryDirectory: ReportSpool.defaultTemporaryDirectory)
        try builder.add(first)
        try builder.add(second)
        var bytes: [UInt8] = []
        try builder.finish(changed: false, replacedInvalidBytes: 0).forEachPiece { bytes += $0 }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("a.txt:1:5: suggestion: alpha: "))
        #expect(lines[1].hasPrefix("a.txt:1:5: suggestion: zulu: "))
    }

    @Test func theTextSectionEndsWithTheReplacedBytes() throws {
        let file = SampleReports.lossyInput
        let chunks = [CorrectionResult(originalUTF8: file.result.originalUTF8, correctedUTF8: file.result.correctedUTF8,
                                       corrections: [], suggestions: [], findings: [])]
        let text = try Self.built(TextReporter.self, file, chunks: chunks, spillThreshold: 0)
        #expect(String(decoding: text, as: UTF8.self) == "<stdin>: replaced 2 invalid UTF-8 bytes with U+FFFD\n")
        #expect(text == TextReporter.sectionBytes(for: file))
    }

    /// A reporter of another package, which knows nothing of streams: it gets the default
    /// builder, which keeps the chunks and makes the section of the whole file at the end.
    enum CountingReporter: Reporter {
        static let identifier = "count"
        static func sectionBytes(for file: FileReport) -> [UInt8] {
            Array("\(file.path): \(file.result.corrections.count) corrections, \(file.result.originalUTF8.count) bytes, \(file.changed ? "changed" : "unchanged")\n".utf8)
        }
        static func frame(summary: ReportSummary, errors: [ReportError]) -> ReportFrame { ReportFrame() }
    }

    @Test func aReporterWithoutItsOwnBuilderGetsTheWholeFile() throws {
        let file = Self.file(lines: 30, changed: [2, 9, 10, 25])
        let chunks = Self.chunks(of: file, at: [40, 333, 700])
        let section = try Self.built(CountingReporter.self, file, chunks: chunks, spillThreshold: 0)
        #expect(String(decoding: section, as: UTF8.self) == "wire/day 1.txt: 4 corrections, \(file.result.originalUTF8.count) bytes, changed\n")
        #expect(section == CountingReporter.sectionBytes(for: file))
    }
}
