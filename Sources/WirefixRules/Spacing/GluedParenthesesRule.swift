import WirefixEngine
import WirefixLexicon

/// Inserts the spaces lost around a parenthetical: "(CCP)who" → "(CCP) who",
/// "headquarters(PSUV)on" → "headquarters (PSUV) on".
///
/// Detects: a parenthetical of words glued to the word before its opening parenthesis or after
/// its closing one. Fixes: inserts a space on each glued side.
struct GluedParenthesesRule: Rule {
    static let description = RuleDescription(
        identifier: "glued_parentheses",
        name: "Glued Parentheses",
        summary: "Inserts the space lost before or after a parenthetical",
        discussion: """
            Detects: "(…)" on one line, at most 80 bytes, without nested parentheses, with a word \
            of ≥ 3 letters right before "(" or a word of ≥ 2 letters right after ")". Fixes: \
            inserts a space on each glued side; the correction spans the parenthetical.

            Evidence is the content: an acronym of ≥ 2 capitals (digits, "&", "-" and "." allowed) \
            → 0.9; capitalized words ("(United Nations)") → 0.8; two or more lowercase words \
            ("(in Spanish)") → 0.7; one lowercase word of ≥ 4 letters → 0.5 (suggestion). Left \
            alone: one-letter or short lowercase content ("member(s)", "(s)he", "f(x)", \
            "class(es)"), digits ("2(a)", "(1)"), empty content ("foo()"), symbols or code \
            ("(x + y)"), chemical formulas ("Ca(OH)2": the word before is < 3 letters or digits \
            follow), and parentheses inside URLs, paths and identifiers (a "/", "_", "://" or \
            "www." in the glued word). Square brackets are not touched.
            """,
        phase: .spacing,
        examples: [
            .fix("A delegation of the Communist Party of China ⟦(CCP)⟧who is visiting.", "A delegation of the Communist Party of China (CCP) who is visiting."),
            .fix("The talks were held at the party headquarters⟦(PSUV)⟧on Tuesday.", "The talks were held at the party headquarters (PSUV) on Tuesday."),
            .fix("The ruling party⟦(PSUV)⟧ met on Tuesday.", "The ruling party (PSUV) met on Tuesday."),
            .fix("The agency ⟦(EFE)⟧reported the news.", "The agency (EFE) reported the news."),
            .fix("The Group of Twenty⟦(G20)⟧summit ended.", "The Group of Twenty (G20) summit ended."),
            .fix("The Partido Popular ⟦(P.P.)⟧said no.", "The Partido Popular (P.P.) said no."),
            .fix("The agreement⟦(United Nations)⟧was signed.", "The agreement (United Nations) was signed."),
            .fix("The leader said ⟦(in Spanish)⟧that he would go.", "The leader said (in Spanish) that he would go."),
            .fix("The Socialist Party ⟦(PSOE)⟧and the Popular Party ⟦(PP)⟧voted.", "The Socialist Party (PSOE) and the Popular Party (PP) voted."),
            .fix("El Nacional⟦(Caracas)⟧reported it.", "El Nacional (Caracas) reported it."),
            .fix("The Venezuelan Workers' Union⟦(CTV)⟧, founded in 1936.", "The Venezuelan Workers' Union (CTV), founded in 1936."),
            .keep("Each member(s) of the board and every word(s) count."),
            .keep("Whoever applies, (s)he must sign."),
            .keep("The function f(x) grows and g(x)h is defined."),
            .keep("See section 2(a) and item (1)."),
            .keep("Call foo() then bar(baz) to start."),
            .keep("The class(es) and match(es) were listed."),
            .keep("Add Ca(OH)2 and Fe(CN)6 to the mix."),
            .keep("Read https://en.example.org/wiki/Mercury_(planet)and more."),
            .keep("Open www.example.com/page(PSUV)on today."),
            .keep("The ruling party (PSUV) met on Tuesday."),
            .keep("The formula (x + y)z is wrong."),
            .keep("Use [citation]needed and [PSUV]on carefully."),
            .keep("The rate rose (2023)to 5 percent."),
            .keep("He said (i)that and (ii)this."),
            .keep("The (PSUV)'s leaders met."),
            .suggest("The object(value)was returned."),
        ])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        let bytes = document.bytes
        guard bytes.contains(0x28) else { return [] }
        let tokens = document.tokens
        var result: [Correction] = []
        var open = 0
        while open < bytes.count {
            guard bytes[open] == 0x28 else { open += 1; continue }
            guard let close = Self.closingParenthesis(after: open, in: bytes) else { open += 1; continue }
            defer { open = close + 1 }
            let before = Self.token(endingAt: open, in: tokens).map { Self.gluedWord($0, in: bytes) }
            let after = Self.token(startingAt: close + 1, in: tokens).map { Self.gluedWord($0, in: bytes) }
            let gluedBefore = (before?.letters ?? 0) >= 3
            let gluedAfter = (after?.letters ?? 0) >= 2
            guard gluedBefore || gluedAfter,
                  !Self.isMachineRun(Self.run(endingAt: open, in: bytes)),
                  !Self.isMachineRun(Self.run(startingAt: close + 1, in: bytes))
            else { continue }
            guard let (confidence, kind) = Self.evidence(content: bytes[(open + 1)..<close]) else { continue }
            let inner = String(decoding: bytes[open...close], as: UTF8.self)
            let replacement = (gluedBefore ? " " : "") + inner + (gluedAfter ? " " : "")
            let sides = gluedBefore && gluedAfter ? "both sides" : gluedBefore ? "the word before it" : "the word after it"
            result.append(Correction(
                ruleID: Self.description.identifier, range: TextRange(start: open, end: close + 1),
                original: inner, replacement: replacement, confidence: confidence,
                explanation: "the parenthetical \(inner) (\(kind)) is glued to \(sides); inserted the missing space"))
        }
        return result
    }

    /// The `)` closing the `(` at `open` on the same line, within 80 bytes, with no `(` between.
    static func closingParenthesis(after open: Int, in bytes: [UInt8]) -> Int? {
        var index = open + 1
        while index < bytes.count, index - open <= 81 {
            switch bytes[index] {
            case 0x29: return index
            case 0x28, 0x0A, 0x0D: return nil
            default: index += 1
            }
        }
        return nil
    }

    /// The token whose last byte is right before `offset`. O(log *n*).
    static func token(endingAt offset: Int, in tokens: [Token]) -> Token? {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].range.upperBound < offset { low = middle + 1 } else { high = middle }
        }
        return low < tokens.count && tokens[low].range.upperBound == offset ? tokens[low] : nil
    }

    /// The token that starts at `offset`. O(log *n*).
    static func token(startingAt offset: Int, in tokens: [Token]) -> Token? {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].range.lowerBound < offset { low = middle + 1 } else { high = middle }
        }
        return low < tokens.count && tokens[low].range.lowerBound == offset ? tokens[low] : nil
    }

    /// A word glued to a parenthesis.
    struct GluedWord {
        /// Its letters (a multibyte scalar counts once); 0 when it holds digits.
        var letters: Int
    }

    static func gluedWord(_ token: Token, in bytes: [UInt8]) -> GluedWord {
        guard token.shape.contains(.hasLetter), !token.shape.contains(.hasDigit) else { return GluedWord(letters: 0) }
        return GluedWord(letters: letterCount(bytes[token.range]))
    }

    /// The whitespace-delimited run of bytes that ends at `offset`.
    static func run(endingAt offset: Int, in bytes: [UInt8]) -> ArraySlice<UInt8> {
        var start = offset
        while start > 0, !isSpace(bytes[start - 1]) { start -= 1 }
        return bytes[start..<offset]
    }

    /// The whitespace-delimited run of bytes that starts at `offset`.
    static func run(startingAt offset: Int, in bytes: [UInt8]) -> ArraySlice<UInt8> {
        var end = offset
        while end < bytes.count, !isSpace(bytes[end]) { end += 1 }
        return bytes[offset..<end]
    }

    /// Whether a whitespace-delimited run is part of a URL, path or identifier.
    static func isMachineRun(_ run: ArraySlice<UInt8>) -> Bool {
        if run.contains(where: { $0 == 0x2F || $0 == 0x5F || $0 == 0x5C || $0 == 0x40 || $0 == 0x3D }) { return true }
        let text = String(decoding: run, as: UTF8.self).lowercased()
        if text.contains("www.") { return true }
        // A dot between two word characters: a domain or a file name.
        var previous: UInt8 = 0x20
        for (offset, byte) in run.enumerated() {
            if previous == 0x2E, offset >= 2, isLetterByte(byte), isLetterByte(run[run.startIndex + offset - 2]) { return true }
            previous = byte
        }
        return false
    }

    /// How much the content of a parenthetical says that it is prose glued to a word, and what
    /// kind of content it is; `nil` when it must be left alone.
    static func evidence(content: ArraySlice<UInt8>) -> (Double, String)? {
        let text = String(decoding: content, as: UTF8.self)
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.utf8.count == content.count else { return nil }
        let words = trimmed.split(separator: " ")
        var uppercase = 0
        var lowercase = 0
        for scalar in trimmed.unicodeScalars {
            let properties = scalar.properties
            if properties.isUppercase { uppercase += 1 } else if properties.isLowercase { lowercase += 1 }
            else if properties.isAlphabetic || properties.numericType != nil || " &-.'’,".unicodeScalars.contains(scalar) { continue }
            else { return nil }
        }
        let letters = uppercase + lowercase
        if words.count == 1 {
            let digits = trimmed.unicodeScalars.filter { $0.properties.numericType != nil }.count
            let startsUpper = trimmed.unicodeScalars.first?.properties.isUppercase ?? false
            if lowercase == 0, startsUpper, uppercase + digits >= 2 { return (0.9, "an acronym") }
            guard lowercase > 0, letters >= 4 else { return nil }
            if let first = trimmed.unicodeScalars.first, first.properties.isUppercase { return (0.8, "a capitalized word") }
            return letters >= 4 && uppercase == 0 ? (0.5, "a lowercase word") : nil
        }
        let capitalized = words.allSatisfy { word in
            word.unicodeScalars.first.map { $0.properties.isUppercase || !$0.properties.isAlphabetic } ?? false
                || ["of", "de", "del", "la", "the", "and", "y", "for"].contains(word)
        }
        if capitalized, uppercase >= 2 { return (0.8, "a capitalized name") }
        let wordCount = words.filter { $0.unicodeScalars.filter(\.properties.isAlphabetic).count >= 2 }.count
        guard wordCount >= 2, letters >= 4 else { return nil }
        return (0.7, "words")
    }

    static func isLetterByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// Letters in a run of bytes (a multibyte scalar counts once).
    static func letterCount(_ run: ArraySlice<UInt8>) -> Int {
        var count = 0
        for scalar in String(decoding: run, as: UTF8.self).unicodeScalars where scalar.properties.isAlphabetic { count += 1 }
        return count
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
