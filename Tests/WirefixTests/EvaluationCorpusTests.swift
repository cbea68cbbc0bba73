import Foundation
import Testing
import Wirefix
import WirefixTestSupport

/// The evaluation corpus in Tests/Evaluation parses and has the required size and shape, and the
/// loader reports malformed case files. These tests do not check how well the tool scores.
@Suite struct EvaluationCorpusTests {
    static let directory = Fixtures.repositoryRoot.appendingPathComponent("Tests/Evaluation").path

    static let cases: [EvaluationCase] = (try? EvaluationCorpus.load(paths: [directory])) ?? []

    @Test func corpusLoads() throws {
        let loaded = try EvaluationCorpus.load(paths: [Self.directory])
        #expect(loaded.count == Self.cases.count)
    }

    @Test func caseFileHasAtLeast400CasesAnd150Negatives() {
        let sentences = Self.cases.filter { !$0.isArticle }
        #expect(sentences.count >= 400)
        #expect(sentences.filter(\.isNegative).count >= 150)
    }

    @Test func everyKindIsCovered() {
        let kinds = Set(Self.cases.filter { !$0.isArticle }.map(\.kind))
        #expect(kinds == Set(DamageKind.all))
        for kind in DamageKind.all where kind != DamageKind.negative {
            #expect(Self.cases.filter { $0.kind == kind && !$0.expectsNoChange }.count >= 10, "kind \(kind)")
        }
    }

    @Test func unchangedDamageIsMarkedSuggestOrFindingOnly() {
        func isMarked(_ note: String) -> Bool { note.hasPrefix("suggest only") || note.hasPrefix("finding only") }
        for item in Self.cases where !item.isArticle && !item.isNegative && item.expectsNoChange {
            #expect(isMarked(item.note), "\(item.id)")
        }
        for item in Self.cases where !item.isArticle && !item.isNegative && !item.expectsNoChange {
            #expect(!isMarked(item.note), "\(item.id)")
        }
    }

    /// Homoglyphs in a Latin name that the lexicon knows are repaired; one in an acronym in
    /// capitals ("РSUV") stays a finding: the cases say so.
    @Test func homoglyphCasesExpectRepairOrFinding() {
        let homoglyphs = Self.cases.filter { $0.kind == "unicode" && $0.input.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } }
        #expect(homoglyphs.map(\.id) == ["c325", "c326", "c327"])
        for item in homoglyphs where item.id != "c327" {
            #expect(!item.expectsNoChange, "\(item.id)")
            #expect(!item.expected.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }, "\(item.id)")
        }
        let acronym = homoglyphs.first { $0.id == "c327" }
        #expect(acronym?.expectsNoChange == true)
        #expect(acronym?.note.hasPrefix("finding only") == true)
    }

    @Test func idsFollowTheNegativeConvention() {
        for item in Self.cases where !item.isArticle {
            #expect(item.id.hasPrefix("n") == item.isNegative, "\(item.id)")
        }
    }

    @Test func atLeastTenArticlesWithTheirCorrections() {
        let articles = Self.cases.filter(\.isArticle)
        #expect(articles.count >= 10)
        #expect(articles.filter { !$0.expectsNoChange }.count >= 10)
        for article in articles {
            #expect(article.input.split(separator: "\n", omittingEmptySubsequences: true).count >= 4, "\(article.id)")
            // An editor repairs words, not layout: same lines.
            #expect(article.input.split(separator: "\n", omittingEmptySubsequences: false).count
                    == article.expected.split(separator: "\n", omittingEmptySubsequences: false).count, "\(article.id)")
        }
    }

    @Test func parsesAHandWrittenCaseFile() throws {
        let text = "# comment\nid\tkind\tinput\texpected\tnote\r\nc1\tcase\tdelcy spoke\tDelcy spoke\tlowercased\n\nn1\tnegative\tThe hair.\tThe hair.\tplain\n"
        let cases = try EvaluationCorpus.parseCases(text, file: "t.tsv")
        #expect(cases.map(\.id) == ["c1", "n1"])
        #expect(cases[0] == EvaluationCase(id: "c1", kind: "case", input: "delcy spoke", expected: "Delcy spoke",
                                           note: "lowercased", source: "t.tsv:3"))
        #expect(cases[1].isNegative)
        #expect(cases[1].expectsNoChange)
    }

    @Test func reportsEveryProblemWithItsLine() {
        let text = "id\tkind\tinput\texpected\nc1\tcase\tonly three\tfields\textra\nc2\tweird\ta\tb\nn1\tnegative\tThe hair.\tThe Cabello.\n"
        #expect(throws: EvaluationError(problems: [
            .init(file: "t.tsv", line: 2, message: "expected 4 tab-separated fields, found 5"),
            .init(file: "t.tsv", line: 3, message: "unknown kind 'weird' (known: calque, org-calque, case, diacritic, glue, debris, mojibake, unicode, negative)"),
            .init(file: "t.tsv", line: 4, message: "negative case 'n1' expects a change"),
        ])) {
            try EvaluationCorpus.parseCases(text, file: "t.tsv")
        }
    }

    @Test func headerMustNameTheColumns() {
        #expect(throws: EvaluationError(problems: [
            .init(file: "t.tsv", line: 1, message: "header lacks the column 'expected'"),
        ])) {
            try EvaluationCorpus.parseCases("id\tkind\tinput\n", file: "t.tsv")
        }
    }

    @Test func duplicateIdsAcrossFilesAreRejected() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wirefix-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let row = "id\tkind\tinput\texpected\nc1\tcase\tdelcy\tDelcy\n"
        try row.write(to: folder.appendingPathComponent("a.tsv"), atomically: true, encoding: .utf8)
        try row.write(to: folder.appendingPathComponent("b.tsv"), atomically: true, encoding: .utf8)
        #expect(throws: EvaluationError.self) { try EvaluationCorpus.load(paths: [folder.path]) }
        // An article needs its expected version.
        try "Text.\n".write(to: folder.appendingPathComponent("x.txt"), atomically: true, encoding: .utf8)
        #expect(throws: EvaluationError(file: folder.appendingPathComponent("x.txt").path,
                                        "article has no expected version \(folder.appendingPathComponent("x.expected.txt").path)")) {
            try EvaluationCorpus.load(paths: [folder.appendingPathComponent("x.txt").path])
        }
        #expect(throws: EvaluationError(file: folder.appendingPathComponent("missing.tsv").path, "no such file or directory")) {
            try EvaluationCorpus.load(paths: [folder.appendingPathComponent("missing.tsv").path])
        }
    }
}
