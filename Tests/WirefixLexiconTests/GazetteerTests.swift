import Testing
import WirefixLexicon

@Suite struct GazetteerTests {
    let lexicon = Lexicon(
        entities: [
            Entity(id: "ve-diosdado-cabello", kind: .person, canonical: "Diosdado Cabello",
                   glosses: ["Diosdado": ["God given", "God-given"]], country: "VE", source: "test"),
            Entity(id: "ve-nicolas-maduro", kind: .person, canonical: "Nicolás Maduro", country: "VE", source: "test"),
            Entity(id: "cn-li-mingxiang", kind: .person, canonical: "Li Mingxiang", misspellings: ["Lin Mingxiang"], country: "CN", source: "test"),
        ],
        glosses: [
            Gloss(component: "Cabello", kind: .surname, translations: ["hair"], source: "test"),
            Gloss(component: "Maduro", kind: .surname, translations: ["mature", "ripe"], source: "test"),
            Gloss(component: "Nicolás", kind: .given, translations: ["Nicholas"], source: "test"),
        ])

    private func matches(_ text: String, _ gazetteer: Gazetteer) -> [(String, [String])] {
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokens(in: text)
        return bytes.withUnsafeBufferPointer { buffer in
            gazetteer.matches(tokens: tokens, in: buffer).map { match in
                (String(decoding: bytes[match.byteRange], as: UTF8.self),
                 match.variantIndices.map { gazetteer.variants[$0].target })
            }
        }
    }

    @Test func generatesEveryCombinationOfTranslatedComponents() {
        let gazetteer = Gazetteer(lexicon: lexicon)
        let keys = Set(gazetteer.variants.filter { $0.entityIndex == 0 }.map { $0.foldedTokens.joined(separator: " ") })
        #expect(keys == ["diosdado cabello", "diosdado hair", "god given cabello", "god given hair"])
        let maduro = Set(gazetteer.variants.filter { $0.entityIndex == 1 }.map { $0.foldedTokens.joined(separator: " ") })
        #expect(maduro == ["nicolas maduro", "nicols maduro", "nicholas maduro", "nicolas mature", "nicolas ripe",
                           "nicols mature", "nicols ripe", "nicholas mature", "nicholas ripe"])
    }

    /// The name rules rely on matches coming sorted and disjoint (a run of capitalized words is
    /// rejected by its last word when a match covers it): names that share words ("Nicolás
    /// Maduro" and "Maduro" alone, "Li Mingxiang" and "Lin Mingxiang") never give overlapping
    /// or out-of-order matches.
    @Test func matchesAreSortedAndDisjoint() {
        let lexicon = Lexicon(entities: self.lexicon.entities + [
            Entity(id: "xx-maduro-cabello", kind: .person, canonical: "Maduro Cabello", country: "VE", source: "test"),
            Entity(id: "xx-cabello", kind: .organization, canonical: "Cabello", country: "VE", source: "test"),
        ], glosses: self.lexicon.glosses)
        let gazetteer = Gazetteer(lexicon: lexicon)
        let text = "Nicolas Maduro Cabello, Diosdado Cabello Maduro Cabello and Li Mingxiang Lin Mingxiang met God given hair Cabello."
        let bytes = Array(text.utf8)
        let tokens = Tokenizer.tokens(in: text)
        let found = bytes.withUnsafeBufferPointer { gazetteer.matches(tokens: tokens, in: $0) }
        #expect(found.count >= 7)
        for (previous, next) in zip(found, found.dropFirst()) {
            #expect(previous.byteRange.upperBound <= next.byteRange.lowerBound)
            #expect(previous.tokenRange.upperBound <= next.tokenRange.lowerBound)
        }
    }

    @Test func matchesLeftmostLongestAcrossCaseAccentsAndHyphens() {
        let gazetteer = Gazetteer(lexicon: lexicon)
        let found = matches("Deputy God-given hair met NICOLAS MADURO and lin mingxiang.", gazetteer)
        #expect(found.map(\.0) == ["God-given hair", "NICOLAS MADURO", "lin mingxiang"])
        #expect(found.map(\.1) == [["Diosdado Cabello"], ["Nicolás Maduro"], ["Li Mingxiang"]])
    }

    @Test func aTranslatedComponentAloneNeverMatches() {
        let gazetteer = Gazetteer(lexicon: lexicon)
        #expect(matches("Her hair is mature and ripe.", gazetteer).isEmpty)
    }

    @Test func punctuationAndLineBreaksEndAMatch() {
        let gazetteer = Gazetteer(lexicon: lexicon)
        #expect(matches("Diosdado. Cabello", gazetteer).isEmpty)
        #expect(matches("Diosdado\nCabello", gazetteer).isEmpty)
        #expect(matches("Diosdado, Cabello", gazetteer).isEmpty)
    }

    @Test func componentIndexKnowsDeletionVariants() {
        let gazetteer = Gazetteer(lexicon: lexicon)
        #expect(gazetteer.entitiesByComponent["nicols"] == [1])
        #expect(gazetteer.entitiesByComponent["mingxiang"] == [2])
    }
}
