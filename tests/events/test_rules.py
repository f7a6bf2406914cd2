"""Every rule of the events stage earns something: its example sentence, with the rule
switched off, loses a fact the rule gives (an event, an actor's code, a flag, a date
or a place). A newcomer adding a rule adds its row here.

Facts: (code, source code, target code) of an event that is not negated;
("negated", code, source, target); ("modality", code, modality); ("date", code, date);
("place", code, place name); ("confidence", code, confidence). Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.analysis import analysers
from dossier.events.extract import extract_events
from dossier.records import Event
from dossier.rules import BOOKS, switched_off

D = date(2024, 5, 16)


def facts(evs: list[Event]) -> set[tuple[str | None, ...]]:
    out: set[tuple[str | None, ...]] = set()
    for e in evs:
        s = e.source_actor and e.source_actor.code
        t = e.target_actor and e.target_actor.code
        if e.negated:
            out.add(("negated", e.code, s, t))
            continue
        out.add((e.code, s, t))
        if e.modality != "asserted":
            out.add(("modality", e.code, e.modality))
        if e.date_precision != "article":
            out.add(("date", e.code, e.date))
        if e.location:
            out.add(("place", e.code, e.location.name))
        out.add(("confidence", e.code, e.confidence))
    return out


# (rule, sentence, fact with the rule on, fact with it off — None: none in its place)
RULES = [
    # patterns
    ("patterns.known_lemma", "Chile and Peru staged rallies against Bolivia.",
     ("141", "CHL", "BOL"), ("140", "CHL", "BOL")),
    ("patterns.verb_pattern", "Beijing supplies Moscow with essential equipment.",
     ("070", "CHN", "RUS"), ("060", "CHN", "RUS")),
    ("patterns.dictionary_object_pattern", "Police in Kenya arrested Ugandan journalists.",
     ("175", "KENCOP", "UGAMED"), ("173", "KENCOP", "UGAMED")),
    ("patterns.block_pattern", "Britain expedited aid to Jordan.", ("070", "GBR", "JOR"), None),
    ("patterns.synonym_set", "Israel breached the armistice with Syria.", ("196", "ISR", "SYR"),
     ("128", "ISR", "SYR")),
    ("patterns.light_verb", "Kenya opened an investigation into Uganda.", ("090", "KEN", "UGA"),
     ("090", "KEN", None)),
    ("patterns.dictionary_verb", "Syria fired rockets at Israel.", ("194", "SYR", "ISR"), None),
    ("patterns.noun_pattern", "Vladimir Putin is on a two-day state visit to Beijing.",
     ("042", "RUSGOV", "CHN"), None),
    ("patterns.coded_once", "Chile and Peru staged rallies against Bolivia.",
     None, ("140", "CHL", "BOL")),
    # nominal (session 23)
    ("nominal.done_by_verb", "Russia mounted an invasion of Ukraine.", ("190", "RUS", "UKR"),
     None),
    ("nominal.light_event_object", "Qatar launched a mediation effort between Egypt and "
     "Ethiopia.", None, ("020", "QAT", "EGY")),
    ("nominal.emergency_measure", "Bolivia declared a state of emergency in Pando.",
     ("1724", "BOL", None), ("1044", "BOL", None)),
    ("nominal.acting_verb", "Russia will launch an invasion of Ukraine.", ("138", "RUS", "UKR"),
     ("190", "RUS", "UKR")),
    # arguments
    ("arguments.object_control", "Iran paid Hamas to attack Israel.",
     ("190", "PSEREB", "ISR"), ("190", "IRN", "ISR")),
    ("arguments.against", "Lebanese gunmen attacked an anti-Syria journalist.",
     ("190", "LBNUAF", "---MED"), ("190", "LBNUAF", "SYRMED")),
    ("arguments.guess_is_other_side", "Governments typically impose sanctions on Iran.",
     ("163", "---GOV", "IRN"), ("163", "IRNGOV", "IRN")),
    ("arguments.named_facility", "Israel attacked the Indonesian Hospital in Gaza.",
     ("190", "ISR", None), ("190", "ISR", "IDNHLH")),
    ("arguments.they_group",
     "Xi Jinping and Vladimir Putin met in Beijing. They lashed out at the US.",
     ("111", "CHNGOV", "USA"), ("111", None, "USA")),
    ("arguments.pair_reference", "Xi Jinping met Vladimir Putin in Moscow. The two "
     "countries signed an energy agreement.", ("057", "CHN", "RUS"), None),
    ("arguments.described_person",
     "Peruvian President Jorge Salinas met Chile's foreign minister.",
     ("040", "PERGOV", "CHLGOV"), ("040", None, "CHLGOV")),
    ("arguments.prep_state", "Thousands of students in Jakarta staged demonstrations.",
     ("141", "IDNEDU", None), None),
    ("arguments.article_focus", "Protests spread across China. In Shanghai the police "
     "cracked down on demonstrators.", ("175", "CHNCOP", "CHNOPP"), None),
    ("arguments.partitive", "Police arrested members of the Oromo Liberation Front.",
     ("173", "---COP", None), None),
    ("arguments.modifier_actor", "Putin's spokesman attacked Ukraine.",
     ("190", "RUSGOV", "UKR"), ("190", "---GOV", "UKR")),
    ("arguments.state_agent", "Russia's army attacked Ukraine.",
     ("190", "RUSMIL", "UKR"), ("190", "RUS", "UKR")),
    ("arguments.demonym_people", "The Palestinians accused Israel of aggression.",
     ("112", "PSE", "ISR"), ("112", None, "ISR")),
    ("arguments.the_west", "China criticised the west for interference.",
     ("111", "CHN", "WST"), None),
    ("arguments.successor", "Xi Jinping will hit out at his successor.",
     ("111", "CHNGOV", "CHNGOV"), None),
    ("arguments.agent_of_country", "Israeli soldiers arrested two Palestinian activists "
     "in Hebron.", ("173", "ISRMIL", "PSEOPP"), None),
    ("arguments.agent_of_no_country", "Gunmen kidnapped two Russian engineers.",
     ("181", "---UAF", "RUSCVL"), None),
    ("arguments.country_of_noun", "Vladimir Putin thanked his Chinese counterpart.",
     ("051", "RUSGOV", "CHNGOV"), None),
    ("arguments.thing_of_actor", "Israeli helicopters and tanks shelled positions of the "
     "Palestinian security forces.", ("190", "ISRMIL", "PSECOP"), None),
    ("arguments.organisation_country", "Kremlin security officials criticised Ukraine.",
     ("111", "RUSCOP", "UKR"), ("111", "---COP", "UKR")),
    ("arguments.place_as_state", "Putin travelled to Beijing.", ("042", "RUSGOV", "CHN"),
     None),
    ("arguments.reported_subject", "The rebels said they attacked Kenya.",
     ("190", "KENREB", "KEN"), ("190", None, "KEN")),
    ("arguments.objects_phrase_targets", "Egypt welcomed the resumption of talks with Sudan.",
     ("051", "EGY", "SDN"), None),
    ("arguments.asked_target", "Germany demanded that Serbia withdraw its troops from "
     "Kosovo.", ("1056", "DEU", "SRB"), ("1056", "DEU", None)),
    # (welcoming a report is approval, 051, since issue 19; it was 043, hosting a visit)
    ("arguments.not_each_other", "Kenya and Uganda welcomed the report.",
     None, ("051", "KEN", "UGA")),
    ("arguments.light_verb_targets", "Judge Alejandro Rivera opened fraud investigations "
     "against 28 Chilean government officials.", ("090", None, "CHLGOV"), None),
    ("arguments.nested_targets", "Serbian military police have launched an investigation "
     "into crimes committed by Croat forces.", ("090", "SRBMILCOP", "HRVMIL"), None),
    ("arguments.noun_country_source", "Palestinian riots against Israeli military policies "
     "are still continuing.", ("140", "PSE", "ISR"), ("140", None, "ISR")),
    ("arguments.own_envoy", "Turkey summoned its ambassador to Austria for consultations.",
     ("110", "TUR", "AUT"), ("110", "TUR", "TURGOV")),
    # coding
    ("coding.name_calling", "Kenya called Uganda a rogue state.", ("111", "KEN", "UGA"),
     ("040", "KEN", "UGA")),
    ("coding.at_is_a_place", "Ghana celebrated the anniversary at Nigeria.",
     None, ("051", "GHA", "NGA")),
    ("coding.protest_aim", "Egyptian demonstrators rioted demanding the removal of "
     "President Hosni Mubarak.", ("145", "EGYOPP", "EGY"), ("100", "EGYOPP", "EGY")),
    ("coding.requested_code", "Britain urged Iran to release the sailors.",
     ("0253", "GBR", "IRN"), ("020", "GBR", "IRN")),
    ("coding.intended_code", "Spain will send medical aid to Morocco.",
     ("033", "ESP", "MAR"), ("070", "ESP", "MAR")),
    ("coding.dictionary_dyad", "Ken McCallum took over the Security Service in April 2020.",
     None, ("171", "GBRSPY", "GBRSPY")),
    ("coding.one_known_side", "Protesters clashed with police.",
     None, ("190", "---OPP", "---COP")),
    ("coding.own_country_visit", "Vladimir Putin arrived in Moscow on Monday.",
     None, ("042", "RUSGOV", "RUS")),
    ("coding.each_with_other", "Xi Jinping and Vladimir Putin agreed to deepen ties.",
     ("030", "CHNGOV", "RUSGOV"), None),
    # dates
    ("dates.background", "Russia restored diplomatic ties with Georgia five years after "
     "Georgian protesters attacked its embassy.", None, ("190", "GEOOPP", "RUSGOV")),
    ("dates.sentence_date", "The UK called out Russia in December 2023.",
     ("date", "111", "2023-12"), None),
    ("dates.governing_date", "China condemned Japan in March 2020, accusing Tokyo of "
     "provocations.", ("date", "112", "2020-03"), None),
    ("dates.undated_aspect", "China has long accused Vietnam of provocations.",
     ("date", "112", None), None),
    ("dates.counted_from_event", "Two days prior to the vote, Russia attacked Ukraine.",
     ("date", "190", None), None),
    ("dates.dated_paragraph", "In August, Trump attacked the Democrats. Later, Nancy "
     "Pelosi accused Trump of ignoring the facts.", ("date", "112", None), None),
    # (not the lead's sentence: there dates.lead_story gives the endorsement yesterday too)
    ("dates.reported_date", "Joe Biden won the primary in Ohio.\n\nElizabeth Warren "
     "announced yesterday she was endorsing Joe Biden.", ("date", "051", "2024-05-15"),
     None),
    ("dates.unrealised", "The Senate could sanction Russia.", ("date", "163", None), None),
    ("dates.before_dated", "Back in 2018, a Pakistani student was killed by a mob after he "
     "was accused of blasphemy by the Pakistani government.", ("date", "112", None), None),
    ("dates.farther_governor", "In March, Russia condemned Ukraine, accusing Kyiv of "
     "provocations and threatening the Ukrainian government with sanctions.",
     ("date", "130", "2024-03"), None),
    ("dates.full_date", "Russia attacked Ukraine on 3 March 2024.", ("date", "190",
     "2024-03-03"), ("date", "190", "2024-03")),
    ("dates.medium_date", "Russia criticised the United States. In a joint statement "
     "published May 2, the Russian and Syrian defense ministries accused U.S. forces of "
     "controlling bandit formations.",
     ("date", "112", "2024-05-02"), None),
    ("dates.lead_story", "On Monday, a mass stabbing killed three people in Reading. A man "
     "was arrested by Thames Valley Police on suspicion of murder.",
     ("date", "173", "2024-05-13"), None),
    # modality
    ("modality.not_word", "President Xi has not publicly condemned Russia.",
     ("negated", "111", "CHNGOV", "RUS"), ("111", "CHNGOV", "RUS")),
    ("modality.no_determiner", "The US has no sanctions against Iran.",
     ("negated", "163", "USA", "IRN"), ("163", "USA", "IRN")),
    ("modality.negated_governor", "Algerian landowners did not organise a hunger strike to "
     "demand reforms.", ("negated", "142", "DZACVL", None), ("142", "DZACVL", None)),
    ("modality.negating_governor", "China refused to criticise Russia.",
     ("negated", "111", "CHN", "RUS"), ("111", "CHN", "RUS")),
    ("modality.modality", "Russia could attack Ukraine again.",
     ("modality", "190", "hypothetical"), None),
    ("modality.intention", "Turkey threatened to cut diplomatic relations with Sweden.",
     ("1313", "TUR", "SWE"), ("161", "TUR", "SWE")),
    ("modality.unasserted", "Officials discussed removing the sanctions on Cuba.",
     None, ("174", "---GOV", "CUB")),
    ("modality.unasserted_noun", "Israel and Lebanon called for negotiations.",
     None, ("046", "ISR", "LBN")),
    ("arguments.purpose_control",
     "The U.S. military has been training the Syrian opposition forces to fight against "
     "Islamic State.", ("190", "SYRREB", "MEAREB"), ("190", "USAMIL", "MEAREB")),
    # precision (issue 19)
    ("precision.not_an_actor", "The dieback disease is killing New Zealand's native kauri trees.",
     None, ("190", None, "NZL")),
    ("precision.place_modifier", "Egypt opposed the Madrid peace talks.",
     ("125", "EGY", None), ("125", "EGY", "ESP")),
    ("precision.sports_sentence",
     "Serbia criticised Croatia after the 2-1 defeat in the World Cup match.",
     None, ("111", "SRB", "HRV")),
    ("precision.contest", "Russia beat Croatia on Monday.", None, ("190", "RUS", "HRV")),
    ("precision.business", "Chinese companies agreed to invest in American firms.",
     None, ("030", "CHNBUS", None)),
    ("precision.figurative", "The United States hopes to hammer out a framework with Iran.",
     None, ("190", "USA", "IRN")),
    ("modality.negation_scope",
     "Sudan will halt its obstruction and cooperate with the United Nations.",
     ("060", "SDN", "IGOUNO"), ("negated", "060", "SDN", "IGOUNO")),
    ("modality.negating_noun",
     "Pakistan was criticised for its failure to crack down on Indian militants.",
     None, ("175", None, "INDREB")),
    ("modality.wish_clause", "The United States hopes that Iran can attack Israel.",
     ("modality", "190", "intended"), None),
    ("modality.question_clause",
     "The minister dodged questions on whether China attacked Taiwan.",
     ("modality", "190", "hypothetical"), None),
    ("coding.refusal", "Russia refused to release the British sailors.",
     ("1243", "RUS", "GBR"), None),
    ("coding.announced_refusal", "France will not lift the ban on Britain.",
     ("1241", "FRA", "GBR"), ("negated", "081", "FRA", "GBR")),
    ("coding.phone_call", "Vladimir Putin called Xi Jinping on Monday.",
     ("040", "RUSGOV", "CHNGOV"), ("020", "RUSGOV", "CHNGOV")),
    ("coding.called_to_support",
     "The Kenyan president called his Ugandan counterpart on Wednesday to congratulate him.",
     ("051", "KENGOV", "UGA"), ("020", "KENGOV", "UGA")),
    ("coding.one_side_allowed", "Russia refused to cooperate.",
     ("confidence", "121", 0.1), ("confidence", "121", 0.15)),
    ("coding.no_country_side", "John Miller met Sarah Jones in London.",
     ("confidence", "040", 0.1), ("confidence", "040", 0.65)),
    # coverage (issue 19, session 12)
    ("coding.unnamed_target", "Syrian government missiles struck a rebel-held area.",
     ("190", "SYR", None), None),
    ("patterns.ordered_action", "President Biden ordered sanctions on Russia.",
     ("163", "USAGOV", "RUS"), ("100", "USAGOV", "RUS")),
    ("coding.said_must", "Russia says Israel must end attacks on Syria.",
     ("100", "RUS", "ISR"), None),
    # what the default view may not show (issue 19, session 11)
    ("modality.prediction", "Russia is likely to attack Ukraine.",
     ("modality", "190", "hypothetical"), ("confidence", "190", 0.75)),
    ("modality.speculative", "Russia could attack Ukraine.",
     ("confidence", "190", 0.25), ("confidence", "190", 0.75)),
    ("dates.recalled", "Russia invaded Georgia a decade ago.",
     ("confidence", "190", 0.25), ("confidence", "190", 0.75)),
    ("precision.relative_clause", "The subsidies that China gives to its industry are large.",
     ("confidence", "070", 0.25), ("confidence", "070", 0.75)),
    ("precision.shown_not_protested",
     "Beijing is concerned, as demonstrated by his departure from Hanoi.",
     None, ("140", None, "CHN")),
    ("precision.press_audience", "Putin met journalists in Moscow.",
     None, ("040", "RUSGOV", "---MED")),
    ("arguments.passive_controller", "Russia is expected to attack Ukraine.",
     ("138", "RUS", "UKR"), ("138", None, "RUS")),
    ("arguments.unlinked_name", "The Australian Government provided aid to Indonesia.",
     ("070", "AUSGOV", "IDN"), ("070", None, "IDN")),
    # what the default view may not show (issue 19, session 12)
    ("precision.before_after",
     "The ceasefire collapsed after Israel attacked Hamas positions in Gaza.",
     ("confidence", "190", 0.25), ("confidence", "190", 0.75)),
    ("precision.trained_for", "Iran paid Hamas to attack Israel.",
     ("confidence", "190", 0.25), ("confidence", "190", 0.75)),
    ("precision.private_stance",
     "When John Miller was stopped, he told police he supported Trump.",
     None, ("051", None, "USAPTY")),
    ("modality.hedged", "Iran allegedly supplied drones to Russia.",
     ("modality", "070", "hypothetical"), ("confidence", "070", 0.75)),
    ("modality.ability", "Turkey can veto Sweden's membership.",
     ("modality", "120", "hypothetical"), ("confidence", "120", 0.75)),
    # what the hand audit found shown wrong (issue 19, session 13)
    ("precision.owned_thing", "Putin's daughter met the Chinese ambassador.",
     ("040", None, "CHNGOV"), ("040", "RUSGOV", "CHNGOV")),
    ("precision.link_line", "Read more: Russia attacked Ukraine on Monday.",
     None, ("190", "RUS", "UKR")),
    # what the marked tune sheet found most often among page furniture (session 14)
    ("precision.bar_line", "Senators criticise Google | Russia attacked Ukraine | Facebook "
     "gets questions over tracking", None, ("190", "RUS", "UKR")),
    ("coding.trade_measure", "The United States imposed tariffs on Chinese steel.",
     ("160", "USA", "CHN"), ("163", "USA", "CHN")),
    ("coding.repression", "Israeli soldiers attacked Palestinian protesters in Hebron.",
     ("175", "ISRMIL", "PSEOPP"), ("190", "ISRMIL", "PSEOPP")),
    ("precision.foreign",
     "Protests spread across China. In Shanghai foreign journalists met the police.",
     ("040", "---MED", "CHNCOP"), ("040", "CHNMED", "CHNCOP")),
    ("coding.guessed_country", "Protests spread across China. In Shanghai the police "
     "cracked down on British journalists.", ("confidence", "175", 0.65),
     ("confidence", "175", 0.75)),
    ("arguments.unshared_subject", "Many businesses agree that China has taken advantage "
     "of Japan and support Mr. Trump's efforts.", None, ("051", "CHN", None)),
    ("precision.press_refusal", "The Pentagon refused to discuss the matter with reporters.",
     None, ("120", "USAGOVMIL", "---MED")),
    # known problems of the tuning data (issue 19, session 14)
    ("patterns.bare_preposition", "The United States telephoned Russia on Tuesday.",
     ("040", "USA", "RUS"), ("020", "USA", "RUS")),
    ("patterns.released_material", "The White House released a letter to Congress.",
     ("010", "USAGOV", "USALEG"), ("084", "USAGOV", "USALEG")),
    ("arguments.repressed_people", "Beijing police detained 18 people on Monday.",
     ("173", "CHNCOP", "---CVL"), ("173", "CHNCOP", None)),
    ("arguments.unnamed_inquiry", "French authorities opened an investigation into the killing.",
     ("090", "FRAGOV", None), None),
    ("coding.failed_agreement", "Britain and the EU have failed to reach a deal on the border.",
     ("127", "GBR", "IGOEUREEC"), ("negated", "030", "GBR", "IGOEUREEC")),
    # not events, or not the article's country (issue 19, session 15)
    ("precision.commercial_object", "The FDA approved Pfizer's vaccine for children on Monday.",
     None, ("080", "USAGOVHLH", "---CVL")),
    ("arguments.focus_not_here", "Protests spread across China.\nIn Chicago the police "
     "cracked down on demonstrators.", None, ("175", "CHNCOP", "CHNOPP")),
    # places
    ("places.locate", "Speaking in Canberra, Boris Johnson criticised Russia.",
     ("place", "111", "Canberra"), None),
    # session 17: what the default view must not show as sure
    ("precision.place_in", "Russian forces carried out airstrikes in Syria on Tuesday.",
     ("190", "RUSMIL", None), ("190", "RUSMIL", "SYR")),
    ("arguments.own_possessor", "Erdogan reiterated Turkey's support for the Libyan government.",
     None, ("051", "TURGOV", "TUR")),
    ("arguments.agent_of_noun", "Before the visit by Emmanuel Macron to China, Russian "
     "police arrested two activists.", ("042", "FRAGOV", "CHN"), None),
    ("precision.verbal_attack", "Donald Trump attacked Nancy Pelosi on Twitter.",
     ("111", "USAPTY", "USA"), ("190", "USAPTY", "USA")),
    ("coding.pronoun_side", "Emmanuel Macron met Angela Merkel in Berlin. He criticised her "
     "for the delay.", ("confidence", "111", 0.5), ("confidence", "111", 0.75)),
    # what the tuning material showed wrong by default (issue 19, session 19)
    ("precision.judged_act", "Germany welcomed Turkey to mediate between Russia and Ukraine.",
     ("confidence", "045", 0.25), ("confidence", "045", 0.6)),
    ("precision.vox_pop", "Jane Ward, 44, a nurse from Ohio, is backing Joe Biden.",
     None, ("051", None, "USAGOV")),
    ("precision.topic_object", "Erdogan discussed Syria with Vladimir Putin.",
     None, ("046", "TURGOV", "SYR")),
    ("precision.dateline",
     "Washington (AFP) – Senator Jane Ward has taken a swipe at Vladimir Putin.",
     ("111", None, "RUSGOV"), ("111", "USA", "RUSGOV")),
    ("precision.claimed_clause", "Germany insists Serbia is sending troops to Kosovo.",
     None, ("103", "DEU", "SRB")),
    # lookalikes (issue 19, session 20)
    ("precision.scheduled", "Macron is scheduled to meet Xi in Paris.",
     ("036", "FRAGOV", "CHNGOV"), ("040", "FRAGOV", "CHNGOV")),
    ("precision.own_forces_sent", "The United States sent troops to Poland.",
     None, ("070", "USA", "USAMIL")),
    ("precision.interview_given", "Joe Biden spoke to the podcaster Jane Rogan in an "
     "interview.", None, ("040", "USAGOV", None)),
    ("precision.own_envoy_sent", "The United States sent Secretary of State Antony Blinken "
     "to join the meeting.", None, ("070", "USA", "USAGOV")),
    # uses of a coded verb that are no political event (issue 19, session 22)
    ("precision.death", "Former Indian president Ravi Menon died on Monday.",
     None, ("190", "INDGOV", None)),
    ("precision.dismissal", "President Joe Biden fired FBI director Christopher Wray.",
     None, ("190", "USAGOV", "USACOP")),
    ("precision.outdone", "Ukraine overcame Russia's objections.", None, ("190", "UKR", "RUS")),
    ("precision.press_event", "Joe Biden held his first press conference since the "
     "pandemic.", None, ("040", "USAGOV", None)),
    ("precision.press_named", "Amar Patel spoke to Wikinews in August.", None,
     ("040", None, None)),
    ("precision.quoted_side", "Donald Trump hailed the agreements as the \"dawn of a new "
     "Middle East.\"", None, ("051", "USAPTY", "MEA")),
    ("arguments.sides_not_states", "France and Sudan sent envoys to Aden last year. The "
     "Southern Transitional Council is in conflict with the government. Both sides also "
     "oppose Houthi rebels.", None, ("110", "FRA", "YEMREB")),
    # shapes of ZSP half A misses (issue 19, session 20)
    ("patterns.amount_of", "Japan handed over USD 4 million worth of medical equipment to "
     "Kenya.", ("070", "JPN", "KEN"), None),
    ("patterns.passive_object", "The war games were staged by Chile and Peru.",
     ("062", "CHL", "PER"), None),
    ("patterns.hyphened_object", "Hamas declared a cease-fire with Israel.",
     ("0871", "PSEREB", "ISR"), None),
    ("arguments.passive_prep_target", "Sanctions were imposed on Russia by the European "
     "Union.", ("163", "IGOEUREEC", "RUS"), None),
    ("arguments.received_sides", "Kenya received military aid from Japan.",
     ("070", "JPN", "KEN"), None),
    ("arguments.unsourced_verdict", "The Ugandan envoy was convicted of fraud.",
     None, ("116", None, "UGAGOV")),
    # type senses (issue 19, session 21)
    ("patterns.departure", "American troops have begun leaving Afghanistan.",
     None, ("040", "USAMIL", "AFG")),
    ("senses.call_purpose", "Kenyan President William Ruto called Ugandan President "
     "Yoweri Museveni to thank him for his help.", ("051", "KENGOV", "UGAGOV"),
     ("040", "KENGOV", "UGAGOV")),
    ("senses.document_voice", "The Kenyan parliament adopted a resolution condemning Uganda.",
     ("111", "KENLEG", "UGA"), ("111", None, "UGA")),
    ("senses.document_content", "Kenya issued a statement urging Uganda to withdraw its "
     "troops.", None, ("114", "KEN", None)),
    # session 21: shown events with no event or the wrong side (test_pledges_sides.py)
    ("modality.election_condition", "If elected, Joe Biden will impose sanctions on Russia.",
     ("modality", "1312", "hypothetical"), ("modality", "1312", "future")),
    ("modality.habitual", "China typically sends aid to African countries.",
     ("confidence", "070", 0.25), ("confidence", "070", 0.75)),
    ("arguments.owned_stance", "Antonio Guterres reiterated the U.N.'s commitment to "
     "supporting Lebanon.", None, ("030", "IGOUNOGOV", "IGOUNO")),
    ("arguments.opponents_of", "Political opponents of the Maldives government clashed "
     "with police.", ("190", "MDVOPP", "MDVCOP"), ("190", "MDVGOV", "MDVCOP")),
    # session 23: wrong sides (test_wrong_sides.py)
    ("arguments.violent_death_sides", "Two Israeli soldiers died in clashes with Hamas.",
     ("190", "PSEREB", "ISRMIL"), ("190", "ISRMIL", "PSEREB")),
    ("arguments.named_body_agent", "Turkey is drilling off Cyprus. Turkey angered Greece. "
     "Greek prime minister Kyriakos Mitsotakis, speaking to the Atlantic Council think "
     "tank, called the deal void.", ("040", "GRCGOV", None), ("040", "GRCGOV", "TURNGO")),
    ("arguments.guessed_agent_sent", "Kenya and Uganda sent troops to Somalia.", None,
     ("070", "UGA", "KENMIL")),
    ("arguments.conj_passive", "Turkey criticised Greece and was condemned by Egypt.",
     ("111", "EGY", "TUR"), None),
    ("arguments.unshared_modal", "Hawkins predicted President Trump would lose in a "
     "landslide and asked voters to vote.", None, ("020", "USAPTY", "---CVL")),
    # session 24: wrong sides of shown events on Wikinews 2020 (test_wrong_sides.py)
    ("arguments.uncoded_body", "Turkey is drilling off Cyprus. Turkey angered Greece. Greek "
     "prime minister Kyriakos Mitsotakis, speaking to the Atlantic Council think tank, "
     "called the deal void.", ("040", "GRCGOV", None), ("040", "GRCGOV", "---NGO")),
    ("arguments.named_members", "Bahrain and Kosovo recognized Israel. The formerly "
     "antagonistic nations of Serbia and Kosovo opened economic ties.",
     ("050", "SRB", "KSV"), ("050", "ISR", "KSV")),
    ("arguments.leaders_of_pair", "Turkey and Greece had poor relations, but the leaders of "
     "the two countries spoke by telephone on Friday.", ("040", "TURGOV", "GRCGOV"), None),
    ("arguments.other_state_coordinated", "Norway mediated talks between Colombia and the "
     "rebels.", ("045", "NOR", "---REB"), ("045", "NOR", "NORREB")),
    ("arguments.focus_actor", "The election was held in the United States on Tuesday.\n\n"
     "According to CNN, multiple officials pressured Trump not to commute the sentence.",
     ("100", "USAGOV", "USAPTY"), ("100", "---GOV", "USAPTY")),
    ("arguments.identified_as", "Thames Valley Police soon arrived and detained the man, "
     "later identified as Khairi Saadallah.", ("173", "GBRCOP", None),
     ("173", "GBRCOP", "---CVL")),
]

# Rules no sentence was found for where switching them off changes the output.
# arguments.confident_mention: the actor stage gives every mention confidence 1.0 today;
# tests/events/test_precision.py shows the rule with a mention's confidence lowered.
# arguments.uncoded_modifier: its example's country word ("Police in Kenya arrested
# Ugandan journalists") is now an unknown-organisation mention of confidence 0.4, which
# confident_mention already passes over to the agent reading. Since unlinked_name reads
# unlinked names again it earns on ZSP half A ("X's government" with X an unlinked name
# is the government of the country named, not the name; type right 0.450 → 0.451), on
# no sentence written here. For eval/ablate.py.
UNSHOWN = {"arguments.confident_mention", "arguments.uncoded_modifier"}
# coding.weak_link: a side linked at 0.5-0.6 by the actor stage is rare in a sentence
# alone; tests/events/test_sides_shown.py shows it on and off with a link lowered.
UNSHOWN |= {"coding.weak_link"}
# learned.verify needs the optional learned extra (a model): tests/events/test_learned.py
UNSHOWN |= {"learned.verify"}
# precision.insurgent_before depends on the article's date (this file's is 2024, after
# the Taliban took power): tests/events/test_shown.py shows it on and off with dates.
UNSHOWN |= {"precision.insurgent_before"}
# post.page_calibrated scales the confidences the rows above assert (conftest.py switches
# it off here): tests/events/test_post.py shows it on and off.
UNSHOWN |= {"post.page_calibrated"}
# post.light_verb and post.root_cell (session 24) choose page_calibrated's cell, off here
# with it: tests/events/test_post.py shows them on and off.
UNSHOWN |= {"post.light_verb", "post.root_cell"}
# frames.* (session 15) are shown on and off, with negatives, in tests/events/test_frames.py
UNSHOWN |= {r.key.removeprefix("events.") for r in BOOKS["events"]
            if r.key.startswith("events.frames.")}
# codebook.* (session 23) are shown on and off, with negatives, in
# tests/events/test_codebook.py
UNSHOWN |= {r.key.removeprefix("events.") for r in BOOKS["events"]
            if r.key.startswith("events.codebook.")}


@pytest.mark.parametrize(("rule", "text", "on", "off"), RULES, ids=[r[0] for r in RULES])
def test_rule_earns_its_keep(rule: str, text: str, on: tuple | None, off: tuple | None
                             ) -> None:
    an = analysers()
    parsed = an.read(text, published=D)  # parsed and linked once: the rule is the events'
    with_rule = facts(extract_events(parsed, an.geo))
    with switched_off(f"events.{rule}"):
        without = facts(extract_events(parsed, an.geo))
    if on is not None:
        assert on in with_rule and on not in without, (with_rule, without)
    if off is not None:
        assert off in without and off not in with_rule, (with_rule, without)


def test_every_rule_has_a_row_and_an_example() -> None:
    keys = {r.key.removeprefix("events.") for r in BOOKS["events"]}
    assert keys == {r[0] for r in RULES} | UNSHOWN
    assert all('"' in r.doc for r in BOOKS["events"])  # the sentence it was written for
