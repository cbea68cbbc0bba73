/// A compiled lexicon: every ``NameVariant`` of every entity in a trie over folded word tokens,
/// matched against text in one left-to-right pass.
///
/// Matching folds each word token of the text (see ``Folding``), looks it up in the token
/// vocabulary, and walks the trie from every token that can start a variant, keeping the longest
/// variant that ends at a token boundary (leftmost-longest, non-overlapping). Between two tokens
/// of one match only name-internal separators are allowed: spaces or tabs, a no-break space, or a
/// single hyphen or apostrophe. A line break or any punctuation ends a match.
///
/// The tables live in a compiled lexicon image (``LexiconImage``): built in memory by
/// ``init(lexicon:)``, or memory-mapped from the lexicon cache (``LexiconCache``) by
/// ``init(image:)``, which opens 100,000 entities in milliseconds because nothing is decoded
/// until read.
///
/// - Complexity: compiling is O(*v* · *k*) for *v* generated variants of at most *k* tokens.
///   Matching is O(*n* · *k*) for *n* tokens of text: one hash lookup per token plus at most *k*
///   trie steps per token that starts a variant.
public struct Gazetteer: Sendable {
    /// The tables, behind one reference: a gazetteer is copied into contexts, analyses and
    /// closures, and copying its dozens of table references (each holding the image) meant as many
    /// atomic reference-count updates, on objects every worker thread shares, per copy.
    private final class Tables: Sendable {
        let entities: EntityStore
        let variants: VariantStore
        let glossesByComponent: GlossIndex
        let entitiesByComponent: ComponentIndex
        let surnameForms: SurnameFormTable
        let image: LexiconImage
        let variantFlags: ImageArray<UInt8>
        let table: FoldedTokenTable
        let edges: TrieEdgeTable
        let nodeVariants: IntLists

        init(entities: EntityStore, variants: VariantStore, glossesByComponent: GlossIndex, entitiesByComponent: ComponentIndex,
             surnameForms: SurnameFormTable, image: LexiconImage, variantFlags: ImageArray<UInt8>, table: FoldedTokenTable,
             edges: TrieEdgeTable, nodeVariants: IntLists) {
            self.entities = entities
            self.variants = variants
            self.glossesByComponent = glossesByComponent
            self.entitiesByComponent = entitiesByComponent
            self.surnameForms = surnameForms
            self.image = image
            self.variantFlags = variantFlags
            self.table = table
            self.edges = edges
            self.nodeVariants = nodeVariants
        }
    }

    private let tables: Tables

    /// The entities, in lexicon order.
    public var entities: EntityStore { _read { yield tables.entities } }
    /// Every generated variant. ``GazetteerMatch/variantIndices`` index into it.
    public var variants: VariantStore { _read { yield tables.variants } }
    /// Shared glosses by folded component.
    public var glossesByComponent: GlossIndex { _read { yield tables.glossesByComponent } }
    /// For every folded name component (as written, and with non-ASCII letters deleted), the
    /// entities whose forms contain it.
    public var entitiesByComponent: ComponentIndex { _read { yield tables.entitiesByComponent } }
    /// Every person's surname as the copy may write it alone (see ``SurnameFormTable``).
    public var surnameForms: SurnameFormTable { _read { yield tables.surnameForms } }
    /// The compiled image the tables read from.
    public var image: LexiconImage { _read { yield tables.image } }

    /// What the name rules ask of every variant, one byte each, without decoding it.
    public struct VariantFlags: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The variant carries a context guard, or its entity has guards (its `english` guard
        /// may apply).
        public static let guarded = VariantFlags(rawValue: 1)
        /// No component is translated (``NameVariant/isUntranslated``).
        public static let untranslated = VariantFlags(rawValue: 2)
        /// The entity is a person.
        public static let person = VariantFlags(rawValue: 4)
    }

    /// The flags of variant `index`, read from the image: O(1), no decoding.
    @inline(__always)
    public func flags(ofVariant index: Int) -> VariantFlags { VariantFlags(rawValue: variantFlags[index]) }

    private var variantFlags: ImageArray<UInt8> { _read { yield tables.variantFlags } }

    /// The folded tokens of all variants, with their ids.
    private var table: FoldedTokenTable { _read { yield tables.table } }
    /// The trie's edges: (node, token id) → child node.
    private var edges: TrieEdgeTable { _read { yield tables.edges } }
    /// The variants that end at each trie node.
    private var nodeVariants: IntLists { _read { yield tables.nodeVariants } }

    /// The most variants generated for one form; forms with more combinations keep the ones with
    /// the fewest translated components.
    public static let maximumVariantsPerForm = 4096

    /// Compiles a lexicon in memory (``LexiconCompiler``) and opens the image.
    ///
    /// - Complexity: see ``Gazetteer``.
    public init(lexicon: Lexicon) {
        do {
            try self.init(image: LexiconImage(bytes: LexiconCompiler.compile(lexicon)))
        } catch {
            preconditionFailure("a freshly compiled lexicon failed validation: \(error)")
        }
    }

    /// Opens a compiled image: O(1) in the number of entities and variants but for the checks of
    /// the tables' offsets (no allocation per entry); entities and variants are decoded when
    /// first read.
    ///
    /// - Throws: ``LexiconError`` naming the image when a table is malformed.
    public init(image: LexiconImage) throws(LexiconError) {
        do throws(ImageFormatError) {
            var stringsReader = image.reader(.strings)
            let strings = try StringPool(&stringsReader)
            var reader = image.reader(.entities)
            let entityRecords = try RecordTable(&reader)
            reader = image.reader(.variants)
            let variantRecords = try RecordTable(&reader)
            reader = image.reader(.glosses)
            let glossRecords = try RecordTable(&reader)
            reader = image.reader(.vocabulary)
            let table = try FoldedTokenTable(&reader)
            reader = image.reader(.nodeVariants)
            let nodeVariants = try IntLists(&reader)
            try nodeVariants.checkValues(below: variantRecords.count, "a trie node's variant")
            reader = image.reader(.edges)
            let edges = try TrieEdgeTable(&reader, nodes: nodeVariants.count, tokens: table.count) { !nodeVariants.isEmpty(Int($0)) }
            reader = image.reader(.components)
            let componentKeys = try FoldedTokenTable(&reader)
            reader = image.reader(.componentEntities)
            let componentLists = try IntLists(&reader)
            try componentLists.checkValues(below: entityRecords.count, "a name component's entity")
            reader = image.reader(.glossComponents)
            let glossKeys = try FoldedTokenTable(&reader)
            reader = image.reader(.componentGlosses)
            let glossLists = try IntLists(&reader)
            try glossLists.checkValues(below: glossRecords.count, "a component's gloss")
            guard componentLists.count == componentKeys.count, glossLists.count == glossKeys.count else {
                throw ImageFormatError("a component table and its lists differ in length")
            }
            reader = image.reader(.variantFlags)
            let flagCount = try reader.count()
            guard flagCount == variantRecords.count else { throw ImageFormatError("\(flagCount) variant flags for \(variantRecords.count) variants") }
            let variantFlags: ImageArray<UInt8> = try reader.array(count: flagCount)
            reader = image.reader(.variantHeads)
            let headCount = try reader.count()
            guard headCount == variantRecords.count else { throw ImageFormatError("\(headCount) variant heads for \(variantRecords.count) variants") }
            let variantHeads: ImageArray<UInt32> = try reader.array(count: headCount * 2)
            for index in 0..<headCount {
                guard Int(variantHeads[2 * index]) < entityRecords.count, Int(variantHeads[2 * index + 1]) < strings.count else {
                    throw ImageFormatError("variant \(index)'s head names an entity or a string that is not there")
                }
            }
            var surnameKeys = image.reader(.surnameKeys), surnameForms = image.reader(.surnameForms)
            let surnameTable = try SurnameFormTable(keys: &surnameKeys, forms: &surnameForms, strings: strings, entities: entityRecords.count)
            tables = Tables(
                entities: EntityStore(records: entityRecords, strings: strings),
                variants: VariantStore(records: variantRecords, heads: variantHeads, strings: strings, vocabulary: table),
                glossesByComponent: GlossIndex(keys: glossKeys, lists: glossLists, records: glossRecords, strings: strings),
                entitiesByComponent: ComponentIndex(keys: componentKeys, lists: componentLists),
                surnameForms: surnameTable, image: image, variantFlags: variantFlags, table: table, edges: edges,
                nodeVariants: nodeVariants)
        } catch {
            throw LexiconError(file: "<compiled lexicon \(image.sourceKey)>", line: 0, message: "invalid compiled lexicon: \(error.description)")
        }
    }

    /// The most specific guard that covers a variant: one naming the variant's text, then
    /// `translated` (when it is fully translated), then `calque`, then `*`. (`english` is left
    /// to ``VariantGuard/effectiveGuard(for:of:words:names:)``, which has the word lists.)
    static func guardFor(_ variant: NameVariant, in guards: [VariantGuard]) -> VariantGuard? {
        var best: VariantGuard?
        for candidate in guards {
            let covers: Bool
            switch candidate.selector {
            case .all: covers = true
            case .calque: covers = variant.translatedCount > 0
            case .translated: covers = variant.isFullyTranslated
            case .variant: covers = candidate.selectorTokens == variant.foldedTokens
            case .english: covers = false  // needs the word lists: VariantGuard.effectiveGuard
            }
            if covers, best.map({ candidate.selector.specificity < $0.selector.specificity }) ?? true { best = candidate }
        }
        return best
    }

    /// The word tokens of a name as strings: `words(of: "Padrino López") == ["Padrino", "López"]`.
    public static func words(of text: String) -> [String] {
        let bytes = Array(text.utf8)
        return Tokenizer.tokens(in: text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    /// Every combination of realizations of the components, as (component, folded tokens) lists,
    /// fewest translated components first.
    static func expand(names: [String], entity: Entity, glosses: [String: [Gloss]]) -> [[(NameVariant.Component, [String])]] {
        var options: [[(NameVariant.Component, [String])]] = []
        for name in names {
            var choices: [(NameVariant.Component, [String])] = [
                (NameVariant.Component(name: name, realization: .original, tokenCount: 1), [Folding.fold(name)])
            ]
            if let deleted = Folding.foldDeletingNonASCII(name), !deleted.isEmpty {
                choices.append((NameVariant.Component(name: name, realization: .deletedNonASCII, tokenCount: 1), [deleted]))
            }
            var translations: [(String, Gloss.Kind)] = (entity.glosses[name] ?? []).map { ($0, entity.kind == .person ? .surname : .word) }
            for gloss in glosses[Folding.fold(name)] ?? [] {
                translations += gloss.translations.map { ($0, gloss.kind) }
            }
            var seen = Set<[String]>()
            for (translation, kind) in translations {
                let tokens = words(of: translation).map { Folding.fold($0) }
                guard !tokens.isEmpty, tokens != [Folding.fold(name)], seen.insert(tokens).inserted else { continue }
                choices.append((NameVariant.Component(name: name, realization: .translated(translation, kind), tokenCount: tokens.count), tokens))
            }
            options.append(choices)
        }
        var result: [[(NameVariant.Component, [String])]] = [[]]
        for choices in options {
            var next: [[(NameVariant.Component, [String])]] = []
            for prefix in result {
                for choice in choices {
                    next.append(prefix + [choice])
                    if next.count >= maximumVariantsPerForm { break }
                }
                if next.count >= maximumVariantsPerForm { break }
            }
            result = next
        }
        return result.sorted { lhs, rhs in
            lhs.filter { $0.0.isTranslated }.count < rhs.filter { $0.0.isTranslated }.count
        }
    }

    /// Whether a word token, folded, is a component of some entity's name: the same answer as
    /// `entitiesByComponent[Folding.fold(token text)] != nil`, without allocating for an ASCII
    /// token.
    public func isNameComponent(token range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> Bool {
        entitiesByComponent.contains(token: range, in: bytes, isASCII: isASCII)
    }

    /// The token id of a folded token, or `nil` when no variant contains it.
    public func tokenID(_ folded: String) -> Int32? {
        let id = table.id(ofFolded: folded.utf8)
        return id < 0 ? nil : id
    }

    /// A position in the trie, for callers that walk it token by token (the glued-words rule).
    public struct Cursor: Sendable, Hashable {
        let node: Int32
    }

    /// The trie's root.
    public var root: Cursor { Cursor(node: 0) }

    /// The cursor after one more folded token, or `nil` when no variant continues that way.
    public func advance(_ cursor: Cursor, by folded: String) -> Cursor? {
        guard let id = tokenID(folded), let child = edges.child(of: cursor.node, token: id) else { return nil }
        return Cursor(node: child)
    }

    /// The variants that end exactly at `cursor`.
    public func variants(at cursor: Cursor) -> [Int] {
        nodeVariants.list(Int(cursor.node))
    }

    /// Finds every leftmost-longest match in a tokenized UTF-8 text.
    ///
    /// - Parameters:
    ///   - tokens: the word tokens of `bytes` (``Tokenizer``).
    ///   - bytes: the text, valid UTF-8.
    /// - Returns: non-overlapping matches in text order.
    /// - Complexity: see ``Gazetteer``.
    public func matches(tokens: [Token], in bytes: UnsafeBufferPointer<UInt8>) -> [GazetteerMatch] {
        var ids = [Int32](repeating: -1, count: tokens.count)
        for (index, token) in tokens.enumerated() {
            ids[index] = table.id(ofToken: token.range, in: bytes, isASCII: token.shape.contains(.ascii))
        }
        var result: [GazetteerMatch] = []
        var index = 0
        while index < tokens.count {
            guard ids[index] >= 0, let root = edges.root(token: ids[index]) else { index += 1; continue }
            var node = Int(root.node)
            var best: (end: Int, node: Int)? = root.hasVariants ? (index + 1, node) : nil
            var next = index + 1
            while next < tokens.count, ids[next] >= 0,
                  Gazetteer.isNameSeparator(bytes, tokens[next - 1].range.upperBound..<tokens[next].range.lowerBound),
                  let child = edges.child(of: Int32(node), token: ids[next]) {
                node = Int(child)
                next += 1
                if !nodeVariants.isEmpty(node) { best = (next, node) }
            }
            if let best {
                result.append(GazetteerMatch(
                    tokenRange: index..<best.end,
                    byteRange: tokens[index].range.lowerBound..<tokens[best.end - 1].range.upperBound,
                    variantIndices: nodeVariants.list(best.node)))
                index = best.end
            } else {
                index += 1
            }
        }
        return result
    }

    /// Whether the bytes between two tokens may separate two words of one name: one or more
    /// spaces or tabs, one no-break space, or a single hyphen, apostrophe or right single quote.
    public static func isNameSeparator(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        if range.isEmpty { return false }
        if range.allSatisfy({ bytes[$0] == 0x20 || bytes[$0] == 0x09 }) { return true }
        if range.count == 1 { return bytes[range.lowerBound] == 0x2D || bytes[range.lowerBound] == 0x27 }
        if range.count == 2 { return bytes[range.lowerBound] == 0xC2 && bytes[range.lowerBound + 1] == 0xA0 }
        if range.count == 3 {
            let b = (bytes[range.lowerBound], bytes[range.lowerBound + 1], bytes[range.lowerBound + 2])
            return b == (0xE2, 0x80, 0x99) || b == (0xE2, 0x80, 0x90) || b == (0xE2, 0x80, 0x91)
        }
        return false
    }
}
