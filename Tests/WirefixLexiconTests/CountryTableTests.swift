import Foundation
import Testing
import WirefixLexicon

/// How copy mentions countries: names, demonyms and places, capitalized as English writes them.
@Suite struct CountryTableTests {
    static let table = CountryTable(cues: [
        "PL": ["Poland", "Polish", "Warsaw"],
        "CN": ["China", "Chinese", "Hong Kong"],
        "US": ["United States", "US"],
        "PE": ["Peru", "Perú", "Lima"],
    ])

    @Test func namesDemonymsAndPlacesAreMentions() {
        #expect(Self.table.countries(mentionedIn: "Polish farmers marched in Warsaw.") == ["PL"])
        #expect(Self.table.countries(mentionedIn: "Talks in Hong Kong and Lima ended.") == ["CN", "PE"])
        #expect(Self.table.countries(mentionedIn: "THE UNITED STATES AND PERÚ SIGNED") == ["US", "PE"])
        #expect(Self.table.countries(mentionedIn: "Officials in the US said so.") == ["US"])
    }

    /// Lowercase words are other words: "polish" is a verb, "china" porcelain, "lima" a bean,
    /// "us" a pronoun.
    @Test func lowercaseWordsAreNoMentions() {
        #expect(Self.table.countries(mentionedIn: "They polish the china and cook lima beans for us.").isEmpty)
        #expect(Self.table.countries(mentionedIn: "the united states of mind").isEmpty)
    }

    /// The bundled table names countries beyond Latin America, so that a mention of, say,
    /// Poland counts as another country.
    @Test func theBundledTableKnowsCountriesOutsideLatinAmerica() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lexicons/geography/countries.tsv")
        let table = try CountryTable(contentsOf: url)
        #expect(table.countries(mentionedIn: "Civic Coalition leader Donald Tusk spoke in Warsaw.") == ["PL"])
        #expect(table.countries(mentionedIn: "The Ukrainian and Dutch envoys met in Brussels.") == ["UA", "NL", "BE"])
        #expect(table.countries(mentionedIn: "Jordan and Chad scored; Trinidad Jiménez spoke in Sofia.").isEmpty)
    }
}
