import WirefixEngine
import WirefixLexicon

/// One repair the ``MojibakeDetector`` proposes, before the per-line consistency cap.
struct MojibakeProposal {
    /// UTF-8 byte range of the damaged text.
    var range: Range<Int>
    /// The repaired text.
    var replacement: String
    /// Confidence 0...1.
    var confidence: Double
    /// One line of evidence.
    var explanation: String
    /// How many independent pieces of evidence it holds (sequences, lost bytes, C1 controls).
    var units: Int
    /// Whether the line consistency cap applies: two-byte and lossy repairs, which a single
    /// coincidence could produce; not three-byte sequences or C1 controls.
    var isCappable: Bool
}

/// Finds UTF-8 text that was decoded through a single-byte code page (see ``MojibakeRule`` for
/// the heuristic in words).
///
/// Works on the document's UTF-8 bytes: ASCII is skipped eight bytes at a time, and only maximal
/// runs of non-ASCII scalars are examined (a UTF-8 multi-byte sequence re-read through a code page
/// becomes two to four consecutive non-ASCII characters). Runs of one scalar are examined only
/// when they can be a lossy form ("Ã" before ASCII) or a C1 control. Table look-ups only; no ICU
/// calls after the tables are built.
struct MojibakeDetector {
    /// The document's UTF-8 bytes (valid UTF-8).
    let bytes: UnsafeBufferPointer<UInt8>
    /// Lexicon and word list, consulted to choose among the letters a lost byte could have been.
    let context: RuleContext
    /// The code pages to try, in order of preference.
    let codePages: [MojibakeCodePage]
    /// The Windows-1252 table (C1 controls and lossy forms).
    let windows1252: MojibakeCodePage

    /// The highest confidence a repair gets when the line holds at least as many correctly
    /// encoded non-ASCII characters as repairs (inconsistent evidence): a suggestion.
    static let inconsistentCap = 0.65

    /// A maximal run of non-ASCII scalars.
    struct Run {
        /// Scalar values.
        var values: [UInt32] = []
        /// Byte offset of each scalar.
        var starts: [Int] = []
        /// Byte offset just past the run.
        var end = 0
        /// The ASCII scalar before the run, `nil` at the start of the text.
        var before: UInt32?
        /// The ASCII scalar after the run, `nil` at the end of the text.
        var after: UInt32?

        var count: Int { values.count }
        func start(_ index: Int) -> Int { index < starts.count ? starts[index] : end }
    }

    /// A valid UTF-8 sequence found by re-encoding part of a run.
    struct Sequence {
        /// Scalar indices `lo..<hi` in the run.
        var lo: Int
        var hi: Int
        /// The scalar the bytes decode to.
        var value: UInt32
        /// The bytes.
        var bytes: [UInt8]
        /// What the decoded scalar is.
        var kind: MojibakeScalarClass
        /// Confidence once judged; `nil` = rejected.
        var confidence: Double?
    }

    // MARK: - Scanning

    /// All proposals for the document, with the line consistency cap applied.
    func proposals() -> [MojibakeProposal] {
        var result: [MojibakeProposal] = []
        let count = bytes.count
        guard let base = bytes.baseAddress else { return [] }
        var index = 0
        while index < count {
            // Skip ASCII, eight bytes at a time.
            while index + 8 <= count,
                  UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            while index < count, bytes[index] < 0x80 { index += 1 }
            if index >= count { break }
            // A run of one scalar ("é", a curly quote) is looked at only when it is "Ã" or a C1
            // control: decided before a run's arrays are made, for the many accented letters of
            // clean copy.
            let (first, firstLength) = Self.decode(bytes, at: index)
            if index + firstLength >= count || bytes[index + firstLength] < 0x80,
               !(first == 0xC3 || (0x80...0x9F).contains(first)) {
                index += firstLength
                continue
            }
            var run = Run()
            run.before = index > 0 ? UInt32(bytes[index - 1]) : nil
            while index < count, bytes[index] >= 0x80 {
                let (value, length) = Self.decode(bytes, at: index)
                run.values.append(value)
                run.starts.append(index)
                index += length
            }
            run.end = index
            run.after = index < count ? UInt32(bytes[index]) : nil
            result += analyse(run)
        }
        return applyLineCap(result)
    }

    /// Decodes the scalar at `offset` of valid UTF-8.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[offset])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
                | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F), 4)
    }

    // MARK: - One run

    /// Proposals for one run: the best code page's sequences, then C1 controls and lossy forms.
    func analyse(_ run: Run) -> [MojibakeProposal] {
        if let repeated = repeatedMojibake(run) { return [repeated] }
        var readings: [Reading] = []
        if run.count >= 2 {
            for page in codePages {
                let sequences = judged(structuralSequences(in: run, page: page), in: run, page: page)
                let coverage = sequences.reduce(0) { $0 + ($1.confidence == nil ? 0 : $1.hi - $1.lo) }
                if coverage > 0 { readings.append(Reading(page: page, sequences: sequences, coverage: coverage)) }
            }
        }
        var covered = [Bool](repeating: false, count: run.count)
        var result: [MojibakeProposal] = []
        if let (best, doubt) = bestReading(readings, in: run) {
            let accepted = best.sequences.filter { $0.confidence != nil }
            for sequence in accepted { for i in sequence.lo..<sequence.hi { covered[i] = true } }
            var proposals = groupedProposals(accepted, in: run, page: best.page)
            if let doubt {
                for index in proposals.indices {
                    if doubt.suggestOnly { proposals[index].confidence = min(proposals[index].confidence, Self.disagreementCap) }
                    proposals[index].explanation += doubt.note
                }
            }
            result += proposals
        }
        result += c1Proposals(in: run, covered: covered)
        result += lossyProposals(in: run, covered: covered)
        if let residue = residualLead(in: run, after: result) {
            for index in result.indices {
                result[index].confidence = min(result[index].confidence, Self.disagreementCap)
                result[index].explanation += "; but \"\(residue)\" in the same run still looks like mojibake, so only suggested"
            }
        }
        return result
    }

    /// A strong lead ("Ã", "Â", "Ă", "├", "√") that no proposal repairs, followed in the run by
    /// another character no proposal repairs: the repaired text would still hold mojibake. The
    /// pair, or `nil`.
    private func residualLead(in run: Run, after proposals: [MojibakeProposal]) -> String? {
        guard !proposals.isEmpty, run.count >= 2 else { return nil }
        func repaired(_ index: Int) -> Bool { proposals.contains { $0.range.contains(run.start(index)) } }
        for index in 0..<(run.count - 1) where [0xC3, 0xC2, 0x102, 0x251C, 0x221A].contains(run.values[index]) {
            guard !repaired(index), !repaired(index + 1) else { continue }
            return String(Unicode.Scalar(run.values[index])!) + String(Unicode.Scalar(run.values[index + 1])!)
        }
        return nil
    }

    /// One code page's reading of a run.
    struct Reading {
        var page: MojibakeCodePage
        /// Every structural sequence, judged (`confidence == nil` = rejected).
        var sequences: [Sequence]
        /// How many of the run's scalars accepted sequences cover.
        var coverage: Int
    }

    /// The highest confidence when code pages that cover a run equally well read it differently
    /// and neither reading is more plausible: a suggestion.
    static let disagreementCap = 0.6

    /// Spanish letters: Wirefix repairs copy translated from Spanish, whose names carry them.
    static let spanishLetters: Set<UInt32> = [0xE1, 0xE9, 0xED, 0xF3, 0xFA, 0xF1, 0xFC, 0xC1, 0xC9, 0xCD, 0xD3, 0xDA, 0xD1, 0xDC]

    /// The reading to use: the one covering most of the run; when several cover it equally but
    /// decode it differently ("PeĂąa" is "Peùa" through Windows-1250 and "Peña" through
    /// ISO-8859-2), the one with more words spelled as in a lexicon name, then the one with more
    /// Spanish letters; if that does not settle it, the first in preference order, only suggested.
    /// The second value, if any, is a note for the explanation and whether to cap.
    func bestReading(_ readings: [Reading], in run: Run) -> (Reading, (note: String, suggestOnly: Bool)?)? {
        guard let coverage = readings.map(\.coverage).max() else { return nil }
        let top = readings.filter { $0.coverage == coverage }
        if top.count == 1 { return (top[0], nil) }
        let texts = top.map { repairedText(of: $0, in: run) }
        guard Set(texts).count > 1 else { return (top[0], nil) }
        let prefix = wordText(endingAt: run.starts[0])
        let suffix = wordText(startingAt: run.end)
        let scores = texts.map { text -> (known: Int, spanish: Int) in
            let words = (prefix + text + suffix).split { !ScalarCase.isLetter($0.unicodeScalars.first!.value) }
            let known = words.filter { isSpelledAsInLexicon(String($0)) }.count
            let spanish = text.unicodeScalars.filter { Self.spanishLetters.contains($0.value) }.count
            return (known, spanish)
        }
        let bestScore = scores.max { ($0.known, $0.spanish) < ($1.known, $1.spanish) }!
        let winners = top.indices.filter { scores[$0] == bestScore }
        let chosen = winners[0]
        let others = top.indices.filter { texts[$0] != texts[chosen] }
            .map { "\(top[$0].page.displayName) would give \"\(prefix + texts[$0] + suffix)\"" }
            .joined(separator: ", ")
        if Set(winners.map { texts[$0] }).count > 1 {
            return (top[chosen], ("; but \(others) and nothing tells them apart, so only suggested", true))
        }
        let reason = bestScore.known > 0 ? "is spelled as in the lexicon" : "has more Spanish letters"
        return (top[chosen], ("; \(others), but \"\(prefix + texts[chosen] + suffix)\" \(reason)", false))
    }

    /// Whether a word, with its diacritics, is a word of a lexicon entity's canonical name
    /// ("Peña" of "Enrique Peña Nieto"; not "Peùa", which only folds like it).
    private func isSpelledAsInLexicon(_ word: String) -> Bool {
        let gazetteer = context.gazetteer
        guard let entities = gazetteer.entitiesByComponent[Folding.fold(word)] else { return false }
        let lower = word.lowercased()
        return entities.contains { index in
            gazetteer.entities[index].canonical.lowercased().split(separator: " ").contains { $0 == lower }
        }
    }

    /// The run's text with a reading's accepted sequences decoded.
    private func repairedText(of reading: Reading, in run: Run) -> String {
        var text = String.UnicodeScalarView()
        var index = 0
        for sequence in reading.sequences where sequence.confidence != nil {
            for value in run.values[index..<sequence.lo] { text.append(Unicode.Scalar(value)!) }
            text.append(Unicode.Scalar(sequence.value)!)
            index = sequence.hi
        }
        for value in run.values[index...] { text.append(Unicode.Scalar(value)!) }
        return String(text)
    }

    /// Text that went through UTF-8 → Windows-1252 more than once ("cafÃƒÂ©", "Ã¢â‚¬â„¢"):
    /// the whole run re-encodes to valid UTF-8 of non-implausible characters at least twice in a
    /// row, and the last mojibake layer passes the ordinary checks in the run's context.
    func repeatedMojibake(_ run: Run) -> MojibakeProposal? {
        guard run.count >= 4 else { return nil }
        var layers: [[UInt32]] = [run.values]
        while layers.count <= 3, let next = fullyDecoded(layers.last!) { layers.append(next) }
        guard layers.count >= 3 else { return nil }
        // The last layer that is still mojibake must be accepted as such, with the run's neighbours.
        var inner = Run()
        inner.values = layers[layers.count - 2]
        inner.starts = Array(repeating: run.starts[0], count: inner.values.count)
        inner.end = run.end
        inner.before = run.before
        inner.after = run.after
        let sequences = judged(structuralSequences(in: inner, page: windows1252), in: inner, page: windows1252)
        guard !sequences.isEmpty, sequences.allSatisfy({ $0.confidence != nil }),
              sequences.reduce(0, { $0 + $1.hi - $1.lo }) == inner.count
        else { return nil }
        var original = "", replacement = ""
        for value in run.values { original.unicodeScalars.append(Unicode.Scalar(value)!) }
        for value in layers.last! { replacement.unicodeScalars.append(Unicode.Scalar(value)!) }
        return MojibakeProposal(
            range: run.starts[0]..<run.end, replacement: replacement, confidence: 0.9,
            explanation: "UTF-8 read as Windows-1252 \(layers.count - 1) times: \"\(original)\" decodes to \"\(replacement)\"",
            units: layers.last!.count, isCappable: false)
    }

    /// The values re-encoded through Windows-1252 and decoded as UTF-8 when every one of them is
    /// part of a valid sequence of a non-implausible character, else `nil`.
    private func fullyDecoded(_ values: [UInt32]) -> [UInt32]? {
        var run = Run()
        run.values = values
        run.starts = Array(repeating: 0, count: values.count)
        let sequences = structuralSequences(in: run, page: windows1252)
        guard sequences.reduce(0, { $0 + $1.hi - $1.lo }) == values.count,
              sequences.allSatisfy({ $0.kind != .implausible })
        else { return nil }
        return sequences.map(\.value)
    }

    /// Every valid, shortest-form UTF-8 sequence found by re-encoding the run through `page`,
    /// left to right.
    func structuralSequences(in run: Run, page: MojibakeCodePage) -> [Sequence] {
        let encoded = run.values.map { page.byte(for: $0) }
        var sequences: [Sequence] = []
        var i = 0
        while i < encoded.count {
            guard let lead = encoded[i], lead >= 0xC2, lead <= 0xF4 else { i += 1; continue }
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard i + length <= encoded.count,
                  let found = Self.utf8Sequence(encoded[i..<(i + length)])
            else { i += 1; continue }
            sequences.append(Sequence(lo: i, hi: i + length, value: found.value, bytes: found.bytes,
                                      kind: MojibakeScalarClass.of(found.value)))
            i += length
        }
        return sequences
    }

    /// Decodes `slice` as one strict UTF-8 sequence (no overlongs, surrogates or values past
    /// U+10FFFF), or `nil`.
    static func utf8Sequence(_ slice: ArraySlice<UInt8?>) -> (value: UInt32, bytes: [UInt8])? {
        var bytes: [UInt8] = []
        for byte in slice { guard let byte else { return nil }; bytes.append(byte) }
        let lead = bytes[0]
        for byte in bytes.dropFirst() where byte < 0x80 || byte > 0xBF { return nil }
        let second = bytes[1]
        switch lead {
        case 0xE0: if second < 0xA0 { return nil }
        case 0xED: if second > 0x9F { return nil }
        case 0xF0: if second < 0x90 { return nil }
        case 0xF4: if second > 0x8F { return nil }
        default: break
        }
        var value: UInt32
        switch bytes.count {
        case 2: value = UInt32(lead & 0x1F)
        case 3: value = UInt32(lead & 0x0F)
        default: value = UInt32(lead & 0x07)
        }
        for byte in bytes.dropFirst() { value = value << 6 | UInt32(byte & 0x3F) }
        return (value, bytes)
    }

    // MARK: - Judging sequences

    /// The scalar next to a run position as the repaired text would have it: the decoded value
    /// when a plausible sequence covers it, else the character itself; the ASCII neighbours of
    /// the run beyond its ends.
    private func neighbour(at index: Int, in run: Run, sequences: [Sequence]) -> UInt32? {
        if index < 0 { return run.before }
        if index >= run.count { return run.after }
        if let sequence = sequences.first(where: { $0.lo <= index && index < $0.hi }), sequence.kind != .implausible {
            return sequence.value
        }
        return run.values[index]
    }

    /// Judges every sequence; rejected ones keep `confidence == nil`.
    func judged(_ sequences: [Sequence], in run: Run, page: MojibakeCodePage) -> [Sequence] {
        if sequences.isEmpty { return [] }
        var result = sequences
        for index in result.indices {
            let sequence = result[index]
            let before = neighbour(at: sequence.lo - 1, in: run, sequences: sequences)
            let after = neighbour(at: sequence.hi, in: run, sequences: sequences)
            result[index].confidence = judge(sequence, before: before, after: after, run: run, page: page)
        }
        acceptScriptRuns(&result, in: run, page: page)
        return result
    }

    /// The confidence of one sequence on its own (script letters are judged as runs in
    /// ``acceptScriptRuns(_:in:page:)``), or `nil` to reject it.
    func judge(_ sequence: Sequence, before: UInt32?, after: UInt32?, run: Run, page: MojibakeCodePage) -> Double? {
        let lead = run.values[sequence.lo]
        let continuation = run.values[(sequence.lo + 1)..<sequence.hi]
        switch sequence.kind {
        case .implausible, .script:
            return nil
        case .symbol:
            // Three- and four-byte sequences: "â€™", "â„¢", "ðŸ˜€". Real text essentially never
            // has a letter followed by two or three code-page symbols forming valid UTF-8 of
            // punctuation. In Windows-1251, "в" + "„" is a real Russian word and quote, so
            // only the general punctuation block (second byte 0x80, "вЂ") is trusted there.
            if page.kind == .windows1251, sequence.bytes[1] != 0x80 { return nil }
            return 0.9
        case .latin1Symbol:
            // "Â°" → "°", "Â " → NBSP, "Ã—" → "×": only the Windows-1252 "Â"/"Ã" leads, which
            // real text never puts before a symbol.
            guard page.isWindows1252 else { return nil }
            if lead == 0xC2 { return 0.85 }
            // "Ã—" is "×" between numbers, but a Portuguese capital Ã before a dash after letters.
            return lead == 0xC3 && !ScalarCase.isLetter(before) ? 0.8 : nil
        case .latinLetter:
            return judgeLatinLetter(sequence, lead: lead, continuation: continuation,
                                    before: before, after: after, run: run, page: page)
        }
    }

    /// Two-byte sequences that decode to a Latin letter ("Ã­" → "í", "Ä‡" → "ć").
    private func judgeLatinLetter(
        _ sequence: Sequence, lead: UInt32, continuation: ArraySlice<UInt32>,
        before: UInt32?, after: UInt32?, run: Run, page: MojibakeCodePage
    ) -> Double? {
        let decoded = sequence.value
        // A lead that real text does not put before a code-page symbol: Windows-1252 "Ã",
        // MacRoman "√", CP437 "├".
        let strong: Bool
        switch page.kind {
        case .windows1252: strong = lead == 0xC3
        case .macRoman: strong = lead == 0x221A
        case .cp437: strong = lead == 0x251C
        case .windows1250, .windows1251, .iso8859_2: strong = false
        }
        let letterBefore = ScalarCase.isLetter(before)
        let letterAfter = ScalarCase.isLetter(after)
        // Cyrillic letters glued to Latin text: only inside a word.
        if page.kind == .windows1251 {
            guard letterBefore && letterAfter else { return nil }
        }
        // CP437 box drawing: inside a word, or "├" + a lowercase letter ending a lowercase word
        // ("Guaid├│"), or + a capital starting a capitalized word ("├ëvole"), never next to
        // other box drawing ("├┤a", "a├│─").
        if page.kind == .cp437, !(letterBefore && letterAfter) {
            guard strong, !Self.isBoxDrawing(before), !Self.isBoxDrawing(after) else { return nil }
            if letterBefore {
                guard ScalarCase.isLower(before), ScalarCase.isLower(decoded) else { return nil }
            } else {
                guard letterAfter, ScalarCase.isUpper(decoded), ScalarCase.isLower(after) else { return nil }
            }
            return 0.8
        }
        // A no-break space as continuation ("Ä\u{A0}" → "Ġ") is usually a real letter before a
        // space; only Windows-1252 "Ã" + NBSP ("à") is the classic form.
        if continuation.contains(0xA0), !(page.isWindows1252 && lead == 0xC3) { return nil }
        // "Ã’s": a right single quote before an English contraction or possessive suffix is
        // an apostrophe, not a byte.
        if continuation.last == 0x2019, sequence.hi == run.count, isContractionSuffix(at: run.end) { return nil }
        // Case must fit the word: no lowercase letter inside an all-caps word ("MÄ£ÄM"), no
        // capital after a lowercase letter.
        if ScalarCase.isLower(decoded) {
            if ScalarCase.isUpper(before) && !ScalarCase.isLower(after) {
                // A capital, then a lowercase letter that ends the word, is a word in capitals
                // unless the capital starts the word in running text: a two-letter word in title
                // case ("SÃ­ se puede", "TÃº decides"), where "Ã" is a strong lead. Not a
                // Portuguese capital word ending in "Ã" ("SÃ", "LÃ", "RÃ") in a line of
                // capitals, nor before "»" or "®", which ordinarily follow a word ("«LÃ»").
                guard strong, !letterAfter, sequence.lo == 0, !continuation.contains(where: { $0 == 0xBB || $0 == 0xAE }),
                      Self.startsTitleCaseWord(capitalEndingAt: run.start(0), in: bytes) else { return nil }
                return 0.85
            }
        } else if ScalarCase.isUpper(decoded) {
            if ScalarCase.isLower(before) { return nil }
        }
        // "ALEMÃ”", "IRMÃ…", "MAMÃ–PAPAI": a Portuguese capital Ã ends a word, and a closing
        // quote, an apostrophe, an ellipsis or a dash is ordinary punctuation after a word. Read
        // as one UTF-8 pair they make "Ô", "Å", "Ö", which rarely end a word of news copy: only
        // suggested. (Inside a word, or with an opening quote after it, "Ã“" → "Ó" as in
        // "PASÃ“", nothing reads it as Portuguese.)
        // A quote or an ellipsis inside a word ("HÃ”TEL" → "HÔTEL") is no punctuation: there
        // the pair stands. A dash does join words ("MAMÃ–PAPAI", but also "KÃ–LN"): suggested.
        // (Folding cannot tell the readings apart: "IRMÅ" folds to the English name "irma".)
        if page.isWindows1252, lead == 0xC3, letterBefore, continuation.count == 1,
           let mark = continuation.first, Self.punctuationAfterWord.contains(mark),
           !letterAfter || mark == 0x2013 {
            return 0.6
        }
        // "CAMPEÃ™", "IRMÃ‹", "CAMPEÃ€": the same holds for any Windows-1252 symbol or mark
        // (™ ‹ › † € ‰ ˆ ˜ …) after a capital Ã that ends an all-caps word: Portuguese ends
        // words in "Ã" ("CAMPEÃ", "IRMÃ"), and the pair's letter ("Ù", "Ë", "À") is as likely
        // a misreading of the word and a symbol as mojibake. Only suggested. Not a C1 control
        // (an undefined Windows-1252 byte, "BOGOTÃ\u{81}": no text puts one after a word) nor an
        // opening quote ("PASÃ“": no word ends before one), and only after two letters at least:
        // "OÃ™" is the French "OÙ", and Portuguese has no such two-letter word.
        if page.isWindows1252, lead == 0xC3, continuation.count == 1, let mark = continuation.first,
           ScalarCase.isUpper(before), ScalarCase.isUpper(decoded), !letterAfter, !Self.isCasedLetter(mark),
           !(0x80...0x9F).contains(mark), mark != 0x201C, mark != 0x2018, Self.hasTwoLettersBefore(run.start(sequence.lo), in: bytes) {
            return 0.6
        }
        if !letterBefore && !letterAfter {
            // Standing alone ("√π", "Å—"): only the Windows-1252 "Ã" is evidence enough.
            return page.isWindows1252 && lead == 0xC3 ? 0.8 : nil
        }
        if strong { return 0.9 }
        // Weak leads ("Ä", "Å", "Ă", ...) are ordinary letters; the sequence must be followed by
        // a letter, or end a lowercase word in a lowercase letter ("VuÄ\u{8D}iÄ‡").
        if letterAfter { return 0.75 }
        if ScalarCase.isLower(before) && ScalarCase.isLower(decoded) { return 0.75 }
        return nil
    }

    /// Windows-1252 punctuation that ordinarily follows a word: ’ ” … – (U+2019, U+201D,
    /// U+2026, U+2013), the second byte of "Ò", "Ô", "Å", "Ö" read as Windows-1252.
    static let punctuationAfterWord: Set<UInt32> = [0x2019, 0x201D, 0x2026, 0x2013]

    /// Whether the two bytes before `offset` (a UTF-8 byte offset) are capitals or non-ASCII
    /// (letters such as "Ç"): the "Ã" at `offset` ends a word of three letters or more.
    static func hasTwoLettersBefore(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset >= 2 else { return false }
        return (offset - 2..<offset).allSatisfy { bytes[$0] >= 0x80 || (bytes[$0] >= 0x41 && bytes[$0] <= 0x5A) }
    }

    /// Whether the ASCII capital that ends at `offset` (a UTF-8 byte offset) starts a word — no
    /// letter or digit right before it — in running text rather than in a line of capitals: the
    /// nearest word before it and the nearest after `offset` on the same line are not in
    /// capitals (two capitals or more and no lowercase letter: "PREÇO"), and one of them has a
    /// lowercase ASCII letter ("chanted â€œÂ¡SÃ­ se puede", "\"SÃ­,\" the minister", "The
    /// slogan TÃº decides"; not "PREÇO DA LÃ¹ SOBE", nor "SÃ­" alone on its line). Only ASCII
    /// letters count as lowercase and the mojibake leads "Ã" and "Â" not as capitals, so
    /// mojibake around the word ("â€œÂ¡", "SÃ­; TÃº") says nothing.
    /// O(*l*) in the length of the line.
    static func startsTitleCaseWord(capitalEndingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let capital = offset - 1
        guard capital >= 0, bytes[capital] >= 0x41, bytes[capital] <= 0x5A else { return false }
        if let (scalar, _) = Tokenizer.decodeScalar(bytes, endingAt: capital) {
            guard !ScalarCase.isLetter(scalar.value), scalar.properties.numericType == nil else { return false }
        }
        // The nearest word on the line before `position` (backward) or from it (forward): its
        // capitals and its lowercase ASCII letters.
        func word(from position: Int, forward: Bool) -> (upper: Int, lower: Int)? {
            var index = position
            func next() -> UInt32? {
                if forward {
                    guard index < bytes.count else { return nil }
                    let (value, length) = decode(bytes, at: index)
                    return value == 0x0A ? nil : { index += length; return value }()
                }
                guard let (scalar, start) = Tokenizer.decodeScalar(bytes, endingAt: index), scalar.value != 0x0A else { return nil }
                index = start
                return scalar.value
            }
            var value = next()
            while let current = value, !ScalarCase.isLetter(current) { value = next() }
            guard value != nil else { return nil }
            var upper = 0, lower = 0
            while let current = value, ScalarCase.isLetter(current) {
                if ScalarCase.isUpper(current) && current != 0xC3 && current != 0xC2 {
                    upper += 1
                } else if current >= 0x61 && current <= 0x7A {
                    lower += 1
                }
                value = next()
            }
            return (upper, lower)
        }
        var end = offset
        while end < bytes.count, bytes[end] >= 0x80 { end += 1 }
        let neighbours = [word(from: capital, forward: false), word(from: end, forward: true)].compactMap { $0 }
        if neighbours.contains(where: { $0.lower == 0 && $0.upper >= 2 }) { return false }
        return neighbours.contains { $0.lower > 0 }
    }

    /// Whether a scalar is an uppercase, lowercase or titlecase letter or another letter (Lo);
    /// a modifier letter such as "ˆ" (U+02C6) or "˜" counts as a mark, not a letter.
    static func isCasedLetter(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Whether a scalar is a box-drawing or block character (U+2500...U+259F).
    static func isBoxDrawing(_ value: UInt32?) -> Bool {
        guard let value else { return false }
        return (0x2500...0x259F).contains(value)
    }

    /// Whether the text at `offset` is "s", "t", "d", "m", "ll", "re" or "ve" followed by a
    /// non-letter (an English suffix after an apostrophe).
    private func isContractionSuffix(at offset: Int) -> Bool {
        func letter(_ i: Int) -> UInt8? {
            guard i < bytes.count else { return nil }
            let byte = bytes[i] | 0x20
            return byte >= 0x61 && byte <= 0x7A && bytes[i] < 0x80 ? byte : nil
        }
        guard let first = letter(offset) else { return false }
        if "stdm".utf8.contains(first) { return letter(offset + 1) == nil && !(offset + 1 < bytes.count && bytes[offset + 1] >= 0x80) }
        guard let second = letter(offset + 1) else { return false }
        let pair = [first, second]
        guard pair == Array("ll".utf8) || pair == Array("re".utf8) || pair == Array("ve".utf8) else { return false }
        return letter(offset + 2) == nil
    }

    /// Accepts runs of adjacent sequences that decode to letters of one non-Latin script
    /// ("Ø±Ø³Ø§Ù„Ø©" → "رسالة"): at least two letters (three for Windows-1251, whose own
    /// letters are Cyrillic), not glued to other letters on either side.
    func acceptScriptRuns(_ sequences: inout [Sequence], in run: Run, page: MojibakeCodePage) {
        var index = 0
        while index < sequences.count {
            guard case .script(let script) = sequences[index].kind else { index += 1; continue }
            var last = index
            while last + 1 < sequences.count, sequences[last + 1].lo == sequences[last].hi,
                  sequences[last + 1].kind == .script(script) {
                last += 1
            }
            let length = last - index + 1
            let minimum = (page.kind == .windows1251 && script == .cyrillic) ? 3 : 2
            let before = neighbour(at: sequences[index].lo - 1, in: run, sequences: sequences)
            let after = neighbour(at: sequences[last].hi, in: run, sequences: sequences)
            if length >= minimum, !ScalarCase.isLetter(before), !ScalarCase.isLetter(after) {
                for i in index...last { sequences[i].confidence = length >= 3 ? 0.95 : 0.9 }
            }
            index = last + 1
        }
    }

    // MARK: - Proposals

    /// One proposal per group of adjacent accepted sequences.
    func groupedProposals(_ accepted: [Sequence], in run: Run, page: MojibakeCodePage) -> [MojibakeProposal] {
        var result: [MojibakeProposal] = []
        var index = 0
        while index < accepted.count {
            var last = index
            while last + 1 < accepted.count, accepted[last + 1].lo == accepted[last].hi { last += 1 }
            let group = accepted[index...last]
            let lo = group.first!.lo
            let hi = group.last!.hi
            var original = ""
            for value in run.values[lo..<hi] { original.unicodeScalars.append(Unicode.Scalar(value)!) }
            var replacement = ""
            for sequence in group { replacement.unicodeScalars.append(Unicode.Scalar(sequence.value)!) }
            let allBytes = group.flatMap(\.bytes)
            let readAs = page.isWindows1252 && run.values[lo..<hi].contains(where: { (0x80...0x9F).contains($0) })
                ? "Latin-1" : page.displayName
            let shownBytes = allBytes.prefix(8).map(Self.hex).joined(separator: " ") + (allBytes.count > 8 ? " …" : "")
            let confidence = group.map { $0.confidence ?? 0 }.min() ?? 0
            let cappable = group.allSatisfy { $0.kind == .latinLetter || $0.kind == .latin1Symbol }
            result.append(MojibakeProposal(
                range: run.start(lo)..<run.start(hi), replacement: replacement,
                confidence: min(0.97, confidence + (group.count >= 2 && cappable ? 0.05 : 0)),
                explanation: "UTF-8 read as \(readAs): \"\(original)\" is the bytes \(shownBytes) of \"\(replacement)\"", units: group.count, isCappable: cappable))
            index = last + 1
        }
        return result
    }

    /// C1 controls (U+0080...U+009F) outside any sequence that Windows-1252 assigns a character
    /// to: text read as Latin-1 ("parlé\u{85}" → "parlé…"). Adjacent ones form one proposal.
    func c1Proposals(in run: Run, covered: [Bool]) -> [MojibakeProposal] {
        var result: [MojibakeProposal] = []
        var index = 0
        func mapped(_ i: Int) -> UInt32? {
            let value = run.values[i]
            guard !covered[i], (0x80...0x9F).contains(value) else { return nil }
            let target = windows1252.decodeTable[Int(value)]
            return target == value ? nil : target
        }
        while index < run.count {
            guard mapped(index) != nil else { index += 1; continue }
            var last = index
            while last + 1 < run.count, mapped(last + 1) != nil { last += 1 }
            var replacement = ""
            var codes: [String] = []
            for i in index...last {
                replacement.unicodeScalars.append(Unicode.Scalar(mapped(i)!)!)
                codes.append(Self.codePoint(run.values[i]))
            }
            let noun = codes.count == 1 ? "C1 control \(codes[0]) is" : "C1 controls \(codes.joined(separator: " ")) are"
            let byteList = run.values[index...last].map { Self.hex(UInt8($0)) }.joined(separator: " ")
            var confidence = 0.9
            var explanation = "\(noun) Windows-1252 \(byteList) \"\(replacement)\" read as Latin-1"
            // Right after a character that some code page encodes as a UTF-8 lead byte ("Ă" +
            // U+0089), the control is more likely the second byte of a letter no page could
            // decode; "Ă‰" would still be mojibake.
            if index > 0, !covered[index - 1], isTwoByteLead(run.values[index - 1]) {
                confidence = 0.5
                explanation += "; but it follows \"\(Unicode.Scalar(run.values[index - 1])!)\", which may be the first byte of a letter, so only suggested"
            }
            result.append(MojibakeProposal(
                range: run.start(index)..<run.start(last + 1), replacement: replacement, confidence: confidence,
                explanation: explanation, units: 1, isCappable: false))
            index = last + 1
        }
        return result
    }

    /// Whether some code page encodes the scalar as a UTF-8 two-byte lead (0xC2...0xDF).
    private func isTwoByteLead(_ value: UInt32) -> Bool {
        codePages.contains { page in page.byte(for: value).map { (0xC2...0xDF).contains($0) } ?? false }
    }

    /// Lossy forms (Windows-1252): a byte lost after "Ã" ("AnÃbal", "voilÃ le"), the last byte
    /// replaced by U+FFFD ("â€�"), and "â€" whose third byte (0x9D, "”") vanished.
    func lossyProposals(in run: Run, covered: [Bool]) -> [MojibakeProposal] {
        var result: [MojibakeProposal] = []
        var index = 0
        while index < run.count {
            defer { index += 1 }
            guard !covered[index] else { continue }
            let value = run.values[index]
            if index + 1 < run.count, run.values[index + 1] == 0xFFFD, !covered[index + 1],
               let proposal = lostLetterBeforeReplacement(in: run, at: index) {
                result.append(proposal)
                index += 1
                continue
            }
            guard value == 0xC2 || value == 0xC3 || value == 0xE2 else { continue }
            let needed = value == 0xE2 ? 2 : 1
            // Continuation characters that follow, then U+FFFD.
            var next = index + 1
            while next < run.count, next - index - 1 < needed, !covered[next],
                  let byte = windows1252.byte(for: run.values[next]), (0x80...0xBF).contains(byte) {
                next += 1
            }
            let present = next - index - 1
            if next < run.count, run.values[next] == 0xFFFD, present < needed, value != 0xE2 || present >= 1 {
                var original = ""
                for v in run.values[index...next] { original.unicodeScalars.append(Unicode.Scalar(v)!) }
                result.append(MojibakeProposal(
                    range: run.start(index)..<run.start(next + 1), replacement: "\u{FFFD}", confidence: 0.85,
                    explanation: "UTF-8 read as Windows-1252 with its last byte lost: \"\(original)\" is an incomplete sequence", units: 1, isCappable: false))
                index = next
                continue
            }
            if value == 0xE2, present == 1, next == run.count, run.values[index + 1] == 0x20AC {
                // An opening quotation mark earlier in the line that nothing closed yet says
                // which mark it was: "He said â€œnoâ€ to the plan."
                let closesQuote = Self.hasUnclosedOpeningQuote(before: run.start(index), in: bytes)
                result.append(MojibakeProposal(
                    range: run.start(index)..<run.end, replacement: "\u{201D}", confidence: closesQuote ? 0.85 : 0.5,
                    explanation: "UTF-8 read as Windows-1252: \"â€\" is E2 80 of a punctuation mark whose last byte vanished; "
                        + (closesQuote ? "it closes the quotation opened earlier in the line, so \"”\" (E2 80 9D)" : "most often \"”\" (E2 80 9D)"),
                    units: 1, isCappable: false))
                continue
            }
            if value == 0xC3, index == run.count - 1, let proposal = lostByteAfterATilde(in: run, at: index) {
                result.append(proposal)
            }
        }
        return result
    }

    /// Bytes that Windows-1252 leaves unassigned: a strict decoder turns them into U+FFFD, a
    /// lenient one drops them.
    static let unassignedWindows1252: [UInt8] = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    /// Whether the line before byte `offset` opens more double quotation marks than it closes,
    /// counting “ and ” and their Windows-1252 mojibake ("â€œ", "â€" followed by U+009D).
    ///
    /// - Complexity: O(*l*) in the bytes from the line's start to `offset`.
    static func hasUnclosedOpeningQuote(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = offset
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        let opening: [UInt8] = [0xE2, 0x80, 0x9C], closing: [UInt8] = [0xE2, 0x80, 0x9D]
        // "â€œ" and "â€\u{9D}" as UTF-8: C3 A2, E2 82 AC, then C5 93 or C2 9D.
        let mojibakeOpening: [UInt8] = [0xC3, 0xA2, 0xE2, 0x82, 0xAC, 0xC5, 0x93]
        let mojibakeClosing: [UInt8] = [0xC3, 0xA2, 0xE2, 0x82, 0xAC, 0xC2, 0x9D]
        func at(_ index: Int, _ pattern: [UInt8]) -> Bool {
            index + pattern.count <= offset && pattern.indices.allSatisfy { bytes[index + $0] == pattern[$0] }
        }
        var open = 0
        var index = start
        while index < offset {
            if at(index, opening) || at(index, mojibakeOpening) { open += 1 }
            else if (at(index, closing) || at(index, mojibakeClosing)) && open > 0 { open -= 1 }
            index += 1
        }
        return open > 0
    }

    /// Whether the folded form of `word` is a known English word or a lexicon name component.
    private func isKnown(_ word: String) -> Bool {
        let folded = Folding.fold(word)
        return context.words.contains(folded) || context.gazetteer.entitiesByComponent[folded] != nil
    }

    /// A two-byte lead followed by U+FFFD ("GARCÃ�A"): the second byte was one Windows-1252
    /// leaves unassigned. Repaired only when exactly one of the letters it could have been makes
    /// a known word or lexicon name and fits the word's case.
    private func lostLetterBeforeReplacement(in run: Run, at index: Int) -> MojibakeProposal? {
        guard let lead = windows1252.byte(for: run.values[index]), (0xC2...0xDF).contains(lead) else { return nil }
        let start = run.start(index)
        let end = run.start(index + 2)
        let prefix = wordText(endingAt: start)
        let suffix = wordText(startingAt: end)
        let neighbours = (prefix + suffix).unicodeScalars.filter { ScalarCase.isLetter($0.value) }
        let upperWord = !neighbours.isEmpty && neighbours.allSatisfy { ScalarCase.isUpper($0.value) }
        let lowerAfterFirst = neighbours.count >= 2 && neighbours.dropFirst().allSatisfy { ScalarCase.isLower($0.value) }
        let letters = Self.unassignedWindows1252.compactMap { second -> (String, UInt8)? in
            let value = UInt32(lead & 0x1F) << 6 | UInt32(second & 0x3F)
            guard MojibakeScalarClass.of(value) == .latinLetter, let scalar = Unicode.Scalar(value) else { return nil }
            if upperWord && !ScalarCase.isUpper(value) { return nil }
            if !prefix.isEmpty && lowerAfterFirst && !ScalarCase.isLower(value) { return nil }
            return isKnown(prefix + String(scalar) + suffix) ? (String(scalar), second) : nil
        }
        let matches = Self.distinctFolded(letters) { prefix + $0.0 + suffix }
        guard matches.count == 1, let match = matches.first else { return nil }
        let original = document(start..<end)
        return MojibakeProposal(
            range: start..<end, replacement: match.0, confidence: 0.8,
            explanation: "UTF-8 read as Windows-1252: \"\(original)\" is \(Self.hex(lead)) and an unassigned byte; only \"\(prefix)\(match.0)\(suffix)\" (\(Self.hex(lead)) \(Self.hex(match.1))) is a known name or word", units: 1, isCappable: true)
    }

    /// `candidates` without those whose word folds like an earlier one's.
    static func distinctFolded<T>(_ candidates: [T], word: (T) -> String) -> [T] {
        var seen: Set<String> = []
        return candidates.filter { seen.insert(Folding.fold(word($0))).inserted }
    }

    /// The text of a byte range.
    private func document(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// "Ã" followed by ASCII: the second byte of a two-byte letter vanished. Windows-1252 leaves
    /// 0x81, 0x8D, 0x8F, 0x90 and 0x9D unassigned and many tools drop the soft hyphen 0xAD or turn
    /// the no-break space 0xA0 into a space, so "Ã" stood for one of Á Í Ï Ð Ý í à.
    private func lostByteAfterATilde(in run: Run, at index: Int) -> MojibakeProposal? {
        let start = run.start(index)
        let before = index > 0 ? run.values[index - 1] : run.before
        let after = run.after
        let afterNext: UInt8? = run.end + 1 < bytes.count ? bytes[run.end + 1] : nil
        let prefix = wordText(endingAt: start)
        let suffix = wordText(startingAt: run.end)
        func known(_ letter: String, _ rest: String) -> Bool { isKnown(prefix + letter + rest) }
        func proposal(_ letter: String, end: Int, _ confidence: Double, _ how: String) -> MojibakeProposal {
            MojibakeProposal(
                range: start..<end, replacement: letter, confidence: confidence,
                explanation: "UTF-8 read as Windows-1252 with a byte lost: \"Ã\" is C3, the first byte of \"\(letter)\"; \(how)", units: 1, isCappable: true)
        }
        if ScalarCase.isLower(before) {
            if ScalarCase.isLower(after) {
                let confidence = known("í", suffix) ? 0.9 : 0.85
                return proposal("í", end: start + 2, confidence, "its soft hyphen AD (í = C3 AD) vanished inside a lowercase word")
            }
            if after == 0x20, afterNext == 0x20 {
                return proposal("à", end: run.end + 1, 0.85, "its no-break space A0 (à = C3 A0) became the first of two spaces")
            }
            let grave = known("à", ""), acute = known("í", "")
            if grave != acute {
                return grave
                    ? proposal("à", end: start + 2, 0.8, "\"\(prefix)à\" is a known word (à = C3 A0, no-break space lost)")
                    : proposal("í", end: start + 2, 0.8, "\"\(prefix)í\" is a known word (í = C3 AD, soft hyphen lost)")
            }
            if after == 0x20 {
                // Not a known word with "à" ("MarÃ a" may be "María" whose soft hyphen was lost):
                // only suggested (review 19: "Marà a").
                return proposal("à", end: start + 2, 0.6, "its no-break space A0 (à = C3 A0) merged with the following space; "
                                + "the word with \"à\" is no known word, so only suggested")
            }
            return proposal("í", end: start + 2, 0.5, "most likely its soft hyphen AD (í = C3 AD) vanished")
        }
        // Capitals: "ANÃBAL", "Ãngel". Portuguese writes "NÃO", "MÃE" with a real Ã, so a
        // capital Ã before O or E is left alone; otherwise only a lexicon match decides.
        guard let after, ScalarCase.isLetter(after), after < 0x80 else { return nil }
        let upperContext = ScalarCase.isUpper(before) && ScalarCase.isUpper(after)
        let wordStart = !ScalarCase.isLetter(before)
        guard upperContext || wordStart else { return nil }
        if "OEoe".unicodeScalars.contains(where: { $0.value == after }) { return nil }
        let candidates: [(String, String)] = [("Á", "81"), ("Í", "8D"), ("Ï", "8F"), ("Ð", "90"), ("Ý", "9D")]
        // Í and Ï fold alike: keep the first (more common) letter per folded spelling.
        let matches = Self.distinctFolded(candidates.filter { known($0.0, suffix) }) { prefix + $0.0 + suffix }
        guard matches.count == 1, let match = matches.first else { return nil }
        return proposal(match.0, end: start + 2, 0.75,
                        "\"\(prefix)\(match.0)\(suffix)\" is a known name or word and byte \(match.1) is unassigned in Windows-1252")
    }

    /// The letters (ASCII or not) immediately before `offset`.
    private func wordText(endingAt offset: Int) -> String {
        var start = offset
        while start > 0 {
            var lead = start - 1
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            let (value, _) = Self.decode(bytes, at: lead)
            guard ScalarCase.isLetter(value) else { break }
            start = lead
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }

    /// The letters (ASCII or not) from `offset` on.
    private func wordText(startingAt offset: Int) -> String {
        var end = offset
        while end < bytes.count {
            let (value, length) = Self.decode(bytes, at: end)
            guard ScalarCase.isLetter(value) else { break }
            end += length
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    }

    // MARK: - Line consistency

    /// Caps two-byte and lossy repairs on lines that hold at least as many non-ASCII characters
    /// outside any repair ("orphans", text that reads correctly) as pieces of evidence: such a
    /// line is not consistently mojibake ("Bremer/Mccoy – DrÃ¥ber").
    func applyLineCap(_ proposals: [MojibakeProposal]) -> [MojibakeProposal] {
        guard proposals.contains(where: \.isCappable) else { return proposals }
        var lines: [Int: (nonASCII: Int, covered: Int, units: Int)] = [:]
        var lineOf: [Int] = []
        // The line of the previous proposal: proposals of one line share it, and reading the
        // line again for each made a long line cost its length times its proposals.
        var previous: (start: Int, end: Int)?
        for proposal in proposals {
            let offset = proposal.range.lowerBound
            let (start, end): (Int, Int)
            if let previous, offset >= previous.start, offset <= previous.end {
                (start, end) = previous
            } else {
                (start, end) = lineBounds(around: offset)
                previous = (start, end)
            }
            lineOf.append(start)
            if lines[start] == nil {
                lines[start] = (correctlyReadCount(in: start..<end), 0, 0)
            }
            lines[start]!.covered += correctlyReadCount(in: proposal.range)
            lines[start]!.units += proposal.units
        }
        var result = proposals
        for index in result.indices where result[index].isCappable {
            let line = lines[lineOf[index]]!
            let orphans = line.nonASCII - line.covered
            if orphans >= line.units, let word = knownRepair(result[index]) {
                // Strong evidence of its own: the repair makes a known name or word of an unknown one.
                result[index].explanation += "; the line has other non-ASCII text that reads correctly, but \"\(word)\" is a known name or word"
            } else if orphans >= line.units {
                result[index].confidence = min(result[index].confidence, Self.inconsistentCap)
                result[index].explanation += "; but the line has \(orphans) other non-ASCII character\(orphans == 1 ? "" : "s") that read correctly, so only suggested"
            } else if orphans == 0, line.units >= 2 {
                result[index].confidence = min(0.97, result[index].confidence + 0.05)
            }
        }
        return result
    }

    /// The repaired word when a proposal turns a word that is not a known name or word into one
    /// that is ("PeÃ±a" → "Peña", "RodrÃ\u{AD}guez" → "Rodríguez"); otherwise `nil`
    /// ("DrÃ¥ber" → "Dråber" is no known word).
    private func knownRepair(_ proposal: MojibakeProposal) -> String? {
        let prefix = wordText(endingAt: proposal.range.lowerBound)
        let suffix = wordText(startingAt: proposal.range.upperBound)
        let repaired = prefix + proposal.replacement + suffix
        guard repaired.unicodeScalars.allSatisfy({ ScalarCase.isLetter($0.value) }), isKnown(repaired),
              !isKnown(prefix + document(proposal.range) + suffix) else { return nil }
        return repaired
    }

    /// The non-ASCII scalars of a line that may be correctly encoded text: all of them except
    /// damage that cannot be anything but mojibake (U+FFFD, C1 controls, and the character right
    /// before a U+FFFD).
    private func correctlyReadCount(in range: Range<Int>) -> Int {
        var count = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let (value, length) = Self.decode(bytes, at: index)
            index += length
            guard value >= 0x80, value != 0xFFFD, !(0x80...0x9F).contains(value) else { continue }
            if index < range.upperBound, Self.decode(bytes, at: index).0 == 0xFFFD { continue }
            count += 1
        }
        return count
    }

    /// The byte range of the line (between line feeds) containing `offset`.
    private func lineBounds(around offset: Int) -> (Int, Int) {
        var start = offset
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        var end = offset
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        return (start, end)
    }

    // MARK: - Formatting

    /// `C3`.
    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }

    /// `U+0085`.
    static func codePoint(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
