import Wirefix

/// Cleans one validated input and produces its output bytes and its report.
///
/// A byte-order mark is taken off before the rules run and put back after, so no rule can
/// remove it; the report's spans are shifted by its three bytes so that they stay offsets into
/// the file. Columns are left as the rules computed them, without the mark: an editor does not
/// show it, so the first character after it is column 1.
///
/// With `--lossy`, the output is the repaired text whether or not a rule changed anything: the
/// replacement of invalid bytes with U+FFFD is itself a change of the file.
enum FileCleaner {
    /// The cleaned bytes and the report for `input`.
    static func clean(_ input: InputText, with correct: CorrectText) -> (output: [UInt8], report: FileReport) {
        var result = correct(input.text)
        if input.hasByteOrderMark {
            result = shifted(result, byByteOrderMark: InputReader.byteOrderMark)
        }
        let report = FileReport(path: input.path, result: result, replacedInvalidBytes: input.replacedInvalidBytes,
                                rawOriginal: input.rawBytes)
        return (Array(result.corrected.utf8), report)
    }

    /// The result as if `prefix` (one scalar, no line feed) had stood before the text: ranges
    /// shifted by its bytes, locations unchanged (the mark is not counted as a column).
    static func shifted(_ result: CorrectionResult, byByteOrderMark prefix: [UInt8]) -> CorrectionResult {
        let mark = String(decoding: prefix, as: UTF8.self)
        func shift(_ correction: Correction) -> Correction {
            var moved = correction
            moved.range = TextRange(start: correction.range.start + prefix.count, end: correction.range.end + prefix.count)
            return moved
        }
        return CorrectionResult(original: mark + result.original, corrected: mark + result.corrected,
                                corrections: result.corrections.map(shift), suggestions: result.suggestions.map(shift),
                                findings: result.findings.map(shift))
    }
}
