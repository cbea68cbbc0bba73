/// One input of the evaluation corpus with the text a careful editor would publish.
///
/// A case comes from a line of a `cases.tsv` file (a sentence or two) or from a whole article
/// (`NNN.txt` with its `NNN.expected.txt`).
public struct EvaluationCase: Sendable, Hashable, Codable {
    /// The identifier: the `id` column of a case file (`c001`, `n001`), or `article-NNN` for an
    /// article file `NNN.txt`.
    public var id: String
    /// The damage kind (see ``DamageKind/all``); `article` for a whole article, whose expected
    /// edits get their kinds from ``DamageKind/infer(original:replacement:)``.
    public var kind: String
    /// The damaged text.
    public var input: String
    /// What a careful editor would publish. Equal to ``input`` for negatives and for damage a
    /// careful tool should only suggest.
    public var expected: String
    /// Why the case is there.
    public var note: String
    /// Where it was read: `path:line` for a case, the article's path for an article.
    public var source: String

    /// The kind of a whole article.
    public static let articleKind = "article"

    /// Creates a case.
    public init(id: String, kind: String, input: String, expected: String, note: String = "", source: String = "") {
        self.id = id
        self.kind = kind
        self.input = input
        self.expected = expected
        self.note = note
        self.source = source
    }

    /// Whether this is a whole article.
    public var isArticle: Bool { kind == Self.articleKind }

    /// Whether the case is clean text that must come out unchanged.
    public var isNegative: Bool { kind == DamageKind.negative }

    /// Whether the expected output equals the input byte for byte (a negative, or damage a careful
    /// tool should only suggest).
    public var expectsNoChange: Bool { input.utf8.elementsEqual(expected.utf8) }
}
