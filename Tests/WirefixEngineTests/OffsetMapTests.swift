import Testing
@testable import WirefixEngine

@Suite struct OffsetMapTests {
    @Test func identityMapsEveryOffsetToItself() {
        let map = OffsetMap()
        #expect(map.isIdentity)
        #expect(map.originalOffset(of: 17, towardEnd: false) == 17)
    }

    @Test func offsetsAfterAnEditShiftByTheLengthDifference() {
        // "ab XYZ cd" -> replace "XYZ" (3..<6) with "Q" (1 byte): "ab Q cd"
        var map = OffsetMap()
        map.append(stage: [.init(range: 3..<6, replacementLength: 1)])
        #expect(map.originalOffset(of: 0, towardEnd: false) == 0)
        #expect(map.originalOffset(of: 3, towardEnd: false) == 3)
        #expect(map.originalOffset(of: 4, towardEnd: true) == 6)   // end of "Q" -> end of "XYZ"
        #expect(map.originalOffset(of: 5, towardEnd: false) == 7)  // "c"
        #expect(map.originalRange(of: TextRange(start: 5, end: 7)) == TextRange(start: 7, end: 9))
    }

    @Test func aSpanTouchingReplacedTextWidensToTheWholeOriginalSpan() {
        // "Penaindicated" -> insert a space at 4: "Pena indicated"; a later span "Pena" (0..<4) stays 0..<4,
        // and a span covering "a i" (3..<6) widens over the insertion point.
        var map = OffsetMap()
        map.append(stage: [.init(range: 4..<4, replacementLength: 1)])
        #expect(map.originalRange(of: TextRange(start: 0, end: 4)) == TextRange(start: 0, end: 4))
        #expect(map.originalRange(of: TextRange(start: 5, end: 14)) == TextRange(start: 4, end: 13))
        #expect(map.originalRange(of: TextRange(start: 3, end: 6)) == TextRange(start: 3, end: 5))
    }

    @Test func stagesComposeBackToTheOriginal() {
        // Stage 1: "aXb" (1..<2 "X" -> "YY"): "aYYb". Stage 2: in "aYYb" replace "b" (3..<4) with "ccc": "aYYccc".
        var map = OffsetMap()
        map.append(stage: [.init(range: 1..<2, replacementLength: 2)])
        map.append(stage: [.init(range: 3..<4, replacementLength: 3)])
        #expect(map.originalRange(of: TextRange(start: 3, end: 6)) == TextRange(start: 2, end: 3))
        #expect(map.originalRange(of: TextRange(start: 1, end: 3)) == TextRange(start: 1, end: 2))
    }

    @Test func deletionsMapToTheDeletedSpan() {
        // "a\u{200B}b": delete 1..<4 (3 bytes) -> "ab". A span "ab" (0..<2) maps to 0..<5.
        var map = OffsetMap()
        map.append(stage: [.init(range: 1..<4, replacementLength: 0)])
        #expect(map.originalRange(of: TextRange(start: 0, end: 2)) == TextRange(start: 0, end: 5))
        #expect(map.originalOffset(of: 1, towardEnd: false) == 1)
        #expect(map.originalOffset(of: 1, towardEnd: true) == 4)
    }

    @Test func aSpanLeavesOutTextDeletedRightBesideIt() {
        // "Minister delcy rodriguez .": a stage deletes the space at 24 ("rodriguez."). The name
        // (9..<24 after it) is 9..<24 of the original, not 9..<25 with the other rule's space;
        // the "." (24..<25 after it) is 25..<26.
        var map = OffsetMap()
        map.append(stage: [.init(range: 24..<25, replacementLength: 0)])
        #expect(map.originalRange(of: TextRange(start: 9, end: 24)) == TextRange(start: 9, end: 24))
        #expect(map.originalRange(of: TextRange(start: 24, end: 25)) == TextRange(start: 25, end: 26))
        // An empty span (an insertion) at the deletion still covers it.
        #expect(map.originalRange(of: TextRange(start: 24, end: 24)) == TextRange(start: 24, end: 25))
        // Two deletions side by side in one stage: before both, after both.
        var two = OffsetMap()
        two.append(stage: [.init(range: 24..<25, replacementLength: 0), .init(range: 25..<26, replacementLength: 0)])
        #expect(two.originalRange(of: TextRange(start: 9, end: 24)) == TextRange(start: 9, end: 24))
        #expect(two.originalRange(of: TextRange(start: 24, end: 25)) == TextRange(start: 26, end: 27))
        // Through two stages: the space deleted first, then "x" at 0 (before the name) deleted.
        var stages = OffsetMap()
        stages.append(stage: [.init(range: 24..<25, replacementLength: 0)])
        stages.append(stage: [.init(range: 8..<9, replacementLength: 0)])
        #expect(stages.originalRange(of: TextRange(start: 8, end: 23)) == TextRange(start: 9, end: 24))
    }
}

@Suite struct MinimalEditTests {
    @Test func sharedStartAndEndAreNotPartOfTheEdit() {
        // "mingxiangtopics" -> "mingxiang topics": only a space is inserted at 9.
        let edit = minimalEdit(replacing: 10..<25, in: Array("..........mingxiangtopics".utf8), with: Array("mingxiang topics".utf8))
        #expect(edit == OffsetMap.Edit(range: 19..<19, replacementLength: 1))
    }

    @Test func editsAreCutOnScalarBoundaries() {
        // "é" (C3 A9) -> "è" (C3 A8) share their first byte, but the edit must cover the whole character.
        let edit = minimalEdit(replacing: 0..<2, in: Array("é".utf8), with: Array("è".utf8))
        #expect(edit == OffsetMap.Edit(range: 0..<2, replacementLength: 2))
        // "Pena" -> "Peña": "Pe" and "a" are shared; "n" (1 byte) becomes "ñ" (2 bytes).
        let name = minimalEdit(replacing: 0..<4, in: Array("Pena".utf8), with: Array("Peña".utf8))
        #expect(name == OffsetMap.Edit(range: 2..<3, replacementLength: 2))
    }
}
