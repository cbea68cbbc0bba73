/// Closed word classes the glued-words rule weighs its evidence with.
///
/// The English word list (``EnglishWordList``) says how frequent a word is, not what kind of word
/// it is. Two frequent words glued together are evidence of lost spacing only when the second
/// word is one that cannot end an English compound: a determiner, pronoun, conjunction or
/// preposition ("yearaccording", "Caribbeanthe") or a finite verb ("Caribbeanbegan"). Nouns,
/// adjectives and particles end compounds all the time ("filesystem", "weaklinked",
/// "walkthrough", "Starlink"), so those splits are only suggested. The lists below were written
/// for this rule from English grammar and tuned against a sweep over clean English (see the
/// rule's discussion); all entries are lowercase ASCII.
enum GluedWordsVocabulary {
    /// The months' English names, capitalized.
    static let months: Set<String> = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    /// The months' abbreviations, written with or without a full stop ("Oct.", "Aug").
    static let monthAbbreviations: Set<String> = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
    /// The days of the week, capitalized.
    static let weekdays: Set<String> = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Words that start a clause or phrase and practically never end a compound word. A token
    /// that ends in one of these after a frequent content word lost a space.
    static let clauseWords: Set<String> = [
        "the", "that", "which", "who", "whom", "whose", "where", "when", "while", "was", "were",
        "has", "had", "have", "according", "said", "says", "after", "before", "during", "since",
        "until", "despite", "because", "although", "than", "also", "not", "would",
        "could", "should", "between", "against", "without", "among", "amid", "their",
        "these", "those", "including", "following", "regarding", "whether", "unless",
        // Before a time ("Caribbeanlast August", "summitnext week").
        "last", "next",
    ]

    /// Function words that do end some compounds or identifiers ("mailfrom", "startswith",
    /// "walkthrough", "turnabout", "goodwill", Italian infinitives in "-are"): a split before
    /// them is only suggested.
    static let weakClauseWords: Set<String> = [
        "and", "for", "with", "from", "are", "his", "her", "its", "this", "both", "each", "such",
        "what", "how", "why", "there", "then", "into", "through", "upon", "within", "across",
        "along", "around", "toward", "towards", "via", "about", "will",
    ]

    /// Finite verbs, mostly irregular past tenses and reporting verbs, that follow a subject in
    /// news copy and do not end compounds. Ambiguous forms are left out on purpose: "left"
    /// (upperleft), "made" (handmade), "held" (handheld), "saw" (jigsaw), "set" (bitset),
    /// "found" (newfound), "added" (versionadded), "called" (so-called).
    static let finiteVerbs: Set<String> = [
        "began", "became", "said", "says", "sent", "met", "went", "came", "took", "gave", "told",
        "brought", "knew", "sought", "spent", "chose", "taught", "fought", "heard", "announced",
        "reported", "indicated", "stated", "explained", "warned", "declared", "confirmed",
        "denied", "claimed", "insisted", "stressed", "assured", "affirmed", "accused", "agreed",
        "decided", "promised", "asked", "urged", "recalled", "revealed", "acknowledged",
        "admitted", "argued", "emphasized", "noted", "pointed", "remarked", "replied",
        "responded", "suggested", "expressed", "highlighted", "welcomed", "criticized",
        "condemned", "rejected", "demanded", "visited", "arrived", "traveled", "travelled",
        "returned", "attended", "received",
    ]

    /// Heads that are combining forms or particles: "multiprecision", "interprocess",
    /// "subprocess", "overreach", "nonterminal" are words, not two words.
    static let combiningHeads: Set<String> = [
        "multi", "inter", "intra", "infra", "micro", "macro", "meta", "sub", "super", "non",
        "hyper", "auto", "semi", "anti", "counter", "over", "under", "out", "post", "pre", "bio",
        "eco", "geo", "photo", "mega", "ultra", "mini", "poly", "mono", "para", "pseudo", "self",
        "cross", "trans", "extra", "mid", "tri", "uni", "omni", "pan", "tele", "cyber", "neuro",
        "psycho", "electro", "thermo", "hydro", "aero", "agro", "euro", "afro", "techno", "back",
        "down", "off", "up", "after", "fore", "with", "where", "there", "here",
        "every", "some", "any", "no", "what", "how", "who", "never", "ever", "other",
        "therein", "herein", "wherein", "thereof", "hereof", "whereof",
    ]

    /// Tails that are suffixes or compound-forming words: "searchable", "bitwise", "newlib",
    /// "Marsden", "Coupland".
    static let suffixTails: Set<String> = [
        "able", "ible", "less", "ness", "ship", "hood", "wise", "ware", "like", "land", "lands",
        "ton", "man", "men", "burg", "berg", "son", "sen", "ford", "field", "wood", "worth",
        "ward", "wards", "dom", "lib", "ism", "fold", "some", "den", "ville", "stein", "dale",
        "ley", "well", "more", "shire", "holm", "gate", "way", "ways", "side", "age", "ling",
        "let", "lets", "ette", "ful", "ment", "ments", "ance", "ence", "ant", "ent", "ate",
        "ion", "ions", "ive", "ous", "ist", "ists", "ize", "ise", "ight", "ian", "ians", "ine",
        "ines", "one", "ones", "body", "thing", "things", "self", "selves", "time", "times",
    ]

    /// Inflectional and derivational endings: a token that is a listed word plus one of these
    /// ("formatters", "deallocated") is a word form, not two words.
    static let derivationalEndings: [String] = [
        "ings", "ing", "ers", "er", "ies", "ied", "es", "s", "ed", "d", "ly", "ness", "less",
        "able", "ably", "ment", "ments", "ist", "ists", "ism", "isms", "ize", "ized", "izes",
        "izing", "ization", "ise", "ised", "ation", "ations", "ful", "ity", "ities", "al", "ally",
        "ic", "ical", "ship", "hood",
    ]

    /// Prefixes that form words from listed words ("deallocated", "reconnected").
    static let derivationalPrefixes: [String] = [
        "de", "re", "un", "dis", "mis", "non", "pre", "co", "sub", "over", "under", "out",
        "anti", "counter", "inter", "multi", "semi", "super", "post", "micro", "mega", "hyper",
        "trans", "cyber", "mid", "ex", "in", "im", "il", "ir", "en", "em",
    ]

    /// Capitalized words that begin a new sentence or clause. An acronym glued to one of them
    /// ("VTVThe", "EFEAccording") lost the space, or the full stop and the space, before it.
    static let sentenceStarts: Set<String> = [
        "the", "this", "that", "these", "those", "according", "however", "meanwhile", "but",
        "and", "after", "before", "during", "since", "while", "when", "where", "although",
        "also", "then", "there", "their", "his", "her", "its", "they", "she", "both", "from",
        "with", "for", "in", "on", "at", "it", "he", "we", "following", "despite", "earlier",
        "later", "last", "several", "some", "many", "most", "other", "another", "which", "who",
        "what", "why", "how", "said", "says", "was", "were", "has", "had", "will", "would",
    ]

    /// Two-letter English words that may stand after a name as the glued-on word
    /// ("Roblesby contrast").
    static let twoLetterWords: Set<String> = [
        "of", "to", "in", "is", "on", "by", "at", "as", "or", "an", "it", "be", "if", "he", "we",
    ]

    /// The only words of ≤ 3 letters that may stand after a name as the glued-on word
    /// ("Roblesby contrast", "rodriguezmet", "Jinpingfor"). Other short words are too often the
    /// last syllable of a longer name: "Wang Yi|han", "Wang Yi|fan", "Sergio Massa|net",
    /// "Jorge Glas|ser", "Li Qiang|wei".
    static let shortWordsAfterName: Set<String> = [
        "by", "of", "to", "at", "in", "on", "is", "as", "for", "met", "the", "and", "was", "has",
        "had", "who", "did", "won", "led", "but", "not", "its", "his", "her", "she", "nor", "are",
    ]

    /// Words of ≥ 4 letters, besides clause words and finite verbs, that often follow a name
    /// in news copy: reporting verbs and function words.
    static let wordsAfterName: Set<String> = [
        "told", "says", "will", "also", "then", "with", "from", "into", "over", "when", "where",
        "while", "this", "said", "sent", "went", "came", "took", "gave", "held", "made", "left",
        "stated", "added", "called", "explained", "indicated",
    ]

    /// Name endings that a cut must not fall inside: when the glued token ends with one of
    /// these and the ending starts before the cut, the token is more likely one longer name
    /// ("Abrams|on" is "Abramson", "Gonzal|es" is "Gonzales") than a name and a word.
    static let nameEndingsAcrossCut: [String] = [
        "son", "sen", "sson", "ssen", "ez", "es", "is", "os", "as", "us", "az", "iz", "oz", "er",
        "et", "ov", "ev", "ova", "eva", "in", "on", "an", "en", "ina", "ino", "ana", "ano", "ini",
        "ski", "sky", "ich", "man", "mann", "berg", "stein",
    ]

    /// Words that, glued before "the" (or, for the reporting verbs, before a pronoun or
    /// determiner), make a token that machine translation output often carries and English
    /// never writes as one word: "inthe", "ofthe", "saidthat", "saidthe".
    static let gluedBeforeThe: Set<String> = [
        "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "into", "that", "about",
        "after", "before", "during", "over", "said", "says", "told",
    ]

    /// Operators of programming languages spelled as a word and "of": never "size of".
    static let operatorWords: Set<String> = [
        "sizeof", "typeof", "instanceof", "alignof", "offsetof", "nameof", "keyof", "valueof",
        "countof", "lengthof", "decltypeof", "bitsizeof",
    ]

    /// Reporting verbs that machine translation glues to the next word ("saidthat").
    static let reportingVerbs: Set<String> = ["said", "says", "told"]

    /// What a reporting verb glued to the next word is glued to ("saidthat", "saidhis").
    static let afterReportingVerb: Set<String> = [
        "the", "that", "this", "his", "her", "its", "their", "he", "she", "they", "it", "we",
    ]

    /// Listed English words that are also common endings of names ("Nicolas", "Carlos",
    /// "Fernando", "Petrova"): a name that seems to go on with one of them is more likely a
    /// longer name than a name glued to a word.
    static let nameEndings: Set<String> = [
        "las", "los", "del", "san", "santa", "ana", "ada", "ida", "ado", "ido", "ito", "ina",
        "era", "ara", "ria", "rio", "ova", "ski", "sky", "ska", "enko", "ich", "vich", "ino",
        "ano", "ita", "eda", "edo", "ena", "eno", "ero", "illo", "ela", "elo", "ura", "uro",
        "ez", "es", "ia", "io", "ai", "ei", "ou", "ng", "an", "en", "on", "in", "un", "ong",
        "ang", "ing", "ung",
    ]
}
