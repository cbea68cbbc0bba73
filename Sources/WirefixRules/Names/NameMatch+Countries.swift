import WirefixEngine
import WirefixLexicon

/// Where a match's context mentions countries, read finer than the whole line: a person's
/// country is said by a demonym in the title before the name ("British Foreign Secretary David
/// Hill"), not by a place where something happens ("met farmers' unions in Brussels") nor by the
/// other side of a meeting ("met his Dominican counterpart").
struct CountryMentions: Sendable, Equatable {
    /// The countries the match's line mentions (``NameMatch/countryEvidence(in:context:)``).
    var line: Set<String> = []
    /// The countries the match's sentence mentions, except those named as the other side of a
    /// meeting: a mention right before "counterpart(s)" ("his Dominican counterpart").
    var sentence: Set<String> = []
    /// The countries the match's sentence names as the other side of a meeting ("his Dominican
    /// counterpart").
    var counterpart: Set<String> = []
    /// The countries the match's sentence mentions that may say where the person belongs: not
    /// right after a preposition of place ("in Brussels", "to the United States"), not before
    /// "counterpart(s)".
    var affiliation: Set<String> = []
    /// The countries of the title phrase: up to four words right before the match in its clause
    /// ("British Foreign Secretary", "the Venezuelan vice minister", "Spain's King").
    var title: Set<String> = []
    /// The countries named right after the match as where it is: "in", "of", "from", "at" or
    /// "near" or a comma, then up to three words ("the Pink House in Buenos Aires", "Burnt
    /// Palace, La Paz").
    var after: Set<String> = []
}

extension NameMatch {
    /// Prepositions after which a country or place says where something happens.
    static let locativePrepositions: Set<String> = [
        "in", "at", "to", "into", "near", "across", "around", "toward", "towards", "throughout",
        "within", "inside", "outside", "via", "through",
    ]

    /// The countries the whole text mentions: a story about Guatemala names Guatemala in its
    /// headline and first paragraphs, and no other country.
    ///
    /// - Complexity: O(*n*) in the text the first time for a document, then cached.
    func documentCountries(in document: Document, context: RuleContext) -> Set<String> {
        document.cached("names.countries") {
            let tokens = document.tokens
            return document.withBytes { context.countries.countries(in: tokens[...], of: $0) }
        }
    }

    /// The countries the match's line, sentence and title phrase mention (see ``CountryMentions``).
    ///
    /// - Complexity: O(*l*) in the tokens of the match's line.
    func countryMentions(in document: Document, context: RuleContext) -> CountryMentions {
        var result = CountryMentions()
        let line = lineRange(in: document)
        result.line = lineCountries(in: document, context: context)
        guard !result.line.isEmpty else { return result }
        let all = document.tokens
        let bytes = document.bytes
        // The sentence: tokens from the last sentence end before the match to the next after it.
        var first = match.tokenRange.lowerBound
        while first > 0, all[first - 1].range.lowerBound >= line.lowerBound,
              !NameMatch.crossesSentence(bytes, all[first - 1].range.upperBound..<all[first].range.lowerBound) { first -= 1 }
        var end = match.tokenRange.upperBound
        while end < all.count, all[end].range.upperBound <= line.upperBound,
              !NameMatch.crossesSentence(bytes, all[end - 1].range.upperBound..<all[end].range.lowerBound) { end += 1 }
        // Rebuild the sentence word by word three times: without the other side of a meeting;
        // also without the places after a preposition of place (an article and the capitalized
        // words after the preposition); and with the other side of a meeting alone.
        var sentenceWords: [String] = []
        var affiliationWords: [String] = []
        var counterpartWords: [String] = []
        var placeAfterPreposition = false
        for index in first..<end {
            let token = all[index]
            let word = document.text(of: token)
            let folded = Folding.fold(word)
            let capitalized = token.shape.contains(.startsUppercase) || token.isAllUppercase
            if placeAfterPreposition && !(capitalized || ["the", "a"].contains(folded)) { placeAfterPreposition = false }
            let nextIsCounterpart = index + 1 < end
                && ["counterpart", "counterparts"].contains(Folding.fold(document.text(of: all[index + 1])))
            let kept = match.tokenRange.contains(index) || !nextIsCounterpart ? word : "·"
            sentenceWords.append(kept)
            counterpartWords.append(kept == word ? "·" : word)
            affiliationWords.append(placeAfterPreposition ? "·" : kept)
            if NameMatch.locativePrepositions.contains(folded) && !match.tokenRange.contains(index) { placeAfterPreposition = true }
        }
        result.sentence = context.countries.countries(mentionedIn: sentenceWords.joined(separator: " "))
        result.affiliation = context.countries.countries(mentionedIn: affiliationWords.joined(separator: " "))
        result.counterpart = context.countries.countries(mentionedIn: counterpartWords.joined(separator: " "))
        // The title phrase: up to four words before the match, within its clause.
        var start = match.tokenRange.lowerBound
        var boundary = match.byteRange.lowerBound
        while start > first, match.tokenRange.lowerBound - start < 4 {
            let gap = all[start - 1].range.upperBound..<boundary
            if gap.contains(where: { [0x2C, 0x3A, 0x28, 0x29, 0x22].contains(bytes[$0]) }) { break }
            start -= 1
            boundary = all[start].range.lowerBound
        }
        result.title = document.withBytes { context.countries.countries(in: all[start..<match.tokenRange.lowerBound], of: $0) }
        // Right after: a preposition of location or a comma, then up to three words.
        let next = match.tokenRange.upperBound
        if next < end {
            let gap = match.byteRange.upperBound..<all[next].range.lowerBound
            let comma = gap.contains { bytes[$0] == 0x2C }
            let preposition = ["in", "of", "from", "at", "near"].contains(Folding.fold(document.text(of: all[next])))
            if comma || preposition {
                let from = min(end, preposition ? next + 1 : next)
                result.after = document.withBytes { context.countries.countries(in: all[from..<min(end, from + 3)], of: $0) }
            }
        }
        return result
    }
}
