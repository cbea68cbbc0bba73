import WirefixEngine

/// Removes invisible characters that split a word of a Latin, Cyrillic or Greek text
/// ("Ca\u{200B}bello" → "Cabello"), where they break name matching and search.
///
/// **Which characters.** U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+00AD SOFT HYPHEN,
/// U+200C ZERO WIDTH NON-JOINER, U+200D ZERO WIDTH JOINER and U+FEFF ZERO WIDTH NO-BREAK SPACE
/// (byte-order mark).
///
/// **When.** A run of them is removed when the letter before it and the letter after it (combining
/// marks belong to their letter) are both Latin, Cyrillic or Greek: those scripts never need a
/// joiner or a break hint inside a word, and copy from wire systems carries them only as debris.
///
/// **Kept:**
/// - a BOM at the very start of the text;
/// - any of them right after "Ã", "Â", "Ă" or "√": most likely a byte of mojibake
///   ("RodrÃ\u{AD}guez"), left for the ``MojibakeRule``;
/// - joiners in emoji sequences (👨‍👩‍👧); ZWNJ/ZWJ and ZWSP between letters of scripts that use
///   them (Persian, Arabic, Indic, Thai, …);
/// - any of them between words or next to digits or punctuation, including a BOM at the start of
///   a later line (concatenated files): there they do not split a name and may be deliberate
///   (line-break hints in URLs, joiners in emoji), so Wirefix leaves them alone.
struct InvisibleCharactersRule: Rule {
    static let description = RuleDescription(
        identifier: "invisible_characters",
        name: "Invisible Characters",
        summary: "Removes zero-width characters and soft hyphens that split Latin, Cyrillic or Greek words",
        discussion: """
            Detects: U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+00AD SOFT HYPHEN, U+200C ZERO WIDTH \
            NON-JOINER, U+200D ZERO WIDTH JOINER and U+FEFF (BOM) between two Latin, Cyrillic or Greek \
            letters. Fixes: removes them. Evidence/confidence: 0.95 (0.9 for a soft hyphen, which some \
            publishers use on purpose as a hyphenation hint). Kept: a leading BOM, joiners in \
            emoji and in scripts that need them (Persian, Arabic, Indic), break hints in Thai or \
            Japanese, and zero-width characters between words, which do not split a name.
            """,
        phase: .unicode,
        examples: [
            .fix("The senator Ca⟦\u{200B}⟧bello answered.", "The senator Cabello answered."),
            .fix("Delcy Rodr⟦\u{2060}⟧íguez", "Delcy Rodríguez"),
            .fix("Diosdado Ca⟦\u{AD}⟧bel⟦\u{AD}⟧lo", "Diosdado Cabello"),
            .fix("Ma⟦\u{200C}⟧duro", "Maduro"),
            .fix("Ma⟦\u{200D}⟧duro", "Maduro"),
            .fix("Pe⟦\u{FEFF}⟧ña", "Peña"),
            .fix("Ca⟦\u{200B}\u{200B}\u{AD}⟧bello", "Cabello"),
            .fix("Пу⟦\u{200B}⟧тин", "Путин"),
            .fix("Τσί⟦\u{200B}⟧πρας", "Τσίπρας"),
            .fix("Rodri\u{301}⟦\u{200B}⟧guez", "Rodri\u{301}guez"),
            .keep("\u{FEFF}A text that starts with a byte-order mark."),
            .keep("First file.\n\u{FEFF}Second file, and a BOM \u{FEFF} between words."),
            .keep("A family 👨‍👩‍👧 and a rainbow flag 🏳️‍🌈."),
            .keep("Persian می\u{200C}خواهم and Hindi क्\u{200D}ष."),
            .keep("Thai ภาษา\u{200B}ไทย uses break hints."),
            .keep("Between words\u{200B} and \u{200B}here, in a URL example.com/\u{200B}path."),
            .keep("Digits 12\u{200B}345 and x\u{200B}2."),
            .keep("Arabic letters مر\u{200D}حبا with a joiner."),
            .keep("Mojibake RodrÃ\u{AD}guez is left to the mojibake rule."),
            .keep("Plain text, no invisible characters: Cabello, Peña."),
        ])

    /// The invisible characters this rule handles.
    static func isInvisible(_ value: UInt32) -> Bool {
        value == 0x200B || value == 0x2060 || value == 0xAD || value == 0x200C || value == 0x200D || value == 0xFEFF
    }

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        if document.isASCII { return [] }
        var result: [Correction] = []
        document.withBytes { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                // Cheap scan: every target starts with C2, E2 or EF.
                let byte = bytes[index]
                guard byte == 0xC2 || byte == 0xE2 || byte == 0xEF else { index += 1; continue }
                let (value, length) = MojibakeDetector.decode(bytes, at: index)
                guard Self.isInvisible(value) else { index += length; continue }
                var end = index + length
                var values = [value]
                while end < count {
                    let (next, nextLength) = MojibakeDetector.decode(bytes, at: end)
                    guard Self.isInvisible(next) else { break }
                    values.append(next)
                    end += nextLength
                }
                if let correction = correction(for: index..<end, values: values, in: bytes, document: document) {
                    result.append(correction)
                }
                index = end
            }
        }
        return result
    }

    /// The correction for one run of invisible characters, or `nil` to keep it.
    private func correction(
        for range: Range<Int>, values: [UInt32], in bytes: UnsafeBufferPointer<UInt8>, document: Document
    ) -> Correction? {
        let before = Self.baseLetter(before: range.lowerBound, in: bytes)
        let after = range.upperBound < bytes.count ? MojibakeDetector.decode(bytes, at: range.upperBound).0 : nil
        let names = values.map { MojibakeDetector.codePoint($0) + " " + (Unicode.Scalar($0)?.properties.name ?? "") }
        let unique = names.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let original = document.text(in: range)
        // After "Ã", "Â", "Ă" or "√" a soft hyphen or no-break character is most likely the second
        // byte of UTF-8 read through a code page ("RodrÃ\u{AD}guez"); removing it would destroy
        // what the mojibake rule needs, so it is left to that rule.
        if let before, [0xC2, 0xC3, 0x102, 0x221A].contains(before) { return nil }
        if Self.isWordLetter(before), Self.isWordLetter(after) {
            let left = String(Unicode.Scalar(before!)!), right = String(Unicode.Scalar(after!)!)
            let confidence = values.allSatisfy { $0 == 0xAD } ? 0.9 : 0.95
            return Correction(
                ruleID: Self.description.identifier, range: TextRange(range), original: original, replacement: "",
                confidence: confidence,
                explanation: "\(unique.joined(separator: ", ")) inside a word, between \"\(left)\" and \"\(right)\"")
        }
        return nil
    }

    /// The letter before `offset`, skipping combining marks (they belong to it); `nil` if the
    /// scalar there is not a letter or mark.
    static func baseLetter(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var position = offset
        while position > 0 {
            var lead = position - 1
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            let value = MojibakeDetector.decode(bytes, at: lead).0
            guard let scalar = Unicode.Scalar(value) else { return nil }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark:
                position = lead
            default:
                return value
            }
        }
        return nil
    }

    /// Whether `value` is a letter of the Latin, Cyrillic or Greek script.
    static func isWordLetter(_ value: UInt32?) -> Bool {
        guard let value, ScalarCase.isLetter(value) else { return false }
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0x24F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF:
            return true  // Latin
        case 0x370...0x3FF, 0x1F00...0x1FFF:
            return true  // Greek
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F:
            return true  // Cyrillic
        default:
            return false
        }
    }
}
