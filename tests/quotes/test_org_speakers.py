"""Organisations as speakers (``dossier.quotes.orgs``, ``mentions.org_as_named``):
"the company said" is the company named before, "a spokesman for Acme" is Acme, "the
statement said" is whoever made it, and an organisation speaks under the name the
article gives it; a person known by a surname keeps the full name the article gives
it. Each row: a text, the quotation's first words, the speaker's name
with the rule, and without it; negatives keep the phrase."""

from __future__ import annotations

import pytest

from dossier.records import Quote
from dossier.rules import switched_off


def speaker(qs: list[Quote], start: str) -> str | None:
    q = next(q for q in qs if q.text.startswith(start))
    return q.speaker.name if q.speaker else None


COMPANY = ("Ithilen Robotics Inc. cut 300 jobs on Monday. Workers were told by email. "
           "Many had worked there for decades. Unions called a strike.\n\n"
           "“We regret the decision but the market left us no choice,” the company said.")
TECH = ("Ithilen Robotics Inc. cut 300 jobs on Monday.\n\n“We regret the decision but the "
        "market left us no choice,” the Gondorian robotics company said.")
MINISTRY = ("The Ministry of Health of Gondor announced new rules for hospitals.\n\n"
            "“The rules will save lives and money,” the ministry said.")
AGENCY = ("The Federal Aviation Administration grounded the jets on Friday.\n\n"
          "In a statement, the agency said: “We will not allow these aircraft to fly until "
          "they are safe.”")
SPOKESMAN = ("Ithilen Robotics Inc. has recalled 2,000 vacuum cleaners.\n\n"
             "“Safety is our top priority,” a spokesman for Ithilen Robotics Inc. said.")
STATEMENT = ("Two soldiers were killed in a crash, the Ithilen Defence Ministry said in a "
             "statement on Wednesday.\n\n“The cause of the crash is under investigation,” "
             "the statement said.")
OFFICIALS = ("Fifty former intelligence officials, including former CIA directors John "
             "Brennan and Leon Panetta, signed a letter saying the report “has all the "
             "classic earmarks of a Russian information operation.”")
QUOTED = ("The agency was not put in charge. Politico quoted Tom Ruiz, formerly a deputy "
          "administrator at FEMA, as saying “FEMA has an important role in the response” "
          "and “it needs to be involved.”")


@pytest.mark.parametrize(("rule", "text", "start", "with_rule", "without"), [
    # the actor stage's resolver (one for the pipeline) links "the company" …
    ("actors.coref.org_nominal", COMPANY, "We regret", "Ithilen Robotics Inc.",
     "the company"),
    # … and the speaker step asks it about a longer noun phrase the actor stage left
    ("quotes.speakers.org_nominal", TECH, "We regret", "Ithilen Robotics Inc.",
     "the Gondorian robotics company"),
    ("actors.coref.org_nominal", TECH, "We regret", "Ithilen Robotics Inc.",
     "the Gondorian robotics company"),
    ("quotes.speakers.org_as_named", MINISTRY, "The rules", "Ministry of Health of Gondor",
     "the ministry"),
    # initials are a name, not a heading in capitals (issue 18)
    ("quotes.speakers.org_as_named", "NASA delayed the launch on Monday.\n\n“We will go "
     "ahead when it is safe,” NASA said.", "We will go", "NASA",
     "National Aeronautics and Space Administration"),
    ("actors.coref.org_nominal", AGENCY, "We will not", "Federal Aviation Administration",
     "the agency"),
    ("quotes.speakers.spokesperson_of", SPOKESMAN, "Safety", "Ithilen Robotics Inc.",
     "a spokesman for Ithilen Robotics Inc."),
    ("quotes.speakers.spokesperson_of", "WeWork is based in New York.\n\n“We are "
     "cooperating fully with the inquiry,” a WeWork spokesperson said.", "We are",
     "WeWork", "a WeWork spokesperson"),
    ("quotes.speakers.spokesperson_of", "Ithilen Securities expects growth next year.\n\n"
     "“The market is factoring in a recovery,” said a report from Ithilen Securities.",
     "The market", "Ithilen Securities", "a report from Ithilen Securities"),
    ("quotes.speakers.statement_owner", STATEMENT, "The cause", "Ithilen Defence Ministry",
     "the statement"),
    # names an "including" phrase lists are members, not the group's voice; a body
    # inside an object speaker's description is not its head (session 22, members.py)
    ("quotes.speakers.group_members", OFFICIALS, "the report",
     "Fifty former intelligence officials, including former CIA directors John Brennan "
     "and Leon Panetta,", "CIA"),
    ("quotes.speakers.group_members", "Aides denied the story. Others, including Fox News "
     "reporter Jennifer Griffin, confirmed key parts of the story.", "key parts",
     "Others, including Fox News reporter Jennifer Griffin,", "Fox News"),
    ("quotes.speakers.phrase_head", QUOTED, "FEMA has", "Tom Ruiz", "FEMA"),
    ("quotes.speakers.possessor_modifiers", "A VOA Extremism Watch Desk reporter Nisan "
     "Ahmado's source inside the camp, a refugee who feared retaliation, said the claim "
     "was false.", "the claim", "A VOA Extremism Watch Desk reporter Nisan Ahmado's "
     "source inside the camp, a refugee who feared retaliation", "VOA"),
    ("quotes.speakers.participle_objects", "Scientists studying patients in Zhuhai in "
     "China's Guangdong Province reported that the virus spread between family members.",
     "that the virus", "Scientists studying patients in Zhuhai in China's Guangdong "
     "Province", "China"),
    # a surname of several words after the full name
    # (a surname of several words after the full name: the actor stage joins them,
    # actors.names.same_local_person; here the full name NER missed)
    ("quotes.speakers.longer_name", "The He Jianxiong report was published on Monday. He "
     "Jianxiong, a former trade official, disagreed.\n\n“I would ask what the incentive "
     "is,” Jianxiong said.", "I would ask", "He Jianxiong", "Jianxiong"),
    # a full name NER took for a place, its first name a common one
    ("quotes.speakers.known_first_name", "The songs were written by Ben Ortiz and Kate York "
     "last spring.\n\n“It is a different muscle,” York said.", "It is a", "Kate York",
     "York"),
    # a name set off by a comma from what describes it
    ("quotes.speakers.name_before_comma", "Police fired tear gas on Monday.\n\nCheuk "
     "Hau-yip, the commander of the western district, said: “These rioters are "
     "criminals.”", "These rioters", "Cheuk Hau-yip",
     "Cheuk Hau-yip, the commander of the western district"),
    # a description and then a name NER missed: the name
    ("quotes.speakers.name_after_description", "Ad spending rose in May.\n\n“Digital is "
     "taking the lion's share,” media buying company GroupM said.", "Digital",
     "GroupM", "media buying company GroupM"),
    # officials of a kind of organisation speak for the one of that kind named before
    ("quotes.speakers.spokesperson_of", "Ithilen Robotics Inc. cut 300 jobs on Monday.\n\n"
     "“The cuts were needed,” company officials said.", "The cuts",
     "Ithilen Robotics Inc.", "company officials"),
    # a pronoun for an organisation the actor stage is unsure is an actor: its name
    ("quotes.speakers.unsure_org", "On Monday the Ithilen Daily, the mouthpiece of the "
     "party, warned readers about the protests. “There is no room for compromise,” it "
     "said.", "There is no room", "Ithilen Daily", "it"),
    # the organisation named again as a subject no mention took is no rival
    ("actors.coref.org_named_again", "The NYAG asked whether WeWork founder Adam Neumann "
     "had engaged in self-dealing. WeWork is headquartered in New York City. A company "
     "spokesperson said in an email that it had received an inquiry.", "that it had",
     "WeWork", "A company spokesperson"),
    ("actors.coref.org_nominal", "Shares fell on Monday, Ithilen Institutional Equities "
     "wrote in a note.\n\nA slowdown could cost the market its hope of a revival, the "
     "brokerage said.", "A slowdown", "Ithilen Institutional Equities", "the brokerage"),
    # a state's body speaks under its own name (its code the state's: test below)
    ("quotes.speakers.state_body", "“We will keep talking,” China's commerce ministry "
     "said on Thursday.", "We will keep", "China's commerce ministry", "China"),
    ("quotes.speakers.state_body", "Hong Kong police said they had arrested 40 people.",
     "they had", "Hong Kong police", "Hong Kong"),
    ("quotes.speakers.state_body", "Bolivia's public defender's office said five people "
     "had died.", "five people", "Bolivia's public defender's office", "Bolivia"),
    # … and through its spokesperson
    ("quotes.speakers.state_body", "A spokesman for China's foreign ministry said the "
     "visit was a provocation.", "the visit", "China's foreign ministry", "China"),
    ("quotes.speakers.state_body", "Russia's foreign ministry spokeswoman said the claims "
     "were false.", "the claims", "Russia's foreign ministry", "Russia"),
    # a document's title is no speaker: its owner speaks
    ("actors.names.document_title", "The IMF's World Economic Outlook said growth would "
     "slow to 2.9 percent.", "growth would", "IMF", "World Economic Outlook"),
    # a noun a restrictive clause or an apposition describes introduces another body
    ("actors.coref.described_here", "Taylor Swift accused Big Machine Records of blocking "
     "her. The company that runs the show, Dick Clark Productions, denies that anything "
     "has been sorted.", "that anything",
     "The company that runs the show, Dick Clark Productions,", "Big Machine Records"),
    # of two that fit in one sentence, the main subject when the other is in a
    # prepositional phrase (issue 18, session 18)
    ("actors.coref.subject_org", "Volkswagen has done away with plastic inserts in favor "
     "of more AppleSkin. The automaker says it will do that with all models.",
     "it will do", "Volkswagen", "The automaker"),
    ("actors.coref.subject_org", "Alphabet, the parent company of Google, jumped 3.3 "
     "percent. The company reported earnings of 8 dollars a share.", "earnings of",
     "Alphabet", "The company"),
    # a relative clause set off by commas does not stop "the automaker" (session 18)
    ("quotes.speakers.clause_set_off", "Volkswagen is giving us a glimpse of the car of "
     "the future.\nThe German automaker, which has focused on electric vehicles after its "
     "scandal, says the car will be sold in 2022.", "the car will",
     "Volkswagen", "The German automaker, which has focused on electric vehicles after "
     "its scandal,"),
    # a statement, letter or email someone owns is that one's, a person's too (issue 18)
    ("quotes.speakers.owned_statement", "The Ithilen health minister, Maria Santos, "
     "resigned on Friday.\n\n“I have done my best,” her statement said.", "I have done",
     "Maria Santos", "her statement"),
    ("quotes.speakers.owned_statement", "The Ithilen foreign minister, Anna Berg, met her "
     "counterpart on Monday.\n\n“The talks will go on,” the minister's letter said.",
     "The talks", "Anna Berg", "the minister's letter"),
    # "they" that speaks a quotation: the organisation the paragraph before had as its
    # last subject (British English writes a firm in the plural)
    ("quotes.speakers.org_they", "Ithilen Music Group was bought this year. Fans are "
     "angry when big firms buy small ones. Ithilen Music have denied any wrongdoing.\n\n"
     "“At no point did we block her special,” they said in a statement.", "At no point",
     "Ithilen Music Group", "they"),
    # session 19 (issue 18): titles the story gives the one person named before
    ("quotes.speakers.described_title",
     "Donald Trump is telling supporters after his victory that he will win.\n\nThe "
     "billionaire businessman says he will build a wall on the border.",
     "he will build", "Donald Trump", "The billionaire businessman"),
    ("quotes.speakers.described_title",
     "Jane Ostrow arrived in Berlin on Monday.\n\n“It is a wonderful city and we love "
     "coming back here,” the pop star said.", "It is a wonderful", "Jane Ostrow",
     "the pop star"),
    ("quotes.speakers.party_member",
     "House Speaker Paul Ryan says the executive actions are an overreach.\n\nThe "
     "Wisconsin Republican says in a statement that the president is wrong.",
     "that the president", "Paul Ryan", "The Wisconsin Republican"),
    # a report "in" a paper is the paper's (session 23)
    ("quotes.speakers.report_in", "The show cost $449,000, according to a report in the "
     "Ithilen Courier of Minas Tirith.", "The show cost", "Ithilen Courier of Minas Tirith",
     "a report in the Ithilen Courier of Minas Tirith"),
    ("quotes.speakers.report_in", "Gondor Motors will close two plants, according to a "
     "report in the Ithilen Times.", "Gondor Motors will", "Ithilen Times",
     "a report in the Ithilen Times"),
])
def test_a_speaker_speaks_under_its_name(quotes, rule, text, start, with_rule,  # type: ignore[no-untyped-def]
                                       without) -> None:
    assert speaker(quotes(text), start) == with_rule
    with switched_off(rule):
        assert speaker(quotes(text), start) == without


@pytest.mark.parametrize(("text", "start", "kept"), [
    # two companies named in one sentence: either could be meant
    ("Ithilen Robotics Inc. and Borin Widgets Corp. cut jobs on Monday.\n\n“We regret the "
     "decision,” the company said.", "We regret", "the company"),
    # the other one an object, not in a prepositional phrase: either
    ("Acme Corp. sued Ithilen Holdings on Monday. The company said the patents were "
     "stolen.", "the patents", "The company"),
    # a ministry is no company, and a company no ministry
    ("Regulators fined Ithilen Robotics Inc. on Monday. Later the Ministry of Health of "
     "Gondor said the fine was fair.\n\n“We will appeal the fine in court,” the company "
     "said.", "We will appeal", "Ithilen Robotics Inc."),
    ("Ithilen Robotics Inc. cut 300 jobs on Monday.\n\n“The cuts were not needed at all,” "
     "the ministry said.", "The cuts", "the ministry"),
    # the noun names another body in between: "the regional health commission"
    ("The Federal Aviation Administration met on Monday with a regional health agency.\n\n"
     "“No one has shown symptoms so far,” the agency said.", "No one", "the agency"),
    # a campaign is no organisation a broadcaster's name stands for
    ("MSNBC aired the interview on Monday.\n\n“We never agreed to that interview at "
     "all,” the campaign said.", "We never", "the campaign"),
    # a spokesman for a person is no person
    ("Mark Warner spoke on Monday.\n\n“The senator will vote against it,” a spokesman for "
     "Warner said.", "The senator", "a spokesman for Warner"),
    # officials of no kind named, a name after a preposition or a title: the phrase
    ("Ithilen Robotics Inc. cut 300 jobs on Monday.\n\n“The cuts were needed,” senior "
     "officials said.", "The cuts", "senior officials"),
    ("Mark Warner spoke on Monday.\n\n“It is over,” aides to Ithilwen said.", "It is over",
     "aides to Ithilwen"),
    ("Congress met on Monday.\n\n“We want answers now,” most Americans said.", "We want",
     "most Americans"),
    # another name as a subject in between is a rival, not the same one named again
    ("The NYAG asked whether WeWork founder Adam Neumann had engaged in self-dealing. "
     "Ithilen is headquartered in New York City. A company spokesperson said in an email "
     "that it had received an inquiry.", "that it had", "A company spokesperson"),
    # a state's people, two states, a body the gazetteer knows: not the state's body
    ("China's President Xi Jinping said the talks had gone well.", "the talks",
     "Xi Jinping"),
    ("The Russian and Syrian defense ministries said the camp was closed.", "the camp",
     "The Russian and Syrian defense ministries"),
    ("Britain's Home Office said the rules would change.", "the rules", "Home Office"),
    ("China said it would retaliate against the tariffs.", "it would", "China"),
    ("A spokesman for Russia said the claims were false.", "the claims", "Russia"),
    # a title's own words are no organisation that owns it
    ("According to the Human Development Report, life expectancy rose in 120 countries.",
     "life expectancy", "the Human Development Report"),
    ("The Global Risks Report 2020 warned that climate change was the top threat.",
     "that climate", "The Global Risks Report 2020"),
    # a non-restrictive clause does not stop "the company" from referring back
    ("Taylor Swift accused Acme Records of blocking her. The company, which denies it, "
     "said the deal was sorted.", "the deal", "Acme Records"),
    # a spokesman's or a report's owner does not speak through it
    ("Mark Warner spoke on Monday.\n\n“The senator will vote against it,” his spokesman "
     "said.", "The senator", "his spokesman"),
    ("Mark Warner spoke on Monday.\n\n“The bill will fail,” Warner's report said.",
     "The bill", "Warner's report"),
    # "they" after someone else as the last subject, or a person named after the firm
    ("Officials at Ithilen Airways met on Monday.\n\n“We will not give in,” they said.",
     "We will not", "they"),
    # another subject in the pronoun's own sentence may be meant
    ("Ithilen Airways cut 300 jobs on Monday.\n\nThe pilots met, and “we will not give "
     "in,” they said.", "we will not", "they"),
    # a "they" of a clause in the sentence of the organisation
    ("Ithilen Airways is trying to convince the courts that they should hear the case, "
     "“as soon as it is possible,” they said.", "as soon", "they"),
    # a body's voice named after a preposition, a name in apposition, an organisation
    # heading its members' phrase still speak; an unknown body inside an object
    # speaker's phrase does not (quotes.speakers.group_members, phrase_head)
    ("“We will not comment on the talks at this stage,” said a spokesman for the Foreign "
     "Office.", "We will not", "Foreign Office"),
    ("“The outbreak is far from over and we must not relax,” said the head of the World "
     "Health Organization.", "The outbreak", "World Health Organization"),
    ("“The deal is dead and nobody wants it back,” said the mayor of London, Sadiq "
     "Khan.", "The deal", "Sadiq Khan"),
    ("“We will not comment on the talks at this stage,” said a spokesman representing "
     "Britain's Foreign Office.", "We will not", "Foreign Office"),
    ("NATO members, including Britain and France, said they would send more troops.",
     "they would", "NATO"),
    ("Reuters quoted the head of the Ithilen central bank as saying “rates will rise "
     "next month and the bank will not wait for the government.”", "rates will",
     "the head of the Ithilen central bank"),
    # a statement that is no subject of speech
    ("The minister, Anna Berg, resigned.\n\n“I did my best,” she said, after her statement "
     "was shown to be false.", "I did my", "Anna Berg"),
    ("The union and Ithilen Airways met on Monday. The workers voted to strike.\n\n"
     "“We will not give in,” they said.", "We will not", "they"),
    ("Ithilen Label have denied it. Jane Ruiz and Tom Ruiz sued them.\n\n“We will not "
     "give in,” they said.", "We will not", "Jane Ruiz and Tom Ruiz"),
    # a study "in" a journal is its authors', not the journal's; a report "in" a month
    # names no maker (quotes.speakers.report_in)
    ("The show cost $449,000, according to a study in the Ithilen Courier of Minas "
     "Tirith.", "The show cost", "a study in the Ithilen Courier of Minas Tirith"),
    ("Gondor Motors will close two plants, according to a report in March.",
     "Gondor Motors will", "a report in March"),
])
def test_a_phrase_nothing_fits_stays_the_speaker(quotes, text: str, start: str,  # type: ignore[no-untyped-def]
                                                  kept: str) -> None:
    assert speaker(quotes(text), start) == kept


@pytest.mark.parametrize(("text", "start", "actor_id", "code"), [
    ("“We will keep talking,” China's commerce ministry said on Thursday.", "We will keep",
     "CHN", "CHNGOV"),
    ("Hong Kong police said they had arrested 40 people.", "they had", "HKG", "HKGCOP"),
    ("Russia's army said it had shot down two drones.", "it had", "RUS", "RUSMIL"),
    # a state speaking as itself keeps its own code; an unlinked phrase has none
    ("China said it would retaliate against the tariffs.", "it would", "CHN", "CHN"),
    ("The Chinese commerce ministry said the talks would go on.", "the talks", None, None),
])
def test_a_state_s_body_is_coded_as_the_state_s(quotes, text: str, start: str,  # type: ignore[no-untyped-def]
                                               actor_id: str | None, code: str | None) -> None:
    q = next(q for q in quotes(text) if q.text.startswith(start))
    assert q.speaker is not None
    assert (q.speaker.actor_id, q.speaker.code) == (actor_id, code)
    if code and len(code) > 3:  # the body: not the state's QID, its span is the body's name
        assert q.speaker.qid is None
        assert text[q.speaker.start : q.speaker.end] == q.speaker.name


def test_a_known_organisation_speaks_as_the_article_names_it(quotes) -> None:  # type: ignore[no-untyped-def]
    text = ("Two soldiers were killed in a helicopter crash, the US military said on "
            "Wednesday.\n\n“The cause of the crash is under investigation,” the US military "
            "said.")
    assert speaker(quotes(text), "The cause") == "US military"
    with switched_off("quotes.speakers.org_as_named"):
        assert speaker(quotes(text), "The cause") != "US military"


@pytest.mark.parametrize(("text", "with_rule", "without"), [
    # the full name NER missed, given before the surname the speaker is known by
    ("The He Jianxiong report was published on Monday. He Jianxiong, a former trade "
     "official, disagreed.\n\n“I would ask what the incentive is,” Jianxiong said.",
     "He Jianxiong", "Jianxiong"),
    # a title or a place word before it is no first name
    ("The Mayor Jianxiong report was published on Monday. It was long.\n\n“I would ask "
     "what the incentive is,” Jianxiong said.", "Jianxiong", "Jianxiong"),
])
def test_a_surname_speaker_keeps_the_full_name_the_article_gives(  # type: ignore[no-untyped-def]
        quotes, text: str, with_rule: str, without: str) -> None:
    assert speaker(quotes(text), "I would ask") == with_rule
    with switched_off("quotes.speakers.longer_name"):
        assert speaker(quotes(text), "I would ask") == without


@pytest.mark.parametrize(("text", "start", "with_rule", "without"), [
    # a person's full name NER took for an organisation's, then the surname alone
    ("The firm will cut jobs in areas that do not support its core goals, said The We "
     "Company’s recently named executive chair Marcelo Claure in an email to staff.\n"
     "Next steps will be divulged in an all-company meeting on Friday, Claure said in "
     "the email.", "Next steps", "Marcelo Claure", "Claure"),
])
def test_a_name_taken_for_an_organisation_s_is_a_person_s(  # type: ignore[no-untyped-def]
        quotes, text: str, start: str, with_rule: str, without: str) -> None:
    # the actor stage's actors.names.person_tagged_org already makes "executive chair
    # Marcelo Claure" a person; this rule is the fallback when no role word says so
    with switched_off("actors.names.person_tagged_org"):
        assert speaker(quotes(text), start) == with_rule
        with switched_off("quotes.speakers.name_taken_for_org"):
            assert speaker(quotes(text), start) == without
    with switched_off("quotes.speakers.name_taken_for_org"):
        assert speaker(quotes(text), start) == with_rule


@pytest.mark.parametrize(("kind", "actor_id", "name", "taken"), [
    ("org", "local:org:1", "Marcelo Claure", True),
    ("org", "local:org:2", "Claure", True),
    ("org", "local:org:3", "Borin Widgets Corp", False),  # three words: a firm's
    ("org", "local:org:4", "NASA", False),  # initials
    ("org", "Q37156", "Goldman Sachs", False),  # known to the gazetteer
    ("place", "local:place:5", "Kate York", False),  # (known_first_name's case)
])
def test_which_organisation_names_may_be_a_person_s(quotes, kind: str, actor_id: str,  # type: ignore[no-untyped-def]
                                                    name: str, taken: bool) -> None:
    from dataclasses import replace

    from dossier.analysis import analysers
    from dossier.quotes.mentions import name_taken_for_org

    m = analysers().read("Marcelo Claure spoke on Monday.").mentions[0]
    assert name_taken_for_org(replace(m, type=kind, actor_id=actor_id, actor_name=name)) is taken
    with switched_off("quotes.speakers.name_taken_for_org"):
        assert name_taken_for_org(replace(m, type=kind, actor_id=actor_id,
                                          actor_name=name)) is False


LAWYER = "Jeffrey Kaufman, a lawyer for the family, spoke to reporters on Tuesday.{more}\n\n" \
    "“We are confident the jury will see the truth,” the lawyer said."


@pytest.mark.parametrize(("text", "with_rule", "without"), [
    (LAWYER.format(more=" Prosecutors declined to comment."), "Jeffrey Kaufman", "the lawyer"),
    # a lawyer nobody named since, or two people described so: either could be meant
    (LAWYER.format(more=" Later a lawyer for the city spoke too."), "the lawyer",
     "the lawyer"),
    (LAWYER.format(more=" Anna Ruiz, a lawyer for the city, spoke too."), "the lawyer",
     "the lawyer"),
])
def test_the_noun_a_person_was_described_with_names_them(  # type: ignore[no-untyped-def]
        quotes, text: str, with_rule: str, without: str) -> None:
    assert speaker(quotes(text), "We are confident") == with_rule
    with switched_off("actors.coref.title_description"):  # (the actor stage names them)
        assert speaker(quotes(text), "We are confident") == without


@pytest.mark.parametrize(("text", "start", "kept"), [
    # two people share the surname: either could be meant
    ("Ilsa Van Der Berg and Jan Van Der Berg were voted off the show on Monday.\n\n“We "
     "lost the baby,” Van Der Berg said.", "We lost", "Van Der Berg"),
    # a place word before the name is no first name
    ("Officials in New Yorn spoke on Monday.\n\n“It is over now,” Yorn said.", "It is over",
     "Yorn"),
    # a capital inside a name is no glue
    ("Rhona MacArthur spoke on Monday.\n\n“It is over now,” she said.", "It is over",
     "Rhona MacArthur"),
    ("WikiLeaks published the emails on Monday.\n\n“We stand by them,” WikiLeaks said.",
     "We stand", "WikiLeaks"),
    # a report of an unknown possessor: whose it is is unsure
    ("Talks went on.\n\nThe Borin Wire’s report said: “The studio is in talks.”",
     "The studio", "The Borin Wire’s report"),
    # no proper name before the comma: the phrase stays
    ("Police fired tear gas on Monday.\n\nThe commander, who asked not to be named, said: "
     "“These rioters are criminals.”", "These rioters",
     "The commander, who asked not to be named,"),
])
def test_no_full_name_when_unsure(quotes, text: str, start: str,  # type: ignore[no-untyped-def]
                                  kept: str) -> None:
    assert speaker(quotes(text), start) == kept


@pytest.mark.parametrize(("text", "start", "named"), [
    ("Kristi NoemKristi Noem\nSouth Dakota launched an ad campaign on Monday. The tagline "
     "drew ridicule, but Noem cited the backlash as proof that it works. “Meth is a serious "
     "problem,” Noem tweeted.", "Meth", "Kristi Noem"),
    ("Maria Ocasio-LopezMaria Ocasio-LopezSanders wrote a letter on Tuesday.\nShe added: "
     "“We must teach the defendant love.”", "We must", "Maria Ocasio-Lopez"),
])
def test_a_glued_name_speaks_as_the_person_before_the_glue(quotes, text: str, start: str,  # type: ignore[no-untyped-def]
                                                            named: str) -> None:
    # the actor stage cuts the glue (actors.names.glued_name); off, the speaker is not her
    assert speaker(quotes(text), start) == named
    with switched_off("actors.names.glued_name"):
        assert speaker(quotes(text), start) != named


LONG = "“We will go ahead when it is safe and not a day before that, whatever it costs,”"


@pytest.mark.parametrize(("text", "name"), [
    # (issue 18) an agency the article names by its initials speaks under them
    (f"NASA delayed the launch on Monday.\n\n{LONG} NASA said.", "NASA"),
    (f"NASA delayed the launch on Monday.\n\n{LONG} the agency said.", "NASA"),
    (f"The Toronto Police Service arrested two men on Monday.\n\n{LONG} police said.",
     "Toronto Police Service"),
    # negatives: two agencies in one sentence, none of that kind, no police force named
    (f"NASA delayed the launch and the FBI opened an inquiry.\n\n{LONG} the agency said.",
     "the agency"),
    (f"Congress passed the bill on Monday.\n\n{LONG} the agency said.", "the agency"),
    (f"The White House spoke on Monday.\n\n{LONG} police said.", "police"),
    # "police" alone wants a force linked with trust, not a heading NER took for one
    (f"Ithilen Shooting Suspect Named By Police\n\n{LONG} police said.", "police"),
])
def test_an_agency_speaks(quotes, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert speaker(quotes(text), "We will go") == name
