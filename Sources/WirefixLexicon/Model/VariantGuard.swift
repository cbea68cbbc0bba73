/// A context guard: the evidence a text must show around a match before the name rules may treat
/// some variants of an entity as that entity.
///
/// Some variants are ordinary English: "Free Press" (Prensa Libre), "The Sixth" (La Sexta),
/// "Rose Weber" (Rosa Weber). A guard, written in the `guards` column of an entity record (see
/// `Lexicons/README.md`), names which variants it covers (its ``Selector``) and which
/// ``Condition``s license them:
///
/// ```
/// translated=title|country; Rose Weber=title; The Sixth=title+country
/// ```
///
/// reads "a fully translated variant needs a title, role or kind word, or a mention of the
/// entity's country; 'Rose Weber' needs a title; 'The Sixth' needs both a title and the country".
/// `|` separates alternatives (any one suffices), `+` joins conditions that must all hold.
///
/// Every variant is held to the guard of the most specific selector that covers it: an exact
/// variant first, then `english`, `translated`, `calque` and `*`. The ``Gazetteer`` resolves the
/// selectors that need no word list into ``NameVariant/contextGuard``; `english` needs the
/// English word and name lists and is resolved when a match is read (see
/// ``effectiveGuard(for:of:words:names:)``). A guarded variant whose guard fails is not a match at all: no correction, no
/// suggestion. A guard is a necessary condition, never sufficient: the rules still weigh their
/// usual evidence.
public struct VariantGuard: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What the text must show around a match.
    public enum Condition: String, Sendable, Hashable, Codable, CaseIterable {
        /// A title or role word for people ("president", "minister", "deputy"), a kind noun for
        /// organizations and places ("newspaper", "channel", "party", "district"), or one of the
        /// entity's own `context` words, introducing the match within three words before it
        /// (organizations and places: or right after it).
        case title
        /// The paragraph names the entity's country: a country name, demonym ("Guatemalan") or
        /// place from `geography/countries.tsv`.
        case country
        /// Another word of the entity's own name (canonical form or alias, untranslated) stands
        /// within ``VariantGuard/nameWindow`` word tokens before or after the match.
        case name
    }

    /// Which variants of the entity a guard covers.
    public enum Selector: Sendable, Hashable, Codable, CustomStringConvertible {
        /// Every variant, the name as written included (`*`).
        case all
        /// Every variant with at least one translated component (`calque`).
        case calque
        /// Every variant whose components are all translated, name particles ("de", "la")
        /// aside (`translated`).
        case translated
        /// Every calque variant that reads as ordinary English (`english`): all its words common
        /// English words ("Free Press", "God given hair") or all common English names ("Rose
        /// Weber", "Peter Castle"), as ``EnglishReading`` decides with the English word and name
        /// lists. This is exactly what `wirefix lexicon lint` asks to guard.
        case english
        /// The variants that read as this text, compared folded (case- and accent-insensitive):
        /// an alias, a misspelling, or a generated calque such as `The Sixth`.
        case variant(String)

        /// The selector as written in the lexicon.
        public var description: String {
            switch self {
            case .all: return "*"
            case .calque: return "calque"
            case .translated: return "translated"
            case .english: return "english"
            case .variant(let text): return text
            }
        }

        /// Ordering for "the most specific selector wins": lower is more specific.
        public var specificity: Int {
            switch self {
            case .variant: return 0
            case .english: return 1
            case .translated: return 2
            case .calque: return 3
            case .all: return 4
            }
        }
    }

    /// How many word tokens around a match the ``Condition/name`` condition looks at, each way.
    public static let nameWindow = 40

    /// The variants the guard covers.
    public var selector: Selector
    /// The alternatives: the guard holds when every condition of at least one alternative holds.
    /// Never empty; no alternative is empty.
    public var alternatives: [[Condition]]

    /// Creates a guard.
    public init(selector: Selector, alternatives: [[Condition]]) {
        self.selector = selector
        self.alternatives = alternatives
    }

    /// The guard as written in the lexicon: `translated=title|country`.
    public var description: String { "\(selector)=\(conditionsDescription)" }

    /// The conditions as written: `title|country+name`.
    public var conditionsDescription: String {
        alternatives.map { $0.map(\.rawValue).joined(separator: "+") }.joined(separator: "|")
    }

    /// The folded word tokens of a ``Selector/variant(_:)`` selector, `nil` for the others.
    public var selectorTokens: [String]? {
        guard case .variant(let text) = selector else { return nil }
        return Gazetteer.words(of: text).map { Folding.fold($0) }
    }

    /// Whether the guard holds, given which conditions the text satisfies.
    ///
    /// - Complexity: O(*c*) in the number of conditions written.
    public func isSatisfied(by satisfied: (Condition) -> Bool) -> Bool {
        alternatives.contains { $0.allSatisfy(satisfied) }
    }

    /// The guard a variant of `entity` is held to: its precomputed ``NameVariant/contextGuard``,
    /// unless the entity's `english` guard is more specific and the variant reads as English.
    ///
    /// - Complexity: O(*g* + *t*) for *g* guards of the entity and *t* tokens of the variant.
    public static func effectiveGuard(for variant: NameVariant, of entity: Entity,
                                      words: EnglishWordList, names: EnglishNameList) -> VariantGuard? {
        guard let english = entity.guards.first(where: { $0.selector == .english }),
              (variant.contextGuard?.selector.specificity ?? Int.max) > english.selector.specificity,
              variant.translatedCount > 0,
              EnglishReading.reason(variant.foldedTokens, words: words, names: names) != nil else {
            return variant.contextGuard
        }
        return english
    }

    /// Parses a `guards` field: `Selector=condition|condition+condition; Other=condition`.
    ///
    /// - Returns: the guards in field order, or a message naming what is wrong (without file and
    ///   line, which the caller adds).
    public static func parseField(_ field: String) -> Result<[VariantGuard], GuardSyntaxError> {
        var result: [VariantGuard] = []
        for part in field.split(separator: ";", omittingEmptySubsequences: false) {
            let clause = part.trimmingSpaces()
            guard let equals = clause.firstIndex(of: "=") else {
                return .failure(GuardSyntaxError("expected 'Selector=condition|condition', found '\(clause)'"))
            }
            let selectorText = String(clause[..<equals]).trimmingSpaces()
            let conditionsText = String(clause[clause.index(after: equals)...]).trimmingSpaces()
            if selectorText.isEmpty {
                return .failure(GuardSyntaxError("missing selector before '=' in '\(clause)' (use *, calque, translated, english or a variant's text)"))
            }
            let selector: Selector
            switch selectorText {
            case "*": selector = .all
            case "calque": selector = .calque
            case "translated": selector = .translated
            case "english": selector = .english
            default: selector = .variant(selectorText)
            }
            if case .variant = selector, Gazetteer.words(of: selectorText).isEmpty {
                return .failure(GuardSyntaxError("selector '\(selectorText)' holds no word"))
            }
            var alternatives: [[Condition]] = []
            for alternative in conditionsText.split(separator: "|", omittingEmptySubsequences: false) {
                var conditions: [Condition] = []
                for word in alternative.split(separator: "+", omittingEmptySubsequences: false) {
                    let name = word.trimmingSpaces()
                    guard let condition = Condition(rawValue: name) else {
                        return .failure(GuardSyntaxError("unknown guard condition '\(name)' for '\(selectorText)' (expected title, country or name)"))
                    }
                    conditions.append(condition)
                }
                alternatives.append(conditions)
            }
            if result.contains(where: { $0.selector == selector }) {
                return .failure(GuardSyntaxError("selector '\(selectorText)' is guarded twice"))
            }
            result.append(VariantGuard(selector: selector, alternatives: alternatives))
        }
        return .success(result)
    }

    /// Writes guards back as a `guards` field; `parseField(formatField(g)) == .success(g)`.
    public static func formatField(_ guards: [VariantGuard]) -> String {
        guards.map(\.description).joined(separator: "; ")
    }
}

/// A malformed `guards` field.
public struct GuardSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}

/// A newsroom's house style for one entity's name: whether copy writes it with its diacritics.
public enum NameStyle: String, Sendable, Hashable, Codable, CaseIterable {
    /// Restore the diacritics (the default unless `--keep-unaccented` is given).
    case accented
    /// AP style: keep the name without accents ("Nicolas Maduro"); only case and calques are
    /// fixed, and a replacement drops the accents the copy left out.
    case unaccented
}

extension StringProtocol {
    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
