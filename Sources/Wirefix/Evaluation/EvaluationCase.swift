/// One input of the evaluation corpus with the text a careful editor would publish.
///
/// A case comes from a line of a `cases.tsv` file (a sentence or two) or from a whole article
/// (`NNN.txt` with its `NNN.expected.txt`).
public struct EvaluationCase: Sendable, Hashable, Codable {
    /// The identifier: the `id` column of a case file (`c001`, `n001`), or `article-NNN` for an
    /// article file `NNN.txt`.
    public var id: String
    /// The damage kind (see ``DamageKind/all``); `article` for a whole article, whose expected
    /// edits get their kinds from ``DamageKind/infer(original:replacement:)``; `synthetic` for a
    /// document of a synthetic corpus, whose edits carry their kinds in ``truth``; `clean-copy`
    /// for a file of clean prose that must come out unchanged.
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
    /// The ground truth of a synthetic case: every injected change as an edit of ``input`` (its
    /// span, the damaged text and the clean text) with its damage kind; `nil` for a hand-written
    /// case. ``expected`` is ``input`` with these edits made.
    public var truth: [LabeledEdit]?
    /// The set a case file puts its cases in with a `# set: NAME` line (the generated
    /// `entities.tsv` does), or `nil`: the set then follows from the kind (see ``set``).
    public var setName: String?

    /// The kind of a whole article.
    public static let articleKind = "article"
    /// The kind of a document of a synthetic corpus (see ``SyntheticCorpus``).
    public static let syntheticKind = "synthetic"
    /// The kind of a file of clean copy (see ``EvaluationCorpus/loadCleanCopy(paths:)``).
    public static let cleanCopyKind = "clean-copy"

    /// Creates a case.
    public init(id: String, kind: String, input: String, expected: String, note: String = "", source: String = "",
                truth: [LabeledEdit]? = nil, setName: String? = nil) {
        self.id = id
        self.kind = kind
        self.input = input
        self.expected = expected
        self.note = note
        self.source = source
        self.truth = truth
        self.setName = setName
    }

    /// Whether this is a whole article.
    public var isArticle: Bool { kind == Self.articleKind }

    /// Whether this is a document of a synthetic corpus, labeled by its ``truth``.
    public var isSynthetic: Bool { kind == Self.syntheticKind }

    /// Whether the case holds several kinds of damage, so that each expected edit gets its own
    /// kind (from ``truth``, or inferred from its shape) rather than the case's: articles and
    /// synthetic documents.
    public var labelsEachEdit: Bool { isArticle || isSynthetic }

    /// The set the case is counted in: ``setName`` when its case file names one, else `cases`
    /// (lines of case files), `articles`, `synthetic` or `clean-copy`.
    public var set: String {
        if let setName { return setName }
        switch kind {
        case Self.articleKind: return "articles"
        case Self.syntheticKind: return "synthetic"
        case Self.cleanCopyKind: return "clean-copy"
        default: return "cases"
        }
    }

    /// Whether the case is clean text that must come out unchanged.
    public var isNegative: Bool { kind == DamageKind.negative }

    /// Whether the expected output equals the input byte for byte (a negative, or damage a careful
    /// tool should only suggest).
    public var expectsNoChange: Bool { input.utf8.elementsEqual(expected.utf8) }
}

/// One edit with its damage kind: a change a synthetic generator injected, seen from the damaged
/// text (``TextEdit/range`` and ``TextEdit/original`` in the damaged text, ``TextEdit/replacement``
/// the clean text).
public struct LabeledEdit: Sendable, Hashable, Codable {
    /// The edit that repairs the damage.
    public var edit: TextEdit
    /// Its kind (one of ``DamageKind/all`` other than `negative`).
    public var kind: String

    /// Creates a labeled edit.
    public init(edit: TextEdit, kind: String) {
        self.edit = edit
        self.kind = kind
    }
}
