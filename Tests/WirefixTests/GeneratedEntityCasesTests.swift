import Foundation
import Testing
import Wirefix
import WirefixTestSupport

/// `Tests/Evaluation/entities.tsv` must hold exactly the cases ``EntityCases`` generates from the
/// bundled lexicon, and the generator must choose each entity's damage as documented.
@Suite struct GeneratedEntityCasesTests {
    static let countries: EntityCases.CountryNames = {
        do {
            let path = try BundledData.lexiconDirectory().appendingPathComponent("geography/countries.tsv").path
            return try EntityCases.CountryNames(contentsOf: path)
        } catch {
            preconditionFailure("country table failed to load: \(error)")
        }
    }()

    static let generated = EntityCases.generate(lexicon: Fixtures.lexicon, words: Fixtures.words, countries: countries)

    @Test func theCommittedEntityCasesAreCurrent() throws {
        let url = Fixtures.repositoryRoot.appendingPathComponent("Tests/Evaluation/entities.tsv")
        let committed = try String(contentsOf: url, encoding: .utf8)
        let current = EntityCases.text(of: Self.generated.cases)
        if committed != current {
            let old = Set(committed.split(separator: "\n")), new = Set(current.split(separator: "\n"))
            let added = new.subtracting(old).sorted().prefix(3), removed = old.subtracting(new).sorted().prefix(3)
            Issue.record("""
                Tests/Evaluation/entities.tsv is out of date; run Scripts/generate-entity-cases.sh (then Scripts/update-baseline.sh).
                New lines (first 3): \(added.joined(separator: " / "))
                Gone (first 3): \(removed.joined(separator: " / "))
                """)
        }
    }

    /// Every entity has its clean case; the few without a damaged case are names no rule can
    /// repair by design: one word of three letters or fewer or with digits ("Vox", "NTN24"), or
    /// a name whose words are not joined by spaces, hyphens or apostrophes ("Armando.info"), with
    /// no alias that could stand in.
    @Test func everyEntityHasACleanCaseAndADamagedOneWhereARuleCanRepairIt() throws {
        let ids = Set(Self.generated.cases.map(\.id))
        for entity in Fixtures.lexicon.entities {
            #expect(ids.contains("n-\(entity.id)"), "\(entity.id)")
        }
        let summary = Self.generated.summary
        #expect(summary.entities == Fixtures.lexicon.entities.count)
        #expect(summary.damagedByKind.values.reduce(0, +) + summary.withoutDamage.count == summary.entities)
        for id in summary.withoutDamage {
            let entity = try #require(Fixtures.lexicon.entity(id: id))
            let words = Gazetteer.words(of: entity.canonical)
            let short = words.count == 1 && (words[0].count < 4 || !words[0].allSatisfy(\.isLetter))
            #expect(short || !EntityCases.isMatchable(entity.canonical), "\(id): \(entity.canonical)")
        }
        #expect(summary.withoutDamage.count < 20)
        #expect(Self.generated.cases.allSatisfy { $0.set == EntityCases.setName })
        #expect(Self.generated.cases.filter(\.isNegative).allSatisfy { $0.id.hasPrefix("n-") && $0.expectsNoChange })
        #expect(Self.generated.cases.filter { !$0.isNegative }.allSatisfy { $0.id.hasPrefix("e-") && !$0.expectsNoChange })
    }

    /// A small lexicon whose entities each take one path of the documented order.
    static let lexicon = Lexicon(
        entities: [
            Entity(id: "a-cabello", kind: .person, canonical: "Diosdado Cabello", glosses: ["Diosdado": ["God given"]],
                   country: "VE", source: "test"),
            Entity(id: "b-pena", kind: .person, canonical: "Rander Peña", country: "VE", source: "test"),
            Entity(id: "c-xi", kind: .person, canonical: "Xi Jinping", country: "CN", source: "test"),
            Entity(id: "d-podemos", kind: .organization, canonical: "Podemos", country: "ES", context: ["party"], source: "test"),
            Entity(id: "e-ecopetrol", kind: .organization, canonical: "Ecopetrol", country: "CO", source: "test"),
            Entity(id: "f-mas", kind: .organization, canonical: "MAS", aliases: ["Movimiento al Socialismo"], country: "BO", source: "test"),
            Entity(id: "g-vox", kind: .organization, canonical: "Vox", country: "ES", source: "test"),
            Entity(id: "h-gonzalez", kind: .person, canonical: "Claudio X. González", country: "MX", source: "test"),
            Entity(id: "i-lince", kind: .place, canonical: "Lince", country: "PE", context: ["district"], source: "test"),
        ],
        glosses: [
            Gloss(component: "Cabello", kind: .surname, translations: ["hair"], source: "test"),
            Gloss(component: "Podemos", kind: .word, translations: ["We Can"], source: "test"),
            Gloss(component: "Lince", kind: .word, translations: ["lynx"], source: "test"),
        ])

    static let small = EntityCases.generate(
        lexicon: lexicon, words: EnglishWordList(rankedWords: []),
        countries: EntityCases.CountryNames(["VE": "Venezuela", "CN": "China", "ES": "Spain", "CO": "Colombia", "BO": "Bolivia", "PE": "Peru"]))

    func damaged(_ id: String) -> EvaluationCase? { Self.small.cases.first { $0.id == "e-\(id)" } }

    @Test func damageFollowsTheDocumentedOrder() throws {
        // 1. calque: the surname (a literal word) translated, the given name as anchor.
        let cabello = try #require(damaged("a-cabello"))
        #expect(cabello.kind == "calque")
        #expect(cabello.input.contains("Diosdado Hair") && cabello.expected.contains("Diosdado Cabello"))
        #expect(cabello.input.replacingOccurrences(of: "Diosdado Hair", with: "Diosdado Cabello") == cabello.expected)
        // 2. diacritics lost, the country named.
        let pena = try #require(damaged("b-pena"))
        #expect(pena.kind == "diacritic")
        #expect(pena.input.contains("Rander Pena") && pena.input.contains("Venezuela"))
        // 3. lowercase after a role word.
        let xi = try #require(damaged("c-xi"))
        #expect(xi.kind == "case")
        #expect(xi.input.contains("official xi jinping") || xi.input.contains("leader xi jinping"))
        // 1 for a one-word organization: the whole name translated, after its kind noun.
        let podemos = try #require(damaged("d-podemos"))
        #expect(podemos.kind == "org-calque")
        #expect(podemos.input.contains("party We Can") && podemos.expected.contains("party Podemos"))
        // 4. glued to the verb.
        let ecopetrol = try #require(damaged("e-ecopetrol"))
        #expect(ecopetrol.kind == "glue")
        #expect(ecopetrol.input.contains("Ecopetrolsaid") && ecopetrol.expected.contains("Ecopetrol said"))
        // 5. too short to split: the alias, in lowercase.
        let mas = try #require(damaged("f-mas"))
        #expect(mas.kind == "case")
        #expect(mas.input.lowercased().contains("members of movimiento al socialismo"))
        #expect(mas.expected.contains("Movimiento al Socialismo") && !mas.input.contains("Movimiento"))
        // None fits: too short, or not matchable as one name.
        #expect(damaged("g-vox") == nil)
        #expect(damaged("h-gonzalez") == nil)
        #expect(Self.small.summary.withoutDamage == ["g-vox", "h-gonzalez"])
        // A place: the kind noun from its context before the name, as machine translation keeps it.
        let lince = try #require(damaged("i-lince"))
        #expect(lince.input.contains("district of Lynx") && lince.expected.contains("district of Lince") && lince.input.contains("Peru"))
        #expect(Self.small.summary.damagedByKind == ["calque": 2, "diacritic": 1, "case": 2, "org-calque": 1, "glue": 1])
        #expect(Self.small.summary.aliasDamage == 1)
    }

    @Test func casesFollowTheIdsWithTheCleanCaseAfterTheDamagedOne() {
        #expect(Self.small.cases.map(\.id) == [
            "e-a-cabello", "n-a-cabello", "e-b-pena", "n-b-pena", "e-c-xi", "n-c-xi", "e-d-podemos", "n-d-podemos",
            "e-e-ecopetrol", "n-e-ecopetrol", "e-f-mas", "n-f-mas", "n-g-vox", "n-h-gonzalez", "e-i-lince", "n-i-lince",
        ])
        let clean = Self.small.cases.filter(\.isNegative)
        #expect(clean.allSatisfy { $0.input == $0.expected })
        for (item, name) in zip(clean, ["Diosdado Cabello", "Rander Peña", "Xi Jinping", "Podemos", "Ecopetrol", "MAS", "Vox",
                                        "Claudio X. González", "Lince"]) {
            #expect(item.input.contains(name), "\(item.id)")
        }
    }

    /// The text reads back through the case-file parser as the same cases, in the set `entities`.
    @Test func theTextParsesBackIntoTheSameCases() throws {
        let text = EntityCases.text(of: Self.small.cases)
        #expect(text.hasPrefix("# Two sentences per lexicon entity"))
        let parsed = try EvaluationCorpus.parseCases(text, file: "entities.tsv")
        #expect(parsed.map(\.id) == Self.small.cases.map(\.id))
        #expect(parsed.map(\.input) == Self.small.cases.map(\.input))
        #expect(parsed.map(\.expected) == Self.small.cases.map(\.expected))
        #expect(parsed.allSatisfy { $0.set == "entities" })
    }

    @Test func templatesDependOnTheIdAlone() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c.
        #expect(EntityCases.templateSlot("a") == Int(UInt64(0xaf63_dc4c_8601_ec8c) % 1_000_003))
        #expect(EntityCases.templateSlot("ve-nicolas-maduro") == EntityCases.templateSlot("ve-nicolas-maduro"))
    }

    @Test func diacriticsAreStrippedToTheBaseLetters() {
        #expect(EntityCases.strippingDiacritics("Alberto Núñez Feijóo") == "Alberto Nunez Feijoo")
        #expect(EntityCases.strippingDiacritics("São Paulo") == "Sao Paulo")
        #expect(EntityCases.strippingDiacritics("Xi Jinping") == "Xi Jinping")
    }

    @Test func countryNamesTakeTheArticleEnglishGivesThem() throws {
        #expect(Self.countries.names["VE"] == "Venezuela")
        #expect(Self.countries.names["US"] == "the United States")
        #expect(Self.countries.names["DO"] == "the Dominican Republic")
        #expect(Self.countries.names["MX"] == "Mexico")
    }

    @Test func aMalformedCountryTableNamesFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wirefix-countries-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("countries.tsv")
        try "# comment\ncode\tnames\nVE\tVenezuela\nMX\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: EvaluationError(file: file.path, line: 4, "expected 2 tab-separated fields, found 1")) {
            try EntityCases.CountryNames(contentsOf: file.path)
        }
    }
}

/// A case file's `# set:` line and the report's order of sets.
@Suite struct NamedCaseSetTests {
    @Test func aSetLineBeforeTheHeaderNamesTheSet() throws {
        let text = "# generated\n# set: entities\nid\tkind\tinput\texpected\nc1\tcase\tdelcy spoke\tDelcy spoke\n# set: other\nn1\tnegative\tA.\tA.\n"
        let cases = try EvaluationCorpus.parseCases(text, file: "t.tsv")
        #expect(cases.map(\.set) == ["entities", "entities"])
        #expect(try EvaluationCorpus.parseCases("id\tkind\tinput\texpected\nc1\tcase\ta\tb\n", file: "t.tsv").map(\.set) == ["cases"])
    }

    @Test func aBadSetNameIsAnErrorWithItsLine() {
        #expect(throws: EvaluationError(problems: [
            .init(file: "t.tsv", line: 1, message: "'# set:' needs a set name of lowercase letters, digits and hyphens other than articles, synthetic and clean-copy, found 'articles'"),
        ])) {
            try EvaluationCorpus.parseCases("# set: articles\nid\tkind\tinput\texpected\n", file: "t.tsv")
        }
    }

    @Test func namedSetsFollowCasesInTheReport() {
        let evaluator = Evaluator(correct: { text in CorrectionResult(original: text, corrected: text, corrections: [], suggestions: [], findings: []) })
        let cases = [
            EvaluationCase(id: "x1", kind: "negative", input: "A.", expected: "A.", setName: "zeta"),
            EvaluationCase(id: "x2", kind: "negative", input: "B.", expected: "B."),
            EvaluationCase(id: "x3", kind: "negative", input: "C.", expected: "C.", setName: "entities"),
            EvaluationCase(id: "x4", kind: EvaluationCase.articleKind, input: "D.", expected: "D."),
        ]
        let report = evaluator.evaluate(cases)
        #expect(report.bySet.map(\.name) == ["cases", "entities", "zeta", "articles"])
        #expect(report.table().hasPrefix("Evaluation of 4 cases: 3 sentence cases (3 negatives, 0 to suggest only) and 1 articles\n"))
    }
}
