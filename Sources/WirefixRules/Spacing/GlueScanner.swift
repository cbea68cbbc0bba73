import WirefixEngine
import WirefixLexicon

/// Where spaces go in one glued token, and the evidence for it.
struct GlueSplit {
    /// UTF-8 byte offsets in the document, inside the token, before which a space goes; ascending.
    var cuts: [Int]
    /// 0...1; see ``GluedWordsRule`` for the scale.
    var confidence: Double
    /// The lexicon entity the split relied on, if any.
    var entityID: String?
    /// One line of evidence.
    var explanation: String
    /// Whether the split rests on English words alone (two words, an acronym and a word, a
    /// function word), not on a lexicon or name-list name: then code and cited words look the
    /// same, and ``GlueScanner/isCode(at:split:fences:)`` decides.
    var isEnglish = false
    /// Whether the split is function-word glue from the closed lists of machine translation
    /// ("inthe", "saidthat"): no identifier is spelled so, so only code lines and code spans
    /// keep it from being applied, not a word for a code object nearby ("calling forthe").
    var isClosedList = false
}

/// Finds the best way to split one word token of a document, for ``GluedWordsRule``.
///
/// Every candidate kind (name + word, joined name, acronym + word, two English words) proposes a
/// ``GlueSplit``; the one with the highest confidence wins. Cheap checks come first: most tokens
/// are listed English words and are rejected after one fold and one hash lookup.
struct GlueScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    let context: RuleContext
    /// `context.words` and `context.gazetteer`, read once per document: reading them through the
    /// context for every probe copied the tables' structs (reference-count traffic) each time.
    let words: EnglishWordList
    let gazetteer: Gazetteer
    /// The word list's answers for ASCII tokens seen before (``isListed(_:isASCII:)``).
    let memo: ListedWordMemo
    /// Per-line facts (machine lines, backticks), each line read once however many candidates
    /// it holds.
    let lines = LineMemoBox()

    /// The most tokens before a glued token that may belong to the same name.
    static let maximumNamePrefix = 4

    init(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], context: RuleContext, memo: ListedWordMemo) {
        self.bytes = bytes
        self.tokens = tokens
        self.context = context
        self.memo = memo
        words = context.words
        gazetteer = context.gazetteer
    }

    /// The longest token, in UTF-8 bytes, that is tried: two words or a name and a word run
    /// together are far shorter (the longest in the evaluation corpus is 18 bytes), and a run of
    /// letters longer than this (a hash, an encoded blob, a stretch of text with every space lost)
    /// is no glue this rule can repair; trying it would cost O(*L*²).
    static let maximumTokenLength = 96

    /// The best split of token `index`, or `nil` when the token is not glued.
    ///
    /// - Complexity: O(1) for a listed word or a token longer than ``maximumTokenLength``;
    ///   otherwise O(*L*² · *p*) for a token of *L* bytes and *p* ≤ ``maximumNamePrefix`` name
    ///   paths (each cut folds its head and tail).
    func bestSplit(at index: Int) -> GlueSplit? {
        let token = tokens[index]
        if token.shape.contains(.hasDigit) {
            // The decimals of a number ("2.5percent": "5percent" after "2.") are no dotted name.
            let start = token.range.lowerBound
            let decimals = start >= 2 && (bytes[start - 1] == 0x2E || bytes[start - 1] == 0x2C) && ByteClass.isDigit(bytes[start - 2])
            return decimals || !isMachineText(token) ? numberGlue(token) : nil
        }
        guard token.range.count >= 3, token.range.count <= Self.maximumTokenLength, token.shape.contains(.hasLetter),
              !token.shape.contains(.hasDigit), !token.isAllUppercase else { return nil }
        let isASCII = token.shape.contains(.ascii)
        if memo.isListedOrComponent(token.range, in: bytes, isASCII: isASCII, words: words, gazetteer: gazetteer) { return nil }
        guard !isMachineText(token) else { return nil }

        var best: GlueSplit?
        func consider(_ split: GlueSplit?) {
            guard let split else { return }
            if best == nil || split.confidence > best!.confidence { best = split }
        }
        consider(nameAndWord(at: index))
        if token.shape.contains(.innerUppercase) {
            consider(joinedName(at: index))
            consider(wordAndName(at: index))
        } else if token.shape.contains(.hasLowercase), ByteClass.isUpper(bytes[token.range.lowerBound]),
                  ByteClass.isUpper(bytes[token.range.lowerBound + 1]) {
            // An acronym glued to a name: "PSUVDiosdado".
            consider(wordAndName(at: index))
        }
        if token.shape.contains(.ascii) && token.isLowercase, let contraction = contractionGlue(token) {
            var split = contraction
            split.isEnglish = true
            consider(split)
        }
        if token.shape.contains(.ascii) && !isWordInternal(token) {
            func english(_ split: GlueSplit?) -> GlueSplit? {
                split.map { var split = $0; split.isEnglish = true; return split }
            }
            consider(english(acronymAndWord(token)))
            if token.isLowercase || token.isTitleCase { consider(english(functionWordGlue(token))) }
            if token.isLowercase || token.isTitleCase { consider(english(englishWords(token))) }
        }
        return best
    }

    /// Whether the bytes `range` of a word token, folded, are a listed English word:
    /// `words.contains(token:in:isASCII:)`, through the memo for ASCII.
    func isListed(_ range: Range<Int>, isASCII: Bool) -> Bool {
        isASCII ? memo.containsASCII(range, in: bytes, words: words) : words.contains(token: range, in: bytes, isASCII: false)
    }

    // MARK: Context

    /// Whether the token is part of a URL, path, e-mail address, file name or identifier: next to
    /// `. _ / \ @ # $ % & * + = < > ` ~ ^ |` or a bracket, before `(`, `.x` or `::`, or with an operator
    /// (``isOperator(_:)``) before or after it across spaces.
    func isMachineText(_ token: Token) -> Bool {
        let start = token.range.lowerBound
        let end = token.range.upperBound
        if start > 0 {
            switch bytes[start - 1] {
            case 0x2E, 0x5F, 0x2F, 0x5C, 0x40, 0x23, 0x24, 0x25, 0x26, 0x2A, 0x2B, 0x3D, 0x3C, 0x3E, 0x60, 0x7E, 0x5E, 0x7C, 0x5B, 0x7B:
                return true
            default: break
            }
        }
        if end < bytes.count {
            let next = bytes[end]
            switch next {
            case 0x5F, 0x2F, 0x5C, 0x40, 0x23, 0x24, 0x25, 0x26, 0x2A, 0x2B, 0x3D, 0x3C, 0x3E, 0x60, 0x7E, 0x5E, 0x7C, 0x28, 0x5D, 0x7D:
                return true
            case 0x2E, 0x3A:
                if end + 1 < bytes.count, ByteClass.isWordByte(bytes[end + 1]) || bytes[end + 1] == next || bytes[end + 1] == 0x2F {
                    return true
                }
            default: break
            }
        }
        // Code: `name = value`, `while name < limit:`.
        var after = end
        while after < bytes.count, bytes[after] == 0x20 { after += 1 }
        if after < bytes.count, after > end, ByteClass.isOperator(bytes[after]) { return true }
        var before = start
        while before > 0, bytes[before - 1] == 0x20 { before -= 1 }
        if before > 0, before < start, ByteClass.isOperator(bytes[before - 1]) { return true }
        return false
    }

    /// A possessive or contraction glued to the next word: after a word and an apostrophe, the
    /// token starts with "s", "t", "ll", "re", "ve", "d" or "m" and the rest is a frequent
    /// English word of three letters or more (rank ≤ 20,000), while the token is no word
    /// ("Milei'sgovernment" → "Milei's government", "don'tknow" → "don't know"). 0.85.
    func contractionGlue(_ token: Token) -> GlueSplit? {
        let start = token.range.lowerBound
        guard let length = ByteClass.apostropheLength(endingAt: start, in: bytes) else { return nil }
        let apostrophe = start - length
        // A letter before the apostrophe ("Milei'", "Peña'": the last byte of a non-ASCII letter).
        guard apostrophe > 0 else { return nil }
        let before = bytes[apostrophe - 1]
        guard ByteClass.isLower(before) || ByteClass.isUpper(before) || before & 0xC0 == 0x80 else { return nil }
        let text = String(decoding: bytes[token.range], as: UTF8.self)
        guard !isListed(token.range, isASCII: true) else { return nil }
        // The word before the apostrophe, lowercased (ASCII letters; empty for others).
        var wordStart = apostrophe
        while wordStart > 0, ByteClass.isLower(bytes[wordStart - 1]) || ByteClass.isUpper(bytes[wordStart - 1]) { wordStart -= 1 }
        let host = String(decoding: bytes[wordStart..<apostrophe], as: UTF8.self).lowercased()
        for clitic in Self.clitics where text.hasPrefix(clitic) {
            // Each contraction after its own hosts: "I'm", "don't", "they'll"; "s" after any word.
            switch clitic {
            case "m": guard host == "i" else { continue }
            case "t": guard host.hasSuffix("n"), host.utf8.count >= 2 else { continue }
            case "d", "ll", "re", "ve": guard Self.contractionHosts.contains(host) else { continue }
            default: break
            }
            let rest = String(text.dropFirst(clitic.count))
            guard rest.utf8.count >= 3, let restRank = rank(rest), restRank <= 20_000 else { continue }
            return GlueSplit(cuts: [start + clitic.utf8.count], confidence: 0.85, entityID: nil,
                             explanation: "\"\(text)\" after an apostrophe is \"\(clitic)\" glued to the word \"\(rest)\" (rank \(restRank))")
        }
        return nil
    }

    /// A number glued to the word of quantity after it ("5percent", "300million", "40years"):
    /// digits (with "." or "," inside) then one of ``quantityWords`` in lowercase. Units written
    /// short stay ("10km", "5pm", "4G", "3rd"). 0.85.
    func numberGlue(_ token: Token) -> GlueSplit? {
        guard token.shape.contains(.ascii), token.range.count <= 24 else { return nil }
        var cut = token.range.lowerBound
        while cut < token.range.upperBound, ByteClass.isDigit(bytes[cut]) { cut += 1 }
        guard cut > token.range.lowerBound, cut < token.range.upperBound else { return nil }
        // A number's own separators end the token before ("2.5" is "2", ".", "5"): the digits
        // right before are enough; a letter before the token makes it an identifier ("A380s").
        if token.range.lowerBound > 0, ByteClass.isLower(bytes[token.range.lowerBound - 1]) || ByteClass.isUpper(bytes[token.range.lowerBound - 1]) { return nil }
        // A call's argument: "wait(5minutes)".
        if token.range.lowerBound > 1, bytes[token.range.lowerBound - 1] == 0x28, ByteClass.isWordByte(bytes[token.range.lowerBound - 2]) { return nil }
        let word = String(decoding: bytes[cut..<token.range.upperBound], as: UTF8.self)
        guard Self.quantityWords.contains(word) else { return nil }
        let number = String(decoding: bytes[token.range.lowerBound..<cut], as: UTF8.self)
        var split = GlueSplit(cuts: [cut], confidence: 0.85, entityID: nil,
                              explanation: "the number \"\(number)\" glued to the word \"\(word)\"")
        // Read as English: code keeps it ("sleep(5minutes)" is no prose).
        split.isEnglish = true
        return split
    }

    /// Words of quantity that follow a number in news copy, written in full.
    static let quantityWords: Set<String> = [
        "percent", "million", "millions", "billion", "billions", "trillion", "thousand", "thousands", "hundred",
        "dollars", "euros", "pesos", "bolivars", "reais", "soles", "years", "months", "weeks", "days", "hours",
        "minutes", "people", "points", "votes", "deaths", "cases", "tons", "kilometers", "kilometres",
    ]

    /// What follows an apostrophe in a possessive or a contraction, longest first.
    static let clitics = ["ll", "re", "ve", "s", "t", "d", "m"]

    /// The words "'d", "'ll", "'re" and "'ve" contract with.
    static let contractionHosts: Set<String> = [
        "i", "you", "he", "she", "it", "we", "they", "who", "what", "that", "there", "where",
        "would", "could", "should", "might", "must",
    ]

    /// Whether the token continues a word across a hyphen or apostrophe ("O'Donnell", "e-mail"):
    /// English splits are not tried on such pieces.
    func isWordInternal(_ token: Token) -> Bool {
        let start = token.range.lowerBound
        guard start > 0 else { return false }
        let previous = bytes[start - 1]
        if previous == 0x2D || previous == 0x27 { return start > 1 && ByteClass.isWordByte(bytes[start - 2]) }
        // U+2019 RIGHT SINGLE QUOTATION MARK.
        if start >= 3, bytes[start - 3] == 0xE2, bytes[start - 2] == 0x80, bytes[start - 1] == 0x99 { return true }
        return false
    }

    // MARK: English helpers

    /// The rank of a lowercase word, or `nil`.
    func rank(_ word: String) -> Int? { words.rank(of: word) }

    /// How plausibly an English tail stands after a name glued to it.
    enum TailAfterName {
        /// A word that follows names in news copy: a function or clause word, a finite or
        /// reporting verb, a regular past tense ("Penaindicated", "rodriguezmet", "Roblesby").
        case followsNames
        /// Another frequent listed word of ≥ 5 letters ("mingxiangtopics"): plausible after a
        /// full name, but it says less.
        case contentWord
    }

    /// The length in bytes of the longest name ending (``GluedWordsVocabulary/nameEndingsAcrossCut``)
    /// that the folded token ends with, or 0.
    func nameEndingLength(of folded: String) -> Int {
        var longest = 0
        var copy = folded
        copy.withUTF8 { utf8 in
            for (ending, bytes) in Self.nameEndingBytes where bytes.count > longest && utf8.count >= bytes.count {
                // The endings are lowercase ASCII, which no other character equals: a folded
                // token that ends with one ends with its bytes. Compared on the bytes first,
                // then as `hasSuffix` does (a byte match inside a grapheme cluster is none).
                guard utf8[(utf8.count - bytes.count)...].elementsEqual(bytes), folded.hasSuffix(ending) else { continue }
                longest = bytes.count
            }
        }
        return longest
    }

    /// ``GluedWordsVocabulary/nameEndingsAcrossCut`` with their UTF-8 bytes.
    static let nameEndingBytes: [(String, [UInt8])] = GluedWordsVocabulary.nameEndingsAcrossCut.map { ($0, Array($0.utf8)) }

    /// Whether the rest `tail` (folded) of a token can be a word glued after a name, and how
    /// plausibly; `nil` when it cannot. `endingLength` is the token's ``nameEndingLength(of:)``.
    ///
    /// Tails of ≤ 3 letters only from ``GluedWordsVocabulary/shortWordsAfterName`` ("Wang
    /// Yi|han", "Sergio Massa|net" are longer names); never a cut inside a name ending
    /// (``GluedWordsVocabulary/nameEndingsAcrossCut``: "Abrams|on" is "Abramson"), a common name
    /// ending ("Quinterolas") or a suffix ("Robleson").
    func tailAfterName(_ tail: String, endingLength: Int) -> TailAfterName? {
        let length = tail.utf8.count
        if endingLength > length { return nil }
        if length <= 3 { return GluedWordsVocabulary.shortWordsAfterName.contains(tail) ? .followsNames : nil }
        guard let tailRank = rank(tail), !GluedWordsVocabulary.nameEndings.contains(tail),
              !GluedWordsVocabulary.suffixTails.contains(tail) else { return nil }
        if GluedWordsVocabulary.clauseWords.contains(tail) || GluedWordsVocabulary.weakClauseWords.contains(tail)
            || GluedWordsVocabulary.finiteVerbs.contains(tail) || GluedWordsVocabulary.wordsAfterName.contains(tail)
            || GluedWordsVocabulary.sentenceStarts.contains(tail) || isPastTense(tail) {
            return .followsNames
        }
        return length >= 5 && tailRank <= 10_000 ? .contentWord : nil
    }
}
