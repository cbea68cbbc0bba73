import Foundation
import Testing
@testable import WirefixLexicon

@Suite struct LexiconLoaderTests {
    let header = "id\ttype\tcanonical\taliases\tmisspellings\tglosses\tcountry\tcontext\tsource"

    @Test func parsesAValidRecord() throws {
        let text = "# people\n\(header)\nve-diosdado-cabello\tperson\tDiosdado Cabello\tDiosdado Cabello Rondón\t\tDiosdado=God given|God-given\tVE\t\thttps://example.org\n"
        let entities = try LexiconLoader.parseEntities(text, file: "people.tsv")
        #expect(entities.count == 1)
        let entity = try #require(entities.first)
        #expect(entity.id == "ve-diosdado-cabello")
        #expect(entity.kind == .person)
        #expect(entity.aliases == ["Diosdado Cabello Rondón"])
        #expect(entity.glosses == ["Diosdado": ["God given", "God-given"]])
        #expect(entity.origin == RecordOrigin(file: "people.tsv", line: 3))
    }

    @Test func aMalformedRecordNamesFileLineAndProblem() {
        let text = "\(header)\nve-a\tperson\tA B\t\t\t\tVE\t\tsrc\nve-b\tpersn\tC D\t\t\t\tVE\t\tsrc\nve-c\tperson\tE F\t\t\t\tVenezuela\t\tsrc\n"
        #expect {
            try LexiconLoader.parseEntities(text, file: "x.tsv")
        } throws: { error in
            guard let error = error as? LexiconError else { return false }
            return error.problems.map(\.description) == [
                "x.tsv:3: column 'type': expected person, organization or place, found 'persn'",
                "x.tsv:4: column 'country': expected an ISO 3166-1 alpha-2 code such as VE (or INT, or a user-assigned code such as XK), found 'Venezuela'",
            ]
        }
    }

    @Test func wrongFieldCountIsAnError() {
        let text = "\(header)\nve-a\tperson\tA B\tVE\tsrc\n"
        #expect(throws: LexiconError(file: "x.tsv", line: 2, message: "expected 9 tab-separated fields, found 5")) {
            try LexiconLoader.parseEntities(text, file: "x.tsv")
        }
    }

    @Test func glossForAWordNotInTheNameIsAnError() {
        let text = "\(header)\nve-a\tperson\tAna Flores\t\t\tRosa=rose\tVE\t\tsrc\n"
        #expect(throws: LexiconError(file: "x.tsv", line: 2, message: "column 'glosses': 'Rosa' is not a word of the canonical name, an alias or a misspelling")) {
            try LexiconLoader.parseEntities(text, file: "x.tsv")
        }
    }

    @Test func nonNFCTextIsAnError() {
        let text = "\(header)\nve-a\tperson\tRodri\u{301}guez Ana\t\t\t\tVE\t\tsrc\n"
        #expect(throws: LexiconError.self) { try LexiconLoader.parseEntities(text, file: "x.tsv") }
    }

    @Test func unknownColumnAndMissingHeaderAreErrors() {
        #expect(throws: LexiconError(file: "x.tsv", line: 1, message: "unknown column 'nickname' in header (expected: component, kind, translations, source)")) {
            try LexiconLoader.parseGlosses("component\tkind\ttranslations\tsource\tnickname\n", file: "x.tsv")
        }
        #expect(throws: LexiconError(file: "x.tsv", line: 0, message: "no header line (expected columns: component, kind, translations, source)")) {
            try LexiconLoader.parseGlosses("# only a comment\n", file: "x.tsv")
        }
    }

    @Test func duplicateIdsInOneDirectoryAreAnErrorAndLaterDirectoriesOverride() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wfx-lex-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let bundled = root.appendingPathComponent("bundled/entities")
        let user = root.appendingPathComponent("user/entities")
        try FileManager.default.createDirectory(at: bundled, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: user, withIntermediateDirectories: true)
        try "\(header)\nve-a\tperson\tAna Pérez\t\t\t\tVE\t\tsrc\n".write(to: bundled.appendingPathComponent("a.tsv"), atomically: true, encoding: .utf8)
        try "\(header)\nve-a\tperson\tAna María Pérez\t\t\t\tVE\t\tuser\n".write(to: user.appendingPathComponent("a.tsv"), atomically: true, encoding: .utf8)
        let lexicon = try LexiconLoader.load(directories: [root.appendingPathComponent("bundled"), root.appendingPathComponent("user")])
        #expect(lexicon.entities.map(\.canonical) == ["Ana María Pérez"])

        try "\(header)\nve-a\tperson\tAna Pérez\t\t\t\tVE\t\tsrc\n".write(to: bundled.appendingPathComponent("b.tsv"), atomically: true, encoding: .utf8)
        #expect(throws: LexiconError.self) { try LexiconLoader.load(directory: root.appendingPathComponent("bundled")) }
    }

    @Test func invalidUTF8NamesTheByteOffset() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wfx-utf8-\(UUID().uuidString)/entities")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var bytes = Array("\(header)\nve-a\tperson\tAna ".utf8)
        let offset = bytes.count
        bytes += [0xFF] + Array("\t\t\t\tVE\t\tsrc\n".utf8)
        let file = root.appendingPathComponent("bad.tsv")
        try Data(bytes).write(to: file)
        #expect(throws: LexiconError(file: file.path, line: 2, message: "invalid UTF-8 at byte offset \(offset)")) {
            try LexiconLoader.load(directory: root.deletingLastPathComponent())
        }
    }
}

@Suite struct LexiconLoaderHardeningTests {
    let header = "id\ttype\tcanonical\taliases\tmisspellings\tglosses\tcountry\tcontext\tsource"

    @Test func crlfLinesAndAByteOrderMarkAreRead() throws {
        let text = "\u{FEFF}\(header)\r\nve-ana-perez\tperson\tAna Pérez\t\t\t\tVE\t\tsrc\r\n"
        let entities = try LexiconLoader.parseEntities(text, file: "crlf.tsv")
        #expect(entities.map(\.canonical) == ["Ana Pérez"])
        #expect(entities.first?.source == "src")
    }

    @Test func controlAndInvisibleCharactersAreErrors() {
        for bad in ["\u{0}", "\u{7}", "\u{200B}", "\u{AD}", "\u{FEFF}", "\u{85}"] {
            let text = "\(header)\nve-a\tperson\tAna\(bad) Peres\t\t\t\tVE\t\tsrc\n"
            #expect(throws: LexiconError.self, "U+\(String(bad.unicodeScalars.first!.value, radix: 16))") {
                try LexiconLoader.parseEntities(text, file: "x.tsv")
            }
        }
    }

    @Test func aDirectoryWithoutEntitiesOrGlossesIsNotALexicon() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wfx-layout-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("entity"), withIntermediateDirectories: true)
        #expect(throws: LexiconError(file: root.path, line: 0, message: "not a lexicon directory: it holds no 'entities', 'glosses' or 'overrides' folder (see Lexicons/README.md)")) {
            try LexiconLoader.load(directory: root)
        }
        let upper = root.appendingPathComponent("entities")
        try FileManager.default.createDirectory(at: upper, withIntermediateDirectories: true)
        try "\(header)\n".write(to: upper.appendingPathComponent("people.TSV"), atomically: true, encoding: .utf8)
        #expect(throws: LexiconError(file: upper.appendingPathComponent("people.TSV").path, line: 0, message: "lexicon files must end in '.tsv' (lowercase): rename it to load it")) {
            try LexiconLoader.load(directory: root)
        }
    }
}
