import Testing
import WirefixICU

@Suite struct SpoofCheckResultTests {
    @Test func flagsAreDistinct() {
        let all: [SpoofCheckResult] = [
            .mixedScriptConfusable, .wholeScriptConfusable, .restrictionLevelExceeded,
            .invisible, .mixedNumbers, .hiddenOverlay,
        ]
        #expect(Set(all.map(\.rawValue)).count == 6)
        #expect(all.allSatisfy { $0.rawValue.nonzeroBitCount == 1 })
    }

    @Test func descriptionListsSetFlags() {
        #expect(SpoofCheckResult().description == "[]")
        #expect(SpoofCheckResult([.restrictionLevelExceeded, .mixedScriptConfusable]).description
            == "[mixedScriptConfusable, restrictionLevelExceeded]")
    }
}
