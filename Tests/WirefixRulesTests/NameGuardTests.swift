import Testing
import Wirefix
import WirefixTestSupport

/// Context guards, per-entity house style and disabled entities, as the name rules honor them.
@Suite struct NameGuardTests {
    static let glosses = [
        Gloss(component: "Prensa", kind: .word, translations: ["press"], source: "test"),
        Gloss(component: "Libre", kind: .word, translations: ["free"], source: "test"),
        Gloss(component: "Rosa", kind: .given, translations: ["Rose"], source: "test"),
        Gloss(component: "Nicolás", kind: .given, translations: ["Nicholas"], source: "test"),
        Gloss(component: "Maduro", kind: .surname, translations: ["mature"], source: "test"),
    ]

    func corrector(_ entities: [Entity], keepUnaccented: Bool = false, disable: [String] = []) throws -> Corrector {
        var lexicon = Lexicon(entities: entities, glosses: Self.glosses)
        lexicon.apply(disable.map { LexiconOverride(id: $0, status: .disabled) })
        return try Corrector(lexicon: lexicon, words: Fixtures.words, names: Fixtures.names, countries: Fixtures.countries,
                             options: .init(ruleOptions: RuleOptions(keepUnaccented: keepUnaccented)))
    }

    func prensaLibre(_ guards: String) throws -> Entity {
        Entity(id: "org-prensa-libre", kind: .organization, canonical: "Prensa Libre", country: "GT", context: ["newspaper"],
               source: "test", guards: try VariantGuard.parseField(guards).get())
    }

    /// Everything the corrector reports for a text: applied replacements and suggestions.
    func reported(_ corrector: Corrector, _ text: String) -> [String] {
        let result = corrector.correct(text)
        return (result.corrections + result.suggestions).map { "\($0.original) → \($0.replacement)" }
    }

    @Test func aGuardedVariantNeedsItsContext() throws {
        // Without a guard, the headline with the country right at the name is fixed.
        let headline = "Guatemala's Free Press Reports On Vote"
        let open = try corrector([Entity(id: "org-prensa-libre", kind: .organization, canonical: "Prensa Libre", country: "GT", source: "test")])
        #expect(open.correct(headline).corrected == "Guatemala's Prensa Libre Reports On Vote")
        // A guard that wants a title word: no title here, so no match at all.
        let titled = try corrector([try prensaLibre("translated=title")])
        #expect(reported(titled, headline).isEmpty)
        #expect(titled.correct("He told the newspaper Free Press that he would resign.").corrected
                == "He told the newspaper Prensa Libre that he would resign.")
        // title|country: the country licenses the headline again.
        let either = try corrector([try prensaLibre("translated=title|country")])
        #expect(either.correct(headline).corrected == "Guatemala's Prensa Libre Reports On Vote")
        // title+country: both needed.
        let both = try corrector([try prensaLibre("translated=title+country")])
        #expect(reported(both, headline).isEmpty)
        #expect(both.correct("He told the Guatemalan newspaper Free Press that he would resign.").corrected
                == "He told the Guatemalan newspaper Prensa Libre that he would resign.")
    }

    @Test func theNameConditionWantsAnotherWordOfTheEntityNearby() throws {
        let guarded = try corrector([try prensaLibre("translated=name")])
        #expect(reported(guarded, "Later, Free Press said the vote was clean.").isEmpty)
        #expect(reported(guarded, "Prensa Libre is a daily. Later, Free Press said the vote was clean.") == ["Free Press → Prensa Libre"])
    }

    @Test func aGuardOnOneVariantLeavesTheOthersAlone() throws {
        let weber = Entity(id: "br-rosa-weber", kind: .person, canonical: "Rosa Weber", country: "BR", source: "test",
                           guards: try VariantGuard.parseField("Rose Weber=title").get())
        let guarded = try corrector([weber])
        #expect(reported(guarded, "Rose Weber wrote a letter.").isEmpty)
        #expect(guarded.correct("Justice Rose Weber wrote the ruling.").corrected == "Justice Rosa Weber wrote the ruling.")
        // The name itself, lowercase, is no guarded variant: still fixed.
        #expect(guarded.correct("On Friday rosa weber wrote the ruling.").corrected == "On Friday Rosa Weber wrote the ruling.")
        let open = try corrector([Entity(id: "br-rosa-weber", kind: .person, canonical: "Rosa Weber", country: "BR", source: "test")])
        #expect(reported(open, "Rose Weber wrote a letter.") == ["Rose Weber → Rosa Weber"])
    }

    @Test func theEnglishSelectorGuardsOnlyVariantsThatReadAsEnglish() throws {
        let maduro = Entity(id: "ve-nicolas-maduro", kind: .person, canonical: "Nicolás Maduro", country: "VE", source: "test",
                            guards: try VariantGuard.parseField("english=title").get())
        let weber = Entity(id: "br-rosa-weber", kind: .person, canonical: "Rosa Weber", country: "BR", source: "test",
                           guards: try VariantGuard.parseField("english=title").get())
        let guarded = try corrector([maduro, weber])
        // "Nicholas Mature" is neither an English phrase nor an English name: unguarded.
        #expect(guarded.correct("Nicholas Mature spoke on television.").corrected == "Nicolás Maduro spoke on television.")
        // "Rose Weber" reads as an English name: guarded.
        #expect(reported(guarded, "Rose Weber wrote a letter.").isEmpty)
    }

    @Test func anEntityHouseStyleOverridesTheGlobalOption() throws {
        let pena = Entity(id: "ve-rander-pena", kind: .person, canonical: "Rander Peña", country: "VE", source: "test", style: .unaccented)
        let unaccented = try corrector([pena])
        #expect(unaccented.correct("The vice minister Rander Pena spoke.").corrected == "The vice minister Rander Pena spoke.")
        #expect(unaccented.correct("The vice minister rander pena spoke.").corrected == "The vice minister Rander Pena spoke.")
        let maduro = Entity(id: "ve-nicolas-maduro", kind: .person, canonical: "Nicolás Maduro", country: "VE", source: "test", style: .unaccented)
        #expect(try corrector([maduro]).correct("Minister Nicholas Mature spoke.").corrected == "Minister Nicolas Maduro spoke.")
        // An entity that insists on its accents wins over the global unaccented style.
        var accented = pena
        accented.style = .accented
        let global = try corrector([accented], keepUnaccented: true)
        #expect(global.correct("The vice minister Rander Pena spoke.").corrected == "The vice minister Rander Peña spoke.")
        // Without an own style, the global option decides.
        var plain = pena
        plain.style = nil
        #expect(try corrector([plain], keepUnaccented: true).correct("The vice minister Rander Pena spoke.").corrected
                == "The vice minister Rander Pena spoke.")
        #expect(try corrector([plain]).correct("The vice minister Rander Pena spoke.").corrected
                == "The vice minister Rander Peña spoke.")
    }

    @Test func aDisabledEntityMatchesNothing() throws {
        let pena = Entity(id: "ve-rander-pena", kind: .person, canonical: "Rander Peña", country: "VE", source: "test")
        #expect(try corrector([pena], disable: ["ve-rander-pena"]).correct("The vice minister Rander Pena spoke.").corrected
                == "The vice minister Rander Pena spoke.")
        #expect(try corrector([pena]).correct("The vice minister Rander Pena spoke.").corrected
                == "The vice minister Rander Peña spoke.")
    }
}
