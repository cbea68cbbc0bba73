import Foundation
import Testing
import Wirefix
import WirefixTestSupport

/// Generated files must match what their scripts would write now.
@Suite struct GeneratedFilesTests {
    @Test func builtInRulesListsEveryRuleFile() throws {
        let root = Fixtures.repositoryRoot
        let rulesDirectory = root.appendingPathComponent("Sources/WirefixRules")
        var declared: [String] = []
        let enumerator = FileManager.default.enumerator(at: rulesDirectory, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.lastPathComponent.hasSuffix("Rule.swift") else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("struct ") || line.hasPrefix("public struct ") {
                let words = line.split(separator: " ")
                let nameIndex = words.firstIndex(of: "struct")! + 1
                let name = words[nameIndex].trimmingCharacters(in: CharacterSet(charactersIn: ":"))
                if line.contains(": Rule") { declared.append(String(name)) }
            }
        }
        let registered = builtInRules.map { String(describing: $0) }
        #expect(registered.sorted() == declared.sorted(), "Sources/WirefixRules/BuiltInRules.swift is out of date; run Scripts/register-rules.sh")
    }
}
