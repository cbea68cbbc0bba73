import Foundation
import Testing
import Wirefix
import WirefixTestSupport
@testable import wirefix

#if canImport(Glibc)
import Glibc
#endif

/// `clean --jsonl` in-process with the test rules (teh → the at 0.9; recieve → receive, a
/// suggestion; FINDME, a finding).
@Suite struct JSONLinesCleanTests {
    func run(_ input: String, _ options: [String] = [], status: Int32 = 0) throws -> (output: String, errors: String) {
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "--jsonl"] + options, input: Array(input.utf8), capture: capture) == status)
        return (capture.outputText, capture.standardError)
    }

    static let typo = #"{"rule_id":"test_typo","disposition":"applied","start":0,"end":3,"original":"teh","replacement":"the","confidence":0.9}"#

    @Test func roundTripKeepsEveryOtherByte() throws {
        let input = """
            {"id": 1,  "text":"teh cat", "meta":{"text":"teh inner","n":[1.50, -0e7, true]}, "s":"\\u0074eh\\n\\/"}
            {"id":2,"text":"nothing to do","escaped":"caf\\u00e9 \\ud83d\\ude00"}
            \t{ "text" : "teh end" }\t

            """
        let (output, errors) = try run(input)
        #expect(errors == "")
        #expect(output == """
            {"id": 1,  "text":"the cat", "meta":{"text":"teh inner","n":[1.50, -0e7, true]}, "s":"\\u0074eh\\n\\/","wirefix":[\(Self.typo)]}
            {"id":2,"text":"nothing to do","escaped":"caf\\u00e9 \\ud83d\\ude00"}
            \t{ "text" : "the end","wirefix":[\(Self.typo)] }\t

            """)
    }

    @Test func unchangedLinesAreByteIdentical() throws {
        let input = #"{"text":"caf\u00e9, \"quoted\", tab\tand \/slash","z":[{}]}"# + "\n" + #"{"text":""}"# + "\n" + "{\"text\":\"raw é\"}"
        #expect(try run(input).output == input)
    }

    @Test func spansCountBytesOfTheDecodedText() throws {
        // "é" is two bytes, "\n" one: "teh" starts at byte 3 of the decoded "é\nteh".
        let (output, _) = try run(#"{"text":"\u00e9\nteh recieve FINDME"}"# + "\n")
        #expect(output == #"{"text":"\u00e9\nthe recieve FINDME","wirefix":["#
                + #"{"rule_id":"test_typo","disposition":"applied","start":3,"end":6,"original":"teh","replacement":"the","confidence":0.9},"#
                + #"{"rule_id":"test_weak","disposition":"suggestion","start":7,"end":14,"original":"recieve","replacement":"receive","confidence":0.5},"#
                + #"{"rule_id":"test_finding","disposition":"finding","start":15,"end":21,"original":"FINDME","replacement":"FINDME","confidence":1.0}]}"#
                + "\n")
    }

    @Test func asciiLinesStayAsciiOthersGetUTF8() throws {
        #expect(try run(#"{"text":"teh caf\u00e9 \ud83d\ude00"}"#).output
                == #"{"text":"the caf\u00e9 \ud83d\ude00","wirefix":[\#(Self.typo)]}"#)
        #expect(try run(#"{"text":"teh caf\u00e9","other":"é"}"#).output
                == #"{"text":"the café","other":"é","wirefix":[\#(Self.typo)]}"#)
    }

    @Test func suggestionsAloneKeepTheValueAsWritten() throws {
        #expect(try run(#"{"text":"recieve\u0021"}"#).output
                == #"{"text":"recieve\u0021","wirefix":[{"rule_id":"test_weak","disposition":"suggestion","start":0,"end":7,"original":"recieve","replacement":"receive","confidence":0.5}]}"#)
    }

    @Test func fieldAndKeyAreConfigurable() throws {
        let (output, _) = try run(#"{"text":"teh","body":"teh"}"# + "\n", ["--field", "body", "--corrections-key", "fixes"])
        #expect(output == #"{"text":"teh","body":"the","fixes":[\#(Self.typo)]}"# + "\n")
    }

    @Test func badLinesPassThroughAndAreReportedByNumber() throws {
        let lines = [
            #"{"text":"teh 1"}"#,
            #"[{"text":"teh"}]"#,
            #"{"id":3}"#,
            #"{"text":3}"#,
            #"{"text":null}"#,
            #"{"text":"teh","text":"teh"}"#,
            #"{"text":"teh" "x":1}"#,
            #"{"text":"teh \ud800"}"#,
            #"{"text":"teh","wirefix":[]}"#,
            #"{"text":"fine","wirefix":[]}"#,
            "",
            "  ",
            "not json at all",
            #"{"text":"teh 14"}"#,
        ]
        let (output, errors) = try run(lines.joined(separator: "\n") + "\n", status: 2)
        var expected = lines
        expected[0] = #"{"text":"the 1","wirefix":[\#(Self.typo)]}"#
        expected[13] = #"{"text":"the 14","wirefix":[\#(Self.typo)]}"#
        #expect(output == expected.joined(separator: "\n") + "\n")
        #expect(withoutTimes(errors) == """
            wirefix: <stdin>:2: not a JSON object; passed through unchanged
            wirefix: <stdin>:3: no "text" field; passed through unchanged
            wirefix: <stdin>:4: the "text" field is not a string; passed through unchanged
            wirefix: <stdin>:5: the "text" field is not a string; passed through unchanged
            wirefix: <stdin>:6: the "text" field appears 2 times; passed through unchanged
            wirefix: <stdin>:7: invalid JSON at byte offset 14: expected ',' or '}' after a value; passed through unchanged
            wirefix: <stdin>:8: the "text" field holds an unpaired surrogate escape; passed through unchanged
            wirefix: <stdin>:9: the object already has a "wirefix" member (choose another key with --corrections-key); passed through unchanged
            wirefix: <stdin>:13: not a JSON object; passed through unchanged

            """)
    }

    @Test func invalidUTF8LineIsPassedThrough() throws {
        let capture = CapturedStreams()
        let input: [UInt8] = Array(#"{"text":"caf"#.utf8) + [0xE9] + Array("\"}\n{\"text\":\"teh\"}".utf8)
        #expect(try runInProcess(["clean", "--jsonl"], input: input, capture: capture) == 2)
        #expect(capture.standardOutput == Array(input.prefix(16)) + Array(#"{"text":"the","wirefix":[\#(Self.typo)]}"#.utf8))
        #expect(capture.standardError == "wirefix: <stdin>:1: invalid UTF-8 at byte offset 12; passed through unchanged\n")
    }

    @Test func lineEndingsAndByteOrderMarkAreKept() throws {
        let input = "\u{FEFF}{\"text\":\"teh\"}\r\n{\"text\":\"ok\"}\r\n{\"text\":\"teh\"}"
        #expect(try run(input).output == "\u{FEFF}{\"text\":\"the\",\"wirefix\":[\(Self.typo)]}\r\n{\"text\":\"ok\"}\r\n{\"text\":\"the\",\"wirefix\":[\(Self.typo)]}")
    }

    @Test func filesAreNumberedEachFromLineOne() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try directory.write("a.jsonl", "{\"text\":\"teh\"}\nbad\n")
        let second = try directory.write("b.jsonl", "bad\n")
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "--jsonl", first, directory.path("missing.jsonl"), second], capture: capture) == 2)
        #expect(capture.outputText == "{\"text\":\"the\",\"wirefix\":[\(Self.typo)]}\nbad\nbad\n")
        #expect(withoutTimes(capture.standardError) == """
            wirefix: \(first):2: not a JSON object; passed through unchanged
            wirefix: \(directory.path("missing.jsonl")): cannot read: No such file or directory
            wirefix: \(second):1: not a JSON object; passed through unchanged
            wirefix: 2 files, 3 lines (1 changed), 3 errors: 1 correction applied, 0 suggestions, 0 findings; <size and time>

            """)
    }

    @Test func directoriesTakeJSONLinesFilesAndBinaryFilesAreRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.makeDirectory("d")
        try directory.write("d/a.jsonl", "{\"text\":\"teh a\"}\n")
        try directory.write("d/b.ndjson", "{\"text\":\"teh b\"}\n")
        try directory.write("d/c.txt", "teh c\n")
        try directory.write("d/d.jsonl", [0x7B, 0x00, 0x7D, 0x0A] as [UInt8])
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "--jsonl", "-q", directory.path("d")], capture: capture) == 2)
        #expect(capture.outputText == "{\"text\":\"the a\",\"wirefix\":[{\"rule_id\":\"test_typo\",\"disposition\":\"applied\",\"start\":0,\"end\":3,\"original\":\"teh\",\"replacement\":\"the\",\"confidence\":0.9}]}\n"
                + "{\"text\":\"the b\",\"wirefix\":[{\"rule_id\":\"test_typo\",\"disposition\":\"applied\",\"start\":0,\"end\":3,\"original\":\"teh\",\"replacement\":\"the\",\"confidence\":0.9}]}\n")
        #expect(capture.standardError == "wirefix: \(directory.path("d/d.jsonl")): binary file (NUL byte at offset 1)\n")
    }

    /// Lines cut across reads (a 3-byte read size), and several jobs, give the same output.
    @Test func readSizeAndJobsDoNotChangeTheOutput() throws {
        var lines: [String] = []
        for index in 0..<300 {
            switch index % 7 {
            case 0: lines.append(#"{"n":\#(index),"text":"teh \#(index) recieve"}"#)
            case 3: lines.append("broken \(index)")
            case 5: lines.append(#"{"n":\#(index),"text":"caf\u00e9 \#(index)","pad":"\#(String(repeating: "x", count: index))"}"#)
            default: lines.append(#"{"text":"plain \#(index)","n":\#(index)}"#)
            }
        }
        let input = Array((lines.joined(separator: "\n") + "\n").utf8)
        let capture = CapturedStreams()
        #expect(try runInProcess(["clean", "--jsonl", "-j", "1"], input: input, capture: capture) == 2)
        #expect(capture.outputText.split(separator: "\n").count == 300)
        let pipeline = TestRuleSupport.pipeline()
        let cleaner = JSONLinesCleaner(field: "text", correctionsKey: "wirefix", correct: CorrectText({ pipeline.run($0) }))
        for (jobs, chunk) in [(1, 3), (2, 3), (3, 64), (4, 1 << 18)] {
            let other = CapturedStreams()
            let runner = JSONLinesRunner(cleaner: cleaner, environment: .testing(input: input, capture: other),
                                         reportError: { other.standardError += "wirefix: \($0.message)\n" },
                                         jobs: jobs, chunkSize: chunk)
            let outcome = runner.run([.input(BatchInput(path: "-", outputName: "-", size: nil))])
            #expect(other.standardOutput == capture.standardOutput)
            #expect(other.standardError == capture.standardError)
            #expect(outcome.totals.lines == 300)
            #expect(outcome.totals.changedLines == 43)
            #expect(outcome.totals.errors == 43)
        }
    }

    @Test(arguments: [
        ["--jsonl", "-o", "out", "a.jsonl"],
        ["--jsonl", "--in-place", "a.jsonl"],
        ["--jsonl", "--report", "json"],
        ["--jsonl", "--report-file", "r.txt"],
        ["--jsonl", "--lossy"],
        ["--field", "body"],
        ["--corrections-key", "x"],
        ["--jsonl", "--field", "x", "--corrections-key", "x"],
        ["--jsonl", "--field", ""],
    ])
    func usageErrors(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try WirefixCommand.parseAsRoot(["clean"] + arguments) }
    }
}

/// `wirefix clean --jsonl` as a filter in a pipe, with the real rules.
@Suite struct JSONLinesBinaryTests {
    @Test func cleansTheFieldWithTheBundledRules() throws {
        let input = #"{"id":"a-1","lang":"en","text":"Deputy God given hair chaired the meeting.","tags":["politics","venezuela"]}"# + "\n"
            + #"{"id":"a-2","text":"The council met on Tuesday."}"# + "\n"
        let result = try WirefixBinary.run(["clean", "--jsonl", "--field", "text"], input: input)
        #expect(result.status == 0)
        #expect(result.errorText == "")
        let lines = result.outputText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix(#"{"id":"a-1","lang":"en","text":"Deputy Diosdado Cabello chaired the meeting.","tags":["politics","venezuela"],"wirefix":[{"rule_id":"calque_names","disposition":"applied","start":7,"end":21,"original":"God given hair","replacement":"Diosdado Cabello","confidence":"#))
        #expect(lines[1] == #"{"id":"a-2","text":"The council met on Tuesday."}"#)
        // Each output line is valid JSON.
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(object?["text"] as? String == "Deputy Diosdado Cabello chaired the meeting.")
    }

    /// A program that writes one record and waits for the answer gets it before standard input
    /// closes (Spark's `RDD.pipe` and coprocesses work this way).
    @Test func answersEachLineWithoutWaitingForTheEnd() throws {
        let binary = try #require(WirefixBinary.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["clean", "--jsonl", "-j", "2"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        final class Box: @unchecked Sendable { var data = Data() }
        let box = Box()
        let answered = DispatchSemaphore(value: 0)
        let handle = output.fileHandleForReading
        Thread.detachNewThread {
            while !box.data.contains(0x0A) {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                box.data += chunk
            }
            answered.signal()
        }
        input.fileHandleForWriting.write(Data((#"{"text":"The council met."}"# + "\n").utf8))
        // Generous: the debug build loads the lexicons first.
        let result = answered.wait(timeout: .now() + 120)
        #expect(result == .success)
        #expect(String(decoding: box.data, as: UTF8.self) == #"{"text":"The council met."}"# + "\n")
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
