import Foundation
import Testing
import Wirefix
import WirefixTestSupport
@testable import WirefixRules

/// The glue rule's memo of word-list and name-component answers must answer exactly as the
/// tables it stands in front of, whatever was asked before (collisions replace slots).
@Suite struct ListedWordMemoTests {
    private func withTokens(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, [Token]) -> Void) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in body(buffer, Tokenizer.tokens(in: buffer)) }
    }

    @Test func answersHandCheckedWords() {
        let memo = ListedWordMemo()
        let words = Fixtures.words, gazetteer = Fixtures.gazetteer
        // Listed: "government" (also capitalized, and asked twice); not listed: "yearaccording";
        // not listed but a name component: "Jinping", "Diosdado" and, not ASCII, "Rodríguez".
        withTokens("government Government yearaccording Jinping Diosdado Rodríguez government", { bytes, tokens in
            let answers = tokens.map { token in
                memo.isListedOrComponent(token.range, in: bytes, isASCII: token.shape.contains(.ascii), words: words, gazetteer: gazetteer)
            }
            #expect(answers == [true, true, false, true, true, true, true])
            #expect(memo.containsASCII(tokens[0].range, in: bytes, words: words))
            #expect(!memo.containsASCII(tokens[2].range, in: bytes, words: words))
            #expect(!memo.containsASCII(tokens[3].range, in: bytes, words: words))
        })
    }

    /// Every token of a large clean text and every head and tail of its ASCII tokens, asked
    /// twice in two orders: far more keys than slots, so slots are replaced all the time.
    @Test func agreesWithTheTablesOverACleanText() throws {
        let text = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Tests/CleanCopy/python-docs.txt"), encoding: .utf8)
        let memo = ListedWordMemo()
        let words = Fixtures.words, gazetteer = Fixtures.gazetteer
        var mismatches: [String] = []
        var probes = 0
        withTokens(String(text.prefix(300_000)), { bytes, tokens in
            for pass in 0..<2 {
                for token in pass == 0 ? Array(tokens) : tokens.reversed() {
                    let isASCII = token.shape.contains(.ascii)
                    let expected = words.contains(token: token.range, in: bytes, isASCII: isASCII)
                        || gazetteer.isNameComponent(token: token.range, in: bytes, isASCII: isASCII)
                    probes += 1
                    if memo.isListedOrComponent(token.range, in: bytes, isASCII: isASCII, words: words, gazetteer: gazetteer) != expected {
                        mismatches.append(String(decoding: bytes[token.range], as: UTF8.self))
                    }
                    guard isASCII, token.range.count >= 2 else { continue }
                    for cut in (token.range.lowerBound + 1)..<token.range.upperBound {
                        for part in [token.range.lowerBound..<cut, cut..<token.range.upperBound] {
                            probes += 1
                            if memo.containsASCII(part, in: bytes, words: words) != words.contains(token: part, in: bytes, isASCII: true) {
                                mismatches.append(String(decoding: bytes[part], as: UTF8.self))
                            }
                        }
                    }
                }
            }
        })
        #expect(probes > 100_000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }
}
