import Foundation
import Testing
import Wirefix
import WirefixTestSupport

/// `wirefix lexicon stats | lookup | export | import`, run as the real binary.
@Suite struct LexiconCommandsTests {
    @Test func statsCountTheBundledLexicon() throws {
        let result = try WirefixBinary.run(["lexicon", "stats"])
        #expect(result.status == 0)
        let statistics = LexiconStatistics(lexicon: Fixtures.lexicon)
        #expect(result.outputText == statistics.text)
        #expect(result.outputText.hasPrefix("entities: \(Fixtures.lexicon.entities.count)  variants: "))
        #expect(result.outputText.contains("\nperson "))
        #expect(result.outputText.contains("\nVE "))
    }

    @Test func lookupExplainsAVariantAndFailsOnAnUnknownName() throws {
        let found = try WirefixBinary.run(["lexicon", "lookup", "God given hair"])
        #expect(found.status == 0)
        #expect(found.outputText.hasPrefix("ve-diosdado-cabello (person, VE): Diosdado Cabello   [found by variant]\n"))
        #expect(found.outputText.contains("  * God given hair → Diosdado Cabello: canonical; \"Diosdado\" as \"God given\" (own gloss, "))
        #expect(found.outputText.contains("guard english=title|country|name (every word is common English)"))
        let missing = try WirefixBinary.run(["lexicon", "lookup", "Nobody Anywhere Xyzzy"])
        #expect(missing.status == 1)
        #expect(missing.outputText == "no entity has a variant or a name word 'Nobody Anywhere Xyzzy'\n")
    }

    @Test func exportAndImportRoundTripAUserLexicon() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("desk/entities"), withIntermediateDirectories: true)
        let original = """
            id\ttype\tcanonical\taliases\tmisspellings\tglosses\tcountry\tcontext\tsource\tguards\tambiguous\tstyle
            xx-ana-flores\tperson\tAna Flores\tAna María Flores\tAnna Flores\tFlores=flowers\tVE\t\thand-made\tenglish=title|country\t\tunaccented
            xx-prensa\torganization\tPrensa Desk\t\t\tPrensa=press; Desk=desk\tGT\tnewspaper\thand-made\ttranslated=title

            """
        _ = try directory.write("desk/entities/desk.tsv", original)
        let tbx = directory.path("desk.tbx")
        let export = try WirefixBinary.run(["lexicon", "export", "--no-bundled", "--lexicon", directory.path("desk"), "--format", "tbx", "-o", tbx])
        #expect(export.status == 0)
        let text = try String(contentsOfFile: tbx, encoding: .utf8)
        #expect(text.contains("<term>Anna Flores</term>"))
        #expect(text.contains("<term>Ana flowers</term>"))
        let imported = try WirefixBinary.run(["lexicon", "import", tbx, "--to", directory.path("back")])
        #expect(imported.status == 0)
        #expect(imported.outputText == "imported 2 entities and 0 glosses into \(directory.path("back"))\n")
        let back = try LexiconLoader.load(directories: [directory.url.appendingPathComponent("back")])
        let before = try LexiconLoader.load(directories: [directory.url.appendingPathComponent("desk")])
        #expect(back.entities.map(\.withoutOrigin) == before.entities.map(\.withoutOrigin))
        // A second import does not overwrite without --force.
        let again = try WirefixBinary.run(["lexicon", "import", tbx, "--to", directory.path("back")])
        #expect(again.status == 2)
        #expect(again.errorText == "wirefix: \(directory.path("back"))/entities/desk.tsv: exists; use --force to replace it\n")
        #expect(try WirefixBinary.run(["lexicon", "import", tbx, "--to", directory.path("back"), "--force"]).status == 0)
        // A default country that is no code is one usage error, not one error per entry.
        let uk = try WirefixBinary.run(["lexicon", "import", tbx, "--to", directory.path("uk"), "--country", "UK"])
        #expect(uk.status == 64)
        #expect(uk.errorText.hasPrefix("Error: --country must be an ISO 3166-1 alpha-2 code such as VE (or INT, or a user-assigned code such as XK), not 'UK'\n"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("uk")))
        #expect(try WirefixBinary.run(["lexicon", "import", tbx, "--to", directory.path("gb"), "--country", "GB"]).status == 0)
    }

    /// A desk directory that disables a bundled entity exports on its own (`--no-bundled`): the
    /// override of the bundled id is left out with a warning naming it, the directory's own
    /// disabled entity travels; `stats --no-bundled` was not affected.
    @Test func exportingADirectoryWithoutTheBundledLexiconLeavesOutOverridesOfBundledEntities() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("desk/entities"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("desk/overrides"), withIntermediateDirectories: true)
        _ = try directory.write("desk/entities/desk.tsv", """
            id\ttype\tcanonical\tcountry\tsource
            xx-ana-flores\tperson\tAna Flores\tVE\thand-made
            xx-luis-mora\tperson\tLuis Mora\tVE\thand-made

            """)
        _ = try directory.write("desk/overrides/desk.tsv", """
            id\tstatus
            ve-diosdado-cabello\tdisabled
            xx-luis-mora\tdisabled

            """)
        let tbx = directory.path("desk.tbx")
        let export = try WirefixBinary.run(["lexicon", "export", "--no-bundled", "--lexicon", directory.path("desk"), "--format", "tbx", "-o", tbx])
        #expect(export.status == 0)
        #expect(export.errorText == "wirefix: left out 1 override of entities the exported directories do not hold (bundled entities, kept only with the bundled lexicon): \(directory.path("desk"))/overrides/desk.tsv:2 've-diosdado-cabello'\n")
        let text = try String(contentsOfFile: tbx, encoding: .utf8)
        #expect(text.contains("<term>Ana Flores</term>"))
        #expect(text.contains("<term>Luis Mora</term>"))
        #expect(text.contains("wirefix:status=disabled"))
        #expect(!text.contains("Cabello"))
        // With the bundled lexicon the override applies, and nothing is left out.
        let layered = try WirefixBinary.run(["lexicon", "export", "--lexicon", directory.path("desk"), "--format", "tbx", "-o", directory.path("all.tbx")])
        #expect(layered.status == 0)
        #expect(layered.errorText == "")
    }

    @Test func glossaryExportIsTwoColumnsWithoutAHeader() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("desk/entities"), withIntermediateDirectories: true)
        _ = try directory.write("desk/entities/desk.tsv", """
            id\ttype\tcanonical\tmisspellings\tcountry\tsource
            cn-li-mingxiang\tperson\tLi Mingxiang\tLin Mingxiang\tCN\thand-made

            """)
        let spanish = try WirefixBinary.run(["lexicon", "export", "--no-bundled", "--lexicon", directory.path("desk"), "--format", "csv"])
        #expect(spanish.status == 0)
        #expect(spanish.outputText == "Li Mingxiang,Li Mingxiang\nLin Mingxiang,Li Mingxiang\n")
        #expect(spanish.errorText == "wirefix: 2 pairs written, 0 terms left out\n")
        let english = try WirefixBinary.run(["lexicon", "export", "--no-bundled", "--lexicon", directory.path("desk"), "--format", "tsv", "--pairs", "en-en"])
        #expect(english.outputText == "Lin Mingxiang\tLi Mingxiang\n")
        let bad = try WirefixBinary.run(["lexicon", "export", "--format", "csv", "--pairs", "es-fr"])
        #expect(bad.status == 64)
    }

    @Test func variantsExportIsTheCommittedTable() throws {
        let result = try WirefixBinary.run(["lexicon", "export", "--format", "variants"])
        #expect(result.status == 0)
        #expect(result.outputText == VariantTable.text(of: Fixtures.lexicon, words: Fixtures.words, names: Fixtures.names))
    }
}
