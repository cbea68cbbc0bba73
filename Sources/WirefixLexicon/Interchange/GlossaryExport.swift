/// Writes a lexicon as a two-column glossary for the glossary features of machine-translation
/// engines, so that a newsroom can push its names upstream.
///
/// The format is what Google Cloud Translation (unidirectional glossary, `.csv` or `.tsv`: two
/// columns, source then target, no header) and DeepL (glossary entries, CSV or TSV, source phrase
/// first) accept: one `source,target` pair a line. CSV quotes a field that holds a comma, a
/// double quote or a line break, and doubles the quotes inside (RFC 4180).
///
/// Two directions:
/// - ``Pairs/spanishToEnglish`` (`es-en`): for the translation step. Every name, as written in the
///   source copy, maps to itself ("do not translate"), and every known misspelling to the
///   canonical name. A name whose every word is an ordinary Spanish word with a gloss
///   ("Podemos", "Prensa Libre"; see ``isOrdinaryWords(_:entity:gazetteer:)``) is left out: an
///   engine cannot tell the party from the verb.
/// - ``Pairs/englishToEnglish`` (`en-en`): for post-editing the English output. Every known
///   misspelling and every generated calque maps to the correct name ("God given hair" →
///   "Diosdado Cabello"), except calques that carry a context guard ("Free Press"), calques
///   whose every word is a common English word or name ("Paul Married", "Mark Blonde": see
///   ``EnglishReading/mixedReason(_:words:names:)``), which a glossary would replace blindly in
///   any text, and variants shared by two entities.
///
/// A source term that would map to two different targets is left out in both directions.
public enum GlossaryExport {
    /// Which pairs to write.
    public enum Pairs: String, Sendable, CaseIterable {
        /// Source-language names to themselves, misspellings to the canonical name.
        case spanishToEnglish = "es-en"
        /// Damaged English (calques, misspellings) to the correct name.
        case englishToEnglish = "en-en"
    }

    /// How to separate the two columns.
    public enum Format: String, Sendable, CaseIterable {
        /// Comma-separated, RFC 4180 quoting.
        case csv
        /// Tab-separated (no field holds a tab).
        case tsv
    }

    /// What an export wrote and what it left out.
    public struct Output: Sendable, Equatable {
        /// The glossary text, one pair a line.
        public var text: String
        /// The pairs written.
        public var pairs: [(source: String, target: String)]
        /// Source terms left out, each with why.
        public var skipped: [String]

        public static func == (lhs: Output, rhs: Output) -> Bool {
            lhs.text == rhs.text && lhs.skipped == rhs.skipped
        }
    }

    /// Builds the glossary.
    ///
    /// - Parameters:
    ///   - lexicon: the entities and glosses.
    ///   - words, names: the English lists that decide which calques read as English.
    /// - Complexity: O(*v*) in generated variants.
    public static func export(_ lexicon: Lexicon, pairs: Pairs, format: Format,
                              words: EnglishWordList, names: EnglishNameList) -> Output {
        let gazetteer = Gazetteer(lexicon: lexicon)
        var candidates: [(source: String, target: String)] = []
        var skipped: [String] = []
        switch pairs {
        case .spanishToEnglish:
            for entity in gazetteer.entities {
                for form in [entity.canonical] + entity.aliases {
                    if isOrdinaryWords(form, entity: entity, gazetteer: gazetteer) {
                        skipped.append("\(form): every word is an ordinary word with a gloss")
                    } else {
                        candidates.append((form, form))
                    }
                }
                for wrong in entity.misspellings { candidates.append((wrong, entity.canonical)) }
            }
        case .englishToEnglish:
            var owners: [[String]: Set<Int>] = [:]
            for variant in gazetteer.variants { owners[variant.foldedTokens, default: []].insert(variant.entityIndex) }
            for variant in gazetteer.variants {
                let isMisspelling: Bool
                if case .misspelling = variant.form { isMisspelling = true } else { isMisspelling = false }
                guard variant.translatedCount > 0 || (isMisspelling && variant.isUntranslated), !variant.hasDeletedLetters else { continue }
                let entity = gazetteer.entities[variant.entityIndex]
                if (owners[variant.foldedTokens]?.count ?? 0) > 1 {
                    skipped.append("\(variant.text): shared by several entities")
                } else if let contextGuard = VariantGuard.effectiveGuard(for: variant, of: entity, words: words, names: names) {
                    skipped.append("\(variant.text): needs context (\(contextGuard))")
                } else if let why = EnglishReading.mixedReason(variant.foldedTokens, words: words, names: names) {
                    skipped.append("\(variant.text): reads as English (\(why))")
                } else {
                    candidates.append((isMisspelling ? entity.text(of: variant.form) : variant.text, variant.target))
                }
            }
        }
        // One target per source term (compared folded); identical pairs once.
        var targets: [String: Set<String>] = [:]
        for (source, target) in candidates { targets[Folding.fold(source), default: []].insert(target) }
        var written = Set<String>()
        var result: [(source: String, target: String)] = []
        for (source, target) in candidates {
            let key = Folding.fold(source)
            if targets[key]!.count > 1 {
                if written.insert("skip:" + key).inserted {
                    skipped.append("\(source): maps to \(targets[key]!.sorted().joined(separator: " and "))")
                }
                continue
            }
            guard written.insert(key).inserted else { continue }
            result.append((source, target))
        }
        let text = result.map { row(for: [$0.source, $0.target], format: format) }.joined()
        return Output(text: text, pairs: result, skipped: skipped)
    }

    /// Whether every word of a name, particles aside, is an ordinary word: it has a shared gloss
    /// of kind `word` or `surname`, or (for organizations and places) an own gloss. Then the name
    /// is also an ordinary phrase of the source language ("Podemos", "Prensa Libre"). Given
    /// names never count: "Rosa Weber" stays a name.
    static func isOrdinaryWords(_ form: String, entity: Entity, gazetteer: Gazetteer) -> Bool {
        let words = Gazetteer.words(of: form).filter { !NameVariant.particles.contains(Folding.fold($0)) }
        return !words.isEmpty && words.allSatisfy { word in
            (entity.kind != .person && entity.glosses[word] != nil)
                || gazetteer.glossesByComponent[Folding.fold(word)]?.contains { $0.kind != .given } == true
        }
    }

    /// One line: CSV with RFC 4180 quoting, or TSV.
    static func row(for fields: [String], format: Format) -> String {
        switch format {
        case .tsv:
            return fields.joined(separator: "\t") + "\n"
        case .csv:
            return fields.map { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                    : field
            }.joined(separator: ",") + "\n"
        }
    }
}
