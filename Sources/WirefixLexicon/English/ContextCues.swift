/// Words that, just before a name, say that a name follows: titles and roles ("president",
/// "minister", "deputy") and the nouns that introduce organizations and media ("party",
/// "newspaper").
///
/// Rules use them as evidence: "Deputy God given hair" is a calque of a person's name because a
/// title introduces it, while "God given hair" alone is ordinary English. Only titles of public
/// office count for people: "actor", "author" or "Mr." introduce English speakers just as well.
public enum ContextCues {
    /// Lowercase titles and roles that introduce a person.
    public static let personTitles: Set<String> = [
        "president", "presidents", "vice", "minister", "ministers", "deputy", "deputies", "senator",
        "congressman", "congresswoman", "lawmaker", "legislator", "judge", "justice", "magistrate",
        "governor", "mayor", "ambassador", "envoy", "diplomat", "chancellor", "secretary", "leader",
        "lady", "general", "gen", "chief", "commander", "spokesman", "spokeswoman", "spokesperson",
        "candidate", "dictator", "prosecutor", "attorney", "premier", "king", "queen", "prince",
        "princess", "opponent", "rival", "counterpart", "sen", "rep", "pres", "head", "chairman",
        "chairwoman", "councillor", "councilor", "official", "officials", "cardinal", "bishop",
        "archbishop", "pope", "colonel", "captain", "admiral", "commissioner", "comptroller",
        "ombudsman", "chavista", "opposition", "former", "ex", "incumbent", "elect", "interim",
        "acting", "mp", "mps", "lawmakers", "leaders", "candidates", "candidate", "editor", "editors", "speaker",
    ]

    /// Lowercase nouns that introduce an organization, party or outlet.
    public static let organizationNouns: Set<String> = [
        "party", "parties", "coalition", "alliance", "movement", "front", "bloc", "members",
        "member", "militants", "newspaper", "daily", "paper", "outlet", "magazine", "weekly",
        "channel", "network", "broadcaster", "station", "radio", "television", "tv", "agency",
        "company", "firm", "group", "union", "bank", "ministry", "court", "council", "organization",
        "organisation", "institute", "foundation", "platform", "portal", "website", "site",
        "digital", "media",
    ]

    /// Lowercase nouns that, right after a place or organization name, say what it is ("the Lince
    /// district", "La Moneda palace").
    public static let followingNouns: Set<String> = [
        "district", "neighborhood", "neighbourhood", "department", "province", "state", "region",
        "municipality", "city", "town", "square", "plaza", "palace", "avenue", "street", "airport",
        "fort", "base", "barracks", "prison", "party", "coalition", "alliance", "movement", "newspaper",
        "daily", "channel", "network", "gang", "cartel", "group",
    ]

    /// Whether `word` (lowercase) names what an entity of `kind` is when it follows the name.
    public static func isFollowingNoun(_ word: String, for kind: Entity.Kind) -> Bool {
        kind != .person && followingNouns.contains(word)
    }

    /// Whether `word` (any case) is a cue for an entity of `kind`.
    public static func isCue(_ word: String, for kind: Entity.Kind) -> Bool {
        let lower = word.lowercased()
        switch kind {
        case .person: return personTitles.contains(lower)
        case .organization: return organizationNouns.contains(lower)
        case .place: return false
        }
    }
}
