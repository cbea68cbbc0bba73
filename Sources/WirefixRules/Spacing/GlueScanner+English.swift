import WirefixEngine
import WirefixLexicon

/// The English kinds of glue: two English words ("yearaccording") and an acronym run into the
/// next word ("VTVThe"). ASCII tokens only.
extension GlueScanner {
    /// An acronym of ≥ 2 capitals glued to a capitalized word ("VTVThe" → "VTV The") or to a
    /// lowercase clause word or finite verb ("NATOsaid" → "NATO said").
    ///
    /// The token must be ≥ 2 capitals followed by lowercase letters only; "IDs", "TVs",
    /// "CEOs" (the rest is not a word), "PhD", "McDonald" (one leading capital) and all-capital
    /// words never match.
    func acronymAndWord(_ token: Token) -> GlueSplit? {
        let range = token.range
        var capitals = 0
        while range.lowerBound + capitals < range.upperBound, ByteClass.isUpper(bytes[range.lowerBound + capitals]) { capitals += 1 }
        guard capitals >= 2, range.lowerBound + capitals < range.upperBound else { return nil }
        for offset in (range.lowerBound + capitals)..<range.upperBound where !ByteClass.isLower(bytes[offset]) { return nil }
        // An acronym glued to a lowercase word: "NATOsaid" → "NATO said".
        let rest = String(decoding: bytes[(range.lowerBound + capitals)..<range.upperBound], as: UTF8.self)
        if GluedWordsVocabulary.clauseWords.contains(rest) || GluedWordsVocabulary.finiteVerbs.contains(rest) {
            let cut = range.lowerBound + capitals
            return GlueSplit(
                cuts: [cut], confidence: 0.85, entityID: nil,
                explanation: "the acronym \"\(String(decoding: bytes[range.lowerBound..<cut], as: UTF8.self))\" is glued to \"\(rest)\", a word that does not end compounds")
        }
        guard capitals >= 3 else { return nil }
        let cut = range.lowerBound + capitals - 1
        let head = String(decoding: bytes[range.lowerBound..<cut], as: UTF8.self)
        let tailText = String(decoding: bytes[cut..<range.upperBound], as: UTF8.self)
        let tail = tailText.lowercased()
        let tailRank = rank(tail)
        if GluedWordsVocabulary.sentenceStarts.contains(tail) {
            return GlueSplit(
                cuts: [cut], confidence: 0.85, entityID: nil,
                explanation: "the acronym \"\(head)\" is glued to \"\(tailText)\", a word that starts a sentence or clause")
        }
        guard let tailRank, tail.utf8.count >= 3 else { return nil }
        if tailRank <= 5_000, let next = gazetteer.advance(gazetteer.root, by: head.lowercased()),
           let variant = untranslatedVariant(at: next) {
            // "USAToday": a name and a content word may also be a brand.
            let entity = gazetteer.entities[variant.entityIndex]
            return GlueSplit(
                cuts: [cut], confidence: 0.6, entityID: entity.id,
                explanation: "\"\(head)\" is a form of \(entity.canonical) and \"\(tailText)\" a frequent English word (rank \(tailRank)), but the two may also be one brand")
        }
        guard tailRank <= 20_000 else { return nil }
        return GlueSplit(
            cuts: [cut], confidence: 0.5, entityID: nil,
            explanation: "\"\(head)\" + \"\(tailText)\" may be an acronym glued to a word, or a brand written as one word")
    }

    /// Frequent function-word glue of machine translation, from closed lists
    /// (``GluedWordsVocabulary``): a preposition, conjunction or reporting verb before "the"
    /// ("inthe", "ofthe", "saidthe"), a reporting verb before a pronoun or determiner
    /// ("saidthat", "toldhis"): 0.9; "the" before a frequent word of ≥ 4 letters (rank ≤ 5,000,
    /// "thegovernment"): 0.85; a frequent word of ≥ 4 letters (rank ≤ 10,000) before "of"
    /// ("ministryof", "presidentof"): 0.85; these two only 0.6 when the token is capitalized
    /// ("Romanof" may be a surname). The token itself is not a listed word (checked
    /// before), so "thereof", "theme" and "proof" never get here.
    func functionWordGlue(_ token: Token) -> GlueSplit? {
        let range = token.range
        guard mayBeFunctionWordGlue(range) else { return nil }
        let text = String(decoding: bytes[range], as: UTF8.self)
        let lower = text.lowercased()
        let count = lower.utf8.count
        let open = token.isLowercase ? 0.85 : 0.6
        func split(_ headLength: Int, _ confidence: Double, _ reason: String) -> GlueSplit {
            let headText = String(text.prefix(headLength))
            let tailText = String(text.dropFirst(headLength))
            return GlueSplit(
                cuts: [range.lowerBound + headLength], confidence: confidence, entityID: nil,
                explanation: "\"\(text)\" is not an English word; \"\(headText)\" + \"\(tailText)\", \(reason)")
        }
        if lower.hasSuffix("the"), GluedWordsVocabulary.gluedBeforeThe.contains(String(lower.dropLast(3))) {
            var closed = split(count - 3, 0.9, "a function word or reporting verb glued to \"the\"")
            closed.isClosedList = true
            return closed
        }
        for verb in GluedWordsVocabulary.reportingVerbs where lower.hasPrefix(verb) {
            if GluedWordsVocabulary.afterReportingVerb.contains(String(lower.dropFirst(verb.utf8.count))) {
                var closed = split(verb.utf8.count, 0.9, "a reporting verb glued to the pronoun or determiner after it")
                closed.isClosedList = true
                return closed
            }
        }
        // The open-class pairs below are also how identifiers are spelled ("theyear",
        // "sizeof"): only in prose (checked last: it reads the line).
        var candidate: GlueSplit?
        if count >= 7, lower.hasPrefix("the") {
            let tail = String(lower.dropFirst(3))
            if let tailRank = rank(tail), tailRank <= 5_000, !GluedWordsVocabulary.suffixTails.contains(tail),
               !isDerivedWord(Array(lower.utf8)) {
                candidate = split(3, open, "the article glued to a frequent word (rank \(tailRank))")
            }
        }
        if candidate == nil, count >= 6, let preposition = Self.gluedPrepositions.first(where: { lower.hasSuffix($0) }) {
            // "ministryof", "proposalon": a frequent word before a preposition. Other than "of",
            // the head must be a noun by its ending ("proposal", "agreement", "meeting"): a verb
            // and its particle make compounds the word list may lack ("followon", "checkin").
            let head = String(lower.dropLast(2))
            if let headRank = rank(head), headRank <= 10_000, !GluedWordsVocabulary.combiningHeads.contains(head),
               !GluedWordsVocabulary.operatorWords.contains(lower),
               preposition == "of" || (head.utf8.count >= 6 && Self.nounEndings.contains(where: head.hasSuffix)),
               !isDerivedWord(Array(lower.utf8)) {
                candidate = split(count - 2, open, "a frequent word (rank \(headRank)) glued to \"\(preposition)\"")
            }
        }
        guard let candidate, isProse(token) else { return nil }
        return candidate
    }

    /// Whether an ASCII token has a shape ``functionWordGlue(_:)`` can split, read on its bytes
    /// (ASCII: lowercasing is per byte): it ends with "the" or "of", or starts with "the" or a
    /// reporting verb. Most tokens do not, and then no string is made.
    func mayBeFunctionWordGlue(_ range: Range<Int>) -> Bool {
        func lower(_ offset: Int) -> UInt8 {
            let byte = bytes[offset]
            return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        }
        func starts(with word: [UInt8]) -> Bool {
            range.count >= word.count && word.indices.allSatisfy { lower(range.lowerBound + $0) == word[$0] }
        }
        func ends(with word: [UInt8]) -> Bool {
            range.count >= word.count && word.indices.allSatisfy { lower(range.upperBound - word.count + $0) == word[$0] }
        }
        let the: [UInt8] = [0x74, 0x68, 0x65]
        return ends(with: the) || Self.gluedPrepositionBytes.contains(where: ends(with:)) || starts(with: the)
            || Self.reportingVerbBytes.contains(where: starts(with:))
    }

    /// The two-letter prepositions a frequent word is found glued to ("ministryof",
    /// "proposalon", "meetingin").
    static let gluedPrepositions = ["of", "on", "in", "at", "to", "by"]

    /// Endings that make a word a noun, for a head glued to a preposition other than "of".
    static let nounEndings = ["tion", "sion", "ment", "ance", "ence", "ity", "ness", "ship", "ure", "sal", "ing", "ism", "ist", "ary", "ory",
                              "way", "tal", "ital", "ial", "nal", "ter", "der", "ber", "ent", "try", "cy", "ice", "age"]

    /// ``gluedPrepositions`` as bytes.
    static let gluedPrepositionBytes: [[UInt8]] = gluedPrepositions.map { Array($0.utf8) }

    /// ``GluedWordsVocabulary/reportingVerbs`` as bytes.
    static let reportingVerbBytes: [[UInt8]] = GluedWordsVocabulary.reportingVerbs.map { Array($0.utf8) }

    /// Whether a token stands in prose: after a space or the start of a line and before a
    /// space, the end or sentence punctuation and a space, not in quotes, not in the arguments
    /// of a call ("f(theyear, themonth)") and not on a command or code line (``ByteClass/isMachineLine(around:in:)``).
    func isProse(_ token: Token) -> Bool {
        let start = token.range.lowerBound
        let end = token.range.upperBound
        if start > 0, bytes[start - 1] != 0x20, bytes[start - 1] != 0x0A { return false }
        if end < bytes.count {
            let next = bytes[end]
            let punctuation = next == 0x2C || next == 0x2E || next == 0x3B || next == 0x3A
            guard next == 0x20 || next == 0x0A || next == 0x0D
                    || (punctuation && (end + 1 == bytes.count || ByteClass.isSpace(bytes[end + 1]))) else { return false }
        }
        // Inside the arguments of a call: "formatmonth(theyear, themonth)" (within 200 bytes).
        var depth = 0
        var index = start
        while index > 0, start - index < 200, bytes[index - 1] != 0x0A {
            index -= 1
            if bytes[index] == 0x29 { depth += 1 }
            if bytes[index] == 0x28 {
                if depth == 0 { if index > 0, ByteClass.isWordByte(bytes[index - 1]) { return false } } else { depth -= 1 }
            }
        }
        return !lines.memo.isMachineLine(around: start, in: bytes)
    }

    /// Two English words run together: "yearaccording" → "year according".
    ///
    /// See ``GluedWordsRule`` for the evidence and the confidence scale.
    func englishWords(_ token: Token) -> GlueSplit? {
        let range = token.range
        guard range.count >= 6 else { return nil }
        // ASCII: as many bytes lowercased; the strings are made at the first cut into two listed
        // words (most tokens have none).
        let count = range.count
        var strings: (text: String, lower: [UInt8])?
        let capitalized = token.shape.contains(.startsUppercase)
        var best: (split: GlueSplit, weakestRank: Int)?
        // How many cuts give two listed words: "drawshave" reads "draws have" and "draw shave".
        var readings = 0
        for length in 3...(count - 3) {
            // Both halves must be listed words (``rank(_:)`` below): probed on the token's bytes
            // first (ASCII, so folding is lowercasing), so that most cuts make no string.
            guard isListed(range.lowerBound..<(range.lowerBound + length), isASCII: true),
                  isListed((range.lowerBound + length)..<range.upperBound, isASCII: true)
            else { continue }
            if strings == nil {
                let text = String(decoding: bytes[range], as: UTF8.self)
                strings = (text, Array(text.lowercased().utf8))
            }
            let (text, lower) = strings!
            let head = String(decoding: lower[..<length], as: UTF8.self)
            let tail = String(decoding: lower[length...], as: UTF8.self)
            guard let headRank = rank(head), let tailRank = rank(tail),
                  !GluedWordsVocabulary.combiningHeads.contains(head),
                  !GluedWordsVocabulary.clauseWords.contains(head),
                  !GluedWordsVocabulary.weakClauseWords.contains(head),
                  !GluedWordsVocabulary.suffixTails.contains(tail)
            else { continue }
            var confidence: Double
            let reason: String
            if headRank <= 30_000, tailRank <= 30_000, length >= 3, lower.count - length >= 3 { readings += 1 }
            if GluedWordsVocabulary.clauseWords.contains(tail) {
                // A less frequent head of 6 letters or more ("sharplyafter") is still a word.
                confidence = headRank <= 10_000 ? 0.9 : (headRank <= 30_000 && length >= 6 ? 0.85 : 0.6)
                reason = "a word that starts a clause and does not end compounds"
            } else if GluedWordsVocabulary.finiteVerbs.contains(tail) {
                confidence = headRank <= 10_000 ? 0.85 : 0.6
                reason = "a finite verb that does not end compounds"
            } else if GluedWordsVocabulary.weakClauseWords.contains(tail) {
                confidence = 0.6
                reason = "a function word, but one that also ends some compounds"
            } else if isPastTense(tail), tailRank <= 5_000 {
                confidence = 0.55
                reason = "a past tense, but participles also end compounds"
            } else if headRank <= 10_000, tailRank <= 10_000, tail.utf8.count >= 4 {
                confidence = 0.5
                reason = "but two content words may also form a compound or a brand"
            } else {
                continue
            }
            if length < 4 { confidence = min(confidence, 0.6) }
            if capitalized, confidence >= 0.7, length < 5 || headRank > 10_000 { confidence = 0.6 }
            let weakest = max(headRank, tailRank)
            if let current = best, current.split.confidence > confidence
                || (current.split.confidence == confidence && current.weakestRank <= weakest) {
                continue
            }
            let headText = String(text.prefix(length))
            let tailText = String(text.dropFirst(length))
            best = (GlueSplit(
                cuts: [range.lowerBound + length], confidence: confidence, entityID: nil,
                explanation: "\"\(text)\" is not an English word; \"\(headText)\" (rank \(headRank)) + \"\(tailText)\" (rank \(tailRank)), \(reason)"),
                weakest)
        }
        // Checked last: most unlisted tokens have no split at all, and this costs ~100 lookups.
        guard var split = best?.split, let lower = strings?.lower, !isDerivedWord(lower) else { return nil }
        if readings > 1, split.confidence > 0.6 {
            split.confidence = 0.6
            split.explanation += "; another cut also gives two words"
        }
        return split
    }

    /// Whether a lowercase ASCII word is a listed word plus an inflection or derivational ending
    /// ("formatters" = "formatter"/"format" + "s"/"ers"), or a derivational prefix plus a listed
    /// word ("deallocated").
    func isDerivedWord(_ word: [UInt8]) -> Bool {
        let text = String(decoding: word, as: UTF8.self)
        for ending in GluedWordsVocabulary.derivationalEndings where text.hasSuffix(ending) {
            let stem = Array(word.dropLast(ending.utf8.count))
            guard stem.count >= 3 else { continue }
            var stems = [stem, stem + [0x65]]
            if stem[stem.count - 1] == stem[stem.count - 2] { stems.append(Array(stem.dropLast())) }
            if stem.last == 0x69 { stems.append(stem.dropLast() + [0x79]) }
            if stems.contains(where: { words.contains(String(decoding: $0, as: UTF8.self)) }) { return true }
        }
        for prefix in GluedWordsVocabulary.derivationalPrefixes where text.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            if rest.count >= 3, words.contains(String(rest)) { return true }
        }
        return false
    }

    /// Whether a listed lowercase word is a regular past tense: "-ed" after a listed stem
    /// ("ended", "located"), not "feed" or "speed".
    func isPastTense(_ word: String) -> Bool {
        guard word.hasSuffix("ed"), word.utf8.count >= 5 else { return false }
        let stem = Array(word.utf8.dropLast(2))
        var stems = [stem, stem + [0x65]]
        if stem.count >= 2, stem[stem.count - 1] == stem[stem.count - 2] { stems.append(Array(stem.dropLast())) }
        if stem.last == 0x69 { stems.append(stem.dropLast() + [0x79]) }
        return stems.contains { words.contains(String(decoding: $0, as: UTF8.self)) }
    }
}
