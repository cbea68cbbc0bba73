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

    /// The name rules answer "does the text mention only this country?" from a line first when
    /// the line names another (`NameMatch.textMentionsOnly`): that needs what a stretch of the
    /// tokens mentions to be a subset of what all of them mention. Cues are matched at every
    /// token, not greedily, so a longer cue across a line break cannot hide a shorter one.
    @Test func aStretchMentionsASubsetOfTheWholeText() {
        let table = CountryTable(cues: ["PG": ["Papua New Guinea"], "GN": ["Guinea"], "US": ["United States", "US"], "PE": ["Lima"]])
        let text = "Talks in Papua New\nGuinea and the United\nStates; Lima and the US later."
        let tokens = Tokenizer.tokens(in: text)
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let whole = table.countries(in: tokens[...], of: buffer)
            #expect(whole == ["PG", "GN", "US", "PE"])
            for start in 0..<tokens.count {
                for end in start...tokens.count {
                    #expect(table.countries(in: tokens[start..<end], of: buffer).isSubset(of: whole))
                }
            }
            // The second line alone: "Guinea and the United" mentions Guinea only, which the whole
        // text mentions only inside "Papua New Guinea".
            let line = tokens.indices.filter { (19..<40).contains(tokens[$0].range.lowerBound) }
            #expect(table.countries(in: tokens[line.first!...line.last!], of: buffer) == ["GN"])
        }
    }

    /// Lowercase words are other words: "polish" is a verb, "china" porcelain, "lima" a bean,
    /// "us" a pronoun.
    @Test func lowercaseWordsAreNoMentions() {
        #expect(Self.table.countries(mentionedIn: "They polish the china and cook lima beans for us.").isEmpty)
        #expect(Self.table.countries(mentionedIn: "the united states of mind").isEmpty)
    }

    /// The name case rule restores a lowercase country or city from the table: the longest name
    /// at a token, whatever its case and accents, spelled as the table first lists it; demonyms
    /// are no names.
    @Test func aProperNameIsFoundWhateverItsCase() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lexicons/geography/countries.tsv")
        let table = try CountryTable(contentsOf: url)
        let text = "to bogota, buenos aires, mexico city and santiago de cuba; colombian  panama"
        let tokens = Tokenizer.tokens(in: text)
        let bytes = Array(text.utf8)
        let words = tokens.map { String(decoding: bytes[$0.range], as: UTF8.self) }
        bytes.withUnsafeBufferPointer { buffer in
            func name(at word: String) -> CountryTable.ProperName? {
                table.properName(startingAt: words.firstIndex(of: word)!, in: tokens[...], of: buffer)
            }
            #expect(name(at: "bogota") == .init(text: "Bogotá", code: "CO", wordCount: 1))
            #expect(name(at: "buenos") == .init(text: "Buenos Aires", code: "AR", wordCount: 2))
            #expect(name(at: "mexico") == .init(text: "Mexico City", code: "MX", wordCount: 2))
            #expect(name(at: "santiago") == .init(text: "Santiago de Cuba", code: "CU", wordCount: 3))
            #expect(name(at: "to") == nil)
            #expect(name(at: "colombian") == nil)
            // Two spaces between words are no name of the table's: "panama" alone is.
            #expect(name(at: "panama") == .init(text: "Panama", code: "PA", wordCount: 1))
        }
        #expect(CountryTable(cues: ["PE": ["Lima", "Peruvian"]]).countries(mentionedIn: "in lima").isEmpty)
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

/// The two ways of asking, the text alone (by the reference, a string and a fold per word) and a
/// stretch of a longer text by its tokens (the fast path every public entry point now takes), give
/// the same countries.
@Suite struct CountryTableTokenTests {
    private let table = CountryTable(cues: [
        "US": ["United States", "US", "American"],
        "CR": ["Costa Rica", "Costa Rican", "San José"],
        "CO": ["Colombia", "Bogotá"],
        "GB": ["UK", "London"],
    ])

    private func both(_ text: String, inside prefix: String = "", _ suffix: String = "") -> (Set<String>, Set<String>) {
        let whole = prefix + text + suffix
        let bytes = Array(whole.utf8)
        let tokens = Tokenizer.tokens(in: whole)
        let range = prefix.utf8.count..<(prefix.utf8.count + text.utf8.count)
        let inside = tokens.filter { $0.range.lowerBound >= range.lowerBound && $0.range.upperBound <= range.upperBound }
        let fast = bytes.withUnsafeBufferPointer { table.countries(mentionedIn: inside[...], in: $0) }
        return (table.referenceCountries(mentionedIn: text), fast)
    }

    @Test func bothPathsAgree() {
        let cases: [(String, Set<String>)] = [
            ("A court in Bogota summoned the American envoy.", ["CO", "US"]),
            ("Costa Rica and COSTA RICAN officials", ["CR"]),
            ("costa rica and the uk", []),
            ("They told us the US would leave", ["US"]),
            ("the uk and Us and UK", ["GB"]),
            ("In San José, a Costa vote", ["CR"]),
            ("Costa", []),
            ("", []),
        ]
        for (text, expected) in cases {
            let (slow, fast) = both(text, inside: "Colombia\n", "\nLondon")
            #expect(slow == expected, "\(text)")
            #expect(fast == expected, "\(text)")
        }
    }

    /// With a limit the reading stops at the mention that reaches it: the countries mentioned
    /// first, in text order; all of them when there are fewer.
    @Test func aLimitStopsAtTheCountriesMentionedFirst() {
        let text = "In Colombia, a London court and the US embassy in San José, Colombia again."
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokens(in: text)
        func countries(upTo limit: Int) -> Set<String> {
            bytes.withUnsafeBufferPointer { table.countries(mentionedIn: tokens[...], in: $0, upTo: limit) }
        }
        #expect(countries(upTo: 1) == ["CO"])
        #expect(countries(upTo: 2) == ["CO", "GB"])
        #expect(countries(upTo: 3) == ["CO", "GB", "US"])
        #expect(countries(upTo: 4) == ["CO", "GB", "US", "CR"])
        #expect(countries(upTo: 5) == ["CO", "GB", "US", "CR"])
        #expect(countries(upTo: .max) == table.referenceCountries(mentionedIn: text))
    }

    @Test func aMultiWordCueCutAtTheStretchEndDoesNotCount() {
        let (slow, fast) = both("met in Costa", inside: "", " Rica")
        #expect(slow == [])
        #expect(fast == [])
    }

    /// Every cue of the bundled table, as written, in capitals, in lowercase and cut short, in
    /// sentences with other capitalized words around it: the token path finds exactly what the
    /// reference finds, line by line.
    @Test func theBundledTableAgreesWithTheReferenceOnEveryCue() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Lexicons/geography/countries.tsv")
        let table = try CountryTable(contentsOf: url)
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
        var lines: [String] = []
        for row in rows {
            for cue in row.split(separator: "\t").dropFirst().flatMap({ $0.split(separator: "|") }) {
                let cue = String(cue)
                let words = cue.split(separator: " ")
                lines.append("Officials in \(cue) met the \(cue) envoy, said Ana Ruiz of \(cue.uppercased()).")
                lines.append("the \(cue.lowercased()) talks and \(words.first ?? "")'s \(words.dropFirst().joined(separator: " ")) US-backed UK plan")
                lines.append("\(words.first ?? "") \(words.dropFirst().first ?? "").\(cue) Us us U.S. \(cue)")
            }
        }
        #expect(lines.count > 500)
        var mentioned = 0
        for line in lines {
            let reference = table.referenceCountries(mentionedIn: line)
            #expect(table.countries(mentionedIn: line) == reference, "\(line)")
            let bytes = Array(line.utf8)
            let tokens = Tokenizer.tokens(in: line)
            #expect(bytes.withUnsafeBufferPointer { table.countries(in: tokens[...], of: $0) } == reference, "\(line)")
            if !reference.isEmpty { mentioned += 1 }
        }
        #expect(mentioned > lines.count / 2)
    }
}
