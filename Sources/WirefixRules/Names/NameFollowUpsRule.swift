import WirefixEngine
@_spi(WirefixInternals) import WirefixLexicon

/// Fixes later surname-only mentions of a person the text has already named in full.
///
/// Detects: after the full name of a lexicon person stands in the text (as written, or as the
/// earlier name rules corrected it), a later capitalized word that is that person's surname
/// translated ("Pedro Castillo … Castle said") or without its diacritics ("Rander Peña … Pena
/// said"). Fixes: writes the surname.
struct NameFollowUpsRule: Rule {
    static let description = RuleDescription(
        identifier: "name_follow_ups",
        name: "Name Follow-ups",
        summary: "Fixes later surname-only mentions of a person named in full earlier in the text",
        discussion: """
            Detects: a capitalized word, after the full name of a lexicon person has appeared in the \
            same text, that is one of that person's surnames translated literally ("Castle" after \
            "Pedro Castillo") or written without its diacritics ("Pena" after "Rander Peña"). \
            Fixes: writes the surname as the lexicon spells it.

            A lone word is weak evidence, so the rule needs the full name earlier in the text and the \
            word must stand alone: not inside a \
            longer capitalized name, not next to another capitalized word. Confidence 0.8 for a \
            translated surname, 0.85 for lost diacritics. When the word fits the surname of several \
            people named earlier ("Pena" after Rander Peña and Santiago Peña), each is suggested \
            (0.5) and none applied. Under the unaccented house style only \
            translated surnames are fixed.

            A translated surname is an English word, capitalized anyway where a sentence, a line or \
            a quotation starts ("Flowers were laid", a quotation opening with "Maple syrup"): there it is only \
            suggested (0.6) unless a reporting verb follows it ("Castle said", "Flowers told"). A \
            surname followed by an apposition (", a Republican from Ohio,", ", a Yankees pitcher,") \
            introduces someone as a first mention does and is suggested too. So is a surname the \
            text also uses outside the lexicon for someone or something else: after another \
            capitalized word ("Alex Rodriguez"), before one ("Duke University"), in "the … of" \
            ("the Duke of Cambridge"), or introducing someone ("a rancher named Rodriguez", \
            "identified only as Rodriguez", "whose surname is Rodriguez", "A neighbor, \
            Rodriguez,"): 0.5; and a lone \
            surname that "of" or "from" and another country's place follow ("Sen. Rodriguez of \
            Texas"): 0.5.

            Never touched: a party of a case caption, a surname next to "v.", "vs." or "versus" \
            ("Rodriguez v. Texas", "United States v. Pena"), which names the parties as filed; and a \
            quoted surname with a work word (drama, film, series, novel, song, album...) among the \
            words after or before it ("\"Rodriguez,\" the Netflix drama"), a title.
            """,
        phase: .names,
        examples: [
            .suggest("Alex Rodriguez, the former Yankees player, met Delcy Rodríguez in Caracas. Rodriguez hit 696 home runs."),
            .suggest("Alex Rodríguez, the former shortstop, met Delcy Rodríguez in Caracas. Rodriguez hit 696 home runs."),
            .fix("Pedro Castillo was detained. Later ⟦Castle⟧ asked for a lawyer.",
                 "Pedro Castillo was detained. Later Castillo asked for a lawyer."),
            .fix("The vice minister Rander Peña spoke. ⟦Pena⟧ said the talks went well.",
                 "The vice minister Rander Peña spoke. Peña said the talks went well."),
            .fix("Cilia Flores arrived. According to ⟦Flowers⟧, the vote was clean.",
                 "Cilia Flores arrived. According to Flores, the vote was clean."),
            .keep("Castle walls were repaired. Pedro Castillo was detained."),
            .keep("Pedro Castillo was detained near the old castle."),
            .keep("Pedro Castillo was detained. Castle Rock is a town in Colorado."),
            .keep("Rander Peña spoke. Michael Pena starred in the film."),
            .keep("Rander Peña spoke. Pena said so.", options: RuleOptions(keepUnaccented: true)),
            .keep("The Flowers family moved to Texas."),
            .keep("Margarita Robles spoke. The Oaks family sued the city."),
            .suggest("Rander Peña met Santiago Peña in Asunción. Pena said the talks went well."),
            // A translated surname where any word would be capitalized (the start of a sentence,
            // a line or a quotation) is an English word there unless a reporting verb follows.
            .suggest("Cilia Flores arrived in Caracas. Flowers were laid at the tomb of Bolívar."),
            .suggest("Nicolás Maduro spoke. Mature trees lined the avenue."),
            .suggest("Carlos Mesa arrived in La Paz. Table 1 lists the ministers."),
            .suggest("Diosdado Cabello spoke on TV. Hair products from Colombia were seized."),
            .suggest("Javiera Blanco spoke. White smoke rose over the chapel."),
            .suggest("Lilia Paredes spoke. Walls of the old colonial church were damaged."),
            .suggest("Pablo Iglesias spoke. Churches were closed for a week."),
            .suggest("Margarita Robles spoke. Oaks and pines were planted."),
            .suggest("Pedro Castillo was jailed. Castle officials in Edinburgh said the gates would shut."),
            .suggest("Luis Arce spoke. \"Maple syrup exports to Bolivia rose,\" the envoy said."),
            .suggest("Pedro Castillo was detained.\nCastle\nThe gates stay shut."),
            .suggest("Pedro Castillo was detained. The guide said: Castle tours resume in May."),
            // The same word names someone or something else in the text: a longer name, "the …
            // of", someone introduced as "named …".
            .suggest("Iván Duque lectured at Duke University. Duke said the event was sold out."),
            .suggest("Iván Duque met the Duke of Cambridge. Duke said little."),
            .suggest("Delcy Rodríguez met a rancher named Rodriguez. Rodriguez said it went well."),
            .suggest("Delcy Rodríguez spoke. A rancher, identified only as Rodriguez, said it went well."),
            .suggest("Delcy Rodríguez spoke. Her driver, whose surname is Rodriguez, said nothing."),
            .suggest("Delcy Rodríguez spoke on Monday. Sen. Rodriguez of Texas said more."),
            .suggest("Delcy Rodríguez spoke on Monday. A neighbor, Rodriguez, said the street was quiet."),
            .fix("Delcy Rodríguez spoke on Monday. The minister, ⟦Rodriguez⟧, said more.", "Delcy Rodríguez spoke on Monday. The minister, Rodríguez, said more."),
            .fix("Delcy Rodríguez spoke on Monday. ⟦Rodriguez⟧ of Venezuela said more.", "Delcy Rodríguez spoke on Monday. Rodríguez of Venezuela said more."),
            .suggest("Delcy Rodríguez spoke.\n\nIn other news, Rodriguez, a Yankees pitcher, was traded."),
            // An apposition introduces someone else.
            .suggest("Pedro Castillo was detained. Castle, a Republican from Ohio, criticised the arrest."),
            .suggest("Pedro Castillo was detained. Later, Castle, a Republican from Ohio, criticised the arrest."),
            .fix("Pedro Castillo was detained. ⟦Castle⟧ said he was innocent.",
                 "Pedro Castillo was detained. Castillo said he was innocent."),
            .fix("Cilia Flores arrived. \"⟦Flowers⟧ told us nothing,\" a guard said.",
                 "Cilia Flores arrived. \"Flores told us nothing,\" a guard said."),
            // A case caption names the parties as filed; a quoted surname by a work word is a title.
            .keep("Delcy Rodríguez met the envoy. The court cited Rodriguez v. Texas in its ruling."),
            .keep("Delcy Rodríguez met the envoy. Rodriguez v. United States, 575 U.S. 348 (2015), was cited."),
            .keep("Rander Peña spoke. The trial, United States v. Pena, resumes Monday."),
            .keep("Rander Peña spoke. The judge in Texas vs. Pena ruled Friday."),
            .keep("Delcy Rodríguez met the envoy. \"Rodriguez,\" the Netflix drama, premiered."),
            .keep("Rander Peña spoke. The band's album \u{201C}Pena\u{201D} sold well."),
            .fix("Rander Peña spoke. \"⟦Pena⟧ is right,\" the envoy said.", "Rander Peña spoke. \"Peña is right,\" the envoy said."),
        ])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        let gazetteer = context.gazetteer
        let tokens = document.tokens
        // 1. People named in full, correctly, with the token index where they are first named
        //    (0 for people named in the text before this chunk).
        let named = Self.peopleNamedInFull(in: document, context: context)
        let firstMention = Mentions(inText: named.firstMention, before: document.history.peopleNamedInFull)
        let covered = named.covered
        if firstMention.isEmpty { return [] }
        // 2. Later lone capitalized words that are a surname form of a person named before them
        //    (see `SurnameFormTable`: one hash probe per word): one person makes a correction,
        //    several make one suggestion each.
        var result: [Correction] = []
        // Read once, not per token (each read copies the table's references).
        let surnameForms = gazetteer.surnameForms
        let entities = gazetteer.entities
        let options = context.options
        // The people named before (`firstMention[entity] != nil`), as one bit set: a common
        // surname is the form of many people, and the table tests each against the bits.
        var namedBefore = document.history.peopleNamedInFull
        namedBefore.formUnion(firstMention.inText.keys)
        // Each person's own house style, kept for the context: a lone surname is asked about
        // in every chunk of a long input that names its person, and reading the style from the
        // entity copied the whole decoded entity each time (1% of a run on 4 MB of dense copy).
        let styles = context.memo.value(.entityStyles) { DecodedCache<NameStyle?>(slotCount: 8192) }
        document.withBytes { bytes in namedBefore.withUnsafeWords { namedBits in
            for (index, token) in tokens.enumerated() where token.isTitleCase && !covered.contains(index) {
                // The forms of people the text names, filtered before their surnames are decoded.
                let candidates = surnameForms.forms(ofToken: token.range, in: bytes, isASCII: token.shape.contains(.ascii),
                                                    amongEntities: namedBits) { entity, translated in
                    if translated { return true }
                    let style = styles.value(at: entity) { entities[entity].style }
                    return !Entity.keepsUnaccented(style: style, options)
                }.map { (entity: $0.entityIndex, surname: $0.surname, translated: $0.isTranslated) }
                guard let candidate = candidates.first else { continue }
                let text = document.text(of: token)
                if candidates.contains(where: { $0.entity != candidate.entity }) {
                    result += ambiguous(token, text: text, candidates: candidates, firstMention: firstMention,
                                        index: index, document: document, context: context)
                    continue
                }
                guard let first = firstMention[candidate.entity], index >= first,
                      text != candidate.surname, isAlone(index, in: document),
                      !Self.isCaseCaption(index, in: document), !Self.isQuotedTitle(index, in: document) else { continue }
                let entity = gazetteer.entities[candidate.entity]
                // A doubt makes the word a suggestion, with what the doubt is.
                func suggest(_ confidence: Double, _ explanation: String) {
                    result.append(Correction(
                        ruleID: Self.description.identifier, range: TextRange(token.range), original: text,
                        replacement: candidate.surname, confidence: confidence, entityID: entity.id,
                        explanation: explanation, disposition: .suggestion))
                }
                // "Alex Rodriguez, the former Yankees player, met Delcy Rodríguez. Rodriguez hit
                // 696 home runs": another person outside the lexicon carries the same word as a
                // surname, so the lone word may be theirs.
                if let other = otherPersonNamed(like: index, covered: covered, in: document) {
                    suggest(0.5, "\"\(text)\" may be \(entity.canonical)'s surname \"\(candidate.surname)\"; ambiguous: the text also names \(other)")
                    continue
                }
                // "Sen. Rodriguez of Texas said more": "of" or "from" and another country's place
                // right after the word put the person there.
                if let elsewhere = Self.placeAfter(index, in: document, context: context), !elsewhere.contains(entity.country) {
                    suggest(0.5, "\"\(text)\" may be \(entity.canonical)'s surname \"\(candidate.surname)\"; the words after it place the person in another country (\(elsewhere.sorted().joined(separator: ", ")))")
                    continue
                }
                // "In other news, Rodriguez, a Yankees pitcher, was traded": an apposition
                // introduces someone, as at a first mention.
                if !candidate.translated, let apposition = Self.apposition(after: index, in: document) {
                    suggest(0.6, "\"\(text)\" may be \(entity.canonical)'s surname without its diacritics; \(apposition)")
                    continue
                }
                // "Flowers were laid", "\"Maple syrup exports", "Castle, a Republican from Ohio,":
                // a translated surname is an English word, and where the sentence, a quotation or
                // a line starts it would be capitalized anyway; an apposition introduces someone
                // as if for the first time. Only a reporting verb right after the word ("Castle
                // said") makes it a person there, otherwise it is suggested.
                if candidate.translated, let doubt = Self.doubt(aboutTranslated: index, in: document) {
                    suggest(0.6, "\"\(text)\" may be \(entity.canonical)'s surname \"\(candidate.surname)\" translated; \(doubt)")
                    continue
                }
                result.append(Correction(
                    ruleID: Self.description.identifier, range: TextRange(token.range), original: text,
                    replacement: candidate.surname, confidence: candidate.translated ? 0.8 : 0.85,
                    entityID: entity.id,
                    explanation: candidate.translated
                        ? "\"\(text)\" is \(entity.canonical)'s surname \"\(candidate.surname)\" translated; the text names \(entity.canonical) earlier"
                        : "\"\(text)\" is \(entity.canonical)'s surname without its diacritics; the text names \(entity.canonical) earlier"))
            }
        } }
        return result
    }

    /// The people named in full and spelled correctly in a document, by index into
    /// `Gazetteer.entities`, with the token index just past their first full mention; and the
    /// indices of every token inside a gazetteer match.
    ///
    /// Computed once per document (the rule asks for it, and so does ``remember(_:context:into:)``
    /// when the rule changed nothing).
    static func peopleNamedInFull(in document: Document, context: RuleContext) -> (firstMention: [Int: Int], covered: TokenSet) {
        document.cached(.peopleNamedInFull) { PeopleNamedInFull(document: document, context: context) }.value
    }

    /// ``peopleNamedInFull(in:context:)``, as a document caches it.
    private struct PeopleNamedInFull: Sendable {
        let value: (firstMention: [Int: Int], covered: TokenSet)

        init(document: Document, context: RuleContext) {
            let gazetteer = context.gazetteer
            let facts = VariantFacts.of(context)
            var firstMention: [Int: Int] = [:]
            var covered = TokenSet(count: document.tokens.count)
            let variants = gazetteer.variants
            document.withBytes { bytes in
                for match in context.gazetteerMatches(in: document) {
                    covered.insert(match.tokenRange)
                    guard match.tokenRange.count >= 2 else { continue }
                    for variantIndex in match.variantIndices where facts.isPerson(variantIndex) && facts.isUntranslated(variantIndex) {
                        // Read in place from the compiled record: no variant decoded.
                        let entityIndex = variants.entityIndex(ofVariant: variantIndex)
                        guard firstMention[entityIndex] == nil,
                              variants.target(ofVariant: variantIndex, equals: UnsafeBufferPointer(rebasing: bytes[match.byteRange]))
                        else { continue }
                        firstMention[entityIndex] = match.tokenRange.upperBound
                    }
                }
            }
            value = (firstMention, covered)
        }
    }

    /// Where each person is first named in full: 0 for the people the text before this chunk
    /// named (``TextHistory/peopleNamedInFull``), otherwise the token index just past the first
    /// full mention in the chunk. The history is consulted, not copied: it grows with every chunk
    /// of a long input.
    struct Mentions {
        let inText: [Int: Int]
        let before: EntityIndexSet

        var isEmpty: Bool { inText.isEmpty && before.isEmpty }

        subscript(entity: Int) -> Int? { before.contains(entity) ? 0 : inText[entity] }
    }

    /// A set of token indices of one document, one flag per token.
    struct TokenSet: Sendable {
        private var flags: [Bool]
        init(count: Int) { flags = [Bool](repeating: false, count: count) }
        mutating func insert(_ range: Range<Int>) { for index in range { flags[index] = true } }
        func contains(_ index: Int) -> Bool { flags[index] }
    }

    /// Remembers the people named in full in a chunk, so that a lone surname in a later chunk of
    /// the same input is read as it would be in one text.
    func remember(_ document: Document, context: RuleContext, into history: inout TextHistory) {
        history.peopleNamedInFull.formUnion(Self.peopleNamedInFull(in: document, context: context).firstMention.keys)
    }

    /// Suggestions, one per person, for a word that fits the surname of several people the text
    /// names in full before it ("Pena" after Rander Peña and Santiago Peña): the text does not say
    /// which one is meant, so none is applied.
    private func ambiguous(_ token: Token, text: String, candidates: [(entity: Int, surname: String, translated: Bool)],
                           firstMention: Mentions, index: Int, document: Document, context: RuleContext) -> [Correction] {
        guard isAlone(index, in: document) else { return [] }
        let gazetteer = context.gazetteer
        var seen = Set<Int>()
        let fitting = candidates.filter { candidate in
            guard let first = firstMention[candidate.entity], index >= first, text != candidate.surname else { return false }
            return seen.insert(candidate.entity).inserted
        }
        guard fitting.count > 1 else { return [] }
        // In the order the text names them.
        let ordered = fitting.sorted { (firstMention[$0.entity] ?? 0, $0.entity) < (firstMention[$1.entity] ?? 0, $1.entity) }
        let names = ordered.map { gazetteer.entities[$0.entity].canonical }
        return ordered.map { candidate in
            let entity = gazetteer.entities[candidate.entity]
            let others = names.filter { $0 != entity.canonical }.joined(separator: ", ")
            return Correction(
                ruleID: Self.description.identifier, range: TextRange(token.range), original: text,
                replacement: candidate.surname, confidence: 0.5, entityID: entity.id,
                explanation: "\"\(text)\" may be \(entity.canonical)'s surname \"\(candidate.surname)\"; ambiguous: \(others), also named in full before this word, could be meant as well",
                disposition: .suggestion)
        }
    }

    /// Someone or something else the text names with the same word, outside every lexicon match,
    /// at another occurrence of the token's text (folded: with or without accents), returned as
    /// written; `nil` when there is none:
    /// - a person: a capitalized word right before it ("Alex Rodriguez");
    /// - a longer name: a capitalized word right after it ("Duke University"), or "the … of"
    ///   around it ("the Duke of Cambridge");
    /// - someone introduced by the word: "named" or "called" right before it, there or at the
    ///   token itself ("a rancher named Rodriguez").
    private func otherPersonNamed(like index: Int, covered: TokenSet, in document: Document) -> String? {
        let tokens = document.tokens
        let bytes = document.bytes
        let token = tokens[index]
        // Folded: "Alex Rodriguez" is the same other person once a suggestion wrote him "Alex
        // Rodríguez" (when every correction is applied, for calibration). The same bytes are
        // the same word without folding.
        let word = document.folded(token)
        func isWord(_ other: Token) -> Bool {
            if other.range.count == token.range.count && bytes[other.range].elementsEqual(bytes[token.range]) { return true }
            return document.folded(other) == word
        }
        // Only spaces between two tokens (so one sentence).
        func spaced(_ left: Int, _ right: Int) -> Bool {
            let gap = tokens[left].range.upperBound..<tokens[right].range.lowerBound
            return !gap.isEmpty && bytes[gap].allSatisfy { $0 == 0x20 }
        }
        // One pass over the occurrences; a person named with the word wins over the other uses,
        // wherever each stands.
        var otherUse: String?
        for other in tokens.indices where !covered.contains(other) && isWord(tokens[other]) {
            if other != index, other > 0, !covered.contains(other - 1), tokens[other - 1].isTitleCase, spaced(other - 1, other) {
                let beforeWord = document.folded(tokens[other - 1])
                if !NameMatch.sentenceStarters.contains(beforeWord) && !ContextCues.personTitles.contains(beforeWord) {
                    return document.text(in: tokens[other - 1].range.lowerBound..<tokens[other].range.upperBound)
                        + ", someone outside the lexicon with \"\(document.text(of: token))\" as a surname"
                }
            }
            guard otherUse == nil else { continue }
            // The token itself may be the one introduced ("a rancher named Rodriguez").
            let next = other + 1
            if other != index, next < tokens.count, !covered.contains(next), spaced(other, next) {
                let after = tokens[next]
                let afterWord = document.folded(after)
                if after.isTitleCase && !NameFollowUpsRule.reportingVerbs.contains(afterWord) {
                    otherUse = document.text(in: tokens[other].range.lowerBound..<after.range.upperBound) + ", a longer name outside the lexicon"
                } else if afterWord == "of", other > 0, spaced(other - 1, other), document.folded(tokens[other - 1]) == "the" {
                    otherUse = "\"the " + document.text(of: tokens[other]) + " of\", a title outside the lexicon"
                }
            }
            if otherUse == nil, other > 0, let introduction = Self.introduction(before: other, in: document) {
                otherUse = "someone " + document.text(in: tokens[introduction].range.lowerBound..<tokens[other].range.upperBound) + ", outside the lexicon"
            }
        }
        return otherUse
    }

    /// The countries named by up to three words after "of" or "from" right after the token at
    /// `index` ("Rodriguez of Texas", "Pena from Ciudad Juárez"), in the same sentence; `nil` when
    /// no such words name a country.
    static func placeAfter(_ index: Int, in document: Document, context: RuleContext) -> Set<String>? {
        let tokens = document.tokens
        guard index + 2 < tokens.count else { return nil }
        let bytes = document.bytes
        guard bytes[tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound].allSatisfy({ $0 == 0x20 }),
              ["of", "from"].contains(document.folded(tokens[index + 1])) else { return nil }
        var end = index + 2
        while end < tokens.count, end < index + 5,
              !NameMatch.crossesSentence(bytes, tokens[end - 1].range.upperBound..<tokens[end].range.lowerBound),
              !bytes[tokens[end - 1].range.upperBound..<tokens[end].range.lowerBound].contains(0x2C) || end == index + 2 {
            end += 1
        }
        let found = document.withBytes { context.countries.countries(in: tokens[(index + 2)..<end], of: $0) }
        return found.isEmpty ? nil : found
    }

    /// Where the words that introduce someone by the token at `index` start, or `nil`: "named",
    /// "called" or "surnamed" right before it; "identified as", "known as" (with "only" between
    /// or not); "whose surname is", "whose name is"; "a" or "an", a lowercase noun and a comma
    /// ("A neighbor, Rodriguez,"). Only spaces between the words (but that comma).
    static func introduction(before index: Int, in document: Document) -> Int? {
        let tokens = document.tokens
        func word(_ offset: Int) -> String? {
            let at = index - offset
            guard at >= 0, document.bytes[tokens[at].range.upperBound..<tokens[at + 1].range.lowerBound].allSatisfy({ $0 == 0x20 }) else { return nil }
            return document.folded(tokens[at])
        }
        // "A neighbor, Rodriguez, said": an indefinite noun phrase and a comma right before.
        if index >= 2, document.text(in: tokens[index - 1].range.upperBound..<tokens[index].range.lowerBound) == ", ",
           tokens[index - 1].isLowercase, let article = word(2), ["a", "an"].contains(article) {
            return index - 2
        }
        guard let first = word(1) else { return nil }
        if ["named", "called", "surnamed"].contains(first) { return index - 1 }
        if first == "as" {
            if let second = word(2), ["identified", "known"].contains(second) { return index - 2 }
            if word(2) == "only", let third = word(3), ["identified", "known"].contains(third) { return index - 3 }
        }
        if first == "is", let second = word(2), ["surname", "name"].contains(second), word(3) == "whose" { return index - 3 }
        return nil
    }

    /// Words that make the word right before them the subject of a statement, and so a person:
    /// "Castle said", "Flowers told reporters".
    static let reportingVerbs: Set<String> = ["said", "says", "told", "tells", "asked", "replied", "insisted"]

    /// Why a lone translated surname at `index` is doubtful as a name, or `nil` when nothing
    /// speaks against it: its capital explained by where it stands (the first word of the text,
    /// of a line, of a sentence, after a colon or an opening quotation mark), unless a reporting
    /// verb follows it; or an apposition after it (", a Republican from Ohio,"), which introduces
    /// someone as a first mention does.
    ///
    /// - Complexity: O(*n*) in the bytes before the token back to the previous non-space,
    ///   non-quote byte.
    static func doubt(aboutTranslated index: Int, in document: Document) -> String? {
        let tokens = document.tokens
        let bytes = document.bytes
        let token = tokens[index]
        if let apposition = apposition(after: index, in: document) { return apposition }
        guard startsByPosition(token.range.lowerBound, in: bytes) else { return nil }
        if index + 1 < tokens.count,
           bytes[token.range.upperBound..<tokens[index + 1].range.lowerBound].allSatisfy({ $0 == 0x20 }),
           reportingVerbs.contains(document.folded(tokens[index + 1])) { return nil }
        return "it starts a sentence, a line or a quotation, which capitalizes any word, and no reporting verb follows it"
    }

    /// Why the word at `index` reads as introduced: an apposition, ", a" or ", an" right after it
    /// (", the vote was clean" may be the main clause after an introductory phrase); `nil` when
    /// there is none.
    static func apposition(after index: Int, in document: Document) -> String? {
        let tokens = document.tokens
        guard index + 1 < tokens.count else { return nil }
        let between = document.bytes[tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound]
        guard between.first == 0x2C, between.dropFirst().allSatisfy({ $0 == 0x20 }), between.count > 1,
              ["a", "an"].contains(document.folded(tokens[index + 1])) else { return nil }
        return "an apposition follows it, as it follows someone the text introduces"
    }

    /// Whether the word starting at byte `start` is capitalized by its position: nothing but
    /// spaces and opening quotation marks or brackets before it back to the start of the text, a
    /// line break, or one of `. ! ? : ;`; or an opening quotation mark right before it.
    static func startsByPosition(_ start: Int, in bytes: [UInt8]) -> Bool {
        var index = start - 1
        while index >= 0 {
            switch bytes[index] {
            case 0x20, 0x09: index -= 1
            case 0x22, 0x27, 0x28, 0x5B: return true
            // “ ‘ « (E2 80 9C, E2 80 98, C2 AB).
            case 0x9C where index >= 2 && bytes[index - 1] == 0x80 && bytes[index - 2] == 0xE2: return true
            case 0x98 where index >= 2 && bytes[index - 1] == 0x80 && bytes[index - 2] == 0xE2: return true
            case 0xAB where index >= 1 && bytes[index - 1] == 0xC2: return true
            case 0x0A, 0x0D, 0x2E, 0x21, 0x3F, 0x3A, 0x3B: return true
            default: return false
            }
        }
        return true
    }

    static let determiners: Set<String> = ["the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her", "my", "your", "every", "each", "no", "any", "some"]

    /// Whether the token stands alone: no capitalized word right before or after it in the same
    /// sentence (except a word that only starts the sentence).
    /// Words that stand between the two parties of a case caption: "v.", "vs.", "versus".
    static let captionWords: Set<String> = ["v", "vs", "versus"]

    /// Whether the word at `index` is a party of a case caption: "v.", "vs." or "versus" right
    /// after it ("Rodriguez v. Texas") or right before it ("United States v. Pena"). A caption
    /// is a court's record of the parties' names, spelled as filed: it is never corrected. O(1).
    static func isCaseCaption(_ index: Int, in document: Document) -> Bool {
        let tokens = document.tokens
        let bytes = document.bytes
        func spaces(_ range: Range<Int>) -> Bool { !range.isEmpty && range.allSatisfy { bytes[$0] == 0x20 } }
        // "Rodriguez v. Texas": a space, then the caption word.
        if index + 1 < tokens.count, captionWords.contains(document.folded(tokens[index + 1])),
           spaces(tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound) { return true }
        // "United States v. Pena": the caption word, perhaps its stop, then spaces.
        if index > 0, captionWords.contains(document.folded(tokens[index - 1])) {
            let gap = document.text(in: tokens[index - 1].range.upperBound..<tokens[index].range.lowerBound)
            if gap == " " || gap == ". " { return true }
        }
        return false
    }

    /// Words that describe a work: a quoted surname near one is the work's title ("\"Rodriguez,\"
    /// the Netflix drama").
    static let workWords: Set<String> = [
        "drama", "dramas", "film", "films", "movie", "series", "miniseries", "novel", "novels", "song",
        "songs", "album", "albums", "single", "show", "sitcom", "telenovela", "documentary", "play",
        "musical", "opera", "book", "memoir", "podcast", "episode", "comedy", "thriller", "biopic", "painting",
    ]

    /// Whether the word at `index` stands alone in quotation marks (straight or curly, perhaps
    /// with a comma inside them) with a work word (``workWords``) among the eight words after it
    /// or the four before it in the same sentence: a title ("\"Rodriguez,\" the Netflix drama,
    /// premiered"; "the song \"Pena\""), which is never corrected. O(1).
    static func isQuotedTitle(_ index: Int, in document: Document) -> Bool {
        let tokens = document.tokens
        let bytes = document.bytes
        func hasQuote(_ range: Range<Int>) -> Bool {
            let text = document.text(in: range)
            return text.contains { ["\"", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "'"].contains($0) }
        }
        let before = index > 0 ? tokens[index - 1].range.upperBound..<tokens[index].range.lowerBound : 0..<tokens[index].range.lowerBound
        let after = index + 1 < tokens.count ? tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound : tokens[index].range.upperBound..<bytes.count
        guard hasQuote(before), hasQuote(after) else { return false }
        var next = index + 1
        while next < tokens.count, next <= index + 8 {
            if next > index + 1, NameMatch.crossesSentence(bytes, tokens[next - 1].range.upperBound..<tokens[next].range.lowerBound) { break }
            if workWords.contains(document.folded(tokens[next])) { return true }
            next += 1
        }
        var previous = index - 1
        while previous >= 0, previous >= index - 4,
              !NameMatch.crossesSentence(bytes, tokens[previous].range.upperBound..<tokens[previous + 1].range.lowerBound) {
            if workWords.contains(document.folded(tokens[previous])) { return true }
            previous -= 1
        }
        return false
    }

    private func isAlone(_ index: Int, in document: Document) -> Bool {
        let tokens = document.tokens
        let bytes = document.bytes
        // "the Oaks family", "a Castle": a determiner makes it a noun, not a person's surname.
        if index > 0, !NameMatch.crossesSentence(bytes, tokens[index - 1].range.upperBound..<tokens[index].range.lowerBound),
           Self.determiners.contains(document.folded(tokens[index - 1])) { return false }
        func capitalized(_ token: Token) -> Bool { token.shape.contains(.startsUppercase) || token.isAllUppercase }
        if index + 1 < tokens.count, capitalized(tokens[index + 1]),
           !NameMatch.crossesSentence(bytes, tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound) { return false }
        if index > 0, capitalized(tokens[index - 1]),
           !NameMatch.crossesSentence(bytes, tokens[index - 1].range.upperBound..<tokens[index].range.lowerBound) {
            let startsSentence = index - 1 == 0 || NameMatch.crossesSentence(bytes, tokens[index - 2].range.upperBound..<tokens[index - 1].range.lowerBound)
            let word = document.folded(tokens[index - 1])
            if !(startsSentence && NameMatch.sentenceStarters.contains(word)) { return false }
        }
        return true
    }
}
