import ArgumentParser
import Foundation
import Testing
import Wirefix
import WirefixTestSupport
@testable import wirefix

/// `wirefix eval --write-entity-cases FILE`: writes the bundled lexicon's entity cases, then
/// evaluates the corpora given, if any.
@Suite struct EntityCasesCommandTests {
    @Test func writesTheCommittedFileAndASummary() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let capture = CapturedStreams()
        let command = try #require(try WirefixCommand.parseAsRoot(["eval", "--write-entity-cases", folder.path("entities.tsv")]) as? EvalCommand)
        try command.execute(in: .bundled(capture: capture))
        let committed = try Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Tests/Evaluation/entities.tsv"))
        #expect(try folder.read("entities.tsv") == [UInt8](committed))
        #expect(capture.standardError.hasPrefix("wirefix: "))
        #expect(capture.standardError.contains(" entity cases written to \(folder.path("entities.tsv")): \(Fixtures.lexicon.entities.count) entities; damaged: calque "))
        // Nothing evaluated without a corpus.
        #expect(capture.standardOutput.isEmpty)
    }

    @Test func evaluatesTheCorporaGivenAfterWriting() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("small.tsv", "id\tkind\tinput\texpected\nc1\tcase\tThe minister delcy rodríguez spoke.\tThe minister Delcy Rodríguez spoke.\n")
        let capture = CapturedStreams()
        let command = try #require(try WirefixCommand.parseAsRoot(
            ["eval", "--write-entity-cases", folder.path("entities.tsv"), folder.path("small.tsv")]) as? EvalCommand)
        try command.execute(in: .bundled(capture: capture))
        #expect(FileManager.default.fileExists(atPath: folder.path("entities.tsv")))
        #expect(capture.outputText.hasPrefix("Evaluation of 1 cases: 1 sentence cases"))
    }

    @Test func needsACorpusOrAFileToWrite() {
        #expect(throws: (any Error).self) { try WirefixCommand.parseAsRoot(["eval"]) }
        #expect((try? WirefixCommand.parseAsRoot(["eval", "--write-entity-cases", "x.tsv"])) is EvalCommand)
    }
}
