import WirefixEngine

/// Reports the changes as a unified diff of each changed file, original to corrected.
///
/// Apply it from the directory the paths are relative to with `patch -p1` or `git apply`. Each
/// file gets `--- a/<path>` and `+++ b/<path>` headers (see ``label(for:)``) and one hunk per
/// changed region with three lines of context (see ``UnifiedDiff``). Unchanged files contribute
/// nothing, so a run that changes nothing yields an empty report. Suggestions and findings
/// change no text and do not appear.
public enum DiffReporter: Reporter {
    /// `diff`.
    public static let identifier = "diff"

    /// The diffs of every changed file, in the order of the report.
    ///
    /// - Complexity: O((*n* + *m*) · *d*) per file; see ``UnifiedDiff/make(old:new:oldLabel:newLabel:context:)``.
    public static func generateReport(_ report: CorrectionReport) -> String {
        var output = ""
        for file in report.files where file.result.changed {
            let label = label(for: file.path)
            output += UnifiedDiff.make(old: Array(file.result.original.utf8), new: Array(file.result.corrected.utf8),
                                       oldLabel: "a/" + label, newLabel: "b/" + label)
        }
        return output
    }

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
}
