import Foundation
import Testing
@testable import WirefixLexicon

@Suite struct VariantGuardTests {
    let header = "id\ttype\tcanonical\taliases\tmisspellings\tglosses\tcountry\tcontext\tsource\tguards\tambiguous\tstyle"

    @Test func parsesSelectorsAlternativesAndConjunctions() throws {
        let guards = try VariantGuard.parseField("translated=title|country; The Sixth=title+country; *=name; english=title|country|name").get()
        #expect(guards.map(\.selector) == [.translated, .variant("The Sixth"), .all, .english])
        #expect(guards[0].alternatives == [[.title], [.country]])
        #expect(guards[1].alternatives == [[.title, .country]])
        #expect(guards[1].selectorTokens == ["the", "sixth"])
        #expect(VariantGuard.formatField(guards) == "translated=title|country; The Sixth=title+country; *=name; english=title|country|name")
        #expect(try VariantGuard.parseField(VariantGuard.formatField(guards)).get() == guards)
    }

    @Test func satisfactionNeedsEveryConditionOfOneAlternative() throws {
        let guards = try VariantGuard.parseField("calque=title+country|name").get()
        #expect(guards[0].isSatisfied { $0 == .name })
        #expect(guards[0].isSatisfied { $0 == .title || $0 == .country })
        #expect(!guards[0].isSatisfied { $0 == .title })
        #expect(!guards[0].isSatisfied { _ in false })
    }

    @Test func malformedGuardsNameTheProblem() {
        #expect(VariantGuard.parseField("translated") == .failure(GuardSyntaxError("expected 'Selector=condition|condition', found 'translated'")))
        #expect(VariantGuard.parseField("translated=titel") == .failure(GuardSyntaxError("unknown guard condition 'titel' for 'translated' (expected title, country or name)")))
        #expect(VariantGuard.parseField("=title") == .failure(GuardSyntaxError("missing selector before '=' in '=title' (use *, calque, translated, english or a variant's text)")))
        #expect(VariantGuard.parseField("calque=title; calque=name") == .failure(GuardSyntaxError("selector 'calque' is guarded twice")))
        #expect(VariantGuard.parseField("calque=title|") == .failure(GuardSyntaxError("unknown guard condition '' for 'calque' (expected title, country or name)")))
    }

    @Test func theLoaderReadsGuardsAmbiguityAndStyleAndNamesBadOnes() throws {
        let text = "\(header)\norg-la-sexta\torganization\tLa Sexta\tlaSexta\t\tLa=The\tES\tchannel\tsrc\ttranslated=title|country; laSexta=name\tLa Sexta\tunaccented\n"
        let entity = try #require(try LexiconLoader.parseEntities(text, file: "x.tsv").first)
        #expect(entity.guards.map(\.description) == ["translated=title|country", "laSexta=name"])
        #expect(entity.ambiguous == ["La Sexta"])
        #expect(entity.style == .unaccented)
        let bad = "\(header)\norg-a\torganization\tLa Sexta\t\t\t\tES\t\tsrc\ttranslated=channel\n"
        #expect(throws: LexiconError(file: "x.tsv", line: 2, message: "column 'guards': unknown guard condition 'channel' for 'translated' (expected title, country or name)")) {
            try LexiconLoader.parseEntities(bad, file: "x.tsv")
        }
        let badStyle = "\(header)\norg-a\torganization\tLa Sexta\t\t\t\tES\t\tsrc\t\t\tAP\n"
        #expect(throws: LexiconError(file: "x.tsv", line: 2, message: "column 'style': expected accented or unaccented, found 'AP'")) {
            try LexiconLoader.parseEntities(badStyle, file: "x.tsv")
        }
    }

    @Test func rowsMayLeaveOffTrailingOptionalColumnsButNotRequiredOnes() throws {
        // The header has the three optional columns after `source`; the first row stops there.
        let text = "\(header)\nve-a\tperson\tAna Flores\t\t\t\tVE\t\tsrc\nve-b\tperson\tRosa Flores\t\t\t\tVE\t\tsrc\t*=title\n"
        let entities = try LexiconLoader.parseEntities(text, file: "x.tsv")
        #expect(entities.map(\.guards.count) == [0, 1])
        let missingSource = "id\ttype\tcanonical\tcountry\tsource\tguards\nve-a\tperson\tAna Flores\tVE\n"
        #expect(throws: LexiconError(file: "x.tsv", line: 2, message: "expected 6 tab-separated fields, found 4")) {
            try LexiconLoader.parseEntities(missingSource, file: "x.tsv")
        }
    }

    @Test func theGazetteerGivesEachVariantItsMostSpecificGuard() throws {
        let entity = Entity(
            id: "org-la-sexta", kind: .organization, canonical: "La Sexta", aliases: ["laSexta"],
            glosses: ["La": ["The"], "Sexta": ["Sixth"]], country: "ES", source: "test",
            guards: try VariantGuard.parseField("calque=name; translated=country; The Sixth=title").get())
        let gazetteer = Gazetteer(lexicon: Lexicon(entities: [entity]))
        let guardOf = Dictionary(uniqueKeysWithValues: gazetteer.variants.map {
            ($0.foldedTokens.joined(separator: " "), $0.contextGuard?.description ?? "-")
        })
        #expect(guardOf["la sexta"] == "-")
        #expect(guardOf["lasexta"] == "-")
        #expect(guardOf["the sexta"] == "calque=name")
        // "La" is a name particle: "La Sixth" counts as fully translated.
        #expect(guardOf["la sixth"] == "translated=country")
        #expect(guardOf["sixth the"] == "translated=country")
        #expect(guardOf["the sixth"] == "The Sixth=title")
    }

    @Test func theEnglishSelectorCoversOnlyVariantsThatReadAsEnglish() throws {
        let words = EnglishWordList(rankedWords: [("the", 100), ("free", 90), ("press", 80), ("mature", 70), ("nicholas", 60)])
        let names = EnglishNameList(givenNames: ["nicholas": 1, "rose": 2], surnames: ["weber": 1])
        #expect(EnglishReading.reason(["free", "press"], words: words, names: names) == "every word is common English")
        #expect(EnglishReading.reason(["rose", "weber"], words: words, names: names) == "every word is a common English name")
        #expect(EnglishReading.reason(["rose"], words: words, names: names) == "a common English name")
        // A given name is no common word: "Nicholas Mature" is neither phrase nor name.
        #expect(EnglishReading.reason(["nicholas", "mature"], words: words, names: names) == nil)
        let weber = Entity(id: "br-rosa-weber", kind: .person, canonical: "Rosa Weber", country: "BR", source: "test",
                           guards: try VariantGuard.parseField("english=title").get())
        let maduro = Entity(id: "ve-nicolas-maduro", kind: .person, canonical: "Nicolás Maduro", glosses: ["Maduro": ["mature"]],
                            country: "VE", source: "test", guards: try VariantGuard.parseField("english=title").get())
        let lexicon = Lexicon(entities: [weber, maduro], glosses: [
            Gloss(component: "Rosa", kind: .given, translations: ["Rose"], source: "test"),
            Gloss(component: "Nicolás", kind: .given, translations: ["Nicholas"], source: "test"),
        ])
        let gazetteer = Gazetteer(lexicon: lexicon)
        func effective(_ key: String) -> String? {
            let variant = gazetteer.variants.first { $0.foldedTokens.joined(separator: " ") == key }!
            return VariantGuard.effectiveGuard(for: variant, of: gazetteer.entities[variant.entityIndex], words: words, names: names)?.description
        }
        #expect(effective("rose weber") == "english=title")
        #expect(effective("rosa weber") == nil)  // the name itself is no calque
        #expect(effective("nicholas mature") == nil)
        #expect(effective("nicolas mature") == nil)
    }
}
