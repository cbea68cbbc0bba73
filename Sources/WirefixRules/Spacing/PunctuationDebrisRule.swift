import WirefixEngine
import WirefixLexicon

/// Removes punctuation debris: spaces before a comma, semicolon or full stop ("spoke , and"),
/// and stray marks doubled with one ("for the second time. , in March", ", ,", ". .").
///
/// Detects: a comma, semicolon or full stop with spaces before it, after a word, and followed
/// by white space or the end of the text. Fixes: deletes the spaces, or the stray mark and the
/// spaces.
struct PunctuationDebrisRule: Rule {
    static let description = RuleDescription(
        identifier: "punctuation_debris",
        name: "Punctuation Debris",
        summary: "Removes spaces before commas and full stops, and stray doubled punctuation",
        discussion: """
            Detects and fixes, always after a word (a letter, digit, closing quote, bracket or %), \
            and only when the last mark is followed by white space, a closing quote or the end:
            - one or two spaces before "," or "." ("spoke , and" → "spoke, and"): 0.9; before ";": \
            0.8 (a spaced semicolon is also French house style); the space on the wrong side of \
            a comma or semicolon, before a lowercase word ("spoke ,and" → "spoke, and"): 0.85;
            - a stray mark before another, with spaces between: ". ," → "," ("time. , in March"), \
            ", ," → ",", ". ." → ".", ", ." → "." (0.85; → "," at 0.75 when a lowercase word follows); ", ," between two numbers is an empty \
            slot of a list ("1, , 3, , 5") and left alone, with a number on one side only \
            suggested (0.5). After an abbreviation ("U.S. , Canada", \
            "a.m. ,"), even when a space cuts its full stop off ("U.S . ,", "Inc . ,"), the full \
            stop stays and only the spaces go: "U.S., Canada", "Erie, Pa., said" (but "no . ,", \
            "fig . ," and "Jan . ,", words too, with the stop spaced off: only suggested). After a word that \
            may be an abbreviation we do not list — a single letter ("D. C . ,", "200 C . ,"), or up \
            to 4 letters that are capitalized and no lexicon name, or no common English word \
            ("max . ,") — keeping the full stop is only suggested (0.5); "time . ," loses it. When ". ," is \
            followed by a capitalized word the stop may be the real one, so it is only suggested.
            - spaces between an unspaced ellipsis after a word and a comma or semicolon \
            ("He said... , then left" → "He said..., then left"): 0.85.
            A number before the stop is a word: "fell 3.5% ." → "fell 3.5%.".
            Left alone: ellipses ("signed... eventually", "wait . . . what", "and so on ..."), \
            decimals and leading dots (" .45 caliber", ".NET", ".com"), "U.S.," and "a.m.," \
            (no space), a digit before a spaced comma or full stop and a digit after it ("1 , \
            000", "10 . 30 a.m.", "1 . 5 million": a number spaced around its separator, or a \
            list; ambiguous; but a date's "October 5 , 2024" is fixed), everything inside guillemets «…» (French typography spaces \
            before ";", ":", "!", "?"), emoticons (" ;)", " ;-)"), marks at the start of a line, marks after a \
            tab (tab-separated data) or after 3 or more spaces (aligned columns, pictures), a \
            mark quoted on its own after an opening straight quote (`on " , "`, `' ; '`: the \
            quoted text), a lone full stop before a lowercase word (" . import", "allow . and": the mark named \
            as a symbol), a space before a full stop after an address, path or dotted name \
            ("user@example.org .", "/usr/share/doc .": deliberate, to keep the stop out of the \
            address), a spaced mark after an article, preposition or conjunction that cannot end \
            a clause ("the ; character", "with , or a tab": the mark named as a symbol), and command or code lines (indented by a tab or 4 spaces unless the line reads as prose, after a prompt, \
            with a "-x" option or several " ;"), inline code spans and fenced code blocks. A line \
            whose commas are all spaced on both sides, two or more with at most two words \
            between them, that reads as data or code (two numeric fields, "Caracas , 1200 , 3.5"; \
            the commas inside parentheses; a short line with no sentence's end) has its own style: \
            only suggested (0.5); prose spaced so throughout ("The minister , who spoke , left") is \
            fixed. A line in French (a guillemet, or three French function words and no English \
            one) keeps its space before ";". Doubled marks glued to a word: ",," and ";;" before a \
            space → one (0.85; not "1,,3" or "a,,b"); ".." before a space and a capital → "." (0.8; \
            not "...", "../", "1..5", an informal "well.. maybe" or ".." ending a line). A space \
            before a colon between two words of an English line → removed (0.8 before a lowercase \
            word, else suggested: "Examples : Appz"; not "10 : 30", emoticons or French lines). Question and exclamation marks are not touched: a space \
            before them is house style in French-influenced copy and in emoticons.
            """,
        phase: .spacing,
        examples: [
            .fix("The talks began on October 5⟦ ,⟧ 2024⟦ ,⟧ in Oslo.", "The talks began on October 5, 2024, in Oslo."),
            .fix("He was born on Oct. 12⟦ ,⟧ 1961 in Lima.", "He was born on Oct. 12, 1961 in Lima."),
            .fix("The law dates from Aug 4⟦ ,⟧ 2019⟦ ,⟧ officials said.", "The law dates from Aug 4, 2019, officials said."),
            .keep("The fund holds May 5 , 000 and 12 , 2024 , 5 , 6 shares."),
            // An abbreviation whose full stop a space cut off keeps it.
            .fix("Canada, the U.S⟦ . ,⟧ and Mexico signed.", "Canada, the U.S., and Mexico signed."),
            .fix("The blast came at 9 a.m⟦ . ,⟧ officials said.", "The blast came at 9 a.m., officials said."),
            .fix("He moved to Washington, D.C⟦ . ,⟧ in 1990.", "He moved to Washington, D.C., in 1990."),
            .fix("Apple Inc⟦ . ,⟧ the maker of the iPhone, said so.", "Apple Inc., the maker of the iPhone, said so."),
            .fix("Martin Luther King Jr⟦ . ,⟧ spoke here.", "Martin Luther King Jr., spoke here."),
            .suggest("The office in Wash . , the state, closed."),
            .fix("Police in Erie, Pa⟦ . ,⟧ said the suspect fled.", "Police in Erie, Pa., said the suspect fled."),
            .fix("John Smith, Esq⟦ . ,⟧ represented the family.", "John Smith, Esq., represented the family."),
            .fix("Add 2 tbsp⟦ . ,⟧ then stir.", "Add 2 tbsp., then stir."),
            .fix("Add 1 tsp⟦ . ,⟧ then stir.", "Add 1 tsp., then stir."),
            .fix("Mme⟦ . ,⟧ the owner, spoke.", "Mme., the owner, spoke."),
            .fix("It was built ca⟦ . ,⟧ 1900.", "It was built ca., 1900."),
            // A short word we do not list may be an abbreviation: its full stop is kept, suggested.
            .suggest("He moved to Washington, D. C . , in 1990."),
            .suggest("Heat the oven to 200 C . , then bake."),
            .suggest("The oven reached max . , then cooled."),
            .suggest("The dose, 5 mg . , was doubled."),
            .fix("It won for the first time⟦ . ,⟧ in January.", "It won for the first time, in January."),
            // Doubled marks and a spaced colon.
            .fix("The session was suspended⟦,,⟧ and the deputies left.", "The session was suspended, and the deputies left."),
            .fix("The deputies approved the budget⟦..⟧ The opposition voted against it.", "The deputies approved the budget. The opposition voted against it."),
            .fix("The talks ended⟦;;⟧ the envoys left.", "The talks ended; the envoys left."),
            .fix("The minister spoke⟦;;⟧ then left.", "The minister spoke; then left."),
            .fix("The government announced three measures⟦ :⟧ a price freeze and a bonus.", "The government announced three measures: a price freeze and a bonus."),
            .keep("Well.. maybe later, and see ../docs or 1..5 for the range."),
            .keep("The values 1,,3 and a,,b and the time 10 : 30 stay."),
            .keep("He smiled :) and left :-D later."),
            .suggest("The jargon has a rule for it. Examples : Appz, passwordz and the like."),
            .keep("Implemented by Guido van Rossum.."),
            .fix("He said the measure \"does not solve anything\"⟦..⟧\nThen he left.", "He said the measure \"does not solve anything\".\nThen he left."),
            .keep("Le ministre a dit : non."),
            .keep("Attention : danger de mort"),
            .keep("The banner read \"Attention : danger\" in French."),
            .keep("Use items[start : end] to copy part of a list, and let total : number = 0 in the code."),
            .keep("The ratio of men : women in the cabinet was 3 : 2."),
            .keep("Name   : Juan Guaidó\nOffice : president of the National Assembly"),
            .keep("Maduro, Nicolás,, Caracas, 1962"),
            .keep("García Márquez, Gabriel. Cien años de soledad : novela. Madrid : Alianza, 1998."),
            .keep("# let double x = 2 * x;;"),
            .fix("Inflation reached 150 percent in 2023⟦..⟧ The bank said so.", "Inflation reached 150 percent in 2023. The bank said so."),
            .fix("Turnout was 42 percent in 2021⟦,,⟧ officials said.", "Turnout was 42 percent in 2021, officials said."),
            .fix("The deal was signed⟦..⟧ Álvaro Uribe praised it.", "The deal was signed. Álvaro Uribe praised it."),
            .suggest("Maduro tweeted: \"Thank you Venezuela.. We will win\""),
            .keep("Run `a..b` and `x ,, y` as shown."),
            // A word that is also an abbreviation ("No.", "fig.", "Jan."): either reading, only suggested.
            .suggest("Voters said no . , and the measure failed."),
            .suggest("They grow fig . , olive and almond trees."),
            .fix("Elections will be held in July⟦ . ,⟧ the council said.", "Elections will be held in July, the council said."),
            // Code keeps its spacing; a line whose commas are all spaced alike between fields is
            // its own style.
            .keep("The Python idiom `a , b = b , a` swaps the values."),
            .fix("~~~~~~~~\nThe minister⟦ ,⟧ who spoke at length on Monday about the budget⟦ ,⟧ left.", "~~~~~~~~\nThe minister, who spoke at length on Monday about the budget, left."),
            .fix("The minister`s aide⟦ ,⟧ who asked not to be named⟦ ,⟧ said the president`s plan failed.", "The minister`s aide, who asked not to be named, said the president`s plan failed."),
            .keep("```\nx = f(a , b)\nprint(x , y)\n```"),
            .suggest("The csv row was: Caracas , 1200 , 3.5"),
            .fix("He moved to Washington⟦ ,⟧ D.C⟦ . ,⟧ in 1990.", "He moved to Washington, D.C., in 1990."),
            .fix("The minister⟦ ,⟧ who spoke⟦ ,⟧ left the room.", "The minister, who spoke, left the room."),
            .fix("Maduro⟦ ,⟧ however⟦ ,⟧ said the talks would continue.", "Maduro, however, said the talks would continue."),
            .fix("He visited Caracas⟦ ,⟧ Bogota⟦ ,⟧ Quito⟦ ,⟧ and Lima last week.", "He visited Caracas, Bogota, Quito, and Lima last week."),
            .suggest("country , year , value"),
            .suggest("Caracas , 1200\nBogota , 800\nQuito , 450"),
            .fix("The minister spoke⟦ ,⟧ and then left for Caracas at 1200.", "The minister spoke, and then left for Caracas at 1200."),
            .suggest("The function signature is def f(x , y , z=None)."),
            .fix("The measure⟦ ,⟧ which was approved by Congress⟦ ,⟧ takes effect today.", "The measure, which was approved by Congress, takes effect today."),
            .fix("They met in Lima⟦ . ,⟧ on Monday.", "They met in Lima, on Monday."),
            .fix("The agreement was signed, for the second time⟦. ,⟧ in March 2010.", "The agreement was signed, for the second time, in March 2010."),
            .fix("The minister spoke⟦ ,⟧ and then left.", "The minister spoke, and then left."),
            .fix("The deal was worth 2.5 billion dollars⟦ ,⟧ officials said.", "The deal was worth 2.5 billion dollars, officials said."),
            .fix("He arrived late⟦ ;⟧ the talks had begun.", "He arrived late; the talks had begun."),
            .fix("The meeting ended⟦ .⟧", "The meeting ended."),
            .fix("The meeting ended⟦ .⟧ Nobody spoke.", "The meeting ended. Nobody spoke."),
            .fix("They met in Caracas⟦, ,⟧ on Monday.", "They met in Caracas, on Monday."),
            // An empty slot between numbers of a list is deliberate.
            .keep("Values: 1, , 3, , 5."),
            .keep("The series read 10, , 30, 40."),
            .suggest("The codes were 7, , and 9."),
            .fix("The talks failed⟦. .⟧ Both sides left.", "The talks failed. Both sides left."),
            .fix("The talks failed⟦, .⟧\nBoth sides left.", "The talks failed.\nBoth sides left."),
            // A lowercase word after ", ." : the sentence goes on, so the comma stays.
            .fix("It was the first time⟦, .⟧ in January.", "It was the first time, in January."),
            .fix("He said it twice⟦ , .⟧ then left.", "He said it twice, then left."),
            .fix("The vote passed⟦, .⟧ Then the chamber emptied.", "The vote passed. Then the chamber emptied."),
            .fix("Canada, the U.S⟦. ,⟧ and Mexico signed.", "Canada, the U.S., and Mexico signed."),
            .fix("It opened at 9 a.m⟦. ,⟧ officials said.", "It opened at 9 a.m., officials said."),
            .fix("The fence was 5 ft⟦. ,⟧ 10 in. tall.", "The fence was 5 ft., 10 in. tall."),
            .fix("See Fig⟦. ,⟧ 3 for the data.", "See Fig., 3 for the data."),
            .suggest("Smith et al. , 2020, found the same."),
            .suggest("The dose was 5 mg. , twice a day."),
            .fix("They called it “shared gains”⟦ ,⟧ he said.", "They called it “shared gains”, he said."),
            .fix("The agency (EFE)⟦ ,⟧ which reported it, declined.", "The agency (EFE), which reported it, declined."),
            .fix("Rodríguez⟦  ,⟧ who spoke first, agreed.", "Rodríguez, who spoke first, agreed."),
            .fix("It rose 5%⟦ ,⟧ the bank said.", "It rose 5%, the bank said."),
            .fix("A line ends here⟦ ,⟧\r\nand goes on.", "A line ends here,\r\nand goes on."),
            .fix("Venezuela's GDP fell 3.5%⟦ .⟧", "Venezuela's GDP fell 3.5%."),
            .fix("He said...⟦ ,⟧ then left.", "He said..., then left."),
            .fix("He paused…⟦ ;⟧ then spoke.", "He paused…; then spoke."),
            .keep("The meeting is at 10 . 30 a.m. on Monday."),
            .keep("The fine was 1 . 5 million bolivars."),
            .keep("The score was 3 . 2 after the match."),
            .keep("Le président a déclaré : « Nous ne céderons pas ; jamais ! »"),
            .keep("Il a dit « oui , mais non . » hier."),
            // A French line keeps its space before ";".
            .keep("Le ministre a parlé ; il a dit non."),
            .keep("Elle a dit : « Je pars ! » ; puis rien."),
            .keep("La police est arrivée ; les manifestants sont partis."),
            .fix("Le ministre a parlé ; il a dit non⟦ .⟧", "Le ministre a parlé ; il a dit non."),
            .fix("The minister spoke to le monde⟦ ;⟧ he said no.", "The minister spoke to le monde; he said no."),
            .keep("Version 2.0.1 . Then 10.0.0.1 ."),
            .keep("Wait . . . , then go."),
            .keep("The U.S., Canada and Mexico signed... eventually."),
            .keep("Wait . . . what happened?"),
            .keep("And so on ..."),
            .keep("The deal was worth 2.5 billion dollars."),
            .keep("He used .NET and visited example.com with a .45 caliber pistol."),
            .keep("It opened at 9 a.m., officials said."),
            .keep("The total was 1 , 000 units."),
            .keep("Nice work ;) and thanks ;-)"),
            .keep(", starting a line is left alone"),
            .keep("name\t,\tvalue"),
            .keep("Is it true ? Yes !"),
            .keep("The ratio was 3 : 1."),
            .keep("Version 2.0.1 shipped."),
            .fix("He stopped⟦ . ,⟧ and then went on.", "He stopped, and then went on."),
            .keep("Etc., etc., and so forth."),
            .keep("The file is named a .b or .c, see ., and .. for details."),
            .suggest("He was born in 1950. , The family moved."),
            .keep("Type the ; character to end the statement."),
            .keep("Separate the fields with , or with a tab."),
            .fix("The talks ended late⟦ ;⟧ the vote was delayed.", "The talks ended late; the vote was delayed."),
            // A quoted mark is the quoted text; after a closing quote it is debris.
            .keep("Split the line on \" , \" and strip each field."),
            .keep("The old files used ' ; ' between the names."),
            .keep("Lists joined with \" , \", then sorted, were printed."),
            .keep("The menu shows (\" . \") for the current folder."),
            .fix("She called the deal \"a farce\"⟦ ,⟧ and left.", "She called the deal \"a farce\", and left."),
            // The space on the wrong side of the mark.
            .fix("The minister spoke⟦ ,⟧and then left.", "The minister spoke, and then left."),
            .fix("It was worth 2.5 billion dollars⟦ ,⟧officials said.", "It was worth 2.5 billion dollars, officials said."),
            .fix("The talks failed⟦ ;⟧both sides left.", "The talks failed; both sides left."),
            .keep("The total was 1 ,000 votes."),
            .keep("Call f(a ,b) to start."),
            .keep("Split on the ,or character."),
            .keep("name ,age ,city"),
            .keep("The macro expands to (list ,name ,value) at runtime."),
            .keep("That was fun ;pp said the girl."),
            .fix("The word 'dialogue'⟦ ,⟧ he said, had lost its meaning.", "The word 'dialogue', he said, had lost its meaning."),
        ])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        let bytes = document.bytes
        var result: [Correction] = []
        var lines = LineMemo()
        // Code is written as its author spaced it: fenced blocks, found once, and inline spans.
        var code = CodeRegions(document)
        var spacedCommas = SpacedCommaLines()
        result += doubledMarksAndSpacedColons(in: document, lines: &lines)
        var index = 1
        while index < bytes.count {
            // Straight to the next comma, semicolon or full stop.
            index = bytes.withUnsafeBufferPointer { ByteSearch.firstIndex(ofAny: 0x2C, 0x3B, 0x2E, in: $0, from: index, to: $0.count) }
            guard index < bytes.count else { break }
            defer { index += 1 }
            let mark = bytes[index]
            guard mark == 0x2C || mark == 0x3B || mark == 0x2E, bytes[index - 1] == 0x20 else { continue }
            if code.contains(index, in: bytes, lines: &lines) && !lines.isMachineLine(around: index, in: bytes) { continue }
            if mark != 0x2E, let moved = movedSpace(at: index, in: document, context: context, lines: &lines) {
                result.append(moved)
                continue
            }
            guard Self.endsMark(after: index, in: bytes), !Self.anotherMarkFollows(index, in: bytes) else { continue }
            // The spaces before the mark.
            var spaces = index
            while spaces > 0, bytes[spaces - 1] == 0x20 { spaces -= 1 }
            // Wider gaps align columns or draw pictures.
            guard spaces > 0, index - spaces <= 2, !lines.isMachineLine(around: index, in: bytes) else { continue }
            // French typography spaces before ; : ! ? inside «…»: leave all its spacing alone.
            guard !lines.isInsideGuillemets(index, in: bytes) else { continue }
            // A line in French keeps its typographic space before ";" ("Le ministre a parlé ; il a dit").
            if mark == 0x3B, lines.isFrenchLine(around: index, in: bytes) { continue }
            let previous = bytes[spaces - 1]
            if let correction = strayMark(previous: spaces - 1, mark: index, in: document, context: context) {
                result.append(correction)
            } else if mark != 0x2E, let ellipsis = Self.ellipsisStart(endingAt: spaces, in: bytes),
                      Self.isWordEnd(before: ellipsis, in: bytes) {
                // "He said... , then left": the ellipsis stays, the space goes.
                let name = Self.name(of: mark)
                result.append(Correction(
                    ruleID: Self.description.identifier, range: TextRange(start: spaces, end: index + 1),
                    original: document.text(in: spaces..<(index + 1)), replacement: String(UnicodeScalar(mark)),
                    confidence: 0.85, explanation: "space between an ellipsis and a \(name); removed the space"))
            } else if Self.isWordEnd(before: spaces, in: bytes), !Self.isMachineRun(endingAt: spaces, in: bytes),
                      !ByteClass.opensQuotation(at: spaces - 1, in: bytes) {
                if mark == 0x2E, Self.isEllipsis(at: index, in: bytes) || !Self.nextStartsSentence(after: index, in: bytes) { continue }
                // "1 , 000", "10 . 30", "1 . 5": a number spaced around its separator, or a list.
                // A date is no number: "October 5 , 2024" loses the space.
                if mark != 0x3B, ByteClass.isDigit(previous), Self.nextIsDigit(after: index, in: bytes),
                   !(mark == 0x2C && Self.isDateComma(at: index, spacesStart: spaces, in: bytes)) { continue }
                // "the ; character", "separate them with , or tabs": after a word that cannot end
                // a clause, a spaced mark is named as a symbol, not left behind.
                if Self.isNamedSymbol(index, afterWordEndingAt: spaces, in: bytes) { continue }
                let name = Self.name(of: mark)
                var confidence = mark == 0x3B ? 0.8 : 0.9
                var explanation = "space before a \(name) after a word; removed the space"
                if mark == 0x2C, spacedCommas.isSpacedThroughout(lineOf: index, in: bytes) {
                    // "Caracas , 1200 , 3.5", "def f(x , y , z)": every comma of the line spaced
                    // alike is the line's own style (data, code, a transcript), not debris.
                    confidence = 0.5
                    explanation += " (every comma on the line is spaced so: it may be deliberate, as in data or code)"
                }
                result.append(Correction(
                    ruleID: Self.description.identifier, range: TextRange(start: spaces, end: index + 1),
                    original: document.text(in: spaces..<(index + 1)), replacement: String(UnicodeScalar(mark)),
                    confidence: confidence, explanation: explanation))
            }
        }
        return result
    }

    /// "spoke ,and then left" → "spoke, and then left": a comma or semicolon at `index` with one
    /// or two spaces before it, after a word, and glued to a lowercase word after it (letters up
    /// to a space or a mark of prose; a listed English word of three letters or more; the line's
    /// only such mark, outside parentheses): the space stands on the wrong side.
    /// Not between digits ("1 ,000"), after a one-letter word ("f(a ,b)") or a word that cannot
    /// end a clause ("the ,or character"), on a machine line, inside French guillemets, nor in a
    /// run of code.
    private func movedSpace(at index: Int, in document: Document, context: RuleContext, lines: inout LineMemo) -> Correction? {
        let bytes = document.bytes
        let mark = bytes[index]
        guard index + 1 < bytes.count, ByteClass.isLower(bytes[index + 1]) else { return nil }
        var spaces = index
        while spaces > 0, bytes[spaces - 1] == 0x20 { spaces -= 1 }
        guard spaces > 0, index - spaces <= 2, !ByteClass.isDigit(bytes[spaces - 1]),
              Self.isWordEnd(before: spaces, in: bytes), !Self.isMachineRun(endingAt: spaces, in: bytes),
              !ByteClass.opensQuotation(at: spaces - 1, in: bytes) else { return nil }
        // The word after: lowercase letters, then a space, a line end, or a mark of prose.
        var end = index + 1
        while end < bytes.count, ByteClass.isLower(bytes[end]) { end += 1 }
        if end < bytes.count {
            switch bytes[end] {
            case 0x20, 0x0A, 0x0D, 0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0x22, 0x29: break
            default: return nil
            }
        }
        guard !lines.isMachineLine(around: index, in: bytes), !lines.isInsideGuillemets(index, in: bytes) else { return nil }
        if mark == 0x3B, lines.isFrenchLine(around: index, in: bytes) { return nil }
        // The word before: two letters at least ("f(a ,b)" is an argument list), and one that
        // can end a clause ("on the ,or character" names the mark).
        var start = spaces
        while start > 0, bytes[start - 1] < 0x80, ByteClass.isWordByte(bytes[start - 1]) { start -= 1 }
        let before = String(decoding: bytes[start..<spaces], as: UTF8.self).lowercased()
        guard end - index > 3, spaces - start >= 2 || bytes[spaces - 1] >= 0x80, !Self.nonFinalWords.contains(before) else { return nil }
        // The word after is an English word ("and", "officials"; not "pp" of an emoticon), and
        // the line holds this one such mark: "name ,age ,city" is a table or a list of fields,
        // "(list ,name ,value)" code.
        let after = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        guard context.words.contains(after) else { return nil }
        let line = ByteClass.lineRange(around: index, in: bytes)
        var marks = 0
        for offset in line where offset > line.lowerBound && offset + 1 < line.upperBound
            && (bytes[offset] == 0x2C || bytes[offset] == 0x3B) && bytes[offset - 1] == 0x20 && ByteClass.isLower(bytes[offset + 1]) {
            marks += 1
        }
        guard marks == 1 else { return nil }
        // Inside parentheses opened on the line: an argument list or code.
        if bytes[line.lowerBound..<index].lastIndex(of: 0x28).map({ open in !bytes[open..<index].contains(0x29) }) == true { return nil }
        let name = Self.name(of: mark)
        return Correction(
            ruleID: Self.description.identifier, range: TextRange(start: spaces, end: index + 1),
            original: document.text(in: spaces..<(index + 1)), replacement: String(UnicodeScalar(mark)) + " ",
            confidence: 0.85, explanation: "space before a \(name) instead of after it; moved the space")
    }

    /// Doubled marks glued to a word ("suspended,, and", "the budget.. The", "said;; then") and a
    /// space before a colon in an English line ("three measures : a price freeze"), outside
    /// code lines, code spans, fenced blocks and French lines.
    ///
    /// - ",," and ";;" after a letter, before a space or the line's end → one (0.85); not
    ///   between digits or in a run of fields ("1,,3", "a,,b").
    /// - ".." after a letter, a closing quote or bracket, before a space and a capital letter or
    ///   quote → "." (0.8); never "..." or a path ("../"), nor before a lowercase word (an
    ///   informal two-dot ellipsis: "well.. maybe") or at a line's end but after a closing
    ///   quote.
    /// - " :" after a word of two letters or more, then a space and a lowercase word → ":" (0.8;
    ///   before a capital or a number only suggested, 0.6); not emoticons (" :)"), times
    ///   ("10 : 30") or French lines (a space before ":" is French typography).
    private func doubledMarksAndSpacedColons(in document: Document, lines: inout LineMemo) -> [Correction] {
        let bytes = document.bytes
        var result: [Correction] = []
        var code = CodeRegions(document)
        func isLetter(_ byte: UInt8) -> Bool { ByteClass.isUpper(byte) || ByteClass.isLower(byte) || byte >= 0x80 }
        func inCode(_ index: Int, _ lines: inout LineMemo) -> Bool { code.contains(index, in: bytes, lines: &lines) }
        func make(_ range: Range<Int>, _ replacement: String, _ confidence: Double, _ explanation: String) {
            result.append(Correction(ruleID: Self.description.identifier, range: TextRange(range), original: document.text(in: range),
                                     replacement: replacement, confidence: confidence, explanation: explanation))
        }
        // Whether the line is English prose: read once per line.
        var englishLine: Range<Int> = 0..<0
        var lineIsEnglish = false
        func isEnglish(_ index: Int, _ lines: inout LineMemo) -> Bool {
            let line = lines.lineRange(around: index, in: bytes)
            if line != englishLine {
                englishLine = line
                lineIsEnglish = Self.isEnglishProse(line, in: bytes)
            }
            return lineIsEnglish
        }
        // Two forward scans a word at a time: ",", ";" and "." first, then ":" (a scan per byte
        // cost a tenth of the pipeline's spacing phase).
        for pass in 0..<2 {
        var index = 1
        while index + 1 < bytes.count {
            index = bytes.withUnsafeBufferPointer { buffer in
                pass == 0 ? ByteSearch.firstIndex(ofAny: 0x2C, 0x3B, 0x2E, in: buffer, from: index, to: buffer.count - 1)
                          : ByteSearch.firstIndex(of: 0x3A, in: buffer, from: index, to: buffer.count - 1)
            }
            guard index + 1 < bytes.count else { break }
            defer { index += 1 }
            let mark = bytes[index]
            guard mark == 0x2C || mark == 0x3B || mark == 0x2E || mark == 0x3A else { continue }
            let after = index + 2 < bytes.count ? bytes[index + 2] : nil
            let endsThere = after == nil || after == 0x0A || after == 0x0D
            if mark == 0x3A {
                // " : " between words.
                guard bytes[index - 1] == 0x20, bytes[index + 1] == 0x20, index >= 3, isLetter(bytes[index - 2]),
                      isLetter(bytes[index - 3]), let next = after, isLetter(next) || next == 0x22 || ByteClass.isDigit(next) else { continue }
                guard !inCode(index, &lines), !lines.isFrenchLine(around: index, in: bytes),
                      !lines.isInsideGuillemets(index, in: bytes), isEnglish(index, &lines),
                      !Self.colonIsNotation(at: index, in: bytes) else { continue }
                // "three measures : a price freeze"; before a capital or a number it may be a
                // house style of labels ("Examples : Appz", "Score : 3"): only suggested.
                let lowercase = ByteClass.isLower(next)
                make((index - 1)..<(index + 1), ":", lowercase ? 0.8 : 0.6, "space before a colon after a word; removed the space"
                     + (lowercase ? "" : " (a capital or a number follows: the space may be a label's style)"))
                continue
            }
            guard bytes[index + 1] == mark, index + 2 <= bytes.count else { continue }
            if mark == 0x2E {
                // "budget.. The": not "...", "../", ". ." or "1..5".
                guard bytes[index - 1] != 0x2E, after != 0x2E, after != 0x2F else { continue }
                let before = bytes[index - 1]
                guard isLetter(before) || ByteClass.isDigit(before) || before == 0x22 || before == 0x29 || before == 0x27 || before == 0x9D else { continue }
                var capitalFollows = false
                if let space = after, space == 0x20, index + 3 < bytes.count {
                    let next = bytes[index + 3]
                    capitalFollows = ByteClass.isUpper(next) || next == 0x22
                        || ByteClass.isLetter(startingAt: index + 3, in: bytes) && next >= 0x80
                            && String(decoding: bytes[(index + 3)..<min(bytes.count, index + 7)], as: UTF8.self).first?.isUppercase == true
                        || (next == 0xE2 && index + 5 < bytes.count && bytes[index + 4] == 0x80 && bytes[index + 5] == 0x9C)
                }
                // At a line's end only after a closing quote ('said "no"..'): "Implemented by
                // Guido van Rossum.." is how some copy ends.
                let afterQuote = before == 0x22 || (index >= 3 && bytes[index - 3] == 0xE2 && bytes[index - 2] == 0x80 && bytes[index - 1] == 0x9D)
                guard capitalFollows || (endsThere && afterQuote) else { continue }
                guard !inCode(index, &lines) else { continue }
                // Inside a quotation ("Thank you Venezuela.. We will win") it may be the
                // writer's own two-dot ellipsis: only suggested.
                let quoted = Self.isInsideQuotation(index, in: bytes)
                make(index..<(index + 2), ".", quoted ? 0.6 : 0.8, "doubled full stop; kept one"
                     + (quoted ? " (inside a quotation it may be the writer's own two-dot ellipsis)" : ""))
                index += 1
                continue
            }
            // ",," and ";;".
            // After a word, a number or a closing bracket ("suspended,,", "in 2021,,", "(EFE),,"), in
            // English prose: a record's empty field ("Maduro, Nicolás,, Caracas, 1962") and
            // OCaml's ";;" are not.
            let previous = bytes[index - 1]
            guard isLetter(previous) || ByteClass.isDigit(previous) || previous == 0x29, after == 0x20 || endsThere,
                  !inCode(index, &lines), isEnglish(index, &lines) else { continue }
            let name = mark == 0x2C ? "comma" : "semicolon"
            make(index..<(index + 2), String(UnicodeScalar(mark)), 0.85, "doubled \(name); kept one")
            index += 1
        }
        }
        return result.sorted { $0.range.start < $1.range.start }
    }

    /// English function words, for ``isEnglishProse(_:in:)``.
    static let englishFunctionWords: Set<String> = [
        "the", "and", "of", "to", "a", "an", "in", "is", "was", "were", "are", "for", "on", "that", "with", "said", "by", "it",
        "as", "has", "have", "had", "from", "at", "he", "she", "they", "his", "her", "its", "their", "will", "would", "not",
        "but", "this", "which", "who", "after", "before", "three", "two",
    ]

    /// Whether a line reads as English prose: an English function word (the, and, of, said…). "Attention : danger de mort", "Note : les chiffres sont provisoires", "Maduro,
    /// Nicolás,, Caracas, 1962" and "# let double x = 2 * x;;" do not.
    static func isEnglishProse(_ line: Range<Int>, in bytes: [UInt8]) -> Bool {
        var start = line.lowerBound
        while start < line.upperBound {
            // Words of letters, accented ones too ("García" is one word, not "Garc" and "a").
            func isLetter(_ byte: UInt8) -> Bool { ByteClass.isLower(byte) || ByteClass.isUpper(byte) || byte >= 0x80 }
            while start < line.upperBound, !isLetter(bytes[start]) { start += 1 }
            var end = start
            while end < line.upperBound, isLetter(bytes[end]) { end += 1 }
            if end > start, end - start <= 6, englishFunctionWords.contains(String(decoding: bytes[start..<end], as: UTF8.self).lowercased()) {
                return true
            }
            start = max(end, start + 1)
        }
        return false
    }

    /// Whether the spaced colon at `index` is notation, not prose: inside a quotation
    /// ("\"Attention : danger\""), inside brackets or braces (a slice "items[start : end]", a
    /// mapping "{name : value}"), before an "=" on the line (a type, "let total : number = 0"),
    /// on a line that speaks of a ratio ("men : women"), or among aligned labels (a spaced
    /// colon on the line above or below: a factbox).
    static func colonIsNotation(at index: Int, in bytes: [UInt8]) -> Bool {
        if isInsideQuotation(index, in: bytes) { return true }
        let line = ByteClass.lineRange(around: index, in: bytes)
        var square = 0, curly = 0
        for offset in line.lowerBound..<index {
            switch bytes[offset] {
            case 0x5B: square += 1
            case 0x5D: square -= 1
            case 0x7B: curly += 1
            case 0x7D: curly -= 1
            default: break
            }
        }
        if square > 0 || curly > 0 { return true }
        if bytes[index..<line.upperBound].contains(0x3D) { return true }
        if String(decoding: bytes[line], as: UTF8.self).lowercased().contains("ratio") { return true }
        func hasSpacedColon(_ other: Range<Int>) -> Bool {
            other.contains { $0 > other.lowerBound && bytes[$0] == 0x3A && bytes[$0 - 1] == 0x20 }
        }
        if line.lowerBound > 0, hasSpacedColon(ByteClass.lineRange(around: line.lowerBound - 1, in: bytes)) { return true }
        if line.upperBound + 1 < bytes.count, hasSpacedColon(ByteClass.lineRange(around: line.upperBound + 1, in: bytes)) { return true }
        return false
    }

    /// Whether `index` stands inside a quotation on its line: after an odd number of straight
    /// double quotes, or after an opening curly quote “ with no closing ” between.
    static func isInsideQuotation(_ index: Int, in bytes: [UInt8]) -> Bool {
        let line = ByteClass.lineRange(around: index, in: bytes)
        var straight = 0
        var curlyOpen = false
        var offset = line.lowerBound
        while offset < index {
            if bytes[offset] == 0x22 { straight += 1 }
            if bytes[offset] == 0xE2, offset + 2 < index, bytes[offset + 1] == 0x80 {
                if bytes[offset + 2] == 0x9C { curlyOpen = true }
                if bytes[offset + 2] == 0x9D { curlyOpen = false }
            }
            offset += 1
        }
        return straight % 2 == 1 || curlyOpen
    }

    /// Whether every comma of a line has a space on both sides, there are two or more, between
    /// each two stand at most two words, and the line reads as data or code: two numeric fields
    /// ("Caracas , 1200 , 3.5"), the commas inside parentheses ("def f(x , y , z=None)"), or a
    /// short line with no sentence's end ("country , year , value"). Prose that machine
    /// translation spaced throughout ("The minister , who spoke , left the room.") is not. Each
    /// line is read once however many commas it holds (the rule walks the text forward).
    struct SpacedCommaLines {
        private var line: Range<Int> = 0..<0
        private var answer = false

        mutating func isSpacedThroughout(lineOf index: Int, in bytes: [UInt8]) -> Bool {
            if line.contains(index) { return answer }
            line = ByteClass.lineRange(around: index, in: bytes)
            if line.isEmpty { line = index..<(index + 1) }
            var spaced = 0
            var previous: Int?
            answer = true
            for offset in line where bytes[offset] == 0x2C {
                let before = offset > 0 && bytes[offset - 1] == 0x20
                let after = offset + 1 < bytes.count && bytes[offset + 1] == 0x20
                // "1,000" and "3,5" are numbers, not the line's commas.
                if offset > 0, offset + 1 < bytes.count, ByteClass.isDigit(bytes[offset - 1]), ByteClass.isDigit(bytes[offset + 1]) { continue }
                guard before && after else { answer = false; break }
                // ". ," is debris of its own ("D.C . ,"), not a field's comma.
                if offset >= 2, [0x2E, 0x2C, 0x3B, 0x3A].contains(bytes[offset - 2]) { continue }
                // The words between this comma and the one before: spaces inside the field.
                if let start = previous, bytes[(start + 2)..<(offset - 1)].filter({ $0 == 0x20 }).count > 1 { answer = false; break }
                spaced += 1
                previous = offset
            }
            guard answer && spaced >= 1 else {
                answer = false
                return answer
            }
            // Machine translation spaces every comma of a paragraph alike ("The minister , who
            // spoke , left"), so spacing alone says nothing: the line must also read as data or
            // code. Two numeric fields ("Caracas , 1200 , 3.5"), the commas inside parentheses
            // ("def f(x , y , z=None)"), or a short line with no sentence's end ("country , year ,
            // value").
            let fields = String(decoding: bytes[line], as: UTF8.self).components(separatedBy: " , ")
            let numeric = fields.filter { field in
                let trimmed = field.trimmingCharacters(in: .whitespaces)
                return !trimmed.isEmpty && trimmed.allSatisfy { $0.isNumber || $0 == "." || $0 == "," || $0 == "-" || $0 == "%" }
                    || trimmed.split(separator: " ").last.map { $0.allSatisfy { $0.isNumber || $0 == "." } } == true
                        && trimmed.split(separator: " ").count == 1
            }.count
            let text = bytes[line]
            let firstComma = text.firstIndex(of: 0x2C) ?? line.upperBound
            let lastComma = text.lastIndex(of: 0x2C) ?? line.lowerBound
            let inParentheses = text[..<firstComma].lastIndex(of: 0x28).map { open in !text[open..<firstComma].contains(0x29) } == true
                && text[lastComma...].contains(0x29)
            var words = 0, inWord = false, ends = false
            for offset in line {
                let space = bytes[offset] == 0x20
                if !space && !inWord { words += 1 }
                inWord = !space
                if [0x2E, 0x21, 0x3F].contains(bytes[offset]), offset + 1 == line.upperBound || bytes[offset + 1] == 0x20 { ends = true }
            }
            // One spaced comma is data only before a number on a short line ("Caracas , 1200",
            // "Maduro , 51.2": review 19).
            answer = numeric >= 2 || (spaced >= 2 && inParentheses) || (!ends && words <= 8 && (spaced >= 2 || numeric >= 1))
            return answer
        }
    }

    /// Articles, prepositions and conjunctions after which no clause ends: a spaced mark after one
    /// is the mark itself being named ("the ; character", "for , or #").
    static let nonFinalWords: Set<String> = [
        "the", "a", "an", "of", "for", "with", "by", "from", "between", "than", "and", "or", "nor",
    ]

    /// Whether the mark at `index`, followed by a space, stands after one of ``nonFinalWords``
    /// (ending at `offset`, case-insensitively): then the text names the mark as a symbol.
    static func isNamedSymbol(_ index: Int, afterWordEndingAt offset: Int, in bytes: [UInt8]) -> Bool {
        guard index + 1 < bytes.count, bytes[index + 1] == 0x20 else { return false }
        var start = offset
        while start > 0, bytes[start - 1] < 0x80, ByteClass.isWordByte(bytes[start - 1]) { start -= 1 }
        guard offset - start <= 7, start == 0 || !ByteClass.isWordByte(bytes[start - 1]) else { return false }
        return nonFinalWords.contains(String(decoding: bytes[start..<offset], as: UTF8.self).lowercased())
    }

    /// Whether the whitespace-delimited run that ends at `offset` is a URL, e-mail address, path
    /// or dotted name ("user@example.com", "/usr/share", "socket.error"): a space before a full
    /// stop after one is deliberate, to keep the stop out of the address.
    static func isMachineRun(endingAt offset: Int, in bytes: [UInt8]) -> Bool {
        var start = offset
        while start > 0, !ByteClass.isSpace(bytes[start - 1]) { start -= 1 }
        let run = bytes[start..<offset]
        if run.contains(where: { $0 == 0x40 || $0 == 0x2F || $0 == 0x5C || $0 == 0x60 || $0 == 0x5F }) { return true }
        // A dot before a word byte, except the one decimal point of a number ("3.5%").
        var dots = 0
        var decimalPoints = 0
        var position = run.startIndex
        while position + 1 < run.endIndex {
            if run[position] == 0x2E, ByteClass.isWordByte(run[position + 1]) {
                dots += 1
                if position > run.startIndex, ByteClass.isDigit(run[position - 1]), ByteClass.isDigit(run[position + 1]) {
                    decimalPoints += 1
                }
            }
            position += 1
        }
        return dots > 1 || dots > decimalPoints
    }

    /// The start of an unspaced ellipsis ("..." or "…" U+2026) that ends right before `offset`,
    /// or `nil`.
    static func ellipsisStart(endingAt offset: Int, in bytes: [UInt8]) -> Int? {
        if offset >= 3, bytes[offset - 1] == 0xA6, bytes[offset - 2] == 0x80, bytes[offset - 3] == 0xE2 { return offset - 3 }
        guard offset >= 3, bytes[offset - 1] == 0x2E, bytes[offset - 2] == 0x2E, bytes[offset - 3] == 0x2E else { return nil }
        var start = offset - 3
        while start > 0, bytes[start - 1] == 0x2E { start -= 1 }
        return start
    }

    /// Whether what follows the full stop at `index` can start a sentence: the end of the text or
    /// line, a capital letter, a digit or an opening quote or parenthesis. " . import" and
    /// " . and" name the full stop itself.
    static func nextStartsSentence(after index: Int, in bytes: [UInt8]) -> Bool {
        var next = index + 1
        while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
        guard next < bytes.count else { return true }
        let byte = bytes[next]
        if byte < 0x80 {
            return byte == 0x0A || byte == 0x0D || ByteClass.isUpper(byte) || ByteClass.isDigit(byte)
                || byte == 0x22 || byte == 0x27 || byte == 0x28
        }
        let scalar = bytes.withUnsafeBufferPointer { Tokenizer.decodeScalar($0, at: next).0 }
        return scalar.properties.isUppercase || scalar.value == 0x201C || scalar.value == 0x2018 || scalar.value == 0x00AB
    }

    /// Whether spaces and a comma or full stop follow the mark at `index`: the later mark then
    /// speaks for the pair (". ,").
    static func anotherMarkFollows(_ index: Int, in bytes: [UInt8]) -> Bool {
        guard bytes[index] != 0x3B else { return false }
        var next = index + 1
        while next < bytes.count, bytes[next] == 0x20 { next += 1 }
        guard next > index + 1, next < bytes.count, bytes[next] == 0x2C || bytes[next] == 0x2E else { return false }
        return endsMark(after: next, in: bytes) && !(bytes[index] == 0x2E && isEllipsis(at: index, in: bytes))
    }

    /// A stray comma or full stop at `previous` (maybe after spaces), then spaces, then the mark.
    private func strayMark(previous: Int, mark: Int, in document: Document, context: RuleContext) -> Correction? {
        let bytes = document.bytes
        let first = bytes[previous]
        let second = bytes[mark]
        guard first == 0x2E || first == 0x2C, second == 0x2C || second == 0x2E else { return nil }
        var start = previous
        while start > 0, bytes[start - 1] == 0x20 { start -= 1 }
        guard Self.isWordEnd(before: start, in: bytes) else { return nil }
        // "word. . ." is a spaced ellipsis; "..." before a mark is an ellipsis.
        if first == 0x2E, second == 0x2E, Self.isEllipsis(at: mark, in: bytes) { return nil }
        if first == 0x2E, previous > 0, bytes[previous - 1] == 0x2E { return nil }
        let range = TextRange(start: start, end: mark + 1)
        let original = document.text(in: range.asRange)
        var replacement = String(UnicodeScalar(second))
        var confidence = 0.85
        var explanation: String
        switch (first, second) {
        case (0x2E, 0x2C):
            // "U.S. ," and "U.S . ,": the full stop, spaced off or not, ends the abbreviation.
            let detached = start < previous
            if Self.isAbbreviation(endingAt: start, in: bytes) && !(detached && Self.isWordLike(endingAt: start, in: bytes)) {
                replacement = ".,"
                explanation = "space before a comma after an abbreviation; kept the abbreviation's full stop"
            } else if detached && Self.isWordLike(endingAt: start, in: bytes) {
                // "Voters said no . ,": the word reading is the likelier; the suggestion drops
                // the stop (review 17: it offered "no.,").
                replacement = ","
                confidence = 0.5
                explanation = "stray full stop before a comma after a word that is also an abbreviation (\"no\", \"fig\", \"Jan\"); "
                    + "removed the stop, which may be the abbreviation's"
            } else if Self.isAmbiguousAbbreviation(endingAt: start, in: bytes) || Self.isWordLike(endingAt: start, in: bytes) {
                replacement = ".,"
                confidence = 0.5
                explanation = "space before a comma after a word that may be an abbreviation (\"Wash.\", \"et al.\"); kept its full stop"
            } else if Self.isShortUnknownWord(endingAt: start, in: bytes)
                        || Self.mayBeAbbreviation(endingAt: start, in: bytes, context: context) {
                // "5 yd. , 10 ft.", "Erie, Pa . ,", "D. C . ,", "200 C . ," with an abbreviation we
                // do not list: removing its full stop would trade one error for another.
                replacement = ".,"
                confidence = 0.5
                explanation = "space before a comma after a short word that may be an abbreviation; kept its full stop"
            } else {
                explanation = "stray full stop before a comma; kept the comma"
                if Self.nextWordIsCapitalized(after: mark, in: bytes) {
                    confidence = 0.6
                    explanation += " (a capitalized word follows: the full stop may be the real mark)"
                }
            }
        case (0x2C, 0x2C):
            // "1, , 3, , 5": between list items of numbers an empty slot is deliberate (a value
            // missing from a series); with a number on one side only, it may be.
            let digitBefore = ByteClass.isDigit(bytes[start - 1])
            let digitAfter = Self.nextIsDigit(after: mark, in: bytes)
            if digitBefore && digitAfter { return nil }
            explanation = "doubled comma"
            if digitBefore || digitAfter {
                confidence = 0.5
                explanation += " (a number beside it: it may be an empty slot of a list)"
            }
        case (0x2E, 0x2E):
            if start == previous, Self.isAbbreviation(endingAt: previous, in: bytes) { return nil }
            explanation = "doubled full stop"
        default:
            if Self.nextWordIsLowercase(after: mark, in: bytes) {
                // "the first time, . in January": the sentence goes on, so the full stop is the
                // debris and the comma the mark.
                replacement = ","
                confidence = 0.75
                explanation = "stray full stop after a comma; kept the comma (a lowercase word follows: the sentence goes on)"
            } else {
                explanation = "stray comma before a full stop; kept the full stop"
            }
        }
        return Correction(
            ruleID: Self.description.identifier, range: range, original: original, replacement: replacement,
            confidence: confidence, explanation: explanation)
    }

    /// Whether the comma at `index`, after spaces from `spacesStart`, stands between the day and
    /// the year of a date written month first: a month's name ("October", "Oct.", "Aug"), a space, one
    /// or two digits, then after the comma and its spaces a year of four digits ("October 5 ,
    /// 2024"), not a number ("5 , 000").
    static func isDateComma(at index: Int, spacesStart: Int, in bytes: [UInt8]) -> Bool {
        var dayStart = spacesStart
        while dayStart > 0, ByteClass.isDigit(bytes[dayStart - 1]) { dayStart -= 1 }
        guard (1...2).contains(spacesStart - dayStart), dayStart >= 2, bytes[dayStart - 1] == 0x20 else { return false }
        var monthEnd = dayStart - 1
        if bytes[monthEnd - 1] == 0x2E { monthEnd -= 1 }
        var monthStart = monthEnd
        while monthStart > 0, ByteClass.isUpper(bytes[monthStart - 1]) || ByteClass.isLower(bytes[monthStart - 1]) { monthStart -= 1 }
        let month = String(decoding: bytes[monthStart..<monthEnd], as: UTF8.self)
        guard GluedWordsVocabulary.months.contains(month) || GluedWordsVocabulary.monthAbbreviations.contains(month) else { return false }
        var year = index + 1
        while year < bytes.count, bytes[year] == 0x20 { year += 1 }
        var yearEnd = year
        while yearEnd < bytes.count, ByteClass.isDigit(bytes[yearEnd]) { yearEnd += 1 }
        guard yearEnd - year == 4, bytes[year] == 0x31 || bytes[year] == 0x32 else { return false }
        // "October 5 , 2024,000" would be a number after all.
        return yearEnd == bytes.count || !(bytes[yearEnd] == 0x2C || bytes[yearEnd] == 0x2E) || !Self.nextIsDigit(after: yearEnd, in: bytes)
    }

    /// Whether the mark at `index` is followed by white space, a closing quote or the end.
    static func endsMark(after index: Int, in bytes: [UInt8]) -> Bool {
        let next = index + 1
        guard next < bytes.count else { return true }
        switch bytes[next] {
        case 0x20, 0x09, 0x0A, 0x0D, 0x22: return true
        case 0xE2:
            // ” U+201D, ’ U+2019.
            return next + 2 < bytes.count && bytes[next + 1] == 0x80 && (bytes[next + 2] == 0x9D || bytes[next + 2] == 0x99)
        case 0xC2:
            // » U+00BB, no-break space U+00A0.
            return next + 1 < bytes.count && (bytes[next + 1] == 0xBB || bytes[next + 1] == 0xA0)
        default: return false
        }
    }

    /// Whether the byte before `offset` ends a word: a letter, digit, closing quote or bracket, or %.
    static func isWordEnd(before offset: Int, in bytes: [UInt8]) -> Bool {
        guard offset > 0 else { return false }
        let byte = bytes[offset - 1]
        if byte < 0x80 {
            return ByteClass.isWordByte(byte) || byte == 0x29 || byte == 0x5D || byte == 0x22 || byte == 0x25 || byte == 0x27
        }
        // The last scalar before `offset`.
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let scalar = bytes.withUnsafeBufferPointer { Tokenizer.decodeScalar($0, at: start).0 }
        switch scalar.value {
        case 0x201D, 0x2019, 0x00BB: return true
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    /// Whether the full stop at `index` is part of an ellipsis: "...", or ". . ." spaced.
    static func isEllipsis(at index: Int, in bytes: [UInt8]) -> Bool {
        if index + 1 < bytes.count, bytes[index + 1] == 0x2E { return true }
        if index + 2 < bytes.count, bytes[index + 1] == 0x20, bytes[index + 2] == 0x2E { return true }
        return false
    }

    /// Whether a digit follows the mark at `index` after spaces ("1 , 000").
    static func nextIsDigit(after index: Int, in bytes: [UInt8]) -> Bool {
        var next = index + 1
        while next < bytes.count, bytes[next] == 0x20 { next += 1 }
        return next < bytes.count && bytes[next] >= 0x30 && bytes[next] <= 0x39
    }

    /// Whether the first word after the mark at `index` starts with a capital letter.
    static func nextWordIsCapitalized(after index: Int, in bytes: [UInt8]) -> Bool {
        var next = index + 1
        while next < bytes.count, bytes[next] == 0x20 { next += 1 }
        guard next < bytes.count else { return false }
        if bytes[next] < 0x80 { return bytes[next] >= 0x41 && bytes[next] <= 0x5A }
        return bytes.withUnsafeBufferPointer { Tokenizer.decodeScalar($0, at: next).0.properties.isUppercase }
    }

    /// Whether the next word after the mark at `index` (past spaces) starts with a lowercase
    /// letter.
    static func nextWordIsLowercase(after index: Int, in bytes: [UInt8]) -> Bool {
        var next = index + 1
        while next < bytes.count, bytes[next] == 0x20 { next += 1 }
        guard next < bytes.count else { return false }
        if bytes[next] < 0x80 { return ByteClass.isLower(bytes[next]) }
        return bytes.withUnsafeBufferPointer { Tokenizer.decodeScalar($0, at: next).0.properties.isLowercase }
    }

    /// Abbreviations that end in a full stop and may be followed by a comma.
    static let abbreviations: Set<String> = [
        "co", "inc", "corp", "ltd", "jr", "sr", "st", "etc", "no", "vs", "dr", "mr", "mrs", "ms",
        "prof", "gen", "gov", "sen", "rep", "jan", "feb", "mar", "apr", "aug", "sept", "sep",
        "oct", "nov", "dec", "approx", "dept", "est", "av", "ave", "bros",
        // Units, references, ranks, US states and days that news copy abbreviates with a full
        // stop, and that are no English word.
        "ft", "lb", "lbs", "oz", "km", "kg", "yd", "yds", "sq", "hr", "hrs", "mins", "secs", "fig",
        "figs", "vol", "vols", "pp", "chap", "para", "eds", "cf", "ibid", "lt", "capt", "cmdr", "sgt",
        "cpl", "pvt", "adm", "maj", "pres", "supt", "atty", "mt", "blvd", "rd", "hwy", "sta", "calif",
        "fla", "tex", "ariz", "conn", "penn", "mich", "minn", "wis", "colo", "okla", "tenn", "ky",
        "md", "va", "ga", "ala", "neb", "nev", "tue", "tues", "thu", "thur", "thurs", "univ", "assn",
        "intl", "govt", "inst", "natl", "dist", "div", "mfg", "pa", "esq", "tbsp", "tsp", "mme", "mmes",
        "messrs", "mlle", "ca",
    ]

    /// Abbreviations that are also English words ("in." and "in", "Wash." and "wash", "et al."
    /// and "al"): before a stray comma, either the full stop or the word ends a sentence, so the
    /// repair keeping the full stop is only suggested.
    static let ambiguousAbbreviations: Set<String> = [
        "in", "mi", "cu", "min", "sec", "ch", "art", "ed", "al", "op", "col", "rev", "hon", "fr", "pl",
        "mass", "wash", "ill", "ore", "la", "miss", "mon", "wed", "fri", "sat", "sun", "nos", "max",
    ]

    /// Abbreviations that are words too ("no", "fig") or a given name ("Jan"): with the full stop
    /// against them ("Fig. ,", "No. ,") they are the abbreviation; with a space before it
    /// ("Voters said no . ,") either, so that is only suggested, as ``ambiguousAbbreviations``.
    static let wordLikeAbbreviations: Set<String> = ["no", "fig", "jan"]

    /// Whether the full stop at `index` ends an abbreviation: "U.S", "a.m", "Inc", "etc".
    static func isAbbreviation(endingAt index: Int, in bytes: [UInt8]) -> Bool {
        var start = index
        while start > 0, ByteClass.isWordByte(bytes[start - 1]), bytes[start - 1] < 0x80 { start -= 1 }
        let length = index - start
        guard length > 0 else { return false }
        // A single letter after another full stop: "U.S", "a.m".
        if length == 1, start >= 2, bytes[start - 1] == 0x2E { return true }
        let word = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
        return abbreviations.contains(word)
    }

    /// Whether the word before the full stop at `index` is one of ``ambiguousAbbreviations``.
    static func isAmbiguousAbbreviation(endingAt index: Int, in bytes: [UInt8]) -> Bool {
        var start = index
        while start > 0, ByteClass.isWordByte(bytes[start - 1]), bytes[start - 1] < 0x80 { start -= 1 }
        return start < index && ambiguousAbbreviations.contains(String(decoding: bytes[start..<index], as: UTF8.self).lowercased())
    }

    /// Whether the word ending at `index` is one of ``wordLikeAbbreviations``.
    static func isWordLike(endingAt index: Int, in bytes: [UInt8]) -> Bool {
        var start = index
        while start > 0, ByteClass.isWordByte(bytes[start - 1]), bytes[start - 1] < 0x80 { start -= 1 }
        return start < index && wordLikeAbbreviations.contains(String(decoding: bytes[start..<index], as: UTF8.self).lowercased())
    }

    /// Whether the word before the full stop at `index` is one or two ASCII letters, or three or
    /// four consonants: the shapes of abbreviations ("yd", "mg", "hwy", "blvd"), which a comma
    /// after a stray space leaves unclear.
    static func isShortUnknownWord(endingAt index: Int, in bytes: [UInt8]) -> Bool {
        var start = index
        while start > 0, ByteClass.isWordByte(bytes[start - 1]), bytes[start - 1] < 0x80 { start -= 1 }
        let word = bytes[start..<index]
        guard !word.isEmpty, word.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return false }
        if word.count <= 2 { return true }
        return word.count <= 4 && !word.contains { "aeiouy".utf8.contains($0 | 0x20) }
    }

    /// Whether the word before the full stop at `index` (a UTF-8 byte offset) has the shape of an
    /// abbreviation we do not list: a single letter ("D. C", "200 C"), or two to four letters that
    /// are capitalized ("Mme", "Pa") and neither a lexicon name component ("Lima") nor a common
    /// English word of four letters ("July"), or in lowercase not among the
    /// 10,000 most frequent English words ("tbsp").
    /// "time" in "for the first time . , in January" is none of these.
    static func mayBeAbbreviation(endingAt index: Int, in bytes: [UInt8], context: RuleContext) -> Bool {
        var start = index
        while start > 0, ByteClass.isWordByte(bytes[start - 1]), bytes[start - 1] < 0x80 { start -= 1 }
        let word = bytes[start..<index]
        guard !word.isEmpty, word.count <= 4, start == 0 || bytes[start - 1] < 0x80,
              word.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return false }
        if word.count == 1 { return true }
        let text = String(decoding: word, as: UTF8.self)
        // A lexicon place or name ("Lima", "Cali") is a whole word, not an abbreviation.
        // A capitalized common English word of four letters ("July", "Rome") is a word too.
        if ByteClass.isUpper(word[word.startIndex]) {
            let folded = Folding.fold(text)
            return context.gazetteer.entitiesByComponent[folded] == nil && (word.count < 4 || (context.words.rank(of: folded) ?? Int.max) > 10_000)
        }
        guard let rank = context.words.rank(of: text) else { return true }
        return rank > 10_000
    }

    static func name(of mark: UInt8) -> String {
        switch mark {
        case 0x2C: return "comma"
        case 0x3B: return "semicolon"
        default: return "full stop"
        }
    }
}
