import WirefixEngine
import WirefixLexicon

extension NameMatch {
    /// Words after which a capitalized "American" is a region's or a group's, not the United
    /// States' ("Latin American", "Inter-American", "African American").
    static let americanQualifiers: Set<String> = [
        "latin", "south", "central", "north", "pan", "native", "african", "afro", "ibero", "inter",
        "anglo", "hispano", "mexican", "cuban", "asian", "arab", "irish", "italian", "indo",
    ]

    /// Words of a party's name or a party member that, in an apposition, make it say where a
    /// person belongs (", a Texas Republican,", ", Democrat of Ohio,").
    static let partyWords: Set<String> = [
        "republican", "republicans", "democrat", "democrats", "democratic", "conservative", "tory",
        "labour", "liberal",
    ]

    /// The countries a stretch of the document's tokens names, read as where someone or
    /// something belongs: a capitalized "American" is the United States unless a word such as
    /// "Latin" comes right before it; a country after "to" ("ambassador to Britain") or right
    /// before "counterpart(s)" does not count.
    func affiliationCountries(_ range: Range<Int>, in document: Document, context: RuleContext) -> Set<String> {
        guard !range.isEmpty else { return [] }
        let all = document.tokens
        func folded(_ index: Int) -> String { document.folded(all[index]) }
        func capitalized(_ index: Int) -> Bool { all[index].shape.contains(.startsUppercase) || all[index].isAllUppercase }
        var words: [String] = []
        var american = false
        var afterTo = false
        for index in range {
            let word = document.text(of: all[index])
            let lower = Folding.fold(word)
            if afterTo && !(capitalized(index) || lower == "the") { afterTo = false }
            let beforeCounterpart = index + 1 < all.count && ["counterpart", "counterparts"].contains(folded(index + 1))
            words.append(afterTo || beforeCounterpart ? "·" : word)
            if ["to", "toward", "towards"].contains(lower) { afterTo = true }
            if !afterTo && !beforeCounterpart && (word == "American" || word == "Americans" || word == "AMERICAN")
                && !(index > range.lowerBound && NameMatch.americanQualifiers.contains(folded(index - 1))) {
                american = true
            }
        }
        var found = context.countries.countries(mentionedIn: words.joined(separator: " "))
        if american { found.insert("US") }
        return found
    }

    /// Whether a word before a name ends its title phrase: a lowercase verb ("welcomed",
    /// "met", "said") or conjunction; what stands before it is no part of the title.
    static func endsTitlePhrase(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.properties.isLowercase else { return false }
        if ContextCues.personTitles.contains(word) { return false }
        return word.hasSuffix("ed") || titlePhraseStops.contains(word)
    }

    /// Lowercase words that end a title phrase before a name: common verbs of news copy that do
    /// not end in "-ed", conjunctions and prepositions that start another phrase.
    static let titlePhraseStops: Set<String> = [
        "said", "says", "say", "met", "meets", "told", "tells", "thanks", "welcomes",
        "meet", "with", "and", "or", "but", "by", "as", "than", "while", "when", "after", "before",
        "between", "against", "including", "like", "on", "at", "into", "is", "was", "are", "were",
        "be", "been", "has", "have", "had", "will", "would", "can", "could", "should", "sent",
        "sends", "took", "takes", "gave", "gives", "spoke", "speaks", "saw", "sees", "hosts",
        "calls", "asks", "urges", "names", "praises", "criticises", "criticizes", "thanked",
    ]

    /// The countries the sentence gives as a person's own, where it places the person rather
    /// than where something happens: the title phrase before the name ("U.S. Senator", "Toronto
    /// Mayor", "the American ambassador", "Argentina's Social Development Minister"); a clause
    /// with a title right before it and a comma ("The mayor of Toronto, David Moon,"); "of" or
    /// "from" and capitalized words right after it ("Senator Paul Raymond of Ohio"); a
    /// parenthesis right after it ("(R-Ohio)"); and an apposition after a comma with a title,
    /// role or party word (", a U.S. senator,", ", a Texas Republican,").
    ///
    /// A capitalized "American" counts as the United States unless a word such as "Latin" or
    /// "Inter" comes right before it. A country after "to" is where a role is held, not whose
    /// it is ("ambassador to Britain"), and does not count; neither does a mention right
    /// before "counterpart(s)". Initialisms do not end the sentence ("U.S. Senator").
    ///
    /// - Complexity: O(1): at most about twenty tokens around the match are read.
    func personPlaces(in document: Document, context: RuleContext) -> Set<String> {
        let all = document.tokens
        let bytes = document.bytes
        let line = lineRange(in: document)
        // The sentence around the match, within its line.
        var first = match.tokenRange.lowerBound
        while first > 0, first - 1 >= match.tokenRange.lowerBound - 16, all[first - 1].range.lowerBound >= line.lowerBound,
              !NameMatch.crossesSentence(bytes, all[first - 1].range.upperBound..<all[first].range.lowerBound) { first -= 1 }
        var end = match.tokenRange.upperBound
        while end < all.count, end < match.tokenRange.upperBound + 16, all[end].range.upperBound <= line.upperBound,
              !NameMatch.crossesSentence(bytes, all[end - 1].range.upperBound..<all[end].range.lowerBound) { end += 1 }
        func gap(before index: Int) -> Range<Int> { all[index - 1].range.upperBound..<all[index].range.lowerBound }
        func clauseBreak(_ range: Range<Int>) -> Bool {
            range.contains { [0x2C, 0x3A, 0x28, 0x29, 0x22, 0x3B].contains(bytes[$0]) }
        }
        func folded(_ index: Int) -> String { document.folded(all[index]) }
        func capitalized(_ index: Int) -> Bool { all[index].shape.contains(.startsUppercase) || all[index].isAllUppercase }
        func countries(_ range: Range<Int>) -> Set<String> { affiliationCountries(range, in: document, context: context) }
        var result = Set<String>()
        // The title phrase: up to five words right before the match, within its clause, not
        // past a verb ("Lisbon welcomed New York Mayor ..."); of the countries it names, the
        // nearest to the name ("the U.S.-born Portuguese leader").
        var start = match.tokenRange.lowerBound
        while start > first, match.tokenRange.lowerBound - start < 5, !clauseBreak(gap(before: start)),
              !NameMatch.endsTitlePhrase(document.text(of: all[start - 1])) { start -= 1 }
        var nearest = match.tokenRange.lowerBound
        while nearest > start && result.isEmpty {
            nearest -= 1
            result = countries(nearest..<match.tokenRange.lowerBound)
        }
        // A clause with a title, then a comma, right before the match: "The mayor of Toronto,".
        if start == match.tokenRange.lowerBound, start > first {
            let between = gap(before: start)
            if between.contains(where: { bytes[$0] == 0x2C }) && !between.contains(where: { [0x3A, 0x28, 0x29, 0x22].contains(bytes[$0]) }) {
                var clauseStart = start - 1
                while clauseStart > first, start - clauseStart < 8, !clauseBreak(gap(before: clauseStart)) { clauseStart -= 1 }
                let clause = clauseStart..<start
                if clause.contains(where: { ContextCues.isCue(folded($0), for: .person) }) {
                    result.formUnion(countries(clause))
                }
            }
        }
        // Right after the match.
        let next = match.tokenRange.upperBound
        guard next < end else { return result }
        let after = match.byteRange.upperBound..<all[next].range.lowerBound
        let word = folded(next)
        if after.allSatisfy({ bytes[$0] == 0x20 }) && ["of", "from"].contains(word) {
            // "of Ohio", "from the United States", "of New York".
            var stop = next + 1
            while stop < end, stop - next <= 4, capitalized(stop) || folded(stop) == "the",
                  !clauseBreak(gap(before: stop)) { stop += 1 }
            result.formUnion(countries((next + 1)..<stop))
        } else if after.contains(where: { bytes[$0] == 0x28 }) {
            // "(R-Ohio)": up to the closing parenthesis.
            var stop = next + 1
            while stop < end, stop - next < 5, !gap(before: stop).contains(where: { bytes[$0] == 0x29 }) { stop += 1 }
            result.formUnion(countries(next..<stop))
        } else if after.contains(where: { bytes[$0] == 0x2C }) && after.allSatisfy({ bytes[$0] == 0x2C || bytes[$0] == 0x20 }) {
            // An apposition: ", a U.S. senator,", ", a Texas Republican,", ", Republican of Ohio,".
            guard !["who", "whose", "which", "that", "said", "says", "and", "but", "while", "when"].contains(word) else { return result }
            var stop = next + 1
            while stop < end, stop - next < 8, !clauseBreak(gap(before: stop)) { stop += 1 }
            let apposition = next..<stop
            if apposition.contains(where: { ContextCues.isCue(folded($0), for: .person) || NameMatch.partyWords.contains(folded($0)) }) {
                result.formUnion(countries(apposition))
            }
        }
        return result
    }
}

/// Where the text places an organization or a place: countries it belongs to, and countries
/// where it is located (see ``NameMatch/attachedPlaces(in:context:)``).
struct AttachedPlaces: Sendable, Equatable {
    /// Said to belong there: "of Thailand", "from Ohio", "based in London", "(Thailand)", a
    /// kind phrase and comma before it ("A Bangkok daily, The Nation"), an apposition with a
    /// kind word (", a newspaper in Bangkok,").
    var belongs: Set<String> = []
    /// Said to be there: "in Bangkok", "at Paris", "near Lima", ", Venezuela", or an opening
    /// "In Bangkok," before its kind phrase ("In Bangkok, the newspaper The Nation said").
    var located: Set<String> = []
    /// A capitalized place right after it ("in Lahore", "of Springfield") that names no country
    /// the country table knows.
    var unknownPlace = false
}

extension NameMatch {
    /// Words that say where an organization is based: "based in London", ", published in
    /// Nairobi,".
    static let basedWords: Set<String> = ["based", "published", "printed", "headquartered", "located", "founded"]

    /// Capitalized words after "in" or "of" that are institutions, not places: "Deputies of
    /// United We Can in Congress".
    static let institutions: Set<String> = [
        "congress", "parliament", "senate", "assembly", "court", "cortes", "government", "cabinet",
        "chamber", "house", "council", "commission", "committee", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "english",
        "spanish", "portuguese", "french",
    ]

    /// The countries the sentence attaches to an organization or place: a place right after it
    /// with "of", "from", "in", "at", "near", "based in" or a comma; a parenthesis; an
    /// apposition after a comma that says what kind of thing it is (", a newspaper in
    /// Bangkok,"); a kind phrase and a comma before it ("A Bangkok daily, The Nation"). The
    /// kind phrase right before the name without a comma is ``kindPhraseCountries(in:context:)``.
    ///
    /// - Complexity: O(1): at most about twenty tokens around the match are read.
    func attachedPlaces(in document: Document, context: RuleContext) -> AttachedPlaces {
        let all = document.tokens
        let bytes = document.bytes
        let line = lineRange(in: document)
        var result = AttachedPlaces()
        func gap(before index: Int) -> Range<Int> { all[index - 1].range.upperBound..<all[index].range.lowerBound }
        func folded(_ index: Int) -> String { document.folded(all[index]) }
        func capitalized(_ index: Int) -> Bool { all[index].shape.contains(.startsUppercase) || all[index].isAllUppercase }
        let own = entityFacts.cues
        func isKindWord(_ word: String) -> Bool {
            ContextCues.isCue(word, for: entity.kind) || ContextCues.isFollowingNoun(word, for: entity.kind) || own.contains(word)
                || (entity.kind == .place && ContextCues.followingNouns.contains(word))
        }
        // The sentence around the match, within its line.
        var first = match.tokenRange.lowerBound
        while first > 0, first > match.tokenRange.lowerBound - 12, all[first - 1].range.lowerBound >= line.lowerBound,
              !NameMatch.crossesSentence(bytes, gap(before: first)) { first -= 1 }
        var end = match.tokenRange.upperBound
        while end < all.count, end < match.tokenRange.upperBound + 14, all[end].range.upperBound <= line.upperBound,
              !NameMatch.crossesSentence(bytes, gap(before: end)) { end += 1 }
        // The words of a place's name from `from`: capitalized, or "the", up to four.
        func placeRun(from: Int) -> Range<Int> {
            var stop = from
            while stop < end, stop - from < 4, capitalized(stop) || folded(stop) == "the",
                  stop == from || !NameMatch.breaksPhrase(bytes, gap(before: stop)) { stop += 1 }
            return from..<stop
        }
        // A kind phrase and a comma right before it: "A Bangkok daily, The Nation".
        let start = match.tokenRange.lowerBound
        if start > first, gap(before: start).contains(where: { bytes[$0] == 0x2C }),
           !gap(before: start).contains(where: { [0x3A, 0x28, 0x29, 0x22].contains(bytes[$0]) }) {
            var clauseStart = start - 1
            while clauseStart > first, start - clauseStart < 6, !NameMatch.breaksPhrase(bytes, gap(before: clauseStart)) { clauseStart -= 1 }
            if isKindWord(folded(start - 1)) {
                result.belongs.formUnion(affiliationCountries(clauseStart..<start, in: document, context: context))
            }
        }
        // The kind phrase right before it ("the newspaper", "the London-based newspaper"), and
        // what stands before that phrase.
        var phraseStart = start
        while phraseStart > first, start - phraseStart < 4, !NameMatch.breaksPhrase(bytes, gap(before: phraseStart)),
              isKindWord(folded(phraseStart - 1)) { phraseStart -= 1 }
        if phraseStart < start {
            // "the London-based newspaper": the capitalized words before "-based".
            if phraseStart - 1 > first, folded(phraseStart - 1) == "based",
               document.text(in: gap(before: phraseStart - 1)) == "-" {
                var placeStart = phraseStart - 2
                while placeStart > first, phraseStart - 2 - placeStart < 3, capitalized(placeStart - 1),
                      !NameMatch.breaksPhrase(bytes, gap(before: placeStart)) { placeStart -= 1 }
                result.belongs.formUnion(affiliationCountries(placeStart..<(phraseStart - 1), in: document, context: context))
                phraseStart = placeStart
            }
            // An article before the kind words.
            if phraseStart > first, ["the", "a", "an"].contains(folded(phraseStart - 1)),
               !NameMatch.breaksPhrase(bytes, gap(before: phraseStart)) { phraseStart -= 1 }
            // "In Bangkok, the newspaper The Nation said": an opening place before the phrase.
            if phraseStart > first, gap(before: phraseStart).contains(where: { bytes[$0] == 0x2C }) {
                var clauseStart = phraseStart - 1
                while clauseStart > first, phraseStart - clauseStart < 5, !NameMatch.breaksPhrase(bytes, gap(before: clauseStart)) { clauseStart -= 1 }
                if ["in", "at", "from"].contains(folded(clauseStart)) {
                    result.located.formUnion(affiliationCountries(placeRun(from: clauseStart + 1), in: document, context: context))
                }
            }
        }
        // Right after it.
        let next = match.tokenRange.upperBound
        guard next < end else { return result }
        let after = match.byteRange.upperBound..<all[next].range.lowerBound
        let word = folded(next)
        let spaced = after.allSatisfy { bytes[$0] == 0x20 }
        // A place's name right after a preposition; one the country table does not know counts
        // as an unknown place when it is capitalized and no institution ("in Congress").
        func place(from: Int) -> Set<String> {
            let run = placeRun(from: from)
            let found = affiliationCountries(run, in: document, context: context)
            if found.isEmpty, let word = run.first.map(folded), word != "the", !NameMatch.institutions.contains(word) {
                result.unknownPlace = true
            }
            return found
        }
        if spaced && ["of", "from"].contains(word) {
            result.belongs.formUnion(place(from: next + 1))
        } else if spaced && NameMatch.basedWords.contains(word) && next + 1 < end && ["in", "at"].contains(folded(next + 1)) {
            result.belongs.formUnion(place(from: next + 2))
        } else if spaced && ["in", "at", "near"].contains(word) {
            result.located.formUnion(place(from: next + 1))
        } else if after.contains(where: { bytes[$0] == 0x28 }) {
            var stop = next + 1
            while stop < end, stop - next < 5, !gap(before: stop).contains(where: { bytes[$0] == 0x29 }) { stop += 1 }
            result.belongs.formUnion(affiliationCountries(next..<stop, in: document, context: context))
        } else if after.contains(where: { bytes[$0] == 0x2C }) && after.allSatisfy({ bytes[$0] == 0x2C || bytes[$0] == 0x20 }) {
            if capitalized(next) && !["the", "a", "an"].contains(word) {
                // ", Venezuela": where it is.
                result.located.formUnion(affiliationCountries(placeRun(from: next), in: document, context: context))
            } else {
                // ", a newspaper in Bangkok,", ", based in London,": what it is and where.
                var stop = next + 1
                while stop < end, stop - next < 8, !NameMatch.breaksPhrase(bytes, gap(before: stop)) { stop += 1 }
                let apposition = next..<stop
                if apposition.contains(where: { isKindWord(folded($0)) || NameMatch.basedWords.contains(folded($0)) }) {
                    result.belongs.formUnion(affiliationCountries(apposition, in: document, context: context))
                }
            }
        }
        return result
    }
}

extension NameMatch {
    /// Nouns for ordinary people, by occupation, circumstance or kinship, that are no titles of
    /// office: right before a name ("dairy farmer Edward Milk", "His neighbor, Grace Oak,") they
    /// say who the person is, and it is no public figure.
    static let ordinaryPersonNouns: Set<String> = [
        "farmer", "farmers", "rancher", "grower", "producer", "dairyman", "worker", "workers",
        "resident", "residents", "neighbor", "neighbors", "neighbour", "neighbours", "villager",
        "villagers", "teacher", "teachers", "student", "students", "pupil", "nurse", "nurses",
        "doctor", "doctors", "surgeon", "dentist", "driver", "drivers", "miner", "miners",
        "fisherman", "fishermen", "shopkeeper", "owner", "owners", "baker", "butcher", "chef",
        "cook", "waiter", "waitress", "carpenter", "builder", "plumber", "electrician",
        "mechanic", "janitor", "cleaner", "guard", "firefighter", "vendor", "vendors", "trader",
        "traders", "merchant", "shopper", "shoppers", "customer", "customers", "client", "patient",
        "patients", "victim", "victims", "survivor", "survivors", "witness", "witnesses",
        "passenger", "passengers", "tourist", "tourists", "volunteer", "volunteers", "artist",
        "artists", "singer", "singers", "actor", "actors", "actress", "writer", "writers", "poet",
        "painter", "musician", "musicians", "dancer", "designer", "architect", "player", "players",
        "coach", "athlete", "runner", "cyclist", "boxer", "footballer", "striker", "goalkeeper",
        "reporter", "reporters", "journalist", "journalists", "photographer", "correspondent",
        "engineer", "engineers", "pilot", "lawyer", "economist", "analyst", "scientist",
        "researcher", "professor", "historian", "businessman", "businesswoman", "entrepreneur",
        "investor", "banker", "manager", "employee", "employees", "retiree", "retirees",
        "pensioner", "pensioners", "veteran", "veterans", "fan", "fans", "parent", "parents",
        "father", "mother", "son", "daughter", "brother", "sister", "husband", "wife", "uncle",
        "aunt", "cousin", "grandson", "granddaughter", "grandfather", "grandmother", "friend",
        "friends", "colleague", "colleagues", "classmate", "citizen", "citizens", "people",
        "voter", "voters", "local", "locals", "homeowner", "homeowners", "tenant", "tenants",
        "shepherd", "beekeeper", "winemaker", "brewer", "tailor", "barber", "hairdresser",
    ]

    /// Plural nouns before "such as" or "including" that still name public figures ("figures
    /// such as", "politicians like").
    static let publicFigureNouns: Set<String> = [
        "figures", "politicians", "personalities", "dignitaries", "rulers", "autocrats",
        "strongmen", "populists", "statesmen", "names", "heavyweights",
    ]

    /// Whether the words right before a person's name describe the person as an ordinary person
    /// with no title or role of office: an example of a group ("farmers such as Edward Milk",
    /// "residents including Grace Oak", "workers like ..."; not "figures such as", "leaders
    /// like"), an occupation or kinship noun right before it ("dairy farmer Edward Milk", "Our
    /// reporter ...") or a clause ending in one before a comma ("His neighbor, Edward Milk,").
    /// A name after another in a list ("farmers such as Ana Lima and Edward Milk") is read
    /// through the list.
    ///
    /// - Complexity: O(1): at most about twelve tokens before the match are read.
    func isDescribedAsOrdinaryPerson(in document: Document) -> Bool {
        let all = document.tokens
        let bytes = document.bytes
        func folded(_ index: Int) -> String { document.folded(all[index]) }
        func capitalized(_ index: Int) -> Bool { all[index].shape.contains(.startsUppercase) }
        func gap(before index: Int) -> Range<Int> { all[index - 1].range.upperBound..<all[index].range.lowerBound }
        var index = match.tokenRange.lowerBound
        // Back over earlier names of a list: "Ana Lima and", "Ana Lima,".
        var hops = 0
        while hops < 3, index >= 3, !NameMatch.crossesSentence(bytes, gap(before: index)) {
            let separator = gap(before: index)
            let listComma = separator.contains { bytes[$0] == 0x2C } && separator.allSatisfy { bytes[$0] == 0x2C || bytes[$0] == 0x20 }
            var previous = index - 1
            if !listComma {
                guard ["and", "or"].contains(folded(previous)), separator.allSatisfy({ bytes[$0] == 0x20 }) else { break }
                previous -= 1
            }
            // One or two capitalized words before: an earlier name of the list.
            guard previous >= 1, capitalized(previous) else { break }
            var nameStart = previous
            if nameStart >= 1, capitalized(nameStart - 1), gap(before: nameStart).allSatisfy({ bytes[$0] == 0x20 }) { nameStart -= 1 }
            guard nameStart >= 2, !NameMatch.crossesSentence(bytes, gap(before: nameStart)) else { break }
            let before = folded(nameStart - 1)
            guard ["as", "including", "like"].contains(before) || (before == "and" && hops == 0) else { break }
            index = nameStart
            hops += 1
        }
        guard index >= 1 else { return false }
        let separator = gap(before: index)
        guard !NameMatch.crossesSentence(bytes, separator) else { return false }
        let previous = index - 1
        let word = folded(previous)
        if separator.allSatisfy({ bytes[$0] == 0x20 }) {
            // "farmers such as", "residents including", "workers like".
            var groupNoun: Int?
            if word == "as", previous >= 2, folded(previous - 1) == "such" { groupNoun = previous - 2 }
            if ["including", "like"].contains(word), previous >= 1 { groupNoun = previous - 1 }
            if let noun = groupNoun {
                let group = folded(noun)
                guard !NameMatch.crossesSentence(bytes, gap(before: noun + 1)) else { return false }
                return !ContextCues.personTitles.contains(group) && !NameMatch.publicFigureNouns.contains(group)
                    && !entityFacts.cues.contains(group) && group.count > 2
            }
            // "dairy farmer Edward Milk", "Our reporter Edward Milk".
            return NameMatch.ordinaryPersonNouns.contains(word) && !capitalized(previous)
        }
        // "His neighbor, Edward Milk,": an ordinary-person noun ends the clause before a comma.
        if separator.contains(where: { bytes[$0] == 0x2C }) && separator.allSatisfy({ bytes[$0] == 0x2C || bytes[$0] == 0x20 }) {
            return NameMatch.ordinaryPersonNouns.contains(word)
        }
        return false
    }
}
