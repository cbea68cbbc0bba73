import Foundation
import Testing
@testable import WirefixLexicon

/// The compiled lexicon image: what goes in comes out, the same bytes every time, and a damaged
/// image is refused with a message rather than read.
@Suite struct CompiledLexiconTests {
    static let lexicon = Lexicon(
        entities: [
            Entity(id: "ve-diosdado-cabello", kind: .person, canonical: "Diosdado Cabello",
                   glosses: ["Diosdado": ["God given", "God-given"]], country: "VE", source: "https://example.org/cabello",
                   origin: RecordOrigin(file: "entities/ve.tsv", line: 2)),
            Entity(id: "ve-nicolas-maduro", kind: .person, canonical: "Nicolás Maduro", aliases: ["Maduro Moros"],
                   country: "VE", context: ["president"], source: "test",
                   guards: [VariantGuard(selector: .translated, alternatives: [[.title], [.country, .name]])],
                   ambiguous: ["Maduro"], style: .unaccented, origin: RecordOrigin(file: "entities/ve.tsv", line: 3)),
            Entity(id: "gt-prensa-libre", kind: .organization, canonical: "Prensa Libre", misspellings: ["Prensa Libres"],
                   country: "GT", context: ["newspaper"], source: "test",
                   guards: [VariantGuard(selector: .variant("Free Press"), alternatives: [[.title, .country]])]),
        ],
        glosses: [
            Gloss(component: "Cabello", kind: .surname, translations: ["hair"], source: "test"),
            Gloss(component: "Maduro", kind: .surname, translations: ["mature", "ripe"], source: "test",
                  origin: RecordOrigin(file: "glosses/surnames.tsv", line: 7)),
            Gloss(component: "Nicolás", kind: .given, translations: ["Nicholas"], source: "test"),
            Gloss(component: "Prensa", kind: .word, translations: ["press"], source: "test"),
            Gloss(component: "Libre", kind: .word, translations: ["free"], source: "test"),
        ])

    @Test func entitiesAndGlossesComeBackExactly() throws {
        let gazetteer = Gazetteer(lexicon: Self.lexicon)
        #expect(Array(gazetteer.entities) == Self.lexicon.entities)
        #expect(gazetteer.glossesByComponent["maduro"] == [Self.lexicon.glosses[1]])
        #expect(gazetteer.glossesByComponent["nicolas"] == [Self.lexicon.glosses[2]])
        #expect(gazetteer.glossesByComponent["castillo"] == nil)
        #expect(gazetteer.glossesByComponent.components == ["cabello", "libre", "maduro", "nicolas", "prensa"])
        #expect(gazetteer.entitiesByComponent["maduro"] == [1])
        #expect(gazetteer.entitiesByComponent["moros"] == [1])
        #expect(gazetteer.entitiesByComponent["hair"] == nil)
    }

    @Test func variantsKeepTheirComponentsAndGuards() throws {
        let gazetteer = Gazetteer(lexicon: Self.lexicon)
        let freePress = try #require(gazetteer.variants.first { $0.foldedTokens == ["free", "press"] })
        #expect(freePress.entityIndex == 2)
        #expect(freePress.target == "Prensa Libre")
        #expect(freePress.components.map(\.name) == ["Libre", "Prensa"])
        #expect(freePress.components.map(\.realization) == [.translated("free", .word), .translated("press", .word)])
        #expect(freePress.contextGuard?.description == "Free Press=title+country")
        let ripe = try #require(gazetteer.variants.first { $0.foldedTokens == ["nicholas", "ripe"] })
        #expect(ripe.form == .canonical)
        #expect(ripe.contextGuard?.description == "translated=title|country+name")
        let misspelled = try #require(gazetteer.variants.first { $0.foldedTokens == ["prensa", "libres"] })
        #expect(misspelled.form == .misspelling(0))
        #expect(misspelled.target == "Prensa Libre")
    }

    @Test func variantFlagsAreCompiledIn() throws {
        let gazetteer = Gazetteer(lexicon: Self.lexicon)
        for index in gazetteer.variants.indices {
            let variant = gazetteer.variants[index]
            let entity = gazetteer.entities[variant.entityIndex]
            let flags = gazetteer.flags(ofVariant: index)
            #expect(flags.contains(.person) == (entity.kind == .person))
            #expect(flags.contains(.untranslated) == variant.isUntranslated)
            #expect(flags.contains(.guarded) == (!entity.guards.isEmpty || variant.contextGuard != nil))
        }
        // Maduro has guards, Cabello none; "free press" is a guarded calque of Prensa Libre.
        let cabello = try #require(gazetteer.variants.firstIndex { $0.foldedTokens == ["god", "given", "hair"] })
        #expect(gazetteer.flags(ofVariant: cabello) == [.person])
        let freePress = try #require(gazetteer.variants.firstIndex { $0.foldedTokens == ["free", "press"] })
        #expect(gazetteer.flags(ofVariant: freePress) == [.guarded])
    }

    /// The in-place reads of a variant record (the hot paths of the name rules) give what
    /// decoding the whole variant gives, for every form (canonical, alias, misspelling).
    @Test func variantTargetAndEntityReadInPlaceAgreeWithTheDecodedVariant() {
        let gazetteer = Gazetteer(lexicon: Self.lexicon)
        var forms: Set<String> = []
        for index in gazetteer.variants.indices {
            let variant = gazetteer.variants[index]
            forms.insert("\(variant.form)".prefix { $0 != "(" }.description)
            #expect(gazetteer.variants.entityIndex(ofVariant: index) == variant.entityIndex)
            let target = Array(variant.target.utf8)
            for (probe, expected) in [(target, true), (target + [0x73], false), (Array(target.dropLast()), target.isEmpty),
                                      (Array("Prensa Libre".utf8), variant.target == "Prensa Libre"), ([], target.isEmpty)] {
                #expect(probe.withUnsafeBufferPointer { gazetteer.variants.target(ofVariant: index, equals: $0) } == expected,
                        "variant \(index) \(variant.target)")
            }
        }
        #expect(forms.isSuperset(of: ["canonical", "alias", "misspelling"]))
    }

    @Test func surnameFormsComeFromTheImage() {
        let gazetteer = Gazetteer(lexicon: Self.lexicon)
        let text = Array("Hair Ripe Cabello".utf8)
        text.withUnsafeBufferPointer { bytes in
            #expect(gazetteer.surnameForms.forms(ofToken: 0..<4, in: bytes, isASCII: true)
                    == [SurnameFormTable.Form(entityIndex: 0, surname: "Cabello", isTranslated: true)])
            #expect(gazetteer.surnameForms.forms(ofToken: 5..<9, in: bytes, isASCII: true)
                    == [SurnameFormTable.Form(entityIndex: 1, surname: "Maduro", isTranslated: true)])
            // The surname itself, as it may stand miscased.
            #expect(gazetteer.surnameForms.forms(ofToken: 10..<17, in: bytes, isASCII: true)
                    == [SurnameFormTable.Form(entityIndex: 0, surname: "Cabello", isTranslated: false)])
            // Filtered before the surname is decoded: the same forms as filtering afterwards.
            #expect(gazetteer.surnameForms.forms(ofToken: 10..<17, in: bytes, isASCII: true) { entity, _ in entity == 0 }
                    == [SurnameFormTable.Form(entityIndex: 0, surname: "Cabello", isTranslated: false)])
            #expect(gazetteer.surnameForms.forms(ofToken: 10..<17, in: bytes, isASCII: true) { _, translated in translated } == [])
            #expect(gazetteer.surnameForms.forms(ofToken: 5..<9, in: bytes, isASCII: true) { entity, _ in entity == 0 } == [])
        }
    }

    /// Only the forms of the entities in the bit set are offered to the filter: bit i & 63 of
    /// word i >> 6 is entity i.
    @Test func surnameFormsAreFilteredByABitSetOfEntities() {
        let gazetteer = Gazetteer(lexicon: Self.lexicon)
        let text = Array("Hair Ripe Cabello Castle".utf8)
        text.withUnsafeBufferPointer { bytes in
            func forms(_ range: Range<Int>, among words: [UInt64], _ include: (Int, Bool) -> Bool = { _, _ in true }) -> [SurnameFormTable.Form] {
                words.withUnsafeBufferPointer { gazetteer.surnameForms.forms(ofToken: range, in: bytes, isASCII: true, amongEntities: $0, where: include) }
            }
            let cabello = SurnameFormTable.Form(entityIndex: 0, surname: "Cabello", isTranslated: true)
            let maduro = SurnameFormTable.Form(entityIndex: 1, surname: "Maduro", isTranslated: true)
            #expect(forms(0..<4, among: [0b01]) == [cabello])
            #expect(forms(0..<4, among: [0b10]) == [])
            #expect(forms(0..<4, among: []) == [])
            #expect(forms(5..<9, among: [0b11]) == [maduro])
            #expect(forms(5..<9, among: [0b01]) == [])
            // The surname itself, untranslated; then filtered by the closure as well.
            #expect(forms(10..<17, among: [0b11]) == [SurnameFormTable.Form(entityIndex: 0, surname: "Cabello", isTranslated: false)])
            #expect(forms(10..<17, among: [0b11]) { _, translated in translated } == [])
            #expect(forms(18..<24, among: [0b11]) == [])
            // The filter is called only for the entities in the set.
            var asked: [Int] = []
            _ = forms(0..<4, among: [0b10]) { entity, _ in asked.append(entity); return true }
            #expect(asked == [])
        }
    }

    @Test func compilingIsDeterministic() {
        #expect(LexiconCompiler.compile(Self.lexicon) == LexiconCompiler.compile(Self.lexicon))
    }

    /// A fingerprint of the compiled fixture. When this fails, the compiler's output changed:
    /// bump `ImageFormat.formatVersion` (so that caches of the old output are never read) and
    /// pin the new fingerprint and version here.
    @Test func compilerOutputIsPinnedToTheFormatVersion() {
        var hasher = SourceHasher()
        LexiconCompiler.compile(Self.lexicon).withUnsafeBytes { hasher.combine($0) }
        #expect(ImageFormat.formatVersion == 5)
        #expect(hasher.finalize().description == "bae4a2862837c59162876b98bb8d79a7")
    }

    @Test func anImageOpensFromAFileAndMatchesAsTheOriginal() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wirefix-image-\(UUID()).wfx")
        defer { try? FileManager.default.removeItem(at: path) }
        try Data(LexiconCompiler.compile(Self.lexicon)).write(to: path)
        let mapped = try Gazetteer(image: LexiconImage(contentsOfFile: path.path))
        let text = "Deputy God-given hair met Nicholas Ripe of the Free Press."
        let tokens = Tokenizer.tokens(in: text)
        let found = Array(text.utf8).withUnsafeBufferPointer { bytes in
            mapped.matches(tokens: tokens, in: bytes).map { match in
                (String(decoding: bytes[match.byteRange], as: UTF8.self), match.variantIndices.map { mapped.variants[$0].target })
            }
        }
        #expect(found.map(\.0) == ["God-given hair", "Nicholas Ripe", "Free Press"])
        #expect(found.map(\.1) == [["Diosdado Cabello"], ["Nicolás Maduro"], ["Prensa Libre"]])
    }

    /// The fixture's image with its variant heads replaced by `heads` (count, then two u32 per
    /// variant), reassembled with a valid checksum: what a faulty compiler would write.
    private func imageWithVariantHeads(count countGiven: ((Int) -> Int)? = nil, _ heads: (Int) -> [UInt32]) throws -> [UInt8] {
        let image = try LexiconImage(bytes: LexiconCompiler.compile(Self.lexicon))
        let sections = try ImageFormat.Section.allCases.map { section -> (ImageFormat.Section, ImageWriter) in
            var writer = ImageWriter()
            var reader = image.reader(section)
            if section == .variantHeads {
                let count = try reader.count()
                writer.append(UInt64(countGiven?(count) ?? count))
                writer.append(array: heads(count))
            } else {
                let bytes: ImageArray<UInt8> = try reader.array(count: reader.end - reader.offset)
                writer.append(contentsOf: (0..<bytes.count).map { bytes[$0] })
            }
            return (section, writer)
        }
        return LexiconImage.assemble(sourceKey: image.sourceKey, sections: sections)
    }

    /// (`variantTargetAndEntityReadInPlaceAgreeWithTheDecodedVariant` checks what the heads say.)
    @Test func rootEdgesAreCheckedWhenOpened() throws {
        let image = try LexiconImage(bytes: LexiconCompiler.compile(Self.lexicon))
        // The edges section with its root entries (see `TrieEdgeTable.Root`) replaced.
        func withRoots(_ change: ([UInt64]) -> [UInt64]) throws -> [UInt8] {
            let sections = try ImageFormat.Section.allCases.map { section -> (ImageFormat.Section, ImageWriter) in
                var writer = ImageWriter()
                var reader = image.reader(section)
                if section == .edges {
                    let capacity = try reader.count()
                    let keys: ImageArray<UInt64> = try reader.array(count: capacity)
                    let children: ImageArray<Int32> = try reader.array(count: capacity)
                    let tokens = try reader.count()
                    let roots: ImageArray<UInt64> = try reader.array(count: tokens)
                    let changed = change((0..<tokens).map { roots[$0] })
                    writer.append(UInt64(capacity))
                    writer.append(array: (0..<capacity).map { keys[$0] })
                    writer.append(array: (0..<capacity).map { children[$0] })
                    writer.append(UInt64(changed.count))
                    writer.append(array: changed)
                } else {
                    let bytes: ImageArray<UInt8> = try reader.array(count: reader.end - reader.offset)
                    writer.append(contentsOf: (0..<bytes.count).map { bytes[$0] })
                }
                return (section, writer)
            }
            return LexiconImage.assemble(sourceKey: image.sourceKey, sections: sections)
        }
        var vocabulary = image.reader(.vocabulary)
        let tokens = try FoldedTokenTable(&vocabulary).count
        #expect(openError(try withRoots { $0 }) == nil)
        #expect(openError(try withRoots { Array($0.dropLast()) })?.contains("\(tokens - 1) root edges for \(tokens) tokens") == true)
        let used = try #require(try withRootsIndex(image))
        #expect(openError(try withRoots { var roots = $0; roots[used] = 1 << 30; return roots })?
            .contains("a trie edge leads to node \(1 << 30)") == true)
        // Flipping a child's "variants end here" bit, or setting a bit beyond it.
        #expect(openError(try withRoots { var roots = $0; roots[used] ^= 1 << 32; return roots })?
            .contains("the root's child") == true)
        #expect(openError(try withRoots { var roots = $0; roots[used] |= 1 << 40; return roots })?
            .contains("a root entry has bits set beyond its child and flag") == true)
    }

    /// The token id of a root edge of the fixture.
    private func withRootsIndex(_ image: LexiconImage) throws -> Int? {
        var reader = image.reader(.edges)
        let capacity = try reader.count()
        let _: ImageArray<UInt64> = try reader.array(count: capacity)
        let _: ImageArray<Int32> = try reader.array(count: capacity)
        let tokens = try reader.count()
        let roots: ImageArray<UInt64> = try reader.array(count: tokens)
        return (0..<tokens).first { roots[$0] & 0xFFFF_FFFF != UInt64(UInt32.max) }
    }

    /// Every match found through the root entries (child and variants flag) is the one a walk of
    /// the edges alone finds.
    @Test func theRootEntriesAgreeWithTheEdges() {
        let gazetteer = Gazetteer(lexicon: Self.lexicon)
        for text in ["Deputy God-given hair met Nicholas Ripe of the Free Press.", "Diosdado Cabello and Nicolás Maduro",
                     "the free press of God-given hair", "Nicholas Ripe Nicholas Ripe"] {
            let tokens = Tokenizer.tokens(in: text)
            let found = Array(text.utf8).withUnsafeBufferPointer { bytes in
                gazetteer.matches(tokens: tokens, in: bytes).map { Array(bytes[$0.byteRange]) }
            }
            // The same walk, token by token through the cursor API: each step a lookup of the
            // child, variants read from the node's list, no filter.
            var expected: [[UInt8]] = []
            let bytes = Array(text.utf8)
            var index = 0
            while index < tokens.count {
                var cursor = gazetteer.root
                var end: Int?
                var next = index
                while next < tokens.count, next == index || bytes.withUnsafeBufferPointer({ Gazetteer.isNameSeparator($0, tokens[next - 1].range.upperBound..<tokens[next].range.lowerBound) }),
                      let advanced = gazetteer.advance(cursor, by: Folding.fold(String(decoding: bytes[tokens[next].range], as: UTF8.self))) {
                    cursor = advanced
                    next += 1
                    if !gazetteer.variants(at: cursor).isEmpty { end = next }
                }
                if let end {
                    expected.append(Array(bytes[tokens[index].range.lowerBound..<tokens[end - 1].range.upperBound]))
                    index = end
                } else {
                    index += 1
                }
            }
            #expect(found == expected, "\(text)")
            #expect(!found.isEmpty, "\(text)")
        }
    }

    @Test func variantHeadsAreCheckedWhenOpened() throws {
        let gazetteer = Gazetteer(lexicon: Self.lexicon)
        // The reassembly alone changes nothing: the same heads open.
        let original = try LexiconImage(bytes: LexiconCompiler.compile(Self.lexicon))
        var reader = original.reader(.variantHeads)
        let count = try reader.count()
        let heads: ImageArray<UInt32> = try reader.array(count: count * 2)
        #expect(openError(try imageWithVariantHeads { _ in (0..<heads.count).map { heads[$0] } }) == nil)
        // An entity or a string out of range, or a head count that is not the variants', is
        // refused before any head is read.
        let entities = gazetteer.entities.count
        #expect(openError(try imageWithVariantHeads { count in [UInt32(entities), 0] + Array(repeating: 0, count: count * 2 - 2) })?
            .contains("variant 0's head names an entity or a string that is not there") == true)
        #expect(openError(try imageWithVariantHeads { count in [0, UInt32.max] + Array(repeating: 0, count: count * 2 - 2) })?
            .contains("variant 0's head names an entity or a string that is not there") == true)
        #expect(openError(try imageWithVariantHeads(count: { $0 - 1 }) { count in Array(repeating: 0, count: count * 2) })?
            .contains("\(count - 1) variant heads for \(count) variants") == true)
    }

    private func openError(_ bytes: [UInt8]) -> String? {
        do {
            _ = try Gazetteer(image: LexiconImage(bytes: bytes))
            return nil
        } catch {
            return error.description
        }
    }

    @Test func damagedImagesAreRefusedWithAReason() {
        let image = LexiconCompiler.compile(Self.lexicon)
        #expect(openError(image) == nil)
        #expect(openError(Array(image.prefix(image.count - 8)))?.contains("truncated") == true)
        #expect(openError(Array(image.prefix(10)))?.contains("not a compiled Wirefix lexicon") == true)
        #expect(openError(Array("id\ttype\tcanonical\n".utf8) + [UInt8](repeating: 0, count: 80))?.contains("not a compiled Wirefix lexicon") == true)
        var otherVersion = image
        otherVersion[8] &+= 1
        #expect(openError(otherVersion)?.contains("format version 6, this Wirefix reads version 5") == true)
        var otherOrder = image
        otherOrder.swapAt(12, 15)
        otherOrder.swapAt(13, 14)
        #expect(openError(otherOrder)?.contains("other byte order") == true)
        // Any byte of the body changed: a name in the string pool, a table entry.
        for offset in [image.count / 3, image.count / 2, image.count - 20] {
            var damaged = image
            damaged[offset] ^= 0x01
            #expect(openError(damaged)?.contains("checksum does not match") == true)
        }
        // A section offset pointing past the end: the section table is covered by the checksum too.
        var outside = image
        for index in 72..<80 { outside[index] = 0xFF }
        #expect(openError(outside)?.contains("checksum does not match") == true)
    }

    @Test func sourceHasherSeesEveryByteAndItsPlace() {
        func key(_ parts: [String]) -> String {
            var hasher = SourceHasher()
            for part in parts { hasher.combine(part) }
            return hasher.finalize().description
        }
        #expect(key(["ab", "c"]) != key(["a", "bc"]))
        #expect(key(["Peña"]) != key(["Pena"]))
        #expect(key(["x"]) == key(["x"]))
        #expect(key(["0123456789abcdef"]) != key(["0123456789abcdeg"]))
        #expect(key([]).count == 32)
    }
}
