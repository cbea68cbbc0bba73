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
            Detects: "(…)" on one line, at most 80 bytes, without nested parentheses, glued to the \
            word after ")" (≥ 2 letters) or to the word before "(" (≥ 3 letters, no digits, not \
            all capitals as in "JANET(UK)", no inner capital as in "MyABC(ABC)"). Fixes: inserts \
            a space on each glued side; the correction spans the parenthetical.

            Evidence is the content and the side. Glued after (")who" is never code): an acronym \
            of capitals and digits ("(PSUV)", "(G20)", "(P.P.)") → 0.9; capitalized words \
            ("(Caracas)", "(United Nations)") → 0.8; two or more lowercase words ("(in Spanish)") \
            → 0.7; one lowercase word of ≥ 4 letters, identifiers ("(NamedTuple)") or lists with \
            commas → 0.5 (suggestion). Glued only before ("word(" is how code calls functions): \
            an acronym followed by white space, "," or "." and not after "=" or "." nor on a \
            command or code line (see `ByteClass.isMachineLine`) → 0.85 when it is a lexicon \
            name or at least half its letters are initials of capitalized words just before it \
            ("United Socialist Party of Venezuela(PSUV)"; Spanish acronyms keep Spanish word \
            order), else 0.6 ("translate(PATTERN) returns"); other \
            words → 0.5 (suggestion); identifiers and argument lists → nothing. \
            A word glued before "(" that is not spaced by the rules above is never left half \
            fixed: the whole parenthetical is left alone, unless the word is an acronym of ≥ 2 \
            capitals that the parenthetical spells out ("CCP(Chinese Communist Party)in": at least \
            half its letters, and two, counted with repeats, are initials of the capitalized words inside), which gets \
            both spaces at the content's confidence. \
            Left alone: one-letter or short lowercase content ("member(s)", "(s)he", "f(x)", \
            "class(es)", "(i)"), digits ("2(a)", "(1)", "(2023)"), empty content ("foo()"), \
            symbols ("(x + y)"), trademark signs ("Motif(TM)"), domains ("(IFSUG.org)"), \
            chemical formulas ("Ca(OH)2": a 2-letter word before, a digit after), a Roman numeral \
            glued to the word before ("iron(III)oxide", "Felipe(VI)"), and \
            parentheses in URLs, paths, identifiers and code spans (the glued run holds "/", \
            "_", "@", "=", "`", "<", ">", "*", brackets, or a dot before a letter). Square \
            brackets are not touched.
            """,
        phase: .spacing,
        examples: [
            .keep("Ephemeral (EC)DH key exchange is supported."),
            .keep("The (PRODUCT)RED edition sold out."),
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
            .fix("He met the head of the CCP⟦(Chinese Communist Party)⟧in Beijing.", "He met the head of the CCP (Chinese Communist Party) in Beijing."),
            .fix("Leaders of the PSUV⟦(United Socialist Party of Venezuela)⟧met.", "Leaders of the PSUV (United Socialist Party of Venezuela) met."),
            .keep("The MyABC(Alpha Beta)def value, the G20(Group of Twenty)summit and VTV(Caracas)reported."),
            .keep("Each member(s) of the board and every word(s) count."),
            .keep("Whoever applies, (s)he must sign."),
            .keep("The function f(x) grows and g(x)h is defined."),
            .keep("See section 2(a) and item (1)."),
            .keep("Call foo() then bar(baz) to start."),
            .keep("The class(es) and match(es) were listed."),
            .keep("Add Ca(OH)2 and Fe(CN)6 to the mix."),
            // Oxidation states and regnal numbers glued on purpose.
            .keep("Miners extracted iron(III)oxide and copper(II)sulfate."),
            .keep("King Felipe(VI) spoke."),
            .keep("Read https://en.example.org/wiki/Mercury_(planet)and more."),
            .keep("Open www.example.com/page(PSUV)on today."),
            .keep("The ruling party (PSUV) met on Tuesday."),
            .keep("The formula (x + y)z is wrong."),
            .keep("Use [citation]needed and [PSUV]on carefully."),
            .keep("The rate rose (2023)to 5 percent."),
            .keep("He said (i)that and (ii)this."),
            .keep("The (PSUV)'s leaders met."),
            .keep("    char *buf = malloc(BUFSIZ);"),
            .keep("Call malloc(BUFSIZ); then free it."),
            .suggest("The object(value)was returned."),
            .suggest("The function translate(PATTERN) returns a pattern."),
            .fix("The United Socialist Party of Venezuela⟦(USPV)⟧ met.", "The United Socialist Party of Venezuela (USPV) met."),
        ])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        let bytes = document.bytes
        guard bytes.contains(0x28) else { return [] }
        let tokens = document.tokens
        var result: [Correction] = []
        var open = 0
        while open < bytes.count {
            open = bytes.withUnsafeBufferPointer { ByteSearch.firstIndex(of: 0x28, in: $0, from: open, to: $0.count) }
            guard open < bytes.count else { break }
            guard let close = Self.closingParenthesis(after: open, in: bytes) else { open += 1; continue }
            defer { open = close + 1 }
            let before = Self.token(endingAt: open, in: tokens)
            let after = Self.token(startingAt: close + 1, in: tokens)
            var gluedBefore = before.map { Self.isGluedWordBefore($0, in: bytes) } ?? false
            // "(EC)DH", "(PRODUCT)RED", "(CH3)CO": capitals glued to capitals are notation or a
            // brand, never a lost space in prose.
            let gluedAfter = after.map { Self.letters(in: $0, bytes: bytes) >= 2 && !$0.isAllUppercase } ?? false
            if gluedAfter, !gluedBefore, let word = before {
                // A word glued before that is not spaced would leave half a fix: space it only when
                // it is an acronym the parenthetical spells out ("CCP(Chinese Communist Party)in").
                guard Self.isAcronymExpanded(word, content: bytes[(open + 1)..<close], in: bytes) else { continue }
                gluedBefore = true
            }
            // "iron(III)oxide", "copper(II) sulfate", "Felipe(VI)": a Roman numeral glued to the
            // word before is an oxidation state or a regnal number, written so on purpose.
            if gluedBefore && Self.isRomanNumeral(bytes[(open + 1)..<close]) { continue }
            guard gluedBefore || gluedAfter,
                  !Self.isMachineRun(Self.run(endingAt: open, in: bytes)),
                  !Self.isMachineRun(Self.run(startingAt: close + 1, in: bytes)),
                  case let (evidence, found)? = Self.evidence(content: bytes[(open + 1)..<close])
            else { continue }
            var kind = found
            let confidence: Double
            if gluedAfter {
                confidence = evidence
            } else if kind == .acronym {
                // "word(" alone is how code calls functions: only an acronym that ends a clause
                // is evidence of prose ("the party(PSUV) met", not "class Foo(ABC):").
                guard Self.endsClause(after: close, in: bytes), let word = before,
                      !Self.followsOperator(word.range.lowerBound, in: bytes),
                      !ByteClass.isMachineLine(around: open, in: bytes) else { continue }
                // A function named in prose ("translate(PATTERN) returns") looks the same: the
                // acronym must be a lexicon name or stand for the capitalized words before it.
                let acronym = bytes[(open + 1)..<close]
                confidence = Self.isLexiconName(acronym, context: context)
                    || Self.initialsCover(acronym, before: open, tokens: tokens, bytes: bytes) ? 0.85 : 0.6
                kind = confidence >= 0.85 ? .acronym : .unexplainedAcronym
            } else {
                guard kind != .code else { continue }
                confidence = min(evidence, 0.5)
            }
            result.append(correction(open: open, close: close, before: gluedBefore, after: gluedAfter,
                                     kind: kind, confidence: confidence, bytes: bytes))
        }
        return result
    }

    private func correction(open: Int, close: Int, before: Bool, after: Bool, kind: Content, confidence: Double, bytes: [UInt8]) -> Correction {
        let inner = String(decoding: bytes[open...close], as: UTF8.self)
        let replacement = (before ? " " : "") + inner + (after ? " " : "")
        let sides = before && after ? "both sides" : before ? "the word before it" : "the word after it"
        return Correction(
            ruleID: Self.description.identifier, range: TextRange(start: open, end: close + 1),
            original: inner, replacement: replacement, confidence: confidence,
            explanation: "the parenthetical \(inner) (\(kind.description)) is glued to \(sides); inserted the missing space")
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

    /// The index of the first token that starts at or after `offset`. O(log *n*).
    static func firstToken(from offset: Int, in tokens: [Token]) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].range.lowerBound < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The token whose last byte is right before `offset`. O(log *n*).
    static func token(endingAt offset: Int, in tokens: [Token]) -> Token? {
        let index = firstToken(from: offset, in: tokens) - 1
        return index >= 0 && tokens[index].range.upperBound == offset ? tokens[index] : nil
    }

    /// The token that starts at `offset`. O(log *n*).
    static func token(startingAt offset: Int, in tokens: [Token]) -> Token? {
        let index = firstToken(from: offset, in: tokens)
        return index < tokens.count && tokens[index].range.lowerBound == offset ? tokens[index] : nil
    }

    /// The letters of a word token (a multibyte scalar counts once); 0 when it holds digits.
    static func letters(in token: Token, bytes: [UInt8]) -> Int {
        guard token.shape.contains(.hasLetter), !token.shape.contains(.hasDigit) else { return 0 }
        return letterCount(bytes[token.range])
    }

    /// Whether the word right before "(" reads as a prose word: ≥ 3 letters, no digits, not all
    /// capitals ("JANET(UK)", "POINTER(RECT)") and no inner capital ("MyABC(ABC)").
    static func isGluedWordBefore(_ token: Token, in bytes: [UInt8]) -> Bool {
        letters(in: token, bytes: bytes) >= 3 && !token.isAllUppercase && !token.shape.contains(.innerUppercase)
    }

    /// Whether the nearest non-space byte before `offset` is an operator or a dot ("x = len(TOS)",
    /// "obj.call(ABC)").
    static func followsOperator(_ offset: Int, in bytes: [UInt8]) -> Bool {
        var index = offset
        while index > 0, bytes[index - 1] == 0x20 { index -= 1 }
        return index > 0 && (ByteClass.isOperator(bytes[index - 1]) || bytes[index - 1] == 0x2E && index == offset)
    }

    /// Whether the text of an acronym is an untranslated lexicon name ("PSUV", "CCP").
    static func isLexiconName(_ acronym: ArraySlice<UInt8>, context: RuleContext) -> Bool {
        let gazetteer = context.gazetteer
        guard let cursor = gazetteer.advance(gazetteer.root, by: Folding.fold(String(decoding: acronym, as: UTF8.self))) else {
            return false
        }
        return gazetteer.variants(at: cursor).contains { gazetteer.variants[$0].isUntranslated }
    }

    /// Whether at least half the letters of an acronym, and at least two, are initials of
    /// capitalized words among the 8 tokens before `open` on its line: "United Socialist Party
    /// of Venezuela(PSUV)", "Venezuelan Workers' Union(CTV)" (a Spanish acronym: "Confederación
    /// de Trabajadores de Venezuela").
    static func initialsCover(_ acronym: ArraySlice<UInt8>, before open: Int, tokens: [Token], bytes: [UInt8]) -> Bool {
        var initials = Set<UInt8>()
        var index = firstToken(from: open, in: tokens) - 1
        var seen = 0
        while index >= 0, seen < 8, !bytes[tokens[index].range.upperBound..<open].contains(0x0A) {
            let first = bytes[tokens[index].range.lowerBound]
            if ByteClass.isUpper(first) { initials.insert(first) }
            index -= 1
            seen += 1
        }
        let letters = acronym.filter(ByteClass.isUpper)
        let covered = letters.filter(initials.contains).count
        return covered >= 2 && 2 * covered >= letters.count
    }

    /// Whether `word` is an acronym of ≥ 2 ASCII capitals and the parenthetical spells it out:
    /// capitalized words whose initials (counted with repeats) cover at least half of its
    /// letters, and at least two
    /// ("CCP(Chinese Communist Party)", "PSUV(United Socialist Party of Venezuela)").
    static func isAcronymExpanded(_ word: Token, content: ArraySlice<UInt8>, in bytes: [UInt8]) -> Bool {
        let acronym = bytes[word.range]
        guard acronym.count >= 2, acronym.allSatisfy(ByteClass.isUpper),
              case (_, .capitalized)? = evidence(content: content) else { return false }
        // Initials as a multiset: "CCP" needs two words starting with C.
        var initials: [UInt8: Int] = [:]
        var previous: UInt8 = 0x20
        for byte in content {
            if previous == 0x20, ByteClass.isUpper(byte) { initials[byte, default: 0] += 1 }
            previous = byte
        }
        var covered = 0
        for letter in acronym where initials[letter, default: 0] > 0 {
            initials[letter]! -= 1
            covered += 1
        }
        return covered >= 2 && 2 * covered >= acronym.count
    }

    /// Whether the clause ends right after `)`: white space, the end, or "," or "." followed by
    /// white space or the end (not ";", which ends statements in code: "malloc(BUFSIZ);").
    static func endsClause(after close: Int, in bytes: [UInt8]) -> Bool {
        let next = close + 1
        guard next < bytes.count else { return true }
        switch bytes[next] {
        case 0x20, 0x09, 0x0A, 0x0D: return true
        case 0x2C, 0x2E: return next + 1 >= bytes.count || ByteClass.isSpace(bytes[next + 1])
        default: return false
        }
    }

    /// The whitespace-delimited run of bytes that ends at `offset`.
    static func run(endingAt offset: Int, in bytes: [UInt8]) -> ArraySlice<UInt8> {
        var start = offset
        while start > 0, !ByteClass.isSpace(bytes[start - 1]) { start -= 1 }
        return bytes[start..<offset]
    }

    /// The whitespace-delimited run of bytes that starts at `offset`.
    static func run(startingAt offset: Int, in bytes: [UInt8]) -> ArraySlice<UInt8> {
        var end = offset
        while end < bytes.count, !ByteClass.isSpace(bytes[end]) { end += 1 }
        return bytes[offset..<end]
    }

    /// Whether a whitespace-delimited run is part of a URL, path or identifier.
    static func isMachineRun(_ run: ArraySlice<UInt8>) -> Bool {
        if run.contains(where: { [0x2F, 0x5F, 0x5C, 0x40, 0x3D, 0x60, 0x3E, 0x3C, 0x2A, 0x7B, 0x7D, 0x5B, 0x5D].contains($0) }) { return true }
        let text = String(decoding: run, as: UTF8.self).lowercased()
        if text.contains("www.") { return true }
        // A dot inside the run followed by a letter: a domain, a file name or a method call.
        var previous: UInt8 = 0x20
        for (offset, byte) in run.enumerated() {
            if previous == 0x2E, offset >= 2, isLetterByte(byte), run[run.startIndex + offset - 2] != 0x28 { return true }
            previous = byte
        }
        return false
    }

    /// What a parenthetical holds.
    enum Content: CustomStringConvertible {
        /// Capitals and digits: "PSUV", "G20", "P.P.".
        case acronym
        /// Capitalized words: "Caracas", "United Nations".
        case capitalized
        /// Lowercase words: "in Spanish".
        case words
        /// Identifiers or arguments: "self, value", "NamedTuple".
        case code
        /// Capitals glued only to the word before, neither a lexicon name nor the initials of
        /// the words before it: "translate(PATTERN)".
        case unexplainedAcronym

        var description: String {
            switch self {
            case .acronym: return "an acronym"
            case .capitalized: return "a capitalized name"
            case .words: return "words"
            case .code: return "code"
            case .unexplainedAcronym: return "capitals that are not a known name nor the initials of the words before"
            }
        }
    }

    /// Trademark signs that stand glued to a brand on purpose: "Motif(TM)".
    static let marks: Set<String> = ["TM", "SM", "R", "C", "MR"]

    /// The evidence a parenthetical's content gives that it is prose glued to a word, with the
    /// kind of content; `nil` when it must be left alone.
    /// Whether `content` is a Roman numeral in capitals from I to XXXIX ("III", "VI", "XII"):
    /// tens of X, then IX, IV, or V and up to three I. "CD", "DC" and "MLD" are acronyms.
    static func isRomanNumeral(_ content: ArraySlice<UInt8>) -> Bool {
        var index = content.startIndex
        var tens = 0
        while index < content.endIndex, content[index] == UInt8(ascii: "X"), tens < 3 { tens += 1; index += 1 }
        let rest = Array(content[index...])
        let units: Set<[UInt8]> = Set(["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"].map { Array($0.utf8) })
        return !content.isEmpty && units.contains(rest)
    }

    static func evidence(content: ArraySlice<UInt8>) -> (Double, Content)? {
        let text = String(decoding: content, as: UTF8.self)
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.utf8.count == content.count, !marks.contains(trimmed) else { return nil }
        let words = trimmed.split(separator: " ")
        var uppercase = 0
        var lowercase = 0
        var digits = 0
        for scalar in trimmed.unicodeScalars {
            let properties = scalar.properties
            if properties.isUppercase { uppercase += 1 } else if properties.isLowercase { lowercase += 1 }
            else if properties.numericType != nil { digits += 1 }
            else if properties.isAlphabetic || " &-.'’".unicodeScalars.contains(scalar) { continue }
            else if scalar == "," { continue }
            else { return nil }
        }
        // A dot before a lowercase letter: a domain or a file name.
        let utf8 = Array(trimmed.utf8)
        if zip(utf8, utf8.dropFirst()).contains(where: { $0 == 0x2E && $1 >= 0x61 && $1 <= 0x7A }) { return nil }
        let letters = uppercase + lowercase
        let startsUpper = trimmed.unicodeScalars.first?.properties.isUppercase ?? false
        if words.count == 1 {
            if lowercase == 0, startsUpper, uppercase + digits >= 2 { return (0.9, .acronym) }
            guard letters >= 4, digits == 0 else { return nil }
            // "NamedTuple", "IntEnum": inner capitals are identifiers.
            if uppercase > 1 { return (0.5, .code) }
            return startsUpper ? (0.8, .capitalized) : (0.5, .words)
        }
        if trimmed.contains(",") { return (0.5, .code) }
        let capitalized = words.allSatisfy { word in
            word.unicodeScalars.first.map { $0.properties.isUppercase || !$0.properties.isAlphabetic } ?? false
                || ["of", "de", "del", "la", "the", "and", "y", "for"].contains(word)
        }
        if capitalized, uppercase >= 2 { return (0.8, .capitalized) }
        let wordCount = words.filter { $0.unicodeScalars.filter(\.properties.isAlphabetic).count >= 2 }.count
        guard wordCount >= 2, letters >= 4 else { return nil }
        return (0.7, .words)
    }

    static func isLetterByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }

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
