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
        "said", "says", "say", "met", "meets", "told", "tells", "told", "thanks", "welcomes",
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
        func folded(_ index: Int) -> String { Folding.fold(document.text(of: all[index])) }
        func capitalized(_ index: Int) -> Bool { all[index].shape.contains(.startsUppercase) || all[index].isAllUppercase }
        // The countries a stretch of tokens names, read as a person's affiliation.
        func countries(_ range: Range<Int>) -> Set<String> {
            guard !range.isEmpty else { return [] }
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
