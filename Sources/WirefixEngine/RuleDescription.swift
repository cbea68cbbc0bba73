/// A rule's identity, documentation and examples.
public struct RuleDescription: Sendable {
    /// Stable snake_case identifier used in reports and configuration, e.g. `calque_names`.
    public let identifier: String
    /// A short title, e.g. "Calque Names".
    public let name: String
    /// One line: what the rule does.
    public let summary: String
    /// Longer documentation: what it detects, what it fixes, what evidence it requires, how it
    /// scores confidence.
    public let discussion: String
    /// When it runs.
    public let phase: RulePhase
    /// Whether the rule only reports findings and never changes text.
    public let isFindingOnly: Bool
    /// Examples: inputs it must fix, inputs it must leave alone. Run by the test suite.
    public let examples: [RuleExample]

    /// Creates a description.
    public init(identifier: String, name: String, summary: String, discussion: String,
                phase: RulePhase, isFindingOnly: Bool = false, examples: [RuleExample]) {
        self.identifier = identifier
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.phase = phase
        self.isFindingOnly = isFindingOnly
        self.examples = examples
    }
}
