import Testing
import WirefixICU

@Suite struct TransliteratorTests {
    @Test func asciiFoldingStripsAccents() throws {
        #expect(try Transliterator.asciiFolding.transliterate("Rodríguez Peña") == "Rodriguez Pena")
        #expect(try Transliterator.asciiFolding.transliterate("Ørsted Łódź") == "Orsted Lodz")
        #expect(try Transliterator.asciiFolding.transliterate("Владимир Путин") == "Vladimir Putin")
        #expect(try Transliterator.asciiFolding.transliterate("") == "")
        #expect(try Transliterator.asciiFolding.id == "Any-Latin; Latin-ASCII")
    }

    @Test func hanToLatinNamesGivesPinyinWithTones() throws {
        #expect(scalars(try Transliterator.hanToLatinNames.transliterate("习近平"))
            == scalars("x\u{ED} j\u{EC}n p\u{ED}ng"))
        // ICU separates syllables with spaces and keeps an existing space, giving two here.
        #expect(try Transliterator.hanToLatinNames.transliterate("毛泽东 王") == "máo zé dōng  wáng")
    }

    @Test func sharedInstancesAreCreatedOnce() throws {
        #expect(try Transliterator.asciiFolding === Transliterator.asciiFolding)
        #expect(try Transliterator.hanToLatinNames === Transliterator.hanToLatinNames)
    }

    @Test func systemIDs() throws {
        #expect(try Transliterator(id: "Cyrillic-Latin").transliterate("Путин") == "Putin")
        #expect(try Transliterator(id: "Latin-ASCII").transliterate("Nicolás") == "Nicolas")
    }

    @Test func invalidIDThrowsInvalidID() {
        let error = #expect(throws: ICUError.self) { try Transliterator(id: "No-Such-Thing") }
        #expect(error?.name == "U_INVALID_ID")
        #expect(error?.operation == "utrans_openU")
        #expect(error?.detail == "id \"No-Such-Thing\"")
    }

    @Test func customRules() throws {
        let german = try Transliterator(id: "de-umlauts", rules: "ä > ae; ö > oe; ü > ue;")
        #expect(german.id == "de-umlauts")
        #expect(try german.transliterate("Mäßig öde Grüße") == "Maeßig oede Grueße") // ß has no rule
        let withSharpS = try Transliterator(id: "de-full", rules: "ä > ae; ö > oe; ü > ue; ß > ss;")
        #expect(try withSharpS.transliterate("Mäßig öde Grüße") == "Maessig oede Gruesse")
    }

    @Test func ruleSyntaxErrorReportsPosition() {
        let error = #expect(throws: ICUError.self) {
            try Transliterator(id: "broken", rules: "a > b;\n[abc > d;")
        }
        #expect(error?.name == "U_MALFORMED_SET")
        #expect(error?.detail == #"rules "broken": line 2, column 1 (offset 7), near "a > b;\n" | "[abc > d;""#)
    }

    @Test func unknownIDInsideRulesThrowsInvalidID() {
        let error = #expect(throws: ICUError.self) {
            try Transliterator(id: "compound", rules: "::No-Such-Thing;")
        }
        #expect(error?.name == "U_INVALID_ID")
    }

    @Test func sharedInstanceIsSafeUnderConcurrentUse() async throws {
        let folding = try Transliterator.asciiFolding
        let inputs = (0..<64).map { "Peña Nieto \($0) Rodríguez Zapatero" }
        let outputs = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (i, input) in inputs.enumerated() {
                group.addTask { (i, try folding.transliterate(input)) }
            }
            var results = [String](repeating: "", count: inputs.count)
            for try await (i, output) in group { results[i] = output }
            return results
        }
        #expect(outputs == (0..<64).map { "Pena Nieto \($0) Rodriguez Zapatero" })
    }

    @Test func longInputNeedsBufferRetry() throws {
        // Each pair of Han characters becomes 13 UTF-16 units, more than the first 4x buffer guess.
        let text = String(repeating: "张庄", count: 100)
        let result = try Transliterator.hanToLatinNames.transliterate(text)
        #expect(result == Array(repeating: "zhāng zhuāng", count: 100).joined(separator: " "))
    }
}
