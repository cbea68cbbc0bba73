import Foundation
import WirefixEngine

/// Reports every correction, suggestion and finding as JSON, schema `wirefix-report/2`.
///
/// The document is a ``JSONReport``: pretty-printed, keys sorted, slashes not escaped, ending in
/// a line feed, so that equal reports are equal strings. The schema is documented on
/// ``JSONReport`` and in `Documentation/JSONReport.md`.
public enum JSONReporter: Reporter {
    /// `json`.
    public static let identifier = "json"

    /// One file's object in the `files` array, as the whole document writes it (indented two
    /// levels).
    public static func sectionBytes(for file: FileReport) -> [UInt8] {
        sectionBytes(JSONReport.File(file))
    }

    /// The document with an empty `files` array, cut open where the files go; sections are
    /// joined by `,` and a line feed.
    /// Makes a file's section as it is cleaned as a stream: each chunk's entries are encoded as the
    /// chunk comes, into spools, and the file's object is put around them at the end, when its
    /// `changed` and `totals` are known; the same bytes as ``sectionBytes(for:)``, in memory that
    /// does not grow with the file.
    public static func sectionBuilder(path: String, spillThreshold: Int, temporaryDirectory: String) -> any ReportSectionBuilder {
        JSONSectionBuilder(path: path, spillThreshold: spillThreshold, temporaryDirectory: temporaryDirectory)
    }

    /// The entries of `items` as they stand inside a file's array in a section: each at the
    /// array's indentation (eight spaces), joined by `,` and a line feed, with no line feed
    /// before the first or after the last. Streamed corrections carry their location.
    static func itemLines(_ items: [Correction]) -> [UInt8] {
        let encoded = encode(items.map { JSONReport.Item($0, at: $0.location ?? SourceLocation(line: 1, column: 1)) })
        // `[`, a line feed, the entries two spaces in, a line feed and `]`: the entries, indented
        // by six more spaces.
        return indented(Array(encoded.dropFirst(2).dropLast(2)), by: 6)
    }

    /// The section of a file with no entries, cut where each array's entries go: four parts, the
    /// first ending with `"corrections" : [` and a line feed, the next two likewise before
    /// `"findings"` and `"suggestions"` entries. Joined with the entries of each array (see
    /// ``itemLines(_:)``) between them, they make ``sectionBytes(for:)``'s bytes: an empty array
    /// prints as `[`, an empty line and `]`, a full one as `[`, its entries and `]` on lines of
    /// their own.
    static func fileSkeleton(path: String, changed: Bool, totals: ReportTotals) -> [[UInt8]] {
        let file = JSONReport.File(path: path, changed: changed, totals: totals, corrections: [], suggestions: [], findings: [])
        let skeleton = sectionBytes(file)
        var parts: [[UInt8]] = []
        var start = 0
        // Keys are sorted, and a key inside a string would have its quotes escaped.
        for key in ["corrections", "findings", "suggestions"] {
            let open = Array("\"\(key)\" : [\n".utf8)
            guard let found = firstIndex(of: open, in: Array(skeleton[start...])) else {
                preconditionFailure("the JSON report's file object has no empty \(key) array")
            }
            let end = start + found + open.count
            parts.append(Array(skeleton[start..<end]))
            start = end
        }
        parts.append(Array(skeleton[start...]))
        return parts
    }

    /// The section of `file`: its object, indented by four spaces.
    private static func sectionBytes(_ file: JSONReport.File) -> [UInt8] {
        indented(encode(file), by: 4)
    }

    public static func frame(summary: ReportSummary, errors: [ReportError]) -> ReportFrame {
        var document = encode(JSONReport(summary: summary, errors: errors, files: []))
        document.append(0x0A)
        // Keys are sorted, so `"files"` is the only top-level key of that name, and an empty
        // array prints as `[`, an empty line, and `]` at the key's indentation.
        let empty = Array("\n  \"files\" : [\n\n  ]".utf8)
        guard let start = firstIndex(of: empty, in: document) else {
            preconditionFailure("the JSON report has no empty files array to fill")
        }
        let open = start + empty.count - 4  // after "[\n"
        return ReportFrame(head: Array(document[..<open]), separator: Array(",\n".utf8),
                           tail: Array(document[open...]))
    }

    private static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value))
        } catch {
            // Only a non-finite confidence could fail, and Correction clamps confidence to 0...1.
            preconditionFailure("a wirefix report failed to encode as JSON: \(error)")
        }
    }

    /// `json` with `spaces` spaces before every line that is not empty. A JSON string holds no
    /// raw line feed, so every line feed is the pretty printer's.
    ///
    /// - Complexity: O(*n*); the line feeds are found with `memchr` and each line copied whole
    ///   (a byte-by-byte copy took a fifth of the report's time on a large report).
    static func indented(_ json: [UInt8], by spaces: Int) -> [UInt8] {
        let indentation = [UInt8](repeating: 0x20, count: spaces)
        var output: [UInt8] = []
        output.reserveCapacity(json.count + json.count / 8 + spaces)
        json.withUnsafeBufferPointer { input in
            var start = 0
            while start < input.count {
                let end = ByteSearch.firstIndex(of: 0x0A, in: input, from: start, to: input.count)
                if end > start {
                    output.append(contentsOf: indentation)
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<end]))
                }
                if end < input.count { output.append(0x0A) }
                start = end + 1
            }
        }
        return output
    }

    static func firstIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard pattern.count <= bytes.count else { return nil }
        return (0...(bytes.count - pattern.count)).first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }
}
