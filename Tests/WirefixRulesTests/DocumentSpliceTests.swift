import Testing
@testable import WirefixEngine
@testable import WirefixRules
import WirefixLexicon
import Wirefix
import WirefixTestSupport

/// A document that a stage's edits make takes over its parent's tokens, gazetteer matches and
/// name readings for the clauses the edits left alone (`DocumentSplice`): everything it carries
/// must equal what a fresh document of the same text computes.
@Suite struct DocumentSpliceTests {
    static let text = """
        CARACAS, Venezuela — Nicolas Maduro met Delcy Rodríguez on Monday. God given hair, the \
        deputy, said Maduro would travel; Rodriguez did not. Marcos Pena spoke in Buenos Aires.
        
        "We will not accept pressure," said Felipe Sola, a former minister of Argentina.  Peña and \
        Solá left (later).
        Prensa Libre reported from Guatemala City: Free Press, Free  Press and free press.\u{00A0}Nicolás\u{00A0}Maduro.
        
        Lone line with Aníbal Fernández, Anibal Fernandez and ANIBAL FERNANDEZ-Alicia Kirchner's aide.
        """

    /// Replacements that make and break words, names, clauses and lines.
    static let pieces = ["", " ", "  ", ".", ",", "\n", "-", "'", "é", "Maduro", "Nicolás Maduro", "x", "Peña said.", "\u{200B}", " Free", "CARACAS"]

    /// What a document says about its names, for comparing.
    func readings(_ document: Document, _ context: RuleContext) -> [String] {
        NameMatch.all(in: document, context: context).map { name in
            "\(name.match) \(name.kind) \(name.text) \(name.entity.id) \(Array(name.tokens)) \(name.variant.foldedTokens) \(name.targets.sorted())"
        }
    }

    @Test func carriedAnalysesEqualFreshOnes() {
        let context = Fixtures.context()
        var random = SplitMix64(seed: 7)
        for round in 0..<300 {
            var document = Document(Self.text)
            // Compute what later stages carry.
            _ = NameMatch.all(in: document, context: context)
            for stage in 0..<4 {
                // A few edits at scalar boundaries, ascending and apart.
                let bytes = document.bytes
                var boundaries = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 } + [bytes.count]
                boundaries.shuffle(using: &random)
                var corrections: [Correction] = []
                for start in boundaries.prefix(1 + random.next(3)).sorted() {
                    let end = min(bytes.count, start + random.next(4))
                    var stop = end
                    while stop < bytes.count && bytes[stop] & 0xC0 == 0x80 { stop += 1 }
                    if let last = corrections.last, last.range.end > start { continue }
                    let original = String(decoding: bytes[start..<stop], as: UTF8.self)
                    let replacement = Self.pieces[random.next(Self.pieces.count)]
                    corrections.append(Correction(ruleID: "test", range: TextRange(start: start, end: stop), original: original,
                                                  replacement: replacement, confidence: 1, explanation: "test"))
                }
                let (newBytes, edits) = Pipeline.apply(corrections, to: document)
                let next = Document(bytes: newBytes, applying: edits, to: document)
                let fresh = Document(String(decoding: newBytes, as: UTF8.self))
                #expect(next.text == fresh.text)
                #expect(next.bytes == fresh.bytes)
                #expect(next.isASCII == fresh.isASCII)
                #expect(next.tokens == fresh.tokens, "round \(round) stage \(stage): tokens")
                #expect(context.gazetteerMatches(in: next) == context.gazetteerMatches(in: fresh), "round \(round) stage \(stage): matches")
                #expect(readings(next, context) == readings(fresh, context), "round \(round) stage \(stage): names of \(next.text)")
                // Country mentions line by line (carried for the lines the edits left alone).
                var start = 0
                for (offset, byte) in (next.bytes + [0x0A]).enumerated() where byte == 0x0A {
                    #expect(context.countries(mentionedInLine: start..<offset, of: next)
                            == context.countries(mentionedInLine: start..<offset, of: fresh), "round \(round) stage \(stage): line at \(start)")
                    start = offset + 1
                }
                document = next
            }
        }
    }

    @Test func changedRegionsWidenToClauseBoundaries() {
        let bytes = Array("One two, three four. Five".utf8)
        // "three" replaced: the clause " three four" (between the comma and the full stop).
        let regions = DocumentSplice.changedRegions(of: bytes, edits: [OffsetMap.Edit(range: 9..<14, replacementLength: 2)])
        #expect(regions.map(\.old) == [8..<19])
        #expect(regions.map(\.delta) == [-3])
        // An insertion right at a full stop touches the clause before it; two edits in one
        // clause make one region.
        let merged = DocumentSplice.changedRegions(of: bytes, edits: [
            OffsetMap.Edit(range: 0..<1, replacementLength: 1), OffsetMap.Edit(range: 4..<5, replacementLength: 0),
            OffsetMap.Edit(range: 19..<19, replacementLength: 1),
        ])
        #expect(merged.map(\.old) == [0..<7, 8..<19])
        #expect(merged.map(\.delta) == [-1, 1])
    }
}
