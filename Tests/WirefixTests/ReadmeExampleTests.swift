import Testing
import Wirefix

/// The library example of README.md, compiled and run. Keep the two in step.
@Suite struct ReadmeExampleTests {
    @Test func readmeLibraryExample() throws {
        let corrector = try Corrector()
        let result = corrector.correct("Deputy God given hair chaired the meeting.")
        print(result.corrected)  // Deputy Diosdado Cabello chaired the meeting.
        for correction in result.corrections {
            // Spans are UTF-8 byte offsets into the original text, with a 1-based line:column.
            print(correction.ruleID, correction.range.start, correction.range.end,
                  correction.original, "→", correction.replacement,
                  correction.confidence, correction.explanation)
        }
        for suggestion in result.suggestions {
            print("suggested, not applied:", suggestion.original, "→", suggestion.replacement)
        }

        #expect(result.corrected == "Deputy Diosdado Cabello chaired the meeting.")
        #expect(result.corrections.map(\.ruleID) == ["calque_names"])
        #expect(result.corrections.first?.range == TextRange(start: 7, end: 21))
        #expect(result.corrections.first?.entityID == "ve-diosdado-cabello")
    }

    @Test func correctorIsSharedAcrossTasks() async throws {
        let corrector = try Corrector()
        let inputs = ["On Friday delcy rodriguez met the envoy.", "Bolivian President Luis Maple arrived."]
        let outputs = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (index, input) in inputs.enumerated() {
                group.addTask { (index, corrector.correct(input).corrected) }
            }
            var results = [String](repeating: "", count: inputs.count)
            for try await (index, output) in group { results[index] = output }
            return results
        }
        #expect(outputs == ["On Friday Delcy Rodríguez met the envoy.", "Bolivian President Luis Arce arrived."])
    }
}
