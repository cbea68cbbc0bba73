import Foundation
import Testing
import Wirefix
import WirefixTestSupport

/// One line of ../shared/cases/cases.tsv.
struct SharedCase: Sendable, CustomTestStringConvertible {
    let id: String
    let kind: String
    let input: String
    let expected: String
    let note: String
    var testDescription: String { "\(id) (\(kind)): \(note)" }

    /// Every case, read from ../shared at test time.
    static let all: [SharedCase] = {
        guard let text = try? Fixtures.sharedText("cases/cases.tsv") else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4 else { return nil }
            return SharedCase(id: fields[0], kind: fields[1], input: fields[2], expected: fields[3],
                              note: fields.count > 4 ? fields[4] : "")
        }
    }()
}

/// Every line of the shared cases passes through the library with the bundled lexicons and the
/// default options: the exact output, and negatives unchanged.
@Suite struct SharedCasesTests {
    @Test func casesFileIsPresent() {
        #expect(SharedCase.all.count >= 47)
    }

    @Test(arguments: SharedCase.all)
    func sharedCase(_ sharedCase: SharedCase) {
        let result = Fixtures.corrector.correct(sharedCase.input)
        #expect(result.corrected == sharedCase.expected,
                "\(result.corrections.map { "\($0.ruleID): \($0.original) → \($0.replacement) (\($0.confidence))" }) suggestions: \(result.suggestions.map { "\($0.ruleID): \($0.original) → \($0.replacement) (\($0.confidence)) \($0.explanation)" })")
        // Cleaning is idempotent.
        #expect(Fixtures.corrector.correct(result.corrected).corrected == result.corrected)
    }
}
