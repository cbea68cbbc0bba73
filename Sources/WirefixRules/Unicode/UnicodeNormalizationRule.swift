import WirefixEngine
import WirefixICU

/// Puts text into Unicode Normalization Form C, changing only the spans that are not already
/// NFC ("Rodri\u{301}guez" → "Rodríguez").
///
/// **How.** ASCII documents take a fast path. Otherwise each distinct non-ASCII scalar from
/// U+0300 up is classified once with ICU: it is a *stable boundary* when its canonical combining
/// class is 0 and it is NFC on its own without being able to combine with what precedes it (NFC
/// quick check "yes"); ASCII and U+0080–U+02FF always are. A span runs from the last stable
/// scalar before an unstable one (the starter the marks belong to) up to the next stable scalar;
/// only such spans are normalized, and only those that change are reported. No ICU call sees the
/// whole text: normalization works between stable boundaries, so in NFC text every such span is
/// already NFC and nothing is reported, as a whole-text quick check would have said.
struct UnicodeNormalizationRule: Rule {
    static let description = RuleDescription(
        identifier: "unicode_normalization",
        name: "Unicode Normalization",
        summary: "Composes decomposed characters (NFC) in the spans that are not normalized",
        discussion: """
            Detects: spans that are not in Unicode Normalization Form C: a letter followed by a \
            combining accent that has a precomposed form ("i" + U+0301), Hangul jamo sequences, \
            singletons such as U+212B ANGSTROM SIGN. Fixes: replaces each such span with its NFC form \
            (ICU 72, Unicode 15); the rest of the text is untouched. Evidence/confidence: 0.99, since \
            NFC is canonically equivalent and renders identically; it only makes names match and \
            compare equal. Combining sequences without a precomposed form ("q" + U+0301) are already NFC. \
            Left alone: CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F), which NFC \
            maps to unified ideographs that some fonts draw with a different glyph.
            """,
        phase: .unicode,
        examples: [
            .fix("The minister Rodr⟦i\u{301}⟧guez spoke.", "The minister Rodríguez spoke."),
            .fix("Enrique Pe⟦n\u{303}⟧a Nieto", "Enrique Peña Nieto"),
            .fix("⟦E\u{301}⟧vole and N⟦u\u{301}⟧⟦n\u{303}⟧ez Feij⟦o\u{301}⟧o", "Évole and Núñez Feijóo"),
            .fix("MU⟦N\u{303}⟧OZ", "MUÑOZ"),
            .fix("Vietnamese ⟦e\u{323}\u{302}⟧", "Vietnamese ệ"),
            .fix("Out of order ⟦e\u{302}\u{323}⟧ marks", "Out of order ệ marks"),
            .fix("A gap of 5 ⟦\u{212B}⟧.", "A gap of 5 Å."),
            .fix("Resistance 10 ⟦\u{2126}⟧", "Resistance 10 Ω"),
            .fix("Korean ⟦\u{1100}\u{1161}⟧ syllable", "Korean 가 syllable"),
            .fix("Le\u{301}", "Lé"),
            .keep("The minister Rodríguez spoke."),
            .keep("Peña, Évole, Núñez Feijóo, MUÑOZ, São Paulo, Wałęsa, Dvořák."),
            .keep("A combining mark without a precomposed form: q\u{301} and j\u{323}."),
            .keep("Hangul 가 and Devanagari क्षि and Arabic مَرْحَبًا."),
            .keep("Emoji 👨‍👩‍👧 and 🇻🇪 and 👍🏽."),
            .keep("Ångström is spelled with a precomposed Å."),
            .keep("Plain ASCII text."),
            .keep("Compatibility ideographs \u{F900} \u{FA10} \u{2F800} keep their identity, even \u{F900}\u{301} with a mark."),
            .fix("A mark after one: \u{F900}⟦\u{212B}⟧.", "A mark after one: \u{F900}Å."),
        ])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        if document.isASCII { return [] }
        // ICU takes at most Int32.max UTF-16 units; beyond that the rule has always stood aside.
        if document.bytes.count >= Int(Int32.max) {
            guard let check = try? Normalizer.quickCheck(document.text, form: .nfc), check != .yes else { return [] }
        }
        var classes: [UInt32: ScalarRole] = [:]
        func role(of value: UInt32) -> ScalarRole {
            if value < 0x300 { return .stable }
            if Self.isCompatibilityIdeograph(value) { return .protected }
            if let known = classes[value] { return known }
            let scalar = Unicode.Scalar(value)!
            let role: ScalarRole
            if scalar.properties.canonicalCombiningClass.rawValue != 0 {
                role = .joinsPrevious
            } else {
                switch try? Normalizer.quickCheck(String(scalar), form: .nfc) {
                case .yes: role = .stable
                case .no: role = .startsSpan
                default: role = .joinsPrevious
                }
            }
            classes[value] = role
            return role
        }
        var result: [Correction] = []
        document.withBytes { bytes in
            var index = 0
            var lastStable = 0      // byte offset of the last stable scalar seen
            var lastProtected = false  // whether that scalar is a CJK compatibility ideograph
            var spanStart: Int?     // start of the open span
            func close(at end: Int) {
                guard let start = spanStart else { return }
                spanStart = nil
                let original = document.text(in: start..<end)
                // Compare bytes: String == is canonical equivalence, under which every NFC
                // repair would look like no change.
                guard let normalized = try? Normalizer.normalize(original, to: .nfc), !normalized.utf8.elementsEqual(original.utf8) else { return }
                result.append(Correction(
                    ruleID: Self.description.identifier, range: TextRange(start: start, end: end),
                    original: original, replacement: normalized, confidence: 0.99,
                    explanation: Self.explain(original, normalized)))
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    close(at: index)
                    // The rest of an ASCII run: every byte a stable boundary.
                    while index + 1 < bytes.count && bytes[index + 1] < 0x80 { index += 1 }
                    lastStable = index
                    lastProtected = false
                    index += 1
                    continue
                }
                let (value, length) = MojibakeDetector.decode(bytes, at: index)
                switch role(of: value) {
                case .stable, .protected:
                    close(at: index)
                    lastStable = index
                    lastProtected = role(of: value) == .protected
                case .startsSpan:
                    close(at: index)
                    lastStable = index
                    lastProtected = false
                    spanStart = index
                case .joinsPrevious:
                    // Marks after a compatibility ideograph are normalized without it.
                    if spanStart == nil { spanStart = lastProtected ? index : lastStable }
                }
                index += length
            }
            close(at: bytes.count)
        }
        return result
    }

    /// How a scalar behaves at a normalization boundary.
    enum ScalarRole {
        /// A starter that is NFC and never combines with what precedes it: a safe boundary.
        case stable
        /// A starter that is not NFC by itself (a singleton such as U+212B): starts a span.
        case startsSpan
        /// A combining mark, or a character that may compose with its predecessor: belongs to
        /// the span of the starter before it.
        case joinsPrevious
        /// A CJK compatibility ideograph: a boundary that is never normalized itself.
        case protected
    }

    /// Whether a scalar is a CJK compatibility ideograph (U+F900–U+FAFF, U+2F800–U+2FA1F).
    /// NFC maps each to a unified ideograph that some fonts draw differently, and sources (place
    /// and personal names in Korean and Japanese) use them for that glyph: they are left alone.
    static func isCompatibilityIdeograph(_ value: UInt32) -> Bool {
        (0xF900...0xFAFF).contains(value) || (0x2F800...0x2FA1F).contains(value)
    }

    /// `"i" + U+0301 COMBINING ACUTE ACCENT composed to "í" (NFC)`.
    static func explain(_ original: String, _ normalized: String) -> String {
        let parts = original.unicodeScalars.map { scalar -> String in
            if scalar.value < 0x80 || scalar.properties.canonicalCombiningClass.rawValue == 0 && scalar.value < 0x300 {
                return "\"\(scalar)\""
            }
            return MojibakeDetector.codePoint(scalar.value) + " " + (scalar.properties.name ?? "")
        }
        return "\(parts.joined(separator: " + ")) composed to \"\(normalized)\" (NFC)"
    }
}
