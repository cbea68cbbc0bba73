import Testing
@testable import WirefixRules

/// Shell-command lines for name_case, found in one pass over the document.
@Suite struct CommandLineMarksTests {
    @Test func promptsProgramsAndPipesMarkTheLine() {
        let lines = [
            "ps aux | grep evo morales",  // 0: a program after a pipe (and one starting the line)
            "$ echo delcy rodriguez",  // 1: a prompt
            "  > nicolas maduro",  // 2: an indented prompt
            "Cat owners met evo morales",  // 3: a capitalized first word is prose
            "evo morales | grep x",  // 4: the pipe comes after the name
            "we talked | Sort of evo morales",  // 5: after a pipe, capitals count
            "the grep evo morales",  // 6: "grep" is not the first word of a segment
        ]
        let text = lines.joined(separator: "\n") + "\r\nkubectl get evo"  // 7: after a CR LF
        let bytes = Array(text.utf8)
        let marks = CommandLineMarks(bytes)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        func nameOffset(_ line: Int, _ name: String) -> Int {
            let lineBytes = Array((line < lines.count ? lines[line] : "kubectl get evo").utf8)
            let nameBytes = Array(name.utf8)
            let within = (0...(lineBytes.count - nameBytes.count)).first { Array(lineBytes[$0..<($0 + nameBytes.count)]) == nameBytes }!
            return starts[line] + within
        }
        #expect(marks.isOnCommandLine(before: nameOffset(0, "evo")))
        #expect(marks.isOnCommandLine(before: nameOffset(1, "delcy")))
        #expect(marks.isOnCommandLine(before: nameOffset(2, "nicolas")))
        #expect(!marks.isOnCommandLine(before: nameOffset(3, "evo")))
        #expect(!marks.isOnCommandLine(before: nameOffset(4, "evo")))
        #expect(marks.isOnCommandLine(before: nameOffset(5, "evo")))
        #expect(!marks.isOnCommandLine(before: nameOffset(6, "evo")))
        #expect(marks.isOnCommandLine(before: nameOffset(7, "evo")))
        // The start of a line that is no command, and the start of the text.
        #expect(!marks.isOnCommandLine(before: starts[3]))
        #expect(!marks.isOnCommandLine(before: 0))
    }
}
