#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a batch did, for the summary line and the progress bar.
struct BatchTotals: Equatable, Sendable {
    /// Inputs cleaned (failed ones not counted).
    var files = 0
    /// Inputs whose output differs from the input.
    var changedFiles = 0
    /// JSON Lines records read (`--jsonl` only), blank lines included.
    var lines = 0
    /// Records whose line was rewritten (`--jsonl` only).
    var changedLines = 0
    /// Applied corrections.
    var corrections = 0
    /// Corrections reported, not applied.
    var suggestions = 0
    /// Findings of detect-only rules.
    var findings = 0
    /// Inputs that failed, directories that could not be read, `--jsonl` records refused, and a
    /// report that could not be written.
    var errors = 0
    /// Bytes read.
    var bytes = 0

    /// Adds another total to this one.
    static func += (lhs: inout BatchTotals, rhs: BatchTotals) {
        lhs.files += rhs.files
        lhs.changedFiles += rhs.changedFiles
        lhs.lines += rhs.lines
        lhs.changedLines += rhs.changedLines
        lhs.corrections += rhs.corrections
        lhs.suggestions += rhs.suggestions
        lhs.findings += rhs.findings
        lhs.errors += rhs.errors
        lhs.bytes += rhs.bytes
    }

    /// The summary line, without the `wirefix: ` prefix and the line feed, e.g.
    /// `3 files (2 changed), 1 error: 4 corrections applied, 1 suggestion, 0 findings; 0.3 MB in 1.20 s (0.25 MB/s)`.
    ///
    /// With `jsonl`, the records are counted too: `1 file, 120 lines (7 changed), 0 errors: …`.
    /// Megabytes are 10⁶ bytes.
    func summary(seconds: Double, jsonl: Bool) -> String {
        var text = Self.count(files, "file")
        if jsonl {
            text += ", " + Self.count(lines, "line") + " (\(changedLines) changed)"
        } else {
            text += " (\(changedFiles) changed)"
        }
        text += ", " + Self.count(errors, "error")
        text += ": " + Self.count(corrections, "correction") + " applied, " + Self.count(suggestions, "suggestion")
        text += ", " + Self.count(findings, "finding")
        let megabytes = Double(bytes) / 1_000_000
        text += "; " + Self.decimal(megabytes, places: 1) + " MB in " + Self.decimal(seconds, places: 2) + " s"
        if seconds > 0 { text += " (" + Self.decimal(megabytes / seconds, places: 1) + " MB/s)" }
        return text
    }

    /// `1 file`, `2 files`.
    static func count(_ value: Int, _ noun: String) -> String { "\(value) \(noun)\(value == 1 ? "" : "s")" }

    /// `value` with exactly `places` decimals, rounded half away from zero (no locale).
    static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = scaled % Int(scale)
        var text = (value < 0 && scaled != 0 ? "-" : "") + String(whole)
        if places > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: places - digits.count) + digits
        }
        return text
    }
}

/// The seconds of a monotonic clock (`CLOCK_MONOTONIC`), for timing a run.
func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// A progress bar on one line of a terminal: files done of the total, megabytes, megabytes per
/// second and the estimated time left.
///
/// ```text
/// [#########...........] 120/200 files  12.0/20.0 MB  6.1 MB/s  ETA 0:02
/// ```
///
/// It is redrawn in place (carriage return, then erase to the end of the line) when a file is done,
/// at most once every ``minimumInterval`` seconds; ``clear()`` erases it before a message is
/// written, and the next advance draws it again. The estimate divides the bytes left by the rate so
/// far; it counts files instead when a size is unknown (standard input). Used only on the
/// deliverer's thread (see ``OrderedWorkPool``).
final class ProgressBar {
    /// Writes to standard error.
    private let write: ([UInt8]) -> Void
    /// The current time in seconds.
    private let clock: () -> Double
    private let totalFiles: Int
    /// The sum of the inputs' sizes, or `nil` when one is unknown.
    private let totalBytes: Int?
    private let start: Double
    private var doneFiles = 0
    private var doneBytes = 0
    private var lastDraw = -Double.infinity
    private var visible = false

    /// Redraws are at least this far apart: 0.1 s, ten a second.
    static let minimumInterval = 0.1

    /// A bar for `inputs`, not yet drawn.
    init(inputs: [BatchInput], write: @escaping ([UInt8]) -> Void, clock: @escaping () -> Double = monotonicSeconds) {
        self.write = write
        self.clock = clock
        totalFiles = inputs.count
        totalBytes = inputs.allSatisfy { $0.size != nil } ? inputs.reduce(0) { $0 + ($1.size ?? 0) } : nil
        start = clock()
    }

    /// Counts one more input done (cleaned or failed) and redraws if the last draw is old enough.
    func advance(bytes: Int, files: Int = 1) {
        doneFiles += files
        doneBytes += bytes
        let now = clock()
        guard now - lastDraw >= Self.minimumInterval else { return }
        lastDraw = now
        write(Array(("\r" + Self.line(doneFiles: doneFiles, totalFiles: totalFiles, doneBytes: doneBytes,
                                      totalBytes: totalBytes, elapsed: now - start) + "\u{1B}[K").utf8))
        visible = true
    }

    /// Erases the bar (before a message, and at the end); the next ``advance(bytes:files:)``
    /// draws it again.
    func clear() {
        guard visible else { return }
        write(Array("\r\u{1B}[K".utf8))
        visible = false
        lastDraw = -Double.infinity
    }

    /// The text of the bar.
    static func line(doneFiles: Int, totalFiles: Int, doneBytes: Int, totalBytes: Int?, elapsed: Double) -> String {
        let fraction: Double
        if let totalBytes, totalBytes > 0 {
            fraction = Double(doneBytes) / Double(totalBytes)
        } else {
            fraction = totalFiles > 0 ? Double(doneFiles) / Double(totalFiles) : 1
        }
        let width = 20
        let filled = max(0, min(width, Int((fraction * Double(width)).rounded(.down))))
        var text = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
        text += "\(doneFiles)/\(totalFiles) files  "
        let megabytes = BatchTotals.decimal(Double(doneBytes) / 1_000_000, places: 1)
        text += totalBytes.map { megabytes + "/" + BatchTotals.decimal(Double($0) / 1_000_000, places: 1) + " MB" } ?? megabytes + " MB"
        let rate = elapsed > 0 ? Double(doneBytes) / 1_000_000 / elapsed : 0
        text += "  " + BatchTotals.decimal(rate, places: 1) + " MB/s"
        text += "  ETA " + eta(fraction: fraction, elapsed: elapsed)
        return text
    }

    /// `m:ss` (or `h:mm:ss`) left at the rate so far; `--:--` before anything is done.
    static func eta(fraction: Double, elapsed: Double) -> String {
        guard fraction > 0, elapsed > 0 else { return "--:--" }
        let seconds = Int((elapsed / fraction - elapsed).rounded(.up))
        let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(rest))" : "\(minutes):\(two(rest))"
    }
}
