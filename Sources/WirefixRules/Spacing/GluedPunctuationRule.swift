import WirefixEngine
import WirefixLexicon

/// Inserts the space lost after a full stop or a comma between two words: "said.The" →
/// "said. The", "percent,while" → "percent, while", where link text or a line break that
/// machine translation dropped took the space with it.
///
/// Only between words of prose: both sides are English words or lexicon names, on a line that
/// is no code, outside inline code and fenced blocks, and outside a URL, path, e-mail address or
/// dotted identifier ("example.Com", "System.Out", "a.b,c"). Numbers ("3.5", "1,000") and
/// abbreviations ("U.S.A", "e.g.The") are never touched.
struct GluedPunctuationRule: Rule {
    static let description = RuleDescription(
        identifier: "glued_punctuation",
        name: "Glued Punctuation",
        summary: "Inserts the space lost after a full stop or comma between two words",
        discussion: """
            Detects: a full stop, question or exclamation mark between a word and a capitalized \
            word ("said.The"), or a comma or semicolon between two words ("percent,while"), with \
            no space. Fixes: inserts a space after the mark.

            Full stop, "?" and "!": the word before has two letters or more, is no acronym (not all \
            capitals) and is an English word or a lexicon name component; the word after is in \
            Title Case. Applied (0.85) when the word before is in lowercase and the word after \
            starts sentences ("The", "However", \
            "In", "He", "According"…) or is a lexicon name component that is no English word; \
            otherwise suggested (0.6: a capitalized word before that is no lexicon name or place \
            may name a member in code, "Console.In", "Assert.That"; \
            "ended.Police", "System.Out" may be an abbreviation or code); a day or a month before is \
            no class ("on Monday.The"), and a lexicon name that is also a rare English word (not \
            among the 20,000 most frequent) starts a sentence before a lowercase word \
            ("ended.Boric said"). A possessive before \
            the mark counts as its word ("the government's.The"); a quotation or parenthesis \
            closed after a letter or digit before it ("a \"farce\".The", "(in 2024).However", a \
            straight quote or a parenthesis only when opened earlier on the line) is applied (0.85) \
            before a word that starts sentences (or "A" or "I" before a lowercase word) and a space \
            or a comma; the pronoun "I" after a lowercase word of three \
            letters or more, or a day or month, only before a first-person verb ("the best.I will", \
            "on Monday.I was"; not "vol.I", \
            "Part.I of"). \
            Comma and semicolon: both words have two letters or more and are English words or \
            lexicon name components, on a line that is a sentence (an end mark, six words or more) \
            with at most two such glued commas, no quoted field glued to a comma, and either a \
            comma followed by a space or one glued comma ("red,green,blue", "name,age,city in the \
            file", "Lima,Peru, 2021-05-01, 31.5" are data). Applied \
            (0.85) when both are among the 20,000 most frequent English words or are name \
            components or places of the country table ("Argentina,Javier", "Cusco,where"), else \
            suggested (0.6). \
            Left alone: quoted literals and arguments ("\"name,address\"", "zip(names,values)"), \
            runs of glued items ("void*,int,unsigned", "{Net,Free,Open}BSD", \
            "[Usenet,common;"), digits on either side ("3.5", "1,000", "v2.The"), a single letter before \
            ("e.g.The", "a.m.He"), a word glued to "." or "/" or "@" before it (URLs, paths, \
            e-mail addresses, "www.example.Com"), a word after that runs on into ".", "(", "_", \
            "/", "=" or a digit (identifiers, calls), command and code lines, inline code spans \
            and fenced code blocks.
            """,
        phase: .spacing,
        examples: [
            .fix("The minister ⟦said.The⟧ talks went well.", "The minister said. The talks went well."),
            .fix("Prices rose 3 ⟦percent.However⟧, wages fell.", "Prices rose 3 percent. However, wages fell."),
            .fix("It rose 5 ⟦percent,while⟧ wages fell.", "It rose 5 percent, while wages fell."),
            .fix("Milei won in ⟦Argentina,Javier⟧ Milei said.", "Milei won in Argentina, Javier Milei said."),
            .fix("The talks ended last ⟦week,the⟧ minister said, and resumed.", "The talks ended last week, the minister said, and resumed."),
            .suggest("The meeting ended.Police said nothing."),
            .keep("The rate was 3.5 percent, and 1,000 people came."),
            .keep("See www.example.Com and mail news@example.Org today."),
            .keep("The value of System.Out.println is printed."),
            .keep("For example, e.g.The, and a.m.He are abbreviations."),
            .keep("red,green,blue"),
            .keep("The type void*,int,unsigned and the {Net,Free,Open}BSD family, [Usenet,common; rare]."),
            .fix("They arrived in ⟦Cusco,where⟧ the talks began.", "They arrived in Cusco, where the talks began."),
            .keep("The header was name,age,city in the file."),
            .keep("Call `obj.Name` or config.Value() from the shell."),
            .keep("```\nvalue = items.First\nnames = a,b\n```"),
            .keep("The U.S.A and EE.UU were named."),
            .suggest("In C#, read from Console.In and use Enumerable.Where, the docs say."),
            .fix("The talks were held in ⟦Caracas.The⟧ envoys left on Monday.", "The talks were held in Caracas. The envoys left on Monday."),
            .keep("The header \"name,address\" and the call zip(names,values) and the tuple (first,second) stay, he said."),
            .keep("Maduro,Nicolas,\"Caracas, Venezuela\",1962"),
            .keep("Lima,Peru, 2021-05-01, 31.5"),
            .keep("Caracas,\u{A0}Venezuela; 25\u{A0}percent; Mr.\u{A0}Maduro said.“The"),
            .fix("He called the vote a \"farce⟦\".The⟧ minister left.", "He called the vote a \"farce\". The minister left."),
            .fix("He called the vote a “farce⟦”.The⟧ minister left.", "He called the vote a “farce”. The minister left."),
            .fix("They met twice (in May⟦).However⟧ nothing changed.", "They met twice (in May). However nothing changed."),
            .fix("He criticised the ⟦government's.The⟧ minister left.", "He criticised the government's. The minister left."),
            .fix("It was the ⟦best.I⟧ will return next year.", "It was the best. I will return next year."),
            .keep("See vol.I and Part.I of the report; the best.I of all."),
            .keep("Run $(\"#menu\").Then(show) and print(\"done\").The end; a lone quote\".The value."),
            .keep("Options: a).The first, b) the second."),
            .fix("The talks ⟦ended.Boric⟧ said they would resume.", "The talks ended. Boric said they would resume."),
            .fix("The decree was signed on ⟦Monday.The⟧ opposition called it illegal.", "The decree was signed on Monday. The opposition called it illegal."),
            .keep("The class DayOfWeek.Monday names a day."),
            .fix("It was a \"travesty⟦\".However⟧, the appeal failed.", "It was a \"travesty\". However, the appeal failed."),
            .fix("The plan passed (in 2024⟦).The⟧ opposition walked out.", "The plan passed (in 2024). The opposition walked out."),
            .fix("They called it a \"farce⟦\".A⟧ new vote was set.", "They called it a \"farce\". A new vote was set."),
            .fix("The hearing was on ⟦Monday.I⟧ was not there.", "The hearing was on Monday. I was not there."),
        ])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        let bytes = document.bytes
        var result: [Correction] = []
        var lines = LineMemo()
        var code = CodeRegions(document)
        var commaLine: Range<Int> = 0..<0
        var commaLineIsProse = false
        // Two forward scans a word at a time: ".", "," and ";" first, then "?" and "!".
        for pass in 0..<2 {
        var index = 1
        while index + 1 < bytes.count {
            index = bytes.withUnsafeBufferPointer { buffer in
                pass == 0 ? ByteSearch.firstIndex(ofAny: 0x2E, 0x2C, 0x3B, in: buffer, from: index, to: buffer.count - 1)
                          : ByteSearch.firstIndex(ofAny: 0x3F, 0x21, 0x21, in: buffer, from: index, to: buffer.count - 1)
            }
            guard index + 1 < bytes.count else { break }
            defer { index += 1 }
            let mark = bytes[index]
            guard mark == 0x2E || mark == 0x2C || mark == 0x3B || mark == 0x3F || mark == 0x21 else { continue }
            guard ByteClass.isLetter(startingAt: index + 1, in: bytes) else { continue }
            let endsSentence = mark == 0x2E || mark == 0x3F || mark == 0x21
            guard ByteClass.isLetter(endingAt: index, in: bytes) else {
                // A quotation or a parenthesis closed before the mark: "a \"farce\".The".
                if endsSentence, let correction = closedSentence(at: index, in: document, context: context),
                   !code.contains(index, in: bytes, lines: &lines) {
                    result.append(correction)
                    index = correction.range.end - 1
                }
                continue
            }
            var left = Self.word(endingAt: index, in: bytes)
            // A possessive before the mark: "the government's.The" (the word is "government").
            var stem = left
            if left.count == 1, bytes[left.lowerBound] == 0x73,
               let apostrophe = ByteClass.apostropheLength(endingAt: left.lowerBound, in: bytes) {
                let owner = Self.word(endingAt: left.lowerBound - apostrophe, in: bytes)
                if owner.count >= 2 { stem = owner; left = owner.lowerBound..<left.upperBound }
            }
            let right = Self.word(startingAt: index + 1, in: bytes)
            // The pronoun "I" after a full stop: "the best.I will", never "vol.I" nor "Part.I of".
            let pronoun = endsSentence && right.count == 1 && bytes[right.lowerBound] == 0x49
                && Self.startsFirstPersonClause(after: right.upperBound, in: bytes, context: context)
            guard stem.count >= 2, right.count >= 2 || pronoun else { continue }
            // Machine text: a URL, path, address or dotted name before, an identifier after.
            if left.lowerBound > 0 {
                switch bytes[left.lowerBound - 1] {
                case 0x2E, 0x2F, 0x40, 0x3A, 0x5F, 0x5C, 0x2D, 0x3D, 0x23, 0x26, 0x3F, 0x25, 0x2B, 0x7E, 0x60, 0x3C,
                     0x5B, 0x7B, 0x2A, 0x7C, 0x28, 0x22, 0x27:
                    // Also "(" (a call's or a tuple's arguments: "zip(names,values)") and a
                    // quote (a quoted literal: "\"name,address\"").
                    continue
                default: break
                }
                if ByteClass.isDigit(bytes[left.lowerBound - 1]) { continue }
                // A run of glued items ("void*,int,unsigned", "a;b;c"): a list or code.
                if bytes[left.lowerBound - 1] == 0x2C || bytes[left.lowerBound - 1] == 0x3B { continue }
            }
            if right.upperBound < bytes.count {
                let next = bytes[right.upperBound]
                switch next {
                case 0x28, 0x5F, 0x2F, 0x3D, 0x40, 0x60, 0x5D, 0x7D, 0x2A, 0x7C, 0x3E, 0x29, 0x22: continue
                default: break
                }
                if ByteClass.isDigit(next) { continue }
                if next == 0x2E || next == 0x2C || next == 0x3B, ByteClass.isLetter(startingAt: right.upperBound + 1, in: bytes) { continue }
            }
            if code.contains(index, in: bytes, lines: &lines) { continue }
            let leftText = document.text(in: left), stemText = document.text(in: stem)
            let rightText = document.text(in: right)
            let leftWord = Folding.fold(stemText), rightWord = Folding.fold(rightText)
            func isName(_ word: String) -> Bool { context.gazetteer.entitiesByComponent[word] != nil }
            // A country or city of the country table ("Cusco", "Zulia"), capitalized.
            func isPlace(_ text: String) -> Bool { !context.countries.countries(mentionedIn: text).isEmpty }
            func isWord(_ word: String) -> Bool { context.words.contains(word) || isName(word) }
            // An acronym or initials before ("U.S.A", "EE.UU").
            guard !leftText.unicodeScalars.allSatisfy({ !$0.properties.isLowercase }) else { continue }
            guard isWord(leftWord) || isPlace(stemText), isWord(rightWord) || isPlace(rightText) else { continue }
            var confidence: Double
            var explanation: String
            let name = mark == 0x2E ? "full stop" : mark == 0x2C ? "comma" : mark == 0x3B ? "semicolon"
                : mark == 0x3F ? "question mark" : "exclamation mark"
            if mark == 0x2E || mark == 0x3F || mark == 0x21 {
                guard let first = rightText.unicodeScalars.first, first.properties.isUppercase,
                      rightText.unicodeScalars.dropFirst().allSatisfy({ $0.properties.isLowercase }) else { continue }
                // A name that is no English word ("Cabello"; not "Police" of some entity's name).
                // "I" only after a lowercase word of three letters or more ("vol.I", "Part.I" are numbers).
                if pronoun, stem.count < 3 || (leftText.unicodeScalars.contains(where: { $0.properties.isUppercase })
                                               && !Self.calendarWords.contains(leftWord)) { continue }
                // A lexicon name that is also a rare English word ("Boric") starts a sentence when
                // a lowercase word follows it ("ended.Boric said"); a common one ("Police", "Rose")
                // may be a dotted name's part.
                let starts = pronoun || GluedWordsVocabulary.sentenceStarts.contains(rightWord)
                    || (isName(rightWord) && (!context.words.contains(rightWord)
                        || ((context.words.rank(of: rightWord) ?? Int.max) > 20_000 && Self.lowercaseWordFollows(right.upperBound, in: bytes))))
                // A capitalized word before is how code names a member ("Console.In",
                // "Enumerable.Where", "Assert.That"): only suggested.
                // (A lexicon name or a place is no class: "in Caracas.The talks".)
                // (A day or a month is no class either: "on Monday.The".)
                let member = leftText.unicodeScalars.first?.properties.isUppercase == true && !isName(leftWord) && !isPlace(stemText)
                    && !Self.calendarWords.contains(leftWord)
                confidence = starts && !member ? 0.85 : 0.6
                explanation = "no space after the \(name) between \"\(leftText)\" and \"\(rightText)\", "
                    + (starts && !member ? "which starts a sentence"
                       : member ? "but a capitalized word before it may name a member in code (\"Console.In\"); only suggested"
                       : "which may be an abbreviation or a dotted name; only suggested")
            } else {
                let line = lines.lineRange(around: index, in: bytes)
                if line != commaLine {
                    commaLine = line
                    commaLineIsProse = Self.isProseCommaLine(line, in: bytes)
                }
                guard commaLineIsProse else { continue }
                func frequent(_ word: String, _ text: String) -> Bool {
                    isName(word) || isPlace(text) || (context.words.rank(of: word) ?? Int.max) <= 20_000
                }
                let common = frequent(leftWord, leftText) && frequent(rightWord, rightText)
                confidence = common ? 0.85 : 0.6
                explanation = "no space after the \(name) between the words \"\(leftText)\" and \"\(rightText)\""
                    + (common ? "" : " (a rare word: it may be a list written without spaces; only suggested)")
            }
            let range = left.lowerBound..<right.upperBound
            let original = document.text(in: range)
            result.append(Correction(
                ruleID: Self.description.identifier, range: TextRange(range), original: original,
                replacement: leftText + String(UnicodeScalar(mark)) + " " + rightText,
                confidence: confidence, explanation: explanation))
            index = right.upperBound - 1
        }
        }
        return result.sorted { $0.range.start < $1.range.start }
    }

    /// The space lost after a sentence that ends in a closed quotation or parenthesis:
    /// "a \"farce\".The", "a “farce”.The", "(the third).The", "the leaders'.The". The mark at
    /// `index` follows the closing character, which follows a letter; the word after is in Title
    /// Case, is followed by a space and starts sentences ("The", "However"…) or is a lexicon name
    /// that is no English word; a straight quotation mark or a parenthesis must close one opened
    /// earlier on the line. Applied at 0.85; `nil` otherwise (`foo("x").Then(…)` is code: the
    /// word after runs into "(").
    func closedSentence(at index: Int, in document: Document, context: RuleContext) -> Correction? {
        let bytes = document.bytes
        // The closing character before the mark and where it starts.
        var closer = index - 1
        while closer > 0, bytes[closer] & 0xC0 == 0x80 { closer -= 1 }
        let closing = Array(bytes[closer..<index])
        let straight: UInt8? = closing == [0x22] ? 0x22 : closing == [0x29] ? 0x29 : nil
        // A letter or a digit closed ("(in 2024).The").
        guard straight != nil || closing == [0x27] || closing == [0xE2, 0x80, 0x9D] || closing == [0xE2, 0x80, 0x99],
              ByteClass.isLetter(endingAt: closer, in: bytes) || (closer > 0 && ByteClass.isDigit(bytes[closer - 1])) else { return nil }
        let right = Self.word(startingAt: index + 1, in: bytes)
        // The word after: two letters or more, or "A" or "I" before a lowercase word; then a
        // space, or a comma and a space ("However, the appeal").
        let single = right.count == 1 && (bytes[right.lowerBound] == 0x41 || bytes[right.lowerBound] == 0x49)
            && Self.lowercaseWordFollows(right.upperBound, in: bytes)
        guard right.count >= 2 || single, right.upperBound < bytes.count,
              bytes[right.upperBound] == 0x20 || (bytes[right.upperBound] == 0x2C && right.upperBound + 1 < bytes.count && bytes[right.upperBound + 1] == 0x20)
        else { return nil }
        if let straight {
            // The quotation or parenthesis opened earlier on the line: not a lone quote or a list's "a)".
            var start = closer
            while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
            let quotes = bytes[start..<closer].lazy.filter { $0 == 0x22 }.count
            if straight == 0x22 && quotes % 2 == 0 { return nil }
            if straight == 0x29 {
                guard let open = bytes[start..<closer].lastIndex(of: 0x28), !bytes[open..<closer].contains(0x29),
                      open == start || bytes[open - 1] == 0x20 else { return nil }
            }
        }
        let rightText = document.text(in: right)
        let rightWord = Folding.fold(rightText)
        guard let first = rightText.unicodeScalars.first, first.properties.isUppercase,
              rightText.unicodeScalars.dropFirst().allSatisfy({ $0.properties.isLowercase }),
              single || GluedWordsVocabulary.sentenceStarts.contains(rightWord)
                || (context.gazetteer.entitiesByComponent[rightWord] != nil && !context.words.contains(rightWord)) else { return nil }
        let range = closer..<right.upperBound
        let markText = String(UnicodeScalar(bytes[index]))
        return Correction(
            ruleID: Self.description.identifier, range: TextRange(range), original: document.text(in: range),
            replacement: document.text(in: closer..<index) + markText + " " + rightText, confidence: 0.85,
            explanation: "no space after the \(markText == "." ? "full stop" : markText == "?" ? "question mark" : "exclamation mark") "
                + "that ends a quotation or parenthesis, before \"\(rightText)\", which starts a sentence")
    }

    /// The days of the week and the months, folded: capitalized words before a full stop that
    /// name no member of code.
    static let calendarWords: Set<String> = Set((GluedWordsVocabulary.months.union(GluedWordsVocabulary.weekdays)).map { $0.lowercased() })

    /// Whether a space and a lowercase word of letters follow `offset`.
    static func lowercaseWordFollows(_ offset: Int, in bytes: [UInt8]) -> Bool {
        offset + 2 < bytes.count && bytes[offset] == 0x20 && ByteClass.isLower(bytes[offset + 1]) && ByteClass.isLower(bytes[offset + 2])
    }

    /// Words that follow the pronoun "I" starting a clause ("I will", "I think"): a glued "best.I"
    /// is read as a new sentence only before one of them, never before "of" ("Part.I of").
    static let firstPersonVerbs: Set<String> = [
        "am", "was", "have", "had", "will", "would", "think", "thought", "believe", "know", "knew", "want",
        "wanted", "can", "could", "do", "did", "said", "say", "told", "hope", "feel", "felt", "see", "saw",
        "went", "came", "met", "asked", "also", "never", "always", "just", "really", "still", "must", "should",
        "may", "might", "need", "needed", "decided", "made", "got", "took", "gave", "tried", "mean", "agree",
        "remember", "wish", "love", "like", "hear", "heard", "spoke", "wrote", "ask", "promise", "insist",
    ]

    /// Whether `offset` (just after an "I") is followed by a space and one of ``firstPersonVerbs``.
    static func startsFirstPersonClause(after offset: Int, in bytes: [UInt8], context: RuleContext) -> Bool {
        guard offset + 1 < bytes.count, bytes[offset] == 0x20 else { return false }
        let next = word(startingAt: offset + 1, in: bytes)
        guard next.count >= 2, next.upperBound - next.lowerBound <= 12 else { return false }
        return firstPersonVerbs.contains(String(decoding: bytes[next], as: UTF8.self))
    }

    /// Whether a line reads as prose for a glued comma: a sentence (an end mark, six words or
    /// more), at most two commas glued between letters, and either a comma followed by a space
    /// elsewhere or a single glued comma ("It rose 5 percent,while wages fell."); not
    /// "red,green,blue", "name,age,city in the file" nor a record with a quoted field
    /// ("Maduro,Nicolas,\"Caracas, Venezuela\",1962").
    static func isProseCommaLine(_ line: Range<Int>, in bytes: [UInt8]) -> Bool {
        var spaced = 0, glued = 0, spaces = 0, sentenceEnds = 0
        for offset in line {
            let byte = bytes[offset]
            if byte == 0x20 { spaces += 1 }
            // A sentence's end: ".", "!" or "?" before a space or the line's end ("31.5" is none).
            if byte == 0x2E || byte == 0x21 || byte == 0x3F, offset + 1 == line.upperBound || bytes[offset + 1] == 0x20
                || bytes[offset + 1] == 0x0D || bytes[offset + 1] == 0x22 { sentenceEnds += 1 }
            // A quoted field glued to a comma is a record's ("\"Caracas, Venezuela\",1962").
            if byte == 0x2C, offset + 1 < line.upperBound, bytes[offset + 1] == 0x22 { return false }
            if byte == 0x2C, offset > line.lowerBound, bytes[offset - 1] == 0x22 { return false }
            guard byte == 0x2C || byte == 0x3B, offset + 1 < line.upperBound else { continue }
            if bytes[offset + 1] == 0x20 { spaced += 1 }
            if offset > line.lowerBound, ByteClass.isLetter(endingAt: offset, in: bytes), ByteClass.isLetter(startingAt: offset + 1, in: bytes) { glued += 1 }
        }
        // A sentence of six words or more: not a record ("Lima,Peru, 2021-05-01, 31.5").
        return glued <= 2 && sentenceEnds >= 1 && spaces >= 5 && (spaced >= 1 || glued == 1)
    }

    /// The run of letters that ends at `end`.
    static func word(endingAt end: Int, in bytes: [UInt8]) -> Range<Int> {
        var start = end
        while start > 0, ByteClass.isLetter(endingAt: start, in: bytes) {
            start -= 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        }
        return start..<end
    }

    /// The run of letters that starts at `start`.
    static func word(startingAt start: Int, in bytes: [UInt8]) -> Range<Int> {
        var end = start
        while end < bytes.count, ByteClass.isLetter(startingAt: end, in: bytes) { end += ByteClass.scalarLength(bytes[end]) }
        return start..<end
    }
}
