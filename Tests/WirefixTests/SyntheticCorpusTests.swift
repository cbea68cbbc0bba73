import Foundation
import Testing
import Wirefix
import WirefixTestSupport

/// The synthetic generator: clean wire copy, damage injection with its ground truth, the files,
/// and their evaluation.
@Suite struct SyntheticCorpusTests {
    static let gazetteer = Fixtures.gazetteer

    /// Clean paragraphs and their damaged versions, with a high rate of every kind.
    static let samples: [(clean: String, damaged: String, truth: [LabeledEdit])] = {
        var copy = SyntheticWireCopy(seed: 7, lexicon: Fixtures.lexicon)
        var rates = DamageRates()
        rates.calque = 0.3; rates.lowercase = 0.15; rates.diacritics = 0.3; rates.nameGlue = 0.1
        rates.linkGlue = 0.3; rates.debris = 0.3; rates.mojibake = 0.5; rates.zeroWidth = 0.05
        var injector = DamageInjector(gazetteer: gazetteer, rates: rates, seed: 7)
        return (0..<150).map { _ in
            let clean = copy.paragraph()
            let (damaged, truth) = injector.damage(clean)
            return (clean, damaged, truth)
        }
    }()

    @Test func truthRepairsTheDamagedTextByteForByte() {
        for sample in Self.samples {
            let bytes = Array(sample.damaged.utf8)
            let repaired = TextEdit.apply(sample.truth.map(\.edit), to: bytes, in: TextRange(start: 0, end: bytes.count))
            #expect(Array(repaired.utf8) == Array(sample.clean.utf8))
            for label in sample.truth {
                #expect(bytes[label.edit.range.asRange].elementsEqual(label.edit.original.utf8))
                #expect(label.edit.original != label.edit.replacement)
            }
        }
    }

    @Test func everyDamageKindIsInjected() {
        let kinds = Set(Self.samples.flatMap { $0.truth.map(\.kind) })
        #expect(kinds == ["calque", "org-calque", "case", "diacritic", "glue", "debris", "mojibake", "unicode"])
        #expect(Set(kinds).isSubset(of: Set(DamageKind.all)))
    }

    @Test func sitesNeverTouch() {
        for sample in Self.samples {
            for (first, second) in zip(sample.truth, sample.truth.dropFirst()) {
                #expect(first.edit.range.end < second.edit.range.start)
            }
        }
    }

    @Test func sameSeedSameTextOtherSeedOtherText() {
        func run(_ seed: UInt64) -> [String] {
            var copy = SyntheticWireCopy(seed: seed, lexicon: Fixtures.lexicon)
            var injector = DamageInjector(gazetteer: Self.gazetteer, seed: seed)
            return (0..<20).map { _ in injector.damage(copy.paragraph()).damaged }
        }
        #expect(run(3) == run(3))
        #expect(run(3) != run(4))
    }

    @Test func zeroRatesLeaveTheTextClean() {
        var rates = DamageRates()
        for name in DamageRates.names {
            let accepted = rates.set(name, to: 0)
            #expect(accepted)
        }
        let outOfRange = rates.set("calque", to: 1.5)
        let unknown = rates.set("typo", to: 0.1)
        #expect(!outOfRange && !unknown)
        var injector = DamageInjector(gazetteer: Self.gazetteer, rates: rates, seed: 1)
        for sample in Self.samples.prefix(30) {
            let (damaged, truth) = injector.damage(sample.clean)
            #expect(damaged == sample.clean)
            #expect(truth.isEmpty)
        }
    }

    @Test func mojibakeReadsUTF8AsWindows1252() {
        #expect(DamageInjector.mojibake("Peña") == "PeÃ±a")
        #expect(DamageInjector.mojibake("country’s") == "countryâ€™s")
        #expect(DamageInjector.mojibake("Rodríguez") == "RodrÃ­guez")
        // "Á" is C3 81 and 0x81 has no Windows-1252 character.
        #expect(DamageInjector.mojibake("Álvaro") == nil)
        #expect(DamageInjector.mojibake("plain") == nil)
    }

    /// The generated clean copy is clean: Wirefix applies nothing to it, so every change it makes
    /// on the damaged text is scored against the injected truth alone.
    @Test func generatedCleanCopyGetsNoCorrection() {
        for sample in Self.samples {
            let result = Fixtures.corrector.correct(sample.clean)
            #expect(result.corrections.isEmpty, "\(result.corrections.map { "\($0.original) → \($0.replacement)" }) in: \(sample.clean)")
        }
    }

    @Test func writesLoadsAndScoresAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wirefix-synthetic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("corpus.txt").path
        var options = SyntheticCorpus.Options()
        options.bytes = 40_000
        options.seed = 11
        let summary = try SyntheticCorpus.write(to: path, options: options, gazetteer: Self.gazetteer, lexicon: Fixtures.lexicon)
        let text = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(text.count == summary.bytes)
        #expect(summary.bytes >= 40_000)
        // Reproducible: the same seed writes the same bytes.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("again"), withIntermediateDirectories: true)
        let again = folder.appendingPathComponent("again/corpus.txt").path
        try SyntheticCorpus.write(to: again, options: options, gazetteer: Self.gazetteer, lexicon: Fixtures.lexicon)
        let againText = try Data(contentsOf: URL(fileURLWithPath: again))
        let truth = try Data(contentsOf: URL(fileURLWithPath: SyntheticCorpus.truthPath(forText: path)))
        let againTruth = try Data(contentsOf: URL(fileURLWithPath: SyntheticCorpus.truthPath(forText: again)))
        #expect(againText == text)
        #expect(againTruth == truth)

        let cases = try EvaluationCorpus.load(paths: [path])
        #expect(cases.count == summary.documents)
        #expect(cases.allSatisfy { $0.isSynthetic })
        #expect(cases.reduce(0) { $0 + ($1.truth?.count ?? 0) } == summary.changes.values.reduce(0, +))
        let report = Evaluator(corrector: Fixtures.corrector).evaluate(cases)
        #expect(report.bySet.map(\.name) == ["synthetic"])
        let kinds = Set(report.byKind.map(\.name))
        #expect(kinds.isSuperset(of: ["calque", "case", "diacritic", "glue", "debris", "mojibake", "unicode"]))
        // A lowercased or unaccented name of two words is two expected edits, one per word.
        #expect(report.total.expected >= summary.changes.values.reduce(0, +))
        #expect(report.byKind.first { $0.name == "case" }.map { $0.score.expected > summary.changes["case"] ?? 0 } == true)
        #expect((report.total.precision ?? 0) >= 0.99)
    }

    @Test func truthErrorsNameFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wirefix-synthetic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("bad.txt")
        let truth = folder.appendingPathComponent("bad.truth.tsv")
        try "Rander Pena spoke.\n\nThe talks ended .\n".write(to: text, atomically: true, encoding: .utf8)
        try "# comment\nstart\tend\tkind\tdamaged\tclean\n0\t11\tdiacritic\tRander Pena\tRander Peña\n20\t35\tdebris\twrong\t.\n37\t38\ttypo\t.\t.\n".write(to: truth, atomically: true, encoding: .utf8)
        #expect(throws: EvaluationError(problems: [
            .init(file: truth.path, line: 4, message: "the text at 20..<35 is 'The talks ended', not 'wrong'"),
            .init(file: truth.path, line: 5, message: "unknown kind 'typo' (known: calque, org-calque, case, diacritic, glue, debris, mojibake, unicode)"),
        ])) {
            try EvaluationCorpus.load(paths: [text.path])
        }
        try "start\tend\tkind\tdamaged\tclean\n0\t11\tdiacritic\tRander Pena\tRander Peña\n35\t37\tdebris\t .\t.\n".write(to: truth, atomically: true, encoding: .utf8)
        let cases = try EvaluationCorpus.load(paths: [text.path])
        #expect(cases.map(\.id) == ["bad-1", "bad-2"])
        #expect(cases.map(\.expected) == ["Rander Peña spoke.", "The talks ended.\n"])
        #expect(cases[1].truth == [LabeledEdit(edit: TextEdit(range: TextRange(start: 15, end: 17), original: " .", replacement: "."), kind: "debris")])
    }

    /// A size above ``SyntheticCorpus/maximumBytes`` is refused before any file is created; a
    /// corpus written in full leaves no temporary file listed.
    @Test func sizesAboveTheCapAreRefusedAndNothingIsLeftPending() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wirefix-synthetic-cap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.txt").path
        var options = SyntheticCorpus.Options()
        options.bytes = SyntheticCorpus.maximumBytes + 1
        #expect(throws: EvaluationError(file: path, "a synthetic corpus may have at most 10000000000 bytes (10000 MB); 10000000001 were asked for")) {
            try SyntheticCorpus.write(to: path, options: options, gazetteer: Self.gazetteer, lexicon: Fixtures.lexicon)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        options.bytes = 2_000
        try SyntheticCorpus.write(to: path, options: options, gazetteer: Self.gazetteer, lexicon: Fixtures.lexicon)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["big.truth.tsv", "big.txt"])
        #expect(!PendingFiles.current.contains { $0.hasPrefix(folder.path) })
    }

    @Test func escapesRoundTrip() {
        let text = "a\tb\\c\nd\re"
        #expect(SyntheticCorpus.escape(text) == "a\\tb\\\\c\\nd\\re")
        #expect(SyntheticCorpus.unescape(SyntheticCorpus.escape(text)) == text)
    }
}
