import WirefixEngine
import WirefixLexicon

/// Restores the diacritics of lexicon names that lost them.
///
/// Detects: a lexicon name of two or more words written with the right capitals but without its
/// diacritics ("Rander Pena", "Alberto Nunez Feijoo"), or with its accented letters deleted
/// ("Nicols Maduro"). Fixes: writes the correct spelling.
struct NameDiacriticsRule: Rule {
    static let description = RuleDescription(
        identifier: "name_diacritics",
        name: "Name Diacritics",
        summary: "Restores diacritics that lexicon names lost",
        discussion: """
            Detects: a span that matches a name of the lexicon accent-insensitively, with the right \
            capitals, whose letters differ from the correct spelling only in diacritics, or in which \
            the accented letters were deleted by a lossy conversion ("Nicols" for "Nicolás"). \
            Fixes: writes the correct spelling.

            Confidence: 0.9 for names of two or more words, where the full name is the evidence; \
            0.8 for deleted letters in a name of two or more words; a one-word name \
            ("Pena") is only suggested (0.5), because it may be another person or English spelling, \
            unless it is a place with what it is beside it (0.8: "Maiquetia airport", "the prison of \
            Tocoron", "Zocalo square": one of the lexicon's context words of the place within three \
            words before it, or that word or a noun for a place right after it in lowercase, not \
            "Zocalo Street") and no English word; \
            so is a person's name in a sentence that mentions other countries, on a line that does \
            not mention the person's own ("Jose Guerra, 45, of Houston"), where people write \
            their own names without accents (another sentence of the paragraph may be about \
            someone else, so it does not count). So is a person's name that, as written, is a \
            common name in the United States too (a US Census given name and one of the 1,000 \
            most common census surnames: "Alan Garcia", "Claudia Lopez", "Raul Castro"), where \
            people write it without accents, when nothing in the text ties it to the entity: \
            neither its country on the line (or as the only country of the whole text), nor a \
            title, role or context word before it, nor another word of its names nearby (not the \
            same name repeated), nor another person or organization of its country on the line, \
            nor the line writing a word of the name with its accents elsewhere ("Rodríguez said"). \
            So is a person the sentence places elsewhere (see `NameMatch.placedAway`): in another \
            country ("Texas state Rep.", "of Toronto"), or, on a line that does not mention the \
            entity's country, as a private person (", 34, of Queens", "Brooklyn resident"), an \
            athlete ("Dodgers catcher", "NBA guard") or "of" an unknown place ("of the Newark \
            police"), or one the text says is someone else ("no relation", "not related", "a \
            namesake", "a name shared by" within eight words after it). \
            Nothing is done under the unaccented house style (`keepUnaccented`, or an entity's own \
            `style` of `unaccented` in the lexicon, which also wins over the global option), and a \
            name that fits two entities is only suggested.

            Names outside the lexicon: a run of two to four capitalized words, outside every \
            lexicon match and headline, that starts with a given name (Lexicons/spanish/names.tsv \
            or the US Census given names) and ends with a surname of the Spanish name list, where \
            a word written in ASCII has a listed spelling with diacritics and Spanish text writes \
            it in plain ASCII at most 25% of the time ("Hector Avendano" → "Héctor Avendaño"; \
            "Martin", "Simon", "Ivan" are written so a third of the time or more, so English names \
            stay). Names whose surname is also a place name (León, Córdoba) and lone words are \
            never changed. Applied (0.8) only when the line mentions a \
            Spanish-speaking country before the name ("Senator Bob Menendez met Venezuelan \
            officials" is a US senator) and no other (Brazil and Portugal aside), and a title or role \
            word or a demonym introduces the name or two of its words lost their accents after the \
            mention ("In Bogotá, Jose Ramon Villasenor"), and no \
            "of"/"from" + another place follows it ("Hector Ferreira of Newark"); otherwise \
            suggested (0.5): people elsewhere write their names without accents by choice; with \
            neither such a country nor a given name of the Spanish list or the gloss tables \
            ("Jennifer Lopez") nothing is reported. Not \
            under the global unaccented house style.
            """,
        phase: .names,
        examples: [
            // A word cut short by mojibake is the mojibake rule's ("PeÃ" of "PeÃ±a" would become "Peña±a").
            .keep("The encoding of Rander PeÃ±a is wrong, and Marcos PeÃ±a agreed."),
            .suggest("Senator Bob Menendez met Venezuelan officials in Caracas."),
            .fix("The plane landed at ⟦Maiquetia⟧ airport on Monday.", "The plane landed at Maiquetía airport on Monday."),
            .fix("He spent a year in the prison of ⟦Tocoron⟧, in Aragua.", "He spent a year in the prison of Tocorón, in Aragua."),
            .suggest("He lives on Zocalo Street in Laredo."),
            .suggest("The Zocalo Plaza in Denver hosted a market."),
            .suggest("Maiquetia was quiet on Monday."),
            .keep("Nicolas Maduro;Venezuela;1962\n1;Alvaro Uribe Velez;Colombia"),
            // Code: an inline span, a fenced block, a command line.
            .keep("`Maiquetia airport` is the key, `Nicolas Maduro` the value.\n```\ngrep \"Alvaro Uribe Velez\" people.txt\n```\n$ grep \"Tocoron prison\" inmates.csv"),
            .fix("The key `x` names ⟦Nicolas Maduro⟧ and `y` nobody.", "The key `x` names Nicolás Maduro and `y` nobody."),
            .fix("Minister of Health ⟦Monica Garcia⟧ said the strike would end.", "Minister of Health Mónica García said the strike would end."),
            .fix("The vice minister ⟦Rander Pena⟧ spoke.", "The vice minister Rander Peña spoke."),
            .fix("⟦Nicolas Maduro⟧ spoke.", "Nicolás Maduro spoke."),
            .fix("The leader ⟦Alberto Nunez Feijoo⟧ spoke.", "The leader Alberto Núñez Feijóo spoke."),
            .fix("The journalist ⟦Jordi Evole⟧ asked.", "The journalist Jordi Évole asked."),
            .fix("The wife of ⟦Nicols Maduro⟧ spoke.", "The wife of Nicolás Maduro spoke."),
            .fix("Minister ⟦Yvan Gil⟧ said.", "Minister Yván Gil said."),
            .keep("Nicolás Maduro spoke."),
            .keep("Nicolas Sarkozy met President Maduro."),
            .keep("Nicolas Maduro spoke.", options: RuleOptions(keepUnaccented: true)),
            .keep("The Pena family lives in Texas."),
            .keep("Jose Mourinho coached the team."),
            .keep("They visited Mexico and Bogota."),
            // The sentence places the person in the United States, or as a private person or an
            // athlete with no tie to the entity's country.
            .suggest("Brooklyn resident Martin Soria said the subway was late."),
            .suggest("Martin Soria, 34, of Queens, was arrested Tuesday."),
            .suggest("Texas state Rep. Martin Soria filed the bill."),
            .suggest("Dodgers catcher Martin Soria homered twice."),
            .suggest("Arizona state Sen. Gabriel Rufian voted no."),
            .suggest("Yankees shortstop Gabriel Rufian homered."),
            .suggest("Former Texas state Rep. Ines Arrimadas spoke."),
            .suggest("Lakers guard Ines Arrimadas scored 20."),
            .suggest("Officer Ricardo Serrao Santos of the Newark police spoke."),
            .suggest("NHL winger Ricardo Serrao Santos scored twice."),
            .suggest("Gabriel Rufian, no relation to the Spanish deputy, opened a bakery."),
            .suggest("Gabriel Rufian is a name shared by a Bronx chef."),
            .fix("The Spanish politician ⟦Ines Arrimadas⟧ spoke in Madrid.", "The Spanish politician Inés Arrimadas spoke in Madrid."),
            .fix("Former president ⟦Sebastin Piera⟧ died.", "Former president Sebastián Piñera died."),
            // A foreign city where the person speaks or goes is no other country's name.
            .fix("The former president ⟦Alvaro Uribe Velez⟧ spoke in Madrid.", "The former president Álvaro Uribe Vélez spoke in Madrid."),
            .keep("Nicolás\u{00A0}Maduro spoke."),
            // Accents the copy has are spellings, never damage: nothing is removed or changed.
            .keep("Minister Sônia Guajajara spoke in Brasília."),
            .keep("The judge Sérgio Moro spoke in Curitiba."),
            .keep("The vice minister Rander Pèña spoke."),
            .suggest("Jose Guerra, 45, of Houston, Texas, was arrested on Monday."),
            // Names outside the lexicon.
            .fix("The Venezuelan deputy ⟦Hector Avendano⟧ denounced the arrests.", "The Venezuelan deputy Héctor Avendaño denounced the arrests."),
            .fix("In Bogotá, ⟦Jose Ramon Villasenor⟧ answered the prosecutors.", "In Bogotá, José Ramón Villaseñor answered the prosecutors."),
            .suggest("The mayor Hector Avendano spoke in Caracas and in Miami."),
            .suggest("Hector Avendano, 52, was arrested in Colombia."),
            .keep("Hector Ferreira of Newark won the prize."),
            .keep("The Colombian minister Jose Leon spoke."),
            .keep("The Venezuelan minister Martin Simon spoke."),
            .keep("Venezuelan officials visited Mexico and Bogota."),
            .keep("In Caracas, Nunez said nothing."),
            .keep("Jennifer Lopez performed at the Super Bowl."),
            // Written so, a common name in the United States too: only a tie to the entity
            // (its country, a title or role, another of its names or its country's people)
            // makes it the entity.
            .suggest("His neighbor, Alan Garcia, said the water came up to his knees."),
            .suggest("Residents like Alan Garcia spent the night on the roof. Garcia said the boat came at dawn."),
            .suggest("The quarterback Felipe Calderon threw three touchdown passes."),
            .fix("Former president ⟦Alan Garcia⟧ died in 2019.", "Former president Alan García died in 2019."),
            .fix("⟦Raul Castro⟧ spoke in Havana.", "Raúl Castro spoke in Havana."),
            .fix("Gustavo Petro and ⟦Claudia Lopez⟧ debated on television.", "Gustavo Petro and Claudia López debated on television."),
            .fix("On Thursday ⟦Luisa Gonzalez⟧ signed the decree. Later, González said the reserves were sufficient.",
                 "On Thursday Luisa González signed the decree. Later, González said the reserves were sufficient."),
        ])

    /// Surnames ranked at most this in the US Census list are common in the United States
    /// ("Garcia" 18, "Torres" 67, "Castillo" 207, "Pena" 298); "Cepeda" (5,034) and "Duque"
    /// (7,759) are not.
    static let commonUSSurnameRank = 1_000

    /// Whether the match, as written, is a common name in the United States: its first word a
    /// US Census given name, its last a surname among the ``commonUSSurnameRank`` most common,
    /// every word between a census name ("Alan Garcia", "Jose Luis Rodriguez", "Sandra Torres").
    static func isCommonUSName(_ name: NameMatch, in document: Document, context: RuleContext) -> Bool {
        let words = name.tokens.map { document.folded($0) }.filter { !NameMatch.particles.contains($0) }
        guard words.count >= 2, let first = words.first, let last = words.last,
              context.names.isGivenName(first),
              let rank = context.names.surnameRank(last), rank <= commonUSSurnameRank else { return false }
        return words.dropFirst().dropLast().allSatisfy { context.names.isName($0) }
    }

    /// Whether something in the text ties the match to its entity rather than to anyone of the
    /// same name: the line mentions the entity's country, or the whole text mentions that
    /// country and no other; a title, a role or one of the entity's context words introduces
    /// it ("Former president Alan Garcia"); another word of the entity's names stands near it;
    /// or another entity of the lexicon from the same country is named on the line ("Gustavo
    /// Petro and Ivan Cepeda").
    ///
    /// - Complexity: O(*l*) in the tokens and lexicon matches of the line, and O(*n*) in the
    ///   text once per document for the whole text's countries.
    static func isTiedToEntity(_ name: NameMatch, in document: Document, context: RuleContext) -> Bool {
        let own = name.entity.country
        if name.countryEvidence(in: document, context: context).own { return true }
        if name.isIntroducedByCue(in: document) { return true }
        if hasOtherOwnNameNearby(name, in: document, context: context) { return true }
        if writesOwnAccentsOnLine(name, in: document) { return true }
        // Another person or organization of the same country on the line.
        let line = name.lineRange(in: document)
        let matches = context.gazetteerMatches(in: document)
        var low = 0, high = matches.count
        while low < high {
            let mid = (low + high) / 2
            if matches[mid].byteRange.upperBound <= line.lowerBound { low = mid + 1 } else { high = mid }
        }
        let variants = context.gazetteer.variants
        let entities = context.gazetteer.entities
        while low < matches.count, matches[low].byteRange.lowerBound < line.upperBound {
            let other = matches[low]
            low += 1
            if other.byteRange == name.match.byteRange { continue }
            if other.variantIndices.contains(where: {
                // The entity index read in place: no variant decoded.
                let entity = entities[variants.entityIndex(ofVariant: $0)]
                return entity.country == own && entity.id != name.entity.id
            }) { return true }
        }
        return own != "INT" && name.textMentionsOnly(own, in: document, context: context)
    }

    /// Whether the match's line writes a word of the entity's canonical name with its
    /// diacritics elsewhere ("Josefina Rodriguez ... Rodríguez did not say"): the copy spells
    /// this person's name with accents, so the ones lost here are damage.
    ///
    /// - Complexity: O(*l*) in the tokens of the line.
    static func writesOwnAccentsOnLine(_ name: NameMatch, in document: Document) -> Bool {
        let accented = Set(Gazetteer.words(of: name.entity.canonical).filter { $0.utf8.contains { $0 >= 0x80 } })
        guard !accented.isEmpty else { return false }
        let line = name.lineRange(in: document)
        let all = document.tokens
        for index in document.tokenIndices(in: line) where !name.match.tokenRange.contains(index) {
            let token = all[index]
            if !token.shape.contains(.ascii), accented.contains(document.text(of: token)) { return true }
        }
        return false
    }

    /// Whether a word of the entity's names that the match does not itself have stands within
    /// ``VariantGuard/nameWindow`` tokens of it ("Pérez" near "Alan Garcia", "Obrador" near
    /// "Andres Manuel Lopez"): the name repeated ("Garcia said") is no evidence of whose it is.
    static func hasOtherOwnNameNearby(_ name: NameMatch, in document: Document, context: RuleContext) -> Bool {
        let inMatch = Set(name.tokens.map { document.folded($0) })
        var own = Set<String>()
        for form in [name.entity.canonical] + name.entity.aliases {
            for word in Gazetteer.words(of: form) {
                let folded = Folding.fold(word)
                if NameVariant.particles.contains(folded) || inMatch.contains(folded) { continue }
                if let rank = context.words.rank(of: folded), rank <= 1000 { continue }
                own.insert(folded)
            }
        }
        guard !own.isEmpty else { return false }
        let all = document.tokens
        let window = VariantGuard.nameWindow
        let before = max(0, name.match.tokenRange.lowerBound - window)..<name.match.tokenRange.lowerBound
        let after = name.match.tokenRange.upperBound..<min(all.count, name.match.tokenRange.upperBound + window)
        return before.contains { own.contains(document.folded(all[$0])) } || after.contains { own.contains(document.folded(all[$0])) }
    }

    /// Whether `replacement` differs from `copy` only by letters that the copy wrote without
    /// their diacritics (or in another case): every character of the copy is the replacement's
    /// character, or its base letter. "Nicolas" → "Nicolás" restores; "Sônia" → "Sonia" and
    /// "Nicolàs" → "Nicolás" would remove or change an accent the copy has.
    static func onlyRestoresDiacritics(copy: String, replacement: String) -> Bool {
        func restores(_ written: Character, _ wanted: Character) -> Bool {
            written == wanted || (written.isASCII && Folding.fold(String(wanted)) == String(written))
        }
        // A copy in ASCII (the usual one: its accents are what was lost) is its bytes, one
        // character each (but for a carriage return and line feed, one character together),
        // lowercased byte by byte. The replacement is lowercased as `lowercased()` does it,
        // scalar by scalar with no context, but its ASCII letters in place, and its characters
        // read one by one: an equal ASCII character settles a position without comparing
        // characters.
        let copyBytes = copy.utf8
        if copyBytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            var loweredBytes: [UInt8] = []
            loweredBytes.reserveCapacity(replacement.utf8.count + 8)
            for scalar in replacement.unicodeScalars {
                if scalar.isASCII {
                    loweredBytes.append(lowered(UInt8(scalar.value)))
                } else {
                    loweredBytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                }
            }
            var wanted = String(decoding: loweredBytes, as: UTF8.self).makeIterator()
            for byte in copyBytes {
                guard let next = wanted.next() else { return false }
                let written = lowered(byte)
                if next.utf8.count == 1 && next.utf8.first == written { continue }
                if !restores(Character(Unicode.Scalar(written)), next) { return false }
            }
            return wanted.next() == nil
        }
        let copyCharacters = Array(copy.lowercased())
        let replacementCharacters = Array(replacement.lowercased())
        guard copyCharacters.count == replacementCharacters.count else { return false }
        return zip(copyCharacters, replacementCharacters).allSatisfy { restores($0, $1) }
    }

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        var result: [Correction] = context.options.keepUnaccented
            ? [] : ListedNameDiacritics(document: document, context: context).corrections(rule: Self.description.identifier)
        for name in NameMatch.all(in: document, context: context) where name.kind == .diacritics && name.mayBeRewritten(in: document) {
            // House style, global or the entity's own (`style` in the lexicon): no accents added.
            if name.entity.keepsUnaccented(context.options) { continue }
            let deleted = name.variant.hasDeletedLetters
            let replacement = name.replacement(options: context.options, in: document)
            // "Sônia Guajajara" where the lexicon writes "Sonia": the copy's accent is a spelling
            // of the name (AP's, here), never damage; this rule only puts back what was lost.
            if !deleted && !Self.onlyRestoresDiacritics(copy: name.text, replacement: replacement) { continue }
            let single = name.tokens.count < 2
            // A place of one word with what it is beside it ("Maiquetia airport", "the prison
            // of Tocoron"): the lexicon's own context words or a noun for a place, and no English
            // word ("Mérida" has "merida": none).
            let placed = single && !deleted && name.entity.kind == .place && Self.isPlaceWithItsNoun(name, in: document, context: context)
            var confidence = single ? (placed ? 0.8 : 0.5) : (deleted ? 0.8 : 0.9)
            var explanation = deleted
                ? "\"\(name.text)\" is \(name.entity.canonical) with its accented letters deleted"
                : "\"\(name.text)\" is \(name.entity.canonical) without its diacritics"
                    + (placed ? "; a single word, with what the place is beside it" : single ? "; a single word is weak evidence" : "")
            // "Jose Guerra, 45, of Houston": many people in other countries write the same name
            // without accents, by their own choice. Only the name's own sentence counts: another
            // sentence of the paragraph may be about someone else ("Correa, who lives in
            // Belgium, spoke. The candidate, Luisa Gonzalez, ...").
            // The line check first: it is cheaper, and the sentence can only name fewer countries.
            // A country named only as where something happens ("spoke in Madrid") or where the
            // person goes ("flew to Washington") says nothing of whose name it is.
            if name.entity.kind == .person, name.countryEvidence(in: document, context: context).otherOnly,
               !name.countryMentions(in: document, context: context).affiliation.isEmpty {
                confidence = min(confidence, 0.5)
                explanation += "; the sentence mentions other countries, not \(name.entity.country)"
            }
            // "His neighbor, Alan Garcia, said the water came up to his knees": written so, the
            // name is also a common name in the United States (a census given name and a surname
            // among its most common), where people write it without accents. Only something that
            // ties it to the entity makes it the entity: see ``isTiedToEntity(_:in:context:)``.
            if confidence > 0.5, name.entity.kind == .person, Self.isCommonUSName(name, in: document, context: context),
               !Self.isTiedToEntity(name, in: document, context: context) {
                confidence = 0.5
                explanation += "; written so it is also a common name in the United States, and nothing in the text ties it to \(name.entity.canonical) (its country, a title or role, another of its names, another person of its country)"
            }
            // "Brooklyn resident Martin Soria", "Texas state Rep. Martin Soria", "Dodgers catcher
            // Martin Soria": the sentence places the person elsewhere, where people write their
            // names without accents by choice.
            if confidence > 0.5, let away = name.placedAway(in: document, context: context) {
                confidence = 0.5
                explanation += "; \(away)"
            }
            // "Gabriel Rufian, no relation to the Spanish deputy,": the text says it is someone else.
            if confidence > 0.5, name.entity.kind == .person, let phrase = name.disclaimedRelation(in: document) {
                confidence = 0.5
                explanation += "; the text says it is someone else (\"\(phrase)\")"
            }
            result.append(name.correction(
                rule: Self.description.identifier, replacement: replacement,
                confidence: confidence, explanation: explanation))
        }
        return result
    }
}

extension NameDiacriticsRule {
    /// Whether a one-word place name stands with what it is: introduced (within three words of
    /// its clause) or followed by one of the entity's context words, or followed by a noun for a
    /// place ("Maiquetia airport", "the Tocoron prison", "Zocalo square"), and its written form
    /// is no English word.
    static func isPlaceWithItsNoun(_ name: NameMatch, in document: Document, context: RuleContext) -> Bool {
        guard !context.words.contains(Folding.fold(name.text)) else { return false }
        // A noun after it counts in lowercase only: "Zocalo Street", "the Zocalo Plaza in
        // Denver" name other places.
        let next = name.match.tokenRange.upperBound
        let followed = next < document.tokens.count && document.tokens[next].isLowercase && name.isFollowedByCue(in: document)
        return name.isIntroducedByCue(in: document) || followed
    }
}

/// Diacritics for full person names outside the lexicon, from the Spanish name list
/// (``SpanishNameList``); see ``NameDiacriticsRule``'s discussion for the evidence it weighs.
struct ListedNameDiacritics {
    let document: Document
    let context: RuleContext
    let tokens: [Token]
    let bytes: [UInt8]

    /// The largest share (percent) of Spanish text that may write the name in plain ASCII.
    static let maximumPlainShare = 25
    /// Countries whose people's names Spanish spelling fits: Spanish-speaking countries.
    static let spanishSpeaking: Set<String> = [
        "VE", "MX", "AR", "CO", "PE", "CL", "BO", "EC", "PY", "UY", "CU", "NI", "DO", "GT", "HN", "SV", "PA", "CR", "ES", "PR", "GQ",
    ]
    /// Countries that say neither for nor against a Spanish spelling.
    static let neutral: Set<String> = ["BR", "PT", "INT"]

    init(document: Document, context: RuleContext) {
        self.document = document
        self.context = context
        tokens = document.tokens
        bytes = document.bytes
    }

    /// Whether a token may be a word of a name: capitalized, letters only, two or more letters.
    func isNameWord(_ token: Token) -> Bool {
        token.isTitleCase && token.range.count >= 2 && !token.shape.contains(.hasDigit)
    }

    func folded(_ index: Int) -> String { document.folded(tokens[index]) }

    func isGivenName(_ word: String) -> Bool {
        context.spanishNames.isGivenName(word) || context.names.isGivenName(word)
    }

    /// Whether exactly one space separates tokens `index` and `index + 1`.
    func singleSpace(after index: Int) -> Bool {
        let gap = tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound
        return gap.count == 1 && bytes[gap.lowerBound] == 0x20
    }

    /// The corrections for the document.
    ///
    /// - Complexity: O(*n*) in the number of tokens, plus a scan of the line for each candidate name.
    func corrections(rule: String) -> [Correction] {
        guard !tokens.isEmpty else { return [] }
        let lexicon = context.gazetteerMatches(in: document).map(\.byteRange)
        var result: [Correction] = []
        var index = 0
        while index < tokens.count {
            guard isNameWord(tokens[index]) else { index += 1; continue }
            var end = index + 1
            while end < tokens.count, isNameWord(tokens[end]), singleSpace(after: end - 1) { end += 1 }
            if let correction = correction(run: index..<end, lexicon: lexicon, rule: rule) { result.append(correction) }
            index = end
        }
        return result
    }

    /// The correction for one run of capitalized words, or `nil`.
    func correction(run: Range<Int>, lexicon: [Range<Int>], rule: String) -> Correction? {
        // A name takes two words at least, and stripping leading words only shortens the run.
        guard run.count >= 2 else { return nil }
        // The run's last word ends the name whatever leading words are stripped below, so two
        // rejections need only it, and come first (the cheaper ones; every way below returns
        // `nil` as well when either holds): a lexicon match over it, and no listed surname.
        let lastWord = tokens[run.upperBound - 1].range
        var low = 0, high = lexicon.count
        while low < high {
            let mid = (low + high) / 2
            if lexicon[mid].upperBound <= lastWord.lowerBound { low = mid + 1 } else { high = mid }
        }
        if low < lexicon.count && lexicon[low].overlaps(lastWord) { return nil }
        guard let surname = context.spanishNames.surname(folded(run.upperBound - 1)), !surname.isPlace else { return nil }
        var start = run.lowerBound
        var titled = start > 0 && isIntroducer(start - 1)
        // Leading words that are not names: "President", "Colombian", "The".
        while start < run.upperBound {
            let word = folded(start)
            if isGivenName(word) { break }
            guard ContextCues.personTitles.contains(word) || isDemonym(start) || context.words.contains(word) else { return nil }
            titled = titled || ContextCues.personTitles.contains(word) || isDemonym(start)
            start += 1
        }
        let name = start..<run.upperBound
        guard name.count >= 2, name.count <= 4 else { return nil }
        let first = tokens[name.lowerBound].range.lowerBound, last = tokens[name.upperBound - 1].range.upperBound
        // The lexicon's matches are sorted and apart: the first that ends after `first` is the
        // only one that can overlap.
        low = 0
        high = lexicon.count
        while low < high {
            let mid = (low + high) / 2
            if lexicon[mid].upperBound <= first { low = mid + 1 } else { high = mid }
        }
        if low < lexicon.count && lexicon[low].overlaps(first..<last) { return nil }
        // The last word is a listed surname, and no place name ("Jose Leon" may be a street):
        // asked above (`surname`), as the name ends where the run does.
        var changes: [(index: Int, spelling: String, share: Int)] = []
        for position in name {
            let word = folded(position)
            let isFirst = position == name.lowerBound, isLast = position == name.upperBound - 1
            let given = context.spanishNames.givenName(word), surname = context.spanishNames.surname(word)
            if !isFirst && !isLast && given == nil && surname == nil && !context.names.isName(word) { return nil }
            let entry: SpanishNameList.Entry?
            if isFirst { entry = given } else if isLast { entry = surname } else { entry = given ?? surname }
            guard let entry, entry.hasDiacritics, entry.plain <= Self.maximumPlainShare,
                  tokens[position].shape.contains(.ascii) else { continue }
            changes.append((position, entry.name, 100 - entry.plain))
        }
        guard !changes.isEmpty, !isInHeadline(first..<last) else { return nil }

        let line = lineRange(first..<last)
        let mentioned = context.countries(mentionedInLine: line, of: document)
        let spanish = mentioned.intersection(Self.spanishSpeaking)
        let other = mentioned.subtracting(Self.spanishSpeaking).subtracting(Self.neutral)
        // "Jennifer Lopez", "Linda Sanchez": an English given name and no Spanish-speaking
        // country says nothing about accents, not even a suggestion.
        let givenWord = folded(name.lowerBound)
        let spanishGiven = context.spanishNames.isGivenName(givenWord)
            || context.gazetteer.glossesByComponent[givenWord]?.contains { $0.kind == .given } == true
        if spanish.isEmpty && !spanishGiven { return nil }
        var confidence = 0.5
        var evidence: String
        if spanish.isEmpty {
            evidence = "the line mentions no Spanish-speaking country"
        } else if !other.isEmpty {
            evidence = "the line also mentions \(other.sorted().joined(separator: ", "))"
        } else if isFollowedByAnotherPlace(name.upperBound) {
            evidence = "a place follows the name"
        } else if !titled && (changes.count < 2 || context.countries(mentionedIn: line.lowerBound..<first, of: document)
                    .intersection(Self.spanishSpeaking).isEmpty) {
            evidence = "no title introduces the name, and it is not a name of two words that lost their accents after a Spanish-speaking place"
        } else if context.countries(mentionedIn: line.lowerBound..<first, of: document)
                    .intersection(Self.spanishSpeaking).isEmpty {
            // The country only after the name: "Senator Bob Menendez met Venezuelan officials",
            // "Rep. Joaquin Castro traveled to Mexico" are US politicians, who write their names
            // without accents.
            confidence = 0.6
            evidence = "the line mentions \(spanish.sorted().joined(separator: ", ")) only after the name"
        } else {
            confidence = 0.8
            evidence = "the line mentions \(spanish.sorted().joined(separator: ", ")) before the name" + (titled ? " and a title or demonym introduces it" : "")
        }
        let spanStart = tokens[changes.first!.index].range.lowerBound
        let spanEnd = tokens[changes.last!.index].range.upperBound
        var replacement = ""
        var cursor = spanStart
        for change in changes {
            replacement += document.text(in: cursor..<tokens[change.index].range.lowerBound) + change.spelling
            cursor = tokens[change.index].range.upperBound
        }
        let original = document.text(in: spanStart..<spanEnd)
        let shares = changes.map { "\($0.spelling) \($0.share)%" }.joined(separator: ", ")
        return Correction(
            ruleID: rule, range: TextRange(spanStart..<spanEnd), original: original, replacement: replacement,
            confidence: confidence,
            explanation: "\"\(document.text(in: first..<last))\" reads as a Spanish name; Spanish text writes \(shares) of the time with diacritics; \(evidence)")
    }

    /// Whether token `index` is a title or role word or a demonym just before a name.
    func isIntroducer(_ index: Int) -> Bool {
        ContextCues.personTitles.contains(folded(index)) || isDemonym(index)
    }

    /// Whether token `index` is a demonym of a Spanish-speaking country ("Venezuelan").
    func isDemonym(_ index: Int) -> Bool {
        // The endings, tested on the bytes first: a word ends with one of these letters only if
        // its bytes do (an ASCII word answers there and then).
        let range = tokens[index].range
        func endsWith(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard range.count >= length else { return false }
            return suffix.withUTF8Buffer { ending in
                (0..<length).allSatisfy { bytes[range.upperBound - length + $0] == ending[$0] }
            }
        }
        guard endsWith("an") || endsWith("ish") || endsWith("ese") else { return false }
        if !tokens[index].shape.contains(.ascii) {
            let word = document.text(of: tokens[index])
            guard word.hasSuffix("an") || word.hasSuffix("ian") || word.hasSuffix("ish") || word.hasSuffix("ese") else { return false }
        }
        return !context.countries(mentionedIn: tokens[index].range, of: document).intersection(Self.spanishSpeaking).isEmpty
    }

    /// Whether "of" or "from" and a capitalized word that names no Spanish-speaking place follow
    /// the name ("Hector Ferreira of Newark").
    func isFollowedByAnotherPlace(_ index: Int) -> Bool {
        guard index + 1 < tokens.count else { return false }
        let word = folded(index)
        guard word == "of" || word == "from", tokens[index + 1].shape.contains(.startsUppercase) else { return false }
        var end = index + 1
        while end + 1 < tokens.count, tokens[end + 1].shape.contains(.startsUppercase), singleSpace(after: end) { end += 1 }
        let place = tokens[index + 1].range.lowerBound..<tokens[end].range.upperBound
        return context.countries(mentionedIn: place, of: document).intersection(Self.spanishSpeaking).isEmpty
    }

    /// The byte range of the line that holds `range`, without its line break.
    func lineRange(_ range: Range<Int>) -> Range<Int> {
        document.lineRange(containing: range)
    }

    /// Whether the line is a headline in Title Case or capitals, where capitals say nothing.
    func isInHeadline(_ range: Range<Int>) -> Bool {
        let line = lineRange(range)
        var words = 0, capitalized = 0, lower = 0
        // The line's own tokens (none crosses a line break).
        for token in tokens[document.tokenIndices(in: line)] {
            guard token.shape.contains(.hasLetter) else { continue }
            words += 1
            if token.shape.contains(.startsUppercase) { capitalized += 1 }
            if token.shape.contains(.hasLowercase) { lower += 1 }
        }
        guard words >= 3 else { return false }
        return lower == 0 || Double(capitalized) >= 0.75 * Double(words)
    }
}
