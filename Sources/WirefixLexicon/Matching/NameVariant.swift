/// One surface form under which an entity's name can appear in text: the name itself, an alias,
/// a known misspelling, or a calque in which some components were translated.
///
/// The ``Gazetteer`` generates every variant of every entity when it compiles a ``Lexicon``:
/// each component of each form is taken as written, with its non-ASCII letters deleted, or as
/// each of its glosses. "Diosdado Cabello" yields, among others, `diosdado cabello`,
/// `diosdado hair`, `god given cabello` and `god given hair`. A two-word organization or place
/// name translated in full, or whose second word is an adjective English spells the same, also
/// yields the reversed order, as English puts the adjective first ("Free Press" for "Prensa
/// Libre", "Radical Change" for "Cambio Radical").
public struct NameVariant: Sendable, Hashable {
    /// Which form of the entity the variant comes from.
    public enum Form: Sendable, Hashable {
        /// The canonical spelling.
        case canonical
        /// A correct alternative form (index into ``Entity/aliases``).
        case alias(Int)
        /// A known wrong form (index into ``Entity/misspellings``).
        case misspelling(Int)
    }

    /// How one component of the form is realized in this variant.
    public enum Realization: Sendable, Hashable {
        /// As written in the form (matching is case- and accent-insensitive).
        case original
        /// With its non-ASCII letters deleted ("Nicols" for "Nicolás").
        case deletedNonASCII
        /// Replaced by a literal translation, from a gloss of this kind.
        case translated(String, Gloss.Kind)
    }

    /// One component of the form and how this variant realizes it.
    public struct Component: Sendable, Hashable {
        /// The component as written in the correct form, e.g. `Cabello`.
        public var name: String
        /// How the variant realizes it.
        public var realization: Realization
        /// How many word tokens it takes in text ("God given" takes 2).
        public var tokenCount: Int

        /// Whether the component is translated in this variant.
        public var isTranslated: Bool {
            if case .translated = realization { return true }
            return false
        }
    }

    /// Index of the entity in ``Gazetteer/entities``.
    public var entityIndex: Int
    /// The form it derives from.
    public var form: Form
    /// The text that should stand in the copy: the canonical spelling, or the alias as correctly
    /// spelled when the form is an alias.
    public var target: String
    /// The components of the form, in order.
    public var components: [Component]
    /// The folded tokens the variant matches, in order.
    public var foldedTokens: [String]
    /// The context guard the variant must pass before it counts as a match, or `nil` (see
    /// ``VariantGuard``; the entity's most specific guard that covers this variant).
    public var contextGuard: VariantGuard? = nil

    /// Name particles ("de", "la", "del", "dos"): translated or not, they say nothing, and a
    /// variant counts as fully translated when every other component is.
    public static let particles: Set<String> = ["de", "del", "la", "las", "los", "el", "y", "da", "do", "dos", "das", "e", "di", "van", "von", "der"]

    /// Whether every component but the name particles is translated ("Margaret Oaks", "Free
    /// Press"); `false` when nothing is translated.
    public var isFullyTranslated: Bool {
        let words = components.filter { !NameVariant.particles.contains(Folding.fold($0.name)) }
        let counted = words.isEmpty ? components : words
        return !counted.isEmpty && counted.allSatisfy(\.isTranslated)
    }

    /// The variant as it reads in text, words separated by spaces: "God given hair",
    /// "Nicols Maduro". (Matching is case- and accent-insensitive, so this is one spelling of it.)
    public var text: String {
        components.map { component in
            switch component.realization {
            case .original: return component.name
            case .deletedNonASCII: return String(String.UnicodeScalarView(component.name.unicodeScalars.filter { $0.isASCII }))
            case .translated(let translation, _): return translation
            }
        }.joined(separator: " ")
    }

    /// The number of translated components.
    public var translatedCount: Int { components.reduce(0) { $0 + ($1.isTranslated ? 1 : 0) } }

    /// Whether any component is realized with its non-ASCII letters deleted.
    public var hasDeletedLetters: Bool { components.contains { $0.realization == .deletedNonASCII } }

    /// Whether every component appears as written: a match is the name itself (maybe miscased or
    /// without accents), not a calque.
    public var isUntranslated: Bool { translatedCount == 0 }
}
