import WirefixEngine
import WirefixICU
import WirefixLexicon

/// Finds letters of one script hidden in a word of another that look like a letter of that
/// word's script: "Mаduro" with a Cyrillic "а" (U+0430). Repairs them where the evidence is
/// strong, reports them otherwise.
///
/// **Repaired** (in the Unicode phase, so that the name rules then match the repaired word):
/// a word of mainly Latin letters (more Latin letters than all others together) whose every
/// other letter has a Latin look-alike, not in capitals, on a line whose nearest single-script
/// word is Latin, and whose rewrite with the Latin letters is an English word of the word list,
/// a component of a lexicon name or a place of the country table ("Petrο" → "Petro",
/// "gоvernment" → "government", "Bοgotá" → "Bogotá"). Each
/// look-alike is replaced by the Latin letter of the same case with its skeleton, at 0.9.
/// **Reported** (findings, the text unchanged): every other mixed-script confusable — a Latin
/// rewrite that is no known word ("Gazprоm"), a word in capitals ("SENSЕ", "РSUV": a brand or a
/// keyboard layout's doing as often as damage), a word alone on its line, a tie between two
/// scripts ("Xі", "cооp"), and Latin letters in a Cyrillic or Greek word ("Мoсква").
///
/// **How.** Only non-ASCII word tokens are examined, and only those holding letters of at least
/// two of Latin, Cyrillic, Greek, Armenian and Cherokee (a table test, no ICU call). The token's
/// main script (ICU's Script property) is the one most of its letters belong to; on a tie
/// ("Xі", "cооp") it is the script of the nearest single-script word on the line, if that is one
/// of the tied scripts, else the token is left alone. Each letter of another script is reported when its UTS 39 skeleton (ICU spoof checker)
/// equals the skeleton of a letter of the main script: Cyrillic "а" and Latin "a" share the
/// skeleton "a", and so do Latin "o" and Cyrillic "о" in "Мoсква". (ICU's own mixed-script
/// confusable test needs the whole word to map into one script, which misses the second case.)
/// The skeletons of the letters of the five scripts are computed once, on first use.
/// Left alone: single-script words in any script ("сосо", "ΑΘΗΝΑ"), ASCII tokens ("iPhone"),
/// symbols and numbers with units ("H₂O", "Ⅻ", "10kΩ", "5µm"), and Latin mixed with CJK.
struct MixedScriptConfusablesRule: Rule {
    static let description = RuleDescription(
        identifier: "mixed_script_confusables",
        name: "Mixed-Script Confusables",
        summary: "Repairs or reports homoglyphs from another script hidden in a word (Cyrillic \"а\" in \"Mаduro\")",
        discussion: """
            Detects: a word that mixes scripts where a letter of the minority script is a look-alike \
            (UTS 39 confusable) of a letter of the word's main script, e.g. Cyrillic "а" U+0430 in \
            "Mаduro", Greek "ο" U+03BF in "Bοgotá". Such words defeat search, name matching and \
            spell checking while looking right. Fixes: in a word of mainly Latin letters (more than \
            all others together), not in capitals, whose nearest single-script neighbour on the line \
            is a Latin word, each look-alike is replaced by its Latin letter of the same case when the \
            rewritten word is an English word of the word list, a component of a lexicon name or a \
            capitalized country, place or people of the country table ("Gustavo Petrο" → "Petro", \
            "Bοgotá" → "Bogotá", "The gоvernment" → "government", "Mileі" → "Milei"), at 0.9 \
            (ICU spoof checker, a Latin majority and a known word). Runs in the Unicode phase, before \
            the name rules, which then see the repaired name. Reports: every other such letter, as a \
            finding naming its code point, script and the letter it imitates, the text unchanged: \
            a rewrite that is no known word ("Gazprоm"), a word in capitals ("SENSЕ", "РSUV": a \
            brand or a keyboard layout as often as damage), a word alone on its line, Latin letters \
            in a Cyrillic or Greek word ("Мoсква"), and a tie between two scripts ("Xі Jinping" \
            with a Cyrillic "і", "cооp"), where the script of the nearest single-script word on the \
            line picks the word's script, and without one the word is left alone. Left alone: \
            single-script words of any script, ASCII tokens, numbers and units (10kΩ, 5µm, H₂O), \
            Roman numerals (Ⅻ).
            """,
        phase: .unicode,
        examples: [
            // Repaired: a Latin word whose rewrite is a lexicon name component or an English word.
            .fix("President M⟦а⟧duro spoke.", "President Maduro spoke."),
            .fix("Colombian President Gustavo Petr⟦\u{3BF}⟧ spoke.", "Colombian President Gustavo Petro spoke."),
            .fix("President Mil⟦\u{435}⟧i spoke on Monday.", "President Milei spoke on Monday."),
            .fix("Chilean President B⟦\u{43E}⟧ric spoke.", "Chilean President Boric spoke."),
            .fix("The g⟦\u{43E}⟧vernment resigned.", "The government resigned."),
            .fix("The mayor of B⟦ο⟧gotá.", "The mayor of Bogotá."),
            .fix("P⟦е⟧ña Nieto", "Peña Nieto"),
            .fix("D⟦і⟧osdado Cab⟦е⟧llo and the el⟦е⟧ction ⟦С⟧ommission.", "Diosdado Cabello and the election Commission."),
            .fix("⟦Т⟧he p⟦а⟧rty's leader spoke.", "The party's leader spoke."),
            .fix("Al⟦ѕ⟧o in a Latin word ⟦Н⟧ello.", "Also in a Latin word Hello."),
            .fix("The co⟦о⟧p met.", "The coop met."),
            // Reported: no known word, capitals, alone, ties, other scripts.
            .finding("The firm Gazpr⟦о⟧m and Zyx⟦о⟧qu spoke."),
            .finding("SENS⟦Е⟧ - Oleg"),
            .finding("The ⟦Р⟧SUV called a rally."),
            .finding("M⟦а⟧duro"),
            .finding("Путин and М⟦o⟧сква"),
            .finding("Путин и Петр⟦o⟧в"),
            .finding("X⟦і⟧ Jinping met the envoy."),
            .finding("The c⟦о⟧⟦о⟧p met."),
            .finding("Путин и ⟦M⟧о in a Russian line."),
            .keep("President Maduro spoke."),
            .keep("Путин spoke with Τσίπρας in Athens."),
            .keep("сосо and ΑΘΗΝΑ are single-script."),
            .keep("The iPhone, H₂O, Ⅻ, 10kΩ and 5µm are fine."),
            .keep("Tokyo 東京 and Seoul 서울 and São Paulo."),
            .keep("Words with a hyphen: α-helix, β-blocker, γ-ray."),
            .keep("The ΔT and the πr² formula."),
            .keep("Plain ASCII text only."),
        ])

    /// The shared spoof checker (configured once; `nil` if ICU lacks confusables data).
    static let checker: SpoofChecker? = try? SpoofChecker()

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        if document.isASCII { return [] }
        guard let checker = Self.checker else { return [] }
        var result: [Correction] = []
        let tokens = document.tokens
        for (index, token) in tokens.enumerated() where !token.shape.contains(.ascii) && token.shape.contains(.hasLetter) {
            let text = document.text(of: token)
            guard Self.hasTwoCandidateScripts(text) else { continue }
            result += findings(in: text, at: token.range.lowerBound, checker: checker, context: context) {
                Self.surroundingScript(of: index, in: document)
            }
        }
        return result
    }

    /// The script of the nearest single-script word on the same line, before or after token
    /// `index` (up to 3 words each way, nearest first, the one before on a tie); `nil` if none.
    static func surroundingScript(of index: Int, in document: Document) -> String? {
        let tokens = document.tokens
        let bytes = document.bytes
        func sameLine(_ a: Int, _ b: Int) -> Bool {
            let range = min(tokens[a].range.upperBound, tokens[b].range.upperBound)..<max(tokens[a].range.lowerBound, tokens[b].range.lowerBound)
            return !bytes[range].contains(0x0A)
        }
        for distance in 1...3 {
            for neighbour in [index - distance, index + distance] where neighbour >= 0 && neighbour < tokens.count {
                guard sameLine(index, neighbour), tokens[neighbour].shape.contains(.hasLetter) else { continue }
                if tokens[neighbour].shape.contains(.ascii) { return "Latn" }
                var scripts = Set<String>()
                for scalar in document.text(of: tokens[neighbour]).unicodeScalars where ScalarCase.isLetter(scalar.value) {
                    if let script = SpoofChecker.scripts(of: String(scalar)).first { scripts.insert(script) }
                }
                if scripts.count == 1 { return scripts.first }
            }
        }
        return nil
    }

    /// The repairs or findings for one mixed-script confusable token. `surroundingScript` decides
    /// a tie between two scripts ("Xі" with a Cyrillic "і", "cооp"): the script of the words
    /// around the token is its main script. The look-alikes of a Latin word are repaired when
    /// ``latinRewrite(of:text:context:)`` finds the rewrite a known word and the words around
    /// are Latin; otherwise each is reported.
    private func findings(
        in text: String, at offset: Int, checker: SpoofChecker, context: RuleContext, surroundingScript: () -> String?
    ) -> [Correction] {
        var letters: [Letter] = []
        var position = offset
        for scalar in text.unicodeScalars {
            defer { position += String(scalar).utf8.count }
            guard ScalarCase.isLetter(scalar.value), let script = SpoofChecker.scripts(of: String(scalar)).first else { continue }
            letters.append(Letter(scalar: scalar, script: script, offset: position))
        }
        var counts: [String: Int] = [:]
        for letter in letters { counts[letter.script, default: 0] += 1 }
        let ranked = counts.sorted { $0.value > $1.value }
        guard var main = ranked.first, ranked.count >= 2 else { return [] }
        let isTie = main.value == ranked[1].value
        if isTie {
            // A tie: the words around the token decide, when their script is one of the tied ones.
            guard let context = surroundingScript(),
                  let tied = ranked.first(where: { $0.key == context && $0.value == main.value }) else { return [] }
            main = tied
        }
        let mainName = Self.scriptName(main.key)
        let lookalikes = Self.lookalikes[main.key] ?? [:]
        var confusables: [(letter: Letter, twin: Unicode.Scalar)] = []
        for letter in letters where letter.script != main.key {
            guard let skeleton = try? checker.skeleton(String(letter.scalar)),
                  let twin = lookalikes[skeleton]
            else { continue }
            confusables.append((letter, twin))
        }
        if confusables.isEmpty { return [] }
        let explain = { (letter: Letter, twin: Unicode.Scalar) in
            "\"\(letter.scalar)\" \(MojibakeDetector.codePoint(letter.scalar.value)) \(letter.scalar.properties.name ?? "") in a \(mainName) word \"\(text)\"; looks like \"\(twin)\" \(MojibakeDetector.codePoint(twin.value))"
        }
        if main.key == "Latn", !isTie, surroundingScript() == "Latn",
           let (rewritten, twins, reason) = Self.latinRewrite(of: letters, text: text, offset: offset, checker: checker, context: context) {
            return confusables.map { letter, _ in
                let twin = twins[letter.offset]!
                let length = String(letter.scalar).utf8.count
                return Correction(
                    ruleID: Self.description.identifier,
                    range: TextRange(start: letter.offset, end: letter.offset + length),
                    original: String(letter.scalar), replacement: String(twin), confidence: 0.9,
                    explanation: explain(letter, twin) + "; replaced: \"\(rewritten)\" is \(reason)")
            }
        }
        return confusables.map { letter, twin in
            let length = String(letter.scalar).utf8.count
            return Correction(
                ruleID: Self.description.identifier,
                range: TextRange(start: letter.offset, end: letter.offset + length),
                original: String(letter.scalar), replacement: String(letter.scalar), confidence: 0.9,
                explanation: explain(letter, twin),
                disposition: .finding)
        }
    }

    /// A letter of a token: the scalar, its script code, its UTF-8 byte offset in the document.
    struct Letter {
        var scalar: Unicode.Scalar
        var script: String
        var offset: Int
    }

    /// The Latin rewrite of a word of mainly Latin letters, when it is strong evidence of
    /// homoglyph damage: more Latin letters than all others together, every other letter a
    /// Cyrillic or Greek letter with a Latin look-alike of its case (UTS 39 skeleton), the word
    /// not in capitals (two letters or more, all capitals: "SENSЕ", "РSUV"), and the rewrite an
    /// English word of the word list, a component of a lexicon name, or a capitalized country,
    /// place or people of the country table ("Bogotá"). Returns the rewritten
    /// word, the Latin letter for each replaced letter by its offset, and which of the two it is;
    /// `nil` otherwise.
    static func latinRewrite(
        of letters: [Letter], text: String, offset: Int, checker: SpoofChecker, context: RuleContext
    ) -> (String, [Int: Unicode.Scalar], String)? {
        let latin = letters.filter { $0.script == "Latn" }.count
        guard latin * 2 > letters.count else { return nil }
        if letters.count >= 2, letters.allSatisfy({ ScalarCase.isUpper($0.scalar.value) }) { return nil }
        var twins: [Int: Unicode.Scalar] = [:]
        for letter in letters where letter.script != "Latn" {
            guard letter.script == "Cyrl" || letter.script == "Grek",
                  let skeleton = try? checker.skeleton(String(letter.scalar)),
                  let twin = latinTwins[skeleton]?.first(where: { sameCase($0, letter.scalar) })
            else { return nil }
            twins[letter.offset] = twin
        }
        var rewritten = String.UnicodeScalarView()
        var position = offset
        for scalar in text.unicodeScalars {
            rewritten.append(twins[position] ?? scalar)
            position += String(scalar).utf8.count
        }
        let word = String(rewritten)
        if context.gazetteer.entitiesByComponent[Folding.fold(word)] != nil { return (word, twins, "a lexicon name component") }
        if context.words.contains(word.lowercased()) { return (word, twins, "an English word") }
        if !context.countries.countries(mentionedIn: word).isEmpty { return (word, twins, "a country, place or people of the country table") }
        return nil
    }

    /// Whether two letters have the same case (both capitals, or both not).
    static func sameCase(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        ScalarCase.isUpper(a.value) == ScalarCase.isUpper(b.value)
    }

    /// UTS 39 skeleton → the Latin letters with that skeleton, ASCII first. Built once from ICU
    /// over the Latin letters of the main blocks.
    static let latinTwins: [String: [Unicode.Scalar]] = {
        guard let checker else { return [:] }
        var table: [String: [Unicode.Scalar]] = [:]
        for range: ClosedRange<UInt32> in [0x41...0x5A, 0x61...0x7A, 0xC0...0x24F] {
            for value in range where ScalarCase.isLetter(value) {
                guard let scalar = Unicode.Scalar(value),
                      SpoofChecker.scripts(of: String(scalar)).first == "Latn",
                      let skeleton = try? checker.skeleton(String(scalar))
                else { continue }
                table[skeleton, default: []].append(scalar)
            }
        }
        return table
    }()

    /// For each script code ("Latn", "Cyrl", "Grek", "Armn", "Cher"): UTS 39 skeleton → a letter
    /// of that script with that skeleton. Built once from ICU over the letters of the five
    /// scripts' main blocks (about 1,200 skeleton calls).
    static let lookalikes: [String: [String: Unicode.Scalar]] = {
        guard let checker else { return [:] }
        var table: [String: [String: Unicode.Scalar]] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x370...0x3FF,
                                             0x400...0x52F, 0x531...0x58F, 0x13A0...0x13F5]
        for range in ranges {
            for value in range where ScalarCase.isLetter(value) {
                guard let scalar = Unicode.Scalar(value),
                      let script = SpoofChecker.scripts(of: String(scalar)).first,
                      let skeleton = try? checker.skeleton(String(scalar))
                else { continue }
                if table[script, default: [:]][skeleton] == nil { table[script, default: [:]][skeleton] = scalar }
            }
        }
        return table
    }()

    /// Whether `text` has letters of at least two of Latin, Cyrillic, Greek, Armenian, Cherokee
    /// (by code point ranges; the cheap pre-filter before ICU).
    static func hasTwoCandidateScripts(_ text: String) -> Bool {
        var seen: UInt8 = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: seen |= 1
            case 0x400...0x52F: seen |= 2
            case 0x370...0x3FF, 0x1F00...0x1FFF: seen |= 4
            case 0x531...0x58F: seen |= 8
            case 0x13A0...0x13FF, 0xAB70...0xABBF: seen |= 16
            default: continue
            }
            if seen.nonzeroBitCount >= 2 { return true }
        }
        return false
    }

    /// "Latin" for "Latn", and so on.
    static func scriptName(_ code: String) -> String {
        switch code {
        case "Latn": return "Latin"
        case "Cyrl": return "Cyrillic"
        case "Grek": return "Greek"
        case "Armn": return "Armenian"
        case "Cher": return "Cherokee"
        default: return code
        }
    }
}
