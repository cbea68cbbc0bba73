import WirefixEngine
import WirefixLexicon

extension NameMatch {
    /// Nouns for sports positions and roles that, right before a name, make it an athlete's
    /// ("Dodgers catcher", "Lakers guard", "Canadian curler").
    static let sportsRoleNouns: Set<String> = [
        "pitcher", "catcher", "shortstop", "infielder", "outfielder", "slugger", "reliever", "closer",
        "batter", "hitter", "quarterback", "linebacker", "receiver", "tailback", "kicker", "guard",
        "forward", "center", "centre", "striker", "midfielder", "defender", "defenseman",
        "goalkeeper", "goalie", "winger", "curler", "skier", "skater", "golfer", "boxer", "wrestler",
        "jockey", "rookie", "sprinter", "swimmer", "gymnast", "coach", "point",
    ]

    /// Abbreviated titles whose full stop does not end the sentence: "state Rep.", "Sen.".
    static let abbreviatedTitles: Set<String> = [
        "rep", "sen", "gov", "lt", "sgt", "gen", "col", "capt", "cpl", "det", "insp", "supt", "atty",
    ]

    /// Nouns for a private person's circumstance, never a public role: right before a name
    /// ("Brooklyn resident", "His neighbor,") they say the name is a private person's.
    static let privatePersonNouns: Set<String> = [
        "resident", "residents", "neighbor", "neighbors", "neighbour", "neighbours", "villager",
        "homeowner", "tenant", "commuter", "shopper", "passenger", "victim", "survivor", "witness",
        "patient", "retiree", "pensioner", "voter", "customer", "student", "pupil", "local", "fan",
        "bystander", "motorist", "pedestrian", "landlord", "renter",
    ]

    /// League initialisms that, in the words before a name, make it an athlete's.
    static let leagueWords: Set<String> = ["nba", "wnba", "mlb", "nfl", "nhl", "mls", "ncaa", "nascar", "pga", "lpga"]

    /// Why the sentence says a person's name belongs to someone other than the entity, by where
    /// or who it places the person, or `nil`. For person entities only; read in this order:
    /// - the places ``personPlaces(in:context:)`` gives ("Texas state Rep.", ", of Toronto,
    ///   Ontario", "Canadian curler") include none of the entity's country: always;
    /// - otherwise only when the match's line does not mention the entity's country (and the
    ///   places include none of it): the sentence mentions only other countries where the person
    ///   may belong ("the Texas student"; not "spoke in Madrid", see
    ///   ``CountryMentions/affiliation``); an age apposition right after the name (", 42,"); a private person's
    ///   circumstance right before it ("Brooklyn resident", "His neighbor,"; ``privatePersonNouns``); a sports
    ///   position or a league word before it ("Yankees shortstop", "NBA guard"); or "of"/"from"
    ///   and a capitalized place the country table does not know ("of Mississauga", "of the
    ///   Newark police"), which is no institution nor one of the entity's context words.
    ///
    /// - Complexity: O(*l*) in the tokens of the match's line.
    func placedAway(in document: Document, context: RuleContext) -> String? {
        guard entity.kind == .person else { return nil }
        let own = entity.country
        var placed = personPlaces(in: document, context: context)
        let all = document.tokens
        let bytes = document.bytes
        func gap(before index: Int) -> Range<Int> { all[index - 1].range.upperBound..<all[index].range.lowerBound }
        func folded(_ index: Int) -> String { document.folded(all[index]) }
        // "Texas state Rep. Martin Soria": the abbreviated title's stop reads as a sentence end,
        // so the title phrase before it is read here.
        let title = match.tokenRange.lowerBound - 1
        if title >= 1, NameMatch.abbreviatedTitles.contains(folded(title)), document.text(in: gap(before: title + 1)) == ". " {
            var start = title
            while start > 0, title - start < 4, gap(before: start).allSatisfy({ bytes[$0] == 0x20 }) { start -= 1 }
            placed.formUnion(affiliationCountries(start..<title, in: document, context: context))
        }
        if !placed.isEmpty && !placed.contains(own) {
            return "the sentence places the person in another country (\(placed.sorted().joined(separator: ", ")))"
        }
        if placed.contains(own) || countryEvidence(in: document, context: context).own { return nil }
        // Countries that may say where the person belongs ("the Texas student"), not those
        // named as where something happens or where the person goes ("spoke in Madrid").
        let sentence = countryMentions(in: document, context: context).affiliation
        if !sentence.isEmpty {
            return "the sentence mentions \(sentence.sorted().joined(separator: ", ")), not \(own)"
        }
        let next = match.tokenRange.upperBound
        // ", 42,": an age apposition.
        if next + 1 < all.count, !NameMatch.crossesSentence(bytes, gap(before: next)),
           gap(before: next).contains(where: { bytes[$0] == 0x2C }),
           document.text(of: all[next]).utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
           gap(before: next + 1).contains(where: { bytes[$0] == 0x2C }) {
            return "an age apposition after the name describes a private person, and the line does not mention \(own)"
        }
        // "Brooklyn resident Martin Soria", "His neighbor, Martin Soria,": a private person's
        // circumstance (not a profession: "The journalist Jordi Evole" is the entity).
        let before = match.tokenRange.lowerBound - 1
        if before >= 0, before + 1 < all.count, !NameMatch.crossesSentence(bytes, gap(before: before + 1)),
           gap(before: before + 1).allSatisfy({ bytes[$0] == 0x20 || bytes[$0] == 0x2C }),
           !all[before].shape.contains(.startsUppercase), NameMatch.privatePersonNouns.contains(folded(before)) {
            return "a description before it says this is a private person, and the line does not mention \(own)"
        }
        // "Yankees shortstop", "NBA guard": a sports position right before, or a league word
        // among the five words before, in the same clause.
        var index = match.tokenRange.lowerBound
        while index > 0, match.tokenRange.lowerBound - index < 5, !NameMatch.crossesSentence(bytes, gap(before: index)),
              !gap(before: index).contains(where: { [0x2C, 0x3A, 0x28, 0x29, 0x22, 0x3B].contains(bytes[$0]) }) {
            index -= 1
            let word = folded(index)
            if NameMatch.leagueWords.contains(word)
                || (index == match.tokenRange.lowerBound - 1 && NameMatch.sportsRoleNouns.contains(word)
                    && !all[index].shape.contains(.startsUppercase)) {
                return "a sports position or league before it (\"\(document.text(of: all[index]))\"), and the line does not mention \(own)"
            }
        }
        // "of Mississauga", "of the Newark police": a place the country table does not know.
        if next < all.count, gap(before: next).allSatisfy({ bytes[$0] == 0x20 }), ["of", "from"].contains(folded(next)) {
            var place = next + 1
            if place < all.count, folded(place) == "the", gap(before: place).allSatisfy({ bytes[$0] == 0x20 }) { place += 1 }
            if place < all.count, gap(before: place).allSatisfy({ bytes[$0] == 0x20 }), all[place].shape.contains(.startsUppercase) {
                let word = folded(place)
                let entityWords = Set(entityFacts.cues)
                if !NameMatch.institutions.contains(word), !entityWords.contains(word), !ContextCues.isCue(word, for: .person),
                   (context.words.rank(of: word) ?? Int.max) > 5_000 {
                    return "\"of \(document.text(of: all[place]))\" places the person somewhere the line does not tie to \(own)"
                }
            }
        }
        return nil
    }

    /// Phrases after a person's name that say it is not the entity: "no relation", "not
    /// related", "a namesake", "unrelated", "not to be confused", "a name shared by".
    static let relationDisclaimers: [[String]] = [
        ["no", "relation"], ["not", "related"], ["namesake"], ["unrelated"], ["not", "to", "be", "confused"],
        ["name", "shared", "by"],
    ]

    /// The phrase of ``relationDisclaimers`` among the eight words after the match in its
    /// sentence ("Nicholas Mature, no relation to the president,"), or `nil`. O(1).
    func disclaimedRelation(in document: Document) -> String? {
        let all = document.tokens
        let bytes = document.bytes
        var words: [String] = []
        words.reserveCapacity(8)
        var index = match.tokenRange.upperBound
        while index < all.count, words.count < 8,
              !NameMatch.crossesSentence(bytes, all[index - 1].range.upperBound..<all[index].range.lowerBound) {
            words.append(document.folded(all[index]))
            index += 1
        }
        // Compared in place, first word first: most sentences hold none of the phrases' words.
        for phrase in NameMatch.relationDisclaimers where words.count >= phrase.count {
            for offset in 0...(words.count - phrase.count) where words[offset] == phrase[0] {
                var matches = true
                for next in 1..<phrase.count where words[offset + next] != phrase[next] {
                    matches = false
                    break
                }
                if matches { return phrase.joined(separator: " ") }
            }
        }
        return nil
    }
}
