import Testing
import Wirefix
@testable import WirefixRules
import WirefixTestSupport

/// Edges of the glued-parentheses rule that its examples do not pin down: spans, explanations,
/// confidences, and the code that looks like glue.
@Suite struct GluedParenthesesRuleTests {
    @Test func romanNumeralsAreIToXXXIXInCapitals() {
        for numeral in ["I", "III", "IV", "VI", "IX", "XII", "XIV", "XXXIX"] {
            #expect(GluedParenthesesRule.isRomanNumeral(ArraySlice(numeral.utf8)), "\(numeral)")
        }
        // Acronyms of the same letters, malformed numerals, lowercase, empty.
        for other in ["CD", "DC", "MLD", "IIII", "VX", "IIV", "XXXX", "iii", ""] {
            #expect(!GluedParenthesesRule.isRomanNumeral(ArraySlice(other.utf8)), "\(other)")
        }
    }

    @Test func bothSidesAreOneCorrectionOverTheParenthetical() throws {
        let result = try SingleRule.run("glued_parentheses", "Дж. headquarters(PSUV)on Tuesday")
        let correction = try #require(result.corrections.first)
        #expect(result.corrections.count == 1)
        // "Дж. " is 6 bytes, "headquarters" 12 more.
        #expect(correction.range == TextRange(start: 18, end: 24))
        #expect(correction.original == "(PSUV)")
        #expect(correction.replacement == " (PSUV) ")
        #expect(correction.confidence == 0.9)
        #expect(correction.explanation == "the parenthetical (PSUV) (an acronym) is glued to both sides; inserted the missing space")
        #expect(result.corrected == "Дж. headquarters (PSUV) on Tuesday")
    }

    @Test func anAcronymGluedOnlyBeforeMustEndTheClause() throws {
        #expect(try SingleRule.run("glued_parentheses", "the party(PSUV) met").corrections.first?.confidence == 0.85)
        for code in ["class MyThing(ABC):", "x = len(TOS)", "Motif(TM) box", "JANET(UK) and", "POINTER(RECT))"] {
            let result = try SingleRule.run("glued_parentheses", code)
            #expect(result.corrections.isEmpty, "\(code)")
        }
    }

    @Test func argumentListsAreNotGlue() throws {
        for code in ["def dropwhile(predicate, iterable):", "print(self, value)", "class Color(Enum):", "it is foo(IntEnum) now"] {
            let result = try SingleRule.run("glued_parentheses", code)
            #expect(result.corrections.isEmpty, "\(code)")
        }
    }

    @Test func aDomainInsideIsNotGlue() throws {
        #expect(try SingleRule.run("glued_parentheses", "the group (IFSUG.org)translation team").corrections.isEmpty)
    }

    @Test func anAcronymGluedBeforeItsExpansionIsSpacedOnBothSidesOrNotAtAll() throws {
        let result = try SingleRule.run("glued_parentheses", "the CCP(Chinese Communist Party)in Beijing")
        let correction = try #require(result.corrections.first)
        #expect(correction.replacement == " (Chinese Communist Party) ")
        #expect(correction.confidence == 0.8)
        #expect(correction.explanation == "the parenthetical (Chinese Communist Party) (a capitalized name) is glued to both sides; inserted the missing space")
        // Not its expansion: no half fix, and no suggestion either.
        let other = try SingleRule.run("glued_parentheses", "the CCP(Caracas)in Beijing")
        #expect(other.corrections.isEmpty)
        #expect(other.suggestions.isEmpty)
    }
}
