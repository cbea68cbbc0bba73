import Testing
import WirefixLexicon

@Suite struct EnglishWordListTests {
    /// The token probe answers as the folded-string lookup does, whether the word is among the
    /// frequent short words answered from the small table or only in the full list.
    @Test func tokenProbeAgreesWithTheFoldedLookup() {
        var ranked: [(word: String, count: Int64)] = [("the", 100), ("of", 90), ("said", 80), ("government", 70), ("minister", 60), ("año", 50)]
        for index in 0..<5000 { ranked.append(("filler\(index)", 40)) }
        ranked.append(("rare", 1))
        let list = EnglishWordList(rankedWords: ranked)
        let text = "The OF Said GOVERNMENT minister Año año rare Rare filler4999 unlisted theX ministers the"
        let bytes = Array(text.utf8)
        for token in Tokenizer.tokens(in: text) {
            let word = String(decoding: bytes[token.range], as: UTF8.self)
            let probed = bytes.withUnsafeBufferPointer { list.contains(token: token.range, in: $0, isASCII: token.shape.contains(.ascii)) }
            #expect(probed == list.contains(Folding.fold(word)), "\(word)")
        }
        // "año" is listed as written, and a token folds to "ano": not found either way.
        let listed = ["The", "OF", "Said", "GOVERNMENT", "minister", "rare", "Rare", "filler4999", "the"]
        let found = Tokenizer.tokens(in: text).filter { token in
            bytes.withUnsafeBufferPointer { list.contains(token: token.range, in: $0, isASCII: token.shape.contains(.ascii)) }
        }.map { String(decoding: bytes[$0.range], as: UTF8.self) }
        #expect(found == listed)
    }
}
