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
            Detects and fixes (0.8): exactly two spaces between a word (or a comma or semicolon \
            after one) and a word, on a line with no other run of two spaces or more → one space \
            ("the minister  said", "president,  Diosdado"); a space right after "(" before a \
            letter, or right before ")" after a letter or digit, in a parenthetical of at most 80 \
            bytes on one line → removed ("( pictured)", "(local time )", "( MUD )"). \
            Left alone: leading and trailing white space, three spaces or more, two spaces after \
            ".", "?", "!", ":" or a closing quote (two spaces between sentences is a typing \
            convention), lines with several runs of two spaces (aligned columns), emoticons \
            (":( ", ";( "), command and code lines, inline code spans and fenced code blocks.
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
            .keep("Call `f( x )` and `a  b` as shown."),
            .keep("```\nif ( x )  return\n```"),
            .keep("The list (a) and ( 1 ) stay."),
        ])

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        let bytes = document.bytes
        guard bytes.count > 2 else { return [] }
        var result: [Correction] = []
        var lines = LineMemo()
        let fences = document.withBytes { ByteClass.fencedCodeBlocks(in: $0) }
        var fence = 0
        var doubleRunsLine: Range<Int> = 0..<0
        var doubleRuns = 0
        // Letters decoded: a no-break space, a curly quote or a dash is none.
        func isLetter(at offset: Int) -> Bool { GluedPunctuationRule.isLetter(startingAt: offset, in: bytes) }
        func isLetter(before offset: Int) -> Bool { GluedPunctuationRule.isLetter(endingAt: offset, in: bytes) }
        func inCode(_ index: Int) -> Bool {
            while fence < fences.count, fences[fence].upperBound <= index { fence += 1 }
            if fence < fences.count, fences[fence].contains(index) { return true }
            return lines.isMachineLine(around: index, in: bytes) || lines.isInInlineCode(index..<(index + 1), in: bytes)
        }
        func make(_ range: Range<Int>, _ replacement: String, _ explanation: String) {
            result.append(Correction(ruleID: Self.description.identifier, range: TextRange(range), original: document.text(in: range),
                                     replacement: replacement, confidence: 0.8, explanation: explanation))
        }
        var index = 1
        while index + 2 < bytes.count {
            defer { index += 1 }
            let byte = bytes[index]
            if byte == 0x20, bytes[index + 1] == 0x20 {
                // Exactly two spaces, between a word (or its comma) and a letter.
                let before = bytes[index - 1]
                guard bytes[index + 2] != 0x20, isLetter(at: index + 2),
                      isLetter(before: index) || ByteClass.isDigit(before) || before == 0x2C || before == 0x3B else {
                    index += 1
                    continue
                }
                let line = lines.lineRange(around: index, in: bytes)
                if line != doubleRunsLine {
                    doubleRunsLine = line
                    doubleRuns = Self.doubleSpaceRuns(in: line, of: bytes)
                }
                if doubleRuns == 1, !inCode(index) {
                    make(index..<(index + 2), " ", "two spaces between words; kept one")
                }
                index += 1
                continue
            }
            // "( pictured)": the space after "(".
            if byte == 0x28, bytes[index + 1] == 0x20, isLetter(at: index + 2),
               index == 0 || (bytes[index - 1] != 0x3A && bytes[index - 1] != 0x3B),
               let close = Self.closingParenthesis(after: index, in: bytes), !inCode(index) {
                // Both inner spaces in one correction ("( MUD )"), else the one.
                let spacedClose = bytes[close - 1] == 0x20 && close - 2 > index + 1 && (isLetter(before: close - 1) || ByteClass.isDigit(bytes[close - 2]))
                let inner = document.text(in: (index + 2)..<(spacedClose ? close - 1 : close))
                make(index..<(close + 1), "(" + inner + ")", "space inside parentheses; removed")
                index = close
                continue
            }
            // "(local time )": the space before ")".
            if byte == 0x20, bytes[index + 1] == 0x29, isLetter(before: index) || ByteClass.isDigit(bytes[index - 1]),
               let open = Self.openingParenthesis(before: index, in: bytes), bytes[open + 1] != 0x20, !inCode(index) {
                make(index..<(index + 1), "", "space before a closing parenthesis; removed")
            }
        }
        return result
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
