import Testing
import WirefixICU

@Suite struct SpoofCheckerTests {
    let checker: SpoofChecker
    /// "Maduro" with U+0430 CYRILLIC SMALL LETTER A instead of the Latin "a".
    let cyrillicA = "M\u{430}duro"

    init() throws {
        checker = try SpoofChecker()
    }

    @Test func mixedScriptNameIsFlagged() throws {
        #expect(try checker.check(cyrillicA) == [.mixedScriptConfusable, .restrictionLevelExceeded])
        #expect(SpoofChecker.scripts(of: cyrillicA) == ["Latn", "Cyrl"])
    }

    @Test func latinNameIsClean() throws {
        #expect(try checker.check("Maduro") == [])
        #expect(try checker.check("Nicolás Maduro") == [])
        #expect(SpoofChecker.scripts(of: "Maduro") == ["Latn"])
    }

    @Test func skeletonsOfLookalikesAreEqual() throws {
        #expect(try checker.skeleton(cyrillicA) == checker.skeleton("Maduro"))
        #expect(try checker.skeleton(cyrillicA) == "Maduro")
        #expect(try checker.areConfusable(cyrillicA, "Maduro"))
        #expect(try checker.areConfusable("Maduro", "Madura") == false)
        // Skeletons are NFD and map look-alikes to prototypes: "1" -> "l".
        #expect(scalars(try checker.skeleton("Nicolás")) == scalars("Nicola\u{301}s"))
        #expect(try checker.skeleton("12") == "l2")
    }

    @Test func wholeScriptConfusable() throws {
        // All Cyrillic, but looks like Latin "coco".
        #expect(try checker.check("\u{441}\u{43E}\u{441}\u{43E}") == [.wholeScriptConfusable])
        // All Cyrillic and not fully confusable: "д" has no Latin look-alike.
        #expect(try checker.check("Мадуро") == [])
    }

    @Test func otherChecks() throws {
        #expect(try checker.check("Ma\u{200B}duro") == [.invisible])
        #expect(try checker.check("Ma\u{AD}duro") == [.invisible])
        #expect(try checker.check("e\u{301}\u{301}") == [.invisible])
        #expect(try checker.check("12\u{663}") == [.mixedNumbers])
        #expect(try checker.check("i\u{307}") == [.hiddenOverlay])
        // Latin + Han is allowed at the "Highly Restrictive" level.
        #expect(try checker.check("Mao毛泽东") == [])
        #expect(try checker.check("") == [])
    }

    @Test func scriptsIgnoreCommonAndInherited() {
        #expect(SpoofChecker.scripts(of: "123 !? —") == [])
        #expect(SpoofChecker.scripts(of: "e\u{301}") == ["Latn"])
        #expect(SpoofChecker.scripts(of: "Mao毛泽东 2024") == ["Latn", "Hani"])
        #expect(SpoofChecker.scripts(of: "Ελλάδα και Россия") == ["Grek", "Cyrl"])
        #expect(SpoofChecker.scripts(of: "") == [])
    }

    @Test func sharedCheckerIsSafeUnderConcurrentUse() async throws {
        let checker = self.checker
        let text = cyrillicA
        let results = try await withThrowingTaskGroup(of: SpoofCheckResult.self) { group in
            for _ in 0..<32 {
                group.addTask { try checker.check(text) }
            }
            var all: [SpoofCheckResult] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 32)
        #expect(results.allSatisfy { $0 == [.mixedScriptConfusable, .restrictionLevelExceeded] })
    }
}
