import Synchronization
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
    /// The countries the match's sentence names as a destination, after a verb of motion
    /// ("arrived in Santo Domingo", "flew to Lima", "visited Peru"): where a person goes is no
    /// evidence of where the person is from. Left out of ``sentence`` and ``affiliation``.
    var destination: Set<String> = []
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

    /// Verbs of motion after which a place (with or without a preposition) is a destination:
    /// "arrived in", "flew to", "visited", "travelled to".
    static let motionVerbs: Set<String> = [
        "arrive", "arrives", "arrived", "arriving", "fly", "flies", "flew", "flown", "flying",
        "visit", "visits", "visited", "visiting", "travel", "travels", "travelled", "traveled",
        "travelling", "traveling", "land", "lands", "landed", "landing", "head", "heads", "headed",
        "heading", "tour", "tours", "toured", "touring", "went", "goes", "came", "comes", "drove",
        "drives", "rode", "sailed",
    ]

    /// Words that may stand between a verb of motion and its destination, or inside the
    /// destination ("arrived in the Dominican Republic", "visited Lima and Bogotá").
    static let destinationJoiners: Set<String> = ["in", "to", "at", "into", "for", "the", "a", "and", "de", "del", "la", "of"]

    /// The countries the whole text mentions, read only up to the second one found: all of them
    /// when it mentions one or none, two of them otherwise. Enough to tell whether a text names
    /// one country and no other (a story about Guatemala names Guatemala in its headline and
    /// first paragraphs, and no other country); a chunk of wire copy most often names a second
    /// country in its first lines, and reading all of it every time was 1% of a run on dense copy.
    ///
    /// - Complexity: O(*n*) in the text up to its second country, the first time for a
    ///   document, then cached.
    func documentCountries(in document: Document, context: RuleContext) -> Set<String> {
        document.cached(.documentCountries) {
            let tokens = document.tokens
            return document.withBytes { context.countries.countries(mentionedIn: tokens[...], in: $0, upTo: 2) }
        }
    }

    /// Whether the whole text mentions `country` and no other (the text's countries are exactly
    /// `[country]`; ``documentCountries(in:context:)`` reads as far as that needs). The match's
    /// line mentions a subset of what the text mentions (the same tokens, read the same way), so
    /// a line that names another country answers `false` without reading the text.
    func textMentionsOnly(_ country: String, in document: Document, context: RuleContext) -> Bool {
        if lineCountries(in: document, context: context).contains(where: { $0 != country }) { return false }
        return documentCountries(in: document, context: context) == [country]
    }

    /// The countries the match's line, sentence and title phrase mention (see ``CountryMentions``).
    /// They depend on the span alone, not on the entity: read once per span and document (the
    /// rules ask up to three times for one name).
    ///
    /// - Complexity: O(*l*) in the tokens of the match's line, the first time.
    func countryMentions(in document: Document, context: RuleContext) -> CountryMentions {
        let memo = document.cached(.countryMentions) { CountryMentionsMemo() }
        if let known = memo.value(for: match.byteRange) { return known }
        let read = readCountryMentions(in: document, context: context)
        memo.store(read, for: match.byteRange)
        return read
    }

    /// ``countryMentions(in:context:)``, read from the text.
    private func readCountryMentions(in document: Document, context: RuleContext) -> CountryMentions {
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
        var destinationWords: [String] = []
        var placeAfterPreposition = false
        var afterMotionVerb = false
        // Whether a word of the sentence was left out of the affiliation words (a place after
        // a preposition of place): when none was, they are the sentence's words.
        var affiliationDiffers = false
        // Each word folded once (it is read again as the word after the one before it: is that
        // one the other side of a meeting?), and the rebuilt sentences made at their size.
        let foldedWords = (first..<end).map { document.folded(all[$0]) }
        sentenceWords.reserveCapacity(end - first)
        affiliationWords.reserveCapacity(end - first)
        counterpartWords.reserveCapacity(end - first)
        destinationWords.reserveCapacity(end - first)
        for index in first..<end {
            let token = all[index]
            let word = document.text(of: token)
            let folded = foldedWords[index - first]
            let capitalized = token.shape.contains(.startsUppercase) || token.isAllUppercase
            let inMatch = match.tokenRange.contains(index)
            if placeAfterPreposition && !(capitalized || ["the", "a"].contains(folded)) { placeAfterPreposition = false }
            if afterMotionVerb && (inMatch || !(capitalized || NameMatch.destinationJoiners.contains(folded))) { afterMotionVerb = false }
            let nextIsCounterpart = index + 1 < end
                && ["counterpart", "counterparts"].contains(foldedWords[index + 1 - first])
            let kept = afterMotionVerb ? "·" : inMatch || !nextIsCounterpart ? word : "·"
            sentenceWords.append(kept)
            counterpartWords.append(kept == word || afterMotionVerb ? "·" : word)
            destinationWords.append(afterMotionVerb ? word : "·")
            affiliationWords.append(placeAfterPreposition ? "·" : kept)
            if placeAfterPreposition && kept != "·" { affiliationDiffers = true }
            if NameMatch.locativePrepositions.contains(folded) && !inMatch { placeAfterPreposition = true }
            if NameMatch.motionVerbs.contains(folded) && !inMatch { afterMotionVerb = true }
        }
        // A mention starts with a capital letter (see `CountryTable.countries(mentionedIn:)`): a
        // rebuilt sentence without one (most often all "·": no destination, no counterpart)
        // mentions nothing, and is neither joined nor read. Any non-ASCII word may hold one.
        func countries(_ words: [String]) -> Set<String> {
            let capitalized = words.contains { word in
                word != "·" && word.utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 }
            }
            return capitalized ? context.countries.countries(mentionedIn: words.joined(separator: " ")) : []
        }
        result.destination = countries(destinationWords)
        result.sentence = countries(sentenceWords)
        // The same words mention the same countries: read once.
        result.affiliation = affiliationDiffers ? countries(affiliationWords) : result.sentence
        result.counterpart = countries(counterpartWords)
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
        // Right after: a preposition of location or a comma (and perhaps a preposition), then
        // up to three words of a place's name: capitalized, or "the" ("in Buenos Aires", ",
        // Venezuela", "of the Dominican Republic"; not ", reported on Argentina's debt").
        let next = match.tokenRange.upperBound
        if next < end {
            let gap = match.byteRange.upperBound..<all[next].range.lowerBound
            let comma = gap.contains { bytes[$0] == 0x2C }
            let prepositions: Set<String> = ["in", "of", "from", "at", "near"]
            let preposition = prepositions.contains(document.folded(all[next]))
            if comma || preposition {
                var from = preposition ? next + 1 : next
                if comma && !preposition && from < end && prepositions.contains(document.folded(all[from])) { from += 1 }
                var stop = from
                while stop < end, stop - from < 3,
                      all[stop].shape.contains(.startsUppercase) || all[stop].isAllUppercase || document.folded(all[stop]) == "the",
                      stop == from || !NameMatch.breaksPhrase(bytes, all[stop - 1].range.upperBound..<all[stop].range.lowerBound) {
                    stop += 1
                }
                if stop > from {
                    result.after = document.withBytes { context.countries.countries(in: all[from..<stop], of: $0) }
                }
            }
        }
        return result
    }

    /// Whether the bytes between two tokens end a phrase: a sentence end (not an initialism's
    /// stop) or a comma, colon, semicolon, parenthesis or quotation mark.
    static func breaksPhrase(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        crossesSentence(bytes, range) || range.contains { [0x2C, 0x3A, 0x28, 0x29, 0x22].contains(bytes[$0]) }
    }

    /// The countries named in the kind phrase right before an organization or place: capitalized
    /// words (a demonym or a country's name) followed only by words that say what the entity is
    /// ("The French newspaper The World", "a Brazilian channel", "the Chilean daily"). Empty when
    /// no such phrase stands right before the match.
    ///
    /// - Complexity: O(1): at most six tokens before the match are read.
    func kindPhraseCountries(in document: Document, context: RuleContext) -> Set<String> {
        let all = document.tokens
        let bytes = document.bytes
        let own = Set(entityFacts.cues)
        var index = match.tokenRange.lowerBound - 1
        var boundary = match.byteRange.lowerBound
        func joined(_ token: Token) -> Bool {
            let gap = token.range.upperBound..<boundary
            return !NameMatch.crossesSentence(bytes, gap) && !gap.contains { [0x2C, 0x3A, 0x28, 0x29, 0x22].contains(bytes[$0]) }
        }
        // The kind words: "newspaper", "state channel".
        var kindWords = 0
        while index >= 0, kindWords < 3, joined(all[index]) {
            let word = document.folded(all[index])
            guard ContextCues.isCue(word, for: entity.kind) || ContextCues.isFollowingNoun(word, for: entity.kind)
                    || own.contains(word) else { break }
            kindWords += 1
            boundary = all[index].range.lowerBound
            index -= 1
        }
        guard kindWords > 0 else { return [] }
        // The capitalized words before them: "French", "South Korean", "The French".
        let end = index + 1
        var capitalized = 0
        while index >= 0, capitalized < 3, joined(all[index]),
              all[index].shape.contains(.startsUppercase) || all[index].isAllUppercase {
            capitalized += 1
            boundary = all[index].range.lowerBound
            index -= 1
        }
        guard capitalized > 0 else { return [] }
        return document.withBytes { context.countries.countries(in: all[(index + 1)..<end], of: $0) }
    }

    /// Whether an apposition after the match says what it is, and that is no kind of thing the
    /// entity is: "The Pink House in Buenos Aires, a pastry shop, closed", "Burnt Palace, a new
    /// steakhouse"; for a person, one with no title or role word ("Edward Milk, a dairy
    /// farmer"; not "a former minister"). The apposition starts with "a" or "an" after a comma, possibly after a place
    /// ("in Buenos Aires", ", Venezuela"), and runs to the next comma or the sentence's end; it
    /// counts when none of its words is a noun for the entity's kind or one of its context words
    /// ("a port city", "the seat of government" do not count).
    ///
    /// - Complexity: O(1): at most ten tokens after the match are read.
    func isDescribedAsAnotherThing(in document: Document) -> Bool {
        let all = document.tokens
        let bytes = document.bytes
        var index = match.tokenRange.upperBound
        var previousEnd = match.byteRange.upperBound
        func gap(_ i: Int) -> Range<Int> { previousEnd..<all[i].range.lowerBound }
        func capitalized(_ i: Int) -> Bool { all[i].shape.contains(.startsUppercase) || all[i].isAllUppercase }
        guard index < all.count, !NameMatch.crossesSentence(bytes, gap(index)) else { return false }
        // An optional place: "in Buenos Aires", ", Venezuela".
        let preposition = ["in", "of", "at", "near"].contains(document.folded(all[index]))
        let commaPlace = gap(index).contains { bytes[$0] == 0x2C } && capitalized(index)
        if preposition || commaPlace {
            if preposition { previousEnd = all[index].range.upperBound; index += 1 }
            var words = 0
            while index < all.count, words < 4, capitalized(index), !NameMatch.crossesSentence(bytes, gap(index)) {
                previousEnd = all[index].range.upperBound
                index += 1
                words += 1
            }
            guard words > 0 else { return false }
        }
        guard index < all.count, gap(index).contains(where: { bytes[$0] == 0x2C }), !NameMatch.crossesSentence(bytes, gap(index)),
              ["a", "an"].contains(document.folded(all[index])) else { return false }
        let own = Set(entityFacts.cues)
        previousEnd = all[index].range.upperBound
        index += 1
        var words = 0
        while index < all.count, words < 6 {
            let between = gap(index)
            if NameMatch.crossesSentence(bytes, between) || between.contains(where: { bytes[$0] == 0x2C }) { break }
            let word = document.folded(all[index])
            if ContextCues.isFollowingNoun(word, for: entity.kind) || ContextCues.isCue(word, for: entity.kind) || own.contains(word) {
                return false
            }
            previousEnd = all[index].range.upperBound
            index += 1
            words += 1
        }
        return words > 0
    }
}

/// The ``CountryMentions`` of the name spans of one document, by byte range, filled as the rules
/// ask.
final class CountryMentionsMemo: Sendable {
    private let spans = Mutex<[Range<Int>: CountryMentions]>([:])

    func value(for span: Range<Int>) -> CountryMentions? {
        spans.withLock { $0[span] }
    }

    func store(_ value: CountryMentions, for span: Range<Int>) {
        spans.withLock { $0[span] = value }
    }
}
