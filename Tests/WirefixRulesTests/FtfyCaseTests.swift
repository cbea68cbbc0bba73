import Foundation
import Testing
import Wirefix
import WirefixTestSupport

/// One ftfy test case (../shared/cases/ftfy/*.json), or a mojibake line of cases.tsv.
struct FtfyCase: Sendable, CustomTestStringConvertible {
    let source: String
    let label: String
    let original: String
    /// `fixed-encoding` when present, else `fixed`.
    let expected: String
    var testDescription: String { "\(source): \(label)" }

    /// Loads a JSON file of ftfy cases.
    static func load(_ file: String) -> [FtfyCase] {
        let url = Fixtures.sharedDirectory.appendingPathComponent("cases/ftfy/\(file)")
        guard let data = try? Data(contentsOf: url),
              let array = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return array.compactMap { entry in
            guard let original = entry["original"] as? String,
                  let expected = (entry["fixed-encoding"] as? String) ?? (entry["fixed"] as? String)
            else { return nil }
            return FtfyCase(source: file, label: entry["label"] as? String ?? "?", original: original, expected: expected)
        }
    }

    /// The mojibake lines of cases.tsv (c34, c35, c36).
    static func tsvMojibake() -> [FtfyCase] {
        guard let text = try? Fixtures.sharedText("cases/cases.tsv") else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 4, ["c34", "c35", "c36"].contains(columns[0]) else { return nil }
            return FtfyCase(source: "cases.tsv", label: columns[0], original: columns[2], expected: columns[3])
        }
    }

    /// Compares as cases/README.md says: curly and straight quotes are equal.
    static func sameIgnoringQuoteStyle(_ a: String, _ b: String) -> Bool {
        func straight(_ s: String) -> String {
            var out = ""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\u{2018}", "\u{2019}": out += "'"
                case "\u{201C}", "\u{201D}": out += "\""
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        return straight(a) == straight(b)
    }
}

let ftfySynthetic = FtfyCase.load("synthetic.json")
let ftfyNegative = FtfyCase.load("negative.json")
let tsvMojibake = FtfyCase.tsvMojibake()

/// The registered mojibake rule (looked up by identifier; rule types are internal).
let mojibakeRule: (any Rule.Type)? = builtInRules.first { $0.description.identifier == "mojibake" }

/// The ftfy test cases and the mojibake lines of cases.tsv, through the mojibake rule alone and
/// through the full default pipeline.
@Suite struct FtfyCaseTests {
    @Test func casesAreThere() {
        #expect(ftfySynthetic.count == 30)
        #expect(ftfyNegative.count == 31)
        #expect(tsvMojibake.count == 3)
    }

    @Test(arguments: ftfySynthetic + ftfyNegative + tsvMojibake)
    func mojibakeRuleAlone(_ testCase: FtfyCase) throws {
        let rule = try #require(mojibakeRule)
        let run = RuleExampleRun(rule: rule, text: testCase.original, options: .default)
        #expect(FtfyCase.sameIgnoringQuoteStyle(run.result.corrected, testCase.expected),
                "got \(run.result.corrected.debugDescription), expected \(testCase.expected.debugDescription)")
        #expect(run.rerun.corrections.isEmpty, "a second run changes \(run.rerun.corrections.map(\.explanation))")
    }

    @Test(arguments: ftfySynthetic + ftfyNegative + tsvMojibake)
    func fullPipeline(_ testCase: FtfyCase) {
        let result = Fixtures.corrector.correct(testCase.original)
        #expect(FtfyCase.sameIgnoringQuoteStyle(result.corrected, testCase.expected),
                "got \(result.corrected.debugDescription), expected \(testCase.expected.debugDescription); applied: \(result.corrections.map { "\($0.ruleID): \($0.explanation)" })")
    }
}
