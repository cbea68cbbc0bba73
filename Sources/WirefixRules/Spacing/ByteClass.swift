import WirefixEngine

/// ASCII byte classes and a line check shared by the spacing and findings rules, which scan
/// UTF-8 bytes directly. A byte ≥ 0x80 is part of a multibyte scalar; callers that need to
/// classify one decode it with `Tokenizer.decodeScalar`.
enum ByteClass {
    /// An ASCII letter or digit, or any byte of a multibyte scalar.
    static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || isUpper(byte) || isLower(byte) || byte >= 0x80
    }

    /// `A`–`Z`.
    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// `a`–`z`.
    static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    /// `0`–`9`.
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Space, tab, line feed or carriage return.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// `= < > + * / % | & { } [ ]`: bytes that stand between words in code, not in prose.
    static func isOperator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x3D, 0x3C, 0x3E, 0x2B, 0x2A, 0x2F, 0x25, 0x7C, 0x26, 0x7B, 0x7D, 0x5B, 0x5D: return true
        default: return false
        }
    }

    /// Whether the line holding byte `index` is a command or code rather than prose: indented by
    /// a tab or 4 spaces (a literal block) and not reading as prose (``readsAsProse(_:)``: wire
    /// copy indents paragraphs), starting with a prompt (`$ `, `>>> `, `... `, `% `) or
    /// an import statement (`import name`, `from name import`, lowercase as code writes them),
    /// holding a command-line option (" -x", " --x") or more than one " ;" (a list of shell
    /// commands).
    ///
    /// - Complexity: O(*l*) in the length of the line.
    static func isMachineLine<Bytes: RandomAccessCollection>(around index: Int, in bytes: Bytes) -> Bool
        where Bytes.Element == UInt8, Bytes.Index == Int {
        isMachineLine(bytes[lineRange(around: index, in: bytes)])
    }

    /// The bytes of the line holding byte `index`, without its line feed (`index` may be the
    /// line feed itself, or the end of the text). O(*l*) in the length of the line.
    static func lineRange<Bytes: RandomAccessCollection>(around index: Int, in bytes: Bytes) -> Range<Int>
        where Bytes.Element == UInt8, Bytes.Index == Int {
        var start = min(index, bytes.count)
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        var end = min(index, bytes.count)
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        return start..<end
    }

    /// ``isMachineLine(around:in:)`` for the bytes of one line, without its line feed.
    static func isMachineLine<Line: Collection>(_ line: Line) -> Bool where Line.Element == UInt8, Line.Index == Int {
        // Wire copy indents its paragraphs too: an indented line that reads as prose is read on
        // as any other line (a prompt, an option, shell semicolons still make it a command).
        if line.first == 0x09 || line.starts(with: [0x20, 0x20, 0x20, 0x20]),
           !readsAsProse(line.drop { $0 == 0x20 || $0 == 0x09 }) { return true }
        var body = line.drop { $0 == 0x20 || $0 == 0x09 }
        for prompt: [UInt8] in [[0x24, 0x20], [0x3E, 0x3E, 0x3E, 0x20], [0x2E, 0x2E, 0x2E, 0x20], [0x25, 0x20]] where body.starts(with: prompt) { return true }
        if isImportStatement(body) { return true }
        var semicolons = 0
        while let first = body.first {
            body = body.dropFirst()
            if first == 0x20, let next = body.first {
                if next == 0x3B { semicolons += 1 }
                if next == 0x2D, body.count >= 2 {
                    let option = body[body.startIndex + 1]
                    if isLower(option) || isUpper(option) || option == 0x2D { return true }
                }
            }
        }
        return semicolons > 1
    }

    /// Whether an indented line's text (without its indentation) reads as a paragraph of prose,
    /// not as code or a command: at least six words, at least four of them lowercase words of
    /// letters only, no byte that code uses and prose does not (`= < > + * / | & { } [ ] _ `` ` ``
    /// `# $ \ @ ~ ^`), no call (a letter or digit right before "("), not opening with a comment
    /// mark (`--`, `//`, `/*`, `* `), and the last word closed by `.`, `!`, `?`, `:` or a closing
    /// quotation mark or parenthesis, or a sentence break (". ") inside.
    ///
    /// - Complexity: O(*l*) in the length of the line.
    static func readsAsProse<Line: Collection>(_ body: Line) -> Bool where Line.Element == UInt8 {
        // A comment of code or SQL ("-- ", "//", "/*", "* ").
        let start = Array(body.prefix(2))
        if start == [0x2D, 0x2D] || start == [0x2F, 0x2F] || start == [0x2F, 0x2A] || start == [0x2A, 0x20] { return false }
        var words = 0, lowercaseWords = 0
        var inWord = false, wordIsLowercase = true, wordLength = 0
        var sentenceBreak = false
        var previous: UInt8 = 0x20
        var last: UInt8 = 0x20
        func endWord() {
            if inWord {
                words += 1
                if wordIsLowercase && wordLength >= 2 { lowercaseWords += 1 }
            }
            inWord = false; wordIsLowercase = true; wordLength = 0
        }
        for byte in body {
            switch byte {
            case 0x3D, 0x3C, 0x3E, 0x2B, 0x2A, 0x2F, 0x7C, 0x26, 0x7B, 0x7D, 0x5B, 0x5D, 0x5F, 0x60, 0x23, 0x24, 0x5C, 0x40, 0x7E, 0x5E:
                return false
            case 0x20, 0x09:
                if previous == 0x2E || previous == 0x21 || previous == 0x3F { sentenceBreak = true }
                endWord()
            case 0x28 where isLower(previous) || isUpper(previous) || isDigit(previous):
                // "print(", "ValueError(": a call.
                return false
            default:
                if !inWord { inWord = true }
                wordLength += 1
                if !isLower(byte) { wordIsLowercase = false }
            }
            previous = byte
            if byte != 0x20 && byte != 0x09 && byte != 0x0D { last = byte }
        }
        endWord()
        let closed: Bool
        switch last {
        case 0x2E, 0x21, 0x3F, 0x3A, 0x22, 0x27, 0x29: closed = true
        case 0x9D, 0x99: closed = true // the last byte of ” U+201D or ’ U+2019
        default: closed = false
        }
        return words >= 6 && lowercaseWords >= 4 && (closed || sentenceBreak)
    }

    /// Whether a line (without its indentation) is an import statement as code writes it:
    /// `import name…` or `from name import …`, the name an identifier in lowercase ASCII with
    /// dots, digits and underscores ("from itertools import dropwhile", "import os.path").
    /// Prose that starts with "From" or "Import" is capitalized; a line of prose that starts with
    /// "from" and a name followed by "import" ("from abroad import duties") is rare enough.
    static func isImportStatement<Line: Collection>(_ body: Line) -> Bool where Line.Element == UInt8 {
        var rest = body[...]
        func keyword(_ word: String) -> Bool {
            let bytes = Array(word.utf8)
            guard rest.starts(with: bytes) else { return false }
            rest = rest.dropFirst(bytes.count)
            return true
        }
        func identifier() -> Bool {
            var length = 0
            while let byte = rest.first, isLower(byte) || isDigit(byte) || byte == 0x5F || byte == 0x2E {
                rest = rest.dropFirst()
                length += 1
            }
            return length > 0
        }
        if keyword("import ") { return identifier() && (rest.isEmpty || rest.first == 0x20 || rest.first == 0x2C || rest.first == 0x0D) }
        return keyword("from ") && identifier() && keyword(" import ")
    }

    /// Whether the straight quote (`"` or `'`) at `offset` opens a quotation: it stands at the
    /// start of the text or after white space, an opening bracket, `:` or `=`. What follows it up
    /// to the matching quote is quoted text (`split on " , "`, `'Ã±'`, `"dropwhile"`).
    static func opensQuotation<Bytes: RandomAccessCollection>(at offset: Int, in bytes: Bytes) -> Bool
        where Bytes.Element == UInt8, Bytes.Index == Int {
        guard offset >= 0, offset < bytes.count, bytes[offset] == 0x22 || bytes[offset] == 0x27 else { return false }
        guard offset > 0 else { return true }
        switch bytes[offset - 1] {
        case 0x20, 0x09, 0x0A, 0x0D, 0x28, 0x5B, 0x7B, 0x3A, 0x3D: return true
        default: return false
        }
    }

    /// The byte ranges of fenced code blocks: from a line that starts with three backticks or
    /// tildes to the next such line; a fence never closed opens none. O(*n*) in the document's bytes (line ends
    /// found with `memchr`).
    static func fencedCodeBlocks(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        // Without a backtick or a tilde there is no fence (most prose): two memchr calls.
        guard ByteSearch.firstIndex(of: 0x60, in: bytes, from: 0, to: bytes.count) < bytes.count
                || ByteSearch.firstIndex(of: 0x7E, in: bytes, from: 0, to: bytes.count) < bytes.count else { return [] }
        var result: [Range<Int>] = []
        var open: Int?
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: lineStart, to: bytes.count)
            var first = lineStart
            while first < lineEnd, bytes[first] == 0x20 { first += 1 }
            if first + 3 <= lineEnd, (bytes[first] == 0x60 || bytes[first] == 0x7E),
               bytes[first + 1] == bytes[first], bytes[first + 2] == bytes[first] {
                if let start = open {
                    result.append(start..<lineEnd)
                    open = nil
                } else {
                    open = lineStart
                }
            }
            lineStart = lineEnd + 1
        }
        // An unclosed fence is no code block: a line of tildes or backticks is also a separator in
        // news copy, and must not swallow the rest of the story (review 17).
        return result
    }

    /// Whether the backtick at `offset` stands between two ASCII letters ("minister`s"): an
    /// apostrophe typed as a backtick, as machine translation and OCR leave it, not a code span's
    /// delimiter.
    static func isApostropheTick<Bytes: RandomAccessCollection>(_ offset: Int, in bytes: Bytes) -> Bool
        where Bytes.Element == UInt8, Bytes.Index == Int {
        guard offset > 0, offset + 1 < bytes.count else { return false }
        let before = bytes[offset - 1], after = bytes[offset + 1]
        return (isUpper(before) || isLower(before)) && (isUpper(after) || isLower(after))
    }

    /// Whether the scalar that starts at `offset` is a letter (or a combining mark): ASCII
    /// letters from the byte, others decoded with `MojibakeDetector.decode` and classified by
    /// `InvisibleCharactersRule.isLetterOrMark` ("é" is; a no-break space, a curly quote or a
    /// dash is not).
    static func isLetter(startingAt offset: Int, in bytes: [UInt8]) -> Bool {
        guard offset < bytes.count else { return false }
        let byte = bytes[offset]
        if byte < 0x80 { return isUpper(byte) || isLower(byte) }
        guard byte >= 0xC0, offset + scalarLength(byte) <= bytes.count else { return false }
        return InvisibleCharactersRule.isLetterOrMark(bytes.withUnsafeBufferPointer { MojibakeDetector.decode($0, at: offset).0 })
    }

    /// Whether the scalar that ends right before `offset` is a letter (or a combining mark).
    static func isLetter(endingAt offset: Int, in bytes: [UInt8]) -> Bool {
        guard offset > 0 else { return false }
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isLetter(startingAt: start, in: bytes) && start + scalarLength(bytes[start]) == offset
    }

    /// The length in bytes of the apostrophe ("'" or U+2019 "’") that ends right before
    /// `offset`, or `nil` when there is none.
    static func apostropheLength<Bytes: RandomAccessCollection>(endingAt offset: Int, in bytes: Bytes) -> Int?
        where Bytes.Element == UInt8, Bytes.Index == Int {
        if offset >= 1, bytes[offset - 1] == 0x27 { return 1 }
        if offset >= 3, bytes[offset - 3] == 0xE2, bytes[offset - 2] == 0x80, bytes[offset - 1] == 0x99 { return 3 }
        return nil
    }

    /// The length in bytes of the UTF-8 scalar that starts with `lead`.
    static func scalarLength(_ lead: UInt8) -> Int { lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2 }

    /// Whether `range` lies inside an inline code span: an odd number of backticks stands
    /// before it on its line, and one after it.
    ///
    /// - Complexity: O(*l*) in the length of the line.
    static func isInInlineCode<Bytes: RandomAccessCollection>(_ range: Range<Int>, in bytes: Bytes) -> Bool
        where Bytes.Element == UInt8, Bytes.Index == Int {
        var start = range.lowerBound
        var ticks = 0
        while start > 0, bytes[start - 1] != 0x0A {
            start -= 1
            if bytes[start] == 0x60 && !isApostropheTick(start, in: bytes) { ticks += 1 }
        }
        guard ticks % 2 == 1 else { return false }
        var end = range.upperBound
        while end < bytes.count, bytes[end] != 0x0A {
            if bytes[end] == 0x60 && !isApostropheTick(end, in: bytes) { return true }
            end += 1
        }
        return false
    }
}

/// The code of a document that the spacing rules leave as its author spaced it: fenced code
/// blocks (found once), command and code lines and inline code spans (through a ``LineMemo``).
struct CodeRegions {
    private let fences: [Range<Int>]
    private var fence = 0
    private var last = 0

    /// The regions of `document`: its fenced blocks are found here, O(*n*) with `memchr`.
    init(_ document: Document) {
        fences = document.withBytes { ByteClass.fencedCodeBlocks(in: $0) }
    }

    /// Whether the byte at `index` is code. O(1) amortized when asked with rising offsets (a
    /// later pass may start again from the text's start).
    mutating func contains(_ index: Int, in bytes: [UInt8], lines: inout LineMemo) -> Bool {
        if index < last { fence = 0 }
        last = index
        while fence < fences.count, fences[fence].upperBound <= index { fence += 1 }
        if fence < fences.count, fences[fence].contains(index) { return true }
        return lines.isMachineLine(around: index, in: bytes) || lines.isInInlineCode(index..<(index + 1), in: bytes)
    }
}

/// The per-line facts a rule needs while it walks a text from start to end, each line read
/// once however many candidates it holds: whether it is a command or code line
/// (``ByteClass/isMachineLine(_:)``), and whether a position is inside French guillemets. Asked
/// about each candidate of a line, the plain functions cost O(*k* · *l*) for *k* candidates on a
/// line of *l* bytes, which made a megabyte-long line with thousands of marks take minutes;
/// this costs O(*l*) per line, with the same answers for positions asked in any order.
struct LineMemo {
    /// The current line, without its line feed (a position equal to its end is on it).
    private var line: Range<Int> = 0..<0
    private var known = false
    private var machine = false
    /// Guillemets read up to here on the current line, and whether the last one opened.
    private var scannedTo = 0
    private var inside = false
    /// The offsets of the backticks on the current line.
    private var backticks: [Int] = []
    /// Whether the current line reads as French; computed on first ask.
    private var french: Bool?

    private mutating func move<Bytes: RandomAccessCollection>(to index: Int, in bytes: Bytes)
        where Bytes.Element == UInt8, Bytes.Index == Int {
        if known, index >= line.lowerBound, index <= line.upperBound { return }
        line = ByteClass.lineRange(around: index, in: bytes)
        machine = ByteClass.isMachineLine(bytes[line])
        scannedTo = line.lowerBound
        inside = false
        backticks.removeAll(keepingCapacity: true)
        for offset in line where bytes[offset] == 0x60 && !ByteClass.isApostropheTick(offset, in: bytes) { backticks.append(offset) }
        french = nil
        known = true
    }

    /// ``ByteClass/isInInlineCode(_:in:)`` for a range on one line, from the line's backticks
    /// read once: an odd number of them before the range, and one after it.
    mutating func isInInlineCode<Bytes: RandomAccessCollection>(_ range: Range<Int>, in bytes: Bytes) -> Bool
        where Bytes.Element == UInt8, Bytes.Index == Int {
        move(to: range.lowerBound, in: bytes)
        guard range.upperBound <= line.upperBound else { return ByteClass.isInInlineCode(range, in: bytes) }
        // The number of backticks before the range.
        let low = backticks.partitioningIndex { $0 >= range.lowerBound }
        guard low % 2 == 1 else { return false }
        return backticks.last.map { $0 >= range.upperBound } ?? false
    }

    /// ``ByteClass/lineRange(around:in:)``, found once per line.
    mutating func lineRange<Bytes: RandomAccessCollection>(around index: Int, in bytes: Bytes) -> Range<Int>
        where Bytes.Element == UInt8, Bytes.Index == Int {
        move(to: index, in: bytes)
        return line
    }

    /// Whether the line around `index` is written in French: it holds a guillemet (« or »), or
    /// at least three French function words ("le", "il", "a", "dit", "et", "une", "pas"...) and
    /// none of the English ones ("the", "and", "of", "is", "said"...). French typography puts a
    /// space before ";", ":", "!" and "?", so such a line keeps it. O(*l*) once per line.
    mutating func isFrenchLine<Bytes: RandomAccessCollection>(around index: Int, in bytes: Bytes) -> Bool
        where Bytes.Element == UInt8, Bytes.Index == Int {
        move(to: index, in: bytes)
        if let french { return french }
        let answer = Self.readsAsFrench(bytes[line])
        french = answer
        return answer
    }

    /// French function words that rarely appear in English copy outside names.
    static let frenchWords: Set<String> = [
        "le", "la", "les", "il", "elle", "ils", "elles", "a", "dit", "et", "de", "des", "du", "une", "un",
        "pas", "puis", "est", "sont", "ne", "je", "nous", "vous", "au", "aux", "sur", "avec", "mais", "qui",
        "que", "pour", "dans", "ont",
    ]

    /// English function words: one of them marks the line as English.
    static let englishWords: Set<String> = [
        "the", "and", "of", "to", "is", "was", "were", "in", "he", "she", "it", "that", "for", "on", "with",
        "said", "says", "at", "by", "from", "his", "her", "they", "this", "has", "have", "be", "an", "as",
    ]

    /// ``isFrenchLine(around:in:)`` for one line's bytes.
    static func readsAsFrench<Line: Collection>(_ line: Line) -> Bool where Line.Element == UInt8 {
        var previous: UInt8 = 0
        for byte in line {
            if (byte == 0xAB || byte == 0xBB) && previous == 0xC2 { return true }
            previous = byte
        }
        var french = 0
        var word: [UInt8] = []
        func finish() -> Bool {
            defer { word.removeAll(keepingCapacity: true) }
            guard !word.isEmpty, word.count <= 5 else { return true }
            let text = String(decoding: word, as: UTF8.self).lowercased()
            if englishWords.contains(text) { return false }
            if frenchWords.contains(text) { french += 1 }
            return true
        }
        for byte in line {
            if ByteClass.isUpper(byte) || ByteClass.isLower(byte) || byte >= 0x80 {
                word.append(byte)
            } else if !finish() {
                return false
            }
        }
        return finish() && french >= 3
    }

    /// ``ByteClass/isMachineLine(around:in:)``, read once per line.
    mutating func isMachineLine<Bytes: RandomAccessCollection>(around index: Int, in bytes: Bytes) -> Bool
        where Bytes.Element == UInt8, Bytes.Index == Int {
        move(to: index, in: bytes)
        return machine
    }

    /// Whether the nearest guillemet before `index` on its line opens a quotation: « (U+00AB) or
    /// ‹ (U+2039) rather than » or ›. Positions asked in ascending order read each byte once.
    mutating func isInsideGuillemets<Bytes: RandomAccessCollection>(_ index: Int, in bytes: Bytes) -> Bool
        where Bytes.Element == UInt8, Bytes.Index == Int {
        move(to: index, in: bytes)
        if index < scannedTo {
            scannedTo = line.lowerBound
            inside = false
        }
        var position = scannedTo
        while position < index {
            let byte = bytes[position]
            if byte == 0xAB || byte == 0xBB, position > 0, bytes[position - 1] == 0xC2 {
                inside = byte == 0xAB
            } else if byte == 0xB9 || byte == 0xBA, position > 1, bytes[position - 1] == 0x80, bytes[position - 2] == 0xE2 {
                inside = byte == 0xB9
            }
            position += 1
        }
        scannedTo = index
        return inside
    }
}

/// A ``LineMemo`` that code holding no mutable state (a scanner struct) can share.
final class LineMemoBox {
    var memo = LineMemo()
}
