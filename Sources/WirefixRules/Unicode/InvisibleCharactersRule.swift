import WirefixEngine
import WirefixLexicon

/// Removes invisible characters that split a word of a Latin, Cyrillic or Greek text
/// ("Ca\u{200B}bello" → "Cabello"), where they break name matching and search.
///
/// **Which characters.** U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+00AD SOFT HYPHEN,
/// U+200C ZERO WIDTH NON-JOINER, U+200D ZERO WIDTH JOINER, U+FEFF ZERO WIDTH NO-BREAK SPACE
/// (byte-order mark), the invisible operators U+2061–U+2064 (function application, times,
/// separator, plus), U+180E MONGOLIAN VOWEL SEPARATOR and U+034F COMBINING GRAPHEME JOINER.
/// The operators and the Mongolian separator mean nothing between Latin, Cyrillic or Greek
/// letters and are treated as a zero-width space; the grapheme joiner, which can keep two
/// letters from sorting as one ("c\u{34F}h"), as a non-joiner. Line and paragraph separators
/// (U+2028, U+2029) are line breaks, not debris, and are left alone.
///
/// **When.** Only a run of them between two letters (combining marks belong to their letter)
/// of the Latin, Cyrillic or Greek script is considered, and then:
/// - a lowercase letter before it and a capital after it is a boundary between two words
///   ("President\u{2060}Maduro"): deleting the run would glue them, so a space replaces it —
///   applied when the word before is an English word and the word after a lexicon name
///   component, else only suggested ("Mc\u{200B}Donald");
/// - inside a word, a zero-width space, word joiner, BOM, invisible operator or Mongolian
///   vowel separator has no typographic meaning and is removed; but between two whole words that make no word together ("white\u{200B}house",
///   "senator\u{200B}cabello") it stood for a space, and a space replaces it (applied when both
///   are common English words or lexicon name components, else only suggested);
/// - between the two words of a phrase that is also one word run together ("may\u{200B}be",
///   "every\u{200B}day") only the sentence tells debris from a lost space: only suggested;
/// - a soft hyphen is a hyphenation point, a non-joiner or joiner controls a ligature
///   ("Donau\u{AD}dampf\u{AD}schiff", "Auf\u{200C}lage") and a grapheme joiner keeps a digraph
///   apart, all deliberate in some copy. They are
///   removed only when the word, without them, is a lexicon name component or an English word
///   (where they only break matching and search); elsewhere the removal is only suggested.
///
/// **Kept:**
/// - a BOM at the very start of the text;
/// - any of them right after "Ã", "Â", "Ă" or "√": most likely a byte of mojibake
///   ("RodrÃ\u{AD}guez"), left for the ``MojibakeRule``;
/// - joiners in emoji sequences (👨‍👩‍👧); ZWNJ/ZWJ and ZWSP between letters of scripts that use
///   them (Persian, Arabic, Indic, Thai, …);
/// - any of them between words or next to digits or punctuation, including a BOM at the start of
///   a later line (concatenated files): there they do not split a name and may be deliberate
///   (line-break hints in URLs, joiners in emoji), so Wirefix leaves them alone.
struct InvisibleCharactersRule: Rule {
    static let description = RuleDescription(
        identifier: "invisible_characters",
        name: "Invisible Characters",
        summary: "Removes zero-width characters and soft hyphens that split Latin, Cyrillic or Greek words",
        discussion: """
            Detects: U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+00AD SOFT HYPHEN, U+200C ZERO WIDTH \
            NON-JOINER, U+200D ZERO WIDTH JOINER, U+FEFF (BOM), the invisible operators U+2061–U+2064 \
            (function application, times, separator, plus), U+180E MONGOLIAN VOWEL SEPARATOR (a \
            space until Unicode 6.3) and U+034F COMBINING GRAPHEME JOINER between two Latin, Cyrillic \
            or Greek letters (U+2028 and U+2029 are line breaks and left alone). Fixes and evidence: \
            inside a word, a zero-width space, word joiner, BOM, invisible operator or Mongolian \
            vowel separator is removed (0.95); between two whole words that make no word together \
            ("white\u{200B}house") it stood for a space and is replaced by one, never deleted (0.85 \
            when both are among the 10,000 most frequent English words or are lexicon name \
            components, and both are lowercase or both capitalized name components; else 0.5: a \
            capital on either side or a "#"/"@" before is the shape of a brand, hashtag or handle \
            written as one word, "Face\u{200B}book", "#Free\u{200B}Venezuela", where deleting may be \
            the repair). Between the two words of a phrase that is one word run together too \
            ("may\u{200B}be", "every\u{200B}day", "in\u{200B}to", "a\u{200B}new", "I\u{200B}ran", \
            "turn\u{200B}out", "in\u{200B}sight"), or two words that make a rare word \
            ("king\u{200B}pin", "can\u{200B}not"), or two common words that make a word \
            ("may\u{200B}or", "be\u{200B}long", "rain\u{200B}bow"), it may be debris or a lost \
            space: only suggested (0.5); person nouns are joined ("police\u{200B}man", \
            "congress\u{200B}woman", "ring\u{200B}leader"). A soft hyphen (a hyphenation point), a non-joiner or joiner (a \
            ligature control, "Auf\u{200C}lage") or a grapheme joiner (which keeps a digraph apart) \
            may be deliberate: removed when the word without \
            them is a lexicon name component or an English word (0.9 for soft hyphens, 0.95), \
            otherwise only suggested (0.5, "Donau\u{AD}dampf\u{AD}schiff"). Between a lowercase \
            letter and a capital the run separates two words ("President\u{2060}Maduro"): it is \
            replaced by a space, never just deleted — 0.85 when the first word is an English \
            word or a lexicon name component and the second a lexicon name component, and the first is \
            lowercase or a title of office with no "#"/"@" before it, else 0.5 ("Mc\u{200B}Donald", "Soft\u{200B}Bank"). Kept: a \
            leading BOM, anything right after a mojibake lead (Ã, Â, Ă, √), joiners in emoji \
            and in scripts that need them (Persian, Arabic, Indic), break hints in Thai or \
            Japanese, and zero-width characters between words, which do not split a name.
            """,
        phase: .unicode,
        examples: [
            .fix("The senator Ca⟦\u{200B}⟧bello answered.", "The senator Cabello answered."),
            .fix("Delcy Rodr⟦\u{2060}⟧íguez", "Delcy Rodríguez"),
            .fix("Diosdado Ca⟦\u{AD}⟧bel⟦\u{AD}⟧lo", "Diosdado Cabello"),
            .fix("Ma⟦\u{200C}⟧duro", "Maduro"),
            .fix("Ma⟦\u{200D}⟧duro", "Maduro"),
            .fix("Pe⟦\u{FEFF}⟧ña", "Peña"),
            .fix("Ca⟦\u{200B}\u{200B}\u{AD}⟧bello", "Cabello"),
            .fix("Пу⟦\u{200B}⟧тин", "Путин"),
            .fix("Τσί⟦\u{200B}⟧πρας", "Τσίπρας"),
            .fix("Rodri\u{301}⟦\u{200B}⟧guez", "Rodri\u{301}guez"),
            .fix("The infor⟦\u{AD}⟧mation was wrong.", "The information was wrong."),
            .fix("The Unter⟦\u{200B}⟧suchung ended.", "The Untersuchung ended."),
            .fix("The President⟦\u{2060}⟧Maduro spoke.", "The President Maduro spoke."),
            .fix("The minister⟦\u{200B}⟧Cabello spoke.", "The minister Cabello spoke."),
            // Between two whole words that make no word together it stood for a space.
            .fix("They met at the white⟦\u{200B}⟧house on Monday.", "They met at the white house on Monday."),
            .fix("The old⟦\u{200B}⟧castle was closed.", "The old castle was closed."),
            .fix("The central⟦\u{200B}⟧bank raised rates.", "The central bank raised rates."),
            .fix("They walked in the rose⟦\u{200B}⟧garden.", "They walked in the rose garden."),
            .fix("A word⟦\u{2060}⟧bridge spans the gap.", "A word bridge spans the gap."),
            .fix("The senator⟦\u{200B}⟧cabello spoke.", "The senator cabello spoke."),
            .fix("Delcy⟦\u{200B}⟧Rodríguez spoke.", "Delcy Rodríguez spoke."),
            // A phrase that is also one word: debris or a lost space, only the sentence tells.
            .suggest("The talks may\u{200B}be delayed until March."),
            .fix("Each candidate had a⟦\u{200B}⟧lot of support.", "Each candidate had a lot of support."),
            .fix("The senator Ca⟦\u{200B}⟧bello, a\u{200B}part from the others, answered.", "The senator Cabello, a\u{200B}part from the others, answered."),
            .suggest("The team will work every\u{200B}day until the vote."),
            .suggest("He turned himself in\u{200B}to the police."),
            .suggest("Congress passed a\u{200B}new law, and it was a\u{200B}typical day."),
            .suggest("I\u{200B}ran to the station, the witness said."),
            .fix("Asked a⟦\u{2060}⟧bout the protests, the group said it would a⟦\u{2060}⟧ppeal; A⟦\u{2060}⟧nalysts and I⟦\u{2060}⟧rma agreed.", "Asked about the protests, the group said it would appeal; Analysts and Irma agreed."),
            .suggest("Voters will turn\u{200B}out in large numbers, and the army will crack\u{200B}down."),
            .suggest("There is no end in\u{200B}sight for the strike."),
            .suggest("The court can\u{200B}not rule before June."),
            .suggest("The drug king\u{200B}pin was extradited."),
            .fix("The congress⟦\u{200B}⟧woman voted against the bill.", "The congresswoman voted against the bill."),
            .fix("The ring⟦\u{200B}⟧leader was arrested.", "The ringleader was arrested."),
            .fix("The infor⟦\u{200B}⟧mation was wrong.", "The information was wrong."),
            .suggest("The rain\u{200B}bow faded, and the vote may\u{200B}or may not happen."),
            .suggest("It will not be\u{200B}long before a group of\u{200B}ten lawmakers walk out."),
            .fix("The police⟦\u{200B}⟧man was arrested.", "The policeman was arrested."),
            .suggest("Donau\u{AD}dampf\u{AD}schiff"),
            .suggest("Die Auf\u{200C}lage war groß."),
            .suggest("He ate at Mc\u{200B}Donald's."),
            .suggest("The brand\u{2060}Name stays."),
            // A capital on either side, or "#"/"@" before: a brand, hashtag or handle written as
            // one word may have lost the character or had it replace a space: only suggested.
            .suggest("Shares of Face\u{200B}book fell."),
            .suggest("The firm Soft\u{200B}Bank invested."),
            .suggest("Shares of Snap\u{200B}chat fell."),
            .suggest("Files on Drop\u{200B}box leaked."),
            .suggest("The Star\u{200B}link dish arrived."),
            .suggest("Sales\u{200B}force hired."),
            .suggest("Word\u{200B}Press sites were hacked."),
            .suggest("The Hot\u{200B}mail account."),
            .suggest("The Bay\u{200B}watch actor."),
            .suggest("The hashtag #Free\u{200B}Venezuela trended."),
            .suggest("The hashtag #Maduro\u{200B}Out trended."),
            .suggest("He wrote to @free\u{200B}press."),
            // Invisible operators and the Mongolian vowel separator are debris between letters
            // of these scripts, like a zero-width space; a grapheme joiner, like a non-joiner.
            .fix("Colombian President Gustavo Pe⟦\u{2063}⟧tro spoke.", "Colombian President Gustavo Petro spoke."),
            .fix("Colombian President Gustavo Pe⟦\u{180E}⟧tro spoke.", "Colombian President Gustavo Petro spoke."),
            .fix("The go⟦\u{2062}⟧vern⟦\u{2061}⟧ment and the oppo⟦\u{2064}⟧sition met.", "The government and the opposition met."),
            .fix("Delcy Rodr⟦\u{2063}\u{200B}⟧íguez", "Delcy Rodríguez"),
            .fix("Пу⟦\u{180E}⟧тин", "Путин"),
            .fix("They met at the white⟦\u{2063}⟧house on Monday.", "They met at the white house on Monday."),
            .fix("The President⟦\u{180E}⟧Maduro spoke.", "The President Maduro spoke."),
            .suggest("The talks may\u{2063}be delayed until March."),
            .suggest("Shares of Face\u{180E}book fell."),
            .fix("Ma⟦\u{34F}⟧duro", "Maduro"),
            .fix("The infor⟦\u{34F}⟧mation was wrong.", "The information was wrong."),
            .suggest("The Czech liqueur Bec\u{34F}herovka."),
            .keep("A grapheme joiner before a mark, a\u{34F}\u{308}, stays."),
            .keep("In MathML, f\u{2061}(x), 2\u{2062}x and 1\u{2064}¾ stay."),
            .keep("Mongolian ᠲᠠᠷᠢᠶ\u{180E}ᠠ keeps its vowel separator."),
            .keep("A line\u{2028}separator and a paragraph\u{2029}separator are line breaks."),
            .keep("\u{FEFF}A text that starts with a byte-order mark."),
            .keep("First file.\n\u{FEFF}Second file, and a BOM \u{FEFF} between words."),
            .keep("A family 👨‍👩‍👧 and a rainbow flag 🏳️‍🌈."),
            .keep("Persian می\u{200C}خواهم and Hindi क्\u{200D}ष."),
            .keep("Thai ภาษา\u{200B}ไทย uses break hints."),
            .keep("Between words\u{200B} and \u{200B}here, in a URL example.com/\u{200B}path."),
            .keep("Digits 12\u{200B}345 and x\u{200B}2."),
            .keep("Arabic letters مر\u{200D}حبا with a joiner."),
            .keep("Mojibake RodrÃ\u{AD}guez is left to the mojibake rule."),
            .keep("Plain text, no invisible characters: Cabello, Peña."),
        ])

    /// The invisible characters this rule handles: the ones with no meaning inside a word of
    /// these scripts (``isDebris(_:)``) and the ones that may be deliberate there (a soft hyphen,
    /// the non-joiner and joiner, the combining grapheme joiner).
    static func isInvisible(_ value: UInt32) -> Bool {
        isDebris(value) || value == 0xAD || value == 0x200C || value == 0x200D || value == 0x34F
    }

    /// The invisible characters that mean nothing between two Latin, Cyrillic or Greek letters:
    /// U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+FEFF (BOM), the invisible mathematical
    /// operators U+2061 FUNCTION APPLICATION, U+2062 INVISIBLE TIMES, U+2063 INVISIBLE SEPARATOR
    /// and U+2064 INVISIBLE PLUS, and U+180E MONGOLIAN VOWEL SEPARATOR (a space until Unicode
    /// 6.3, used between Mongolian letters only). Inside a word they are debris; between two
    /// whole words they stood for a space.
    static func isDebris(_ value: UInt32) -> Bool {
        switch value {
        case 0x200B, 0x2060, 0xFEFF, 0x2061...0x2064, 0x180E: return true
        default: return false
        }
    }

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        if document.isASCII { return [] }
        var result: [Correction] = []
        document.withBytes { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                // Cheap scan: every target starts with C2, CD, E1, E2 or EF, none of them ASCII.
                index = ByteSearch.firstNonASCII(in: bytes, from: index, to: count)
                guard index < count else { break }
                let byte = bytes[index]
                guard byte == 0xC2 || byte == 0xCD || byte == 0xE1 || byte == 0xE2 || byte == 0xEF else { index += 1; continue }
                let (value, length) = MojibakeDetector.decode(bytes, at: index)
                guard Self.isInvisible(value) else { index += length; continue }
                var end = index + length
                var values = [value]
                while end < count {
                    let (next, nextLength) = MojibakeDetector.decode(bytes, at: end)
                    guard Self.isInvisible(next) else { break }
                    values.append(next)
                    end += nextLength
                }
                if let correction = correction(for: index..<end, values: values, in: bytes, document: document, context: context) {
                    result.append(correction)
                }
                index = end
            }
        }
        return result
    }

    /// The correction for one run of invisible characters, or `nil` to keep it.
    private func correction(
        for range: Range<Int>, values: [UInt32], in bytes: UnsafeBufferPointer<UInt8>, document: Document,
        context: RuleContext
    ) -> Correction? {
        let before = Self.baseLetter(before: range.lowerBound, in: bytes)
        let after = range.upperBound < bytes.count ? MojibakeDetector.decode(bytes, at: range.upperBound).0 : nil
        let names = values.map { MojibakeDetector.codePoint($0) + " " + (Unicode.Scalar($0)?.properties.name ?? "") }
        let unique = names.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let original = document.text(in: range)
        // After "Ã", "Â", "Ă" or "√" a soft hyphen or no-break character is most likely the second
        // byte of UTF-8 read through a code page ("RodrÃ\u{AD}guez"); removing it would destroy
        // what the mojibake rule needs, so it is left to that rule.
        if let before, [0xC2, 0xC3, 0x102, 0x221A].contains(before) { return nil }
        guard Self.isWordLetter(before), Self.isWordLetter(after) else { return nil }
        let left = String(Unicode.Scalar(before!)!), right = String(Unicode.Scalar(after!)!)
        let what = unique.joined(separator: ", ")
        func make(_ replacement: String, _ confidence: Double, _ explanation: String) -> Correction {
            Correction(
                ruleID: Self.description.identifier, range: TextRange(range), original: original, replacement: replacement,
                confidence: confidence, explanation: explanation)
        }
        let previousWord = Self.letters(endingAt: range.lowerBound, in: bytes)
        let nextWord = Self.letters(startingAt: range.upperBound, in: bytes)
        // A lowercase letter, then a capital: a boundary between two words ("President⁠Maduro").
        // Deleting the character would glue them; a space goes in its place when the first is an
        // English word and the second a lexicon name component, else that is only suggested.
        if ScalarCase.isLower(before), ScalarCase.isUpper(after) {
            let head = Folding.fold(previousWord)
            let knownHead = (context.words.contains(head) || context.gazetteer.entitiesByComponent[head] != nil)
                && !Self.namePrefixes.contains(head)
            let knownName = context.gazetteer.entitiesByComponent[Folding.fold(nextWord)] != nil
            // A capitalized first word ("Soft\u{200B}Bank", "Black\u{200B}Rock") or a "#"/"@" before it
            // ("#Free\u{200B}Venezuela") is the shape of a brand, hashtag or handle written as one
            // word: applied only after a title of office or a name component ("President\u{2060}Maduro",
            // "Delcy\u{200B}Rodríguez").
            let headStart = range.lowerBound - previousWord.utf8.count
            let marked = headStart > 0 && (bytes[headStart - 1] == 0x23 || bytes[headStart - 1] == 0x40)
            let capitalizedHead = previousWord.unicodeScalars.first.map { ScalarCase.isUpper($0.value) } ?? false
            let brandLike = marked || (capitalizedHead && !ContextCues.personTitles.contains(head)
                && context.gazetteer.entitiesByComponent[head] == nil)
            let confidence = knownHead && knownName && !brandLike ? 0.85 : 0.5
            return make(" ", confidence, "\(what) between the words \"\(previousWord)\" and \"\(nextWord)\"; replaced by a space"
                + (confidence < 0.7 ? " (the two may also be one name, as in \"McDonald\")" : ""))
        }
        // A zero-width space, word joiner or BOM means nothing inside a word: debris. Between
        // two whole words whose junction is no word ("white\u{200B}house", "senator\u{200B}cabello")
        // it stood for a space: deleting it would glue the words, so a space takes its place.
        if values.allSatisfy(Self.isDebris) {
            let junction = Self.wordBoundary(previousWord, nextWord, context: context)
            if case .twoWords(let common) = junction {
                // Only two lowercase words ("white\u{200B}house") are surely two words. A capital
                // on either side, or a "#"/"@" before, is the shape of a brand, hashtag or handle
                // written as one word ("Face\u{200B}book", "Soft\u{200B}Bank", "#Free\u{200B}Venezuela"):
                // deleting the character or spacing the words are then both possible, so only
                // suggested — unless both are capitalized lexicon name components ("Delcy\u{200B}Rodríguez").
                let shape = Self.boundaryShape(previousWord, nextWord, before: range.lowerBound, in: bytes, context: context)
                let applied = common && shape != .brandLike
                return make(" ", applied ? 0.85 : 0.5,
                            "\(what) between the words \"\(previousWord)\" and \"\(nextWord)\", which make no word together; replaced by a space"
                            + (applied ? "" : common
                               ? " (a capital or a \"#\"/\"@\" makes it look like a brand, hashtag or handle written as one word: deleting the character may be the repair)"
                               : " (one of them is a rare word: they may be one word split)"))
            }
            // "may\u{200B}be", "every\u{200B}day", "in\u{200B}to": a phrase that is one English word
            // run together too ("maybe", "everyday", "into"). The character may be
            // debris inside the one word or stand for the space between the two, and only the
            // sentence tells which ("The talks may be delayed"): suggested, not applied.
            if junction == .ambiguous || Self.isAmbiguousJunction(previousWord, nextWord, context: context) {
                return make("", 0.5, "\(what) between \"\(previousWord)\" and \"\(nextWord)\", which are words apart and together; "
                            + "it may be debris inside \"\(previousWord)\(nextWord)\" or stand for a space: \"\(previousWord) \(nextWord)\"")
            }
            return make("", 0.95, "\(what) inside a word, between \"\(left)\" and \"\(right)\"")
        }
        // A soft hyphen marks a hyphenation point, a non-joiner blocks a ligature ("Auf‌lage") and
        // a grapheme joiner keeps a digraph apart, all on purpose in some copy: removed only when the word they split is a known name
        // component or English word, where they only break matching and search.
        let word = Self.word(around: range, in: bytes)
        let folded = Folding.fold(word)
        let known = context.gazetteer.entitiesByComponent[folded] != nil || context.words.contains(folded)
        let confidence = values.allSatisfy { $0 == 0xAD } ? 0.9 : 0.95
        if known {
            return make("", confidence, "\(what) inside the word \"\(word)\", between \"\(left)\" and \"\(right)\"")
        }
        return make("", 0.5, "\(what) inside \"\(word)\", between \"\(left)\" and \"\(right)\"; may be an intentional hyphenation point, ligature blocker or grapheme joiner, as the word is neither a known name nor an English word")
    }

    /// How the letters on the two sides of an invisible run relate: ``Junction/twoWords(common:)``
    /// when each is an English word of rank 30,000 or better or a lexicon name component, of two
    /// letters or more (or "a" or "I" first: "a\u{200B}lot"), and together they are no word
    /// (nor an English given name: a surname such as "Whitehouse" is made of words) — `common`
    /// when both are among the 10,000 most frequent English words or are name components;
    /// ``Junction/ambiguous`` when together they are a rare English word (rank 30,000 to 60,000:
    /// "king\u{200B}pin", "can\u{200B}not"), which either reading may be; ``Junction/oneWord``
    /// when they read as one word: a common English word, a person noun of "-man", "-woman",
    /// "-person" or "-leader" ("congress\u{200B}woman", "ring\u{200B}leader"), or no two words.
    static func wordBoundary(_ previous: String, _ next: String, context: RuleContext) -> Junction {
        let head = Folding.fold(previous), tail = Folding.fold(next)
        // The words "a" and "I" may stand first ("a\u{200B}lot"); a single letter after is no word
        // ("Chin\u{200B}a").
        guard head.count >= 2 || head == "a" || head == "i", tail.count >= 2 else { return .oneWord }
        func rank(_ word: String) -> Int? {
            if context.gazetteer.entitiesByComponent[word] != nil { return 0 }
            return context.words.rank(of: word)
        }
        guard let headRank = rank(head), headRank <= 30_000, let tailRank = rank(tail), tailRank <= 30_000 else { return .oneWord }
        let joined = head + tail
        if let joinedRank = rank(joined) {
            if joinedRank <= 30_000 || personNounEndings.contains(tail) { return .oneWord }
            if joinedRank <= 60_000 { return .ambiguous }
        }
        if context.names.isGivenName(joined) { return .oneWord }
        return .twoWords(common: headRank <= 10_000 && tailRank <= 10_000)
    }

    /// What ``wordBoundary(_:_:context:)`` found.
    enum Junction: Equatable {
        case oneWord, ambiguous
        case twoWords(common: Bool)
    }

    /// The ends of English nouns for a person made of two words run together ("congresswoman",
    /// "spokesman", "ringleader").
    static let personNounEndings: Set<String> = ["man", "men", "woman", "women", "person", "people", "leader", "leaders"]

    /// Whether the letters on the two sides of an invisible run are the two words of an English
    /// phrase that is also one English word run together: one of ``phraseCompounds``
    /// ("may" + "be", "every" + "day"); "a" or "I" before a word they make a word or a name with
    /// ("a" + "new" → "anew", "a" + "typical", "I" + "ran" → "Iran"); or two words among the
    /// 20,000 most frequent that make a word ("turn" + "out", "every" + "body", "be" + "long",
    /// "rain" + "bow"). Then the character may be debris inside the word or stand for the space
    /// of the phrase. Nouns for a person (``personNounEndings``: "police" + "man") are one word.
    static func isAmbiguousJunction(_ previous: String, _ next: String, context: RuleContext) -> Bool {
        let head = Folding.fold(previous), tail = Folding.fold(next)
        if phraseCompounds.contains(head + " " + tail) { return true }
        let joined = head + tail
        let joinedIsWord = context.words.contains(joined)
        if head == "a" || head == "i" {
            // Only when what follows is a common word on its own ("a" + "new", "I" + "ran"):
            // "a" + "ppeal", "A" + "nalysts", "I" + "rma" are one word split after its first
            // letter, and so is "a" + "bout" (a rare word: "about").
            guard tail.count >= 2, (context.words.rank(of: tail) ?? Int.max) <= 10_000 else { return false }
            return joinedIsWord || context.gazetteer.entitiesByComponent[joined] != nil
                || !context.countries.countries(mentionedIn: previous + next).isEmpty
        }
        guard joinedIsWord, tail.count >= 2 else { return false }
        // Two common words that make a word together ("may" + "or", "of" + "ten", "be" +
        // "long", "turn" + "out", "every" + "body"): either reading may be meant (review 19);
        // only nouns for a person ("police" + "man") are surely one word.
        guard head.count >= 2, !personNounEndings.contains(tail) else { return false }
        return (context.words.rank(of: head) ?? Int.max) <= 20_000 && (context.words.rank(of: tail) ?? Int.max) <= 20_000
    }

    /// English phrases whose words, run together, are an English word too, and both read well in
    /// news copy: "may be"/"maybe", "every day"/"everyday", "in to"/"into", "can not"/"cannot".
    /// (Merriam-Webster's usage notes on these pairs.)
    static let phraseCompounds: Set<String> = [
        "may be", "any one", "any way", "any more", "every one", "every day", "some time", "some day",
        "in to", "on to", "can not", "a part", "all ready", "all together", "a while", "a way", "in sight", "some one",
    ]

    /// How the two words around an invisible run are written: ``BoundaryShape/lowercase`` when both
    /// are lowercase and no "#" or "@" precedes them; ``BoundaryShape/names`` when both are
    /// capitalized lexicon name components ("Delcy", "Rodríguez"); else ``BoundaryShape/brandLike``
    /// ("Face"+"book", "Soft"+"Bank", "#Free"+"Venezuela"). `before` is the UTF-8 byte offset of
    /// the run; the scan back over the first word is O(length of the word).
    static func boundaryShape(
        _ previous: String, _ next: String, before offset: Int, in bytes: UnsafeBufferPointer<UInt8>, context: RuleContext
    ) -> BoundaryShape {
        let start = offset - previous.utf8.count
        let marked = start > 0 && (bytes[start - 1] == 0x23 || bytes[start - 1] == 0x40)
        if marked { return .brandLike }
        let lower = { (word: String) in !word.unicodeScalars.contains { ScalarCase.isUpper($0.value) } }
        if lower(previous) && lower(next) { return .lowercase }
        let isName = { (word: String) in
            guard let first = word.unicodeScalars.first, ScalarCase.isUpper(first.value) else { return false }
            return context.gazetteer.entitiesByComponent[Folding.fold(word)] != nil
        }
        return isName(previous) && isName(next) ? .names : .brandLike
    }

    /// The case shape of two words around an invisible run; see ``boundaryShape(_:_:before:in:context:)``.
    enum BoundaryShape { case lowercase, names, brandLike }

    /// Lowercase particles that start names written with an inner capital ("McDonald",
    /// "MacArthur", "DeSantis", "LeBron", "VanDyke"): before a capital they are not a word.
    static let namePrefixes: Set<String> = ["mc", "mac", "de", "di", "da", "du", "del", "della", "le", "la", "van", "von", "o", "st", "fitz"]

    /// The letters and combining marks right before `offset` (invisible characters excluded).
    static func letters(endingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var start = offset
        while start > 0 {
            var lead = start - 1
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard isLetterOrMark(MojibakeDetector.decode(bytes, at: lead).0) else { break }
            start = lead
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }

    /// The letters and combining marks from `offset` on (invisible characters excluded).
    static func letters(startingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var end = offset
        while end < bytes.count {
            let (value, length) = MojibakeDetector.decode(bytes, at: end)
            guard isLetterOrMark(value) else { break }
            end += length
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    }

    /// The whole word around an invisible run, across further invisible characters, with the
    /// invisible characters left out: "Donau\u{AD}dampf\u{AD}schiff" → "Donaudampfschiff".
    static func word(around range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var start = range.lowerBound
        while start > 0 {
            var lead = start - 1
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            let value = MojibakeDetector.decode(bytes, at: lead).0
            guard isLetterOrMark(value) || isInvisible(value) else { break }
            start = lead
        }
        var end = range.upperBound
        while end < bytes.count {
            let (value, length) = MojibakeDetector.decode(bytes, at: end)
            guard isLetterOrMark(value) || isInvisible(value) else { break }
            end += length
        }
        var word = String.UnicodeScalarView()
        for scalar in String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).unicodeScalars
        where !isInvisible(scalar.value) {
            word.append(scalar)
        }
        return String(word)
    }

    /// Whether a scalar is a letter or a combining mark.
    static func isLetterOrMark(_ value: UInt32) -> Bool {
        if ScalarCase.isLetter(value) { return true }
        guard value >= 0x300, let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// The letter before `offset`, skipping combining marks (they belong to it); `nil` if the
    /// scalar there is not a letter or mark.
    static func baseLetter(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var position = offset
        while position > 0 {
            var lead = position - 1
            while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            let value = MojibakeDetector.decode(bytes, at: lead).0
            guard let scalar = Unicode.Scalar(value) else { return nil }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark:
                position = lead
            default:
                return value
            }
        }
        return nil
    }

    /// Whether `value` is a letter of the Latin, Cyrillic or Greek script.
    static func isWordLetter(_ value: UInt32?) -> Bool {
        guard let value, ScalarCase.isLetter(value) else { return false }
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0x24F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF:
            return true  // Latin
        case 0x370...0x3FF, 0x1F00...0x1FFF:
            return true  // Greek
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F:
            return true  // Cyrillic
        default:
            return false
        }
    }
}
