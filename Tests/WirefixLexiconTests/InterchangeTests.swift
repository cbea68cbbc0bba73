import Foundation
import Testing
@testable import WirefixLexicon

/// TBX-Basic import and export, the TSV writer, MT glossaries, statistics and lookup.
@Suite struct InterchangeTests {
    /// A lexicon that uses every field, with characters XML must escape.
    static let lexicon = Lexicon(
        entities: [
            Entity(id: "ve-diosdado-cabello", kind: .person, canonical: "Diosdado Cabello", aliases: ["Diosdado Cabello Rondón"],
                   misspellings: ["Diosdato Cabello"], glosses: ["Diosdado": ["God given", "God-given"]], country: "VE",
                   source: "https://example.org/?a=1&b=<2>", guards: try! VariantGuard.parseField("english=title|country|name").get()),
            Entity(id: "org-la-sexta", kind: .organization, canonical: "La Sexta", aliases: ["laSexta"], glosses: ["La": ["The"]],
                   country: "ES", context: ["channel", "TV"], source: "Wikipedia \"LaSexta\"",
                   guards: try! VariantGuard.parseField("The Sixth=title+country; calque=name").get(), ambiguous: ["La Sexta"], style: .unaccented),
            Entity(id: "es-la-sexta-2", kind: .place, canonical: "La Sexta", country: "ES", source: "test", ambiguous: ["La Sexta"]),
            Entity(id: "9-de-julio", kind: .place, canonical: "Nueve de Julio", country: "AR", source: "test"),
            Entity(id: "br-rosa-weber", kind: .person, canonical: "Rosa Weber", country: "BR", source: "test", style: .accented),
        ],
        glosses: [
            Gloss(component: "Cabello", kind: .surname, translations: ["hair"], source: "Wiktionary (es): cabello"),
            Gloss(component: "Sexta", kind: .word, translations: ["Sixth"], source: "Wiktionary (es): sexto"),
            Gloss(component: "Rosa", kind: .given, translations: ["Rose"], source: "given names"),
        ])

    static func comparable(_ lexicon: Lexicon) -> ([Entity], [String]) {
        (lexicon.entities.map(\.withoutOrigin),
         lexicon.glosses.map { "\($0.component)|\($0.kind)|\($0.translations)|\($0.source)" })
    }

    @Test func tbxRoundTripLosesNothing() throws {
        let data = TBXInterchange.export(Self.lexicon)
        let back = try TBXInterchange.importLexicon(data, file: "x.tbx")
        #expect(Self.comparable(back).0 == Self.comparable(Self.lexicon).0)
        #expect(Self.comparable(back).1 == Self.comparable(Self.lexicon).1)
        // Without calques too: they are regenerated, never stored.
        let lean = try TBXInterchange.importLexicon(TBXInterchange.export(Self.lexicon, includeCalques: false), file: "x.tbx")
        #expect(Self.comparable(lean).0 == Self.comparable(Self.lexicon).0)
    }

    @Test func aDisabledEntityStaysDisabledThroughTBX() throws {
        var layered = Self.lexicon
        layered.apply([LexiconOverride(id: "ve-diosdado-cabello", status: .disabled, note: "desk rule")])
        #expect(layered.disabled.map(\.entity.id) == ["ve-diosdado-cabello"])
        let back = try TBXInterchange.importLexicon(TBXInterchange.export(layered), file: "x.tbx")
        #expect(back.entities.map(\.id) == layered.entities.map(\.id))
        #expect(back.disabled.map(\.entity.withoutOrigin) == layered.disabled.map(\.entity.withoutOrigin))
        #expect(back.disabled.first?.by.status == .disabled)
        // Written as a lexicon directory: the record and an override that disables it, which
        // also disables the bundled entity of that id when the directory is layered on top.
        let overrides = LexiconWriter.overridesTSV(back.disabled.map(\.by))
        #expect(overrides == "id\tstatus\tstyle\tnote\nve-diosdado-cabello\tdisabled\t\tdisabled in the exported lexicon\n")
        let parsed = try LexiconLoader.parseOverrides(overrides, file: "o.tsv")
        var bundled = Self.lexicon
        #expect(bundled.apply(parsed).isEmpty)
        #expect(!bundled.entities.contains { $0.id == "ve-diosdado-cabello" })
    }

    @Test func tbxExportFollowsTBXBasic() throws {
        let text = String(decoding: TBXInterchange.export(Self.lexicon), as: UTF8.self)
        #expect(text.contains("<tbx xmlns=\"urn:iso:std:iso:30042:ed:3.0\""))
        #expect(text.contains("type=\"TBX-Basic\"") && text.contains("style=\"dca\""))
        #expect(text.contains("<conceptEntry id=\"ve-diosdado-cabello\">"))
        // An id that cannot start an XML ID keeps a prefix and a note.
        #expect(text.contains("<conceptEntry id=\"id-9-de-julio\">"))
        #expect(text.contains("<note>wirefix:id=9-de-julio</note>"))
        #expect(text.contains("<admin type=\"source\">https://example.org/?a=1&amp;b=&lt;2&gt;</admin>"))
        #expect(text.contains("<langSec xml:lang=\"pt\">"))  // Rosa Weber, Brazil
        for status in ["preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"] {
            #expect(text.contains("<termNote type=\"administrativeStatus\">\(status)</termNote>"))
        }
        // The generated calque "God given hair" is a deprecated English term marked as a calque.
        #expect(text.contains("""
            <term>God given hair</term>
                        <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
                        <note>wirefix:calque</note>
            """))
        // Only TBX-Basic's four status values appear.
        let statuses = text.components(separatedBy: "\"administrativeStatus\">").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(Set(statuses).isSubset(of: Set(TBXInterchange.Status.allCases.map { Substring($0.rawValue) })))
    }

    @Test func importsTBXFromOtherToolsWithDefaults() throws {
        let tbx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed:3.0">
              <tbxHeader><fileDesc><sourceDesc><p>desk glossary</p></sourceDesc></fileDesc></tbxHeader>
              <text><body>
                <conceptEntry id="C 17">
                  <descrip type="subjectField">Person</descrip>
                  <langSec xml:lang="es"><termSec><term>Delcy Rodríguez</term></termSec></langSec>
                  <langSec xml:lang="en-US">
                    <termSec><term>Delcy Rodriguez</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec>
                    <termSec><term>Delcy Rodríguez</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
                    <termSec><term>Delsy Rodriguez</term><termNote type="administrativeStatus">forbidden</termNote></termSec>
                    <termSec><term>Delcy Eloína Rodríguez</term><termNote type="administrativeStatus">obsolete</termNote></termSec>
                  </langSec>
                </conceptEntry>
              </body></text>
            </tbx>
            """
        let lexicon = try TBXInterchange.importLexicon(Data(tbx.utf8), file: "desk.tbx", defaults: .init(kind: .organization, country: "VE"))
        let entity = try #require(lexicon.entities.first)
        #expect(entity.id == "c-17")
        #expect(entity.kind == .person)  // from the subject field
        #expect(entity.canonical == "Delcy Rodríguez")
        #expect(entity.aliases == ["Delcy Rodriguez", "Delcy Eloína Rodríguez"])
        #expect(entity.misspellings == ["Delsy Rodriguez"])
        #expect(entity.country == "VE")
        #expect(entity.source == "imported from desk.tbx")
        #expect(entity.origin == RecordOrigin(file: "desk.tbx", line: 5))
    }

    /// A termbase above 10 MB imports whole: given as one block, Foundation's XMLParser on Linux
    /// failed such a document after its last element ("XML parser error 1").
    @Test func aTermbaseAboveTenMegabytesImports() throws {
        var tbx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>

            """
        // Few entries, padded with comments, to keep the test quick: the limit is on bytes.
        let count = 15_000
        let padding = "<!-- " + String(repeating: "padding ", count: 60) + "-->"
        for number in 0..<count {
            tbx += """
                <conceptEntry id="p\(number)"><descrip type="subjectField">Person</descrip>\
                <langSec xml:lang="en"><termSec><term>Ana Peña Número \(number)</term>\
                <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>\
                <termSec><term>Ana Pena Numero \(number)</term>\
                <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termSec></langSec></conceptEntry>\(padding)

                """
        }
        tbx += "</body></text></tbx>\n"
        #expect(tbx.utf8.count > 11_000_000)
        let lexicon = try TBXInterchange.importLexicon(Data(tbx.utf8), file: "big.tbx", defaults: .init(country: "VE"))
        #expect(lexicon.entities.count == count)
        let last = try #require(lexicon.entities.last)
        #expect(last.id == "p14999")
        #expect(last.canonical == "Ana Peña Número 14999")
        #expect(last.aliases == ["Ana Pena Numero 14999"])
        #expect(last.origin == RecordOrigin(file: "big.tbx", line: count + 2))
    }

    @Test func importsTheOlderMartifLayout() throws {
        let tbx = """
            <?xml version="1.0"?>
            <martif type="TBX-Basic" xml:lang="en"><text><body>
            <termEntry id="pe-pedro-castillo">
              <langSet xml:lang="en">
                <tig><term>Pedro Castillo</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
                <ntig><termGrp><term>Peter Castle</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp></ntig>
              </langSet>
            </termEntry>
            </body></text></martif>
            """
        let lexicon = try TBXInterchange.importLexicon(Data(tbx.utf8), file: "old.tbx", defaults: .init(kind: .person, country: "PE"))
        #expect(lexicon.entities.map(\.canonical) == ["Pedro Castillo"])
        #expect(lexicon.entities.first?.misspellings == ["Peter Castle"])
    }

    @Test func badTBXNamesFileAndLine() {
        let unknownStatus = """
            <tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>
            <conceptEntry id="a">
            <langSec xml:lang="en"><termSec><term>Ana Flores</term>
            <termNote type="administrativeStatus">maybe</termNote></termSec></langSec>
            </conceptEntry></body></text></tbx>
            """
        #expect(throws: LexiconError(file: "x.tbx", line: 4, message: "unknown administrative status 'maybe' (expected preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts, supersededTerm-admn-sts)")) {
            try TBXInterchange.importLexicon(Data(unknownStatus.utf8), file: "x.tbx")
        }
        let invalidRecord = """
            <tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>
            <conceptEntry id="a"><note>wirefix:country=Venezuela</note>
            <langSec xml:lang="en"><termSec><term>Ana Flores</term></termSec></langSec>
            </conceptEntry></body></text></tbx>
            """
        #expect(throws: LexiconError(file: "x.tbx", line: 2, message: "column 'country': expected an ISO 3166-1 alpha-2 code such as VE (or INT, or a user-assigned code such as XK), found 'Venezuela'")) {
            try TBXInterchange.importLexicon(Data(invalidRecord.utf8), file: "x.tbx")
        }
        #expect(throws: LexiconError.self) {
            try TBXInterchange.importLexicon(Data("<tbx><text>\n<body></text>".utf8), file: "x.tbx")
        }
    }

    @Test func aTermWithAListSeparatorAndANonTBXDocumentAreRefused() {
        let piped = """
            <tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>
            <conceptEntry id="a">
            <langSec xml:lang="en"><termSec>
            <term>Ana|Flores</term></termSec></langSec>
            </conceptEntry></body></text></tbx>
            """
        #expect(throws: LexiconError(file: "x.tbx", line: 4, message: "term 'Ana|Flores' contains '|', which a lexicon name cannot hold")) {
            try TBXInterchange.importLexicon(Data(piped.utf8), file: "x.tbx")
        }
        let html = "<html>\n<body><p>Not a termbase</p></body></html>"
        #expect(throws: LexiconError(file: "page.html", line: 1, message: "not a TBX document: the root element is <html>, expected <tbx> (TBX v3) or <martif> (TBX v2)")) {
            try TBXInterchange.importLexicon(Data(html.utf8), file: "page.html")
        }
    }

    @Test func aTermIsCheckedOnItsOwnLineAndEntityDeclarationsAreRefused() {
        // "Peña" decomposed (n + U+0303) in an alias on line 5: the message names line 5, not the
        // entry's line 2.
        let decomposed = """
            <tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>
            <conceptEntry id="a">
            <langSec xml:lang="en">
            <termSec><term>Rander Peña</term></termSec>
            <termSec><term>Pen\u{0303}a</term></termSec></langSec>
            </conceptEntry></body></text></tbx>
            """
        #expect(throws: LexiconError(file: "x.tbx", line: 5, message: "term 'Pen\u{0303}a' is not in Unicode NFC")) {
            try TBXInterchange.importLexicon(Data(decomposed.utf8), file: "x.tbx")
        }
        let spaced = """
            <tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>
            <conceptEntry id="a">
            <langSec xml:lang="en">
            <termSec><term>Rander  Peña</term></termSec></langSec>
            </conceptEntry></body></text></tbx>
            """
        #expect(throws: LexiconError(file: "x.tbx", line: 4, message: "term 'Rander  Peña' has a double space")) {
            try TBXInterchange.importLexicon(Data(spaced.utf8), file: "x.tbx")
        }
        // An internal entity would be imported as a hole in the term ("Rander " for "Rander &pe;").
        let entity = """
            <?xml version="1.0"?>
            <!DOCTYPE tbx [
            <!ENTITY pe "Peña">
            ]>
            <tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>
            <conceptEntry id="a">
            <langSec xml:lang="en"><termSec><term>Rander &pe;</term></termSec></langSec>
            </conceptEntry></body></text></tbx>
            """
        #expect(throws: LexiconError(file: "x.tbx", line: 3, message: "the document declares the XML entity 'pe'; entity declarations are not supported in a TBX import (write the text out)")) {
            try TBXInterchange.importLexicon(Data(entity.utf8), file: "x.tbx")
        }
    }

    @Test func dctStyleStatusesAreRead() throws {
        // TBX v3 DCT style names the data category by element: the deprecated term listed first
        // must not become the canonical name.
        let dct = """
            <tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic">
            <text><body>
            <conceptEntry id="pe-julio-bolanos"><note>wirefix:type=person</note><note>wirefix:country=PE</note>
            <langSec xml:lang="en">
            <termSec><term>Julio Bolanos</term><basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus></termSec>
            <termSec><term>Julio Bolaños</term><basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus></termSec>
            </langSec></conceptEntry></body></text></tbx>
            """
        let lexicon = try TBXInterchange.importLexicon(Data(dct.utf8), file: "dct.tbx")
        #expect(lexicon.entities.map(\.canonical) == ["Julio Bolaños"])
        #expect(lexicon.entities.first?.misspellings == ["Julio Bolanos"])
    }

    @Test func termsThatWouldLoseTextAreRefused() {
        let highlighted = """
            <tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>
            <conceptEntry id="a">
            <langSec xml:lang="en"><termSec>
            <term>Marisela Villavi<hi>c</hi>encio</term></termSec></langSec>
            </conceptEntry></body></text></tbx>
            """
        #expect(throws: LexiconError(file: "x.tbx", line: 4, message: "term holds the inline element <hi>; write the term as plain text")) {
            try TBXInterchange.importLexicon(Data(highlighted.utf8), file: "x.tbx")
        }
        // An entity of an external DTD (TBX v2's TBXcdv04.dtd declares &ntilde;), or of none.
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd">
            <martif type="TBX" xml:lang="en"><text><body>
            <!-- &nbsp; in a comment is no reference -->
            <termEntry id="a"><langSet xml:lang="en"><tig><term>Julio Bola&ntilde;os &amp; Co</term></tig></langSet>
            </termEntry></body></text></martif>
            """
        #expect(throws: LexiconError(file: "x.tbx", line: 5, message: "the entity reference '&ntilde;' cannot be resolved in a TBX import; write the character itself (or a character reference such as &#241;)")) {
            try TBXInterchange.importLexicon(Data(external.utf8), file: "x.tbx")
        }
        let german = """
            <tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>
            <conceptEntry id="a">
            <langSec xml:lang="de"><termSec><term>Freie Presse</term></termSec></langSec>
            </conceptEntry></body></text></tbx>
            """
        #expect(throws: LexiconError(file: "x.tbx", line: 3, message: "entry has no English language section (xml:lang=\"en\"), only 'de'")) {
            try TBXInterchange.importLexicon(Data(german.utf8), file: "x.tbx")
        }
    }

    @Test func characterReferencesAreReadAsTheCharacter() throws {
        let referenced = """
            <tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>
            <conceptEntry id="pe-julio-bolanos"><note>wirefix:type=person</note><note>wirefix:country=PE</note>
            <langSec xml:lang="en"><termSec><term>Julio Bola&#241;os</term></termSec></langSec>
            </conceptEntry></body></text></tbx>
            """
        #expect(try TBXInterchange.importLexicon(Data(referenced.utf8), file: "x.tbx").entities.map(\.canonical) == ["Julio Bolaños"])
    }

    @Test func tsvWriterRoundTrip() throws {
        let text = LexiconWriter.entitiesTSV(Self.lexicon.entities, comment: "written by a test")
        #expect(text.hasPrefix("# written by a test\nid\ttype\tcanonical\t"))
        let back = try LexiconLoader.parseEntities(text, file: "w.tsv")
        #expect(back.map(\.withoutOrigin) == Self.lexicon.entities.map(\.withoutOrigin))
        let glosses = try LexiconLoader.parseGlosses(LexiconWriter.glossesTSV(Self.lexicon.glosses), file: "g.tsv")
        #expect(glosses.map(\.translations) == [["hair"], ["Sixth"], ["Rose"]])
        #expect(LexiconWriter.glossesField(of: Self.lexicon.entities[0]) == "Diosdado=God given|God-given")
    }

    @Test func glossaryExportsForMTEngines() {
        let words = EnglishWordList(rankedWords: [("the", 9), ("sixth", 8)])
        let names = EnglishNameList(givenNames: ["rose": 1], surnames: ["weber": 1])
        let spanish = GlossaryExport.export(Self.lexicon, pairs: .spanishToEnglish, format: .csv, words: words, names: names)
        // "La Sexta" is an ordinary phrase ("the sixth"): left out. A given name never makes a
        // name ordinary ("Rosa Weber"), nor does a person's own gloss ("Diosdado").
        #expect(spanish.text == """
            Diosdado Cabello,Diosdado Cabello
            Diosdado Cabello Rondón,Diosdado Cabello Rondón
            Diosdato Cabello,Diosdado Cabello
            laSexta,laSexta
            Nueve de Julio,Nueve de Julio
            Rosa Weber,Rosa Weber

            """)
        #expect(spanish.skipped == ["La Sexta: every word is an ordinary word with a gloss", "La Sexta: every word is an ordinary word with a gloss"])
        let english = GlossaryExport.export(Self.lexicon, pairs: .englishToEnglish, format: .tsv, words: words, names: names)
        // "God given hair" has no word in this small word list: no English, no guard, written.
        #expect(english.text.contains("God given hair\tDiosdado Cabello\n"))
        #expect(english.text.contains("Diosdato Cabello\tDiosdado Cabello\n"))
        #expect(english.text.contains("God given Cabello\tDiosdado Cabello\n"))
        #expect(english.text.contains("Diosdado hair\tDiosdado Cabello\n"))
        // "The Sixth" reads as English and is guarded; "Rose Weber" reads as an English name.
        #expect(!english.text.contains("The Sixth"))
        #expect(!english.text.contains("Rose Weber"))
        #expect(english.skipped.contains("Rose Weber: reads as English (every word is a common English name)"))
        // With "hair" a common word and "diosdado" unknown: "Diosdado hair" keeps an anchor no
        // English text has and is written; with "God given" common too, "God given hair" is
        // all English words and left out; a given name mixed with a word ("Rose hair", were it a
        // variant) counts as English for a glossary that knows no context.
        let fuller = EnglishWordList(rankedWords: [("the", 9), ("sixth", 8), ("hair", 7), ("god", 6), ("given", 5)])
        let strict = GlossaryExport.export(Self.lexicon, pairs: .englishToEnglish, format: .tsv, words: fuller, names: names)
        #expect(strict.text.contains("Diosdado hair\tDiosdado Cabello\n"))
        #expect(!strict.text.contains("God given hair\tDiosdado Cabello\n"))
        #expect(strict.text.contains("God given hair Rondón\tDiosdado Cabello Rondón\n"))
        #expect(EnglishReading.mixedReason(["rose", "hair"], words: fuller, names: names) == "every word is common English or a common English name")
        #expect(EnglishReading.mixedReason(["rose", "cabello"], words: fuller, names: names) == nil)
        #expect(EnglishReading.reason(["rose", "hair"], words: fuller, names: names) == nil)
        #expect(GlossaryExport.row(for: ["Cabello, Diosdado", "say \"hi\""], format: .csv) == "\"Cabello, Diosdado\",\"say \"\"hi\"\"\"\n")
    }

    @Test func statisticsCountEntitiesVariantsAndGlossedComponents() {
        let statistics = LexiconStatistics(lexicon: Self.lexicon)
        #expect(statistics.total.entities == 5)
        #expect(statistics.byKind[.person]?.entities == 2)
        #expect(statistics.byCountry["ES"]?.entities == 2)
        #expect(statistics.byCountryAndKind["ES"]?[.place]?.entities == 1)
        // Cabello, Sexta, Rosa shared; Diosdado and La own.
        #expect(statistics.glossedComponents == 5)
        #expect(statistics.sharedGlossComponents == 3)
        #expect(statistics.guardedEntities == 2)
        #expect(statistics.styledEntities == 2)
        let gazetteer = Gazetteer(lexicon: Self.lexicon)
        #expect(statistics.total.variants == gazetteer.variants.count)
        #expect(statistics.total.calques == gazetteer.variants.filter { $0.translatedCount > 0 }.count)
        #expect(statistics.text.hasPrefix("entities: 5  variants: \(gazetteer.variants.count)"))
    }

    @Test func lookupExplainsEveryVariant() throws {
        let words = EnglishWordList(rankedWords: [("god", 3), ("given", 2), ("hair", 1)])
        let lookup = LexiconLookup(lexicon: Self.lexicon, words: words, names: EnglishNameList())
        let entries = lookup.lookup("god-given HAIR")
        #expect(entries.map(\.entity.id) == ["ve-diosdado-cabello"])
        let first = try #require(entries.first?.variants.first)
        #expect(first.matchesQuery)
        #expect(first.text == "God given hair")
        #expect(first.reasons == [
            "\"Diosdado\" as \"God given\" (own gloss, <memory>:0)",
            "\"Cabello\" as \"hair\" (surname gloss, <memory>:0: Wiktionary (es): cabello)",
        ])
        #expect(first.guardDescription == "english=title|country|name (every word is common English)")
        // By id, and by a word of the name.
        #expect(lookup.lookup("org-la-sexta").map(\.foundBy) == ["id"])
        #expect(lookup.lookup("Sexta").map(\.entity.id) == ["org-la-sexta", "es-la-sexta-2"])
        let shared = try #require(lookup.lookup("La Sexta").first?.variants.first)
        #expect(shared.sharedWith == ["es-la-sexta-2"])
        #expect(lookup.lookup("nobody").isEmpty)
        #expect(LexiconLookup.text(of: entries).contains("  * God given hair → Diosdado Cabello: canonical; "))
    }

    @Test func lookupFindsDisabledEntities() throws {
        var lexicon = Self.lexicon
        lexicon.apply([LexiconOverride(id: "br-rosa-weber", status: .disabled, origin: RecordOrigin(file: "o.tsv", line: 2))])
        let lookup = LexiconLookup(lexicon: lexicon, words: EnglishWordList(rankedWords: []), names: EnglishNameList())
        let entries = lookup.lookup("Rose Weber")
        #expect(entries.map(\.entity.id) == ["br-rosa-weber"])
        #expect(entries.first?.disabledBy == RecordOrigin(file: "o.tsv", line: 2))
        #expect(LexiconLookup.text(of: entries).contains("DISABLED by the override at o.tsv:2"))
    }
}
