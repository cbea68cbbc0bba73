import Foundation
import Testing
import Wirefix
import WirefixTestSupport

/// The bundled lexicon survives every interchange format, and lint is clean on it.
@Suite struct LexiconInterchangeTests {
    @Test func theBundledLexiconSurvivesATBXRoundTrip() throws {
        let lexicon = Fixtures.lexicon
        let back = try TBXInterchange.importLexicon(TBXInterchange.export(lexicon), file: "bundled.tbx")
        #expect(back.entities.count == lexicon.entities.count)
        #expect(back.entities.map(\.withoutOrigin) == lexicon.entities.map(\.withoutOrigin))
        #expect(back.glosses.map { [$0.component, $0.kind.rawValue, $0.source] + $0.translations }
                == lexicon.glosses.map { [$0.component, $0.kind.rawValue, $0.source] + $0.translations })
    }

    @Test func theBundledLexiconSurvivesTheTSVWriter() throws {
        let entities = Fixtures.lexicon.entities
        let back = try LexiconLoader.parseEntities(LexiconWriter.entitiesTSV(entities), file: "all.tsv")
        #expect(back.map(\.withoutOrigin) == entities.map(\.withoutOrigin))
    }

    @Test func lintIsCleanOnTheBundledLexicon() throws {
        let report = LexiconLinter(words: Fixtures.words, names: Fixtures.names)
            .lint(directories: [try BundledData.lexiconDirectory()])
        #expect(report.problems.map(\.description) == [])
    }

    @Test func glossariesNeverCarryAGuardedOrEnglishReadingCalque() {
        let english = GlossaryExport.export(Fixtures.lexicon, pairs: .englishToEnglish, format: .tsv,
                                            words: Fixtures.words, names: Fixtures.names)
        let sources = Set(english.pairs.map { $0.source.lowercased() })
        for phrase in ["free press", "the sixth", "god given hair", "we can", "rose weber", "peter castle"] {
            #expect(!sources.contains(phrase), "\(phrase)")
        }
        #expect(sources.contains("diosdado hair"))
        let spanish = GlossaryExport.export(Fixtures.lexicon, pairs: .spanishToEnglish, format: .csv,
                                            words: Fixtures.words, names: Fixtures.names)
        #expect(spanish.pairs.contains { $0.source == "Diosdado Cabello" && $0.target == "Diosdado Cabello" })
        #expect(!spanish.pairs.contains { $0.source == "Podemos" })
    }
}
