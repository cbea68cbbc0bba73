import WirefixEngine
import WirefixLexicon

/// Code and cited identifiers, which are spelled like glue ("dropwhile", "nextafter",
/// "setdefault") and must be left alone.
extension GlueScanner {
    /// Whether token `index` is code or a cited identifier rather than prose, for a `split`
    /// found in it: inside an inline code span (backticks) for every kind of split; for splits
    /// that rest on English words alone (``GlueSplit/isEnglish``), also on a command or code line
    /// (``ByteClass/isMachineLine(around:in:)``: an indented listing, a prompt, an import
    /// statement) or inside a fenced code block (`fences`, from ``fencedCodeBlocks()``); and,
    /// except for the closed-list function-word glue (``GlueSplit/isClosedList``: "inthe"),
    /// quoted on its own (`"dropwhile"`, `'nextafter'`) or named by a word for a code object
    /// right before or after it ("the function dropwhile", "call nextafter", "the setdefault
    /// method").
    ///
    /// - Complexity: O(*l*) in the length of the token's line, plus O(*f*) for *f* fences.
    func isCode(at index: Int, split: GlueSplit, fences: [Range<Int>]) -> Bool {
        let token = tokens[index]
        if lines.memo.isInInlineCode(token.range, in: bytes) { return true }
        guard split.isEnglish else { return false }
        let start = token.range.lowerBound
        if lines.memo.isMachineLine(around: start, in: bytes) { return true }
        if fences.contains(where: { $0.contains(start) }) { return true }
        guard !split.isClosedList else { return false }
        return isQuotedAlone(token) || isNamedAsCode(at: index)
    }

    /// Whether the token is the whole text between two straight quotes of the same kind, the
    /// first of which opens a quotation (``ByteClass/opensQuotation(at:in:)``): `"dropwhile"`.
    func isQuotedAlone(_ token: Token) -> Bool {
        let start = token.range.lowerBound
        let end = token.range.upperBound
        guard start > 0, end < bytes.count, bytes[end] == bytes[start - 1] else { return false }
        return ByteClass.opensQuotation(at: start - 1, in: bytes)
    }

    /// Words that name a code object, lowercase: "the function dropwhile", "the nextafter
    /// method". Words that news copy uses for other things too ("field", "member", "property",
    /// "command", "argument") are left out: a real glue next to them would be missed.
    static let codeNouns: Set<String> = [
        "function", "functions", "method", "methods", "module", "modules", "attribute", "attributes",
        "variable", "variables", "keyword", "keywords", "parameter", "parameters", "macro", "macros",
        "identifier", "identifiers", "builtin", "builtins", "syscall", "opcode", "callback",
        "callbacks", "iterator", "iterators", "decorator", "decorators",
    ]

    /// Verbs that take an identifier as their object: "call nextafter", "import dropwhile".
    static let codeVerbs: Set<String> = ["call", "calls", "calling", "invoke", "invokes", "import", "imports"]

    /// Whether a code noun names the token as code in its sentence: right before it or right
    /// after it, across articles, "and", "or" and other unlisted words ("the function dropwhile",
    /// "the nextafter and dropwhile functions", "the functions takewhile or dropwhile"); or a
    /// code verb right before it ("call nextafter"). At most 5 words each way.
    func isNamedAsCode(at index: Int) -> Bool {
        let token = tokens[index]
        func word(_ at: Int) -> String? {
            guard at >= 0, at < tokens.count else { return nil }
            let low = min(tokens[at].range.upperBound, token.range.upperBound)
            let high = max(tokens[at].range.lowerBound, token.range.lowerBound)
            // Same sentence: no sentence end or line break between.
            if low < high, (low..<high).contains(where: { [0x2E, 0x21, 0x3F, 0x3B, 0x0A].contains(bytes[$0]) }) { return nil }
            return String(decoding: bytes[tokens[at].range], as: UTF8.self).lowercased()
        }
        if let previous = word(index - 1), Self.codeVerbs.contains(previous) { return true }
        for step in [1, -1] {
            var at = index + step
            for _ in 0..<5 {
                guard let text = word(at) else { break }
                if Self.codeNouns.contains(text) { return true }
                // Articles and conjunctions, and other unlisted words (more identifiers), are
                // passed over; any other listed word ends the phrase.
                guard Self.phraseLinks.contains(text) || !words.contains(text) else { break }
                at += step
            }
        }
        return false
    }

    /// Words passed over between an identifier and the code noun that names it.
    static let phraseLinks: Set<String> = ["the", "a", "an", "and", "or", "nor"]

    /// The byte ranges of the document's fenced code blocks (``ByteClass/fencedCodeBlocks(in:)``).
    func fencedCodeBlocks() -> [Range<Int>] { ByteClass.fencedCodeBlocks(in: bytes) }
}
