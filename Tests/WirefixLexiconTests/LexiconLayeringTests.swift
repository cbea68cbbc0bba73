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
