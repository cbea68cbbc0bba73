import WirefixEngine

/// Repairs UTF-8 text that was decoded through a single-byte code page ("RodrÃ­guez" →
/// "Rodríguez").
///
/// **How.** Every maximal run of non-ASCII characters is re-encoded to bytes through each code
/// page that mojibake commonly comes from (Windows-1252 merged with Latin-1, Windows-1250,
/// ISO-8859-2, MacRoman, CP437, Windows-1251; tables built once from ICU, see
/// ``MojibakeCodePage``), and the bytes are searched for strict UTF-8 multi-byte sequences. A
/// sequence is only a candidate; it is repaired when the heuristic below accepts it, and the code
/// page whose accepted sequences cover most of the run wins. When several cover it equally but
/// decode it differently ("PeĂąa": "Peùa" through Windows-1250, "Peña" through ISO-8859-2), the
/// reading with more words spelled as in a lexicon name wins, then the one with more Spanish
/// letters (á é í ó ú ñ ü); if neither settles it, the repair is only suggested.
///
/// **Heuristic** (Wirefix's own; see ``MojibakeDetector``):
/// - The decoded character must be something real text is made of: a European Latin letter,
///   punctuation or a symbol from a three- or four-byte sequence, a Latin-1 symbol after the
///   Windows-1252 "Â", or letters of Greek, Cyrillic, Hebrew, Arabic or CJK in runs of at least
///   two that are not glued to other letters. IPA, modifiers, combining marks, private use,
///   controls and rare extensions are rejected ("É…" is not "Ʌ").
/// - Latin letters must fit the case of their word ("MÄ£ÄM" is not "MģÄM"; a lowercase letter
///   ending a word after one capital only when the capital starts a two-letter word in running
///   text, "SÃ­ se puede", "TÃº decides", not in a line of capitals), and a lead that is
///   an ordinary letter ("Ä", "Å", "Ă") must be followed by a letter or end a lowercase word in a
///   lowercase letter. Only the Windows-1252 "Ã" (and MacRoman "√", CP437 "├" inside words) is
///   strong evidence; "Ã" standing alone is accepted, "√π" is not.
/// - A no-break space continuation is accepted only after "Ã"; a right single quote before an
///   English suffix ("Ã’s") is an apostrophe.
/// - On a line with at least as many other non-ASCII characters that read correctly as repairs,
///   two-byte and lossy repairs are only suggested ("Bremer/Mccoy – DrÃ¥ber"), unless the repair
///   turns an unknown word into a known name or word ("Peña Nieto met PeÃ±a Nieto").
/// - CP437 "├" sequences count inside a word, and at its edges as a lowercase letter ending a
///   lowercase word ("Guaid├│") or a capital starting one ("├ëvole"), never next to box drawing.
/// - A C1 control right after a character that a code page encodes as a UTF-8 lead ("Ă" +
///   U+0089) is not turned into Windows-1252 punctuation ("Ă‰" would still be mojibake): only
///   suggested. Likewise, when a strong lead (Ã, Â, Ă, ├, √) and the character after it stay
///   unrepaired in a run, the run's other repairs are only suggested ("cafÃ©Ã™").
/// - Lossy forms: "Ã" before a lowercase letter lost its soft hyphen ("AnÃbal" → "Aníbal");
///   "Ã" ending a lowercase word lost a no-break space ("voilÃ le" → "voilà le"); capitals
///   ("Ãngel") only when exactly one candidate is a known word or lexicon name; "â€�" → "�".
/// - C1 controls outside any sequence are Windows-1252 characters read as Latin-1
///   ("parlé\u{85}" → "parlé…").
/// - Text read twice ("cafÃƒÂ©"): a run that re-encodes completely at least twice is decoded
///   layer by layer when its last mojibake layer passes the checks above.
struct MojibakeRule: Rule {
    static let description = RuleDescription(
        identifier: "mojibake",
        name: "Mojibake",
        summary: "Repairs UTF-8 text that was decoded as Windows-1252, Latin-1, Windows-1250, ISO-8859-2, MacRoman, CP437 or Windows-1251",
        discussion: """
            Detects: runs of characters that, re-encoded through a single-byte code page, form valid \
            UTF-8 of plausible characters ("RodrÃ­guez", "MUÃ‘OZ", "â€œ", "Ø±Ø³Ø§Ù„Ø©"); lossy forms \
            where a byte vanished ("AnÃbal") or became U+FFFD ("â€�"); C1 control characters that are \
            Windows-1252 punctuation read as Latin-1. Fixes: replaces the run with the decoded text. \
            Evidence/confidence: 0.9–0.95 for three-byte punctuation, script runs and "Ã" sequences; \
            0.75 for two-byte sequences with an ordinary-letter lead; 0.85 for a "Ã" sequence that \
            makes a lowercase letter ending a two-letter word after its capital ("SÃ­ se puede", \
            "TÃº decides"), when the nearest words on the line are not in capitals and one has a \
            lowercase letter (in a line of capitals, "PREÇO DA LÃ¹ SOBE", or before "»" or "®", \
            the pair is a Portuguese word ending in "Ã" and a sign, left alone); 0.8 for CP437 "├" at the edge of \
            a word ("Guaid├│", "├ëvole"); 0.75–0.9 for lost bytes ("â€" that lost its last byte: \
            "”" at 0.85 when it closes a quotation opened earlier in the line, else 0.5); at most \
            0.65 (a suggestion) when \
            the line also holds correctly encoded non-ASCII text in at least the same number, unless \
            the repaired word is a known name or word and the damaged one is not ("Peña Nieto met \
            PeÃ±a Nieto"). Code pages that cover a run equally but read it differently \
            (Windows-1250 "Peùa", ISO-8859-2 "Peña"): the reading spelled as in the lexicon, then \
            the one with more Spanish letters, wins; a tie is only suggested (0.6). A C1 control \
            right after a possible lead byte ("Ă" + U+0089 read through no page) is only \
            suggested (0.5), never turned into "Ă‰"; a run whose repair would leave a strong lead \
            (Ã, Â, Ă, ├, √) and the character after it unrepaired is only suggested (0.6, \
            "cafÃ©Ã™"). Look-alikes are left alone: real letters followed by punctuation \
            ("MARQUÉ…", "NESTLÉ®"), Portuguese capitals ("NÃO"); a capital Ã ending a word \
            before a closing quote, apostrophe, ellipsis or en dash ("IRMÃ…", "ALEMÃ”", \
            "MAMÃ–PAPAI"), or before any other Windows-1252 symbol or mark at the end of an \
            all-caps word ("CAMPEÃ™", "IRMÃ‹", "CAMPEÃ€"), is only suggested (0.6), as that punctuation ordinarily follows a word \
            (inside a word a quote is no punctuation: "HÃ”TEL" → "HÔTEL"); \
            Cyrillic, Greek and box-drawing text. \
            Cited sequences are left alone: a sequence quoted on its own (`the byte sequence "Ã©"`, \
            'Ã±', “Ã©”, `Ã©` in backticks) or inside an inline code span; on a line that speaks of \
            text encodings ("mojibake", "UTF-8", "Latin-1", "Windows-1252", "encoding", "decoded", \
            "code page", "byte sequence"…) or of garbled text ("garbled", "mangled"), and for a \
            damaged name right after "as", "like" or "into" ("listed the candidate as JosÃ© \
            PÃ©rez"), a repair is at most 0.6 (a suggestion): the text may be an example.
            """,
        phase: .encoding,
        examples: [
            // Windows-1252 two-byte sequences.
            .fix("The governor, Gonz⟦Ã¡⟧lez, resigned.", "The governor, González, resigned."),
            .fix("Enrique Pe⟦Ã±⟧a Nieto travelled.", "Enrique Peña Nieto travelled."),
            .fix("Dr. Mart⟦Ã\u{AD}⟧nez operated.", "Dr. Martínez operated."),
            .fix("The columnist ⟦Ã‰⟧vole wrote.", "The columnist Évole wrote."),
            .fix("The capital, BOGOT⟦Ã\u{81}⟧, voted.", "The capital, BOGOTÁ, voted."),
            .fix("The IBA⟦Ã‘⟧EZ family sued.", "The IBAÑEZ family sued."),
            .fix("The caf⟦Ã©⟧ closed at n⟦Ã¼⟧n.", "The café closed at nün."),
            .fix("A re⟦Ã§⟧u was issued.", "A reçu was issued."),
            .fix("It was 30⟦Â°⟧C in Maracaibo.", "It was 30°C in Maracaibo."),
            .fix("Caracas,⟦Â\u{A0}⟧Venezuela", "Caracas,\u{A0}Venezuela"),
            .fix("A 3⟦Ã—⟧4 grid.", "A 3×4 grid."),
            // Three- and four-byte sequences.
            .fix("He said ⟦â€œ⟧enough⟦â€\u{9D}⟧ twice.", "He said \u{201C}enough\u{201D} twice."),
            // Its last byte lost: the quotation opened before it says it closes with "”".
            .fix("The minister said ⟦â€œ⟧no⟦â€⟧ to the plan.", "The minister said \u{201C}no\u{201D} to the plan."),
            .suggest("The price was 5 â€ for each."),
            .fix("The party⟦â€™⟧s leader spoke.", "The party\u{2019}s leader spoke."),
            .fix("Prices rose ⟦â€”⟧ again.", "Prices rose \u{2014} again."),
            .fix("It cost 5 ⟦â‚¬⟧ per litre.", "It cost 5 € per litre."),
            .fix("Brand⟦â„¢⟧ sales", "Brand\u{2122} sales"),
            .fix("Fans cheered ⟦ðŸ‡»ðŸ‡ª⟧ online.", "Fans cheered 🇻🇪 online."),
            // Other scripts and code pages.
            .fix("The word ⟦Ð¿Ñ€Ð¸Ð²ÐµÑ‚⟧ means hello.", "The word привет means hello."),
            .fix("The city of ⟦Î‘Î¸Î®Î½Î±⟧ voted.", "The city of Αθήνα voted."),
            .fix("Greeting: ⟦×©×œ×•×\u{9D}⟧.", "Greeting: שלום."),
            .fix("Rodr⟦√≠⟧guez spoke.", "Rodríguez spoke."),
            .fix("Rodr⟦Ă\u{AD}⟧guez spoke.", "Rodríguez spoke."),
            .fix("President Vu⟦Ä\u{8D}⟧i⟦Ä‡⟧ arrived.", "President Vučić arrived."),
            // ISO-8859-2 and Windows-1250 disagree: the lexicon and Spanish letters decide.
            .fix("The minister Pe⟦Ăą⟧a spoke.", "The minister Peña spoke."),
            .fix("Alberto N⟦ĂşĂą⟧ez Feijóo and Alicia B⟦ĂĄ⟧rcena met.", "Alberto Núñez Feijóo and Alicia Bárcena met."),
            .fix("Jeanine ⟦Ă\u{81}Ăą⟧ez spoke.", "Jeanine Áñez spoke."),
            .fix("The journalist ⟦Ă\u{89}⟧vole wrote.", "The journalist Évole wrote."),
            // CP437 at the edges of a word.
            .fix("The minister Guaid⟦├│⟧ spoke.", "The minister Guaidó spoke."),
            .fix("⟦├ë⟧vole wrote it.", "Évole wrote it."),
            // A known name outweighs correctly read text on the line.
            .fix("Peña Nieto met Pe⟦Ã±⟧a Nieto.", "Peña Nieto met Peña Nieto."),
            .fix("President Nicolás Maduro and Delcy Rodr⟦Ã\u{AD}⟧guez spoke.", "President Nicolás Maduro and Delcy Rodríguez spoke."),
            // Read through Windows-1252 twice.
            .fix("The caf⟦ÃƒÂ©⟧ opened.", "The café opened."),
            .fix("The party⟦Ã¢â‚¬â„¢⟧s leader.", "The party\u{2019}s leader."),
            // C1 controls read as Latin-1.
            .fix("He paused⟦\u{85}⟧ then left.", "He paused… then left."),
            .fix("⟦\u{93}⟧Yes⟦\u{94}⟧, she said.", "\u{201C}Yes\u{201D}, she said."),
            // Lossy forms.
            .fix("Opposition leader Mar⟦Ã⟧a Corina Machado spoke.", "Opposition leader María Corina Machado spoke."),
            .fix("It was d⟦Ã©⟧j⟦Ã ⟧ vu.", "It was déjà vu."),
            .fix("The striker ⟦Ã⟧ngel Correa scored.", "The striker Ángel Correa scored."),
            .fix("The quote ended ⟦â€\u{FFFD}⟧ there.", "The quote ended \u{FFFD} there."),
            // Suggestions only.
            .suggest("Report – GarcÃ¥s wrote it."),
            .suggest("Bremer/Mccoy – DrÃ¥ber"),
            .suggest("The odd aĎ\u{85} b stays."),
            .suggest("The cafÃ©Ã™ opened."),
            .suggest("He said â€ then left."),
            // Look-alikes: real text.
            .keep("The São Paulo mayor, João Doria, spoke."),
            .keep("The banner read NÃO À GUERRA in SÃO PAULO."),
            // A Portuguese capital Ã ends a word before a closing quote, an ellipsis or a dash:
            // "Ô", "Å", "Ö" at the end of a word are only suggested.
            .suggest("Fans chanted “ALEMÃ” and “CAMPEÃ” in the stands."),
            .suggest("She shouted “NÃO SEI, IRMÃ…” and left."),
            .suggest("The sign read MAÇÃ… and nothing more."),
            // Copy that reports garbled text: the garbling is what it says.
            .suggest("The website displayed the minister's name as \"PeÃ±a\" for two days."),
            .suggest("The garbled name GarcÃ\u{AD}a was corrected by the editors."),
            .suggest("A bug rendered the name as 'RodrÃ\u{AD}guez' on the site for a week."),
            .suggest("Because of a bug the page listed the candidate as JosÃ© PÃ©rez until Tuesday."),
            .suggest("Readers complained that the name looked like GarcÃ\u{AD}a online."),
            .suggest("The bug turned Peña into PeÃ±a on every page, and a printing error turned her surname into MuÃ±oz."),
            // Everyday words are no such report.
            // A two-letter word in title case: a capital, then a lowercase letter ending it.
            .fix("The crowd chanted ⟦â€œÂ¡⟧S⟦Ã\u{AD}⟧ se puede!⟦â€\u{9D}⟧ outside the palace.", "The crowd chanted \u{201C}¡Sí se puede!\u{201D} outside the palace."),
            .fix("\"S⟦Ã\u{AD}⟧,\" the minister answered.", "\"Sí,\" the minister answered."),
            .fix("The slogan T⟦Ãº⟧ decides was everywhere.", "The slogan Tú decides was everywhere."),
            .fix("The deputy answered S⟦Ã\u{AD}⟧; T⟦Ãº⟧ and M⟦Ã©⟧xico followed.", "The deputy answered Sí; Tú and México followed."),
            .fix("In Portuguese S⟦Ã³⟧ means only.", "In Portuguese Só means only."),
            .keep("PREÇO DA LÃ¹ SOBE"),
            .keep("A MENTE SÃ² E O CORPO SÃ³"),
            .keep("The sign said LÃ» and the brand LÃ® was new."),
            .keep("SÃ\u{AD}"),
            .keep("Code 5SÃ\u{AD} and xSÃ\u{AD} stay."),
            .fix("The court rendered its verdict against Jos⟦Ã©⟧ P⟦Ã©⟧rez on Monday.", "The court rendered its verdict against José Pérez on Monday."),
            .fix("The paintings were displayed at the museum in Bogot⟦Ã¡⟧.", "The paintings were displayed at the museum in Bogotá."),
            .fix("He appeared as a witness before Judge Mar⟦Ã\u{AD}⟧a Gonz⟦Ã¡⟧lez.", "He appeared as a witness before Judge María González."),
            .fix("Leaders such as Jos⟦Ã©⟧ P⟦Ã©⟧rez and others like Mar⟦Ã\u{AD}⟧a Gonz⟦Ã¡⟧lez spoke.", "Leaders such as José Pérez and others like María González spoke."),
            .suggest("The poster said MAMÃ–PAPAI in red."),
            .suggest("The crowd sang “IRMÃ’ again."),
            // Any Windows-1252 symbol after a capital Ã ending an all-caps word: only suggested.
            .suggest("O slogan BRASIL CAMPEÃ™ foi registrado."),
            .suggest("Ele gritou IRMÃ‹ e saiu."),
            .suggest("A manchete foi ‹CAMPEÃ› na segunda."),
            .suggest("O jornal publicou CAMPEÃ€ na capa."),
            .suggest("Tabela: Palmeiras CAMPEÃ† (título sub judice)."),
            .fix("O⟦Ã™⟧ ET QUAND?", "OÙ ET QUAND?"),
            .fix("The headline read EL GOBIERNO PAS⟦Ã“⟧ LA LEY.", "The headline read EL GOBIERNO PASÓ LA LEY."),
            .fix("The sign read H⟦Ã”⟧TEL DE VILLE.", "The sign read HÔTEL DE VILLE."),
            .keep("IRMÃ DULCE was canonised."),
            .keep("S Ã O"),
            .keep("A 3×… grid and 2×£40 tickets."),
            .keep("The CAFÉ® brand and the CAFÉ’s menu."),
            .keep("VOCÊ… MARQUÉ… SÓ… AQUÕ…"),
            .keep("“Zoë…” she said."),
            .keep("ВІКНО is Ukrainian; ΑΘΗΝΑ is Greek."),
            .keep("Shohei Ōtani and Novak Đoković won."),
            .keep("Lech Wałęsa visited Łódź and the ČEZ plant in Dvořák Street."),
            .keep("ROMÂNIA and ȘTEFAN and CHÂTEAU."),
            .keep("L’Équipe reported that “Él” was back."),
            .keep("How many Ã’s are there?"),
            .keep("¿Qué? ¡Sí! Þór and Ørsted in Straße."),
            .keep("Müller’s and José’s and Zürich’s plans."),
            .keep("It was 25 °C; © 2024; x² and H₂O."),
            .keep("Nguyễn Phú Trọng met Recep Tayyip Erdoğan in İstanbul."),
            .keep("├─┤ and ├┤a┼┐a line art, a├│─ and │ ├─ file."),
            .keep("The root is = √π/2 and ∆° changed."),
            .keep("A radius of 5 Å– wide."),
            .keep("SELKÄ\u{A0}EDELLÄ and TRANSFORMATORIŲ™"),
            .keep("Unassigned byte \u{81} stays."),
            .keep("The Greek ¨word¨ and ´´quotes´´ in lá´´."),
            .keep("Plain ASCII text with no accents at all."),
            // Cited, not damaged: quoted on its own, in code, or on a line about encodings.
            .keep("In Latin-1 the byte sequence \"Ã©\" is mojibake for é."),
            .keep("Readers who see 'Ã±' where ñ belongs are reading the page in the wrong code page."),
            .keep("The placeholder `Ã©` marks where the accent broke."),
            .keep("Run `print(\"cafÃ©\")` to see the effect."),
            .keep("Old forums often showed “Ã¡” in place of á."),
            .suggest("When UTF-8 is decoded as Windows-1252, café becomes cafÃ©."),
            .suggest("The encoding bug turned Peña into PeÃ±a on every page."),
            .fix("The minister said \"Pe⟦Ã±⟧a\" twice.", "The minister said \"Peña\" twice."),
            .fix("Fans chanted ⟦â€œ⟧Gol!⟦â€\u{9D}⟧ in the stands.", "Fans chanted \u{201C}Gol!\u{201D} in the stands."),
        ])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        if document.isASCII { return [] }
        guard let windows1252 = MojibakeCodePage.windows1252 else { return [] }
        let proposals = document.withBytes { bytes in
            MojibakeDetector(bytes: bytes, context: context, codePages: MojibakeCodePage.all,
                             windows1252: windows1252).proposals()
        }
        let identifier = Self.description.identifier
        let bytes = document.bytes
        // The encoding term of each line with a repair, by the line's start: read once per line.
        var termsByLine: [Int: String?] = [:]
        var lines = LineMemo()
        return proposals.compactMap { proposal in
            var proposal = proposal
            switch Self.quotedExample(proposal.range, in: bytes, lines: &lines) {
            case .alone, .inCode: return nil
            case .no: break
            }
            let lineStart = lines.lineRange(around: proposal.range.lowerBound, in: bytes).lowerBound
            if termsByLine[lineStart] == nil { termsByLine[lineStart] = .some(Self.encodingTerm(onLineOf: proposal.range, in: bytes)) }
            if let term = termsByLine[lineStart] ?? nil {
                proposal.confidence = min(proposal.confidence, Self.encodingProseCap)
                proposal.explanation += "; but the line speaks of text encodings (\"\(term)\"): the damaged text may be an example, so only suggested"
            } else if let word = Self.reportedAs(proposal.range, in: bytes) {
                // "the site showed the name as PeÃ±a", "looked like GarcÃ­a", "turned María
                // into MarÃ­a": the garbled form is what the sentence reports.
                proposal.confidence = min(proposal.confidence, Self.encodingProseCap)
                proposal.explanation += "; but the damaged name follows \"\(word)\": the sentence may report the garbled form, so only suggested"
            }
            return Correction(
                ruleID: identifier, range: TextRange(proposal.range),
                original: document.text(in: proposal.range), replacement: proposal.replacement,
                confidence: proposal.confidence, explanation: proposal.explanation)
        }
    }

    /// The highest confidence of a repair on a line about text encodings: a suggestion.
    static let encodingProseCap = 0.6

    /// How a damaged span stands in its line.
    enum QuotedExample {
        /// Quoted on its own: the whole text between a pair of quotes or backticks (`"Ã©"`,
        /// `'Ã±'`, `“Ã©”`, `` `Ã©` ``), the way prose cites a byte sequence.
        case alone
        /// Inside an inline code span: between a backtick before it and one after it on the line.
        case inCode
        /// Neither.
        case no
    }

    /// Whether the span at `range` is cited rather than damaged: quoted on its own or inside an
    /// inline code span (see ``QuotedExample``), the line's backticks read once through `lines`.
    static func quotedExample(_ range: Range<Int>, in bytes: [UInt8], lines: inout LineMemo) -> QuotedExample {
        // Straight quotes and backticks must open (``ByteClass/opensQuotation(at:in:)``); curly
        // quotes and guillemets say which way they face.
        let pairs: [([UInt8], [UInt8])] = [
            ([0x22], [0x22]), ([0x27], [0x27]), ([0x60], [0x60]),
            ([0xE2, 0x80, 0x9C], [0xE2, 0x80, 0x9D]), ([0xE2, 0x80, 0x98], [0xE2, 0x80, 0x99]),
            ([0xC2, 0xAB], [0xC2, 0xBB]),
        ]
        for (open, close) in pairs {
            let start = range.lowerBound - open.count
            let end = range.upperBound + close.count
            guard start >= 0, end <= bytes.count,
                  bytes[start..<range.lowerBound].elementsEqual(open),
                  bytes[range.upperBound..<end].elementsEqual(close) else { continue }
            if open.count > 1 || open[0] == 0x60 || ByteClass.opensQuotation(at: start, in: bytes) { return .alone }
        }
        return lines.isInInlineCode(range, in: bytes) ? .inCode : .no
    }

    /// Words that say a line is about text encodings or reports garbled text, lowercase; matched
    /// at word boundaries.
    static let encodingTerms = [
        "mojibake", "utf-8", "utf8", "utf-16", "latin-1", "latin1", "iso-8859", "windows-1252",
        "windows-1250", "cp1252", "cp437", "macroman", "code page", "codepage", "charset",
        "character set", "encoding", "encodings", "encoded", "decode", "decoded", "decoding",
        "byte sequence", "byte sequences", "unicode",
        // Copy that reports garbled text ("the garbled name GarcÃ­a").
        "garbled", "garbling", "mangled",
    ]

    /// Words after which a damaged name is what the sentence reports, not its damage: "the
    /// page listed the candidate as JosÃ© PÃ©rez" (not "such as", "as well as", "known as"),
    /// "looked like GarcÃ­a" (not "leaders like"), "turned María into MarÃ­a".
    static let reportingWords: Set<String> = ["as", "like", "into"]

    /// Words before "as" that make it no report of a form: examples ("such as", "as well as")
    /// and roles ("served as", "known as", "worked as").
    static let asOfRoles: Set<String> = [
        "such", "well", "same", "known", "served", "serves", "serving", "acted", "acts", "worked", "works", "elected",
        "appointed", "named", "sworn", "confirmed", "chosen",
    ]

    /// The word of ``reportingWords`` that stands before the name the damaged `range` is in
    /// (back over at most four capitalized words, "and" or "or", and an opening quote: "as 'JosÃ©
    /// PÃ©rez'", "as Ã© and Ã¡"), or `nil`.
    static func reportedAs(_ range: Range<Int>, in bytes: [UInt8]) -> String? {
        var index = range.lowerBound
        // Back to the start of the damaged word.
        while index > 0, bytes[index - 1] != 0x20, bytes[index - 1] != 0x0A { index -= 1 }
        var words = 0
        while index > 0 {
            // Skip the spaces and an opening quote before the word.
            var before = index
            while before > 0, bytes[before - 1] == 0x20 { before -= 1 }
            while before > 0, [0x22, 0x27].contains(bytes[before - 1]) || (before >= 3 && bytes[before - 3] == 0xE2 && bytes[before - 2] == 0x80
                    && (bytes[before - 1] == 0x9C || bytes[before - 1] == 0x98)) {
                before -= bytes[before - 1] < 0x80 ? 1 : 3
            }
            guard before < index, before > 0 else { return nil }
            var start = before
            while start > 0, bytes[start - 1] != 0x20, bytes[start - 1] != 0x0A { start -= 1 }
            let word = String(decoding: bytes[start..<before], as: UTF8.self)
            if reportingWords.contains(word) {
                // The word before it: "such as", "as well as", "leaders like" name examples;
                // "looked like", "turned … into" report a form.
                var end = start
                while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
                var previousStart = end
                while previousStart > 0, bytes[previousStart - 1] != 0x20, bytes[previousStart - 1] != 0x0A { previousStart -= 1 }
                let previous = String(decoding: bytes[previousStart..<end], as: UTF8.self).lowercased()
                switch word {
                case "as": return Self.asOfRoles.contains(previous) ? nil : word
                case "like": return ["looked", "look", "looks", "looking"].contains(previous) ? word : nil
                default:
                    // "turned Peña into PeÃ±a", "turned her surname into …": a verb of change
                    // within the six words before "into".
                    let verbs: Set<String> = ["turned", "turns", "turn", "changed", "changes", "converted", "mangled", "garbled", "corrupted", "rendered"]
                    let head = String(decoding: bytes[max(0, end - 80)..<end], as: UTF8.self).lowercased()
                    let words = head.split(whereSeparator: { !$0.isLetter }).suffix(7)
                    return words.contains { verbs.contains(String($0)) } ? word : nil
                }
            }
            // Another word of the name (capitalized), or "and"/"or" between two reported forms
            // ("appeared as Ã© and Ã¡").
            guard words < 4, let first = word.unicodeScalars.first, first.properties.isUppercase || word == "and" || word == "or" else { return nil }
            words += 1
            index = start
        }
        return nil
    }

    /// The encoding terms as bytes, indexed by their first byte (in ``encodingTerms`` order): an
    /// array, not a dictionary, since it is read at every word start of a line.
    static let encodingTermsByFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for term in encodingTerms.map({ Array($0.utf8) }) { table[Int(term[0])].append(term) }
        return table
    }()

    /// The first encoding term (``encodingTerms``) on the line of `range`, or `nil`. O(*l*) in
    /// the line's length (a few terms are tried at each word start).
    static func encodingTerm(onLineOf range: Range<Int>, in bytes: [UInt8]) -> String? {
        var start = range.lowerBound
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        var end = range.upperBound
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        func isWordByte(_ byte: UInt8) -> Bool { ByteClass.isWordByte(byte) || byte >= 0x80 }
        let table = encodingTermsByFirstByte
        var index = start
        while index < end {
            defer { index += 1 }
            guard index == start || !isWordByte(bytes[index - 1]) else { continue }
            let terms = table[Int(lower(bytes[index]))]
            guard !terms.isEmpty else { continue }
            for term in terms where index + term.count <= end {
                var matches = true
                for offset in 1..<term.count where lower(bytes[index + offset]) != term[offset] {
                    matches = false
                    break
                }
                if matches, index + term.count == end || !isWordByte(bytes[index + term.count]) {
                    return String(decoding: term, as: UTF8.self)
                }
            }
        }
        return nil
    }
}
