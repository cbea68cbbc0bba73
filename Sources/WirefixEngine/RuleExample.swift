/// One example of a rule's behaviour, checked by the test suite.
///
/// Mark the spans the rule must touch with `⟦` and `⟧` in the input of ``fix(_:_:options:file:line:)``
/// and ``finding(_:options:file:line:)`` examples; the markers are stripped before the rule runs,
/// and the test checks that the corrections cover exactly those spans. Markers are optional for
/// `fix` examples.
public struct RuleExample: Sendable, CustomStringConvertible {
    /// What the rule must do with the input.
    public enum Expectation: Sendable, Equatable {
        /// Apply corrections that turn the input into this text.
        case fixes(String)
        /// Leave the text unchanged and apply nothing (suggestions and findings allowed only if
        /// listed as such).
        case keeps
        /// Leave the text unchanged but report at least one suggestion.
        case suggests
        /// Leave the text unchanged but report findings at the marked spans.
        case finds
    }

    /// The input, possibly with `⟦…⟧` markers.
    public let markedInput: String
    /// What must happen.
    public let expectation: Expectation
    /// Options to run with.
    public let options: RuleOptions
    /// Where the example is written, for test failure messages.
    public let fileID: String
    /// The full path of the file the example is written in.
    public let filePath: String
    /// The example's line.
    public let line: Int

    /// The input without markers.
    public var input: String {
        var result = ""
        result.unicodeScalars.append(contentsOf: markedInput.unicodeScalars.filter { $0 != "⟦" && $0 != "⟧" })
        return result
    }

    /// UTF-8 byte ranges of the marked spans in ``input``.
    public var markedRanges: [TextRange] {
        var ranges: [TextRange] = []
        var offset = 0
        var start: Int?
        for scalar in markedInput.unicodeScalars {
            if scalar == "⟦" { start = offset; continue }
            if scalar == "⟧", let begin = start { ranges.append(TextRange(start: begin, end: offset)); start = nil; continue }
            offset += String(scalar).utf8.count
        }
        return ranges
    }

    /// An input the rule must fix into `output`.
    public static func fix(_ input: String, _ output: String, options: RuleOptions = .default,
                           fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) -> RuleExample {
        RuleExample(markedInput: input, expectation: .fixes(output), options: options, fileID: fileID, filePath: filePath, line: line)
    }

    /// An input the rule must leave alone, applying nothing.
    public static func keep(_ input: String, options: RuleOptions = .default,
                            fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) -> RuleExample {
        RuleExample(markedInput: input, expectation: .keeps, options: options, fileID: fileID, filePath: filePath, line: line)
    }

    /// An input the rule must not change but must report as a suggestion.
    public static func suggest(_ input: String, options: RuleOptions = .default,
                               fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) -> RuleExample {
        RuleExample(markedInput: input, expectation: .suggests, options: options, fileID: fileID, filePath: filePath, line: line)
    }

    /// An input on which a detect-only rule must report findings at the marked spans.
    public static func finding(_ input: String, options: RuleOptions = .default,
                               fileID: String = #fileID, filePath: String = #filePath, line: Int = #line) -> RuleExample {
        RuleExample(markedInput: input, expectation: .finds, options: options, fileID: fileID, filePath: filePath, line: line)
    }

    /// `file:line`.
    public var description: String { "\(fileID):\(line)" }
}
