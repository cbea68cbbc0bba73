import Testing
import WirefixICU

@Suite struct CaseMappingTests {
    @Test func turkishDottedI() throws {
        #expect(try CaseMapping.uppercase("i", locale: "tr") == "İ")
        #expect(try CaseMapping.uppercase("i") == "I")
        #expect(try CaseMapping.lowercase("İSTANBUL", locale: "tr") == "istanbul")
        #expect(try CaseMapping.lowercase("DIYARBAKIR", locale: "tr") == "dıyarbakır")
        // Without the Turkish locale, İ lowercases to i + COMBINING DOT ABOVE.
        #expect(scalars(try CaseMapping.lowercase("İ")) == [0x69, 0x307])
    }

    @Test func titlecaseNames() throws {
        #expect(try CaseMapping.titlecase("delcy rodríguez") == "Delcy Rodríguez")
        #expect(try CaseMapping.titlecase("NICOLÁS MADURO") == "Nicolás Maduro")
        // Word-based: the letter after an apostrophe is not capitalized, the one after a hyphen is.
        #expect(try CaseMapping.titlecase("o'neill jean-luc") == "O'neill Jean-Luc")
        #expect(try CaseMapping.titlecase("ijsselmeer", locale: "nl") == "IJsselmeer")
        #expect(try CaseMapping.titlecase("ijsselmeer") == "Ijsselmeer")
    }

    @Test func fullMappingsChangeLength() throws {
        #expect(try CaseMapping.uppercase("straße") == "STRASSE")
        // Greek final sigma is chosen from context.
        #expect(scalars(try CaseMapping.lowercase("ΟΔΟΣ")) == [0x3BF, 0x3B4, 0x3BF, 0x3C2])
        #expect(try CaseMapping.uppercase("") == "")
    }
}
