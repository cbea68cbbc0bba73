import Wirefix

/// The outcome of running one rule alone on one of its examples, as the example tests check it.
public struct RuleExampleRun: Sendable {
    /// The result of a pipeline holding only the rule.
    public let result: CorrectionResult
    /// The same rule run again on `result.corrected` (for the idempotence check).
    public let rerun: CorrectionResult

    /// Runs `rule` alone on `text` with the bundled data and `options`.
    public init(rule: any Rule.Type, text: String, options: RuleOptions) {
        let pipeline = Pipeline(rules: [rule.init()], context: Fixtures.context(options: options))
        result = pipeline.run(text)
        rerun = pipeline.run(result.corrected)
    }
}

/// A prefix of multibyte text (Cyrillic, CJK, an emoji ZWJ sequence) and a line break, put before
/// every example once more to check that byte offsets shift correctly (SwiftLint's `addEmoji`).
public let multibytePrefix = "Дж. 東京 👨‍👩‍👧\n"
