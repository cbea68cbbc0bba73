/// What a lone word may stand for once a person has been named in full: every surname of every
/// person entity, as the copy may write it alone, probed with a token's raw UTF-8 bytes.
///
/// For "Rander Peña" the table holds "pena" (the surname without its diacritic); for "Margarita
/// Robles" it holds "oaks" (a translation of the surname from the entity's or the shared glosses).
/// The follow-up rule looks up each capitalized word of a text here and keeps the forms of people
/// the text has named, so the per-text work is one hash probe per word, with no allocation for
/// ASCII words that are no surname form.
///
/// Stored in two sections of a compiled lexicon image (``ImageFormat``): the folded keys, and per
/// key its forms as (entity index, surname as a string-pool index, translated flag).
///
/// - Complexity: building is O(*p* · *g*) for *p* people and *g* glosses per surname; a lookup is
///   O(*t*) in the token's length, expected, plus O(*f*) for the *f* forms it returns.
public struct SurnameFormTable: Sendable {
    /// One way to write a person's surname alone.
    public struct Form: Sendable, Hashable {
        /// The entity, an index into `Gazetteer.entities`.
        public let entityIndex: Int
        /// The surname as the canonical name spells it ("Peña").
        public let surname: String
        /// Whether the form is a translation ("Oaks" for Robles) rather than the surname without
        /// its diacritics ("Pena").
        public let isTranslated: Bool
    }

    private let table: FoldedTokenTable
    private let forms: IntLists
    private let strings: StringPool

    /// Name particles that are never a surname on their own ("de", "la", "dos").
    public static let particles: Set<String> = ["de", "del", "la", "las", "los", "el", "y", "da", "do", "dos", "das", "e", "di", "van", "von", "der"]

    /// Serializes the table for the people among `entities` into two sections.
    static func write(entities: [Entity], glossesByComponent: [String: [Gloss]], pool: inout StringPoolBuilder,
                      keys keyWriter: inout ImageWriter, forms formWriter: inout ImageWriter) {
        var byKey: [String: [Int32]] = [:]
        for (entityIndex, entity) in entities.enumerated() where entity.kind == .person {
            let words = Gazetteer.words(of: entity.canonical)
            guard words.count >= 2 else { continue }
            for surname in words.dropFirst() {
                let folded = Folding.fold(surname)
                guard !Self.particles.contains(folded) else { continue }
                let surnameIndex = Int32(bitPattern: pool.index(of: surname))
                if surname != folded {
                    byKey[folded, default: []] += [Int32(entityIndex), surnameIndex, 0]
                }
                var translations = entity.glosses[surname] ?? []
                for gloss in glossesByComponent[folded] ?? [] where gloss.kind != .given {
                    translations += gloss.translations
                }
                for translation in translations where Gazetteer.words(of: translation).count == 1 {
                    byKey[Folding.fold(translation), default: []] += [Int32(entityIndex), surnameIndex, 1]
                }
            }
        }
        let keys = byKey.keys.sorted()
        FoldedTokenTable.write(keys: keys, to: &keyWriter)
        IntLists.write(keys.map { byKey[$0]! }, stride: 3, to: &formWriter)
    }

    /// Opens the two serialized sections.
    init(keys: inout SectionReader, forms: inout SectionReader, strings: StringPool, entities: Int) throws(ImageFormatError) {
        table = try FoldedTokenTable(&keys)
        self.forms = try IntLists(&forms)
        self.strings = strings
        guard self.forms.count == table.count else { throw ImageFormatError("surname forms for \(self.forms.count) of \(table.count) keys") }
        try self.forms.checkValues(field: 0, below: entities, "a surname form")
        try self.forms.checkValues(field: 1, below: strings.count, "a surname form")
    }

    /// The forms a token may be, in lexicon order; empty when it is no surname form.
    ///
    /// - Parameters:
    ///   - range: the token's UTF-8 byte range in `bytes`.
    ///   - isASCII: whether the token is ASCII (the allocation-free path).
    public func forms(ofToken range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> [Form] {
        let id = table.id(ofToken: range, in: bytes, isASCII: isASCII)
        guard id >= 0 else { return [] }
        return (0..<forms.itemCount(Int(id))).map { item in
            Form(entityIndex: Int(forms.value(Int(id), item: item, field: 0)),
                 surname: strings.string(Int(forms.value(Int(id), item: item, field: 1))),
                 isTranslated: forms.value(Int(id), item: item, field: 2) != 0)
        }
    }

    /// The forms a token may be for which `include(entityIndex, isTranslated)` holds, in lexicon
    /// order: the same as `forms(ofToken:in:isASCII:).filter { include($0.entityIndex,
    /// $0.isTranslated) }`, but a surname string is decoded only for a form that is kept (a
    /// common surname is the form of many people, of whom a text names few).
    ///
    /// - Complexity: O(*t*) in the token's length, expected, plus O(*f*) calls of `include` for
    ///   the *f* forms of the token.
    public func forms(ofToken range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool,
                      where include: (_ entityIndex: Int, _ isTranslated: Bool) -> Bool) -> [Form] {
        let id = table.id(ofToken: range, in: bytes, isASCII: isASCII)
        guard id >= 0 else { return [] }
        var result: [Form] = []
        for item in 0..<forms.itemCount(Int(id)) {
            let entityIndex = Int(forms.value(Int(id), item: item, field: 0))
            let isTranslated = forms.value(Int(id), item: item, field: 2) != 0
            guard include(entityIndex, isTranslated) else { continue }
            result.append(Form(entityIndex: entityIndex, surname: strings.string(Int(forms.value(Int(id), item: item, field: 1))),
                               isTranslated: isTranslated))
        }
        return result
    }

    /// The forms a token may be whose entity is among `entities` and for which
    /// `include(entityIndex, isTranslated)` holds, in lexicon order: the same as
    /// `forms(ofToken:in:isASCII:where:)` with the membership test in `include`, but the forms of
    /// other people are passed over without a call (a common surname's key holds the forms of
    /// hundreds of people, of whom a text names few: a call per form was 3% of a run on dense
    /// copy with a 100,000-entity lexicon).
    ///
    /// - Parameters:
    ///   - entities: a set of entity indices as bits: entity `i` is in it when bit `i & 63` of
    ///     word `i >> 6` is set (as `EntityIndexSet` keeps them); entities past the last word are not.
    /// - Complexity: O(*t*) in the token's length, expected, plus O(*f*) for the *f* forms of the
    ///   token, with a call of `include` for those among `entities`.
    public func forms(ofToken range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool,
                      amongEntities entities: UnsafeBufferPointer<UInt64>,
                      where include: (_ entityIndex: Int, _ isTranslated: Bool) -> Bool) -> [Form] {
        let id = Int(table.id(ofToken: range, in: bytes, isASCII: isASCII))
        guard id >= 0 else { return [] }
        var result: [Form] = []
        for item in 0..<forms.itemCount(id) {
            // Not negative: checked when the table was opened.
            let entityIndex = Int(forms.value(id, item: item, field: 0))
            let word = entityIndex >> 6
            guard word < entities.count, entities[word] & (1 << UInt64(entityIndex & 63)) != 0 else { continue }
            let isTranslated = forms.value(id, item: item, field: 2) != 0
            guard include(entityIndex, isTranslated) else { continue }
            result.append(Form(entityIndex: entityIndex, surname: strings.string(Int(forms.value(id, item: item, field: 1))),
                               isTranslated: isTranslated))
        }
        return result
    }
}
