import Wirefix

/// Cleans one validated input and produces its output bytes and its report.
///
/// A byte-order mark is taken off before the rules run and put back after, so no rule can
/// remove it; the report's spans are shifted by its three bytes (and the columns of line 1 by
/// one scalar) so that they stay offsets into the file.
enum FileCleaner {
    /// The cleaned bytes and the report for `input`.
    static func clean(_ input: InputText, with correct: CorrectText) -> (output: [UInt8], report: FileReport) {
        var result = correct(input.text)
        if input.hasByteOrderMark {
            result = shifted(result, byByteOrderMark: InputReader.byteOrderMark)
        }
        let report = FileReport(path: input.path, result: result, replacedInvalidBytes: input.replacedInvalidBytes)
        return (Array(result.corrected.utf8), report)
    }

    /// The result as if `prefix` (one scalar, no line feed) had stood before the text.
    static func shifted(_ result: CorrectionResult, byByteOrderMark prefix: [UInt8]) -> CorrectionResult {
        let mark = String(decoding: prefix, as: UTF8.self)
        func shift(_ correction: Correction) -> Correction {
            var moved = correction
            moved.range = TextRange(start: correction.range.start + prefix.count, end: correction.range.end + prefix.count)
            if let location = correction.location, location.line == 1 {
                moved.location = SourceLocation(line: 1, column: location.column + 1)
            }
            return moved
        }
        return CorrectionResult(original: mark + result.original, corrected: mark + result.corrected,
                                corrections: result.corrections.map(shift), suggestions: result.suggestions.map(shift),
                                findings: result.findings.map(shift))
    }
}
