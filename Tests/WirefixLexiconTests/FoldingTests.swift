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
    }

    @Test func deletionVariant() {
        #expect(Folding.foldDeletingNonASCII("Nicolás") == "nicols")
        #expect(Folding.foldDeletingNonASCII("Peña") == "pea")
        #expect(Folding.foldDeletingNonASCII("Maduro") == nil)
    }
}
