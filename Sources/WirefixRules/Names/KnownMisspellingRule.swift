import WirefixEngine
import WirefixLexicon

/// Corrects names written in a known wrong spelling recorded in the lexicon.
///
/// Detects: a span equal (accent- and case-insensitively, with the right capitals) to a
/// `misspellings` entry of an entity ("Lin Mingxiang"). Fixes: writes the canonical spelling
/// ("Li Mingxiang").
struct KnownMisspellingRule: Rule {
    static let description = RuleDescription(
        identifier: "known_misspelling",
        name: "Known Misspelling",
        summary: "Corrects names written in a known wrong spelling from the lexicon",
        discussion: """
            Detects: a span that matches a known misspelling of an entity (the lexicon's \
            `misspellings` column). Fixes: writes the canonical spelling. Lowercase misspellings \
            are handled by `name_case`.

            Confidence: 0.85 for misspellings of two or more words; 0.5 (suggestion) for one word, \
            and in a sentence in another language (two of its lowercase words or more are Spanish \
            function words or no English words, outnumbering its English function words: "El \
            presidente ucraniano, Volodímir Zelenski, habló", "O papa Leão XIV visitou"), where \
            the form is that language's spelling. \
            Only suggested (0.6) when the text says the name is someone else's: a fiction or work \
            cue in the sentence ("In the Netflix series"), "no relation" or "a cousin of" after it, \
            an apposition or a description with no title of office ("Denise Miralles, a nurse", \
            "The singer Zaira Rovira"); and when the misspelling is itself a real name (a common \
            given name with the surname: "Anthony Blinken") that no title and no mention of the \
            entity's country ties to the entity. Also only suggested (0.6) when the sentence places \
            the person elsewhere (see `NameMatch.placedAway`): in another country by its title or \
            "of"/"from" place ("Houston Astros pitcher", "of Toronto, Ontario"), or, on a line that \
            does not mention the entity's country, by a sentence naming only other countries, an \
            age apposition (", 42,"), a private person's description ("Brooklyn resident"), a \
            sports position or league ("Yankees shortstop") or "of" an unknown place ("of \
            Mississauga").
            """,
        phase: .names,
        examples: [
            .fix("The vice minister ⟦Lin Mingxiang⟧ led the delegation.", "The vice minister Li Mingxiang led the delegation."),
            .keep("The vice minister Li Mingxiang led the delegation."),
            .keep("Lin is a common surname."),
            // Spanish spells a name its own way: a Spanish sentence is quoted, not misspelled.
            .suggest("El presidente ucraniano, Volodímir Zelenski, habló ayer con el papa en Roma."),
            .suggest("Volodímir Zelenski pide más armas a Europa"),
            .suggest("\"Volodímir Zelenski es un héroe\", dijo el diputado."),
            .suggest("O papa Leão XIV visitou o Líbano na segunda-feira."),
            .fix("The Ukrainian president, ⟦Volodímir Zelenski⟧, spoke with the pope in Rome.",
                 "The Ukrainian president, Volodymyr Zelensky, spoke with the pope in Rome."),
            .fix("⟦LIN MINGXIANG⟧ VISITS CARACAS", "LI MINGXIANG VISITS CARACAS"),
            .suggest("Princess Eleanor of England, daughter of Henry II, married Alfonso VIII of Castile."),
            .suggest("The Infanta Sophia of Bavaria was painted in 1820."),
            .fix("In Madrid, ⟦Princess Eleanor⟧ opened the session of the Spanish parliament.",
                 "In Madrid, Princess Leonor opened the session of the Spanish parliament."),
            // The text says who the person is, and it is someone else.
            .suggest("Denise Miralles, a nurse in Santiago, Chile, told reporters about the strike."),
            .suggest("Martha Valiñas, a retired teacher from Montevideo, joined the march."),
            .suggest("The singer Zaira Rovira performed in Caracas."),
            .suggest("The Russian tennis player Sergey Shoygu, no relation, won the final."),
            .suggest("The Texas pastor Anthony Blinken, a cousin of the diplomat, spoke."),
            .suggest("In the Netflix series, Princess Eleanor marries a commoner."),
            .suggest("Queen Leticia, a character in the novel, dies in the last chapter."),
            .suggest("The Spanish film Infanta Sophia premiered in Madrid."),
            // A common given name with the surname is someone's real name: only a title or the
            // entity's country says it is the entity.
            .suggest("Anthony Blinken met the neighbours."),
            .fix("Secretary of State ⟦Anthony Blinken⟧ met the neighbours.", "Secretary of State Antony Blinken met the neighbours."),
            .fix("⟦Anthony Blinken⟧, the secretary of state, met the neighbours.", "Antony Blinken, the secretary of state, met the neighbours."),
            .fix("The Peruvian minister ⟦Denise Miralles⟧ spoke in Lima.", "The Peruvian minister Denisse Miralles spoke in Lima."),
            .fix("⟦Sergey Shoygu⟧, the Russian defence minister, arrived.", "Sergei Shoigu, the Russian defence minister, arrived."),
            // The sentence places the person elsewhere, with nothing tying it to the entity.
            .suggest("Houston Astros pitcher John Riemberg struck out six."),
            .suggest("Sandra Petovello, 42, of Toronto, Ontario, won the lottery."),
            .suggest("Canadian curler Sandra Petovello won gold in Calgary."),
            .suggest("Mayor Sandra Petovello of Mississauga spoke."),
            .suggest("Gian Carlo Lofredo, 31, of Boston, was arrested."),
            .suggest("Tareek William Saab was the name of the Texas student."),
            .suggest("NBA forward Gian Carlo Lofredo scored 12."),
            .suggest("Brooklyn resident Sandra Petovello said the subway was late."),
            .suggest("Gian Carlo Lofredo, 58, of Hoboken, was arrested."),
            .fix("Argentina's minister ⟦Sandra Petovello⟧, of Buenos Aires, spoke.", "Argentina's minister Sandra Pettovello, of Buenos Aires, spoke."),
            // The name as a string, or another bearer beside the entity.
            .suggest("Diosdato Cabello is a common typo, the editor noted."),
            .suggest("Readers often write Diosdato Cabello, a misspelling of his name."),
            .suggest("Princess Eleanor visited Spain's Princess Leonor in Madrid."),
            .fix("Venezuela's ⟦Diosdato Cabello⟧ spoke in Caracas.", "Venezuela's Diosdado Cabello spoke in Caracas."),
        ])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        var result: [Correction] = []
        for name in NameMatch.all(in: document, context: context) where name.kind == .misspelling && name.mayBeRewritten(in: document) {
            // A recorded misspelling that reads as English ("Princess Eleanor", "Infanta Sophia")
            // may be another person: like a calque, it needs the entity's country in the line.
            // A word the canonical name shares counts when English knows it at all ("Infanta");
            // a foreign one ("Mingxiang" of Li Mingxiang) makes the form no English name.
            let canonicalWords = Set(Gazetteer.words(of: name.entity.canonical).map { Folding.fold($0) })
            let readsAsEnglish = name.tokens.allSatisfy { token in
                let word = document.folded(token)
                return context.names.isName(word) || (context.words.rank(of: word) ?? Int.max) <= 20_000
                    || ContextCues.personTitles.contains(word) || (canonicalWords.contains(word) && context.words.contains(word))
            }
            let countries = name.countryEvidence(in: document, context: context)
            var confidence = name.tokens.count >= 2 ? 0.85 : 0.5
            var explanation = "\"\(name.text)\" is a known misspelling of \(name.entity.canonical)"
            if readsAsEnglish && !countries.own {
                confidence = min(confidence, 0.6)
                explanation += "; it reads as English and the line does not mention \(name.entity.country)"
            } else if name.isInForeignSentence(in: document, context: context) {
                // "El presidente ucraniano, Volodímir Zelenski, habló ayer", "O papa Leão XIV
                // visitou": Spanish and Portuguese spell the name so; only English copy
                // misspells it.
                confidence = min(confidence, 0.5)
                explanation += "; but the sentence is not English, and its language writes it so"
            } else if let mention = name.mentionOfName(in: document) {
                // "Diosdato Cabello is a common typo", "Princess Eleanor visited Spain's
                // Princess Leonor": the name as a string, or another bearer of it.
                confidence = min(confidence, 0.6)
                explanation += "; but \(mention)"
            } else if let other = Self.otherIdentity(of: name, in: document) {
                // "Denise Miralles, a nurse in Santiago", "The singer Zaira Rovira", "In the
                // Netflix series, Princess Eleanor": the text says who this is, and it is not
                // the entity.
                confidence = min(confidence, 0.6)
                explanation += "; but \(other)"
            } else if name.entity.kind == .person, Self.isPlausibleRealName(name, in: document, context: context),
                      !name.isIntroducedByCue(in: document), !name.isFollowedByCue(in: document),
                      !Self.hasTitleNearby(name, in: document), !countries.own {
                // "Denise Miralles", "Anthony Blinken": a common given name with the surname is
                // someone's real name; only a title or the entity's country says it is the entity.
                confidence = min(confidence, 0.6)
                explanation += "; it is also a real name (a common given name), and no title and no mention of \(name.entity.country) says it is \(name.entity.canonical)"
            } else if let away = name.placedAway(in: document, context: context) {
                // "Houston Astros pitcher John Riemberg", "Sandra Petovello, 42, of Toronto": the
                // sentence places an ordinary person elsewhere, whose name this may well be.
                confidence = min(confidence, 0.6)
                explanation += "; but \(away)"
            }
            result.append(name.correction(
                rule: Self.description.identifier, replacement: name.replacement(options: context.options, in: document),
                confidence: confidence, explanation: explanation))
        }
        return result
    }

    /// Words of a sentence that make the names in it a work's or fiction's characters.
    static let fictionCues: Set<String> = [
        "series", "novel", "novels", "film", "films", "movie", "movies", "character", "characters",
        "fictional", "fiction", "sitcom", "telenovela", "soap", "episode", "episodes", "play", "musical",
        "cartoon", "comic", "novella", "screenplay", "netflix", "starring", "opera", "miniseries",
    ]

    /// Phrases after a name that say it is someone else: "no relation", "a cousin of".
    static let otherPersonPhrases: [[String]] = [
        ["no", "relation"], ["not", "related"], ["not", "to", "be", "confused"], ["namesake"], ["cousin"], ["unrelated"], ["name", "shared", "by"],
        ["a", "character"], ["the", "character"],
    ]

    /// Function words that may stand right before a name without describing the person.
    static let functionWords: Set<String> = [
        "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "with", "by",
        "as", "than", "that", "who", "whom", "said", "says", "told", "met", "when", "while", "after",
        "before", "since", "like", "about", "against", "between", "including", "is", "was", "are", "were",
        "be", "been", "has", "had", "have", "will", "would", "not", "also", "said", "called", "named",
    ]

    /// Why the text around a misspelling says it names someone other than the entity, or `nil`:
    /// - a fiction or work cue in the sentence ("In the Netflix series, Princess Eleanor");
    /// - a phrase after it naming another person ("no relation", "a cousin of the diplomat");
    /// - an apposition after it (", a nurse in Santiago,") none of whose words is a title of
    ///   office or one of the entity's context words;
    /// - a description before it ("The singer", "The Texas pastor"): a lowercase noun that is no
    ///   title of office nor a context word, after "the", "a" or "an" within four words.
    ///
    /// - Complexity: O(*s*) in the tokens of the sentence.
    static func otherIdentity(of name: NameMatch, in document: Document) -> String? {
        let tokens = document.tokens
        let bytes = document.bytes
        let range = name.match.tokenRange
        let entityWords = Set(name.entityFacts.cues)
        func isCue(_ word: String) -> Bool {
            ContextCues.isCue(word, for: name.entity.kind) || entityWords.contains(word)
        }
        func joined(_ left: Int, _ right: Int) -> Bool {
            !NameMatch.crossesSentence(bytes, tokens[left].range.upperBound..<tokens[right].range.lowerBound)
        }
        // The sentence around the name.
        var start = range.lowerBound
        while start > 0, joined(start - 1, start) { start -= 1 }
        var end = range.upperBound
        while end < tokens.count, joined(end - 1, end) { end += 1 }
        let words = (start..<end).map { document.folded(tokens[$0]) }
        func word(_ index: Int) -> String { words[index - start] }
        if let cue = (start..<end).first(where: { !range.contains($0) && fictionCues.contains(word($0)) }) {
            return "the sentence is about a work or fiction (\"\(document.text(of: tokens[cue]))\")"
        }
        let after = Array(words[(range.upperBound - start)...])
        for phrase in otherPersonPhrases {
            for offset in 0..<max(0, min(after.count, 8) - phrase.count + 1) where Array(after[offset..<offset + phrase.count]) == phrase {
                return "the text says it is someone else (\"\(phrase.joined(separator: " "))\")"
            }
        }
        // ", a nurse in Santiago,": an apposition right after the name.
        if range.upperBound < end {
            let gap = bytes[tokens[range.upperBound - 1].range.upperBound..<tokens[range.upperBound].range.lowerBound]
            if gap.first == 0x2C, gap.dropFirst().allSatisfy({ $0 == 0x20 }), ["a", "an"].contains(word(range.upperBound)) {
                var index = range.upperBound + 1
                var described: [String] = []
                while index < end, index < range.upperBound + 8 {
                    described.append(word(index))
                    let next = index + 1
                    if next < end, bytes[tokens[index].range.upperBound..<tokens[next].range.lowerBound].contains(0x2C) { break }
                    index = next
                }
                if !described.contains(where: isCue) {
                    return "an apposition says who this is (\"\(described.joined(separator: " "))\"), not a title of \(name.entity.canonical)"
                }
            }
        }
        // "The singer Zaira Rovira", "The Russian tennis player Sergey Shoygu".
        let before = range.lowerBound - 1
        if before >= start, !tokens[before].shape.contains(.startsUppercase), !tokens[before].isAllUppercase {
            let noun = word(before)
            if !isCue(noun), !functionWords.contains(noun), noun.count > 2 {
                var index = before - 1
                while index >= start, index >= before - 4 {
                    let gap = bytes[tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound]
                    guard gap.allSatisfy({ $0 == 0x20 }) else { break }
                    if ["the", "a", "an"].contains(word(index)) {
                        return "a description before it says who this is (\"\(noun)\"), not a title of \(name.entity.canonical)"
                    }
                    if isCue(word(index)) || functionWords.contains(word(index)) { break }
                    index -= 1
                }
            }
        }
        return nil
    }

    /// Whether a title of office (``ContextCues/personTitles``) or one of the entity's context
    /// words stands among the four words before the name ("Secretary of State Anthony Blinken")
    /// or among the six after a comma right after it (", the U.S. secretary of state"), in the
    /// same sentence. O(1).
    static func hasTitleNearby(_ name: NameMatch, in document: Document) -> Bool {
        let tokens = document.tokens
        let bytes = document.bytes
        let range = name.match.tokenRange
        let entityWords = Set(name.entityFacts.cues)
        func isCue(_ index: Int) -> Bool {
            let word = document.folded(tokens[index])
            return ContextCues.isCue(word, for: name.entity.kind) || entityWords.contains(word)
        }
        var index = range.lowerBound - 1
        while index >= 0, index >= range.lowerBound - 4,
              !NameMatch.crossesSentence(bytes, tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound) {
            if isCue(index) { return true }
            index -= 1
        }
        let after = range.upperBound
        guard after < tokens.count, bytes[tokens[after - 1].range.upperBound..<tokens[after].range.lowerBound].first == 0x2C else { return false }
        index = after
        while index < tokens.count, index < after + 6 {
            if index > after, NameMatch.crossesSentence(bytes, tokens[index - 1].range.upperBound..<tokens[index].range.lowerBound) { break }
            if isCue(index) { return true }
            index += 1
        }
        return false
    }

    /// Whether the misspelling is itself a plausible name of someone else: its first word, the
    /// one it differs in ("Denise" for "Denisse", "Anthony" for "Antony"), is one of the 1,000
    /// most frequent census given names, and its other words are the canonical name's.
    static func isPlausibleRealName(_ name: NameMatch, in document: Document, context: RuleContext) -> Bool {
        let canonical = Gazetteer.words(of: name.entity.canonical).map { Folding.fold($0) }
        let written = name.tokens.map { document.folded($0) }
        guard written.count >= 2, written.count == canonical.count, written[0] != canonical[0],
              Array(written.dropFirst()) == Array(canonical.dropFirst()) else { return false }
        return (context.names.givenNameRank(written[0]) ?? Int.max) <= 1000
    }
}
