import Testing
import WirefixEngine
import WirefixLexicon
@testable import WirefixRules

/// An entity's own house style decides whether its name is written unaccented; without one, the
/// options do. The follow-up rule asks by style alone (kept per context), the other rules by entity.
@Suite struct HouseStyleTests {
    @Test func anOwnStyleWinsOverTheOptions() {
        let accented = RuleOptions(keepUnaccented: false), unaccented = RuleOptions(keepUnaccented: true)
        #expect(Entity.keepsUnaccented(style: .unaccented, accented))
        #expect(Entity.keepsUnaccented(style: .unaccented, unaccented))
        #expect(!Entity.keepsUnaccented(style: .accented, accented))
        #expect(!Entity.keepsUnaccented(style: .accented, unaccented))
        #expect(!Entity.keepsUnaccented(style: nil, accented))
        #expect(Entity.keepsUnaccented(style: nil, unaccented))
    }

    @Test func anEntityAsksByItsStyle() {
        var entity = Entity(id: "ve-nicolas-maduro", kind: .person, canonical: "Nicolás Maduro", country: "VE", source: "test")
        #expect(!entity.keepsUnaccented(RuleOptions()))
        #expect(entity.keepsUnaccented(RuleOptions(keepUnaccented: true)))
        entity.style = .unaccented
        #expect(entity.keepsUnaccented(RuleOptions()))
    }
}
