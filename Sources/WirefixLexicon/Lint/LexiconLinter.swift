import Foundation

/// Checks lexicon directories beyond what loading checks: the problems `wirefix lexicon lint`
/// reports, each naming a file and a line.
///
/// Loading (``LexiconLoader``) already rejects malformed records, duplicate ids within one
/// directory, and text that is not NFC. On a lexicon that loads, the linter compiles the
/// ``Gazetteer`` and checks every generated variant:
///
/// - **undeclared ambiguity**: one variant (compared folded) belongs to two or more entities and
///   none of them lists it in its `ambiguous` column;
/// - **unguarded common English**: a calque variant (at least one component translated) that
///   reads as ordinary English (``EnglishReading``) and has no context guard;
/// - **unused guard**: a guard whose selector names a text that is no variant of its entity;
/// - **stale ambiguity**: an `ambiguous` entry that no other entity shares (or no variant of
///   the entity has);
/// - **user-assigned country code**: `XX`, `QM` or another code ISO 3166-1 leaves to private use
///   (loading accepts them for test lexicons; a curated record names a real country).
public struct LexiconLinter: Sendable {
    /// The English word list (frequency ranks).
    public let words: EnglishWordList
    /// The English given names and surnames.
    public let names: EnglishNameList

    /// Creates a linter over the English word and name lists (the bundled ones in practice).
    public init(words: EnglishWordList, names: EnglishNameList) {
        self.words = words
        self.names = names
    }

    /// What linting found.
    public struct Report: Sendable {
        /// The merged lexicon, when every directory loaded.
        public var lexicon: Lexicon?
        /// Every problem, ordered by file and line.
        public var problems: [LexiconError.Problem]
    }

    /// Loads the directories in order, each on top of the previous ones, and checks the result.
    ///
    /// Each directory is loaded on its own first, so that the loading problems of all of them are
    /// reported; the variant checks run only when every directory loads.
    ///
    /// - Complexity: dominated by compiling the gazetteer, O(*v*) in generated variants.
    public func lint(directories: [URL]) -> Report {
        var problems: [LexiconError.Problem] = []
        var lexicon = Lexicon()
        for directory in directories {
            do throws(LexiconError) {
                let unknown = lexicon.merge(try LexiconLoader.load(directory: directory))
                problems += unknown.map {
                    .init(file: $0.origin.file, line: $0.origin.line,
                          message: "override of unknown id '\($0.id)': no entity of this or an earlier lexicon directory has it")
                }
            } catch {
                problems += error.problems
            }
        }
        if !problems.isEmpty { return Report(lexicon: nil, problems: problems) }
        return Report(lexicon: lexicon, problems: lint(lexicon))
    }

    /// The variant checks on a loaded lexicon (see ``LexiconLinter``).
    ///
    /// - Returns: problems ordered by file, line and message.
    public func lint(_ lexicon: Lexicon) -> [LexiconError.Problem] {
        let gazetteer = Gazetteer(lexicon: lexicon)
        var problems: [LexiconError.Problem] = []
        func report(_ entity: Entity, _ message: String) {
            problems.append(.init(file: entity.origin.file, line: entity.origin.line, message: message))
        }

        // Which entities each folded variant belongs to, and which of their forms it derives from.
        var owners: [[String]: [Int]] = [:]
        var sample: [[String]: NameVariant] = [:]
        var formsOfKey: [Int: [[String]: Set<[String]>]] = [:]
        var variantsOfEntity: [Int: Set<[String]>] = [:]
        for variant in gazetteer.variants {
            let entity = gazetteer.entities[variant.entityIndex]
            variantsOfEntity[variant.entityIndex, default: []].insert(variant.foldedTokens)
            formsOfKey[variant.entityIndex, default: [:]][variant.foldedTokens, default: []].insert(LexiconLinter.key(entity.text(of: variant.form)))
            if owners[variant.foldedTokens]?.last != variant.entityIndex {
                owners[variant.foldedTokens, default: []].append(variant.entityIndex)
            }
            if sample[variant.foldedTokens] == nil { sample[variant.foldedTokens] = variant }
        }
        let declared: [Int: Set<[String]>] = Dictionary(uniqueKeysWithValues: gazetteer.entities.enumerated().map { index, entity in
            (index, Set(entity.ambiguous.map(LexiconLinter.key)))
        })
        // A declaration covers the variant itself and every variant derived from the declared form.
        func isDeclared(_ key: [String], by index: Int) -> Bool {
            guard let declarations = declared[index], !declarations.isEmpty else { return false }
            if declarations.contains(key) { return true }
            return !(formsOfKey[index]?[key] ?? []).isDisjoint(with: declarations)
        }

        // 1. Ambiguities, reported once per set of entities.
        var undeclared: [[Int]: [[String]]] = [:]
        for (key, entityIndices) in owners where entityIndices.count > 1 {
            if entityIndices.contains(where: { isDeclared(key, by: $0) }) { continue }
            undeclared[entityIndices.sorted(), default: []].append(key)
        }
        for (entityIndices, keys) in undeclared {
            let entities = entityIndices.map { gazetteer.entities[$0] }
            let last = entities.max { ($0.origin.file, $0.origin.line) < ($1.origin.file, $1.origin.line) }!
            let shown = keys.map { sample[$0]! }.min { ($0.translatedCount, $0.hasDeletedLetters ? 1 : 0, $0.text) < ($1.translatedCount, $1.hasDeletedLetters ? 1 : 0, $1.text) }!
            let more = keys.count > 1 ? " (and \(keys.count - 1) more variant\(keys.count == 2 ? "" : "s"))" : ""
            report(last, "variant '\(shown.text)'\(more) maps to \(entities.count) entities: "
                + entities.map { "\($0.id) (\($0.origin))" }.joined(separator: ", ")
                + "; declare it in the 'ambiguous' column of one of them, or remove it")
        }

        // 2. Unguarded calques that read as English.
        var reported = Set<[String]>()
        for variant in gazetteer.variants where variant.translatedCount > 0 && variant.contextGuard == nil {
            let entity = gazetteer.entities[variant.entityIndex]
            if entity.guards.contains(where: { $0.selector == .english }) { continue }
            guard let reason = EnglishReading.reason(variant.foldedTokens, words: words, names: names) else { continue }
            guard reported.insert(variant.foldedTokens + ["#\(variant.entityIndex)"]).inserted else { continue }
            report(entity, "unguarded common-English variant '\(variant.text)' of \(entity.canonical) (\(reason)); "
                + "add a guard such as 'english=title|country|name' in the 'guards' column")
        }

        // 2b. Misspellings made of common English words ("United States" recorded as a
        //     misspelling): the rule only suggests them without the entity's country, but they are
        //     almost surely a data error. (Misspellings that are English names, "Queen Leticia",
        //     are real misspellings; the rule wants the country for them.)
        var reportedMisspellings = Set<[String]>()
        for variant in gazetteer.variants where variant.translatedCount == 0 {
            guard case .misspelling = variant.form else { continue }
            let entity = gazetteer.entities[variant.entityIndex]
            guard let reason = EnglishReading.reason(variant.foldedTokens, words: words, names: names),
                  reason == EnglishReading.commonWordsReason,
                  reportedMisspellings.insert(variant.foldedTokens + ["#\(variant.entityIndex)"]).inserted else { continue }
            report(entity, "misspelling '\(variant.text)' of \(entity.canonical) reads as common English (\(reason)); "
                + "ordinary English text would be changed: remove it")
        }

        // 3. Guards that cover nothing, and declarations that declare nothing.
        for (index, entity) in gazetteer.entities.enumerated() {
            if CountryCode.isUserAssigned(entity.country) {
                report(entity, "country '\(entity.country)' is a user-assigned code, not a country: use the ISO 3166-1 code of the entity's country, or INT")
            }
            // Names are written with plain spaces (loading already refuses invisible characters
            // and double spaces): a replacement carries its spaces into the copy, where a
            // no-break or thin space would be invisible in review.
            for (column, name) in [("canonical", entity.canonical)] + entity.aliases.map { ("aliases", $0) } + entity.misspellings.map { ("misspellings", $0) } {
                if let odd = name.unicodeScalars.first(where: { $0 != " " && $0.properties.generalCategory == .spaceSeparator }) {
                    let code = "U+" + String(odd.value, radix: 16, uppercase: true).leftPadded(to: 4)
                    report(entity, "\(column) '\(name)' holds \(code) \(odd.properties.name ?? "SPACE"): write names with plain spaces")
                }
            }
            // A misspelling that is the canonical name or an alias would mark correct copy as wrong.
            for misspelling in entity.misspellings where misspelling == entity.canonical || entity.aliases.contains(misspelling) {
                report(entity, "misspelling '\(misspelling)' is \(misspelling == entity.canonical ? "the canonical name" : "an alias") of \(entity.id): remove it")
            }
            let own = variantsOfEntity[index] ?? []
            for contextGuard in entity.guards {
                if let tokens = contextGuard.selectorTokens, !own.contains(tokens) {
                    report(entity, "guard '\(contextGuard)' names '\(contextGuard.selector)', which is no variant of \(entity.canonical)")
                }
            }
            for text in entity.ambiguous {
                let key = LexiconLinter.key(text)
                if !own.contains(key) {
                    report(entity, "declared ambiguity '\(text)' is no variant of \(entity.canonical)")
                } else if (owners[key]?.count ?? 0) < 2 {
                    report(entity, "declared ambiguity '\(text)' is shared with no other entity")
                }
            }
        }
        return problems.sorted { ($0.file, $0.line, $0.message) < ($1.file, $1.line, $1.message) }
    }

    /// The folded word tokens of a text: how variants are compared.
    static func key(_ text: String) -> [String] {
        Gazetteer.words(of: text).map { Folding.fold($0) }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
