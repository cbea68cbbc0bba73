import WirefixEngine
import WirefixICU
import WirefixLexicon

/// A gazetteer match read for the name rules: which entity and form it is, how the text differs
/// from the correct spelling, and the context around it.
///
/// The calque, case, misspelling and diacritic rules all start from the same matches
/// (``RuleContext/gazetteerMatches(in:)``, computed once per text) and each claims the matches of
/// its own ``Kind``, so exactly one rule speaks for a damaged name.
///
/// A class: a reading holds the entity and the variant, and is kept in the per-document list and
/// handed to every name rule; sharing it costs one reference count.
final class NameMatch: Sendable {
    /// What is wrong with the matched span.
    enum Kind: Equatable, Sendable {
        /// One or more components are translated ("God given hair").
        case calque
        /// Letters the correct spelling capitalizes are lowercase ("delcy rodriguez").
        case lowercase
        /// A known misspelling in the correct case ("Lin Mingxiang").
        case misspelling
        /// Only diacritics differ, or accented letters were deleted ("Nicolas Maduro", "Nicols").
        case diacritics
        /// The span is already correct, or differs in a way no rule fixes (extra capitals).
        case none
    }

    let match: GazetteerMatch
    /// The texts the variants of the match correct to, each once, in the order of the variants.
    /// More than one means the span is ambiguous between entities or forms. (An array: most
    /// matches have one variant, and a set hashed its one string for every match.)
    let targets: [String]
    /// The chosen variant as read once for every match of it (``VariantReading``).
    let reading: VariantReading
    /// The entity of the chosen variant, as the guards also read it.
    let entityFacts: GuardScratch.EntityFacts
    let text: String
    let tokens: ArraySlice<Token>
    let kind: Kind

    /// The chosen variant (fewest translated components, then canonical form first).
    var variant: NameVariant { reading.variant }
    var entity: Entity { entityFacts.entity }
    /// The words of the variant's target (`Gazetteer.words(of: variant.target)`), read once.
    var targetWords: [String] { reading.targetWords }

    /// Whether several different corrections fit the span.
    var isAmbiguous: Bool { targets.count > 1 }

    /// The ids of all entities the span fits.
    var entityIDs: [String] { targets.sorted() }

    // `__shared`: an initializer takes its arguments owned, so every call copied the context
    // (some forty references retained and released); the stores are read through it, not a copy.
    init?(_ match: GazetteerMatch, in document: Document, context: __shared RuleContext, scratch: inout GuardScratch) {
        guard let first = match.variantIndices.first else { return nil }
        // The targets, and the first variant with the fewest translated components, then the
        // lowest form rank; each variant read once (from the context's cache of readings, or
        // decoded and summarized there).
        var targets: [String] = []
        var best = scratch.reading(ofVariant: first)
        var bestTranslated = Int.max
        var bestRank = best.rank
        for (position, index) in match.variantIndices.enumerated() {
            let candidate = position == 0 ? best : scratch.reading(ofVariant: index)
            let target = candidate.variant.target
            if !targets.contains(target) { targets.append(target) }
            let translated = candidate.translatedCount
            let rank = candidate.rank
            if translated < bestTranslated || (translated == bestTranslated && rank < bestRank) {
                best = candidate
                bestTranslated = translated
                bestRank = rank
            }
        }
        self.targets = targets
        reading = best
        entityFacts = scratch.facts(ofEntity: best.variant.entityIndex)
        self.match = match
        text = document.text(in: match.byteRange)
        tokens = document.tokens[match.tokenRange]
        kind = NameMatch.classify(text: text, tokens: tokens, reading: best, document: document)
    }

    /// The same reading of a match that stands unchanged in a later document (see
    /// ``NameMatchList``), moved by `byteShift` bytes and `tokenShift` tokens.
    private init(carrying other: NameMatch, byteShift: Int, tokenShift: Int, in document: Document) {
        var match = other.match
        match.byteRange = (match.byteRange.lowerBound + byteShift)..<(match.byteRange.upperBound + byteShift)
        match.tokenRange = (match.tokenRange.lowerBound + tokenShift)..<(match.tokenRange.upperBound + tokenShift)
        self.match = match
        targets = other.targets
        reading = other.reading
        entityFacts = other.entityFacts
        text = other.text
        tokens = document.tokens[match.tokenRange]
        kind = other.kind
    }

    /// ``init(carrying:byteShift:tokenShift:in:)`` for ``NameMatchList``.
    func carried(byteShift: Int, tokenShift: Int, in document: Document) -> NameMatch {
        NameMatch(carrying: self, byteShift: byteShift, tokenShift: tokenShift, in: document)
    }

    static func classify(text: String, tokens: ArraySlice<Token>, reading: VariantReading, document: Document) -> Kind {
        let variant = reading.variant
        let targetWords = reading.targetWords
        if reading.translatedCount > 0 { return .calque }
        guard targetWords.count == tokens.count else { return .none }
        // Compare word by word: a no-break space, a non-breaking hyphen or a curly apostrophe
        // between the words is typography, not damage. (Equal bytes are equal strings; only
        // other bytes are compared as strings, which treats canonically equivalent ones alike.)
        if zip(tokens, targetWords).allSatisfy({ document.bytes(in: $0.0.range, equal: $0.1) || document.text(of: $0.0) == $0.1 }) {
            return .none
        }
        // A name in capitals ("LIN MINGXIANG VISITS CARACAS"): case says nothing; only a known
        // misspelling is worth fixing (accents are often dropped from capitals on purpose).
        if tokens.allSatisfy({ $0.isAllUppercase && $0.range.count > 1 }) {
            if case .misspelling = variant.form { return .misspelling }
            return .none
        }
        var lowered = false
        var raised = false
        for (offset, token) in tokens.enumerated() {  // as many as targetWords (above)
            let wordStartsUpper = reading.wordStartsUpper[offset]
            let wordAllUpper = reading.wordAllUpper[offset]
            if token.isLowercase && wordStartsUpper { lowered = true }
            if token.isAllUppercase && !wordAllUpper && token.range.count > 1 { raised = true }
            if token.isTitleCase && !wordStartsUpper { raised = true }
        }
        if lowered && !raised { return .lowercase }
        if raised { return .none }
        if case .misspelling = variant.form { return .misspelling }
        return .diacritics
    }

    // MARK: - Context

    /// Whether a name rule may rewrite the match: it is neither inside a URL, path or markup
    /// (``isInsideURLOrPath(in:)``), nor a piece of a damaged word (``isWordFragment(in:)``), nor
    /// a field of a record of delimited fields (``isRecordField(in:)``).
    func mayBeRewritten(in document: Document) -> Bool {
        !isInsideURLOrPath(in: document) && !isWordFragment(in: document) && !isRecordField(in: document)
            && !isInCode(in: document)
    }

    /// Whether the match is code: inside an inline code span (backticks) or a fenced code block,
    /// or on a line that starts with a shell prompt ("$ " or "% ", after any indentation:
    /// "$ grep \"Tocoron prison\" inmates.csv"). A key, a query or a command is
    /// written as its program needs it. (``NameCaseRule`` also reads command names.)
    ///
    /// - Complexity: O(1) for text without a backtick or tilde (one pass per document finds
    ///   none), plus the line's start, found as ``Document/lineRange(containing:)`` finds it.
    func isInCode(in document: Document) -> Bool {
        let spans = document.cached(.codeSpans) { CodeSpans(document) }
        if spans.hasBacktickOrTilde {
            let start = match.byteRange.lowerBound
            let fence = spans.fences.partitioningIndex { $0.upperBound > start }
            if fence < spans.fences.count, spans.fences[fence].contains(start) { return true }
            if document.withBytes({ ByteClass.isInInlineCode(match.byteRange, in: $0) }) { return true }
        }
        let bytes = document.bytes
        var index = document.lineRange(containing: match.byteRange).lowerBound
        while index < match.byteRange.lowerBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        // "$ " and "% " only: "# " heads a Markdown section and "> " quotes, both prose.
        return index + 1 < match.byteRange.lowerBound && bytes[index + 1] == 0x20
            && (bytes[index] == 0x24 || bytes[index] == 0x25)
    }

    /// Whether the match is a whole field of a record of delimited fields: its line holds a
    /// field separator — a comma or a semicolon never followed by a space, or always spaced on
    /// both sides (" , "), or a tab — the line does not end a sentence (".", "!", "?"), and the
    /// match runs (spaces aside) from the line's start, a separator or a quotation mark to the
    /// line's end, a separator or a quotation mark, with a separator on one side at least
    /// ("gabriel boric,president,2022", "Nicolas Maduro;Venezuela;1962", "gabriel boric ,
    /// president , 2022", tab-separated values). Data is stored as it was written.
    func isRecordField(in document: Document) -> Bool {
        let bytes = document.bytes
        // First the cheap test that rejects prose: a separator, a quotation mark or a line's
        // edge on both sides of the match, spaces aside.
        func isCandidateEdge(_ byte: UInt8?) -> Bool {
            byte == nil || byte == 0x0A || byte == 0x0D || byte == 0x2C || byte == 0x3B || byte == 0x09 || byte == 0x22
        }
        var outer = match.byteRange.lowerBound, outerEnd = match.byteRange.upperBound
        while outer > 0, bytes[outer - 1] == 0x20 { outer -= 1 }
        while outerEnd < bytes.count, bytes[outerEnd] == 0x20 { outerEnd += 1 }
        guard isCandidateEdge(outer > 0 ? bytes[outer - 1] : nil), isCandidateEdge(outerEnd < bytes.count ? bytes[outerEnd] : nil) else { return false }
        let line = document.lineRange(containing: match.byteRange)
        var last = line.upperBound
        while last > line.lowerBound, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x0D || bytes[last - 1] == 0x09 { last -= 1 }
        guard last > line.lowerBound else { return false }
        let final = bytes[last - 1]
        guard final != 0x2E && final != 0x21 && final != 0x3F else { return false }
        // The separator of the line, if it has one.
        func separates(_ separator: UInt8) -> Bool {
            var count = 0, glued = 0, spaced = 0
            for offset in line where bytes[offset] == separator {
                count += 1
                if separator == 0x09 { continue }
                let before = offset > line.lowerBound ? bytes[offset - 1] : 0x20
                let after = offset + 1 < line.upperBound ? bytes[offset + 1] : 0x0A
                if after != 0x20 { glued += 1 } else if before == 0x20 { spaced += 1 }
            }
            return count > 0 && (separator == 0x09 || glued == count || spaced == count)
        }
        guard let separator: UInt8 = [0x2C, 0x3B, 0x09].first(where: separates) else { return false }
        // The field's edges, spaces aside.
        var start = match.byteRange.lowerBound, end = match.byteRange.upperBound
        while start > line.lowerBound, bytes[start - 1] == 0x20 { start -= 1 }
        while end < line.upperBound, bytes[end] == 0x20 { end += 1 }
        let before: UInt8? = start > line.lowerBound ? bytes[start - 1] : nil
        let after: UInt8? = end < line.upperBound ? bytes[end] : nil
        func isEdge(_ byte: UInt8?) -> Bool { byte == nil || byte == separator || byte == 0x22 || byte == 0x0D }
        return isEdge(before) && isEdge(after) && (before == separator || after == separator || (before == 0x22 && after == 0x22))
    }

    /// Whether the match sits inside a URL, an e-mail address, a file path, a file name or markup
    /// ("example.com/luis-arce", "luis-arce@gob.bo", "luis-arce.jpg", `class="delcy-rodriguez"`),
    /// where a name must not be rewritten; or is written as a hyphenated slug where the name has
    /// spaces.
    func isInsideURLOrPath(in document: Document) -> Bool {
        let bytes = document.bytes
        var start = match.byteRange.lowerBound
        while start > 0, !NameMatch.isSpace(bytes[start - 1]) { start -= 1 }
        var end = match.byteRange.upperBound
        while end < bytes.count, !NameMatch.isSpace(bytes[end]) { end += 1 }
        for index in start..<end {
            switch bytes[index] {
            case UInt8(ascii: "/"), UInt8(ascii: "@"), UInt8(ascii: "\\"), UInt8(ascii: "="), UInt8(ascii: "<"),
                 UInt8(ascii: ">"), UInt8(ascii: "_"), UInt8(ascii: "#"), UInt8(ascii: "|"):
                return true
            default: continue
            }
        }
        // "luis-arce.jpg", "example.com": a dot followed directly by a letter after the name.
        let after = match.byteRange.upperBound
        if after + 1 < bytes.count, bytes[after] == UInt8(ascii: "."), NameMatch.isASCIILetter(bytes[after + 1]) { return true }
        if start < match.byteRange.lowerBound, bytes[match.byteRange.lowerBound - 1] == UInt8(ascii: "."),
           match.byteRange.lowerBound >= 2, NameMatch.isASCIILetter(bytes[match.byteRange.lowerBound - 2]) { return true }
        // A hyphen where the name has a space: a slug ("luis-arce"), not prose.
        if tokens.count > 1, targetWords.count == tokens.count {
            var index = tokens.startIndex
            while index + 1 < tokens.endIndex {
                let gap = tokens[index].range.upperBound..<tokens[index + 1].range.lowerBound
                if gap.count == 1 && bytes[gap.lowerBound] == UInt8(ascii: "-") && !variant.target.contains("-") { return true }
                index += 1
            }
        }
        return false
    }

    /// Whether the match is a piece of a longer damaged word rather than a name standing on its
    /// own: it starts with a lowercase letter or a mark, and joiners tie it to one to three letters
    /// before it: symbols (Unicode category S: "×", "¤", "+") or the marks that stand for a lost
    /// letter ("?", "¿", "¡", U+FFFD, "·", "•", "*"), any number up to eight ("N×ñez Feijóo" for
    /// Núñez, "D??delcy rodriguez"); or a single dash after a single letter ("N-ñez"). Correcting
    /// the piece would leave the rest of the word in front of the name ("N×Núñez Feijóo"). After a
    /// longer word the joiner is punctuation that lost its space ("there?delcy rodriguez"); a
    /// capitalized name after a joiner is a whole word ("Caracas©Nicolas Maduro", "Lula×Bolsonaro");
    /// a dash after a word is a prefix ("anti-delcy rodriguez"), and two dashes stand for a dash
    /// ("minister--delcy rodriguez--said"); what follows the match is not looked at (a complete
    /// name fixed before "´s" or "×s" breaks no word). Reads at most twelve scalars before the match.
    func isWordFragment(in document: Document) -> Bool {
        guard let first = tokens.first, !first.shape.contains(.startsUppercase) else { return false }
        let start = match.byteRange.lowerBound
        return document.withBytes { bytes in
            var position = start
            var joiners = 0, dashes = 0
            while joiners < 8, let (scalar, scalarStart) = Tokenizer.decodeScalar(bytes, endingAt: position) {
                let isDash = scalar.properties.generalCategory == .dashPunctuation
                guard isDash || NameMatch.isJoiner(scalar) else { break }
                joiners += 1
                if isDash { dashes += 1 }
                position = scalarStart
            }
            guard joiners > 0, let (previous, previousStart) = Tokenizer.decodeScalar(bytes, endingAt: position),
                  ScalarCase.isLetter(previous.value) else { return false }
            guard dashes == joiners else {
                // The letters before the joiners are a word's first letters ("N", "Nu"), not a
                // whole word glued on ("there?delcy rodriguez", "bogota+delcy rodriguez").
                var letters = 1, cursor = previousStart
                while letters <= 3, let (scalar, start) = Tokenizer.decodeScalar(bytes, endingAt: cursor), ScalarCase.isLetter(scalar.value) {
                    letters += 1
                    cursor = start
                }
                return letters <= 3
            }
            // Dashes only: a fragment after "N-", not after "anti-" or "minister--".
            guard joiners == 1 else { return false }
            guard let (before, _) = Tokenizer.decodeScalar(bytes, endingAt: previousStart) else { return true }
            return !ScalarCase.isLetter(before.value)
        }
    }

    /// A character other than a dash that joins a word fragment to the letters before it (see
    /// ``isWordFragment(in:)``): a symbol, or a mark that stands for a lost letter.
    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "?", "¿", "¡", "\u{FFFD}", "·", "•", "*": return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return true
        default: return false
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    /// The byte range of the line (paragraph) that holds the match, without its line break.
    func lineRange(in document: Document) -> Range<Int> {
        document.lineRange(containing: match.byteRange)
    }

    /// Whether the match stands in a headline: a line in Title Case or in capitals, where capital
    /// letters say nothing about names (see ``HeadlineLines``; a match that spans a line break is
    /// judged on the lines it spans together).
    func isInHeadline(in document: Document) -> Bool {
        document.cached(.headlineLines) { HeadlineLines() }.isHeadline(lineRange(in: document), in: document)
    }

    /// Whether a title or role word (for people), a context noun (for organizations and places)
    /// or one of the entity's own context words introduces the match: within `window` words
    /// before it, in the same sentence, with no other capitalized name in between. "Spain's
    /// defense minister, Margaret Oaks" is introduced by "minister"; in "Prime Minister Keir
    /// Starmer met Alexander Brown", "Starmer" stands between and "Minister" introduces him.
    func isIntroducedByCue(in document: Document, window: Int = 3, stoppingAtVerbs: Bool = false) -> Bool {
        NameMatch.isIntroducedByCue(match, kind: entity.kind, cues: entityFacts.cues, in: document, window: window,
                                    stoppingAtVerbs: stoppingAtVerbs)
    }

    /// ``isIntroducedByCue(in:window:stoppingAtVerbs:)`` for a span and an entity's kind and
    /// folded context words. With `stoppingAtVerbs`, a lowercase verb between the title and the
    /// span (``isVerb(_:)``) ends the search: "the minister said Paul married" does not make
    /// "Paul married" the minister.
    static func isIntroducedByCue(_ match: GazetteerMatch, kind: Entity.Kind, cues: [String], in document: Document, window: Int = 3,
                                  stoppingAtVerbs: Bool = false) -> Bool {
        let all = document.tokens
        var index = match.tokenRange.lowerBound - 1
        var seen = 0
        var boundary = match.byteRange.lowerBound
        while index >= 0 && seen < window {
            let token = all[index]
            if NameMatch.crossesSentence(document.bytes, token.range.upperBound..<boundary) { break }
            let word = document.folded(token)
            if ContextCues.isCue(word, for: kind) || cues.contains(word) { return true }
            // "The minister said Paul married", "the minister crowned Rafael king": a verb between
            // a title and the words makes them the verb's object, not the title's holder.
            if stoppingAtVerbs && token.isLowercase && isVerb(word) { return false }
            // "Deputies of United We Can", "the leader of We Can": a role held in the organization.
            if kind == .organization && ContextCues.personTitles.contains(word) { return true }
            if token.shape.contains(.startsUppercase) || token.isAllUppercase {
                // Another capitalized word: a name stands between (unless it only starts the
                // sentence), or the portfolio of a title ("Minister of Foreign Affairs Bruno
                // Rodríguez", "Secretary of State Marco Rubio").
                let startsSentence = index == 0 || NameMatch.crossesSentence(document.bytes, all[index - 1].range.upperBound..<token.range.lowerBound)
                if !startsSentence { return kind == .person && endsTitleWithPortfolio(at: index, in: document) }
            }
            boundary = token.range.lowerBound
            index -= 1
            seen += 1
        }
        return false
    }

    /// Whether the capitalized token `index` ends a title and its portfolio: a title word, "of"
    /// or "for", then up to four capitalized words (or "and", "the") ending at `index`, in one
    /// sentence ("Minister of Foreign Affairs", "Secretary of State", "Minister for Women and
    /// Equality"). The title word is one of ``ContextCues/personTitles``.
    static func endsTitleWithPortfolio(at index: Int, in document: Document) -> Bool {
        let all = document.tokens
        var cursor = index
        var capitalized = 0
        while cursor > 0 && capitalized <= 4 {
            let token = all[cursor]
            let word = document.folded(token)
            if crossesSentence(document.bytes, all[cursor - 1].range.upperBound..<token.range.lowerBound) { return false }
            if token.shape.contains(.startsUppercase) || token.isAllUppercase {
                capitalized += 1
            } else if word == "of" || word == "for" {
                guard capitalized > 0 else { return false }
                let title = all[cursor - 1]
                guard (title.shape.contains(.startsUppercase) || title.isLowercase)
                        && ContextCues.personTitles.contains(document.folded(title))
                        && !crossesSentence(document.bytes, title.range.upperBound..<token.range.lowerBound) else { return false }
                // A capitalized word right before the title qualifies the office: a demonym or
                // initials say whose ("Brazilian", "U.S."), another word is a state's or a city's
                // office ("Nevada Secretary of State"), which no title of the entity's is.
                guard cursor >= 2 else { return true }
                let qualifier = all[cursor - 2]
                guard qualifier.shape.contains(.startsUppercase) || qualifier.isAllUppercase,
                      !crossesSentence(document.bytes, qualifier.range.upperBound..<title.range.lowerBound) else { return true }
                let word = document.folded(qualifier)
                return qualifier.isAllUppercase || (qualifier.range.count <= 3 && !qualifier.isLowercase)
                    || ["an", "ese", "ish", "i"].contains { word.hasSuffix($0) } || sentenceStarters.contains(word)
            } else if word != "and" && word != "the" {
                return false
            }
            cursor -= 1
        }
        return false
    }

    /// Whether the word right after the match is a noun that names what the entity is ("the Lynx
    /// district", "The Coin palace"): one of the entity's own context words or a noun for its kind.
    func isFollowedByCue(in document: Document) -> Bool {
        NameMatch.isFollowedByCue(match, kind: entity.kind, cues: entityFacts.cues, in: document)
    }

    /// ``isFollowedByCue(in:)`` for a span and an entity's kind and folded context words.
    static func isFollowedByCue(_ match: GazetteerMatch, kind: Entity.Kind, cues: [String], in document: Document) -> Bool {
        guard let word = wordAfter(match, in: document) else { return false }
        return cues.contains(word) || ContextCues.isFollowingNoun(word, for: kind)
    }

    /// Whether a lowercase word reads as a finite verb: one of the verbs that follow names
    /// (``GluedWordsVocabulary/finiteVerbs``: "said", "met"), a few that take a person as object
    /// (``objectVerbs``: "found", "saw") or a word of five letters or more ending in "ed"
    /// ("crowned", "declared", "called"), a modal, whose verb follows ("the minister will
    /// meet Paul Raymond", ``modalVerbs``, and "to" of an infinitive), a present participle ("was
    /// meeting"), or a lowercase word of four letters or more in "-s" that is no title, read as
    /// a verb in the present ("Spanish minister meets Joseph White": headlines write so).
    static func isVerb(_ word: String) -> Bool {
        GluedWordsVocabulary.finiteVerbs.contains(word) || (word.utf8.count >= 5 && word.hasSuffix("ed")) || objectVerbs.contains(word)
            || modalVerbs.contains(word) || (word.utf8.count >= 6 && word.hasSuffix("ing"))
            || (word.utf8.count >= 4 && word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is")
                && !ContextCues.personTitles.contains(word))
    }

    /// Modal and auxiliary verbs: a verb follows them, so a title before one is the subject's,
    /// not the title of the words after it. (A present participle of six letters or more,
    /// "meeting", "visiting", counts too, in ``isVerb(_:)``: "the minister was meeting Paul".)
    static let modalVerbs: Set<String> = ["will", "would", "can", "cannot", "could", "should", "may", "might", "must", "shall", "did", "does", "to"]

    /// Irregular or present-tense verbs that take a person as object ("found Marcela rivers").
    static let objectVerbs: Set<String> = ["found", "made", "saw", "sees", "calls", "names"]

    /// Whether an apposition right after a person's name gives a title or role: a comma, then
    /// within four words of the same clause a title or role word or one of the entity's context
    /// words ("Lourdes Flowers, the former candidate,", "Iván Duke, the former president,").
    static func hasRoleApposition(_ match: GazetteerMatch, cues: [String], in document: Document) -> Bool {
        let all = document.tokens
        var index = match.tokenRange.upperBound
        guard index < all.count else { return false }
        let bytes = document.bytes
        let gap = bytes[match.byteRange.upperBound..<all[index].range.lowerBound]
        guard gap.first == 0x2C, gap.dropFirst().allSatisfy({ $0 == 0x20 }), gap.count > 1 else { return false }
        var boundary = all[index].range.lowerBound
        var seen = 0
        while index < all.count && seen < 4 {
            let token = all[index]
            // Stop at the clause's end: another comma, or a sentence break.
            if index > match.tokenRange.upperBound {
                let between = bytes[boundary..<token.range.lowerBound]
                if between.contains(0x2C) || NameMatch.crossesSentence(bytes, boundary..<token.range.lowerBound) { break }
            }
            let word = document.folded(token)
            if ContextCues.isCue(word, for: .person) || cues.contains(word) { return true }
            boundary = token.range.upperBound
            index += 1
            seen += 1
        }
        return false
    }

    /// Whether the word right after the match is a noun for what an entity of its kind is ("the
    /// Lynx district", "The Coin palace", "the Civic Coalition party"), not merely one of the
    /// entity's own context words ("leader", "members").
    func isFollowedByKindNoun(in document: Document) -> Bool {
        wordAfter(in: document).map { ContextCues.isFollowingNoun($0, for: entity.kind) } ?? false
    }

    /// The word right after the match, folded, when only a name separator stands between.
    private func wordAfter(in document: Document) -> String? {
        NameMatch.wordAfter(match, in: document)
    }

    /// ``wordAfter(in:)`` for a span.
    private static func wordAfter(_ match: GazetteerMatch, in document: Document) -> String? {
        let all = document.tokens
        let next = match.tokenRange.upperBound
        guard next < all.count else { return nil }
        let gap = match.byteRange.upperBound..<all[next].range.lowerBound
        guard document.withBytes({ Gazetteer.isNameSeparator($0, gap) }) else { return nil }
        return document.folded(all[next])
    }

    /// Which countries the match's line mentions: whether it names the entity's own country, and
    /// whether it names only others.
    func countryEvidence(in document: Document, context: RuleContext) -> (own: Bool, otherOnly: Bool) {
        let mentioned = lineCountries(in: document, context: context)
        let own = mentioned.contains(entity.country)
        return (own, !own && !mentioned.isEmpty && entity.country != "INT")
    }

    /// The countries the match's line mentions, read from the document's tokens once per line
    /// and document (``RuleContext/countries(mentionedInLine:of:)``).
    func lineCountries(in document: Document, context: RuleContext) -> Set<String> {
        context.countries(mentionedInLine: lineRange(in: document), of: document)
    }

    /// Particles inside names ("de", "la", "del"): translated or not, they say nothing.
    static let particles: Set<String> = SurnameFormTable.particles

    /// Whether every word of the match is a common English given name or surname ("Peter Castle",
    /// "Oliver White"): then it may be a real English name rather than a calque.
    func isPlausibleEnglishName(in document: Document, context: RuleContext) -> Bool {
        var words = 0
        for token in tokens {
            let word = document.folded(token)
            if NameMatch.particles.contains(word) { continue }
            words += 1
            if !context.names.isName(word) { return false }
        }
        return words >= 2
    }

    /// Whether every word of the match is a common English word or a common English name, mixed,
    /// and not all of one sort ("Edward Milk", "Mark Blond", "Paul Married"): see
    /// ``EnglishReading/mixedReason(_:words:names:)``. Such a phrase may be a real English name.
    ///
    /// - Complexity: O(*t*) lookups for the *t* tokens of the match.
    func isMixedEnglish(in document: Document, context: RuleContext) -> Bool {
        let words = tokens.map { document.folded($0) }
        return EnglishReading.reason(words, words: context.words, names: context.names) == nil
            && EnglishReading.mixedReason(words, words: context.words, names: context.names) != nil
    }

    /// Whether the match is glued by spaces to a capitalized word that is not a title or cue
    /// word: then it is part of a longer proper name ("Detroit Free Press", "We Can Do It").
    /// A common word that merely starts the sentence ("The Free Press") does not count.
    func isPartOfLongerName(in document: Document) -> Bool {
        let all = document.tokens
        let bytes = document.bytes
        func spacesOnly(_ range: Range<Int>) -> Bool {
            !range.isEmpty && range.allSatisfy { bytes[$0] == 0x20 }
        }
        func capitalized(_ token: Token) -> Bool {
            token.shape.contains(.startsUppercase) || (token.isAllUppercase && token.range.count > 1)
        }
        let before = match.tokenRange.lowerBound - 1
        if before >= 0, spacesOnly(all[before].range.upperBound..<match.byteRange.lowerBound), capitalized(all[before]) {
            let word = document.folded(all[before])
            let isCue = ContextCues.isCue(word, for: entity.kind) || entityFacts.cues.contains(word)
            let startsSentence = before == 0 || NameMatch.crossesSentence(bytes, all[before - 1].range.upperBound..<all[before].range.lowerBound)
            let isFunctionWord = NameMatch.sentenceStarters.contains(word)
            // "Minister of Foreign Affairs Bruno Rodríguez": the portfolio of a title, not a name.
            let endsPortfolio = entity.kind == .person && NameMatch.endsTitleWithPortfolio(at: before, in: document)
            if !isCue && !(startsSentence && isFunctionWord) && !endsPortfolio { return true }
        }
        let after = match.tokenRange.upperBound
        if after < all.count, spacesOnly(match.byteRange.upperBound..<all[after].range.lowerBound), capitalized(all[after]) {
            return true
        }
        return false
    }

    /// Common words that start sentences and are capitalized only for that reason.
    static let sentenceStarters: Set<String> = [
        "the", "a", "an", "in", "on", "at", "for", "from", "with", "by", "to", "of", "and", "but",
        "or", "as", "after", "before", "when", "while", "since", "this", "that", "these", "those",
        "his", "her", "their", "its", "our", "my", "your", "yesterday", "today", "now", "then",
        "also", "meanwhile", "however", "according", "during", "under", "over", "last", "next",
        "later", "earlier", "still", "instead", "there", "here", "so", "yet", "if", "although",
        "because", "but", "nor", "even", "only", "both", "either", "neither", "for", "thus",
    ]

    /// Whether the match starts a sentence (first word of the text, of a line, or after . ! ?).
    func isSentenceInitial(in document: Document) -> Bool {
        let start = match.byteRange.lowerBound
        var index = start - 1
        let bytes = document.bytes
        while index >= 0 {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x22 || byte == 0x27 || byte == 0x28 { index -= 1; continue }
            // Opening curly quotes “ ‘ (E2 80 9C / E2 80 98).
            if byte == 0x9C || byte == 0x98, index >= 2, bytes[index - 1] == 0x80, bytes[index - 2] == 0xE2 { index -= 3; continue }
            return byte == 0x0A || byte == 0x0D || byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x3A
        }
        return true
    }

    /// Whether the bytes between two tokens end a sentence or a line. The full stops of an
    /// initialism ("U.S. Senator", "the U.K.'s envoy", "Washington, D.C.") end nothing: news
    /// copy writes "U.S." before titles far more often than at the end of a sentence.
    static func crossesSentence(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        for index in range {
            switch bytes[index] {
            case 0x2E where isInitialismStop(bytes, index): continue
            case 0x2E, 0x21, 0x3F, 0x3B, 0x0A, 0x0D: return true
            default: continue
            }
        }
        return false
    }

    /// Whether the full stop at `index` belongs to an initialism of single capital letters
    /// ("U.S.", "U.K.", "D.C."): it follows a lone ASCII capital, and either another such
    /// letter and stop come right before it or a capital and a stop follow it directly.
    static func isInitialismStop(_ bytes: [UInt8], _ index: Int) -> Bool {
        func isCapital(_ i: Int) -> Bool { i >= 0 && i < bytes.count && bytes[i] >= 0x41 && bytes[i] <= 0x5A }
        func isLetter(_ i: Int) -> Bool { i >= 0 && i < bytes.count && isASCIILetter(bytes[i]) }
        guard isCapital(index - 1), !isLetter(index - 2) else { return false }
        let afterStop = index >= 2 && bytes[index - 2] == 0x2E && isCapital(index - 3) && !isLetter(index - 4)
        let beforeStop = isCapital(index + 1) && index + 2 < bytes.count && bytes[index + 2] == 0x2E
        return afterStop || beforeStop
    }

    /// The tokens of the match grouped by the variant's components.
    func componentTokens() -> [(NameVariant.Component, ArraySlice<Token>)] {
        var result: [(NameVariant.Component, ArraySlice<Token>)] = []
        var index = tokens.startIndex
        for component in variant.components {
            let end = min(tokens.endIndex, index + component.tokenCount)
            result.append((component, tokens[index..<end]))
            index = end
        }
        return result
    }

    // MARK: - Replacement

    /// The correction to write: the target spelling, uppercased when the copy has the name in
    /// capitals, and without diacritics under the unaccented house style, global or the entity's
    /// own (unless the copy itself carried them).
    func replacement(options: RuleOptions, in document: Document) -> String {
        var result = variant.target
        // Keep the copy's own separators (no-break spaces, hyphens) when the words line up.
        if variant.isUntranslated, targetWords.count == tokens.count, tokens.count > 1 {
            var rebuilt = ""
            var previousEnd: Int?
            for (token, word) in zip(tokens, targetWords) {
                if let previousEnd { rebuilt += document.text(in: previousEnd..<token.range.lowerBound) }
                rebuilt += word
                previousEnd = token.range.upperBound
            }
            result = rebuilt
        }
        if entity.keepsUnaccented(options) && text == NameMatch.stripDiacritics(text) {
            result = NameMatch.stripDiacritics(result)
        }
        if tokens.count > 1 && tokens.allSatisfy({ $0.isAllUppercase && $0.range.count > 1 }) {
            result = (try? CaseMapping.uppercase(result, locale: "es")) ?? result.uppercased()
        }
        return result
    }

    /// `text` without combining diacritics (NFD, marks removed, NFC again); case is kept.
    static func stripDiacritics(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        let decomposed = (try? Normalizer.normalize(text, to: .nfd)) ?? text
        var kept = ""
        kept.unicodeScalars.append(contentsOf: decomposed.unicodeScalars.filter {
            switch $0.properties.generalCategory {
            case .nonspacingMark, .enclosingMark: return false
            default: return true
            }
        })
        return (try? Normalizer.normalize(kept, to: .nfc)) ?? kept
    }

    /// Builds a correction for this match.
    func correction(rule: String, replacement: String, confidence: Double, explanation: String) -> Correction {
        Correction(
            ruleID: rule, range: TextRange(match.byteRange), original: text, replacement: replacement,
            confidence: isAmbiguous ? min(confidence, 0.5) : confidence,
            entityID: entity.id,
            explanation: isAmbiguous
                ? explanation + "; ambiguous: also fits " + targets.filter { $0 != variant.target }.sorted().joined(separator: ", ")
                : explanation)
    }

    /// The name matches of a document, read; variants whose context guard fails are left out
    /// (see ``NameGuards``).
    static func all(in document: Document, context: RuleContext) -> [NameMatch] {
        document.cached(.nameMatches) {
            let guarded = VariantFacts.of(context)
            var scratch = GuardScratch(context: context)
            return NameMatchList(matches: context.gazetteerMatches(in: document).compactMap {
                read($0, in: document, context: context, guarded: guarded, scratch: &scratch)
            }, context: context)
        }.matches
    }

    /// One gazetteer match read, or `nil` when it is a name spelled exactly right or no variant
    /// passes its context guard.
    static func read(_ match: GazetteerMatch, in document: Document, context: RuleContext, guarded: VariantFacts,
                     scratch: inout GuardScratch) -> NameMatch? {
        // Fast path: most matches in clean copy are names spelled exactly right.
        if match.variantIndices.count == 1 {
            let index = match.variantIndices[0]
            // The target compared in place in the compiled record: no variant decoded.
            let variants = scratch.variants
            if guarded.isUntranslated(index) && document.withBytes({
                variants.target(ofVariant: index, equals: UnsafeBufferPointer(rebasing: $0[match.byteRange]))
            }) { return nil }
        }
        // A word cut short by mojibake ("PeÃ" of "PeÃ±a", which reads as "Peña" with its "ñ"
        // lost) is the mojibake rule's to repair, or to leave: read as a name, "Peña" would be
        // written over "PeÃ" and "±a" left after it (review 17).
        if document.withBytes({ Self.touchesMojibake(match.byteRange, in: $0) }) { return nil }
        // Context guards: a guarded variant without its context is no match.
        guard let match = NameGuards.admitted(match, in: document, context: context, guarded: guarded, scratch: &scratch) else { return nil }
        return NameMatch(match, in: document, context: context, scratch: &scratch)
    }

    /// Whether the UTF-8 bytes `range`, or the character right after them, hold a lead of UTF-8
    /// read through a code page: "Ã" or "Â" (C3 83, C3 82) followed by another non-ASCII
    /// character ("Ã±", "Ã\u{AD}", "Ã©", "Â·"). O(*n*) in the range's length; ASCII spans return
    /// at the first pass.
    static func touchesMojibake(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = min(bytes.count, range.upperBound + 2)
        var index = range.lowerBound
        while index + 2 < end + 1 && index + 2 < bytes.count {
            if bytes[index] == 0xC3, bytes[index + 1] == 0x83 || bytes[index + 1] == 0x82, bytes[index + 2] >= 0x80 { return true }
            index += 1
        }
        return false
    }
}

/// The name matches of a document (``NameMatch/all(in:context:)``), carried over to the document
/// a rule's edits make. A match without context guards reads the same wherever its own words
/// stand unchanged (its reading looks at nothing else). A guarded one reads the same when
/// nothing changed on its line (the title, cue and country evidence stay inside the line) and
/// among the ``VariantGuard/nameWindow`` tokens either side of it (the `name` evidence). Only the
/// other matches are read again.
///
/// A class: the document cache hands it out through a cast from `any Sendable`, which copies a
/// struct (and the context's many references with it) every time.
final class NameMatchList: DocumentAnalysis {
    let matches: [NameMatch]
    let context: RuleContext

    init(matches: [NameMatch], context: RuleContext) {
        self.matches = matches
        self.context = context
    }

    func carried(to document: Document, by splice: DocumentSplice) -> NameMatchList? {
        let guarded = VariantFacts.of(context)
        let tokens = document.tokens
        let bytes = document.bytes
        // The changed stretches of the new text, to look up what a guarded match depends on.
        let changed = splice.pieces.filter(\.isChanged).map(\.new)
        func touchesChange(_ span: ClosedRange<Int>) -> Bool {
            // The first changed stretch that does not end before the span.
            var low = 0, high = changed.count
            while low < high {
                let mid = (low + high) / 2
                if changed[mid].upperBound < span.lowerBound { low = mid + 1 } else { high = mid }
            }
            return low < changed.count && changed[low].lowerBound <= span.upperBound
        }
        var result: [NameMatch] = []
        result.reserveCapacity(matches.count + 8)
        var scratch = GuardScratch(context: context)
        var piece = 0
        var cursor = 0
        // The line of the last guarded match looked at, when it was one line: a later match
        // inside it is on that line (no line feed inside it, one or the text's end on either
        // side), which is not looked for again.
        var lastLine = 0..<0
        for match in context.gazetteerMatches(in: document) {
            while piece + 1 < splice.pieces.count && splice.pieces[piece].new.upperBound <= match.byteRange.lowerBound { piece += 1 }
            let current = splice.pieces[piece]
            var reusable = !current.isChanged
            if reusable && guarded.covers(match) {
                // The tokens its `name` guard reads (to the text's ends when fewer), then its line.
                let window = VariantGuard.nameWindow
                let start = match.tokenRange.lowerBound >= window ? tokens[match.tokenRange.lowerBound - window].range.lowerBound : 0
                let end = match.tokenRange.upperBound + window <= tokens.count
                    ? tokens[match.tokenRange.upperBound + window - 1].range.upperBound : bytes.count
                reusable = !touchesChange(start...end)
                if reusable {
                    let line: Range<Int>
                    if match.byteRange.lowerBound >= lastLine.lowerBound && match.byteRange.upperBound <= lastLine.upperBound {
                        line = lastLine
                    } else {
                        line = document.lineRange(containing: match.byteRange)
                        // A match across a line break gets the lines it spans: not one line.
                        lastLine = bytes[match.byteRange].contains(0x0A) ? 0..<0 : line
                    }
                    reusable = !touchesChange(line.lowerBound...line.upperBound)
                }
            }
            guard reusable else {
                if let name = NameMatch.read(match, in: document, context: context, guarded: guarded, scratch: &scratch) { result.append(name) }
                continue
            }
            // The earlier reading, if there was one (a name spelled exactly right, or one whose
            // guards failed, has none).
            let start = match.byteRange.lowerBound - current.byteShift
            while cursor < matches.count && matches[cursor].match.byteRange.lowerBound < start { cursor += 1 }
            if cursor < matches.count && matches[cursor].match.byteRange.lowerBound == start {
                result.append(matches[cursor].carried(byteShift: current.byteShift, tokenShift: current.tokenShift, in: document))
            }
        }
        return NameMatchList(matches: result, context: context)
    }
}

extension Entity {
    /// Whether the house style writes this entity's name without accents: its own ``style`` when
    /// set, otherwise the global ``RuleOptions/keepUnaccented``.
    func keepsUnaccented(_ options: RuleOptions) -> Bool {
        Self.keepsUnaccented(style: style, options)
    }

    /// ``keepsUnaccented(_:)`` for an entity of house style `style`.
    static func keepsUnaccented(style: NameStyle?, _ options: RuleOptions) -> Bool {
        style.map { $0 == .unaccented } ?? options.keepUnaccented
    }
}

extension NameVariant.Form {
    /// Canonical before aliases before misspellings.
    var rank: Int {
        switch self {
        case .canonical: return 0
        case .alias(let index): return 1 + index
        case .misspelling(let index): return 1000 + index
        }
    }
}

/// A variant as the name rules read it, the same for every match of it: decoded once and kept
/// in the context's bounded cache (``GuardCache``), so a match holds one reference instead of a
/// copy of the variant, and its target's words and their case are not worked out again per match.
final class VariantReading: Sendable {
    let variant: NameVariant
    /// ``NameVariant/translatedCount``.
    let translatedCount: Int
    /// ``NameVariant/Form/rank`` of the variant's form.
    let rank: Int
    /// `Gazetteer.words(of: variant.target)`.
    let targetWords: [String]
    /// Per target word: whether its first scalar is uppercase.
    let wordStartsUpper: [Bool]
    /// Per target word: whether none of its scalars is lowercase.
    let wordAllUpper: [Bool]

    init(_ variant: NameVariant) {
        self.variant = variant
        translatedCount = variant.components.reduce(0) { count, component in
            if case .translated = component.realization { return count + 1 }
            return count
        }
        rank = variant.form.rank
        targetWords = Gazetteer.words(of: variant.target)
        // An ASCII word is read from its bytes (for ASCII, Unicode's Uppercase and Lowercase
        // properties are exactly A–Z and a–z); property lookups cost some 300 instructions a letter.
        wordStartsUpper = targetWords.map { word in
            guard let first = word.utf8.first else { return false }
            if first < 0x80 { return first >= 0x41 && first <= 0x5A }
            return word.unicodeScalars.first!.properties.isUppercase
        }
        wordAllUpper = targetWords.map { word in
            if word.utf8.allSatisfy({ $0 < 0x80 }) { return !word.utf8.contains { $0 >= 0x61 && $0 <= 0x7A } }
            return word.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
        }
    }
}

/// A document's fenced code blocks, found once for the name rules (``NameMatch/isInCode(in:)``).
final class CodeSpans: Sendable {
    /// Whether the text holds a backtick or a tilde at all (most prose does not).
    let hasBacktickOrTilde: Bool
    /// The fenced blocks, ascending.
    let fences: [Range<Int>]

    init(_ document: Document) {
        (hasBacktickOrTilde, fences) = document.withBytes { bytes in
            let marked = ByteSearch.firstIndex(of: 0x60, in: bytes, from: 0, to: bytes.count) < bytes.count
                || ByteSearch.firstIndex(of: 0x7E, in: bytes, from: 0, to: bytes.count) < bytes.count
            return (marked, marked ? ByteClass.fencedCodeBlocks(in: bytes) : [])
        }
    }
}
