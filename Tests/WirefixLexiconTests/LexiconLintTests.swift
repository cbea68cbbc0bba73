import Foundation
import Testing
@testable import WirefixLexicon

@Suite struct LexiconLintTests {
    static let header = "id\ttype\tcanonical\taliases\tmisspellings\tglosses\tcountry\tcontext\tsource\tguards\tambiguous"
    let words = EnglishWordList(rankedWords: [("the", 9), ("free", 8), ("press", 7), ("sixth", 6), ("mature", 5), ("hair", 4)])
    let names = EnglishNameList(givenNames: ["rose": 1, "nicholas": 2], surnames: ["weber": 1, "hair": 2])

    func lint(_ tree: LexiconTree, _ directories: [String] = ["lex"]) -> [String] {
        LexiconLinter(words: words, names: names).lint(directories: directories.map(tree.url)).problems.map(\.description)
    }

    @Test func loadingProblemsComeFirstWithFileAndLine() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let file = try tree.write("lex/entities/a.tsv", """
            \(Self.header)
            ve-a\tperson\tAna Flores\t\t\t\tVE\t\tsrc
            ve-a\tperson\tAna Flores Díaz\t\t\t\tVE\t\tsrc
            ve-b\tperson\tRodri\u{301}guez Ana\t\t\t\tVE\t\tsrc

            """)
        #expect(lint(tree) == [
            "\(file.path):4: column 'canonical': 'Rodri\u{301}guez Ana' is not in Unicode NFC",
            "\(file.path):3: duplicate id 've-a' (first defined at \(file.path):2)",
        ])
    }

    @Test func aVariantOfTwoEntitiesMustBeDeclared() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let file = try tree.write("lex/entities/a.tsv", """
            \(Self.header)
            ve-jorge-rodriguez\tperson\tJorge Rodríguez\t\t\t\tVE\t\tsrc
            mx-jorge-rodriguez\tperson\tJorge Rodríguez\t\t\t\tMX\t\tsrc
            ve-ana-flores\tperson\tAna Flores\t\t\t\tVE\t\tsrc\t\tAna Flores

            """)
        #expect(lint(tree) == [
            "\(file.path):3: variant 'Jorge Rodríguez' (and 1 more variant) maps to 2 entities: ve-jorge-rodriguez (\(file.path):2), mx-jorge-rodriguez (\(file.path):3); declare it in the 'ambiguous' column of one of them, or remove it",
            "\(file.path):4: declared ambiguity 'Ana Flores' is shared with no other entity",
        ])
        // Declared on one of them: clean; the declaration covers the variants derived from the
        // declared form too ("Jorge Rodrguez" with the accented letter deleted).
        try tree.write("lex/entities/a.tsv", """
            \(Self.header)
            ve-jorge-rodriguez\tperson\tJorge Rodríguez\t\t\t\tVE\t\tsrc\t\tJorge Rodriguez
            mx-jorge-rodriguez\tperson\tJorge Rodríguez\t\t\t\tMX\t\tsrc

            """)
        #expect(lint(tree) == [])
    }

    @Test func anUnguardedCalqueThatReadsAsEnglishIsAnError() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let file = try tree.write("lex/entities/a.tsv", """
            \(Self.header)
            org-prensa-libre\torganization\tPrensa Libre\t\t\tPrensa=press; Libre=free\tGT\tnewspaper\tsrc
            br-rosa-weber\tperson\tRosa Weber\t\t\tRosa=Rose\tBR\t\tsrc
            ve-nicolas-maduro\tperson\tNicolás Maduro\t\t\tNicolás=Nicholas; Maduro=mature\tVE\t\tsrc
            org-la-sexta\torganization\tLa Sexta\t\t\tLa=the; Sexta=sixth\tES\t\tsrc\tThe Sixth=title; Sixth The=title; La Sixth=title; the Sexta=title; Sexta The=name

            """)
        let hint = "add a guard such as 'english=title|country|name' in the 'guards' column"
        #expect(lint(tree) == [
            "\(file.path):2: unguarded common-English variant 'free press' of Prensa Libre (every word is common English); \(hint)",
            "\(file.path):2: unguarded common-English variant 'press free' of Prensa Libre (every word is common English); \(hint)",
            "\(file.path):3: unguarded common-English variant 'Rose Weber' of Rosa Weber (every word is a common English name); \(hint)",
            "\(file.path):5: guard 'Sexta The=name' names 'Sexta The', which is no variant of La Sexta",
        ])
        // "Nicholas Mature" mixes a name and a word: neither an English phrase nor an English name.
        try tree.write("lex/entities/a.tsv", """
            \(Self.header)
            org-prensa-libre\torganization\tPrensa Libre\t\t\tPrensa=press; Libre=free\tGT\tnewspaper\tsrc\tenglish=title|country
            br-rosa-weber\tperson\tRosa Weber\t\t\tRosa=Rose\tBR\t\tsrc\tRose Weber=title
            ve-nicolas-maduro\tperson\tNicolás Maduro\t\t\tNicolás=Nicholas; Maduro=mature\tVE\t\tsrc

            """)
        #expect(lint(tree) == [])
    }

    @Test func aMisspellingMadeOfCommonEnglishWordsIsAnError() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let file = try tree.write("lex/entities/a.tsv", """
            \(Self.header)
            ve-hernan-lara\tperson\tHernán Lara\t\tfree press|Rose Weber|Hernan Larra\t\tVE\t\tsrc

            """)
        // Common words: an error. A misspelling that is an English name ("Rose Weber") is
        // allowed (the rule wants the country for it), and an ordinary one is what the column is for.
        #expect(lint(tree) == [
            "\(file.path):2: misspelling 'free press' of Hernán Lara reads as common English (every word is common English); ordinary English text would be changed: remove it",
        ])
    }

    /// Names use plain spaces (no-break spaces load, but would go into the copy unseen), and a
    /// misspelling is never a correct spelling.
    @Test func oddSpacesAndMisspellingsThatAreCorrectSpellingsAreErrors() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        let file = try tree.write("lex/entities/a.tsv", """
            \(Self.header)
            ve-ana-flores\tperson\tAna\u{A0}Flores\tAna María\u{202F}Flores\tAna Flores\t\tVE\t\tsrc
            ve-luis-mora\tperson\tLuis Mora\tLuis Mora Díaz\tLuis Mora|Luis Morra\t\tVE\t\tsrc
            ve-rosa-vera\tperson\tRosa Vera\tRosa Vera Díaz\tRosa Vera Díaz\t\tVE\t\tsrc

            """)
        #expect(lint(tree) == [
            "\(file.path):2: aliases 'Ana María\u{202F}Flores' holds U+202F NARROW NO-BREAK SPACE: write names with plain spaces",
            "\(file.path):2: canonical 'Ana\u{A0}Flores' holds U+00A0 NO-BREAK SPACE: write names with plain spaces",
            "\(file.path):3: misspelling 'Luis Mora' is the canonical name of ve-luis-mora: remove it",
            "\(file.path):4: misspelling 'Rosa Vera Díaz' is an alias of ve-rosa-vera: remove it",
        ])
    }

    @Test func anOverrideOfAnUnknownIdIsReportedWithItsLine() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        try tree.write("lex/entities/a.tsv", "\(Self.header)\nve-a\tperson\tAna Flores\t\t\t\tVE\t\tsrc\n")
        let file = try tree.write("desk/overrides/o.tsv", "id\tstatus\nve-b\tdisabled\n")
        #expect(lint(tree, ["lex", "desk"]) == [
            "\(file.path):2: override of unknown id 've-b': no entity of this or an earlier lexicon directory has it",
        ])
    }
}
