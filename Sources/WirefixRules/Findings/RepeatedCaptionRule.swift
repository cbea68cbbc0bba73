import WirefixEngine
import WirefixLexicon

/// Reports a line that repeats the line before it: a photo caption pasted twice, the second time
/// with a credit appended ("… leaders (EFE)" then "… leaders (EFE) (Press Office /)").
///
/// Detects: two adjacent non-blank lines where one equals the other or starts with it at a
/// word boundary. Reports: the whole second line, which an editor deletes or merges. Never
/// changes text.
struct RepeatedCaptionRule: Rule {
    static let description = RuleDescription(
        identifier: "repeated_caption",
        name: "Repeated Caption",
        summary: "Reports a line that repeats the line before it, as a pasted-twice photo caption",
        discussion: """
            Detects: a line whose text (without surrounding spaces and tabs) equals the line right \
            before it, or where one of the two lines starts with the other and the longer \
            one goes on with a space, or punctuation and a space (a caption repeated with a credit \
            appended), never inside a word or file name. The shorter line must start with a word, \
            a quote or a parenthesis (not a table row). \
            Blank lines never match, and a blank line between two equal lines separates them \
            (repeated stanza lines such as "License: MIT" in a list of records). The shorter line must hold at least 3 words \
            and 12 letters, so rules ("***", "—"), datelines and one-word headings never count. \
            LF and CRLF line ends are both understood.

            Reports: the whole second line (from its first to its last non-space character), \
            because that is the line an editor removes or merges; the explanation names the \
            earlier line and what the second one adds. Like every finding it is computed on the \
            corrected text, so two lines that became equal through corrections ("Nicolas" in one, \
            "Nicolás" in the other) are reported too, as repeating "(as corrected)", never as \
            exact copies of the input. Confidence 0.9. Detect-only: which of \
            the two lines to keep is an editorial choice.
            """,
        phase: .findings,
        isFindingOnly: true,
        examples: [
            .finding("The minister with foreign envoys (AFP)\n⟦The minister with foreign envoys (AFP) (Press Office /)⟧\n\nThe talks went on."),
            .finding("The minister with foreign envoys (AFP)\r\n⟦The minister with foreign envoys (AFP) (Press Office /)⟧\r\n"),
            .finding("Protesters gather outside the court\n⟦Protesters gather outside the court⟧\n"),
            .finding("Protesters gather outside the court\n⟦Protesters gather outside the court. Photo: Reuters⟧"),
            .keep("Protesters gather outside the court\n\nProtesters gather outside the court. Photo: Reuters"),
            .keep("License: GPL-2 or later\n\nLicense: GPL-2 or later\n"),
            .finding("  A flooded street in the capital (EFE)  \n\t⟦A flooded street in the capital⟧\n"),
            .finding("Smoke rises over the port city\n⟦Smoke rises over the port city⟧\n⟦Smoke rises over the port city⟧"),
            .finding("Rescue workers search the rubble (Reuters)\n⟦Rescue workers search the rubble (Reuters) (Photo: /)⟧\n"),
            .finding("“We will return,” the farmers said\n⟦“We will return,” the farmers said⟧\n"),
            .finding("(From left) the three finalists on stage\n⟦(From left) the three finalists on stage — Photo: EFE⟧\n"),
            .finding("Los manifestantes frente al Palacio de Miraflores\n⟦Los manifestantes frente al Palacio de Miraflores (EFE)⟧"),
            .finding("Дж. 東京 meets the delegation in Caracas\n⟦Дж. 東京 meets the delegation in Caracas (AFP)⟧\n"),
            .keep("The minister with foreign envoys (AFP)\nThe minister met foreign envoys on Monday.\n"),
            .keep("Traffic on the main bridge\nTraffic on the main bridgeway was slow.\n"),
            .keep("Rescue workers search the rubble\nRescue workers search the rubble.txt\n"),
            .keep("\n\n\n"),
            .keep(""),
            .keep("***\n***\n"),
            .keep("—\n—\n"),
            .keep("Caracas\nCaracas\n"),
            .keep("Read more\nRead more\n"),
            .keep("Protesters gather outside the court\nProtesters gathered outside the courthouse later.\n"),
            .keep("Protesters gather outside the court\n\nThe talks went on.\n\nProtesters gather outside the court\n"),
            .keep("One line only, repeated nowhere.\n"),
            .keep("The first paragraph.\n\nThe second paragraph.\n"),
            .keep("The minister with foreign envoys\nThe minister with foreign envoysX\n"),
            .keep("docs/the minister with envoys\ndocs/the minister with envoys.txt\n"),
            .keep("| the minister with envoys |\n| the minister with envoys |\n"),
        ])

    /// The fewest words and letters the shorter line must hold.
    static let minimumWords = 3
    static let minimumLetters = 12

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        // A chunk of a longer input: the line before the chunk comes first, so that a caption
        // repeated across the cut is seen; spans are shifted back, line numbers counted from the
        // start of the input (see `TextHistory`).
        let history = document.history
        let prefix: [UInt8] = history.previousLine.map { Array($0.utf8) + [0x0A] } ?? []
        let bytes = prefix.isEmpty ? document.bytes : prefix + document.bytes
        guard bytes.contains(0x0A) else { return [] }
        var result: [Correction] = []
        var previous: (range: Range<Int>, number: Int)?
        var lineStart = 0
        var lineNumber = history.linesBefore + (prefix.isEmpty ? 1 : 0)
        while lineStart <= bytes.count {
            let lineEnd = bytes.withUnsafeBufferPointer { ByteSearch.firstIndex(of: 0x0A, in: $0, from: lineStart, to: $0.count) }
            let line = Self.trimmed(lineStart..<lineEnd, in: bytes)
            if !line.isEmpty {
                if let earlier = previous, let rest = Self.repetition(of: earlier.range, in: line, bytes: bytes) {
                    let text = String(decoding: bytes[line], as: UTF8.self)
                    // Findings run on the corrected text: two input lines that differed only in
                    // what was corrected ("Nicolas" and "Nicolás") are equal here, so equality is
                    // not claimed as "exact" of the input.
                    let explanation = rest.isEmpty
                        ? "repeats line \(earlier.number) (as corrected)"
                        : line.count > earlier.range.count
                            ? "repeats line \(earlier.number) and adds \"\(rest)\""
                            : "repeats line \(earlier.number) without its ending \"\(rest)\""
                    result.append(Correction(
                        ruleID: Self.description.identifier,
                        range: TextRange(start: line.lowerBound - prefix.count, end: line.upperBound - prefix.count),
                        original: text, replacement: text,
                        confidence: 0.9, explanation: explanation, disposition: .finding))
                }
                previous = (line, lineNumber)
            } else {
                previous = nil
            }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        return result
    }

    /// A line range without leading and trailing spaces, tabs and carriage returns.
    static func trimmed(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0D { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// When `line` repeats `earlier` (equal, or one starts with the other at a word boundary),
    /// the text the longer of the two goes on with (empty when equal); otherwise `nil`.
    static func repetition(of earlier: Range<Int>, in line: Range<Int>, bytes: [UInt8]) -> String? {
        let shorter = earlier.count <= line.count ? earlier : line
        let longer = earlier.count <= line.count ? line : earlier
        guard bytes[shorter].elementsEqual(bytes[longer.lowerBound..<(longer.lowerBound + shorter.count)]) else { return nil }
        if longer.count > shorter.count {
            // The longer line goes on after a space, or after punctuation and a space: not inside
            // a word or a file name ("notes.txt" after "notes").
            let next = longer.lowerBound + shorter.count
            let spaced = ByteClass.isSpace(bytes[next])
                || (!ByteClass.isWordByte(bytes[next]) && next + 1 < longer.upperBound && ByteClass.isSpace(bytes[next + 1]))
            guard spaced else { return nil }
        }
        // Captions start with a word, a quote or a parenthesis; table rows and rules do not.
        let first = bytes[shorter.lowerBound]
        guard ByteClass.isWordByte(first) || first == 0x22 || first == 0x27 || first == 0x28 else { return nil }
        guard isSubstantial(shorter, in: bytes) else { return nil }
        return String(decoding: bytes[(longer.lowerBound + shorter.count)..<longer.upperBound], as: UTF8.self)
            .trimmingSpaces
    }

    /// Whether a line holds at least ``minimumWords`` words and ``minimumLetters`` letters.
    static func isSubstantial(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        let tokens = Tokenizer.tokens(in: String(decoding: bytes[range], as: UTF8.self))
        let words = tokens.filter { $0.shape.contains(.hasLetter) }
        let letters = String(decoding: bytes[range], as: UTF8.self).unicodeScalars.filter(\.properties.isAlphabetic).count
        return words.count >= minimumWords && letters >= minimumLetters
    }
}
