import Foundation
import WirefixLexicon

/// Generates two evaluation cases for every entity of a lexicon: a clean sentence with the
/// canonical name, which must come out unchanged, and a sentence with the name damaged the way
/// machine translation damages it, whose expected output has the name as the lexicon writes it.
///
/// `Scripts/generate-entity-cases.sh` (through `wirefix eval --write-entity-cases`) writes the
/// bundled lexicon's cases to `Tests/Evaluation/entities.tsv`, in the format of `cases.tsv`, with
/// a `# set: entities` line so that `wirefix eval` scores them as their own set; a test fails
/// when the committed file is stale.
///
/// **The damage** of each entity is the first of these that Wirefix is designed to repair with
/// the evidence the sentence gives (see the rules' discussions in `Documentation/Rules.md`):
///
/// 1. `calque` (`org-calque` for an organization): a variant of the canonical name with one
///    component replaced by its literal translation, in the capitals a name has ("Nicolás
///    Mature"), and at least one other component untranslated as an anchor ("Nicolás"); the
///    sentence introduces it with a title, role or kind word and names the entity's country. A
///    name with one glossed word and nothing else ("Podemos") is translated whole ("We Can").
///    The last translatable component is chosen (surnames before given names), with its first
///    gloss; name particles ("de", "la") are never the translated component;
/// 2. `diacritic`: a name of two or more words with diacritics, written without them ("Rander
///    Pena"), in a sentence that names the entity's country;
/// 3. `case`: a name of two or more words in lowercase ("delcy rodríguez"), introduced by a
///    title or kind word, unless every word is a frequent English word (rank ≤ 5,000: then
///    Wirefix only suggests);
/// 4. `glue`: the name glued to the verb after it ("Ecopetrolsaid", "Chacaowas"), when its
///    last word has four letters or more, all of them letters, the first a capital;
/// 5. for a one-word name that none of these fits ("PSUV"), the first alias of two or more
///    words treated as in 2 or 3; the expected output then has the alias.
///
/// A damaged form that another entity also produces is skipped in favour of the next choice
/// (a name two entities share is only ever suggested). An entity that none fits gets the clean
/// case only; ``Summary/withoutDamage`` lists them.
///
/// **Sentences** come from templates written for this project, chosen per entity by a hash of
/// its id (FNV-1a), so adding an entity changes no other entity's sentences. Ids are `e-ID` for
/// the damaged case and `n-ID` for the clean one (`n` marks negatives in every case file); cases
/// follow the entities in id order. The output is byte-for-byte the same for the same lexicon,
/// word list and country table.
public enum EntityCases {
    /// The name of the set the generated cases are scored in.
    public static let setName = "entities"

    /// How the generated text refers to countries: the first English name of each ISO 3166-1
    /// alpha-2 code of `Lexicons/geography/countries.tsv`, with "the" before a name that English
    /// writes so ("the United States", "the Dominican Republic").
    public struct CountryNames: Sendable {
        /// Country name as written in a sentence, by code ("VE" → "Venezuela").
        public var names: [String: String]

        /// Creates a table from `code → name`.
        public init(_ names: [String: String] = [:]) { self.names = names }

        /// Reads the first entry of the `names` column of a `countries.tsv` file (columns `code`,
        /// `names`, `demonyms`, `places`; `#` comments and blank lines skipped).
        ///
        /// - Throws: ``EvaluationError`` naming the file, and the line when a row is malformed.
        public init(contentsOf path: String) throws(EvaluationError) {
            let text = try EvaluationCorpus.readText(path)
            var header: [String]?
            var names: [String: String] = [:]
            for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.isEmpty || line.hasPrefix("#") { continue }
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard let columns = header else {
                    guard fields.contains("code"), fields.contains("names") else {
                        throw EvaluationError(file: path, line: offset + 1, "header lacks the columns 'code' and 'names'")
                    }
                    header = fields
                    continue
                }
                guard fields.count == columns.count else {
                    throw EvaluationError(file: path, line: offset + 1, "expected \(columns.count) tab-separated fields, found \(fields.count)")
                }
                let record = Dictionary(uniqueKeysWithValues: zip(columns, fields))
                if let code = record["code"], let name = record["names"]?.split(separator: "|").first {
                    names[code] = name.hasPrefix("United ") || name.hasSuffix(" Republic") ? "the \(name)" : String(name)
                }
            }
            self.names = names
        }
    }

    /// What the generator did, for its report.
    public struct Summary: Sendable, Equatable {
        /// Entities covered (each has a clean case).
        public var entities = 0
        /// Damaged cases by kind (`calque`, `org-calque`, `diacritic`, `case`).
        public var damagedByKind: [String: Int] = [:]
        /// Damaged cases that use an alias instead of the canonical name.
        public var aliasDamage = 0
        /// Ids of the entities without a damaged case.
        public var withoutDamage: [String] = []
    }

    /// The generated cases and their summary.
    ///
    /// - Parameters:
    ///   - lexicon: the entities (every one, in id order) and the shared glosses.
    ///   - words: the English word list: a lowercase name whose every word ranks ≤ 5,000 is not
    ///     used as case damage.
    ///   - countries: country names for the sentences that name an entity's country; an entity
    ///     whose country is missing gets sentences without one.
    /// - Complexity: O(*v*) in the lexicon's generated variants.
    public static func generate(lexicon: Lexicon, words: EnglishWordList,
                                countries: CountryNames) -> (cases: [EvaluationCase], summary: Summary) {
        let gazetteer = Gazetteer(lexicon: lexicon)
        var variantsByEntity: [Int: [NameVariant]] = [:]
        for variant in gazetteer.variants { variantsByEntity[variant.entityIndex, default: []].append(variant) }
        let order = gazetteer.entities.indices.sorted { gazetteer.entities[$0].id < gazetteer.entities[$1].id }
        var cases: [EvaluationCase] = []
        var summary = Summary()
        for index in order {
            let entity = gazetteer.entities[index]
            let country = countries.names[entity.country]
            let slot = templateSlot(entity.id)
            summary.entities += 1
            if let damage = chooseDamage(entityIndex: index, gazetteer: gazetteer, variants: variantsByEntity[index] ?? [], words: words) {
                let sentence = damagedSentence(entity: entity, damage: damage, country: country, slot: slot)
                cases.append(EvaluationCase(
                    id: "e-\(entity.id)", kind: damage.kind, input: sentence.input, expected: sentence.expected,
                    note: "entity \(entity.id): \(damage.note)", setName: setName))
                summary.damagedByKind[damage.kind, default: 0] += 1
                if damage.usesAlias { summary.aliasDamage += 1 }
            } else {
                summary.withoutDamage.append(entity.id)
            }
            let clean = cleanSentence(entity: entity, country: country, slot: slot)
            cases.append(EvaluationCase(id: "n-\(entity.id)", kind: DamageKind.negative, input: clean, expected: clean,
                                        note: "entity \(entity.id): canonical name, must stay", setName: setName))
        }
        return (cases, summary)
    }

    /// The cases as a case file: a comment, the `# set: entities` line, the header and one line
    /// per case (see ``EvaluationCorpus``).
    public static func text(of cases: [EvaluationCase]) -> String {
        var out = "# Two sentences per lexicon entity: a damaged name and the clean canonical name. "
        out += "GENERATED by Scripts/generate-entity-cases.sh; do not edit.\n"
        out += "# set: \(setName)\n"
        out += "id\tkind\tinput\texpected\tnote\n"
        for item in cases {
            out += [item.id, item.kind, item.input, item.expected, item.note].joined(separator: "\t") + "\n"
        }
        return out
    }

    // MARK: - Choosing the damage

    /// One entity's damage: the damaged and the correct spelling of the name and how it was made.
    struct Damage {
        var kind: String
        var damaged: String
        var correct: String
        var note: String
        var usesAlias = false
        /// Whether the name is lowercase (and so needs a title or kind word before it).
        var isLowercase = false
        /// Whether ``damaged`` and ``correct`` end with the verb the name is glued to.
        var isGlued = false
    }

    /// The most frequent English words: a lowercase name made only of them is not case damage.
    static let commonRank = 5000
    /// An untranslated word this frequent in English is a weak anchor for a calque.
    static let weakAnchorRank = 3000

    static func chooseDamage(entityIndex: Int, gazetteer: Gazetteer, variants: [NameVariant],
                             words: EnglishWordList) -> Damage? {
        let entity = gazetteer.entities[entityIndex]
        guard isMatchable(entity.canonical) else { return aliasDamage(entityIndex: entityIndex, gazetteer: gazetteer, words: words) }
        if let calque = calqueDamage(entity: entity, entityIndex: entityIndex, gazetteer: gazetteer, variants: variants, words: words) {
            return calque
        }
        if let damage = formDamage(entityIndex: entityIndex, form: entity.canonical, isAlias: false, gazetteer: gazetteer, words: words) {
            return damage
        }
        if let damage = glueDamage(entityIndex: entityIndex, gazetteer: gazetteer) { return damage }
        return Gazetteer.words(of: entity.canonical).count < 2 ? aliasDamage(entityIndex: entityIndex, gazetteer: gazetteer, words: words) : nil
    }

    /// Choice 4: the canonical name glued to the verb after it ("Ecopetrolsaid", "Chacaowas"),
    /// when its last word is written as a name (an initial capital) and has four letters or more
    /// and no digit (the glued-words rule splits nothing shorter, nor tokens with digits).
    static func glueDamage(entityIndex: Int, gazetteer: Gazetteer) -> Damage? {
        let entity = gazetteer.entities[entityIndex]
        guard let last = Gazetteer.words(of: entity.canonical).last, last.count >= 4, last.first?.isUppercase == true,
              last.allSatisfy(\.isLetter), entity.canonical.hasSuffix(last),
              isOnlyEntity(entityIndex, text: entity.canonical, gazetteer: gazetteer) else { return nil }
        let verb = entity.kind == .place ? "was" : "said"
        return Damage(kind: "glue", damaged: entity.canonical + verb, correct: entity.canonical + " " + verb,
                      note: "name glued to \"\(verb)\"", isGlued: true)
    }

    /// Choice 5: the first alias of two or more words that the gazetteer can match, damaged as in
    /// choices 2 and 3.
    static func aliasDamage(entityIndex: Int, gazetteer: Gazetteer, words: EnglishWordList) -> Damage? {
        let entity = gazetteer.entities[entityIndex]
        guard let alias = entity.aliases.first(where: { Gazetteer.words(of: $0).count >= 2 && isMatchable($0) }) else { return nil }
        return formDamage(entityIndex: entityIndex, form: alias, isAlias: true, gazetteer: gazetteer, words: words)
    }

    /// Choices 2 and 3 for one form of two or more words.
    static func formDamage(entityIndex: Int, form: String, isAlias: Bool, gazetteer: Gazetteer, words: EnglishWordList) -> Damage? {
        if Gazetteer.words(of: form).count >= 2 {
            let stripped = strippingDiacritics(form)
            if stripped != form, isOnlyEntity(entityIndex, text: stripped, gazetteer: gazetteer) {
                return Damage(kind: "diacritic", damaged: stripped, correct: form,
                              note: (isAlias ? "alias \"\(form)\"" : "name") + " without its diacritics, country named",
                              usesAlias: isAlias)
            }
            let lower = form.lowercased()
            let common = Gazetteer.words(of: lower).allSatisfy { (words.rank(of: Folding.fold($0)) ?? Int.max) <= commonRank }
            if lower != form, !common, isOnlyEntity(entityIndex, text: lower, gazetteer: gazetteer) {
                return Damage(kind: "case", damaged: lower, correct: form,
                              note: (isAlias ? "alias \"\(form)\"" : "name") + " in lowercase, introduced by a title or kind word",
                              usesAlias: isAlias, isLowercase: true)
            }
        }
        return nil
    }

    /// Whether the gazetteer can match the form as one name in text: only name separators (spaces,
    /// a hyphen, an apostrophe) stand between its words, so "Claudio X. González" and
    /// "Armando.info" cannot be matched whole.
    public static func isMatchable(_ form: String) -> Bool {
        let bytes = Array(form.utf8)
        let tokens = Tokenizer.tokens(in: form)
        return bytes.withUnsafeBufferPointer { buffer in
            zip(tokens, tokens.dropFirst()).allSatisfy { Gazetteer.isNameSeparator(buffer, $0.range.upperBound..<$1.range.lowerBound) }
        }
    }

    /// The calque of the canonical name described in ``EntityCases`` (choice 1), or `nil`.
    static func calqueDamage(entity: Entity, entityIndex: Int, gazetteer: Gazetteer, variants: [NameVariant],
                             words: EnglishWordList) -> Damage? {
        let kind = entity.kind == .organization ? "org-calque" : "calque"
        func isParticle(_ component: NameVariant.Component) -> Bool {
            NameVariant.particles.contains(Folding.fold(component.name))
        }
        let canonical = variants.filter { variant in
            guard case .canonical = variant.form else { return false }
            return variant.components.allSatisfy { $0.tokenCount == 1 || $0.isTranslated }
                && !variant.hasDeletedLetters
        }
        // An anchor the calque rule trusts: not a frequent English word, not two letters or fewer.
        func isStrongAnchor(_ component: NameVariant.Component) -> Bool {
            let word = Folding.fold(component.name)
            return word.count > 2 && (words.rank(of: word) ?? Int.max) > weakAnchorRank
        }
        // Partly translated: exactly one word translated, a strong anchor untranslated beside it.
        var candidates: [(variant: NameVariant, position: Int, isGivenName: Bool)] = []
        for variant in canonical {
            let translated = variant.components.indices.filter { variant.components[$0].isTranslated }
            guard translated.count == 1, let position = translated.first, !isParticle(variant.components[position]) else { continue }
            guard variant.components.contains(where: { !$0.isTranslated && !isParticle($0) && isStrongAnchor($0) }) else { continue }
            var isGivenName = false
            if case .translated(_, let glossKind) = variant.components[position].realization { isGivenName = glossKind == .given }
            candidates.append((variant, position, isGivenName))
        }
        // Without such an anchor: translated whole ("We Can", "The Peace"), particles too when
        // they have a gloss.
        if candidates.isEmpty {
            let whole = canonical.filter(\.isFullyTranslated).enumerated().sorted { lhs, rhs in
                lhs.element.translatedCount != rhs.element.translatedCount
                    ? lhs.element.translatedCount > rhs.element.translatedCount : lhs.offset < rhs.offset
            }.map(\.element)
            for variant in whole {
                let translated = variant.components.indices.filter { variant.components[$0].isTranslated && !isParticle(variant.components[$0]) }
                if let last = translated.last { candidates.append((variant, last, false)) }
            }
        }
        // Literal words before anglicized given names, the last component first, then the
        // generated order (first gloss first).
        let ranked = candidates.enumerated().sorted { lhs, rhs in
            if lhs.element.isGivenName != rhs.element.isGivenName { return !lhs.element.isGivenName }
            if lhs.element.position != rhs.element.position { return lhs.element.position > rhs.element.position }
            return lhs.offset < rhs.offset
        }.map(\.element)
        for candidate in ranked {
            guard let damaged = spell(candidate.variant, in: entity.canonical) else { continue }
            guard isOnlyEntity(entityIndex, text: damaged, gazetteer: gazetteer) else { continue }
            let glosses = candidate.variant.components.compactMap { component -> String? in
                guard case .translated(let gloss, _) = component.realization else { return nil }
                return "\(component.name) = \(gloss)"
            }
            let whole = candidate.variant.isFullyTranslated
            return Damage(kind: kind, damaged: damaged, correct: entity.canonical,
                          note: glosses.joined(separator: ", ") + (whole ? ", the whole name translated" : ", anchored by an untranslated word")
                              + ", with a title or kind word and the country")
        }
        return nil
    }

    /// The canonical name with each translated component of `variant` replaced by its gloss (a
    /// lowercase gloss capitalized word by word, as a name), keeping every other byte.
    static func spell(_ variant: NameVariant, in canonical: String) -> String? {
        let bytes = Array(canonical.utf8)
        let tokens = Tokenizer.tokens(in: canonical)
        guard tokens.count == variant.components.count,
              zip(tokens, variant.components).allSatisfy({ String(decoding: bytes[$0.range], as: UTF8.self) == $1.name }) else { return nil }
        var out: [UInt8] = []
        var cursor = 0
        for (token, component) in zip(tokens, variant.components) {
            out += bytes[cursor..<token.range.lowerBound]
            if case .translated(let gloss, _) = component.realization {
                let written = gloss.first?.isUppercase == true ? gloss : gloss.split(separator: " ", omittingEmptySubsequences: false)
                    .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
                out += Array(written.utf8)
            } else {
                out += bytes[token.range]
            }
            cursor = token.range.upperBound
        }
        out += bytes[cursor...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether every variant the text matches in full belongs to the entity (and some does).
    static func isOnlyEntity(_ entityIndex: Int, text: String, gazetteer: Gazetteer) -> Bool {
        var cursor = gazetteer.root
        for word in Gazetteer.words(of: text) {
            guard let next = gazetteer.advance(cursor, by: Folding.fold(word)) else { return false }
            cursor = next
        }
        let owners = Set(gazetteer.variants(at: cursor).map { gazetteer.variants[$0].entityIndex })
        return owners == [entityIndex]
    }

    /// The text with its combining marks removed after canonical decomposition, recomposed (NFC):
    /// "Peña Núñez" → "Pena Nunez".
    public static func strippingDiacritics(_ text: String) -> String {
        let scalars = text.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            !$0.properties.isDiacritic || $0.properties.generalCategory != .nonspacingMark
        }
        return String(String.UnicodeScalarView(scalars)).precomposedStringWithCanonicalMapping
    }

    // MARK: - Sentences

    /// A stable slot for template choices: FNV-1a (64-bit) of the id's UTF-8 bytes, modulo
    /// 1,000,003. The same id always gets the same templates, whatever else the lexicon holds.
    public static func templateSlot(_ id: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int(hash % 1_000_003)
    }

    /// Role words that introduce a person (``ContextCues/personTitles``).
    static let roles = ["official", "leader", "former official"]

    /// The kind noun of an organization or place, which the sentence puts before the name: for an
    /// organization its first `context` word that is an organization noun ("party"), for a place
    /// its first `context` word in lowercase ("district": the entity's own cue).
    static func kindNoun(of entity: Entity) -> String? {
        entity.context.first { word in
            guard word == word.lowercased(), !word.contains(" ") else { return false }
            switch entity.kind {
            case .person: return false
            case .organization: return ContextCues.organizationNouns.contains(word)
            case .place: return true
            }
        }
    }

    static func pick(_ templates: [String], _ slot: Int) -> String { templates[slot % templates.count] }

    static func fill(_ template: String, name: String, role: String, noun: String?, country: String?) -> String {
        template.replacingOccurrences(of: "{n}", with: name).replacingOccurrences(of: "{r}", with: role)
            .replacingOccurrences(of: "{k}", with: noun ?? "").replacingOccurrences(of: "{c}", with: country ?? "")
    }

    /// Sentences for a damaged person's name, with a role word before it: with the country, and
    /// without it when the country table lacks the entity's country.
    static let personDamaged = [
        "In {c}, the {r} {n} told reporters on Tuesday that no decision had been taken.",
        "The {r} {n} returned to {c} on Sunday after a week of meetings abroad.",
        "Lawmakers in {c} asked the {r} {n} to explain the spending cuts.",
        "Television channels in {c} broadcast a speech by the {r} {n} on Monday night.",
    ]
    static let personDamagedNoCountry = [
        "The {r} {n} told reporters on Tuesday that no decision had been taken.",
        "Reporters asked the {r} {n} about the new budget on Monday.",
    ]
    /// Sentences for a person's name without diacritics: the country named, no role needed.
    static let personUnaccented = [
        "Speaking in {c} on Monday, {n} said the plan would be published within days.",
        "Supporters of {n} gathered outside a hotel in {c} on Thursday evening.",
        "The {r} {n} visited several towns in {c} this week.",
    ]
    static let personUnaccentedNoCountry = [
        "Supporters of {n} gathered outside the hotel on Thursday evening.",
        "The {r} {n} gave a long interview on Sunday.",
    ]
    /// Clean sentences about a person.
    static let personClean = [
        "The {r} {n} met business leaders in {c} on Thursday.",
        "Asked about the protests in {c}, {n} declined to comment.",
        "A statement from the office of {n} was released in {c} late on Wednesday.",
        "{n} arrived in {c} on Friday, according to people close to the visit.",
    ]
    static let personCleanNoCountry = [
        "The {r} {n} met business leaders on Thursday.",
        "A statement from the office of {n} was released late on Wednesday.",
    ]

    /// Organizations with a kind noun from their `context` ("the party {n}").
    static let organizationWithNoun = [
        "The {k} {n} said on Monday that it would appeal the ruling in {c}.",
        "Officials in {c} met representatives of the {k} {n} on Thursday.",
        "In {c}, the {k} {n} published a statement on its finances.",
    ]
    static let organizationWithNounNoCountry = [
        "The {k} {n} said on Monday that it would appeal the ruling.",
        "Officials met representatives of the {k} {n} on Thursday.",
    ]
    /// Organizations without one: "members of" introduces the name.
    static let organizationMembers = [
        "Members of {n} gathered in {c} on Saturday to discuss the ruling.",
        "In {c}, members of {n} rejected the proposal on Friday.",
        "Officials in {c} said members of {n} had been invited to the talks.",
    ]
    static let organizationMembersNoCountry = [
        "Members of {n} gathered on Saturday to discuss the ruling.",
        "Officials said members of {n} had been invited to the talks.",
    ]
    static let organizationClean = [
        "A statement from {n} was published in {c} late on Wednesday.",
        "Officials in {c} said they had received a letter from {n}.",
        "Figures released by {n} in {c} on Tuesday drew criticism.",
    ]
    static let organizationCleanNoCountry = [
        "A statement from {n} was published late on Wednesday.",
        "Officials said they had received a letter from {n}.",
    ]

    /// Places with a kind noun from their `context`, in the order machine translation keeps
    /// ("the prison of {n}").
    static let placeWithNoun = [
        "Police were deployed around the {k} of {n} in {c} on Sunday.",
        "Officials in {c} said the {k} of {n} would reopen next month.",
    ]
    static let placeWithNounNoCountry = [
        "Police were deployed around the {k} of {n} on Sunday.",
    ]
    static let placeDamaged = [
        "Residents of {n}, in {c}, reported power cuts on Sunday.",
        "Officials in {c} said the road to {n} would reopen next month.",
    ]
    static let placeDamagedNoCountry = [
        "Residents of {n} reported power cuts on Sunday.",
    ]
    static let placeClean = [
        "Thousands of people gathered in {n} on Saturday, officials in {c} said.",
        "The road to {n} was closed on Tuesday, the police in {c} said.",
    ]
    static let placeCleanNoCountry = [
        "Thousands of people gathered in {n} on Saturday, officials said.",
    ]

    /// Sentences for a name glued to the verb after it: `{n}` stands for the name and "said"
    /// (people, organizations) or "was" (places).
    static let personGlued = [
        "In {c}, the {r} {n} on Monday that the talks would continue.",
        "The {r} {n} in {c} that the decree would be published this week.",
    ]
    static let personGluedNoCountry = [
        "The {r} {n} on Monday that the talks would continue.",
    ]
    static let organizationGlued = [
        "In {c}, {n} on Monday that it would appeal the ruling.",
        "Asked about the report, {n} in {c} that it had followed the law.",
    ]
    static let organizationGluedNoCountry = [
        "Asked about the report, {n} that it had followed the law.",
    ]
    static let placeGlued = [
        "Officials in {c} said the situation in {n} calm on Sunday.",
        "According to the police in {c}, the road to {n} closed for repairs.",
    ]
    static let placeGluedNoCountry = [
        "Officials said the situation in {n} calm on Sunday.",
    ]

    static func damagedSentence(entity: Entity, damage: Damage, country: String?, slot: Int) -> (input: String, expected: String) {
        let role = pick(roles, slot / 7)
        let noun = kindNoun(of: entity)
        let templates: [String]
        switch entity.kind {
        case _ where damage.isGlued:
            switch entity.kind {
            case .person: templates = country == nil ? personGluedNoCountry : personGlued
            case .organization: templates = country == nil ? organizationGluedNoCountry : organizationGlued
            case .place: templates = country == nil ? placeGluedNoCountry : placeGlued
            }
        case .person:
            if damage.kind == "diacritic" {
                templates = country == nil ? personUnaccentedNoCountry : personUnaccented
            } else {
                templates = country == nil ? personDamagedNoCountry : personDamaged
            }
        case .organization:
            if noun != nil {
                templates = country == nil ? organizationWithNounNoCountry : organizationWithNoun
            } else {
                templates = country == nil ? organizationMembersNoCountry : organizationMembers
            }
        case .place:
            if noun != nil {
                templates = country == nil ? placeWithNounNoCountry : placeWithNoun
            } else {
                templates = country == nil ? placeDamagedNoCountry : placeDamaged
            }
        }
        let template = pick(templates, slot)
        return (fill(template, name: damage.damaged, role: role, noun: noun, country: country),
                fill(template, name: damage.correct, role: role, noun: noun, country: country))
    }

    static func cleanSentence(entity: Entity, country: String?, slot: Int) -> String {
        let role = pick(roles, slot / 7)
        let templates: [String]
        switch entity.kind {
        case .person: templates = country == nil ? personCleanNoCountry : personClean
        case .organization: templates = country == nil ? organizationCleanNoCountry : organizationClean
        case .place: templates = country == nil ? placeCleanNoCountry : placeClean
        }
        return fill(pick(templates, slot / 3), name: entity.canonical, role: role, noun: kindNoun(of: entity), country: country)
    }
}
