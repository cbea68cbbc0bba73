import Foundation
import Testing
@testable import WirefixLexicon

@Suite struct SpanishNameListTests {
    static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lexicons/spanish/names.tsv")

    @Test func theBundledListSpellsNamesWithTheirDiacritics() throws {
        let list = try SpanishNameList(contentsOf: Self.bundled)
        #expect(list.count > 1_000)
        let pena = try #require(list.surname("pena"))
        #expect(pena.name == "Peña")
        #expect(pena.evidence == .accent)
        #expect(pena.share == 88)
        #expect(pena.plain == 12)
        #expect(list.surname("nunez")?.plain == 3)
        #expect(pena.hasDiacritics)
        #expect(list.surname("rodriguez")?.name == "Rodríguez")
        #expect(list.surname("nunez")?.name == "Núñez")
        #expect(list.surname("goncalves")?.name == "Gonçalves")
        #expect(list.givenName("jose")?.name == "José")
        #expect(list.givenName("hector")?.name == "Héctor")
        #expect(list.surname("olivares")?.evidence == .frequency)
        #expect(list.surname("olivares")?.hasDiacritics == false)
        #expect(list.surname("ibanez")?.name == "Ibáñez")
    }

    @Test func placesAreFlaggedAndOrdinaryWordsAreNotNames() throws {
        let list = try SpanishNameList(contentsOf: Self.bundled)
        #expect(list.surname("leon")?.isPlace == true)
        #expect(list.surname("cordoba")?.isPlace == true)
        #expect(list.surname("pena")?.isPlace == false)
        // Country and city names are no names; neither are frequent words or English names.
        #expect(list.surname("mexico") == nil)
        #expect(list.surname("bogota") == nil)
        #expect(list.surname("dia") == nil)
        #expect(list.surname("smith") == nil)
        #expect(list.surname("friedman") == nil)
    }

    @Test func aMalformedLineNamesFileAndLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spanish-names-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: url) }
        try "# comment\nPeña\tsurname\taccent\t88\t12\t-\nNúñez\tsurname\tguess\t72\t3\t-\n".write(to: url, atomically: true, encoding: .utf8)
        #expect {
            try SpanishNameList(contentsOf: url)
        } throws: { error in
            guard let error = error as? LexiconError, let problem = error.problems.first else { return false }
            return problem.line == 3 && problem.file == url.path && problem.message.contains("Núñez")
        }
    }

    /// A name in NFD ("Pen" + U+0303 + "a") is refused: the copy is NFC, and the check once
    /// compared `String`s, which are equal across normalization forms, so it let NFD through.
    @Test func aNameNotInNFCIsRefused() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spanish-names-\(UUID().uuidString).tsv")
        defer { try? FileManager.default.removeItem(at: url) }
        try "Peña\tsurname\taccent\t88\t12\t-\nPen\u{303}a\tsurname\taccent\t88\t12\t-\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: LexiconError(file: url.path, line: 2, message: "'Pen\u{303}a' is not NFC")) {
            try SpanishNameList(contentsOf: url)
        }
        try "Peña\tsurname\taccent\t88\t12\t-\nOlivares\tsurname\tfrequency\t90\t90\t-\n".write(to: url, atomically: true, encoding: .utf8)
        let list = try SpanishNameList(contentsOf: url)
        #expect(list.surname("pena")?.name == "Peña")
        #expect(list.surname("olivares")?.name == "Olivares")
    }

    @Test func entriesAreKeyedByTheirFoldedName() {
        let list = SpanishNameList(entries: [
            .init(name: "Peña", kind: .surname, evidence: .accent, share: 88, plain: 12),
            .init(name: "Pena", kind: .surname, evidence: .frequency, share: 12, plain: 12),
            .init(name: "José", kind: .given, evidence: .accent, share: 82, plain: 18),
        ])
        #expect(list.surname("pena")?.name == "Peña")
        #expect(list.isGivenName("jose"))
        #expect(!list.isSurname("jose"))
        #expect(list.count == 2)
    }
}
