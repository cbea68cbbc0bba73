import Testing
import WirefixLexicon

@Suite struct FoldingTests {
    @Test func removesCaseAndDiacritics() {
        #expect(Folding.fold("Rodríguez") == "rodriguez")
        #expect(Folding.fold("ÉVOLE") == "evole")
        #expect(Folding.fold("Peña") == "pena")
        #expect(Folding.fold("Núñez Feijóo") == "nunez feijoo")
        #expect(Folding.fold("Rodri\u{301}guez") == "rodriguez")
        #expect(Folding.fold("Łódź Øresund Straße") == "lodz oresund strasse")
    }

    @Test func dropsInvisibleCharacters() {
        #expect(Folding.fold("Ca\u{200B}bello") == "cabello")
        #expect(Folding.fold("Pe\u{2063}tro Pe\u{180E}tro Ca\u{FEFF}bello") == "petro petro cabello")
    }

    @Test func deletionVariant() {
        #expect(Folding.foldDeletingNonASCII("Nicolás") == "nicols")
        #expect(Folding.foldDeletingNonASCII("Peña") == "pea")
        #expect(Folding.foldDeletingNonASCII("Maduro") == nil)
    }

    /// The byte path (``Folding/fold(_:range:)``, and the token table's probe, which folds the
    /// same way) gives exactly the reference's string, scalar by scalar, for every scalar of the
    /// Basic Multilingual Plane's first 0x3000, Latin Extended Additional and a sample beyond,
    /// alone and inside words.
    @Test func theBytePathFoldsAsTheReference() {
        var scalars: [Unicode.Scalar] = []
        for value in UInt32(0x20)..<0x3000 { if let scalar = Unicode.Scalar(value) { scalars.append(scalar) } }
        for value in [UInt32(0x1E00)...0x1EFF, 0x2000...0x206F, 0xFB00...0xFB06, 0xFE00...0xFE0F, 0xFEFF...0xFEFF, 0xFF21...0xFF5A, 0x1F600...0x1F64F].joined() {
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        #expect(scalars.count > 12_000)
        for scalar in scalars {
            for text in [String(scalar), "Ab\(scalar)Cd", "\(scalar)\u{301}É"] {
                #expect(Folding.fold(text) == Folding.referenceFold(text), "U+\(String(scalar.value, radix: 16, uppercase: true))")
                #expect(Array(Folding.fold(text).utf8) == Array(Folding.referenceFold(text).utf8))
            }
        }
    }
}
