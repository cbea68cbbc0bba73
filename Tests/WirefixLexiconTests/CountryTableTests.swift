import Testing
import WirefixLexicon

@Suite struct CountryTableTests {
    private let table = CountryTable(cues: [
        "US": ["United States", "US", "American"],
        "CR": ["Costa Rica", "Costa Rican", "San José"],
        "CO": ["Colombia", "Bogotá"],
        "GB": ["UK", "London"],
    ])

    /// Both ways of asking: the text alone, and a stretch of a longer text by its tokens.
    private func both(_ text: String, inside prefix: String = "", _ suffix: String = "") -> (Set<String>, Set<String>) {
        let whole = prefix + text + suffix
        let bytes = Array(whole.utf8)
        let tokens = Tokenizer.tokens(in: whole)
        let range = prefix.utf8.count..<(prefix.utf8.count + text.utf8.count)
        let inside = tokens.filter { $0.range.lowerBound >= range.lowerBound && $0.range.upperBound <= range.upperBound }
        let fast = bytes.withUnsafeBufferPointer { table.countries(mentionedIn: inside[...], in: $0) }
        return (table.countries(mentionedIn: text), fast)
    }

    @Test func findsNamesDemonymsAndPlacesFoldedAndAcronymsInCapitalsOnly() {
        let cases: [(String, Set<String>)] = [
            ("A court in Bogota summoned the American envoy.", ["CO", "US"]),
            ("costa rica and COSTA RICAN officials", ["CR"]),
            ("They told us the US would leave", ["US"]),
            ("the uk and Us and UK", ["GB"]),
            ("In San José, a Costa vote", ["CR"]),
            ("Costa, Rica", ["CR"]),
            ("Costa", []),
            ("", []),
        ]
        for (text, expected) in cases {
            let (slow, fast) = both(text, inside: "Colombia\n", "\nLondon")
            #expect(slow == expected, "\(text)")
            #expect(fast == expected, "\(text)")
        }
    }

    @Test func aMultiWordCueCutAtTheStretchEndDoesNotCount() {
        let (slow, fast) = both("met in Costa", inside: "", " Rica")
        #expect(slow == [])
        #expect(fast == [])
    }
}
