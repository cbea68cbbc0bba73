import Foundation
import Testing
import Wirefix
import WirefixTestSupport

/// `Lexicons/generated/variants.tsv` must hold exactly the variants the bundled lexicon generates.
@Suite struct GeneratedVariantsTests {
    @Test func theCommittedVariantTableIsCurrent() throws {
        let url = Fixtures.repositoryRoot.appendingPathComponent("Lexicons/generated/variants.tsv")
        let committed = try String(contentsOf: url, encoding: .utf8)
        let current = VariantTable.text(of: Fixtures.lexicon, words: Fixtures.words, names: Fixtures.names)
        if committed != current {
            let old = Set(committed.split(separator: "\n")), new = Set(current.split(separator: "\n"))
            let added = new.subtracting(old).sorted().prefix(5), removed = old.subtracting(new).sorted().prefix(5)
            Issue.record("""
                Lexicons/generated/variants.tsv is out of date; run Scripts/generate-variants.sh.
                New variants (first 5): \(added.joined(separator: " / "))
                Gone (first 5): \(removed.joined(separator: " / "))
                """)
        }
    }

    @Test func theTableListsEveryCombinationOfTranslatedComponents() {
        let lexicon = Lexicon(
            entities: [Entity(id: "ve-diosdado-cabello", kind: .person, canonical: "Diosdado Cabello",
                              glosses: ["Diosdado": ["God given"]], country: "VE", source: "test",
                              guards: [VariantGuard(selector: .translated, alternatives: [[.title], [.country]])])],
            glosses: [Gloss(component: "Cabello", kind: .surname, translations: ["hair"], source: "test")])
        let rows = VariantTable.text(of: lexicon, words: EnglishWordList(rankedWords: []), names: EnglishNameList())
            .split(separator: "\n").dropFirst()
        #expect(Array(rows) == [
            "entity\tvariant\tform\ttranslated\tguard",
            "ve-diosdado-cabello\tDiosdado Cabello\tcanonical\t0\t",
            "ve-diosdado-cabello\tDiosdado hair\tcanonical\t1\t",
            "ve-diosdado-cabello\tGod given Cabello\tcanonical\t1\t",
            "ve-diosdado-cabello\tGod given hair\tcanonical\t2\ttranslated=title|country",
        ])
    }
}
