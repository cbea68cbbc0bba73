/// A rule finds one kind of damage and proposes corrections for it (or, for detect-only rules,
/// reports findings).
///
/// A rule is a value type with a static ``RuleDescription`` that names it, documents it and
/// carries its examples; the test suite runs every registered rule's examples, so adding a rule
/// adds its tests. Rules are stateless: everything they consult comes in the ``RuleContext``.
///
/// ```swift
/// struct ExampleRule: Rule {
///     static let description = RuleDescription(
///         identifier: "example", name: "Example", summary: "Does one thing",
///         discussion: "Detects: … Fixes: …", phase: .spacing,
///         examples: [.fix("a  b", "a b"), .keep("a b")])
///     func corrections(in document: Document, context: RuleContext) -> [Correction] { [] }
/// }
/// ```
public protocol Rule: Sendable {
    /// The rule's name, documentation and examples.
    static var description: RuleDescription { get }

    /// Creates the rule.
    init()

    /// The corrections (or findings) for a document.
    ///
    /// - Parameters:
    ///   - document: the text as it stands after the rules before this one.
    ///   - context: the lexicon, word list and options.
    /// - Returns: corrections whose ranges are UTF-8 byte ranges into `document.bytes`, in any
    ///   order. They may overlap; the pipeline resolves overlaps (see ``Pipeline``).
    func corrections(in document: Document, context: RuleContext) -> [Correction]

    /// Records what later text needs to know about `document`, the text as the whole pipeline
    /// left it, when an input is cleaned in chunks (see ``TextHistory``). The default does
    /// nothing; a rule that reads ``Document/history`` implements it.
    func remember(_ document: Document, context: RuleContext, into history: inout TextHistory)
}

extension Rule {
    /// Remembers nothing.
    public func remember(_ document: Document, context: RuleContext, into history: inout TextHistory) {}

    /// The rule's identifier, from its description.
    public var identifier: String { Self.description.identifier }
}

/// The order in which the pipeline runs groups of rules. Each rule sees the text as the rules of
/// earlier phases (and earlier rules of its own phase) left it.
public enum RulePhase: Int, Sendable, Hashable, Codable, Comparable, CaseIterable {
    /// Byte-level encoding damage: mojibake.
    case encoding = 0
    /// Unicode form: NFC, invisible characters.
    case unicode = 1
    /// Spacing and punctuation: glued words, debris.
    case spacing = 2
    /// Names: calques, case, diacritics.
    case names = 3
    /// Detect-only rules, which see the final text.
    case findings = 4

    /// Orders by raw value.
    public static func < (lhs: RulePhase, rhs: RulePhase) -> Bool { lhs.rawValue < rhs.rawValue }
}
