/// Whether a name variant reads as ordinary English: the test behind the `english` guard
/// selector and the "unguarded common-English variant" check of `wirefix lexicon lint`.
///
/// A variant reads as English when every word is a common English word (rank ≤
/// ``commonWordRank`` in the word list and not a common given name: "free press", "the sixth",
/// "god given hair"), or when every word is a common English given name or surname ("rose",
/// "peter castle", "margaret oaks"). A mix of the two ("nicholas mature") is neither an English
/// phrase nor an English name.
public enum EnglishReading {
    /// Word-frequency rank up to which a word counts as common English.
    public static let commonWordRank = 30_000

    /// The reason given when every word is common English (a phrase rather than a name).
    public static let commonWordsReason = "every word is common English"

    /// Why the folded tokens read as English, or `nil` when they do not.
    ///
    /// - Complexity: O(*t*) hash lookups for *t* tokens.
    public static func reason(_ tokens: [String], words: EnglishWordList, names: EnglishNameList) -> String? {
        guard !tokens.isEmpty else { return nil }
        let isWord: (String) -> Bool = { token in
            guard let rank = words.rank(of: token), rank <= commonWordRank else { return false }
            return !names.isGivenName(token)
        }
        if tokens.allSatisfy(isWord) { return commonWordsReason }
        if tokens.allSatisfy(names.isName) { return tokens.count == 1 ? "a common English name" : "every word is a common English name" }
        return nil
    }

    /// Why the folded tokens could all be ordinary English, names and words mixed ("paul
    /// married", "mark blonde", "the charlotte"), or `nil` when some word is neither a common
    /// English word nor a common English name. Stricter than ``reason(_:words:names:)``: for
    /// uses with no context at all, such as a glossary an MT engine applies everywhere.
    ///
    /// - Complexity: O(*t*) hash lookups for *t* tokens.
    public static func mixedReason(_ tokens: [String], words: EnglishWordList, names: EnglishNameList) -> String? {
        if let reason = reason(tokens, words: words, names: names) { return reason }
        guard !tokens.isEmpty, tokens.allSatisfy({ token in
            names.isName(token) || (words.rank(of: token).map { $0 <= commonWordRank } ?? false)
        }) else { return nil }
        return "every word is common English or a common English name"
    }
}
