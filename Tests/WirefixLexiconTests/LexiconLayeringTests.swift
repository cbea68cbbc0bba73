import Foundation
import Testing
@testable import WirefixLexicon

/// A lexicon directory tree under the temporary directory, removed when the test ends.
struct LexiconTree {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wirefix-lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// Writes `text` to `relativePath`, creating folders.
    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> URL {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

@Suite struct LexiconLayeringTests {
    static let header = "id\ttype\tcanonical\taliases\tmisspellings\tglosses\tcountry\tcontext\tsource"

    func bundled(_ tree: LexiconTree) throws {
        try tree.write("bundled/entities/people.tsv", """
            \(Self.header)
            ve-delcy-rodriguez\tperson\tDelcy Rodríguez\t\t\t\tVE\t\tsrc
            ve-rander-pena\tperson\tRander Peña\t\t\t\tVE\t\tsrc
            ve-jorge-rodriguez\tperson\tJorge Rodríguez\t\t\t\tVE\t\tsrc

            """)
    }

    @Test func aUserOverrideDisablesABundledEntityById() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        try bundled(tree)
        try tree.write("desk/overrides/desk.tsv", "id\tstatus\tnote\nve-rander-pena\tdisabled\twe never name him\n")
        let lexicon = try LexiconLoader.load(directories: [tree.url("bundled"), tree.url("desk")])
        #expect(lexicon.entities.map(\.id) == ["ve-delcy-rodriguez", "ve-jorge-rodriguez"])
        #expect(lexicon.disabled.map(\.entity.id) == ["ve-rander-pena"])
        #expect(lexicon.disabled.first?.by.origin == RecordOrigin(file: tree.url("desk/overrides/desk.tsv").path, line: 2))
        // Disabled means no variant of it is compiled.
        #expect(!Gazetteer(lexicon: lexicon).variants.contains { $0.target == "Rander Peña" })
    }

    @Test func aUserEntryReplacesABundledOneAndAnOverrideSetsTheHouseStyle() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        try bundled(tree)
        try tree.write("desk/entities/desk.tsv", "\(Self.header)\nve-delcy-rodriguez\tperson\tDelcy Rodríguez\tDelcy Eloína Rodríguez\t\t\tVE\t\tdesk\n")
        try tree.write("desk/overrides/style.tsv", "id\tstyle\nve-jorge-rodriguez\tunaccented\n")
        let lexicon = try LexiconLoader.load(directories: [tree.url("bundled"), tree.url("desk")])
        #expect(lexicon.entities.map(\.id) == ["ve-delcy-rodriguez", "ve-rander-pena", "ve-jorge-rodriguez"])
        #expect(lexicon.entity(id: "ve-delcy-rodriguez")?.source == "desk")
        #expect(lexicon.entity(id: "ve-delcy-rodriguez")?.aliases == ["Delcy Eloína Rodríguez"])
        #expect(lexicon.entity(id: "ve-jorge-rodriguez")?.style == .unaccented)
        #expect(lexicon.entity(id: "ve-rander-pena")?.style == nil)
    }

    @Test func aDisabledEntityComesBackWhenALaterLayerActivatesOrRedefinesIt() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        try bundled(tree)
        try tree.write("a/overrides/o.tsv", "id\tstatus\nve-rander-pena\tdisabled\n")
        try tree.write("b/overrides/o.tsv", "id\tstatus\nve-rander-pena\tactive\n")
        let lexicon = try LexiconLoader.load(directories: [tree.url("bundled"), tree.url("a"), tree.url("b")])
        #expect(lexicon.entity(id: "ve-rander-pena") != nil)
        #expect(lexicon.disabled.isEmpty)
    }

    @Test func anOverrideOfAnUnknownIdOrWithNothingToDoIsAnError() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        try bundled(tree)
        let file = try tree.write("desk/overrides/desk.tsv", "id\tstatus\tstyle\nve-nobody\tdisabled\t\n")
        #expect(throws: LexiconError(file: file.path, line: 2, message: "override of unknown id 've-nobody': no entity of this or an earlier lexicon directory has it")) {
            try LexiconLoader.load(directories: [tree.url("bundled"), tree.url("desk")])
        }
        #expect(throws: LexiconError(file: "o.tsv", line: 2, message: "an override must set 'status' or 'style'")) {
            try LexiconLoader.parseOverrides("id\tstatus\tstyle\nve-rander-pena\t\t\n", file: "o.tsv")
        }
        #expect(throws: LexiconError(file: "o.tsv", line: 2, message: "column 'status': expected active or disabled, found 'off'")) {
            try LexiconLoader.parseOverrides("id\tstatus\nve-rander-pena\toff\n", file: "o.tsv")
        }
    }

    @Test func aDirectoryWithOnlyOverridesIsALexiconDirectory() throws {
        let tree = try LexiconTree()
        defer { tree.remove() }
        try bundled(tree)
        try tree.write("desk/overrides/o.tsv", "id\tstyle\nve-delcy-rodriguez\tunaccented\n")
        let alone = try LexiconLoader.load(directory: tree.url("desk"))
        #expect(alone.entities.isEmpty)
        #expect(alone.pendingOverrides.map(\.id) == ["ve-delcy-rodriguez"])
    }
}

/// Every malformed record of a gloss or override file is reported in one run, and the country
/// column takes ISO 3166-1 codes (user-assigned ones load, and lint names them).
@Suite struct LexiconRecordCheckTests {
    @Test func aGlossFileReportsEveryBadLine() {
        let text = "component\tkind\ttranslations\tsource\nCabello\tsurname\thair\nMaduro\tsurnme\tmature\tsrc\nPeña\tsurname\trock\tsrc\textra\nRobles\tsurname\toaks\tsrc\n"
        #expect(throws: LexiconError(problems: [
            .init(file: "g.tsv", line: 2, message: "expected 4 tab-separated fields, found 3"),
            .init(file: "g.tsv", line: 3, message: "column 'kind': expected given, surname or word, found 'surnme'"),
            .init(file: "g.tsv", line: 4, message: "expected 4 tab-separated fields, found 5"),
        ])) {
            try LexiconLoader.parseGlosses(text, file: "g.tsv")
        }
        let overrides = "id\tstatus\nve-a\toff\nve-b\tdisabled\textra\n"
        #expect(throws: LexiconError(problems: [
            .init(file: "o.tsv", line: 2, message: "column 'status': expected active or disabled, found 'off'"),
            .init(file: "o.tsv", line: 3, message: "expected 2 tab-separated fields, found 3"),
        ])) {
            try LexiconLoader.parseOverrides(overrides, file: "o.tsv")
        }
    }

    @Test func countryCodesAreISOOrUserAssigned() throws {
        #expect(CountryCode.isValid("VE") && CountryCode.isValid("ES") && CountryCode.isValid("INT"))
        #expect(!CountryCode.isValid("ZX") && !CountryCode.isValid("UK") && !CountryCode.isValid("ve") && !CountryCode.isValid("VEN"))
        #expect(CountryCode.isUserAssigned("XX") && CountryCode.isUserAssigned("XK") && CountryCode.isUserAssigned("QM") && CountryCode.isUserAssigned("ZZ"))
        #expect(!CountryCode.isUserAssigned("QA") && !CountryCode.isUserAssigned("VE"))
        let header = "id\ttype\tcanonical\taliases\tmisspellings\tglosses\tcountry\tcontext\tsource"
        #expect(throws: LexiconError(file: "e.tsv", line: 2, message: "column 'country': expected an ISO 3166-1 alpha-2 code such as VE (or INT, or a user-assigned code such as XK), found 'UK'")) {
            try LexiconLoader.parseEntities("\(header)\nuk-a\tperson\tAna Flores\t\t\t\tUK\t\tsrc\n", file: "e.tsv")
        }
        let generated = try LexiconLoader.parseEntities("\(header)\nxx-a\tperson\tAna Flores\t\t\t\tXX\t\tsrc\n", file: "e.tsv")
        let problems = LexiconLinter(words: EnglishWordList(rankedWords: []), names: EnglishNameList()).lint(Lexicon(entities: generated))
        #expect(problems.map(\.description) == ["e.tsv:2: country 'XX' is a user-assigned code, not a country: use the ISO 3166-1 code of the entity's country, or INT"])
    }
}
