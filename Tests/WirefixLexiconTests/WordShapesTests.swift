import Testing
@testable import WirefixLexicon

/// The country table's pre-filter: a token it rules out is no cue word; the words themselves
/// and tokens that share a word's length and first and last letters pass.
@Suite struct WordShapesTests {
    private let shapes = WordShapes(["peru", "costa", "rica", "us"])

    private func mayHold(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { shapes.mayHold(0..<$0.count, in: $0) }
    }

    @Test func theWordsAndTheirCapitalizedFormsPass() {
        #expect(mayHold("peru") && mayHold("Peru") && mayHold("PERU"))
        #expect(mayHold("Costa") && mayHold("Rica") && mayHold("US"))
    }

    @Test func aTokenOfAnotherLengthOrOtherEndsIsRuledOut() {
        #expect(!mayHold("Perus"))   // five bytes: only "costa" has five, and it starts with c
        #expect(!mayHold("Pert"))    // four bytes, p...t
        #expect(!mayHold("Police"))
        #expect(!mayHold("The"))
        #expect(!mayHold("Cost"))    // four bytes, c...t
    }

    @Test func aTokenWithTheSameLengthAndEndsPasses() {
        // Necessary, not sufficient: "Pleu" is no word but looks like "peru" from outside.
        #expect(mayHold("Pleu"))
        #expect(mayHold("Ra1a"))     // "rica": four bytes, r...a
    }

    @Test func lengthsAreTakenModuloSixteen() {
        // 20 bytes looks like 4: "p" + 18 bytes + "u" may be "peru".
        #expect(mayHold("P" + String(repeating: "x", count: 18) + "u"))
        #expect(!mayHold("P" + String(repeating: "x", count: 17) + "u"))
    }

    @Test func anEmptyRangeMayBeAnything() {
        #expect(Array("Peru".utf8).withUnsafeBufferPointer { shapes.mayHold(2..<2, in: $0) })
        #expect(!Array("a".utf8).withUnsafeBufferPointer { WordShapes([]).mayHold(0..<1, in: $0) })
    }
}
