import WirefixEngine

/// Where a document's lines read as shell commands, for ``NameCaseRule``: lines that start with
/// a prompt ("$ ", "# ", "% ", "> ", after any indentation), and the ends of the program names
/// of ``NameCaseRule/commands`` that start a line (in lowercase: "Cat owners" is prose) or
/// follow a pipe ("| grep"). Lines end at a line feed or a carriage return.
///
/// One pass over the bytes (O(*n*)); each question is then two binary searches, so that asking
/// about every name on a long line does not read the line again each time.
final class CommandLineMarks: Sendable {
    /// The offsets at which lines start, ascending.
    private let lineStarts: [Int]
    /// The starts of the lines that begin with a prompt, ascending.
    private let promptLines: [Int]
    /// The end offsets of program names that start a line or follow a pipe, ascending.
    private let commandEnds: [Int]

    init(_ bytes: [UInt8]) {
        var lineStarts: [Int] = []
        var promptLines: [Int] = []
        var commandEnds: [Int] = []
        let count = bytes.count
        @inline(__always) func isLineEnd(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
        var start = 0
        while start <= count {
            lineStarts.append(start)
            var index = start
            while index < count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            if index + 1 < count, [0x24, 0x23, 0x25, 0x3E].contains(bytes[index]), bytes[index + 1] == 0x20 {
                promptLines.append(start)
            }
            // The segments of the line between pipes, and the first word of each.
            var segment = 0
            var position = start
            while true {
                while position < count, bytes[position] == 0x20 { position += 1 }
                let wordStart = position
                while position < count, bytes[position] != 0x20, bytes[position] != 0x7C, !isLineEnd(bytes[position]) { position += 1 }
                if position > wordStart, position - wordStart <= 8 {
                    let word = bytes[wordStart..<position]
                    let lowercaseStart = ByteClass.isLower(word[wordStart])
                    if segment > 0 || lowercaseStart,
                       word.allSatisfy({ $0 < 0x80 }),
                       NameCaseRule.commands.contains(String(decoding: word.map { ByteClass.isUpper($0) ? $0 | 0x20 : $0 }, as: UTF8.self)) {
                        commandEnds.append(position)
                    }
                }
                // On to the next pipe, or the end of the line (a vector search: a byte loop here
                // read every byte of the text, some 10 instructions each).
                position = bytes.withUnsafeBufferPointer {
                    ByteSearch.firstIndex(ofAny: 0x7C, 0x0A, 0x0D, in: $0, from: position, to: count)
                }
                guard position < count, bytes[position] == 0x7C else { break }
                position += 1
                segment += 1
            }
            guard position < count else { break }
            start = position + 1
        }
        self.lineStarts = lineStarts
        self.promptLines = promptLines
        self.commandEnds = commandEnds
    }

    /// Whether the line holding `offset` starts with a prompt, or a program name ends on it at
    /// or before `offset`.
    func isOnCommandLine(before offset: Int) -> Bool {
        // The line: the last line start at or before the offset.
        let after = lineStarts.partitioningIndex { $0 > offset }
        let lineStart = lineStarts[max(0, after - 1)]
        let prompt = promptLines.partitioningIndex { $0 >= lineStart }
        if prompt < promptLines.count, promptLines[prompt] == lineStart { return true }
        let command = commandEnds.partitioningIndex { $0 > lineStart }
        return command < commandEnds.count && commandEnds[command] <= offset
    }
}
