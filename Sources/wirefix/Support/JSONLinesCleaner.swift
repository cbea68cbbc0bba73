import Wirefix

/// Cleans one string field of each JSON Lines record and keeps every other byte of the line.
///
/// For each line (a JSON object on one line, RFC 8259, ended by a line feed):
/// - the top-level member named ``field`` is found with ``JSONLineScanner`` (the object is not
///   decoded and re-encoded), its string value is decoded and cleaned;
/// - when cleaning reports nothing (no correction, suggestion or finding), the line is written
///   **byte for byte as read**;
/// - otherwise the value is replaced by the cleaned text, escaped minimally (only when the text
///   changed: an unchanged value keeps its original escapes), and a member
///   `"<correctionsKey>":[…]` is added after the object's last member, one entry per correction,
///   suggestion and finding, in order of their span:
///   `{"rule_id":"…","disposition":"applied|suggestion|finding","start":S,"end":E,"original":"…","replacement":"…","confidence":C}`;
///   `start` and `end` are UTF-8 byte offsets into the decoded field text (the text the JSON string
///   stands for, not its escaped form). Every other byte of the line, whitespace included, is kept.
/// - A line that is all ASCII (as Python's `json.dumps` writes by default) stays ASCII: the new
///   text is written with `\uXXXX` escapes. Otherwise non-ASCII characters are written as UTF-8.
/// - A blank line is passed through silently. A line that is not UTF-8, not one JSON object,
///   lacks the field, has it twice, has a non-string value there, holds an unpaired surrogate
///   escape there, or would need the corrections key when it already has it, is passed through
///   **unchanged** and reported as an error naming the file and line (the run exits with 2).
/// - A UTF-8 byte-order mark at the start of a file is kept and not scanned.
struct JSONLinesCleaner: Sendable {
    /// The top-level key of the string to clean (`--field`).
    var field: String
    /// The top-level key the corrections go under (`--corrections-key`).
    var correctionsKey: String
    /// Cleans one text.
    var correct: CorrectText

    /// What cleaning a block of lines gave.
    struct BlockResult: Sendable {
        /// The output bytes, line for line.
        var output: [UInt8] = []
        /// One message per refused line, without the `wirefix: ` prefix.
        var errors: [String] = []
        /// The counts (lines, changed lines, corrections, …; `files` and `errors` are left 0).
        var totals = BatchTotals()
    }

    /// Cleans the lines of `block`, whose first line is line `firstLine` (1-based) of `path`.
    ///
    /// - Parameter startsFile: whether the block is the start of its file (a byte-order mark
    ///   there is kept and skipped).
    func clean(block: [UInt8], path: String, firstLine: Int, startsFile: Bool) -> BlockResult {
        var result = BlockResult()
        result.output.reserveCapacity(block.count + block.count / 8)
        block.withUnsafeBufferPointer { bytes in
            var start = 0
            var number = firstLine
            while start < bytes.count {
                let feed = bytes[start...].firstIndex(of: 0x0A)
                let end = feed ?? bytes.count
                var lineStart = start
                if startsFile, start == 0, bytes.starts(with: InputReader.byteOrderMark) {
                    result.output += InputReader.byteOrderMark
                    lineStart = InputReader.byteOrderMark.count
                }
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
                result.totals.lines += 1
                switch cleanLine(line, into: &result.output, totals: &result.totals) {
                case .kept: break
                case .rewritten: result.totals.changedLines += 1
                case .refused(let reason):
                    result.output += line
                    result.errors.append("\(InputReader.displayPath(path)):\(number): \(reason); passed through unchanged")
                }
                if let feed { result.output.append(0x0A); start = feed + 1 } else { start = end }
                number += 1
            }
        }
        return result
    }

    /// What happened to one line.
    enum LineOutcome: Equatable {
        /// Written as read.
        case kept
        /// Written with the cleaned field and the corrections.
        case rewritten
        /// Not written (the caller writes it as read), for this reason.
        case refused(String)
    }

    /// Cleans one line (without its line feed) and appends the result to `output`, unless refused.
    func cleanLine(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], totals: inout BatchTotals) -> LineOutcome {
        if JSONLineScanner.skipWhitespace(line, 0) == line.count {
            output += line
            return .kept
        }
        if let invalid = UTF8Validation.firstInvalidOffset(in: line) {
            return .refused("invalid UTF-8 at byte offset \(invalid)")
        }
        let object: JSONLineScanner.Object
        do throws(JSONLineScanner.ScanError) { object = try JSONLineScanner.scanObject(line) } catch {
            if error.notAnObject { return .refused("not a JSON object") }
            return .refused("invalid JSON at byte offset \(error.offset): \(error.message)")
        }
        let matches = object.members.filter { $0.key == field }
        let quotedField = quoted(field)
        guard let member = matches.first else { return .refused("no \(quotedField) field") }
        guard matches.count == 1 else { return .refused("the \(quotedField) field appears \(matches.count) times") }
        guard line[member.value.lowerBound] == UInt8(ascii: "\"") else {
            return .refused("the \(quotedField) field is not a string")
        }
        guard let text = JSONLineScanner.decodeString(line, member.value) else {
            return .refused("the \(quotedField) field holds an unpaired surrogate escape")
        }
        let result = correctField(text)
        let all = result.all
        if all.isEmpty {
            output += line
            return .kept
        }
        if object.members.contains(where: { $0.key == correctionsKey }) {
            return .refused("the object already has a \(quoted(correctionsKey)) member (choose another key with --corrections-key)")
        }
        let asciiOnly = !line.contains { $0 >= 0x80 }
        let lastValueEnd = object.members.map(\.value.upperBound).max()!
        output += UnsafeBufferPointer(rebasing: line[..<member.value.lowerBound])
        if !result.changed {
            output += UnsafeBufferPointer(rebasing: line[member.value])
        } else {
            // The corrected text's bytes: making a String of them would validate them again.
            result.correctedUTF8.withUnsafeBufferPointer { JSONLineScanner.encodeString(utf8: $0, asciiOnly: asciiOnly, into: &output) }
        }
        output += UnsafeBufferPointer(rebasing: line[member.value.upperBound..<lastValueEnd])
        output.append(UInt8(ascii: ","))
        JSONLineScanner.encodeString(correctionsKey, asciiOnly: asciiOnly, into: &output)
        output += Array(":[".utf8)
        for (index, correction) in all.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            Self.encode(correction, asciiOnly: asciiOnly, into: &output)
        }
        output.append(UInt8(ascii: "]"))
        output += UnsafeBufferPointer(rebasing: line[lastValueEnd...])
        totals.corrections += result.corrections.count
        totals.suggestions += result.suggestions.count
        totals.findings += result.findings.count
        return .rewritten
    }

    /// The field's text cleaned: whole when it is shorter than `FileCleaner.streamingThreshold`;
    /// else chunk by chunk through a `StreamingCorrector`, as a large file is, so that a record of
    /// 100 MB needs the working memory of one chunk besides its texts, not some 18 times the
    /// record (review 16: 1.9 GB for a 104 MB record). The spans are UTF-8 byte offsets into the
    /// decoded text either way.
    func correctField(_ text: String) -> CorrectionResult {
        let length = text.utf8.count
        guard length >= FileCleaner.streamingThreshold, let chunk = correct.chunk else { return correct(text) }
        var stream = StreamingCorrector(utf8Cleaner: chunk)
        var corrected: [UInt8] = []
        corrected.reserveCapacity(length + length / 64)
        var corrections: [Correction] = [], suggestions: [Correction] = [], findings: [Correction] = []
        func take(_ chunks: [StreamingCorrector.Chunk]) {
            for chunk in chunks {
                corrected += chunk.result.correctedUTF8
                corrections += chunk.result.corrections
                suggestions += chunk.result.suggestions
                findings += chunk.result.findings
            }
        }
        var copy = text
        copy.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + (1 << 16))
                take(stream.feed(UnsafeBufferPointer(rebasing: bytes[offset..<end])))
                offset = end
            }
        }
        take(stream.finish())
        return CorrectionResult(originalUTF8: Array(text.utf8), correctedUTF8: corrected, corrections: corrections,
                                suggestions: suggestions, findings: findings)
    }

    /// One entry of the corrections array.
    static func encode(_ correction: Correction, asciiOnly: Bool, into output: inout [UInt8]) {
        output.append(contentsOf: "{\"rule_id\":".utf8)
        JSONLineScanner.encodeString(correction.ruleID, asciiOnly: asciiOnly, into: &output)
        output.append(contentsOf: ",\"disposition\":\"".utf8)
        output.append(contentsOf: correction.disposition.rawValue.utf8)
        output.append(contentsOf: "\",\"start\":".utf8)
        output.append(contentsOf: String(correction.range.start).utf8)
        output.append(contentsOf: ",\"end\":".utf8)
        output.append(contentsOf: String(correction.range.end).utf8)
        output.append(contentsOf: ",\"original\":".utf8)
        JSONLineScanner.encodeString(correction.original, asciiOnly: asciiOnly, into: &output)
        output.append(contentsOf: ",\"replacement\":".utf8)
        JSONLineScanner.encodeString(correction.replacement, asciiOnly: asciiOnly, into: &output)
        output.append(contentsOf: ",\"confidence\":".utf8)
        output.append(contentsOf: String(correction.confidence).utf8)
        output.append(UInt8(ascii: "}"))
    }

    /// `"name"` for messages.
    private func quoted(_ name: String) -> String {
        var bytes: [UInt8] = []
        JSONLineScanner.encodeString(name, asciiOnly: false, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
