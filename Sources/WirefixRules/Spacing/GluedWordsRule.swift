import WirefixEngine
import WirefixLexicon

/// Splits word tokens that lost the space between two words.
///
/// Detects: a word token that is neither an English word nor a lexicon name component but reads
/// as two words run together: a name and the word after it ("Penaindicated", "Xi Jinpingsent",
/// "delcy rodriguezmet"), a name whose inner space was lost ("LanHu"), two English words
/// ("yearaccording", "Caribbeanbegan"), an acronym and the next sentence ("VTVThe"), a word
/// and the name after it ("ministerYván Gil") or function words ("saidthat", "inthe").
/// Fixes: inserts the missing space. It never changes letters: a names-phase rule restores
/// diacritics and capitals afterwards ("Rander Pena said" → "Rander Peña said").
///
/// Parentheses glued to words ("(CCP)who") are the concern of ``GluedParenthesesRule``.
struct GluedWordsRule: Rule {
    static let description = RuleDescription(
        identifier: "glued_words",
        name: "Glued Words",
        summary: "Inserts the space lost between two words run together",
        discussion: """
            Detects: a word token that is not in the English word list and is not itself a lexicon \
            name component, and that splits into two known parts. Only letters are split: tokens \
            with digits, tokens in URLs, paths, e-mail addresses or code (next to `_ / @ = .x`), \
            all-capital tokens and runs of letters longer than 96 bytes (a blob or a hash, never \
            two words) are left alone. Fixes: inserts a space at the cut. Kinds and evidence:
            - name + word ("Rander Penaindicated", "delcy rodriguezmet", "Lan Huwhere"): a prefix of \
            the token completes an untranslated lexicon name variant together with the tokens just \
            before it (walking the gazetteer trie), and the rest is a word that plausibly follows \
            a name: a clause or function word, a finite or reporting verb, a regular past tense; \
            words of ≤ 3 letters only from a closed list (by, of, for, met, the, was, who…), \
            because "Wang Yi|han", "Sergio Massa|net", "Jorge Glas|ser", "Li Qiang|wei" are longer \
            names; never a cut inside a name ending ("Abrams|on" is "Abramson": -son, -sen, -ez, \
            -es, -ov…) nor a common name ending or suffix ("las", "ova", "son"): 0.95 with a \
            frequent word (rank ≤ 10,000), 0.85 otherwise; any other frequent word of ≥ 5 letters \
            ("lin mingxiangtopics") after a full name of several tokens: 0.85. A one-token \
            variant (an acronym or alias) must be capitalized in the text and needs a head of ≥ 4 \
            letters and a frequent word that follows names for 0.85, else 0.6. A prefix that is \
            only a component of a person's name, right after a title or role word ("The minister \
            Roblesby contrast"), followed by a frequent word that follows names: 0.8; without the \
            title, a person's name component written capitalized that is no common English word \
            (rank > 10,000) before a finite or past-tense verb ("Maduroindicated", "Petrobegan"): \
            0.75; otherwise 0.5 (suggestion).
            - Spanish or Portuguese surname + word, for names outside the lexicon ("Jorge \
            Olivaresas", "Peñaindicated"): a prefix of ≥ 4 letters written as a name is a surname \
            of Lexicons/spanish/names.tsv and the rest is a frequent word (rank ≤ 10,000) that \
            follows names; the whole token must not itself be a listed or US Census name \
            ("Morais" is no "Mora is", "Serrato" no "Serra to"): 0.85 after a capitalized given \
            name, 0.8 after a title or role word or when the head carries the list's diacritics \
            ("Peña", "Saldaña"), else 0.6 (suggestion).
            - word or acronym + name ("leaderMaría Corina Machado", "ministerYván Gil", \
            "PSUVDiosdado Cabello"): a lowercase listed word (rank ≤ 20,000) or title word, or ≥ 2 \
            capitals, glued to a capitalized word that the next 1–3 tokens complete into an \
            untranslated lexicon variant: 0.9 after a word, 0.85 after an acronym; a one-token \
            name ("presidentMaduro") is not enough.
            - a number glued to a word of quantity written in full ("5percent", "300million", \
            "40years"; not "10km", "5pm", "3rd"): 0.85.
            - a possessive or contraction glued to the next word ("Milei'sgovernment", \
            "don'tknow", "they'vebeen"): after a letter and an apostrophe, "s" (after any word), \
            "t" (after "…n"), "m" (after "I"), "d", "ll", "re", "ve" (after a pronoun or modal), \
            then a frequent English word of ≥ 3 letters (rank ≤ 20,000), the token itself no \
            word: 0.85.
            - function-word glue of machine translation (closed lists): a preposition, \
            conjunction or reporting verb before "the" ("inthe", "ofthe", "saidthe") or a \
            reporting verb before a pronoun or determiner ("saidthat"): 0.9; in prose only (not in \
            quotes, call arguments or code lines), "the" before a frequent word of ≥ 4 letters \
            (rank ≤ 5,000, "thegovernment") and a frequent word of ≥ 4 letters (rank ≤ 10,000) \
            before "of" ("ministryof"), or a frequent noun of ≥ 6 letters by its ending (-tion, \
            -ment, -ing, -sal, -way, -ital, -ter, -ent…) before "on", "in", "at", "to" or "by" \
            ("proposalon", "highwayto", "capitalon"; not \
            "followon"): 0.85 in lowercase, 0.6 capitalized; "sizeof", \
            "instanceof" and other operators are never split.
            - name with its inner space lost ("LanHu", "DelcyRodriguez"): the parts between the \
            inner capitals, with the tokens before or after, spell an untranslated variant: 0.9.
            - two English words ("yearaccording", "Caribbeanbegan"): ASCII, ≥ 6 letters, lowercase \
            or capitalized, not a listed word plus an inflection or a prefix ("formatters", \
            "deallocated"). Of the cuts into a head of ≥ 3 letters and a tail of ≥ 3 that are both \
            listed, the best one counts: the tail is a clause word that never ends a compound \
            (the, that, who, was, according, last, next…) or a finite verb (began, said, announced…) and the \
            head is a frequent word (rank ≤ 10,000) of ≥ 4 letters: 0.9 and 0.85 (a clause word \
            after a head of rank ≤ 30,000 and ≥ 6 letters, "sharplyafter": 0.85); a capitalized \
            token needs a head of ≥ 5 letters, else 0.6. When two cuts give two listed words \
            ("drawshave": "draws have", "draw shave") the token is ambiguous: at most 0.6. Weaker \
            function words (and, for, with, from, about, will…), other past tenses and two \
            content words of rank ≤ 10,000 ("Starlink") are only suggested (0.5–0.6); combining \
            heads (multi, inter, sub, other, therein…) and suffix-like tails (-able, -land, \
            -ton…) are never cut.
            - acronym + next word ("VTVThe", "NATOsaid"): ≥ 2 capitals, then a capitalized word \
            that starts a sentence or clause (The, According, In…), or a lowercase clause word or \
            finite verb: 0.85. Other frequent words are only suggested ("USAToday", \
            "HTTPServer": 0.5–0.6, even when the acronym is a lexicon name). "IDs", "TVs", \
            "CEOs", "PhD", "iOS", "McDonald" have no such shape.
            Code is left alone: a token inside an inline code span (backticks); for the English \
            kinds also a token on a command or code line (indented listing, prompt `>>>`, `...`, \
            `$`, an import statement "from itertools import dropwhile"), in a fenced code block, \
            and, except for the closed-list function-word glue, a token quoted on its own \
            ("\"nextafter\"") or named as code by a word before or after it ("the function \
            dropwhile", "call nextafter", "the setdefault method", "the takewhile and dropwhile \
            functions"; the words for code objects are function, method, module, attribute, \
            variable, keyword, parameter, macro, identifier, builtin, callback, iterator, decorator).
            Ranks are 1-based frequency ranks in Lexicons/english/words.tsv. The thresholds were \
            tuned so that a sweep over 36 MB of clean English (licenses, Debian copyright files, \
            Python documentation and docstrings, fortunes) applies nothing, and over the 348,000 \
            words of a large American English dictionary almost nothing (obscure compounds).
            """,
        phase: .spacing,
        examples: [
            .fix("⟦Delcy\u{200B}Rodríguez⟧ said.", "Delcy Rodríguez said."),
            // Name + word.
            .fix("The vice minister, Rander ⟦Penaindicated⟧ on Twitter.", "The vice minister, Rander Pena indicated on Twitter."),
            .fix("On Friday delcy ⟦rodriguezmet⟧ the ambassador.", "On Friday delcy rodriguez met the ambassador."),
            .fix("He spoke with the ambassador Lan ⟦Huwhere⟧ both agreed.", "He spoke with the ambassador Lan Hu where both agreed."),
            .fix("The Chinese leader Xi ⟦Jinpingsent⟧ a letter.", "The Chinese leader Xi Jinping sent a letter."),
            .fix("The envoy greeted Delcy ⟦Rodriguezthe⟧ vice president.", "The envoy greeted Delcy Rodriguez the vice president."),
            .fix("The vice minister lin ⟦mingxiangtopics⟧ were raised.", "The vice minister lin mingxiang topics were raised."),
            .fix("The minister ⟦Roblesby⟧ contrast said nothing.", "The minister Robles by contrast said nothing."),
            // A lone surname of the lexicon, then a verb that follows names: no title needed.
            .fix("⟦Maduroindicated⟧ that the talks would resume.", "Maduro indicated that the talks would resume."),
            .fix("The talks with ⟦Petrobegan⟧ on Monday.", "The talks with Petro began on Monday."),
            // A surname that is a common English word proves nothing alone.
            .suggest("Rosesaid she would come."),
            .fix("Delcy ⟦RodríguezThe⟧ meeting ended.", "Delcy Rodríguez The meeting ended."),
            .fix("It came from Xi ⟦Jinpingfor⟧ the summit.", "It came from Xi Jinping for the summit."),
            // A name whose inner space was lost.
            .fix("He met the ambassador ⟦LanHu⟧ in Caracas.", "He met the ambassador Lan Hu in Caracas."),
            .fix("A message from ⟦XiJinping⟧ was read.", "A message from Xi Jinping was read."),
            // Two English words.
            .fix("Her visit to the ⟦Caribbeanbegan⟧ last August.", "Her visit to the Caribbean began last August."),
            .fix("It was the largest protest of the last ⟦yearaccording⟧ to the police.", "It was the largest protest of the last year according to the police."),
            .fix("The opposition rejected the ⟦proposalon⟧ Monday.", "The opposition rejected the proposal on Monday."),
            .fix("The ⟦agreementin⟧ Lima was signed.", "The agreement in Lima was signed."),
            .fix("The leaders met in the ⟦Caribbeanlast⟧ August.", "The leaders met in the Caribbean last August."),
            .fix("Prices rose ⟦sharplyafter⟧ the decision.", "Prices rose sharply after the decision."),
            .keep("The lemon and the salmon were fresh; the marathon began in Boston."),
            .keep("The followon project and the checkin desk opened."),
            .fix("The new ⟦governmentannounced⟧ a budget.", "The new government announced a budget."),
            .fix("Prices rose in the ⟦countrywhere⟧ the plant is.", "Prices rose in the country where the plant is."),
            .fix("He left the ⟦officebefore⟧ noon.", "He left the office before noon."),
            .fix("Talks with the ⟦ministrywere⟧ suspended.", "Talks with the ministry were suspended."),
            .fix("A week after the ⟦electionthe⟧ results came.", "A week after the election the results came."),
            .fix("The ⟦reportwhich⟧ was leaked caused a stir.", "The report which was leaked caused a stir."),
            .fix("Officials in ⟦Venezuelasaid⟧ the plant would reopen.", "Officials in Venezuela said the plant would reopen."),
            // Acronym + next sentence.
            .fix("As reported by ⟦VTVThe⟧ main goal was trade.", "As reported by VTV The main goal was trade."),
            .fix("The figure came from ⟦EFEAccording⟧ to the agency.", "The figure came from EFE According to the agency."),
            .fix("It aired on ⟦CNNThis⟧ week.", "It aired on CNN This week."),
            .fix("The alliance said ⟦NATOwas⟧ ready.", "The alliance said NATO was ready."),
            .fix("The ⟦PSUVsaid⟧ it would win.", "The PSUV said it would win."),
            .fix("The deal was signed in the ⟦EUThe⟧ next step is a vote.", "The deal was signed in the EU The next step is a vote."),
            // Function-word glue of machine translation.
            .fix("The minister ⟦saidthat⟧ the plan would work.", "The minister said that the plan would work."),
            .fix("The officials ⟦saidthe⟧ plan would work.", "The officials said the plan would work."),
            .fix("He went to the ⟦ministryof⟧ defence.", "He went to the ministry of defence."),
            .fix("Talks with ⟦thegovernment⟧ stalled ⟦inthe⟧ capital.", "Talks with the government stalled in the capital."),
            .fix("He met the ⟦presidentof⟧ the country.", "He met the president of the country."),
            .fix("The rest ⟦ofthe⟧ cabinet agreed.", "The rest of the cabinet agreed."),
            // A word or acronym glued before a name that the next tokens complete.
            .fix("The opposition ⟦leaderMaría⟧ Corina Machado spoke.", "The opposition leader María Corina Machado spoke."),
            .fix("The foreign ⟦ministerYván⟧ Gil spoke.", "The foreign minister Yván Gil spoke."),
            .fix("The leader of the ⟦PSUVDiosdado⟧ Cabello spoke.", "The leader of the PSUV Diosdado Cabello spoke."),
            // A surname of the Spanish name list glued to the next word.
            .fix("The court heard Jorge ⟦Olivaresas⟧ a witness.", "The court heard Jorge Olivares as a witness."),
            .fix("The senator ⟦Quiñonessaid⟧ the vote was close.", "The senator Quiñones said the vote was close."),
            .fix("On Monday ⟦Saldañaannounced⟧ his resignation.", "On Monday Saldaña announced his resignation."),
            .suggest("A letter from Olivaresas a witness was read."),
            .keep("The economist Carlos Morais spoke."),
            .keep("Judge Ana Serrato ruled on the case."),
            // Longer names that start with a lexicon name.
            .keep("Badminton player Wang Yihan won the match."),
            .keep("Wang Yifan and Li Qiangwei spoke."),
            .keep("The lawyer Elliott Abramson filed the brief."),
            .keep("Sergio Massanet met Jorge Glasser."),
            // Identifiers spelled like glue.
            .keep("Call formatmonth(theyear, themonth) and check sizeof and instanceof."),
            .keep("Open \"thefile\" and then the file."),
            .keep("The tag presidentMaduro trended."),
            // Real words, names and brands.
            .keep("Huawei said whereas sales rose, profits fell."),
            .keep("The therapist and the patient worked together."),
            .keep("McDonald's opened its iPhone app and an eBay store."),
            .keep("Starlink, Bitcoin, Microsoft and Facebook were mentioned."),
            .keep("The cyberattack nonetheless hit someone in Washington."),
            .keep("They cannot understand the notebook from Kingston."),
            .keep("However, they went into the building."),
            .keep("Rander Pena indicated that the talks went well."),
            .keep("The minister Robles by contrast said nothing."),
            .keep("Xi Jinping sent a message."),
            .keep("Lan Hu met the minister."),
            .keep("The startswith and endswith methods accept tuples."),
            .keep("Run the walkthrough and read the mailfrom field."),
            .keep("The tool was weaklinked and versionadded."),
            .keep("The subprocess module and the filesystem are documented."),
            .keep("Searchable formatters were deallocated."),
            .keep("See https://example.com/yearaccording and user@countrywhere.org for details."),
            .keep("Call get_yearaccording or yearaccording.py to check."),
            .keep("totalsent = totalsent + sent"),
            .keep("The PhD student used iOS and NASDAQ data at USAID."),
            .keep("The CEOs bought TVs and checked their IDs."),
            .keep("Marsden, Coupland and Solaris are names."),
            .keep("The CAPITALIZEDHEADLINE stays."),
            .keep("Code 2yearaccording3 stays."),
            .keep("It aired on CNN. This week, it ended."),
            .keep("The drawshave and the spokeshave are old tools."),
            .keep("A farceur from the reformados spoke."),
            .keep("Her goodwill and the roundabout turnabout were noted."),
            .suggest("The USAToday report was shared."),
            .suggest("The Starlink satellites passed overhead."),
            // Code listings and identifiers cited in prose.
            .keep(">>> from itertools import dropwhile"),
            .keep("from math import nextafter, inf"),
            .keep("    dropwhile     skip items while the test holds"),
            .keep("```\nrows = takeuntil dropwhile\n```"),
            .keep("The function dropwhile skips items until the test first fails."),
            .keep("Use the nextafter function to step to the next float."),
            .keep("Call nextafter twice to move two steps up."),
            .keep("The takewhile and dropwhile functions come in a pair."),
            .keep("The setdefault method returns the stored value."),
            .keep("Name the column \"yearaccording\" in the sheet."),
            .keep("Run `sort then dropwhile blank` first."),
            .fix("Protesters were calling ⟦forthe⟧ release of the prisoners.", "Protesters were calling for the release of the prisoners."),
            .fix("Protesters blocked the ⟦highwayto⟧ the airport.", "Protesters blocked the highway to the airport."),
            .fix("Thousands marched through the ⟦capitalon⟧ Saturday.", "Thousands marched through the capital on Saturday."),
            .keep("Use the plugin to log in, then the carryon bag and the passerby."),
            .fix("Javier Milei'⟦sgovernment⟧ cut spending.", "Javier Milei's government cut spending."),
            .fix("Inflation rose ⟦5percent⟧ in March, or 2.⟦5percent⟧ a month, and ⟦300million⟧ dollars left.",
                 "Inflation rose 5 percent in March, or 2.5 percent a month, and 300 million dollars left."),
            .keep("The 10km race, the 5pm train, 4G phones, the 3rd day, 2024 and the A380s and B52bombers."),
            .keep("Set `timeout = 5minutes` and call wait(5minutes) or see example.com/5percent."),
            .fix("\"I don'⟦tknow⟧,\" she said.", "\"I don't know,\" she said."),
            .keep("O'Donnell, rock'n'roll, the '90s and it's Peña's turn; y'all, ma'am, s'more and coup d'etat."),
            .fix("The new function of the ⟦ministrywas⟧ announced on Monday.", "The new function of the ministry was announced on Monday."),
            .fix("He quoted \"the ⟦reportwhich⟧ nobody read\" in his speech.", "He quoted \"the report which nobody read\" in his speech."),
        ])

    /// The UTF-8 length of the zero-width character or soft hyphen (U+200B, U+200C, U+200D,
    /// U+2060, U+FEFF, U+00AD) that starts at `offset`, or `nil` when there is none.
    static func invisibleLength(startingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard offset < bytes.count else { return nil }
        if bytes[offset] == 0xC2, offset + 1 < bytes.count, bytes[offset + 1] == 0xAD { return 2 }
        guard offset + 2 < bytes.count else { return nil }
        let (a, b, c) = (bytes[offset], bytes[offset + 1], bytes[offset + 2])
        if a == 0xE2 && b == 0x80 && (c == 0x8B || c == 0x8C || c == 0x8D) { return 3 }
        if a == 0xE2 && b == 0x81 && c == 0xA0 { return 3 }
        if a == 0xEF && b == 0xBB && c == 0xBF { return 3 }
        return nil
    }

    /// The UTF-8 length of the zero-width character or soft hyphen that ends right before
    /// `offset`, or `nil` when there is none.
    static func invisibleLength(endingAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if offset >= 3, invisibleLength(startingAt: offset - 3, in: bytes) == 3 { return 3 }
        if offset >= 2, invisibleLength(startingAt: offset - 2, in: bytes) == 2 { return 2 }
        return nil
    }

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        let tokens = document.tokens
        guard !tokens.isEmpty else { return [] }
        return ListedWordMemoPool.of(context).withMemo { memo in document.withBytes { bytes in
            var result: [Correction] = []
            let scanner = GlueScanner(bytes: bytes, tokens: tokens, context: context, memo: memo)
            // Fenced code blocks, found once, when the first candidate needs them.
            var fences: [Range<Int>]?
            for index in tokens.indices {
                guard let split = scanner.bestSplit(at: index) else { continue }
                let token = tokens[index]
                if split.isEnglish && fences == nil { fences = scanner.fencedCodeBlocks() }
                if scanner.isCode(at: index, split: split, fences: fences ?? []) { continue }
                var replacement: [UInt8] = []
                replacement.reserveCapacity(token.range.count + split.cuts.count)
                var cursor = token.range.lowerBound
                for cut in split.cuts {
                    // "Delcy\u{200B}Rodríguez": an invisible character at the cut stood for the
                    // space; it goes with the space, not beside it.
                    var end = cut
                    while let length = Self.invisibleLength(endingAt: end, in: bytes), end - length >= cursor { end -= length }
                    replacement.append(contentsOf: bytes[cursor..<end])
                    replacement.append(0x20)
                    cursor = cut
                    while cursor < token.range.upperBound, let length = Self.invisibleLength(startingAt: cursor, in: bytes) { cursor += length }
                }
                replacement.append(contentsOf: bytes[cursor..<token.range.upperBound])
                result.append(Correction(
                    ruleID: Self.description.identifier, range: TextRange(token.range),
                    original: document.text(of: token),
                    replacement: String(decoding: replacement, as: UTF8.self),
                    confidence: split.confidence, entityID: split.entityID, explanation: split.explanation))
            }
            return result
        } }
    }
}
