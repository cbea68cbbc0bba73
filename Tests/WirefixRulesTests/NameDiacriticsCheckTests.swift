import Testing
@testable import WirefixRules
import WirefixLexicon

/// ``NameDiacriticsRule/onlyRestoresDiacritics(copy:replacement:)`` reads a copy in ASCII byte by
/// byte and any other copy as characters: both answer as the rule's discussion says.
@Suite struct NameDiacriticsCheckTests {
    @Test func anASCIICopyOnlyLostAccents() {
        #expect(NameDiacriticsRule.onlyRestoresDiacritics(copy: "Nicolas", replacement: "Nicolás"))
        #expect(NameDiacriticsRule.onlyRestoresDiacritics(copy: "NICOLAS MADURO", replacement: "Nicolás Maduro"))
        #expect(NameDiacriticsRule.onlyRestoresDiacritics(copy: "jose pena", replacement: "José Peña"))
        #expect(NameDiacriticsRule.onlyRestoresDiacritics(copy: "Rodriguez", replacement: "Rodríguez"))
    }

    @Test func anASCIICopyThatDiffersOtherwise() {
        // Another letter, another length, a letter for a deleted one.
        #expect(!NameDiacriticsRule.onlyRestoresDiacritics(copy: "Nicolas", replacement: "Nicolás!"))
        #expect(!NameDiacriticsRule.onlyRestoresDiacritics(copy: "Nicols", replacement: "Nicolás"))
        #expect(!NameDiacriticsRule.onlyRestoresDiacritics(copy: "Nicoles", replacement: "Nicolás"))
        // A carriage return and a line feed are one character.
        #expect(!NameDiacriticsRule.onlyRestoresDiacritics(copy: "Jose\r\nPena", replacement: "José\r Peña"))
        #expect(NameDiacriticsRule.onlyRestoresDiacritics(copy: "Jose\r\nPena", replacement: "José\r\nPeña"))
    }

    @Test func aCopyWithItsOwnAccents() {
        // "Sônia" where the lexicon writes "Sonia": the copy's accent would be removed.
        #expect(!NameDiacriticsRule.onlyRestoresDiacritics(copy: "Sônia", replacement: "Sonia"))
        // "Nicolàs" → "Nicolás" would change an accent.
        #expect(!NameDiacriticsRule.onlyRestoresDiacritics(copy: "Nicolàs", replacement: "Nicolás"))
        #expect(NameDiacriticsRule.onlyRestoresDiacritics(copy: "Nicolás Rodriguez", replacement: "Nicolás Rodríguez"))
    }

    /// The check as first written, characters of both strings lowercased whole.
    static func reference(copy: String, replacement: String) -> Bool {
        let copyCharacters = Array(copy.lowercased())
        let replacementCharacters = Array(replacement.lowercased())
        guard copyCharacters.count == replacementCharacters.count else { return false }
        return zip(copyCharacters, replacementCharacters).allSatisfy { written, wanted in
            written == wanted || (written.isASCII && Folding.fold(String(wanted)) == String(written))
        }
    }

    @Test func theASCIIReadingAnswersAsTheReference() {
        let pairs: [(String, String)] = [
            ("Nicolas", "Nicolás"), ("NICOLAS", "NICOLÁS"), ("Istanbul", "İstanbul"), ("ODOS", "ΟΔΟΣ"),
            ("Angel", "A\u{301}ngel"), ("Angel", "Ángel"), ("Strasse", "Straße"), ("Jose Pena", "José Peña"),
            ("Jose Pena", "José  Peña"), ("Jose", "Josée"), ("", ""), ("a", ""), ("Lopez-Obrador", "López Obrador"),
        ]
        for (copy, replacement) in pairs {
            #expect(NameDiacriticsRule.onlyRestoresDiacritics(copy: copy, replacement: replacement)
                    == Self.reference(copy: copy, replacement: replacement), "\(copy) → \(replacement)")
        }
    }
}
