/// Writes entities and glosses as lexicon TSV files (the format of `Lexicons/README.md`), so that
/// ``LexiconLoader`` reads back exactly what was written.
public enum LexiconWriter {
    /// An entity file: an optional `#` comment, the header with every column, one line per entity.
    ///
    /// - Precondition: no field holds a tab or a line break (the loader rejects such records).
    public static func entitiesTSV(_ entities: [Entity], comment: String? = nil) -> String {
        var out = commentLines(comment)
        out += LexiconLoader.entityColumns.joined(separator: "\t") + "\n"
        for entity in entities {
            let fields: [String: String] = [
                "id": entity.id, "type": entity.kind.rawValue, "canonical": entity.canonical,
                "aliases": entity.aliases.joined(separator: "|"), "misspellings": entity.misspellings.joined(separator: "|"),
                "glosses": glossesField(of: entity), "country": entity.country, "context": entity.context.joined(separator: "|"),
                "source": entity.source, "guards": VariantGuard.formatField(entity.guards),
                "ambiguous": entity.ambiguous.joined(separator: "|"), "style": entity.style?.rawValue ?? "",
            ]
            out += LexiconLoader.entityColumns.map { fields[$0] ?? "" }.joined(separator: "\t") + "\n"
        }
        return out
    }

    /// A gloss file: an optional `#` comment, the header, one line per gloss.
    public static func glossesTSV(_ glosses: [Gloss], comment: String? = nil) -> String {
        var out = commentLines(comment)
        out += LexiconLoader.glossColumns.joined(separator: "\t") + "\n"
        for gloss in glosses {
            out += [gloss.component, gloss.kind.rawValue, gloss.translations.joined(separator: "|"), gloss.source].joined(separator: "\t") + "\n"
        }
        return out
    }

    /// An override file: an optional `#` comment, the header, one line per override.
    public static func overridesTSV(_ overrides: [LexiconOverride], comment: String? = nil) -> String {
        var out = commentLines(comment)
        out += LexiconLoader.overrideColumns.joined(separator: "\t") + "\n"
        for override in overrides {
            out += [override.id, override.status?.rawValue ?? "", override.style?.rawValue ?? "", override.note].joined(separator: "\t") + "\n"
        }
        return out
    }

    /// An entity's own glosses as the `glosses` column writes them, components in the order
    /// their words first appear in the canonical name, the aliases and the misspellings:
    /// `Diosdado=God given|God-given; Cabello=hair`.
    public static func glossesField(of entity: Entity) -> String {
        let order = ([entity.canonical] + entity.aliases + entity.misspellings).flatMap { Gazetteer.words(of: $0) }
        let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return entity.glosses.keys.sorted { (position[$0] ?? Int.max, $0) < (position[$1] ?? Int.max, $1) }
            .map { "\($0)=\(entity.glosses[$0]!.joined(separator: "|"))" }
            .joined(separator: "; ")
    }

    private static func commentLines(_ comment: String?) -> String {
        guard let comment, !comment.isEmpty else { return "" }
        return comment.split(separator: "\n", omittingEmptySubsequences: false).map { "# \($0)\n" }.joined()
    }
}
