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
        indented(encode(JSONReport.File(file)), by: 4)
    }

    /// The document with an empty `files` array, cut open where the files go; sections are
    /// joined by `,` and a line feed.
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
    static func indented(_ json: [UInt8], by spaces: Int) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(json.count + json.count / 8)
        var atLineStart = true
        for byte in json {
            if atLineStart && byte != 0x0A { output += repeatElement(0x20, count: spaces) }
            output.append(byte)
            atLineStart = byte == 0x0A
        }
        return output
    }

    static func firstIndex(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard pattern.count <= bytes.count else { return nil }
        return (0...(bytes.count - pattern.count)).first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }
}
