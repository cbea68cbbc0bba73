import Testing
import Wirefix

/// The word-level diff the evaluator aligns expected and applied edits with, and the kind it
/// infers for an article's edits.
@Suite struct EvaluationDiffTests {
    @Test func identicalTextsHaveNoEdits() {
        #expect(TextDiff.edits(from: "The minister spoke.", to: "The minister spoke.").isEmpty)
    }

    @Test func translatedNameIsOneEdit() {
        // "Deputy " is 7 bytes, "God given hair" 14.
        let edits = TextDiff.edits(from: "Deputy God given hair chaired.", to: "Deputy Diosdado Cabello chaired.")
        #expect(edits == [TextEdit(range: TextRange(start: 7, end: 21), original: "God given hair", replacement: "Diosdado Cabello")])
    }

    @Test func twoTranslatedWordsOfOneNameAreOneEdit() {
        let edits = TextDiff.edits(from: "Then Nicholas Mature spoke.", to: "Then Nicolás Maduro spoke.")
        #expect(edits == [TextEdit(range: TextRange(start: 5, end: 20), original: "Nicholas Mature", replacement: "Nicolás Maduro")])
    }

    @Test func caseRepairsStayOneEditPerWord() {
        let edits = TextDiff.edits(from: "delcy rodriguez met", to: "Delcy Rodríguez met")
        #expect(edits == [
            TextEdit(range: TextRange(start: 0, end: 5), original: "delcy", replacement: "Delcy"),
            TextEdit(range: TextRange(start: 6, end: 15), original: "rodriguez", replacement: "Rodríguez"),
        ])
    }

    @Test func splitWordIsOneEdit() {
        let edits = TextDiff.edits(from: "Rander Penasaid that", to: "Rander Peña said that")
        #expect(edits == [TextEdit(range: TextRange(start: 7, end: 15), original: "Penasaid", replacement: "Peña said")])
    }

    @Test func splitBesideAnUnchangedSpaceKeepsItsOwnSpan() {
        let edits = TextDiff.edits(from: "the joint statementpublished at noon", to: "the joint statement published at noon")
        #expect(edits == [TextEdit(range: TextRange(start: 10, end: 28), original: "statementpublished", replacement: "statement published")])
    }

    @Test func insertedSpaceIsAnEmptyRange() {
        // "Caracas." is 8 bytes.
        let edits = TextDiff.edits(from: "Caracas.The", to: "Caracas. The")
        #expect(edits == [TextEdit(range: TextRange(start: 8, end: 8), original: "", replacement: " ")])
    }

    @Test func deletedSpaceIsAnEmptyReplacement() {
        let edits = TextDiff.edits(from: "spoke , and", to: "spoke, and")
        #expect(edits == [TextEdit(range: TextRange(start: 5, end: 6), original: " ", replacement: "")])
    }

    @Test func decomposedAccentDiffersFromComposed() {
        // String == calls these equal (canonical equivalence); the diff compares bytes.
        let edits = TextDiff.edits(from: "Jose\u{301} spoke", to: "José spoke")
        #expect(edits.count == 1)
        #expect(edits.first?.range == TextRange(start: 0, end: 6))
        #expect(Array(edits.first?.replacement.utf8 ?? "".utf8) == Array("José".utf8))
    }

    @Test func zeroWidthSpaceInsideAWordIsRemovedInOneEdit() {
        // "Ca" + U+200B (3 bytes) + "bello" is 10 bytes.
        let edits = TextDiff.edits(from: "Ca\u{200B}bello", to: "Cabello")
        #expect(edits == [TextEdit(range: TextRange(start: 0, end: 10), original: "Ca\u{200B}bello", replacement: "Cabello")])
    }

    @Test(arguments: [
        ("The minister spoke , and then left.", "The minister spoke, and then left."),
        ("Defense Minister Vladimir Godfather López inspected.", "Defense Minister Vladimir Padrino López inspected."),
        ("RodrÃ­guez and MUÃ‘OZ", "Rodríguez and MUÑOZ"),
        ("A\nB  c\r\nd", "a\nB c\r\nD e"),
        ("", "Something new"),
        ("Everything goes", ""),
    ])
    func applyingTheEditsGivesTheTarget(source: String, target: String) {
        let edits = TextDiff.edits(from: source, to: target)
        let bytes = Array(source.utf8)
        let rebuilt = TextEdit.apply(edits, to: bytes, in: TextRange(start: 0, end: bytes.count))
        #expect(Array(rebuilt.utf8) == Array(target.utf8))
    }

    @Test(arguments: [
        ("Penasaid", "Peña said", "glue"),
        ("(PSUV)on", "(PSUV) on", "glue"),
        ("rodriguez", "Rodríguez", "case"),
        ("Rodriguez", "Rodríguez", "diacritic"),
        ("Ma\u{200B}duro", "Maduro", "unicode"),
        ("Rodri\u{301}guez", "Rodríguez", "unicode"),
        ("RodrÃ\u{AD}guez", "Rodríguez", "mojibake"),
        ("time. ,", "time,", "debris"),
        ("Mature", "Maduro", "calque"),
        ("United We Can", "Unidas Podemos", "calque"),
    ])
    func inferredKind(original: String, replacement: String, kind: String) {
        #expect(DamageKind.infer(original: original, replacement: replacement) == kind)
    }
}
