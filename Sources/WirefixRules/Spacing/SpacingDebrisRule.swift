import WirefixEngine
import WirefixLexicon

/// Removes stray spaces that markup left in prose: a doubled space between two words ("the
/// minister  said", "vice president,  Diosdado") and a space just inside parentheses ("(
/// pictured)", "(local time )").
///
/// Only in prose: never on command or code lines, in code spans or fenced blocks, never a run of
/// three spaces or more (columns, pictures), never two spaces after a sentence's end (a typing
/// convention), and never on a line with another run of two spaces or more (aligned text).
struct SpacingDebrisRule: Rule {
    static let description = RuleDescription(
        identifier: "spacing_debris",
        name: "Spacing Debris",
        summary: "Removes doubled spaces between words and spaces just inside parentheses",
        discussion: """
            Detects and fixes (0.8): exactly two spaces between a word (or a comma, semicolon, \
            closing parenthesis or quote after one) and a word or number, on a line of six words \
            or more with at most two such runs and none on the lines above and below → one space \
            ("the minister  said", "president,  Diosdado"); a space right after "(" before a \
            letter, or right before ")" after a letter or digit, in a parenthetical of words (a \
            word of three letters or more; letters, digits, spaces, commas, hyphens, apostrophes) \
            of at most 80 bytes on one line, its "(" after a space or at a line's start → removed \
            ("( pictured)", "(local time )", "( MUD )"). \
            Left alone: leading and trailing white space, three spaces or more, two spaces after \
            ".", "?", "!" or ":" (two spaces between sentences is a typing convention), short \
            lines and lines beside another with a doubled space (columns, factboxes, verse), \
            emoticons (":-( ", "=( "), calls and math ("f( x )", "( a + b )", "if ( ready )"), \
            Roman numerals ("( ii )"), command and code lines, inline code spans and fenced code \
            blocks.
            """,
        phase: .spacing,
        examples: [
            .fix("The minister⟦  ⟧said the measure was temporary.", "The minister said the measure was temporary."),
            .fix("The first vice president,⟦  ⟧Diosdado Cabello, chaired the meeting.", "The first vice president, Diosdado Cabello, chaired the meeting."),
            .fix("The minister ⟦( pictured)⟧ spoke for twenty minutes.", "The minister (pictured) spoke for twenty minutes."),
            .fix("The vote took place on Sunday (local time⟦ ⟧) in the capital.", "The vote took place on Sunday (local time) in the capital."),
            .fix("The coalition ⟦( MUD )⟧ met.", "The coalition (MUD) met."),
            .keep("The vote ended.  Then the chamber emptied."),
            .keep("Name  Age  City\nAna   31   Lima"),
            .keep("He wrote   three spaces here."),
            .keep("  Indented lines keep their indent.  "),
            .keep("He was sad :( and left ;( later."),
            .keep("He was sad :-( and left, but smiled later :)"),
            .keep("The function f( x ) and the sum ( a + b ) and ( o.o ) and paragraphs ( i ) and ( ii ) stay."),
            .keep("A face with glasses ( o¬ô ) and a shrug ( ͡° ͜ʖ ͡°) were posted."),
            .keep("if ( ready )  start()"),
            .keep("for ( i = 0; i < n; i++ )  sum += i; while ( i < 10 )  i++; and more words here"),
            .keep("\"We will win,\" the candidate told the crowd. \"We will win.\"  The crowd cheered for him."),
            .keep("Candidate         Party\nNicolás Maduro    PSUV\nEdmundo González  Unitary Platform"),
            .keep("Caracas  Venezuela\nLima  Peru\nQuito  Ecuador"),
            .fix("⟦( pictured)⟧ The minister spoke for twenty minutes.", "(pictured) The minister spoke for twenty minutes."),
            .fix("The vote took place on Sunday (local time⟦ ⟧)", "The vote took place on Sunday (local time)"),
            .fix("Elections were held in⟦  ⟧2020 and again in 2024.", "Elections were held in 2020 and again in 2024."),
            .fix("The agency (EFE)⟦  ⟧reported the arrest on Monday.", "The agency (EFE) reported the arrest on Monday."),
            .keep("Call `f( x )` and `a  b` as shown."),
            .keep("```\nif ( x )  return\n```"),
            .keep("The list (a) and ( 1 ) stay."),
        ])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        let bytes = document.bytes
        guard bytes.count > 2 else { return [] }
        var result: [Correction] = []
        var lines = LineMemo()
        var code = CodeRegions(document)
        var proseLine: Range<Int> = 0..<0
        var lineIsProse = false
        // Letters decoded: a no-break space, a curly quote or a dash is none.
        func isLetter(at offset: Int) -> Bool { ByteClass.isLetter(startingAt: offset, in: bytes) }
        func isLetter(before offset: Int) -> Bool { ByteClass.isLetter(endingAt: offset, in: bytes) }
        func inCode(_ index: Int) -> Bool { code.contains(index, in: bytes, lines: &lines) }
        func isProse(_ index: Int) -> Bool {
            let line = lines.lineRange(around: index, in: bytes)
            if line != proseLine {
                proseLine = line
                lineIsProse = Self.isProseLine(line, in: bytes)
            }
            return lineIsProse
        }
        func make(_ range: Range<Int>, _ replacement: String, _ explanation: String) {
            result.append(Correction(ruleID: Self.description.identifier, range: TextRange(range), original: document.text(in: range),
                                     replacement: replacement, confidence: 0.8, explanation: explanation))
        }
        // The candidates, found eight bytes at a time: every run of two spaces and every "(" and
        // ")"; a scan per space cost a twentieth of the pipeline on clean copy.
        let candidates: [Int] = document.withBytes { buffer in
            var found: [Int] = []
            var offset = 0
            while offset + 1 < buffer.count {
                offset = ByteSearch.firstIndex(ofPair: 0x20, in: buffer, from: offset, to: buffer.count)
                guard offset + 1 < buffer.count else { break }
                found.append(offset)
                offset += 2
                while offset < buffer.count, buffer[offset] == 0x20 { offset += 1 }
            }
            offset = 0
            while offset < buffer.count {
                offset = ByteSearch.firstIndex(ofAny: 0x28, 0x29, 0x29, in: buffer, from: offset, to: buffer.count)
                guard offset < buffer.count else { break }
                found.append(buffer[offset] == 0x28 ? offset : offset - 1)
                offset += 1
            }
            return found.filter { $0 >= 0 }.sorted()
        }
        var next = 0
        var index = 0
        while next < candidates.count {
            // A candidate inside a span already handled ("( MUD )") is passed over.
            if candidates[next] < index {
                next += 1
                continue
            }
            index = candidates[next]
            next += 1
            guard index + 1 < bytes.count else { break }
            defer { index += 1 }
            let byte = bytes[index]
            if byte == 0x20, index > 0, bytes[index + 1] == 0x20, index + 2 < bytes.count {
                // Exactly two spaces, between a word (or its comma, or a closing bracket or
                // quote) and a word or a number.
                let before = bytes[index - 1]
                // A quote or bracket that closes a sentence ('"We will win."  The') is a sentence's end.
                let closesSentence = (before == 0x22 || before == 0x29) && index >= 2 && [0x2E, 0x21, 0x3F].contains(bytes[index - 2])
                guard bytes[index + 2] != 0x20, isLetter(at: index + 2) || ByteClass.isDigit(bytes[index + 2]), !closesSentence,
                      isLetter(before: index) || ByteClass.isDigit(before) || [0x2C, 0x3B, 0x29, 0x22].contains(before) else {
                    index += 1
                    continue
                }
                if isProse(index), !inCode(index) {
                    make(index..<(index + 2), " ", "two spaces between words; kept one")
                }
                index += 1
                continue
            }
            // "( pictured)": the space after "(", which follows a space or starts the line (not
            // an emoticon's ":-(", "=(", nor a call's "f( x )").
            if byte == 0x28, bytes[index + 1] == 0x20, index + 2 < bytes.count, isLetter(at: index + 2),
               index == 0 || bytes[index - 1] == 0x20 || bytes[index - 1] == 0x0A,
               let close = Self.closingParenthesis(after: index, in: bytes),
               Self.isWordsParenthetical((index + 1)..<close, in: bytes), !Self.followsCodeKeyword(index, in: bytes), !inCode(index) {
                // Both inner spaces in one correction ("( MUD )"), else the one.
                let spacedClose = bytes[close - 1] == 0x20 && close - 2 > index + 1 && (isLetter(before: close - 1) || ByteClass.isDigit(bytes[close - 2]))
                let inner = document.text(in: (index + 2)..<(spacedClose ? close - 1 : close))
                make(index..<(close + 1), "(" + inner + ")", "space inside parentheses; removed")
                index = close
                continue
            }
            // "(local time )": the space before ")".
            if byte == 0x20, index > 0, bytes[index + 1] == 0x29, isLetter(before: index) || ByteClass.isDigit(bytes[index - 1]),
               let open = Self.openingParenthesis(before: index, in: bytes), bytes[open + 1] != 0x20,
               open == 0 || bytes[open - 1] == 0x20 || bytes[open - 1] == 0x0A,
               Self.isWordsParenthetical((open + 1)..<index, in: bytes), !inCode(index) {
                make(index..<(index + 1), "", "space before a closing parenthesis; removed")
            }
        }
        return result
    }

    /// Whether a parenthetical's inside reads as words: letters, digits, spaces, commas,
    /// hyphens and apostrophes only, with a word of three letters or more, and not a Roman
    /// numeral alone ("( ii )"). Not "( x )", "( a + b )", "( o.o )".
    static func isWordsParenthetical(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        var longest = 0, current = 0
        var letters: [Unicode.Scalar] = []
        // Scalars decoded: "¬" or "°" is no letter ("( o¬ô )" is a face).
        for scalar in String(decoding: bytes[range], as: UTF8.self).unicodeScalars {
            if scalar.properties.isAlphabetic {
                current += 1
                letters.append(scalar)
                longest = max(longest, current)
            } else if scalar == " " || scalar == "," || scalar == "-" || scalar == "'" || scalar == "\u{2019}"
                        || ("0"..."9").contains(scalar) {
                current = 0
            } else {
                return false
            }
        }
        if !letters.isEmpty && letters.allSatisfy({ "ivxlcdmIVXLCDM".unicodeScalars.contains($0) }) { return false }
        return longest >= 3
    }

    /// Whether the word before the "(" at `open` is a keyword that calls or tests in code
    /// ("if ( ready )", "while ( x )").
    static func followsCodeKeyword(_ open: Int, in bytes: [UInt8]) -> Bool {
        var end = open
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        var start = end
        while start > 0, ByteClass.isLower(bytes[start - 1]) { start -= 1 }
        let word = String(decoding: bytes[start..<end], as: UTF8.self)
        return ["if", "while", "for", "switch", "return", "elif", "until", "catch", "foreach"].contains(word)
    }

    /// Whether a line is prose for a doubled space: six words or more, at most two runs of two
    /// spaces or more between words, and neither line beside it (above or below) has such a
    /// run (aligned columns, a factbox, verse laid out with spaces).
    static func isProseLine(_ line: Range<Int>, in bytes: [UInt8]) -> Bool {
        let runs = doubleSpaceRuns(in: line, of: bytes)
        guard runs >= 1, runs <= 2 else { return false }
        // Code: "=", braces, "++" or "()" ("while ( i < 10 )  i++;": review 19).
        let text = bytes[line]
        if text.contains(0x3D) || text.contains(0x7B) || text.contains(0x7D) { return false }
        for offset in line.dropLast() where (bytes[offset] == 0x2B && bytes[offset + 1] == 0x2B) || (bytes[offset] == 0x28 && bytes[offset + 1] == 0x29) {
            return false
        }
        var words = 0
        var inWord = false
        for offset in line {
            let space = bytes[offset] == 0x20 || bytes[offset] == 0x09
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        guard words >= 6 else { return false }
        // The lines above and below.
        if line.lowerBound > 0 {
            let above = ByteClass.lineRange(around: line.lowerBound - 1, in: bytes)
            if doubleSpaceRuns(in: above, of: bytes) > 0 { return false }
        }
        if line.upperBound + 1 < bytes.count {
            let below = ByteClass.lineRange(around: line.upperBound + 1, in: bytes)
            if doubleSpaceRuns(in: below, of: bytes) > 0 { return false }
        }
        return true
    }

    /// The number of runs of two spaces or more on a line that stand between two non-space
    /// characters (indentation and trailing spaces do not count).
    static func doubleSpaceRuns(in line: Range<Int>, of bytes: [UInt8]) -> Int {
        var runs = 0
        var offset = line.lowerBound
        while offset < line.upperBound, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
        while offset < line.upperBound {
            if bytes[offset] == 0x20 {
                var end = offset
                while end < line.upperBound, bytes[end] == 0x20 { end += 1 }
                if end - offset >= 2, end < line.upperBound, bytes[end] != 0x0D { runs += 1 }
                offset = end
            } else {
                offset += 1
            }
        }
        return runs
    }

    /// The ")" closing the "(" at `open` on the same line, within 80 bytes, with no "(" between.
    static func closingParenthesis(after open: Int, in bytes: [UInt8]) -> Int? {
        var index = open + 1
        while index < bytes.count, index - open <= 80 {
            switch bytes[index] {
            case 0x29: return index
            case 0x28, 0x0A: return nil
            default: index += 1
            }
        }
        return nil
    }

    /// The "(" opening the ")" after `before` on the same line, within 80 bytes, with no ")"
    /// between.
    static func openingParenthesis(before index: Int, in bytes: [UInt8]) -> Int? {
        var offset = index - 1
        while offset >= 0, index - offset <= 80 {
            switch bytes[offset] {
            case 0x28: return offset
            case 0x29, 0x0A: return nil
            default: offset -= 1
            }
        }
        return nil
    }
}
