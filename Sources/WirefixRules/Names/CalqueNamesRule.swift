import WirefixEngine
import WirefixLexicon

/// Restores names that machine translation translated word by word.
///
/// Detects: a span that matches a lexicon entity with one or more name components replaced by
/// their literal English translation ("God given hair" for Diosdado Cabello, "Luis Maple" for
/// Luis Arce) or an anglicized given name ("Nicholas Mature" for Nicolás Maduro).
/// Fixes: replaces the span with the entity's correct spelling.
struct CalqueNamesRule: Rule {
    static let description = RuleDescription(
        identifier: "calque_names",
        name: "Calque Names",
        summary: "Restores names whose components machine translation translated literally",
        discussion: """
            Detects: a span matching an entity of the lexicon in which some or all name components \
            appear as their literal translations (from Lexicons/glosses and the entity's own glosses). \
            Fixes: writes the entity's correct spelling.

            A translated component alone ("hair", "mature", "Maple") never matches: every variant \
            covers the entity's whole name. Evidence and confidence:
            - anchored: at least one component stands untranslated ("Diosdado Hair"): 0.75, +0.1 with a \
            title or role word before it (for an organization or place, also a noun for its kind \
            right after it when the line names its country: "Keiko Fujimori's Popular Force party \
            won in Peru"), +0.05 when the translated words are capitalized like a name, \
            −0.15 when they are lowercase ("Luis maple syrup"). \
            When only an anglicized given name differs ("Rose Weber": glosses write those capitalized) \
            and no title introduces it: 0.6 (suggestion), as it may be another person's real name. \
            When the only untranslated words are common given names ("Mario Thin": thousands of \
            people are called Mario) and no title introduces it: at most 0.65 (suggestion; a \
            mention of the entity's country adds 0.05). \
            Anchored only by a very common English word, or right after a preposition: −0.2; \
            anchored only by the entity's own words with their accented letters deleted that read \
            as English words or names ("Henry Pea Grandson", "Richard Patio" for Patiño: in the \
            30,000 most frequent English words or the Census names), −0.2 without a title, and \
            the name is weighed as a plausible English one (below);
            - a person's name fully translated ("God given hair", "Margaret Oaks"): 0.45, +0.35 with a \
            title, role or context word in the four words before it, +0.3 when every translated word is \
            capitalized and one of them would be lowercase in ordinary English; −0.2 when lowercase with \
            no title right before it;
            - a person's name in which every word is a common English given name or surname (US \
            Census list: "David Moon", "Peter Castle", "Margaret Oaks"), with no untranslated word \
            from the Spanish surname list or written with diacritics ("Iván Duke"), may be a real \
            English name, so a title alone is not enough unless the untranslated words point to \
            the entity themselves: its surname with only the given name anglicized ("Judge Rose \
            Weber"), or given names outside the 15,000 most frequent words of English text \
            ("Lilia Walls", "Margarita Oaks"; not "David", "Sandra"). Otherwise, without the \
            entity's country in the sentence (a mention right before "counterpart" does not \
            count: "met his Dominican counterpart") or as the only country the whole text \
            mentions, at most 0.55 (suggestion); without the entity's country on the line, at \
            most 0.5 after a title of local office in English-speaking countries (any person's \
            calque: "State Senator", "Councillor", "Sheriff", "Police Chief", "District Attorney") \
            or, for a plausible English name, before "of"/"from" and a capitalized place or body \
            ("of the First Baptist Church"); when the sentence places the person in another \
            country, 0.3 (not reported), whatever else it mentions ("criticised the government of \
            Portugal"): the title phrase, up to five words before it ("British Foreign Secretary \
            David Hill", "U.S. Senator", "Toronto Mayor", "the American ambassador"; a country \
            after "to", "ambassador to Britain", is where the role is held), a clause with a title \
            then a comma right before it ("The mayor of Toronto, Peter Castle"), "of"/"from" and \
            a place right after it ("of Ohio"; US states, Canadian provinces and large cities \
            count, Lexicons/geography), a parenthesis ("(R-Ohio)") or an apposition with a title \
            or party word (", a Texas Republican,"); a line that mentions only other countries: \
            −0.3. A destination after a verb of motion ("arrived in Santo Domingo", "flew to Bogotá", \
            "visited Peru") is not the person's country and counts for neither; when it or the other \
            side of a meeting is the only mention of the entity's country in the sentence, a name \
            that reads as an English one (every word a common English name, as "Alice Kirchner", \
            even with the entity's own surname) is at most 0.55 ("Ambassador Alice Kirchner arrived \
            in Buenos Aires"). Any other person the sentence so places in another country is at \
            most 0.5 ("British Ambassador Alice Kirchner"). The same holds for a \
            name translated in full into common English words and names, mixed ("Edward Milk", \
            "Grace Oak"), with no title and an apposition with "a"/"an" that describes the person \
            without a title or role ("Edward Milk, a dairy farmer") or words before it that do \
            so ("farmers such as Edward Milk", "dairy farmer Edward Milk", "His neighbor, Edward \
            Milk,"; not "leaders like", "figures such as"): it needs the entity's country. With \
            no title and no description at all ("Charles Table opened the meeting") it stays a \
            fix: the mixed reading alone is no evidence against the entity. For \
            other names anchored only by common words or a given name, −0.3 when the sentence \
            places the person in another country ("Polish Deputy Minister Mario Thin", "of \
            Houston"), not when it only names a place where something happens ("met farmers' \
            unions in Brussels");
            - an organization or place fully translated ("Free Press" for Prensa Libre, in either word \
            order) must be capitalized like a name (a lowercase phrase such as "the world" is ordinary \
            English: 0.3); then 0.4, +0.3 with a context word that says what it is: before it \
            ("newspaper", "party", "members of", the entity's own `context`, a place after a \
            preposition of place) or a kind noun after it ("the Lynx district", "La Moneda \
            palace"); +0.1 when only one of its own context words that is no kind noun follows it \
            ("Civic Coalition leader": English names take such words too); +0.35 when its country \
            is named right at it (in the title phrase, "the Guatemalan newspaper", or after it, \
            "the Pink House in Buenos Aires", "Port Hair, Venezuela", or, for a place, in an \
            apposition with "the" that says what it is, "the Burnt Palace, the seat of the Bolivian \
            government,", not "the Bolivian band"), +0.15 when the country is \
            only elsewhere in the line ("Port Hair salon opened in Caracas"): one kind of evidence \
            alone applies only when it is strong; a phrase starting with \
            "The" ("The Nation", "The Globe": titles English gives its own papers) needs the country; \
            a kind phrase right before it that names another country ("The Peruvian daily The \
            Country", "a Colombian channel") rules it out (not reported); so does a place the \
            sentence says it belongs to, not in its country ("The Nation of Thailand", "the \
            London-based newspaper", "A Bangkok daily, The Nation", ", a newspaper based in \
            London"), while a place it is said to be in ("The newspaper The Nation in Bangkok", \
            "In Bangkok, the newspaper The Nation", ", Venezuela") caps it at 0.5 (suggestion), \
            and so does, for a "The ..." title, a capitalized place after "in", "of" or "from" \
            that the country table does not know ("in Lahore"); and, for a calque \
            with no untranslated word, an apposition with "a"/"an" that says it is something \
            its kind is not ("the Pink House in Buenos Aires, a flower shop");
            - a single translated component ("We Can" for Podemos) needs a context word and name \
            capitals, not at the start of a sentence.
            A person the text says is someone else ("no relation", "not related", "a namesake", \
            "unrelated", "not to be confused" within eight words after the name, in its sentence) \
            is capped at 0.5 (suggestion).
            A span that continues a longer capitalized name ("Detroit Free Press", "We Can Do It"; \
            not a title's portfolio, "Minister of Foreign Affairs Bruno Rodríguez Grill", unless a \
            place's name qualifies the office, "Nevada Secretary of State") \
            is capped at 0.5: it is another name. Ambiguous spans (two entities fit) are capped at 0.5 and only suggested. Calques scored \
            below 0.35 are not reported at all.

            Context guards (the lexicon's `guards` column) come first: a variant whose guard the \
            text does not satisfy is no match at all. Most entities whose calques read as ordinary \
            English ("The Sixth", "Rose Weber", "Free Press") carry `english=title|country|name`: \
            such a calque needs a title or kind word, a mention of the entity's country, or another \
            word of the entity's name nearby before it is even weighed.
            """,
        phase: .names,
        examples: [
            .fix("Deputy ⟦God given hair⟧ chaired the meeting.", "Deputy Diosdado Cabello chaired the meeting."),
            .fix("The deputy, ⟦God-given Hair⟧, spoke.", "The deputy, Diosdado Cabello, spoke."),
            .fix("Lawmaker ⟦Diosdado Hair⟧ answered.", "Lawmaker Diosdado Cabello answered."),
            .fix("General ⟦Vladimir Godfather López⟧ spoke.", "General Vladimir Padrino López spoke."),
            .fix("Bolivia's president ⟦Luis Maple⟧ travelled.", "Bolivia's president Luis Arce travelled."),
            .fix("⟦Nicholas Mature⟧ spoke on television.", "Nicolás Maduro spoke on television."),
            .fix("Former president ⟦Pedro Castle⟧ appealed.", "Former president Pedro Castillo appealed."),
            // An untranslated word with its diacritics is no English name: no title needed, and a
            // guard for English-looking variants does not hold it.
            .fix("⟦Iván Duke⟧ criticised the budget in Congress.", "Iván Duque criticised the budget in Congress."),
            .keep("Ivan Duke criticised the budget in Congress."),
            // A role in an apposition right after a person's name admits a guarded variant, but
            // is no title: only suggested.
            .suggest("Lourdes Flowers, the former candidate, attended the ceremony."),
            .fix("⟦Iván Duke⟧, the former president, attended the ceremony.", "Iván Duque, the former president, attended the ceremony."),
            .suggest("Peter Castle, the former president, attended the ceremony."),
            .suggest("Peter Sanchez, the team captain, scored twice."),
            .keep("Margaret Oaks, the author of three novels, signed books."),
            .fix("Former Peruvian president ⟦Pedro Castle⟧ appealed.", "Former Peruvian president Pedro Castillo appealed."),
            .suggest("The minister, Margaret Oaks, said so."),
            .fix("The Spanish minister, ⟦Margaret Oaks⟧, said so.", "The Spanish minister, Margarita Robles, said so."),
            .fix("⟦Maximum Kirchner⟧ voted against.", "Máximo Kirchner voted against."),
            .fix("The first lady, ⟦Lilia Walls⟧, smiled.", "The first lady, Lilia Paredes, smiled."),
            .fix("In Lima the first lady, ⟦Lilia Walls⟧, smiled.", "In Lima the first lady, Lilia Paredes, smiled."),
            .fix("Deputy ⟦GOD GIVEN HAIR⟧ spoke.", "Deputy DIOSDADO CABELLO spoke."),
            .fix("Minister ⟦Nicholas Mature⟧ spoke.", "Minister Nicolas Maduro spoke.", options: RuleOptions(keepUnaccented: true)),
            .keep("She brushed her hair before the show."),
            .keep("It was a God given talent."),
            .keep("The cheese is mature and the maple syrup is sweet."),
            .keep("A castle and a bridge survived the flood."),
            .keep("The old oaks and the walls of the castle."),
            .keep("Nicolas Sarkozy met President Maduro."),
            .keep("Margaret Myers directs the program."),
            .keep("We can do it, said the union."),
            .keep("The free press is vital."),
            .keep("Peter and Rose walked to the castle."),
            .keep("Diosdado Cabello spoke."),
            .keep("The hair of Diosdado is grey."),
            .keep("Rose Weber wrote a letter."),
            .fix("Justice ⟦Rose Weber⟧ wrote the ruling.", "Justice Rosa Weber wrote the ruling."),
            .fix("Government spokeswoman ⟦Pilar Joy⟧ took questions.", "Government spokeswoman Pilar Alegría took questions."),
            .fix("Brazilian Justice ⟦Rose Weber⟧ wrote the ruling.", "Brazilian Justice Rosa Weber wrote the ruling."),
            .keep("The Sixth reported the story."),
            .suggest("Viewers of The Sixth saw the debate in Spain."),
            .fix("Viewers of the channel ⟦The Sixth⟧ saw the debate in Spain.", "Viewers of the channel La Sexta saw the debate in Spain."),
            .keep("FREE PRESS REPORTS"),
            // A Title Case headline capitalizes every phrase, and its country is the story's: an
            // organization or place there is only suggested (a person keeps the name rules).
            .suggest("Guatemalan Newspaper Says Free Press Is Under Attack"),
            .suggest("Bolivian Choir Sings at Holy Cross Cathedral"),
            .suggest("Brazilian Marathon Draws a Big Field of Runners"),
            .suggest("Brazil Wins Big Field Hockey Final"),
            .fix("Guatemala's ⟦Free Press⟧ Reports On Vote", "Guatemala's Prensa Libre Reports On Vote"),
            .fix("He told the Guatemalan newspaper ⟦Free Press⟧ that he would resign.", "He told the Guatemalan newspaper Prensa Libre that he would resign."),
            .fix("He told the newspaper ⟦Free Press⟧ that he would resign.", "He told the newspaper Prensa Libre that he would resign."),
            .fix("He told the Guatemalan newspaper ⟦Free Press⟧ that he would resign.", "He told the Guatemalan newspaper Prensa Libre that he would resign."),
            .fix("The plane landed in ⟦The Peace⟧, the seat of the Bolivian government.", "The plane landed in La Paz, the seat of the Bolivian government."),
            .fix("Deputies of ⟦United We Can⟧ abstained in the final vote.", "Deputies of Unidas Podemos abstained in the final vote."),
            // An adjective English shares goes first ("Radical Change").
            .fix("Deputies of ⟦Radical Change⟧ voted against the bill in Bogotá.", "Deputies of Cambio Radical voted against the bill in Bogotá."),
            .keep("He called for a radical change in the party."),
            .suggest("The Colombian senator promised a Radical Change to the tax code."),
            .fix("Deputies of ⟦United We Can⟧ abstained in the final vote in Spain.", "Deputies of Unidas Podemos abstained in the final vote in Spain."),
            .fix("⟦God given Cabello⟧ accused the opposition.", "Diosdado Cabello accused the opposition."),
            .keep("The progressive weekly The Nation endorsed him."),
            .keep("Reporting by Peter Castle; Editing by Louis Lamb"),
            .keep("Alexander Brown, a lawyer from Leeds, filed the suit."),
            .keep("Oliver White scored the winning goal."),
            .keep("Director William Castle made horror films."),
            .keep("The author Margaret Oaks wrote a novel."),
            .keep("Prime Minister Keir Starmer met Alexander Brown in London."),
            .keep("King Philip VI of France died in 1350."),
            .keep("See https://example.com/Pedro-Castle for the story."),
            .fix("⟦Diosdado Hair⟧ Accuses Opposition Of Plotting", "Diosdado Cabello Accuses Opposition Of Plotting"),
            .fix("The plane landed in ⟦Santa Cruz of the Sierra⟧ on Monday.", "The plane landed in Santa Cruz de la Sierra on Monday."),
            .fix("Colombian presidential candidate ⟦Humberto of the Street⟧ spoke.", "Colombian presidential candidate Humberto de la Calle spoke."),
            .fix("Former prime minister ⟦José Luis Rodríguez Shoemaker⟧ travelled to Caracas.", "Former prime minister José Luis Rodríguez Zapatero travelled to Caracas."),
            .keep("Leaders of the countries and parties of the world met."),
            .keep("The free press union met."),
            .keep("The sixth round began."),
            .keep("She was treated at Holy Cross Hospital."),
            .keep("The party We Can Do It held a rally."),
            .keep("Editors of the newspaper Detroit Free Press met."),
            .keep("Luis maple syrup is sold in Vermont."),
            .suggest("Mario Thin spoke to the crowd."),
            // A role in apposition may be any team's or club's ("Mario Slim, the team captain,").
            .suggest("Mario Thin, the team captain, scored twice."),
            // "Secretary of State" may be any state's ("Nevada Secretary of State Mark Blond").
            .suggest("Nevada Secretary of State Mark Blond certified the results."),
            // An apposition that says what it is and where.
            .fix("⟦Free Press⟧, a Guatemalan newspaper, reported the resignation.", "Prensa Libre, a Guatemalan newspaper, reported the resignation."),
            .keep("Free Press, a Detroit newspaper, reported that the plant would close in Guatemala."),
            .keep("The Nation, a Thai newspaper, said so."),
            .suggest("Free Press, a group of Guatemalan journalists, said so."),
            .suggest("Free Press, an American newspaper with Guatemalan readers, reported the closure."),
            .suggest("Free Press, a Guatemalan-American newspaper in Los Angeles, reported the raid."),
            // Newspapers whose article is translated too.
            .fix("He told the Colombian newspaper ⟦The Time⟧ that he would resign.", "He told the Colombian newspaper El Tiempo that he would resign."),
            .fix("The Bolivian newspaper ⟦The Duty⟧ reported the fire.", "The Bolivian newspaper El Deber reported the fire."),
            .keep("He said the time had come, and the duty was clear."),
            .keep("Readers of The National in Abu Dhabi complained."),
            // A verb between the title and the words: they are its object, not the title's holder.
            .keep("A Spanish minister said Paul married in Madrid last year."),
            .suggest("The Peruvian minister crowned Rafael king of the carnival in Lima."),
            .suggest("The Portuguese minister will meet Paul Raymond in Lisbon on Friday."),
            .suggest("The Portuguese minister cannot meet Paul Raymond in Lisbon on Friday."),
            .suggest("The Portuguese minister was meeting Paul Raymond in Lisbon on Friday."),
            .suggest("Spanish minister meets Joseph White in London"),
            .suggest("Spanish minister to meet Joseph White in London"),
            // An apposition that gives an office of the entity's country counts as a title.
            .fix("⟦Joy Crespo⟧, the Ecuadorian minister, resigned on Monday.", "Alegría Crespo, the Ecuadorian minister, resigned on Monday."),
            .fix("They met ⟦Margaret Oaks⟧, the Spanish defense minister.", "They met Margarita Robles, the Spanish defense minister."),
            .suggest("Joy Crespo, the Ecuadorian team captain, scored twice."),
            .suggest("Joy Crespo, the Peruvian minister, resigned on Monday."),
            .suggest("Joy Crespo, the minister, resigned on Monday."),
            .suggest("Joy Crespo, the Ecuadorian club president, signed the striker."),
            .suggest("Joy Crespo, the Ecuadorian pageant judge, praised the finalists."),
            .suggest("Joy Crespo, an Ecuadorian lady, was found in Madrid."),
            .fix("⟦Joy Crespo⟧, the former Ecuadorian Foreign Minister, spoke.", "Alegría Crespo, the former Ecuadorian Foreign Minister, spoke."),
            .fix("They met ⟦Margaret Oaks⟧, Spain's defense minister, in Madrid.", "They met Margarita Robles, Spain's defense minister, in Madrid."),
            .suggest("The Chilean minister found Marcela rivers away from home."),
            .keep("Health Minister Oliver White said in London that waiting lists would fall."),
            .keep("Senator David Hill of Maine introduced the bill."),
            .suggest("Minister James Dunn of the First Baptist Church led the service."),
            // A title with its portfolio ("Minister of Foreign Affairs") is a title, not a longer name.
            .fix("Cuba's Minister of Foreign Affairs ⟦Bruno Rodríguez Grill⟧ met the envoy.",
                 "Cuba's Minister of Foreign Affairs Bruno Rodríguez Parrilla met the envoy."),
            .fix("Chile's Minister of Housing ⟦Charles Hills⟧ resigned.", "Chile's Minister of Housing Carlos Montes resigned."),
            .fix("Spanish Congress Speaker ⟦Ana Shepherd⟧ opened the session in Madrid.", "Spanish Congress Speaker Ana Pastor opened the session in Madrid."),
            .keep("The Museum of Modern Art Director Rose Weber spoke."),
            .fix("Keiko Fujimori's ⟦Popular Force⟧ party won the vote in Peru.", "Keiko Fujimori's Fuerza Popular party won the vote in Peru."),
            .keep("The Popular Front party won in France."),
            .fix("Protesters gathered outside the ⟦Burnt Palace⟧, the seat of the Bolivian government, in La Paz.",
                 "Protesters gathered outside the Palacio Quemado, the seat of the Bolivian government, in La Paz."),
            .suggest("State Senator Vincent Fox introduced the bill."),
            .suggest("Councillor Alexander Moreno raised the issue at the town meeting."),
            .suggest("Councillor Mark Blond voted against the budget."),
            .suggest("Police Chief Alexander Moreno said the suspect fled."),
            .suggest("District Attorney Rose Weber filed charges."),
            .fix("Mexican State Senator ⟦Vincent Fox⟧ spoke in Guanajuato.", "Mexican State Senator Vicente Fox spoke in Guanajuato."),
            .fix("Former President ⟦Vincent Fox⟧ spoke in Guanajuato.", "Former President Vicente Fox spoke in Guanajuato."),
            .suggest("Senator David Hill of Springfield introduced the bill."),
            .keep("The Day of the Dead is celebrated across Mexico."),
            .keep("Leaders of Citizens' Climate Lobby met in Barcelona, Spain."),
            .keep("The British minister Peter Castle visited Perth."),
            // Every word a real English name: a title alone is not enough.
            .suggest("Mayor David Moon opened the library."),
            .suggest("The mayor, David Moon, cut the ribbon at the new school."),
            .suggest("Councillor Peter Castle chaired the planning meeting."),
            .suggest("Foreign Secretary David Hill met his Dominican counterpart."),
            .keep("British Foreign Secretary David Hill met his Dominican counterpart."),
            .keep("The Canadian ambassador Peter Castle arrived in Lima."),
            .keep("Australian minister Rose Weber toured a factory in Brasília."),
            .fix("Dominican Foreign Minister ⟦David Hill⟧ met his British counterpart.", "Dominican Foreign Minister David Collado met his British counterpart."),
            .fix("Colombian senator ⟦David Moon⟧ spoke in Bogotá.", "Colombian senator David Luna spoke in Bogotá."),
            .fix("Peru's former president, ⟦Peter Castle⟧, appealed the sentence.", "Peru's former president, Pedro Castillo, appealed the sentence."),
            .fix("Guatemala votes on Sunday\n\nThe former candidate ⟦Sandra Towers⟧ voted early.", "Guatemala votes on Sunday\n\nThe former candidate Sandra Torres voted early."),
            // A place where something happens says nothing about a person's country.
            .fix("Agriculture Minister ⟦Luis Flat⟧ met farmers' unions in Brussels.", "Agriculture Minister Luis Planas met farmers' unions in Brussels."),
            .suggest("Polish Deputy Minister Mario Thin met students in Caracas."),
            // Organizations and places: one kind of evidence must be strong.
            .suggest("Port Hair salon opened in Caracas."),
            .suggest("A Beautiful Horizon awaits, the Brazilian coach said."),
            .suggest("The Pink House bakery in Buenos Aires sold out."),
            .suggest("Civic Coalition leader Donald Tusk spoke on Monday."),
            .keep("Civic Coalition leader Donald Tusk spoke in Warsaw."),
            .fix("The tanker docked at ⟦Port Hair⟧, Venezuela, on Monday.", "The tanker docked at Puerto Cabello, Venezuela, on Monday."),
            .fix("Protesters gathered in front of the ⟦Pink House⟧ in Buenos Aires.", "Protesters gathered in front of the Casa Rosada in Buenos Aires."),
            .fix("Members of the ⟦Civic Coalition⟧ party voted in Buenos Aires.", "Members of the Coalición Cívica party voted in Buenos Aires."),
            .fix("Congressman ⟦Peter Castle⟧ spoke in Lima, Peru.", "Congressman Pedro Castillo spoke in Lima, Peru."),
            .fix("The education minister ⟦Mario Thin⟧ spoke to the crowd.", "The education minister Mario Delgado spoke to the crowd."),
            .fix("Members of ⟦United We Can⟧ voted against the bill in Madrid.", "Members of Unidas Podemos voted against the bill in Madrid."),
            // Every word common English or a common English name, mixed, no title, described as
            // someone with no title or role: a real person's name as likely; it needs the country.
            .suggest("Louis Happy, a retired miner, told the inquiry."),
            .suggest("The inquiry heard Louis Happy, a retired miner, on Tuesday."),
            .fix("⟦Paul Churches⟧, a retired teacher, told Spanish radio he would stand again.", "Pablo Iglesias, a retired teacher, told Spanish radio he would stand again."),
            .fix("⟦Nicholas Mature⟧, a former bus driver, spoke on Venezuelan television.", "Nicolás Maduro, a former bus driver, spoke on Venezuelan television."),
            // A kind phrase naming another country: another country's paper or channel.
            .keep("The Peruvian daily The Country interviewed Spain's foreign minister."),
            // A destination after a verb of motion is no person's country.
            .suggest("Mayor David Moon toured Colombia with a trade delegation."),
            .fix("Dominican Foreign Minister ⟦David Hill⟧ flew to London.", "Dominican Foreign Minister David Collado flew to London."),
            // An apposition that says it is something else: another place.
            .keep("The Pink House in Buenos Aires, a flower shop, sold out of roses."),
            .keep("Port Hair, a fish restaurant in Caracas, closed for repairs."),
            // Where the sentence places the person ("U.S.", "American", "of Ohio", "Toronto
            // Mayor", "(R-Ohio)", ", a Texas Republican,") outweighs the entity's country named
            // elsewhere in it.
            .keep("U.S. Senator Paul Raymond criticised the government of Portugal."),
            .keep("The American senator, Paul Raymond, said Portugal must act."),
            .keep("Senator Paul Raymond of Ohio criticised the government of Portugal."),
            .keep("Mayor Peter Castle of Toronto said he would travel to Peru in March."),
            .keep("The mayor of Toronto, Peter Castle, praised Peru's chefs."),
            .keep("Senator Peter Castle (R-Ohio) praised Peru's chefs."),
            .keep("Congressman David Moon, a Texas Republican, criticised Colombia."),
            .fix("Former Peruvian president ⟦Peter Castle⟧ met American officials.", "Former Peruvian president Pedro Castillo met American officials."),
            // An English given name with a surname English speakers have too ("Alice Kirchner"):
            // another country's title rules the entity out, and a destination is no country of hers.
            .suggest("British Ambassador Alice Kirchner arrived in Buenos Aires on Monday."),
            .suggest("U.S. envoy Alice Kirchner met officials in Buenos Aires, Argentina."),
            .suggest("Ambassador Alice Kirchner arrived in Buenos Aires on Monday."),
            .fix("Social Development Minister ⟦Alice Kirchner⟧ spoke in Buenos Aires.", "Social Development Minister Alicia Kirchner spoke in Buenos Aires."),
            // A place the sentence attaches to an organization, not in its country: another
            // paper or party of that name.
            .suggest("The newspaper The Nation in Bangkok said the talks with Argentina had stalled."),
            .keep("The newspaper The Nation of Thailand reported on Argentina's debt."),
            .keep("A Bangkok daily, The Nation, reported on Argentina's debt."),
            .keep("The Country, a newspaper based in London, reported on Spain's election."),
            .keep("Readers of the London-based newspaper The Country followed Spain's election."),
            .suggest("In Bangkok, the newspaper The Nation said Argentina had stalled the talks."),
            .suggest("The newspaper The Nation in Lahore said the talks with Argentina had stalled."),
            .fix("The newspaper ⟦The Nation⟧ in Buenos Aires reported that inflation fell.", "The newspaper La Nación in Buenos Aires reported that inflation fell."),
            .fix("The Madrid-based newspaper ⟦The World⟧ reported that the minister would resign.", "The Madrid-based newspaper El Mundo reported that the minister would resign."),
            // A mixed all-English calque that the words before it describe as an ordinary person
            // needs the entity's country; with no description at all it stays a fix.
            .suggest("The co-op buys from farmers such as Edward Milk and his neighbours."),
            .suggest("Residents including Grace Oak and Louis Happy spent the night in the gym."),
            .suggest("His neighbor, Edward Milk, said the river rose overnight."),
            .suggest("Dairy farmer Edward Milk sells cheese at the market."),
            .fix("⟦Charles Table⟧ opened the meeting.", "Carlos Mesa opened the meeting."),
            .fix("Leaders like ⟦Nicholas Mature⟧ attended the summit.", "Leaders like Nicolás Maduro attended the summit."),
            .fix("Brazilian farmers such as ⟦Edward Milk⟧ protested in Porto Alegre.", "Brazilian farmers such as Eduardo Leite protested in Porto Alegre."),
            // Anchored only by the entity's words with their accented letters deleted that read
            // as English ("Pea" for "Peña", "Patio" for "Patiño"): an English-looking name.
            .suggest("Henry Pea Grandson performed at the festival."),
            .suggest("The designer Richard Patio won an award for his garden."),
            .fix("Former minister ⟦Richard Patio⟧ spoke in Quito.", "Former minister Ricardo Patiño spoke in Quito."),
            .fix("Former Mexican president ⟦Henry Pea Grandson⟧ spoke in Mexico City.", "Former Mexican president Enrique Peña Nieto spoke in Mexico City."),
            // The text says the person is someone else.
            .suggest("The Venezuelan actor Nicholas Mature, no relation to the president, starred."),
            .suggest("The Venezuelan singer Nicholas Mature, who is not related to the president, performed."),
            .suggest("Nicholas Mature, a namesake of the Venezuelan president, opened a bakery in Caracas."),
        ])

    /// Calques scored below this are not reported at all.
    static let minimumReported = 0.35

    /// Words ranked at most this in the English word list (frequency in English text) are common
    /// in English: a given name among them ("David", rank 700; "Sandra", 7,271) says nothing
    /// about where a person is from; one outside them ("Margarita", 17,641; "Lilia", 49,296;
    /// "Pilar", unlisted) is rarely an English speaker's.
    static let commonInEnglish = 15_000

    /// A word with its accented letters deleted that ranks at most this in the English word
    /// list reads as an English word ("Pea", 15,153; "Patio", 6,975), not as a damaged name.
    static let englishFragmentRank = 30_000

    func corrections(in document: Document, context: RuleContext) -> [Correction] {
        var result: [Correction] = []
        for name in NameMatch.all(in: document, context: context) where name.kind == .calque && name.mayBeRewritten(in: document) {
            let proposed = correction(for: name, document: document, context: context)
            // Below this the phrase is almost surely ordinary English ("the world", "we can"):
            // not even worth a suggestion.
            if proposed.confidence >= Self.minimumReported { result.append(proposed) }
        }
        return result
    }

    private func correction(for name: NameMatch, document: Document, context: RuleContext) -> Correction {
        let parts = name.componentTokens()
        // Particles inside a name ("de la" in "Humberto de la Calle"); a leading article is part
        // of the name itself ("La" of "La Paz").
        let firstToken = parts.first?.1.first?.range
        let isParticle: ((NameVariant.Component, ArraySlice<Token>)) -> Bool = {
            $0.1.first?.range != firstToken && NameMatch.particles.contains(Folding.fold($0.0.name))
        }
        // Particles ("de la" as "of the") count neither way.
        let translated = parts.filter { $0.0.isTranslated && !isParticle($0) }
        let anchors = parts.filter { !$0.0.isTranslated && !isParticle($0) }
        let headline = name.isInHeadline(in: document)
        // A title before the name. (A role in an apposition after a person's name, "Lourdes
        // Flowers, the former candidate,", lets a guarded variant match, but is no title here:
        // "Peter Sanchez, the team captain," is any team's captain.)
        // An apposition that gives an office of the entity's own country ("Joy Crespo, the
        // Ecuadorian minister,") says as much as a title before the name.
        let titled = name.isIntroducedByCue(in: document, stoppingAtVerbs: true)
        // An organization or place anchored by an untranslated word with a noun for its kind
        // right after it ("Keiko Fujimori's Popular Force party") is as introduced.
        // Only with the entity's country in the line: "The Radical Change party in Ukraine" is
        // another country's.
        let kindAfter = !titled && name.entity.kind != .person && !anchors.isEmpty && name.isFollowedByKindNoun(in: document)
            && name.countryEvidence(in: document, context: context).own
        let cue = titled || kindAfter || (name.entity.kind == .person && Self.hasOfficeApposition(name, document: document, context: context))
        let cueEvidence = titled ? "introduced by a title or role word"
            : kindAfter ? "followed by a noun for its kind" : "an apposition gives an office in its country"
        let initial = name.isSentenceInitial(in: document)
        let countries = name.countryEvidence(in: document, context: context)
        let plausibleEnglish = name.isPlausibleEnglishName(in: document, context: context)
        // "Edward Milk, a dairy farmer, ...", "Grace Oak, a retired nurse, ...": a person's name
        // translated in full into words that are each a common English word or a common English
        // name, mixed, with no title before it and an apposition that describes the person with
        // no title or role ("a local farmer"), reads as an English name too: it needs the same
        // evidence, the entity's country. ("Nicholas Mature addressed the nation" alone stays a
        // fix: the mixed reading alone is no evidence against the entity.)
        // The same holds when the words before it describe the person so ("farmers such as
        // Edward Milk", "dairy farmer Edward Milk", "His neighbor, Edward Milk,"), while a name
        // with no description at all ("Charles Table opened the meeting") stays a fix.
        let mixedEnglish = name.entity.kind == .person && !plausibleEnglish && anchors.isEmpty && !cue
            && name.isMixedEnglish(in: document, context: context)
            && (name.isDescribedAsAnotherThing(in: document) || name.isDescribedAsOrdinaryPerson(in: document))
        // Capitalized like a name: every translated word in Title Case or capitals, or written
        // exactly as the gloss writes it ("God given" for Diosdado).
        let translatedTitleCase = translated.allSatisfy { part in
            if part.1.allSatisfy({ $0.isTitleCase || $0.isAllUppercase }) { return true }
            if case .translated(let gloss, _) = part.0.realization {
                return Gazetteer.words(of: gloss) == part.1.map { document.text(of: $0) }
                    && gloss.first?.isUppercase == true
            }
            return false
        }
        // A translated word capitalized where English writes it in lowercase, outside a headline and
        // not first in the sentence, and not itself an English given name or surname: "Mature" in
        // "Nicholas Mature", not "Castle" in "Peter Castle".
        let anomalousCapital = !headline && translated.enumerated().contains { offset, part in
            part.1.enumerated().contains { index, token in
                let first = offset == 0 && index == 0 && parts.first.map { $0.0.isTranslated } == true
                guard token.isTitleCase, !(first && initial) else { return false }
                if case .translated(let gloss, let kind) = part.0.realization, kind == .given, gloss.first?.isUppercase == true {
                    return false
                }
                let word = document.folded(token)
                // For people, a word that is also an English surname ("Castle") proves nothing.
                return context.words.contains(word) && !(name.entity.kind == .person && context.names.isName(word))
            }
        }
        // Untranslated words that are all the entity's written with their non-ASCII letters
        // deleted and that read as English words or names ("Pea" for "Peña", "Patio" for
        // "Patiño", "Mara" for "María").
        let englishFragmentAnchors = name.entity.kind == .person && !anchors.isEmpty && anchors.allSatisfy { part in
            part.0.realization == .deletedNonASCII && part.1.allSatisfy { token in
                let word = document.folded(token)
                return context.names.isName(word) || (context.words.rank(of: word) ?? Int.max) <= Self.englishFragmentRank
            }
        }
        // An untranslated word written with diacritics ("Iván Duke") is no English spelling: the
        // name is a Spanish speaker's, and the surname written back is right for whoever bears it.
        let accentedAnchor = anchors.contains { part in part.1.contains { !$0.shape.contains(.ascii) } }
        var confidence: Double
        var evidence: [String] = []
        var weakAnchors = true
        var givenNameAnchorsOnly = false
        var anglicizedGivenNameOnly = false
        // An organization's or place's country named right at it ("Guatemala's Free Press").
        var countryAtName = false
        let shown: (ArraySlice<Token>) -> String = { document.text(in: $0.first!.range.lowerBound..<$0.last!.range.upperBound) }
        let translatedParticles = parts.filter { $0.0.isTranslated && isParticle($0) }
        if translated.isEmpty {
            evidence.append("the particles " + translatedParticles.map { "\"\($0.0.name)\"" }.joined(separator: " ")
                + " translated as \"" + translatedParticles.map { shown($0.1) }.joined(separator: " ") + "\"")
        } else {
            evidence.append(translated.map { "\"\($0.0.name)\" as \"\(shown($0.1))\"" }.joined(separator: ", ") + " (literal translation)")
        }

        if !anchors.isEmpty {
            confidence = 0.75
            evidence.append("anchored by untranslated " + anchors.map { "\"\(shown($0.1))\"" }.joined(separator: ", ")
                + (accentedAnchor ? ", written with diacritics as no English name is" : ""))
            if cue { confidence += 0.1; evidence.append(cueEvidence) }
            if translatedTitleCase { confidence += 0.05 } else {
                confidence -= 0.15
                evidence.append("the translated words are lowercase")
            }
            // An anglicized given name ("Rose", "Peter") may be another person's real name; a
            // literal word ("Maximum") cannot. Glosses write anglicized names capitalized.
            let onlyAnglicizedNames = !translated.isEmpty && translated.allSatisfy {
                if case .translated(let gloss, let kind) = $0.0.realization {
                    return kind == .given && gloss.first?.isUppercase == true
                }
                return false
            }
            anglicizedGivenNameOnly = onlyAnglicizedNames
            if onlyAnglicizedNames && !cue {
                confidence = min(confidence, 0.6)
                evidence.append("only an anglicized given name differs and no title introduces it")
            }
            if plausibleEnglish && !cue && !accentedAnchor {
                confidence = min(confidence, 0.55)
                evidence.append("every word is also a common English name, and no title introduces it")
            }
            // "Mario Thin": when the only untranslated words are common given names, shared by
            // thousands of people, the translated surname alone names the entity; without a title
            // that is a suggestion (a mention of the entity's country may still lift it).
            let onlyGivenNameAnchors = name.entity.kind == .person && anchors.allSatisfy { part in
                part.1.allSatisfy { context.names.isGivenName(document.folded($0)) }
            }
            givenNameAnchorsOnly = onlyGivenNameAnchors
            if onlyGivenNameAnchors && !cue && !plausibleEnglish && !accentedAnchor {
                confidence = min(confidence, 0.65)
                evidence.append("the untranslated words are only a common given name, and no title introduces it")
            }
            weakAnchors = anchors.allSatisfy { part in
                part.1.allSatisfy { token in
                    let word = document.folded(token)
                    return word.count <= 2 || NameCalques.isRomanNumeral(word) || (context.words.rank(of: word) ?? Int.max) <= 3000
                }
            }
            if englishFragmentAnchors {
                // "Henry Pea Grandson", "Richard Patio": the only untranslated words are the
                // entity's, written with their non-ASCII letters deleted ("Pea" for "Peña"), and
                // read as English words or names: they point to the entity no more than a
                // common English word would.
                weakAnchors = true
                evidence.append("the untranslated words lost their accented letters and read as English (" + anchors.map { shown($0.1) }.joined(separator: ", ") + ")")
            }
            if weakAnchors && !cue { confidence -= 0.2; evidence.append("the untranslated words are common English or numerals") }
            // "in France Márquez": a translated first word after "in" may be the place itself.
            if parts.first.map({ $0.0.isTranslated }) == true && followsLocativePreposition(name, document: document) && !cue {
                confidence -= 0.2
                evidence.append("the translated first word follows a preposition of place")
            }
        } else if name.entity.kind == .person {
            confidence = 0.45
            if cue { confidence += 0.35; evidence.append(cueEvidence) }
            if translatedTitleCase && anomalousCapital { confidence += 0.3; evidence.append("capitalized like a name") }
            if !translatedTitleCase && !name.isIntroducedByCue(in: document, window: 2, stoppingAtVerbs: true) { confidence -= 0.2 }
            if plausibleEnglish && !cue { evidence.append("every word is also a common English name") }
        } else {
            // Organizations and places: machine translation keeps their capitals ("Free Press"), but
            // capitalized English phrases are names of their own too ("Holy Cross Hospital", "The
            // Nation"), so the phrase needs a context word and a mention of the entity's country.
            // A context word and a mention of the country together make it sure; one of them makes
            // it likely, except for "The ..." phrases, which are how English titles its own papers
            // ("The Nation", "The Globe"): those need the country.
            confidence = 0.3
            if translatedTitleCase && (anomalousCapital || headline) {
                confidence = 0.4
                evidence.append("capitalized like a name")
                // A context word that says what the entity is, before it ("the newspaper Free
                // Press", "Deputies of United We Can", a place after a preposition of place:
                // "landed in The Peace") or as a kind noun after it ("the Lynx district"), is
                // strong; one of the entity's own context words after it that is no kind noun
                // ("Civic Coalition leader Donald Tusk") is weak: English names take such words
                // too.
                // An apposition that says what it is and where ("Free Press, a Guatemalan
                // newspaper,") is a context word and the country at once.
                let apposition = name.entity.kind == .organization
                    && Self.hasKindApposition(name, document: document, context: context)
                let cued = name.isIntroducedByCue(in: document, stoppingAtVerbs: true) || name.isFollowedByKindNoun(in: document)
                    || (name.entity.kind == .place && followsLocativePreposition(name, document: document)) || apposition
                let weaklyCued = !cued && name.isFollowedByCue(in: document)
                if cued { confidence += 0.3; evidence.append("with a context word") }
                if weaklyCued { confidence += 0.1; evidence.append("followed by one of its context words, which English names take too") }
                // The country placed right at the name ("the Pink House in Buenos Aires", "the
                // Guatemalan newspaper") is strong; somewhere else in the line ("Port Hair salon
                // opened in Caracas", "A Beautiful Horizon awaits, the Brazilian coach said") it
                // may be about something else.
                if countries.own {
                    let mentions = name.countryMentions(in: document, context: context)
                    if mentions.title.contains(name.entity.country) || mentions.after.contains(name.entity.country) || apposition
                        || Self.appositionNamesCountry(name, document: document, context: context) {
                        // In a headline the title phrase's four words are often the story's
                        // ("Brazilian Marathon Draws a Big Field"): there only the words right
                        // before the name ("Guatemala's Free Press") or the place after it count.
                        countryAtName = !headline || mentions.after.contains(name.entity.country)
                            || Self.countryImmediatelyBefore(name, document: document, context: context) == name.entity.country
                        confidence += 0.35
                        evidence.append("\(name.entity.country) is named right at it")
                    } else {
                        confidence += 0.15
                        evidence.append("the line mentions \(name.entity.country), but not right at it")
                    }
                }
                let startsWithArticle = parts.first.map { part in
                    part.0.isTranslated && ["the", "a", "an"].contains(document.folded(part.1.first!))
                } ?? false
                if startsWithArticle && !(cued && countries.own) {
                    // "The Day of the Dead is celebrated across Mexico", "The World Cup Returns to
                    // Spain": an English phrase that starts with an article needs both a context
                    // word and the entity's country.
                    confidence = min(confidence, 0.6)
                    evidence.append(countries.own
                        ? "an English-looking phrase ('The ...') without a context word"
                        : "an English-looking title ('The ...') without a mention of \(name.entity.country)")
                }
            }
        }
        if name.entity.kind != .person && headline && !countryAtName && confidence > 0.6 {
            // "Brazilian Marathon Draws a Big Field of Runners", "Guatemalan Newspaper Says Free
            // Press Is Under Attack": a headline capitalizes every word, so any English phrase in
            // it reads as a name, and a country elsewhere in it is the story's, not the phrase's.
            // Only the country right at the name ("Guatemala's Free Press Reports On Vote") ties
            // the two; otherwise the body, where the name stands in lowercase context, is where
            // such a fix is sure.
            confidence = 0.6
            evidence.append("in a headline, where every word is capitalized, without its country right at it: suggested only")
        }
        if countries.own && name.entity.kind == .person && confidence < 0.98 && confidence >= 0.6 {
            confidence += 0.05
            evidence.append("the text mentions \(name.entity.country)")
        }
        // An untranslated surname of the Spanish and Portuguese list ("Rodríguez" in "José Luis
        // Rodríguez Shoemaker") says the name is not English, whatever the US Census lists.
        let spanishAnchor = anchors.contains { part in
            part.1.contains { context.spanishNames.isSurname(document.folded($0)) }
        }
        let englishLooking = name.entity.kind == .person && (plausibleEnglish || mixedEnglish || englishFragmentAnchors)
            && !spanishAnchor && !accentedAnchor
        let own = name.entity.country
        // Where the sentence places the person ("U.S. Senator", "Mayor ... of Toronto", "(R-Ohio)",
        // ", a Texas Republican,"): a country there that is not the entity's says it is someone
        // else, whatever else the line mentions ("criticised the government of Portugal").
        let placed = name.entity.kind == .person ? name.personPlaces(in: document, context: context) : []
        let placedElsewhere = !placed.isEmpty && !placed.contains(own)
        if name.entity.kind == .person, englishLooking || ((weakAnchors || givenNameAnchorsOnly) && countries.otherOnly) {
            // Read finer than the line only when it can matter.
            let mentions = name.countryMentions(in: document, context: context)
            if englishLooking {
                // "Mayor David Moon", "British Foreign Secretary David Hill met his Dominican
                // counterpart": every word is a real English name, so a title alone proves
                // little. It is enough only when the untranslated words themselves point to the
                // entity: its own surname with only the given name anglicized ("Judge Rose
                // Weber"), or given names that English text rarely uses ("Lilia Walls",
                // "Margarita Oaks"). Otherwise the sentence must mention the entity's country
                // (not as the other side of a meeting), or the whole text be about that country
                // and no other. A title that names another country rules it out.
                let rareGivenNames = !anchors.isEmpty && anchors.allSatisfy { part in
                    part.1.allSatisfy { token in
                        let word = document.folded(token)
                        return context.names.isGivenName(word) && (context.words.rank(of: word) ?? Int.max) > Self.commonInEnglish
                    }
                }
                // The whole text is about the entity's country alone (a story about Guatemala),
                // unless that mention is the other side of a meeting. Read last: it reads the text.
                let textIsAboutOwnCountryAlone = {
                    !mentions.counterpart.contains(own) && !mentions.destination.contains(own)
                        && name.textMentionsOnly(own, in: document, context: context)
                }
                if placedElsewhere {
                    confidence = min(confidence, 0.3)
                    evidence.append("a plausible English name that the sentence places in another country (\(placed.sorted().joined(separator: ", ")))")
                } else if !((anglicizedGivenNameOnly || rareGivenNames) && !englishFragmentAnchors) && !mentions.sentence.contains(own)
                            && confidence > 0.55 && !textIsAboutOwnCountryAlone() {
                    confidence = 0.55
                    evidence.append(mixedEnglish
                        ? "every word is common English or a common English name, no title introduces it, and neither the sentence nor the whole text points to \(own) alone"
                        : "every word is also a common English name, and neither the sentence nor the whole text points to \(own) alone")
                }
                if countries.otherOnly {
                    confidence -= 0.3
                    evidence.append("the text mentions other countries, not \(own)")
                }
            } else if !mentions.affiliation.isEmpty || !mentions.title.isEmpty {
                // A country named where the person belongs ("the British minister", "of Houston"),
                // not a place where something happens ("met farmers' unions in Brussels").
                confidence -= 0.3
                evidence.append("the sentence places the person in other countries, not \(own)")
            }
        } else if name.entity.kind != .person && countries.otherOnly && weakAnchors {
            confidence -= 0.3
            evidence.append("the text mentions other countries, not \(own)")
        }
        if name.entity.kind == .person && !englishLooking && placedElsewhere && confidence > 0.5 {
            // "British Ambassador Alice Kirchner", "U.S. envoy Nicholas Mature": the entity
            // is not that country's official. The calque may still be a garbled translation:
            // suggested, not applied.
            confidence = 0.5
            evidence.append("the sentence places the person in another country (\(placed.sorted().joined(separator: ", ")))")
        }
        // "Ambassador Alice Kirchner arrived in Buenos Aires": a name that reads as an English
        // one (an English given name and a surname English speakers have too) whose country the
        // sentence names only as where the person goes is as likely a visitor from elsewhere.
        let englishReadable = name.entity.kind == .person && (plausibleEnglish || mixedEnglish) && !accentedAnchor
        if englishReadable && confidence > 0.55 && !placed.contains(own) && countries.own {
            let mentions = name.countryMentions(in: document, context: context)
            if (mentions.destination.contains(own) || mentions.counterpart.contains(own)) && !mentions.sentence.contains(own) {
                confidence = 0.55
                evidence.append("a name English speakers have too, and the sentence names \(own) only as where the person goes or whom the person meets")
            }
        }
        // "The Venezuelan actor Nicholas Mature, no relation to the president,": the text says
        // the person is not the entity, whatever else points to it.
        if name.entity.kind == .person, let phrase = name.disclaimedRelation(in: document), confidence > 0.5 {
            confidence = 0.5
            evidence.append("the text says it is someone else (\"\(phrase)\")")
        }
        // "Senator David Hill of Maine", "Bishop Philip Chapman of Oxford": a plausible English
        // name placed somewhere by "of"/"from" and a capitalized word that is not the entity's
        // country is that place's person.
        if englishLooking && !countries.own && isFollowedByAnotherPlace(name, document: document) {
            confidence = min(confidence, 0.5)
            evidence.append("a plausible English name followed by another place")
        }
        // "State Senator Vincent Fox", "Councillor Alexander Moreno", "Police Chief Mark Blond":
        // a person with a title of local office in English-speaking countries is that place's
        // official, not the lexicon's (national figures).
        if name.entity.kind == .person && !countries.own && Self.hasLocalOfficeTitle(name, document: document) {
            confidence = min(confidence, 0.5)
            evidence.append("a plausible English name with a title of local office in English-speaking countries")
        }
        if name.entity.kind != .person {
            // "The French newspaper The World": a kind phrase that names another country says
            // the paper is that country's, whatever else the line mentions.
            let kindCountries = name.kindPhraseCountries(in: document, context: context)
            if !kindCountries.isEmpty && !kindCountries.contains(own) {
                confidence = 0
                evidence.append("the phrase before it names another country's \(name.entity.kind == .place ? "place" : "organization")")
            }
            // "The newspaper The Nation in Bangkok", "The Nation of Thailand", "A Bangkok daily,
            // The Nation", "The Country, a newspaper based in London": a place the sentence
            // attaches to it, not in the entity's country, shows another paper or party of that
            // name, whatever else the line mentions. Said to belong there: not reported; only
            // said to be there ("Members of United We Can in Brussels" may be a delegation):
            // suggested.
            let attached = name.attachedPlaces(in: document, context: context)
            if !attached.belongs.isEmpty && !attached.belongs.contains(own) {
                confidence = min(confidence, 0.3)
                evidence.append("the sentence says it belongs to another country (\(attached.belongs.sorted().joined(separator: ", ")))")
            } else if !attached.located.isEmpty && !attached.located.contains(own) && !attached.belongs.contains(own) {
                confidence = min(confidence, 0.5)
                evidence.append("the sentence places it in another country (\(attached.located.sorted().joined(separator: ", ")))")
            } else if attached.unknownPlace && attached.belongs.isEmpty && attached.located.isEmpty && anchors.isEmpty
                        && parts.first.map({ $0.0.isTranslated && ["the", "a", "an"].contains(document.folded($0.1.first!)) }) == true {
                // "The newspaper The Nation in Lahore": an English title ("The ...") placed in a
                // city the table does not know may be that city's own paper.
                confidence = min(confidence, 0.5)
                evidence.append("an English-looking title ('The ...') placed somewhere that is not \(own)")
            }
            // "The Pink House in Buenos Aires, a pastry shop, closed": an apposition that says
            // what it is, and that is not what the entity is, shows another place. (An
            // untranslated word of the name outweighs it: "Fort Tiuna, a ..." is still Fuerte Tiuna.)
            if anchors.isEmpty && name.isDescribedAsAnotherThing(in: document) {
                confidence = min(confidence, 0.3)
                evidence.append("an apposition says it is something else")
            }
        }
        // "voters want a Radical Change": after "a" or "an" a phrase is a common noun phrase; an
        // organization or place is not counted so.
        if name.entity.kind != .person, let before = name.match.tokenRange.lowerBound > 0 ? document.folded(document.tokens[name.match.tokenRange.lowerBound - 1]) : nil,
           ["a", "an"].contains(before), confidence > 0.5 {
            confidence = 0.5
            evidence.append("after \"\(before)\", which makes it a common noun phrase")
        }
        // "Citizens' Climate Lobby": a translated word with a possessive apostrophe is an English
        // noun, not a name.
        if !translated.isEmpty, followedByPossessive(name, document: document) {
            confidence = min(confidence, 0.5)
            evidence.append("followed by a possessive apostrophe")
        }
        if !headline && name.isPartOfLongerName(in: document) {
            confidence = min(confidence, 0.5)
            evidence.append("part of a longer capitalized name")
        }
        if anchors.isEmpty && parts.count - parts.filter(isParticle).count < 2 && !(cue && translatedTitleCase && anomalousCapital && !initial) {
            confidence = min(confidence, 0.4)
            evidence.append("a single translated component needs a context word and name capitals")
        }
        return name.correction(
            rule: Self.description.identifier, replacement: name.replacement(options: context.options, in: document),
            confidence: min(max(confidence, 0), 0.98),
            explanation: "calque of \(name.entity.canonical): " + evidence.joined(separator: "; "))
    }

    /// Whether "of" or "from" and a capitalized word follow the match ("David Hill of Maine").
    private func isFollowedByAnotherPlace(_ name: NameMatch, document: Document) -> Bool {
        let tokens = document.tokens
        let next = name.match.tokenRange.upperBound
        guard next + 1 < tokens.count,
              ["of", "from"].contains(document.text(of: tokens[next])),
              !NameMatch.crossesSentence(document.bytes, name.match.byteRange.upperBound..<tokens[next].range.lowerBound)
        else { return false }
        // "of the First Baptist Church", "from the Ohio Senate": the article first.
        var place = next + 1
        if document.text(of: tokens[place]) == "the", place + 1 < tokens.count { place += 1 }
        return tokens[place].shape.contains(.startsUppercase)
    }

    /// Whether a title of local office in English-speaking countries stands among the three words
    /// before the name, in its sentence: "Councillor", "Alderman", "Sheriff", "Assemblywoman",
    /// or "State" or "County" before a title ("State Senator", "County Commissioner"). Latin
    /// American and Spanish offices are not translated so.
    static func hasLocalOfficeTitle(_ name: NameMatch, document: Document) -> Bool {
        let tokens = document.tokens
        var index = name.match.tokenRange.lowerBound - 1
        var seen = 0
        var boundary = name.match.byteRange.lowerBound
        while index >= 0 && seen < 3 {
            if NameMatch.crossesSentence(document.bytes, tokens[index].range.upperBound..<boundary) { return false }
            let word = document.folded(tokens[index])
            if localOfficeTitles.contains(word) { return true }
            if index + 1 < name.match.tokenRange.lowerBound {
                let next = document.folded(tokens[index + 1])
                if (word == "state" || word == "county") && ContextCues.personTitles.contains(next) { return true }
                if Self.localOfficePairs.contains(where: { $0 == (word, next) }) { return true }
            }
            boundary = tokens[index].range.lowerBound
            index -= 1
            seen += 1
        }
        return false
    }

    /// Titles of local office that English-speaking countries use and translations from Spanish
    /// do not give ("concejal" is "councilor" too, but the lexicon's people are national figures).
    /// Two-word titles of local office in English-speaking countries ("Police Chief", "District
    /// Attorney").
    static let localOfficePairs: [(String, String)] = [
        ("police", "chief"), ("fire", "chief"), ("district", "attorney"), ("borough", "president"), ("school", "board"),
        ("city", "council"), ("town", "clerk"), ("city", "manager"), ("city", "attorney"),
    ]

    static let localOfficeTitles: Set<String> = [
        "councillor", "councilor", "councilman", "councilwoman", "councilmember", "alderman", "alderwoman",
        "sheriff", "selectman", "selectwoman", "assemblyman", "assemblywoman", "assemblymember", "freeholder",
    ]

    /// Whether an apostrophe (ASCII or U+2019) follows the match directly, then a space or the end.
    private func followedByPossessive(_ name: NameMatch, document: Document) -> Bool {
        let bytes = document.bytes
        var index = name.match.byteRange.upperBound
        if index < bytes.count && bytes[index] == 0x27 { index += 1 }
        else if index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99 { index += 3 }
        else { return false }
        return index >= bytes.count || bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09
    }

    /// The country named by the word right before a name ("Guatemala's Free Press", "Bolivian
    /// Holy Cross"), if any: not one word further ("Brazil Wins Big Field Hockey Final").
    /// Whether an apposition right after an organization's name says what it is and names its
    /// country, in exactly three words: a comma, "a", "an" or "the", a demonym or name of the
    /// entity's country, and one of the entity's own context words that is a noun for an
    /// organization ("Free Press, a Guatemalan newspaper,"). Anything else between is another
    /// description: "an American newspaper with Guatemalan readers", "a Spanish-language
    /// newspaper in Miami", "a Guatemalan-American newspaper", "a daily read by Argentine
    /// expatriates".
    static func hasKindApposition(_ name: NameMatch, document: Document, context: RuleContext) -> Bool {
        let all = document.tokens
        let bytes = document.bytes
        guard let article = firstTokenOfApposition(after: name, in: document), article + 2 < all.count,
              ["a", "an", "the"].contains(document.folded(all[article])) else { return false }
        let demonym = article + 1, noun = article + 2
        // Single spaces between the three words: "Guatemalan-American" is another demonym.
        for index in [demonym, noun] where !bytes[all[index - 1].range.upperBound..<all[index].range.lowerBound].elementsEqual([0x20]) {
            return false
        }
        let word = document.folded(all[noun])
        guard ContextCues.organizationNouns.contains(word), name.entityFacts.cues.contains(word) else { return false }
        return document.withBytes { context.countries.countries(in: all[demonym..<noun], of: $0) }.contains(name.entity.country)
    }

    /// Offices of state that an apposition after a person's name may give ("the Ecuadorian
    /// minister"); not roles any team or firm has ("captain", "chief", "head", "leader"). "lady"
    /// only as "first lady".
    static let appositionOffices: Set<String> = [
        "president", "minister", "senator", "deputy", "congressman", "congresswoman", "lawmaker", "legislator",
        "judge", "magistrate", "governor", "mayor", "ambassador", "envoy", "chancellor", "prosecutor", "premier",
        "lady", "spokesman", "spokeswoman", "spokesperson",
    ]

    /// The words that may stand before the country in such an apposition ("the former
    /// Ecuadorian minister").
    static let appositionTimes: Set<String> = ["former", "then", "current", "outgoing", "acting", "interim", "new", "incumbent"]

    /// The words that may stand between the country and the office: portfolios and ranks of
    /// government ("the Spanish defense minister", "the Ecuadorian vice president"), not a
    /// club's, a firm's or a pageant's ("the Ecuadorian club president", "pageant judge").
    static let appositionPortfolios: Set<String> = [
        "foreign", "defense", "defence", "interior", "finance", "economy", "economic", "health", "education", "justice",
        "labor", "labour", "trade", "energy", "oil", "mining", "transport", "culture", "tourism", "environment",
        "agriculture", "housing", "security", "communications", "planning", "industry", "production", "vice", "deputy",
        "prime", "first", "former", "supreme", "court", "electoral", "attorney", "general", "state", "national",
        "opposition", "government", "ruling", "party",
    ]

    /// Whether a person's name is followed by an apposition that gives an office of the entity's
    /// own country: a comma, then "a", "an" or "the" and the country's demonym, or the country in
    /// the possessive ("Spain's"), with at most one word of time before the country
    /// (``appositionTimes``) and words of government between it and the office
    /// (``appositionPortfolios``), the office last (``appositionOffices``, in any case), and the
    /// clause ends there: "Joy Crespo, the Ecuadorian minister, resigned", "…, the former
    /// Ecuadorian foreign minister.", "Margaret Oaks, Spain's defense minister,". Not "Mario Slim,
    /// the Mexican team captain," (no office), "…, the Ecuadorian club president," (no office of
    /// government), "…, an Ecuadorian lady," (no "first"), nor "…, the minister" (no country).
    static func hasOfficeApposition(_ name: NameMatch, document: Document, context: RuleContext) -> Bool {
        let all = document.tokens
        let bytes = document.bytes
        guard var index = firstTokenOfApposition(after: name, in: document), index + 1 < all.count else { return false }
        func isCountry(_ position: Int) -> Bool {
            document.withBytes { context.countries.countries(in: all[position..<position + 1], of: $0) } == [name.entity.country]
        }
        func spaceBefore(_ position: Int) -> Bool { bytes[all[position - 1].range.upperBound..<all[position].range.lowerBound].elementsEqual([0x20]) }
        if ["a", "an", "the"].contains(document.folded(all[index])) {
            index += 1
            if index < all.count, all[index].isLowercase, appositionTimes.contains(document.folded(all[index])), spaceBefore(index) { index += 1 }
            guard index < all.count, spaceBefore(index), !all[index].isLowercase, isCountry(index) else { return false }
            index += 1
        } else {
            // "Spain's": the country, an apostrophe, "s".
            guard !all[index].isLowercase, isCountry(index), index + 1 < all.count, document.folded(all[index + 1]) == "s" else { return false }
            let apostrophe = document.text(in: all[index].range.upperBound..<all[index + 1].range.lowerBound)
            guard apostrophe == "'" || apostrophe == "\u{2019}" else { return false }
            index += 2
        }
        var previous = ""
        var words = 0
        while index < all.count, words < 4, spaceBefore(index) {
            let word = document.folded(all[index])
            if appositionOffices.contains(word), word != "lady" || previous == "first" {
                // The clause must end at the office: a comma, a semicolon, a full stop, or the end of the text.
                let after = all[index].range.upperBound
                guard after < bytes.count else { return true }
                let next = bytes[after]
                if next == 0x2C || next == 0x3B { return true }
                return index + 1 == all.count ? true : NameMatch.crossesSentence(bytes, after..<all[index + 1].range.lowerBound)
            }
            guard appositionPortfolios.contains(word) else { return false }
            previous = word
            words += 1
            index += 1
        }
        return false
    }

    /// The index of the first token after the name when a comma and spaces follow it right away
    /// (", the …"): where an apposition starts; `nil` otherwise.
    static func firstTokenOfApposition(after name: NameMatch, in document: Document) -> Int? {
        let all = document.tokens
        let index = name.match.tokenRange.upperBound
        guard index < all.count else { return nil }
        let gap = document.bytes[name.match.byteRange.upperBound..<all[index].range.lowerBound]
        guard gap.count > 1, gap.first == 0x2C, gap.dropFirst().allSatisfy({ $0 == 0x20 }) else { return nil }
        return index
    }

    /// Whether a place's apposition right after the name, "the" and up to eight words to its
    /// clause's end, names the entity's country ("the Burnt Palace, the seat of the Bolivian
    /// government,"): the country is named at the name itself. (Not "a ...": "Free Press, a group
    /// of Guatemalan journalists," says what else it is.)
    static func appositionNamesCountry(_ name: NameMatch, document: Document, context: RuleContext) -> Bool {
        let all = document.tokens
        guard name.entity.kind == .place, let first = firstTokenOfApposition(after: name, in: document),
              document.folded(all[first]) == "the" else { return false }
        var last = first
        while last + 1 < all.count && last - first < 8 {
            let gap = document.bytes[all[last].range.upperBound..<all[last + 1].range.lowerBound]
            if gap.contains(where: { $0 != 0x20 && $0 != 0x2D && $0 != 0x27 }) { break }
            last += 1
        }
        // The apposition says what the place is: a noun for a place or seat, or one of the
        // entity's context words ("the seat of", "the square", not "the Bolivian band").
        let says = (first...last).contains { index in
            let word = document.folded(all[index])
            return Self.placeAppositionNouns.contains(word) || ContextCues.isFollowingNoun(word, for: .place)
                || name.entityFacts.cues.contains(word)
        }
        guard says else { return false }
        let text = document.text(in: all[first].range.lowerBound..<all[last].range.upperBound)
        return context.countries.countries(mentionedIn: text).contains(name.entity.country)
    }

    /// Nouns of an apposition that say what a place is ("the seat of the Bolivian government").
    static let placeAppositionNouns: Set<String> = [
        "seat", "residence", "headquarters", "home", "capital", "building", "site", "venue", "landmark",
        "office", "offices", "compound", "complex", "center", "centre", "monument", "memorial",
    ]

    static func countryImmediatelyBefore(_ name: NameMatch, document: Document, context: RuleContext) -> String? {
        let lower = name.match.tokenRange.lowerBound
        guard lower > 0 else { return nil }
        let tokens = document.tokens
        var previous = lower - 1
        // A possessive is two tokens, "Guatemala" and "s", the apostrophe between.
        if previous > 0, document.text(of: tokens[previous]).lowercased() == "s" {
            let gap = document.text(in: tokens[previous - 1].range.upperBound..<tokens[previous].range.lowerBound)
            if gap == "'" || gap == "\u{2019}" { previous -= 1 }
        }
        let found = context.countries.countries(mentionedIn: document.text(of: tokens[previous]))
        return found.count == 1 ? found.first : nil
    }

    private func followsLocativePreposition(_ name: NameMatch, document: Document) -> Bool {
        let index = name.match.tokenRange.lowerBound - 1
        guard index >= 0 else { return false }
        let word = document.folded(document.tokens[index])
        return ["in", "to", "from", "at", "into", "across", "around"].contains(word)
    }
}

/// Small helpers of the calque rule.
enum NameCalques {
    /// Whether a folded word is a Roman numeral ("vi", "xiii"): an ordinal after a monarch's name,
    /// no evidence of an entity.
    static func isRomanNumeral(_ word: String) -> Bool {
        !word.isEmpty && word.count <= 6 && word.allSatisfy { "ivxlcdm".contains($0) }
    }
}
