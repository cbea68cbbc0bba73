import Testing
import WirefixICU

@Suite struct NormalizerTests {
    @Test func nfcComposes() throws {
        #expect(scalars(try Normalizer.normalize("e\u{301}", to: .nfc)) == [0xE9])
        // í + another combining acute: only the first accent can compose.
        #expect(scalars(try Normalizer.normalize("i\u{301}\u{301}", to: .nfc)) == [0xED, 0x301])
    }

    @Test func nfdDecomposes() throws {
        #expect(scalars(try Normalizer.normalize("\u{E9}", to: .nfd)) == [0x65, 0x301])
        #expect(scalars(try Normalizer.normalize("Peña", to: .nfd)) == [0x50, 0x65, 0x6E, 0x303, 0x61])
    }

    @Test func nfkcFoldsCompatibilityCharacters() throws {
        #expect(try Normalizer.normalize("\u{FB01}", to: .nfkc) == "fi")
        #expect(try Normalizer.normalize("Ⅻ", to: .nfkc) == "XII")
        #expect(try Normalizer.normalize("Ｒｏｄ", to: .nfkc) == "Rod")
        #expect(try Normalizer.normalize("\u{1D400}", to: .nfkc) == "A") // MATHEMATICAL BOLD CAPITAL A
        // NFKC does not fold case or ß.
        #expect(try Normalizer.normalize("Straße", to: .nfkc) == "Straße")
    }

    @Test func nfkcCasefoldFoldsCaseAndRemovesIgnorables() throws {
        #expect(try Normalizer.normalize("Straße", to: .nfkcCasefold) == "strasse")
        #expect(try Normalizer.normalize("ABC", to: .nfkcCasefold) == "abc")
        #expect(try Normalizer.normalize("Ma\u{200B}du\u{AD}ro", to: .nfkcCasefold) == "maduro")
    }

    @Test func asciiAndEmptyInputAreReturnedUnchanged() throws {
        for form in [NormalizationForm.nfc, .nfd, .nfkc] {
            #expect(try Normalizer.normalize("Nicolas Maduro", to: form) == "Nicolas Maduro")
            #expect(try Normalizer.normalize("", to: form) == "")
        }
        #expect(try Normalizer.normalize("", to: .nfkcCasefold) == "")
    }

    @Test func isNormalized() throws {
        #expect(try Normalizer.isNormalized("e\u{301}", form: .nfc) == false)
        #expect(try Normalizer.isNormalized("e\u{301}", form: .nfd) == true)
        #expect(try Normalizer.isNormalized("\u{E9}", form: .nfc) == true)
        #expect(try Normalizer.isNormalized("\u{E9}", form: .nfd) == false)
        #expect(try Normalizer.isNormalized("\u{FB01}", form: .nfc) == true)
        #expect(try Normalizer.isNormalized("\u{FB01}", form: .nfkc) == false)
        #expect(try Normalizer.isNormalized("ABC", form: .nfkcCasefold) == false)
        #expect(try Normalizer.isNormalized("abc", form: .nfkcCasefold) == true)
        #expect(try Normalizer.isNormalized("ABC", form: .nfd) == true)
    }

    @Test func quickCheck() throws {
        // A combining mark after a base letter might compose: NFC cannot decide quickly.
        #expect(try Normalizer.quickCheck("e\u{301}", form: .nfc) == .maybe)
        #expect(try Normalizer.quickCheck("e\u{301}", form: .nfd) == .yes)
        #expect(try Normalizer.quickCheck("\u{E9}", form: .nfc) == .yes)
        #expect(try Normalizer.quickCheck("\u{E9}", form: .nfd) == .no)
        #expect(try Normalizer.quickCheck("\u{FB01}", form: .nfkc) == .no)
        #expect(try Normalizer.quickCheck("Maduro", form: .nfkcCasefold) == .no)
        #expect(try Normalizer.quickCheck("Maduro", form: .nfc) == .yes)
    }
}
