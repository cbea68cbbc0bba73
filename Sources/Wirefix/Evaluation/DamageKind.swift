/// The kinds of damage the evaluation corpus labels its cases with, and the inference of a kind
/// from the shape of one expected edit (used for whole articles, whose edits carry no label).
public enum DamageKind {
    /// The kinds of `cases.tsv`: `calque` (a person's or place's name translated word by word),
    /// `org-calque` (an organization's or medium's name translated), `case` (a name lowercased),
    /// `diacritic` (a name's accents lost), `glue` (a space lost), `debris` (stray punctuation or
    /// spaces), `mojibake` (UTF-8 read in a legacy code page), `unicode` (invisible characters,
    /// decomposed accents, homoglyphs) and `negative` (clean text that must stay unchanged).
    public static let all = ["calque", "org-calque", "case", "diacritic", "glue", "debris", "mojibake", "unicode", "negative"]

    /// The kind of clean text that must come out unchanged.
    public static let negative = "negative"

    /// The kind one edit's shape points to, from its original and its replacement alone:
    ///
    /// - `unicode`: the two are canonically equivalent;
    /// - `mojibake`: the original holds a typical lead of UTF-8 read as Windows-1252 (`Ã`,
    ///   `Â`, `â€`, `Å`, `Ä`) the replacement lacks;
    /// - `unicode`: the original holds an invisible character (zero-width space, joiners, word
    ///   joiner, soft hyphen, byte-order mark) the replacement lacks;
    /// - `glue`: only spaces were inserted, or words were split (folding alike);
    /// - `debris`: only punctuation and spaces changed;
    /// - `case` or `diacritic`: the words fold alike (`Folding.fold`) and differ in case, or only
    ///   in accents;
    /// - `calque`: anything else (a translated or misspelled name).
    ///
    /// - Complexity: O(*n*) in the length of the two texts.
    public static func infer(original: String, replacement: String) -> String {
        // String == is canonical equivalence: equal strings with different bytes differ only in
        // normalization.
        if original == replacement { return "unicode" }
        for lead in ["Ã", "Â", "â€", "Å", "Ä"] where original.contains(lead) && !replacement.contains(lead) {
            return "mojibake"
        }
        let invisible: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{00AD}", "\u{FEFF}"]
        if original.unicodeScalars.contains(where: { invisible.contains($0) })
            && !replacement.unicodeScalars.contains(where: { invisible.contains($0) }) {
            return "unicode"
        }
        let oldWords = words(of: original)
        let newWords = words(of: replacement)
        let oldWithoutSpaces = original.unicodeScalars.filter { $0 != " " }
        let newWithoutSpaces = replacement.unicodeScalars.filter { $0 != " " }
        if oldWithoutSpaces.elementsEqual(newWithoutSpaces) && replacement.utf8.count > original.utf8.count {
            return "glue"
        }
        if oldWords == newWords { return "debris" }
        if oldWords.count != newWords.count, Folding.fold(oldWords.joined()) == Folding.fold(newWords.joined()) {
            return "glue"
        }
        if oldWords.count == newWords.count,
           zip(oldWords, newWords).allSatisfy({ Folding.fold($0) == Folding.fold($1) }) {
            let caseChanged = zip(oldWords, newWords).contains { old, new in
                old.filter(\.isUppercase).count != new.filter(\.isUppercase).count
            }
            return caseChanged ? "case" : "diacritic"
        }
        return "calque"
    }

    /// The words of a text (maximal runs of letters, marks and digits), as ``TextDiff`` cuts them.
    static func words(of text: String) -> [String] {
        DiffToken.tokens(of: Array(text.utf8)).filter(\.isWord).map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}
