import WirefixEngine
import WirefixICU

/// Reports letters of one script hidden in a word of another that look like a letter of that
/// word's script: "Mаduro" with a Cyrillic "а" (U+0430). Detect-only: the writer decides.
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
        summary: "Reports homoglyphs from another script hidden in a word (Cyrillic \"а\" in \"Mаduro\")",
        discussion: """
            Detects: a word that mixes scripts where a letter of the minority script is a look-alike \
            (UTS 39 confusable) of a letter of the word's main script, e.g. Cyrillic "а" U+0430 in \
            "Mаduro", Greek "ο" U+03BF in "Bοgotá". Such words defeat search, name matching and \
            spell checking while looking right. Reports: one finding per such letter, naming its code \
            point, script and the letter it imitates; the text is never changed. Evidence/confidence: \
            0.9 (ICU spoof checker plus a majority script in the word; when two scripts tie, as \
            in "Xі Jinping" with a Cyrillic "і" or "cооp", the script of the nearest single-script \
            word on the line breaks the tie, and without one the word is left alone). Left alone: single-script \
            words of any script, ASCII tokens, numbers and units (10kΩ, 5µm, H₂O), Roman numerals (Ⅻ).
            """,
        phase: .findings,
        isFindingOnly: true,
        examples: [
            .finding("President M⟦а⟧duro spoke."),
            .finding("The mayor of B⟦ο⟧gotá."),
            .finding("SENS⟦Е⟧ - Oleg"),
            .finding("P⟦е⟧ña Nieto"),
            .finding("Путин and М⟦o⟧сква"),
            .finding("Gazpr⟦о⟧m and T⟦е⟧sla"),
            .finding("Al⟦ѕ⟧o in a Latin word ⟦Н⟧ello."),
            .finding("X⟦і⟧ Jinping met the envoy."),
            .finding("The c⟦о⟧⟦о⟧p and the co⟦о⟧p."),
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
            result += findings(in: text, at: token.range.lowerBound, checker: checker) {
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

    /// The findings for one mixed-script confusable token. `surroundingScript` decides a tie
    /// between two scripts ("Xі" with a Cyrillic "і", "cооp"): the script of the words around
    /// the token is its main script.
    private func findings(
        in text: String, at offset: Int, checker: SpoofChecker, surroundingScript: () -> String?
    ) -> [Correction] {
        var letters: [(scalar: Unicode.Scalar, script: String, offset: Int)] = []
        var position = offset
        for scalar in text.unicodeScalars {
            defer { position += String(scalar).utf8.count }
            guard ScalarCase.isLetter(scalar.value), let script = SpoofChecker.scripts(of: String(scalar)).first else { continue }
            letters.append((scalar, script, position))
        }
        var counts: [String: Int] = [:]
        for letter in letters { counts[letter.script, default: 0] += 1 }
        let ranked = counts.sorted { $0.value > $1.value }
        guard var main = ranked.first, ranked.count >= 2 else { return [] }
        if main.value == ranked[1].value {
            // A tie: the words around the token decide, when their script is one of the tied ones.
            guard let context = surroundingScript(),
                  let tied = ranked.first(where: { $0.key == context && $0.value == main.value }) else { return [] }
            main = tied
        }
        let mainName = Self.scriptName(main.key)
        var result: [Correction] = []
        let lookalikes = Self.lookalikes[main.key] ?? [:]
        for letter in letters where letter.script != main.key {
            guard let skeleton = try? checker.skeleton(String(letter.scalar)),
                  let twin = lookalikes[skeleton]
            else { continue }
            let length = String(letter.scalar).utf8.count
            let name = letter.scalar.properties.name ?? ""
            result.append(Correction(
                ruleID: Self.description.identifier,
                range: TextRange(start: letter.offset, end: letter.offset + length),
                original: String(letter.scalar), replacement: String(letter.scalar), confidence: 0.9,
                explanation: "\"\(letter.scalar)\" \(MojibakeDetector.codePoint(letter.scalar.value)) \(name) in a \(mainName) word \"\(text)\"; looks like \"\(twin)\" \(MojibakeDetector.codePoint(twin.value))",
                disposition: .finding))
        }
        return result
    }

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
