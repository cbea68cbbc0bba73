import WirefixEngine

/// Reports the changes as a unified diff of each changed file, original to corrected.
///
/// Apply it from the directory the paths are relative to with `patch -p1` or `git apply`. Each
/// file gets `--- a/<path>` and `+++ b/<path>` headers (see ``label(for:)`` and
/// ``headerName(_:)``) and one hunk per changed region with three lines of context (see
/// ``UnifiedDiff``). Unchanged files contribute nothing, so a run that changes nothing yields an
/// empty report. Suggestions and findings change no text and do not appear.
///
/// The `-` lines carry the file's bytes as read. When `--lossy` replaced invalid UTF-8, those
/// lines hold the original invalid bytes and the `+` lines the U+FFFD that replaced them, so that
/// the diff turns the original file into exactly the cleaned output; such a report is not valid
/// UTF-8, and ``generateReportBytes(_:)`` gives its exact bytes (``generateReport(_:)`` shows each
/// invalid byte as U+FFFD).
public enum DiffReporter: Reporter {
    /// `diff`.
    public static let identifier = "diff"

    /// The diff of one file: none when it is unchanged.
    ///
    /// - Complexity: O((*n* + *m*) · *d*), or O(*n*) with many changed lines; see
    ///   ``UnifiedDiff/makeBytes(old:new:oldLabel:newLabel:context:)``.
    public static func sectionBytes(for file: FileReport) -> [UInt8] {
        guard file.changed else { return [] }
        let label = label(for: file.path)
        return UnifiedDiff.makeBytes(old: file.originalBytes, new: file.result.correctedUTF8,
                                     oldLabel: headerName("a/" + label), newLabel: headerName("b/" + label))
    }

    /// Makes a file's diff as it is cleaned as a stream, in bounded memory (see
    /// ``StreamingUnifiedDiff``): each chunk's lines are diffed as they come. A valid patch; for a
    /// file cleaned as text is (changes made in place, line counts kept) usually the bytes of
    /// ``sectionBytes(for:)``, which may pair lines differently where a changed line equals a line
    /// near it. Not
    /// for a file whose invalid bytes `--lossy` replaced: its `-` lines must carry the bytes as
    /// read, which the chunks no longer hold.
    public static func sectionBuilder(path: String, spillThreshold: Int, temporaryDirectory: String) -> any ReportSectionBuilder {
        DiffSectionBuilder(path: path, spillThreshold: spillThreshold, temporaryDirectory: temporaryDirectory)
    }

    /// Nothing: the diffs of the changed files, one after another, are the whole report.
    public static func frame(summary: ReportSummary, errors: [ReportError]) -> ReportFrame { ReportFrame() }

    /// The path written after `a/` and `b/`: `stdin` for standard input (`-`); otherwise the path
    /// with leading `/` and `./` removed, so that `patch -p1` finds it relative to the current
    /// directory (an absolute path applies from `/`).
    public static func label(for path: String) -> String {
        if path == FileReport.standardInputPath { return "stdin" }
        var label = Substring(path)
        while true {
            if label.hasPrefix("/") { label = label.dropFirst() } else if label.hasPrefix("./") { label = label.dropFirst(2) } else { break }
        }
        return label.isEmpty ? "stdin" : String(label)
    }

    /// A file name as git writes it on the `---` and `+++` lines, which `patch` and `git apply`
    /// both read back:
    ///
    /// - a name holding a double quote, a backslash or a control character (tab, line feed, any
    ///   byte below 0x20, DEL) is written in double quotes with C escapes: `\"`, `\\`, `\a`, `\b`,
    ///   `\t`, `\n`, `\v`, `\f`, `\r`, and three octal digits for the other controls
    ///   (`a/tab\tname.txt` becomes `"a/tab\tname.txt"`); other bytes, UTF-8 letters included, are
    ///   written as they are (git, with `core.quotePath` on, would also escape those in octal);
    /// - a name holding a space is followed by a tab (`a/with space.txt` + TAB), which ends the
    ///   name for `patch` (which else takes the text after a space for a time stamp) and which
    ///   `git apply` ignores.
    public static func headerName(_ name: String) -> String {
        let bytes = Array(name.utf8)
        let needsQuotes = bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        var header = name
        if needsQuotes {
            var quoted: [UInt8] = [UInt8(ascii: "\"")]
            for byte in bytes {
                let escape: String? = switch byte {
                case UInt8(ascii: "\""): "\\\""
                case UInt8(ascii: "\\"): "\\\\"
                case 0x07: "\\a"
                case 0x08: "\\b"
                case 0x09: "\\t"
                case 0x0A: "\\n"
                case 0x0B: "\\v"
                case 0x0C: "\\f"
                case 0x0D: "\\r"
                case 0..<0x20, 0x7F: "\\" + String(repeating: "0", count: 3 - String(byte, radix: 8).count) + String(byte, radix: 8)
                default: nil
                }
                if let escape { quoted += Array(escape.utf8) } else { quoted.append(byte) }
            }
            quoted.append(UInt8(ascii: "\""))
            header = String(decoding: quoted, as: UTF8.self)
        }
        return bytes.contains(UInt8(ascii: " ")) ? header + "\t" : header
    }
}
