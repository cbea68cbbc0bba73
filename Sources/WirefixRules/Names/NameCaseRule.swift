import WirefixEngine
import WirefixLexicon

/// Restores the capitals (and diacritics) of lexicon names written in lowercase.
///
/// Detects: a lexicon name of two or more words, spelled right or as a known misspelling, with
/// lowercase letters where the correct spelling has capitals ("delcy rodriguez").
/// Fixes: writes the correct spelling ("Delcy Rodríguez").
struct NameCaseRule: Rule {
    static let description = RuleDescription(
        identifier: "name_case",
        name: "Name Case",
        summary: "Restores capitals and diacritics of lexicon names written in lowercase",
        discussion: """
            Detects: a span that matches a name of the lexicon (canonical form, alias or known \
            misspelling), accent- and case-insensitively, in which a word the correct spelling \
            capitalizes is all lowercase, and no word is capitalized where the correct spelling is \
            not. Fixes: writes the correct spelling, which also restores lost diacritics.

            An organization or place name is fixed only when all of it is lowercase ("Moncloa \
            palace" is house style) and it stands among English words (a lowercase Spanish quote \
            keeps its own case). Names inside URLs, e-mail addresses, file names, markup and \
            hyphenated slugs are never touched, nor names on a line that reads as a shell command \
            (a prompt, a program such as grep first or after a pipe) or given as a screen name \
            ("known online as", "username", "handle", "@"), nor names after a word that introduces \
            typed text ("typed", "type", "named", "reads", "searched for") or inside a file name \
            ("gustavo petro final.jpg"). An organization or place name made only of Spanish \
            articles and ordinary words ("acción popular", "los pinos", "el alto") is only \
            suggested (0.5): it may be the phrase itself; a place after a preposition of place \
            or after "of" and a title ("in el alto", "the mayor of el alto") is fixed.

            Confidence: 0.9 for names of two or more words; 0.5 (suggestion) when every word is also \
            a frequent English word (rank ≤ 5,000 in the word list; ≤ 30,000 for organizations: \
            "historic pact", "unitary platform"), since a lowercase phrase of common words may be \
            ordinary English, or when a word also lost a letter ("queen sofa" for Queen Sofía); \
            one-word lexicon names are never changed by this path. Under the \
            unaccented house style the copy's lack of accents is kept.

            A country or city of the country table in lowercase right after a preposition of place \
            or "of" after a title or place noun ("the mayor of caracas", "flew to buenos aires"), \
            ending its phrase, is fixed (0.85) only in a sentence where a person's name was also \
            fixed from lowercase at 0.9: the sentence lost the capitals of its names. Alone it is \
            left, and so are names that are also common nouns ("chile", "china", "turkey", \
            "morocco") unless an office of the place comes before "of" ("the mayor of lima"), \
            "of" after other words ("a plate of", "plaster of") and a name that goes \
            on ("paris hilton"). Only the capitals are restored: accents the copy lacks are not \
            added ("bogota, new jersey" is a town of the United States).
            """,
        phase: .names,
        examples: [
            .fix("On Friday ⟦delcy rodriguez⟧ met the envoy.", "On Friday Delcy Rodríguez met the envoy."),
            .fix("The governor ⟦luis fernando camacho⟧ spoke.", "The governor Luis Fernando Camacho spoke."),
            .fix("⟦xi jinping⟧ sent a letter.", "Xi Jinping sent a letter."),
            .fix("The vice minister ⟦lin mingxiang⟧ arrived.", "The vice minister Li Mingxiang arrived."),
            .fix("Then ⟦Delcy rodriguez⟧ left.", "Then Delcy Rodríguez left."),
            .fix("On Friday ⟦delcy rodriguez⟧ met the envoy.", "On Friday Delcy Rodriguez met the envoy.",
                 options: RuleOptions(keepUnaccented: true)),
            .keep("On Friday Delcy Rodríguez met the envoy."),
            .keep("The rodriguez family moved."),
            .keep("DELCY RODRÍGUEZ SPEAKS"),
            .keep("She met xi at the summit."),
            .keep("Sánchez met him at the Moncloa palace."),
            .suggest("The search term \"nicolas maduro\" trended."),
            .keep("The file C:\\Users\\delcy rodriguez\\notes.txt was deleted."),
            .keep("The crowd chanted \"queremos nuevas ideas para el país\"."),
            .keep("See https://example.com/luis-arce for details."),
            .keep("Write to luis-arce@example.org for comments."),
            .keep("The photo luis-arce.jpg was published."),
            .fix("Voters in ⟦santa cruz⟧ went to the polls.", "Voters in Santa Cruz went to the polls."),
            .fix("They moved to ⟦el alto⟧ last year.", "They moved to El Alto last year."),
            .suggest("The el alto of the song rose."),
            .fix("Viewers of the channel ⟦antena 3⟧ saw the debate.", "Viewers of the channel Antena 3 saw the debate."),
            .keep("Viewers of the channel Antena 3 saw the debate."),
            .keep("Delcy Rodriguez met the envoy."),
            // Ordinary English: an organization's name made of common words, a word that is a
            // name with a letter deleted.
            .suggest("The two parties signed a historic pact on Monday to end the strike."),
            .suggest("The unions agreed on a unitary platform of demands."),
            .suggest("The hotel room had a queen sofa bed and a desk."),
            // Command lines and screen names are written as typed.
            .keep("ps aux | grep evo morales"),
            .keep("$ echo delcy rodriguez > names.txt"),
            .keep("grep -i \"luis arce\" speeches.txt"),
            .keep("The teenager, known online as hugo chavez, posted the video."),
            .keep("Her username, nicolas maduro, was suspended."),
            .keep("He replied to @evo morales within minutes."),
            .fix("Cat owners met ⟦evo morales⟧ in La Paz.", "Cat owners met Evo Morales in La Paz."),
            .keep("pedro sanchez is a common name in Texas phone books."),
            .keep("The typo delcy rodriguez appeared in the caption."),
            // Spanish articles and ordinary words: the phrase itself, perhaps. Suggested.
            .suggest("The phrase acción popular means popular action."),
            .suggest("She planted los pinos in her garden in Texas."),
            .suggest("The Miami DJ's set was called la prensa."),
            // With the entity's country in the line, it is the name.
            .fix("The ⟦partido popular⟧ won the vote in Spain.", "The Partido Popular won the vote in Spain."),
            // A name of three words and more is the name ("gran alianza nacional").
            .fix("Leaders of the ⟦consejo nacional electoral⟧ met on Monday.", "Leaders of the Consejo Nacional Electoral met on Monday."),
            // Typed text and file names are written as typed.
            .keep("She named her dog el alto."),
            .keep("Her Instagram bio reads \"luis arce fan account\"."),
            .keep("The mislabeled photo file was named gustavo petro final.jpg."),
            .keep("The photo gustavo petro final.jpg was shared."),
            .keep("He typed evo morales into Google and got 3 million hits."),
            .keep("Type pedro sanchez into the search box, the guide says."),
            .keep("She searched for delcy rodriguez on the site."),
            // Places in lowercase, on a line whose people lost their capitals too.
            .fix("The mayor of ⟦caracas⟧, ⟦carmen melendez⟧, was arrested.", "The mayor of Caracas, Carmen Meléndez, was arrested."),
            .fix("The president of ⟦colombia⟧, ⟦gustavo petro⟧, spoke.", "The president of Colombia, Gustavo Petro, spoke."),
            .fix("⟦evo morales⟧ flew to ⟦buenos aires⟧ and then to ⟦bogota⟧.", "Evo Morales flew to Buenos Aires and then to Bogota."),
            .keep("The mayor of caracas spoke on Monday."),
            .keep("She cooked the beans in chile oil and served them on fine china."),
            .fix("⟦luis arce⟧ flew to ⟦quito⟧; tea was served in china bowls.", "Luis Arce flew to Quito; tea was served in china bowls."),
            .fix("⟦luis arce⟧ wrote to us from ⟦colombia⟧.", "Luis Arce wrote to us from Colombia."),
            // A common noun, a phrase that goes on, "of" after no title, another sentence.
            .fix("⟦luis arce⟧ had a plate of turkey, a pinch of chile and a glass of porto.", "Luis Arce had a plate of turkey, a pinch of chile and a glass of porto."),
            .fix("⟦luis arce⟧ kept a book bound in morocco.", "Luis Arce kept a book bound in morocco."),
            .fix("⟦luis arce⟧ posed next to paris hilton.", "Luis Arce posed next to paris hilton."),
            .fix("⟦luis arce⟧ paid in dollars instead of cordoba.", "Luis Arce paid in dollars instead of cordoba."),
            .fix("⟦luis arce⟧ said it was plaster of paris.", "Luis Arce said it was plaster of paris."),
            .fix("⟦juan guaido⟧ spoke in ⟦caracas⟧. Later he flew to paris.", "Juan Guaidó spoke in Caracas. Later he flew to paris."),
            .fix("The mayor of ⟦lima⟧, ⟦rafael lopez aliaga⟧, spoke.", "The mayor of Lima, Rafael López Aliaga, spoke."),
            .fix("The president of ⟦colombia⟧ ⟦gustavo petro⟧ spoke.", "The president of Colombia Gustavo Petro spoke."),
            .fix("⟦luis arce⟧ returned to ⟦bolivia⟧'s capital and visited ⟦peru⟧.", "Luis Arce returned to Bolivia's capital and visited Peru."),
            .fix("⟦gustavo petro⟧ left for madrid on Monday; ⟦evo morales⟧ reached for havana after havana.", "Gustavo Petro left for madrid on Monday; Evo Morales reached for havana after havana."),
            .fix("⟦evo morales⟧ said the navy used to shanghai sailors.", "Evo Morales said the navy used to shanghai sailors."),
            .fix("⟦daniel ortega⟧ flew to ⟦managua⟧, china and turkey.", "Daniel Ortega flew to Managua, china and turkey."),
            .fix("At the dinner for ⟦luis arce⟧ in ⟦la paz⟧, turkey, rice and salad were served.", "At the dinner for Luis Arce in La Paz, turkey, rice and salad were served."),
            .fix("⟦evo morales⟧ was crowned king of chile at the cook-off.", "Evo Morales was crowned king of chile at the cook-off."),
            .fix("⟦daniel ortega⟧ flew to ⟦managua⟧ and turkey was served.", "Daniel Ortega flew to Managua and turkey was served."),
            .fix("⟦evo morales⟧ flew to ⟦caracas⟧, ⟦bogota⟧ and ⟦quito⟧.", "Evo Morales flew to Caracas, Bogota and Quito."),
            .fix("⟦gustavo petro⟧ spoke to the mayor of ⟦bogota⟧, ⟦new jersey⟧.", "Gustavo Petro spoke to the mayor of Bogota, New Jersey."),
            .fix("The governor of ⟦minas gerais⟧, ⟦romeu zema⟧, spoke.", "The governor of Minas Gerais, Romeu Zema, spoke."),
            .keep("The site delcyrodriguez.com/in/caracas was blocked."),
            .fix("From bogota+⟦delcy rodriguez⟧ came word to ⟦caracas⟧.", "From bogota+Delcy Rodríguez came word to Caracas."),
            .fix("⟦evo morales⟧ wrote from caracas.gob.ve and from ⟦caracas⟧.", "Evo Morales wrote from caracas.gob.ve and from Caracas."),
            .keep("The search bar autocompleted nicolas maduro after two letters."),
            // A field of a comma-separated record is data, stored as written.
            .keep("gabriel boric,president,2022"),
            .keep("name,office\njavier milei,president\n\"luis arce\",\"bolivia\""),
            .keep("gabriel boric;president;2022\ngabriel boric\tpresident\t2022\ngabriel boric , president , 2022"),
            .fix("⟦delcy rodriguez⟧ spoke; the minister , who arrived late , left.", "Delcy Rodríguez spoke; the minister , who arrived late , left."),
            .fix("⟦delcy rodriguez⟧ said,in a speech, that she would return.", "Delcy Rodríguez said,in a speech, that she would return."),
        ])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        var result: [Correction] = []
        var lowercasedPeople: [NameMatch] = []
        // The token indices of lowercase lexicon names, made when first needed.
        var lowercaseNameTokens: Set<Int>?
        var fixedPlaceEnds: Set<Int> = []
        for name in NameMatch.all(in: document, context: context) where name.kind == .lowercase && name.tokens.count >= 2 && name.mayBeRewritten(in: document) {
            // "ps aux | grep evo morales", "known online as hugo chavez": a command line or a
            // screen name is written as typed.
            if Self.isOnCommandLine(name, document: document) || Self.isScreenName(name, document: document) { continue }
            // "pedro sanchez is a common name in Texas": the name as a string, not the person.
            if name.mentionOfName(in: document) != nil { continue }
            // "He typed evo morales into Google", "a file named gustavo petro final.jpg": a name
            // after a word that introduces typed text, or inside a file name, is written as typed.
            if Self.followsVerbatimCue(name, document: document) || Self.isInFileName(name, document: document) { continue }
            if name.entity.kind != .person {
                // "Moncloa palace", "Chinese Communist party": house styles lowercase the generic
                // word of a place or party name. Only an all-lowercase name is damage, and only in
                // English: "queremos nuevas ideas" or "¡el pueblo quiere la paz!" is Spanish.
                // Numerals have no case: "antena 3" is all lowercase.
                guard name.tokens.allSatisfy({ $0.isLowercase || !$0.shape.contains(.hasLetter) }),
                      !isInForeignWords(name, document: document, context: context, lowercaseNameTokens: &lowercaseNameTokens) else { continue }
            }
            // A whole quoted lowercase name ("the search term \"nicolas maduro\"") is quoted
            // as typed: suggest only.
            let quoted = isQuotedAlone(name, document: document)
            // An organization's name made of English words ("historic pact", "unitary platform",
            // "national regeneration movement") is an ordinary phrase in lowercase: the whole
            // common vocabulary counts for them; people and places keep the 5,000 most frequent.
            let commonRank = name.entity.kind == .organization ? EnglishReading.commonWordRank : 5000
            let common = name.tokens.allSatisfy {
                (context.words.rank(of: document.folded($0)) ?? Int.max) <= commonRank
            }
            // A lowercase word that also lost a letter ("queen sofa" for Queen Sofía, "scar coca"
            // for Óscar Coca) is two damages at once, and usually an English word: suggest only.
            let deleted = name.variant.hasDeletedLetters
            // "acción popular", "los pinos", "el alto": an organization or place name made of
            // Spanish articles and ordinary words may be the phrase itself: suggest only.
            // Unless the line names the entity's country ("the partido popular won in Spain").
            // Only short phrases read that way ("los pinos"): a name of three words and more
            // ("gran alianza nacional") is the name.
            // A place where a sentence puts one ("in el alto", "the governor of minas gerais") is
            // the place, whatever its words mean.
            let ordinary = name.entity.kind != .person && name.tokens.count <= 2
                && Self.isOrdinarySpanishPhrase(name, document: document, context: context)
                && !name.countryEvidence(in: document, context: context).own
                && !(name.entity.kind == .place && Self.standsAsPlace(name, document: document))
            let replacement = name.replacement(options: context.options, in: document)
            var explanation = "\"\(name.text)\" is the \(name.entity.kind.rawValue) \(name.entity.canonical) in lowercase"
            if case .misspelling = name.variant.form { explanation += ", spelled as a known misspelling" }
            if common { explanation += "; every word is also common English" }
            if quoted { explanation += "; quoted on its own, perhaps as typed" }
            if deleted { explanation += "; a letter is missing too, so it may be another word" }
            if ordinary { explanation += "; its words are Spanish articles and ordinary words, so it may be the phrase, not the name" }
            let confidence = common || quoted || deleted || ordinary ? 0.5 : 0.9
            result.append(name.correction(
                rule: Self.description.identifier, replacement: replacement,
                confidence: confidence, explanation: explanation))
            if name.entity.kind == .person && confidence >= 0.9 { lowercasedPeople.append(name) }
            if name.entity.kind == .place && confidence >= 0.9 { fixedPlaceEnds.insert(name.match.tokenRange.upperBound) }
        }
        result += placeCorrections(after: lowercasedPeople, placesEndingAt: fixedPlaceEnds, in: document, context: context)
        return result
    }

    /// Country and place names of the country table written in lowercase ("the mayor of
    /// caracas") in a sentence where a person's name lost its capitals too (`people`, fixed at
    /// 0.9): the sentence lost the case of its names, and a lowercase country or city right after
    /// a preposition of place or a title and "of" (``introducesPlace(before:previous:in:)``), ending its
    /// phrase, is one of them. Alone, "in chile oil" or "fine china" is
    /// English, so nothing is said without such a person. Names the gazetteer matched are left
    /// to the loop above; a list may go on after one of them (`placeEnds`: the token indices
    /// right after lexicon places fixed there). O(words of the lines of `people`).
    private func placeCorrections(after people: [NameMatch], placesEndingAt placeEnds: Set<Int>,
                                  in document: Document, context: RuleContext) -> [Correction] {
        guard !people.isEmpty else { return [] }
        var result: [Correction] = []
        // The lines of the people, each with its people (the people come in text order).
        var lines: [(range: Range<Int>, people: [NameMatch])] = []
        for person in people {
            let line = document.lineRange(containing: person.match.byteRange)
            if lines.last?.range == line { lines[lines.count - 1].people.append(person) } else { lines.append((line, [person])) }
        }
        // The token indices of every lexicon name: those are the loop's above.
        let nameTokens = Set(NameMatch.all(in: document, context: context).lazy.flatMap { $0.match.tokenRange })
        let tokens = document.tokens
        for (line, linePeople) in lines {
            let indices = document.tokenIndices(in: line)
            var index = indices.lowerBound
            // The token after the last place this loop fixed on the line.
            var previousPlaceEnd: Int?
            while index < indices.upperBound {
                defer { index += 1 }
                let token = tokens[index]
                // After a preposition, or after "and", "or" or a comma that follows a place just
                // fixed ("to buenos aires and bogota"). The words are of seven letters or fewer:
                // a longer word before is none of them, and is not folded.
                guard token.isLowercase, index > indices.lowerBound else { continue }
                func endsPlace(_ end: Int) -> Bool { previousPlaceEnd == end || placeEnds.contains(end) }
                let afterComma = endsPlace(index)
                    && document.text(in: tokens[index - 1].range.upperBound..<token.range.lowerBound) == ", "
                // The word before is read as bytes first: folding every lowercase word's
                // neighbour made this pass a tenth of the rule's time on copy full of names.
                guard afterComma || Self.mayLeadPlace(tokens[index - 1], in: document) else { continue }
                let previous = document.folded(tokens[index - 1])
                let listed = afterComma || (endsPlace(index - 1) && ["and", "or"].contains(previous))
                guard Self.introducesPlace(before: index, previous: previous, in: document) || listed,
                      !nameTokens.contains(index) else { continue }
                let found = document.withBytes { context.countries.properName(startingAt: index, in: tokens[indices], of: $0) }
                guard let place = found else { continue }
                let span = index..<(index + place.wordCount)
                // "US", "UAE": an acronym in lowercase is another word ("to us").
                guard tokens[span].allSatisfy(\.isLowercase), place.text.contains(where: \.isLowercase) else { continue }
                let range = tokens[span.lowerBound].range.lowerBound..<tokens[span.upperBound - 1].range.upperBound
                // "in china bowls", "bound in morocco", "a glass of porto", "served turkey and
                // rice": a name that is also a common noun in lowercase may be the noun, unless
                // an office of the place owns it ("the mayor of lima"; not "the king of chile" of
                // a cook-off).
                if place.wordCount == 1, Self.commonNounPlaces.contains(document.folded(token)) {
                    guard index > 1, previous == "of", Self.officesOfPlaces.contains(document.folded(tokens[index - 2])) else { continue }
                }
                // The place ends its phrase: "next to paris hilton" is a person's name.
                // (Or a lowercase person of the line follows: "the president of colombia
                // gustavo petro".)
                guard Self.endsPhrase(after: span.upperBound, in: document)
                        || linePeople.contains(where: { $0.match.tokenRange.lowerBound == span.upperBound }) else { continue }
                // A person of the same sentence lost the capitals: "juan guaido spoke in caracas."
                // says nothing of "a slice of turkey" in the next sentence.
                let sentencePeople = linePeople.filter { person in
                    let lower = min(person.match.byteRange.lowerBound, range.lowerBound)
                    let upper = max(person.match.byteRange.upperBound, range.upperBound)
                    return !Self.hasSentenceBreak(in: lower..<upper, of: document.bytes)
                }
                guard !sentencePeople.isEmpty else { continue }
                guard !Self.isInsideURLOrWord(range, document: document) else { continue }
                let original = document.text(in: range)
                // Case only: "bogota, new jersey" and "san jose, california" are towns of the
                // United States, so accents the copy lacks are not added ("Bogota" is English
                // spelling too).
                var replacement = place.text
                if original == NameMatch.stripDiacritics(original) { replacement = NameMatch.stripDiacritics(replacement) }
                let cue = listed ? "in a list after another place" : "after \"\(document.text(of: tokens[index - 1]))\""
                result.append(Correction(
                    ruleID: Self.description.identifier, range: TextRange(range), original: original,
                    replacement: replacement, confidence: 0.85,
                    explanation: "\"\(original)\" is the place \(place.text) (\(place.code)) in lowercase, \(cue); "
                        + "the sentence lost the capitals of other names too (" + sentencePeople.map { "\"\($0.text)\"" }.joined(separator: ", ") + ")"))
                index = span.upperBound - 1
                previousPlaceEnd = span.upperBound
            }
        }
        return result
    }

    /// Country and city names of the country table that are also common English nouns or
    /// names in lowercase: china (porcelain), chile (the pepper), turkey, lima (the bean),
    /// panama (the hat), morocco (the leather), manila (the paper), cordoba (the currency),
    /// porto (the wine), japan (lacquer), and others. Folded; restored from lowercase only after
    /// an office of the place and "of" (``officesOfPlaces``).
    static let commonNounPlaces: Set<String> = [
        "china", "chile", "turkey", "lima", "panama", "phoenix", "oxford", "porto", "japan", "cali",
        "sucre", "georgia", "washington", "holland", "valencia", "cambridge", "jersey", "cuenca",
        "morocco", "manila", "cordoba", "córdoba", "trinidad", "santiago", "rosario", "victoria",
        "florida", "montana", "nevada", "bordeaux", "champagne", "madeira", "java", "guinea",
    ]

    /// Words after which "to" introduces a verb, not a place ("used to", "had to", "going to").
    static let infinitiveLeads: Set<String> = [
        "used", "have", "has", "had", "want", "wants", "wanted", "going", "able", "need", "needs",
        "needed", "try", "tried", "trying", "how", "began", "begin", "decided", "plans", "planned",
    ]

    /// Offices and bodies of a country or city, before "of" and a place that is also a common
    /// noun ("the mayor of lima", "the president of chile").
    static let officesOfPlaces: Set<String> = [
        "president", "mayor", "governor", "minister", "ministers", "ambassador", "ambassadors",
        "senator", "prefect", "embassy", "government", "capital", "congress", "parliament",
    ]

    /// Whether a lowercase place's phrase ends at token `end`: end of text, a punctuation mark
    /// that ends a clause, or a word that starts a new phrase ("and", "on", "last"). "paris
    /// hilton" goes on with another word.
    static func endsPhrase(after end: Int, in document: Document) -> Bool {
        let tokens = document.tokens
        guard end < tokens.count else { return true }
        let gap = document.bytes[tokens[end - 1].range.upperBound..<tokens[end].range.lowerBound]
        if gap.contains(where: { [0x0A, 0x0D, 0x2C, 0x2E, 0x3B, 0x3A, 0x3F, 0x21, 0x28, 0x29].contains($0) }) { return true }
        let next = document.folded(tokens[end])
        // A possessive: "bolivia's capital" (the tokenizer leaves "s" after the apostrophe).
        if next == "s", gap.elementsEqual([0x27]) || gap.elementsEqual([0xE2, 0x80, 0x99]) { return true }
        return phraseStarters.contains(next)
    }

    /// Words that may follow a place in a sentence and start a new phrase.
    static let phraseStarters: Set<String> = [
        "and", "or", "but", "on", "in", "at", "to", "for", "from", "with", "by", "after", "before",
        "since", "until", "during", "last", "this", "next", "where", "when", "while", "as", "that",
        "which", "who", "yesterday", "today", "tomorrow", "earlier", "later", "again", "said",
        "says", "was", "were", "is", "are", "has", "had", "have", "will", "would",
    ]

    /// Whether a sentence ends inside `range`: ".", "!" or "?" before a space or line break
    /// ("caracas.gob.ve" goes on).
    static func hasSentenceBreak(in range: Range<Int>, of bytes: [UInt8]) -> Bool {
        var index = range.lowerBound
        while index + 1 < range.upperBound {
            if [0x2E, 0x21, 0x3F].contains(bytes[index]), [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index + 1]) { return true }
            index += 1
        }
        return false
    }

    /// Prepositions of place (and "visited") after which a
    /// lowercase country or city name is the place. None is longer than seven letters.
    static let placePrepositions: Set<String> = ["in", "from", "to", "at", "near", "visited"]

    /// The words that may stand right before a lowercase place: ``placePrepositions``, "of",
    /// and "and" and "or" of a list, as lowercase ASCII bytes.
    static let placeLeadBytes: [[UInt8]] = (placePrepositions.sorted() + ["of", "and", "or"]).map { Array($0.utf8) }

    /// Whether an ASCII token is one of ``placeLeadBytes`` in any case, read from the bytes with
    /// no string made. O(1): the words are of seven letters or fewer.
    static func mayLeadPlace(_ token: Token, in document: Document) -> Bool {
        let count = token.range.count
        guard count <= 7, token.shape.contains(.ascii) else { return false }
        return document.withBytes { bytes in
            placeLeadBytes.contains { word in
                word.count == count && word.indices.allSatisfy { word[$0] == bytes[token.range.lowerBound + $0] | 0x20 }
            }
        }
    }

    /// Nouns after which "of" and a lowercase country or city name is the place: people's titles
    /// ("the mayor of caracas") and words for a place's parts ("the streets of quito").
    static let placeOfNouns: Set<String> = [
        "city", "capital", "streets", "outskirts", "center", "centre", "province", "state",
        "region", "government", "people", "embassy", "consulate", "border", "north", "south",
        "east", "west", "port", "airport", "university",
    ]

    /// Whether the words before token `index` put a place there: a preposition of place ("in",
    /// "to") or "of" after a title or a place noun ("the mayor of", "the streets of"). "A
    /// plate of", "made of" and "instead of" do not.
    /// `previous` is the word before, folded.
    static func introducesPlace(before index: Int, previous word: String, in document: Document) -> Bool {
        let tokens = document.tokens
        guard index > 0 else { return false }
        // "used to shanghai sailors", "had to turkey": "to" before a verb.
        if word == "to", index > 1, infinitiveLeads.contains(document.folded(tokens[index - 2])) { return false }
        if placePrepositions.contains(word) { return true }
        guard word == "of", index > 1 else { return false }
        let noun = document.folded(tokens[index - 2])
        return ContextCues.personTitles.contains(noun) || placeOfNouns.contains(noun)
    }

    /// Whether the bytes `range` are not a word standing alone: a space, line start or opening
    /// quote or bracket must come before them, and a space, line end or punctuation that ends a
    /// word after them ("bogota+delcy", "in/caracas", "caracas.gob.ve" are not).
    static func isInsideURLOrWord(_ range: Range<Int>, document: Document) -> Bool {
        let bytes = document.bytes
        if range.lowerBound > 0, ![0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27, 0x28, 0x5B].contains(bytes[range.lowerBound - 1]) { return true }
        guard range.upperBound < bytes.count else { return false }
        let next = bytes[range.upperBound]
        if [0x20, 0x09, 0x0A, 0x0D, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x22, 0x27, 0x29, 0x5D].contains(next) { return false }
        // A full stop ends the word unless a letter or digit follows it ("caracas.gob.ve").
        if next == 0x2E {
            return range.upperBound + 1 < bytes.count && (NameMatch.isASCIILetter(bytes[range.upperBound + 1])
                || (0x30...0x39).contains(bytes[range.upperBound + 1]))
        }
        return true
    }

    /// Programs that start a shell command line or follow a pipe.
    static let commands: Set<String> = [
        "grep", "egrep", "fgrep", "rg", "ps", "ls", "cat", "echo", "printf", "sed", "awk", "find", "sort",
        "uniq", "head", "tail", "cut", "tr", "wc", "xargs", "curl", "wget", "git", "cd", "sudo", "ssh",
        "kill", "pkill", "mkdir", "rm", "cp", "mv", "touch", "chmod", "chown", "tar", "less", "more",
        "man", "python", "python3", "node", "npm", "pip", "swift", "make", "docker", "kubectl", "tee",
    ]

    /// Whether the name stands on a line that reads as a shell command: the line starts with a
    /// prompt ("$ ", "# ", "% ", "> ") or a program of ``commands``, or a program of them follows
    /// a pipe "|" before the name on the line. O(log *n*) per name after one pass over the
    /// document (``CommandLineMarks``).
    static func isOnCommandLine(_ name: NameMatch, document: Document) -> Bool {
        document.cached(.commandLineMarks) { CommandLineMarks(document.bytes) }
            .isOnCommandLine(before: name.match.byteRange.lowerBound)
    }

    /// Words shortly before a name that say it is a screen name, typed as its owner typed it:
    /// "known online as", "the username", "the handle", "screen name".
    static let screenNameCues: Set<String> = [
        "online", "username", "usernames", "handle", "handles", "screen", "screenname", "nick",
        "gamertag", "account", "alias", "user",
    ]

    /// Whether the name is a screen name: "@" right before it, or a word of ``screenNameCues``
    /// among the four words before it in the same sentence.
    static func isScreenName(_ name: NameMatch, document: Document) -> Bool {
        let bytes = document.bytes
        let tokens = document.tokens
        let lower = name.match.tokenRange.lowerBound
        if name.match.byteRange.lowerBound > 0, bytes[name.match.byteRange.lowerBound - 1] == 0x40 { return true }
        var index = lower - 1
        while index >= 0, index >= lower - 4 {
            if NameMatch.crossesSentence(bytes, tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound) { break }
            if screenNameCues.contains(document.folded(tokens[index])) { return true }
            index -= 1
        }
        return false
    }

    /// Whether the words right before the name put a place there: a preposition of place ("in",
    /// "from", "to", "at", "near") or "of" after a title ("the governor of", "mayor of").
    static func standsAsPlace(_ name: NameMatch, document: Document) -> Bool {
        let tokens = document.tokens
        let index = name.match.tokenRange.lowerBound - 1
        guard index >= 0 else { return false }
        let word = document.folded(tokens[index])
        if ["in", "from", "to", "at", "near"].contains(word) { return true }
        return word == "of" && index > 0 && ContextCues.personTitles.contains(document.folded(tokens[index - 1]))
    }

    /// Spanish articles and contractions that start or join ordinary phrases ("los pinos",
    /// "el alto"), folded.
    static let spanishArticles: Set<String> = ["el", "la", "los", "las", "lo", "del", "de", "al"]

    /// Whether every word of the name is a Spanish article (``spanishArticles``), a component the
    /// lexicon glosses as an ordinary word (``Gloss/Kind/word``: "acción", "prensa"), the plural of
    /// a glossed component ("pinos"), or a common English word (rank ≤ 30,000) that glosses as no
    /// surname or given name ("popular", "alto") — and one at least is an article or a glossed
    /// word. "santa cruz" and "la paz" are not ("Cruz" and "Paz" are glossed as surnames): they
    /// stay fixed. O(words of the name).
    static func isOrdinarySpanishPhrase(_ name: NameMatch, document: Document, context: RuleContext) -> Bool {
        var anchored = false
        for token in name.tokens {
            let word = document.folded(token)
            guard token.shape.contains(.hasLetter), word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) else { return false }
            let glosses = context.gazetteer.glossesByComponent[word] ?? []
            if spanishArticles.contains(word) || glosses.contains(where: { $0.kind == .word }) {
                anchored = true
                continue
            }
            if word.count > 3, word.hasSuffix("s"), context.gazetteer.glossesByComponent[String(word.dropLast())] != nil { continue }
            if glosses.isEmpty, let rank = context.words.rank(of: word), rank <= 30_000 { continue }
            return false
        }
        return anchored
    }

    /// Words right before a name that introduce text written as typed: "typed", "type", "named",
    /// "reads", "search for".
    static let verbatimCues: Set<String> = [
        "typed", "type", "types", "typing", "named", "reads", "titled", "labeled", "labelled",
        "autocompleted", "autocompletes", "autocomplete", "googled", "entered",
    ]

    /// Search verbs that, before "for", introduce typed text ("searched for evo morales").
    static let searchVerbs: Set<String> = ["search", "searched", "searches", "searching"]

    /// Whether one of ``verbatimCues`` (or a search verb and "for") stands among the three words
    /// before the name in the same sentence, or right before its opening quote.
    static func followsVerbatimCue(_ name: NameMatch, document: Document) -> Bool {
        let bytes = document.bytes
        let tokens = document.tokens
        let lower = name.match.tokenRange.lowerBound
        var index = lower - 1
        while index >= 0, index >= lower - 3 {
            if NameMatch.crossesSentence(bytes, tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound) { break }
            let word = document.folded(tokens[index])
            if verbatimCues.contains(word) { return true }
            if word == "for", index > 0, searchVerbs.contains(document.folded(tokens[index - 1])) { return true }
            index -= 1
        }
        return false
    }

    /// Common file-name extensions.
    static let fileExtensions: Set<String> = [
        "jpg", "jpeg", "png", "gif", "webp", "pdf", "doc", "docx", "txt", "csv", "mp3", "mp4", "mov", "zip", "xls", "xlsx", "heic",
    ]

    /// Whether the name is part of a file name: the first or second whitespace-delimited run
    /// after it (or glued to it) ends in "." and one of ``fileExtensions`` ("gustavo petro
    /// final.jpg"), before any trailing punctuation. Reads at most 80 bytes after the name.
    static func isInFileName(_ name: NameMatch, document: Document) -> Bool {
        let bytes = document.bytes
        var position = name.match.byteRange.upperBound
        let limit = min(bytes.count, position + 80)
        var runs = 0
        while position < limit, runs < 2 {
            var end = position
            while end < limit, bytes[end] != 0x20, bytes[end] != 0x0A, bytes[end] != 0x0D, bytes[end] != 0x09 { end += 1 }
            var run = Array(bytes[position..<end])
            while let last = run.last, [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x22, 0x27].contains(last) { run.removeLast() }
            if let dot = run.lastIndex(of: 0x2E) {
                let ext = String(decoding: run[(dot + 1)...], as: UTF8.self).lowercased()
                if fileExtensions.contains(ext) { return true }
            }
            if end < limit, bytes[end] == 0x0A || bytes[end] == 0x0D { break }
            runs += 1
            position = end + 1
        }
        return false
    }

    /// Whether quotation marks enclose exactly the name.
    private func isQuotedAlone(_ name: NameMatch, document: Document) -> Bool {
        let start = name.match.byteRange.lowerBound
        let end = name.match.byteRange.upperBound
        return document.withBytes { bytes in
            guard start > 0, end < bytes.count else { return false }
            // The scalar that ends where the name starts, and the one that starts where it ends.
            guard let (before, _) = Tokenizer.decodeScalar(bytes, endingAt: start) else { return false }
            let after = Tokenizer.decodeScalar(bytes, at: end).0
            let pairs: [Unicode.Scalar: Unicode.Scalar] = ["\"": "\"", "'": "'", "\u{201C}": "\u{201D}", "\u{2018}": "\u{2019}", "\u{00AB}": "\u{00BB}"]
            return pairs[before] == after
        }
    }

    /// Whether a lowercase word that is not English stands right before or after the name (two
    /// words either side): then the name is quoted in another language.
    ///
    /// `lowercaseNameTokens` holds the token indices of the document's lowercase lexicon names,
    /// made on the first call (one pass over the names, not one per name).
    private func isInForeignWords(_ name: NameMatch, document: Document, context: RuleContext,
                                  lowercaseNameTokens: inout Set<Int>?) -> Bool {
        let all = document.tokens
        let before = max(0, name.match.tokenRange.lowerBound - 2)..<name.match.tokenRange.lowerBound
        let after = name.match.tokenRange.upperBound..<min(all.count, name.match.tokenRange.upperBound + 2)
        if lowercaseNameTokens == nil {
            lowercaseNameTokens = Set(NameMatch.all(in: document, context: context).lazy
                .filter { $0.kind == .lowercase }.flatMap { $0.match.tokenRange })
        }
        for index in Array(before) + Array(after) {
            let token = all[index]
            guard token.isLowercase else { continue }
            // Another lexicon name in lowercase ("the governor of minas gerais, romeu zema") is
            // the same damage, not a foreign word.
            if lowercaseNameTokens!.contains(index) { continue }
            // Only the name's own sentence: words across a line break or a full stop are another's.
            let gap = index < name.match.tokenRange.lowerBound
                ? token.range.upperBound..<name.match.byteRange.lowerBound
                : name.match.byteRange.upperBound..<token.range.lowerBound
            if NameMatch.crossesSentence(document.bytes, gap) { continue }
            let word = document.text(of: token)
            if !word.utf8.allSatisfy({ $0 < 0x80 }) || !context.words.contains(Folding.fold(word))
                || Self.spanishFunctionWords.contains(word) { return true }
        }
        return false
    }

    /// Very common Spanish words that English copy does not use in lowercase: one of them next to
    /// a lowercase name means the name is part of a Spanish quote.
    static let spanishFunctionWords: Set<String> = [
        "el", "la", "los", "las", "del", "y", "en", "que", "para", "por", "con", "una", "es", "se",
        "su", "sus", "al", "lo", "como", "pero", "porque", "esta", "este", "entre", "cuando", "muy",
        "sin", "sobre", "tiene", "hasta", "donde", "quien", "desde", "todo", "nos", "todos", "les",
        "contra", "otros", "fueron", "ellos", "esto", "unos", "otro", "otra", "esa", "estos", "nada",
        "ella", "estar", "haber", "estas", "estaba", "nosotros", "queremos", "quiere", "pueblo", "viva",
        "somos", "vamos", "hay", "ser", "fue", "era", "ni", "ya", "mas", "más",
    ]
}
