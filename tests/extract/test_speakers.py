"""Who is quoted, named right: the speaker rules of issue 17 on sentences written for them."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus.analysis.speakers import resolve_speakers
from corpus.extract.attribution import extract_attributions
from corpus.extract.entities import entity_mentions, normalise_surface, surname_index
from corpus.nlp.pipeline import get_pipeline


def _attributions(text: str):
    return extract_attributions(get_pipeline()(text))


def _sources(text: str, cue: str) -> list[str]:
    """The canonical source of every attribution whose cue is ``cue``, in text order."""
    return [a.source_canonical for a in _attributions(text) if a.cue_text == cue]


def _one(text: str, cue: str):
    found = [a for a in _attributions(text) if a.cue_text == cue]
    assert len(found) == 1, [(a.source, a.cue_text) for a in _attributions(text)]
    return found[0]


def test_a_bare_surname_goes_to_the_person_the_story_means_not_a_family_member():
    assert surname_index(["Melania Trump", "Trump", "Trump"])["trump"] == "Donald Trump"
    assert surname_index(["Melania Trump", "Trump"])["trump"] == "Donald Trump"  # a tie goes to the story's Trump
    assert surname_index(["Melania Trump", "Melania Trump", "Trump"])["trump"] == "Melania Trump"
    assert surname_index(["Mohammad Javad Zarif", "Javad Zarif", "Zarif"])["zarif"] == "Mohammad Javad Zarif"
    found = _one("Melania Trump visited the hospital on Monday. Trump said Iran would pay a heavy price.", "said")
    assert found.source_canonical == "Donald Trump"


@pytest.mark.parametrize("surface, canonical", [
    ("Trump Trump", "Trump"),
    ("President Trump Donald John Trump", "Donald John Trump"),
    ("”trump", "trump"),
    ("Elizabeth Ann WarrenBiden", ""),
    ("Mitch McConnell", "Mitch McConnell"),
    ("Ron DeSantis", "Ron DeSantis"),
    ("SO1 Dalton Tolbert", "Dalton Tolbert"),  # a Navy rating code
    ("another John Bolton", "John Bolton"),  # "yet another John Bolton war": NER took the determiner in
    ("Sens. Ron Johnson", "Ron Johnson"),  # the plural title before the first of several senators
    ("Lt. Jacob Portier", "Jacob Portier"),
    ("Duke’s Dr. Feaver", "Feaver"),  # the university's Dr. Feaver
    ("’s Donald Trump", "Donald Trump"),  # "it’s Donald Trump playing politics": the clitic is no part
    ("Saudi King Salman", "King Salman"),
    ("Brig-Gen Hossein Rahimi", "Hossein Rahimi"),  # BBC style  # a royal keeps the title: "Salman" alone is another man's surname
    ("King Abdullah II", "King Abdullah II"),
    ("Crown Prince Mohammed bin Salman", "Mohammed bin Salman"),
    ("Iran's Revolutionary Guard", "Iran's Revolutionary Guard"),
])
def test_scraper_noise_in_names_is_repaired_or_refused(surface, canonical):
    assert normalise_surface(surface) == canonical


def test_first_and_second_person_outside_a_quotation_are_not_sources():
    assert [a for a in _attributions("I said the deal was dead, and you said the talks would go on.")
            if a.source.lower() in ("i", "you")] == []


def test_the_president_is_the_person_the_article_named_in_that_office():
    found = _one("President Donald Trump arrived in Iraq on Thursday. Later the president said the troops would stay.",
                 "said")
    assert (found.source_canonical, found.source_type, found.affiliation) == ("Donald Trump", "named_person", "US")


def test_the_iranian_minister_is_not_the_american_one():
    text = ("Secretary of State Mike Pompeo met reporters in Washington. Iranian Foreign Minister Mohammad Javad Zarif "
            "spoke in Tehran. The Iranian foreign minister said the strike was an act of war.")
    found = _one(text, "said")
    assert found.source_canonical == "Mohammad Javad Zarif" and found.affiliation == "Iran"


@pytest.mark.parametrize("text, cue, holder", [
    # a title belongs to the name in its own phrase: a relative clause's subject does not hold it
    ("Boris Johnson, the newly installed British prime minister in whom Trump sees a natural ally, spoke first. "
     "\"You're on message there,\" the enthusiastic prime minister replied.", "replied", "Boris Johnson"),
    # the prime minister is not the foreign minister the article named last
    ("Boris Johnson, the British prime minister, met Iran's foreign minister, Mohammad Javad Zarif, on Sunday. "
     "\"You're on message there,\" the enthusiastic prime minister replied.", "replied", "Boris Johnson"),
    ("Boris Johnson, the British prime minister, met Iran's foreign minister, Mohammad Javad Zarif, on Sunday. "
     "The premier said the talks had gone well.", "said", "Boris Johnson"),
    # nor the defense secretary the secretary of state
    ("Secretary of State Mike Pompeo spoke in Washington on Monday. \"We are ready,\" the defense secretary said.",
     "said", None),
    # controls: the holder whose portfolio the phrase names, among two
    ("Secretary of State Mike Pompeo and Defense Secretary Mark Esper met on Monday. \"We are ready,\" the "
     "defense secretary said.", "said", "Mark Esper"),
    ("Defense Secretary Mark Esper and Secretary of State Mike Pompeo flew to Baghdad. \"This is a good day,\" the "
     "secretary of state told reporters.", "told", "Mike Pompeo"),
    ("Iran's Supreme Leader Ayatollah Ali Khamenei spoke on Friday. The Iranian leader said the country would "
     "respond.", "said", "Ali Khamenei"),
])
def test_an_office_goes_to_a_holder_of_that_portfolio_titled_in_their_own_phrase(text, cue, holder):
    found = _one(text, cue)
    if holder is None:
        assert found.source_type != "named_person", found
    else:
        assert found.source_canonical == holder


def test_a_statement_speaks_for_whoever_issued_it():
    found = _one("The Pentagon released a statement on Friday night. The statement said two bases had been hit.", "said")
    assert found.source_canonical == "Pentagon" and found.source_type == "organization"


def test_a_demonstrative_document_takes_up_the_chain_to_the_mention_that_names_its_author():
    # "those tweets" is definite as "the tweets" is, and an authorless definite mention between them passes the
    # chain on to the one that names the author
    text = ("Twitter flagged two of Trump's tweets on Tuesday. The earlier tweets that Twitter flagged were not "
            "hidden. Those tweets called mail-in ballots fraudulent.")
    assert _sources(text, "called") == ["Donald Trump"]


def test_it_after_a_document_speaks_for_whoever_the_document_does():
    text = ("Prosecutors charged Huawei on Monday. The indictment also said Skycom employed an American in Iran. "
            "And it said that the company destroyed evidence.")
    assert _sources(text, "said") == ["prosecutor [unknown]", "prosecutor [unknown]"]
    # a document whose issuer is not known, or one mentioned paragraphs before, is no antecedent
    far = ("A whistleblower complaint revealed concerns about a phone call. Clapper said he was disturbed. He "
           "called the president. Clapper recalls the day. I asked Clapper about it because it shows how bad it was.")
    assert _sources(far, "shows") == ["it"]


@pytest.mark.parametrize("text, cue, source", [
    ("Democrats would need to flip four Republican senators. So far, three have said they will support the "
     "resolution.", "said", "senator [US]"),
    ('British officials often say that some European allies get too close to Beijing. "We need to find a '
     'route," two told me.', "told", "official [other]"),
    ("Both senators attended the briefing. Both said they would vote for the bill.", "said", "senator [US]"),
])
def test_a_bare_number_is_the_people_it_counts(text, cue, source):
    """Noun-phrase ellipsis: "three" is three of the senators just counted, not a source named "three"."""
    assert _sources(text, cue) == [source]


@pytest.mark.parametrize("text, source", [
    ("Those who knew him then said he showed an aptitude for public service.", "person [unknown]"),
    ("Some of those who attended said the speech was long.", "person [unknown]"),
    ("A majority of those polled said the strike made the country less safe.", "respondent [unknown]"),
    ("Half of those surveyed said they oppose the war.", "respondent [unknown]"),
])
def test_those_is_people_never_a_pronoun_kept_as_the_source(text, source):
    """The protocol writes people the article neither names nor classes as ``person``, a poll's as respondents."""
    assert _sources(text, "said") == [source]


@pytest.mark.parametrize("text, cue, source", [
    ("John Smith is a retired general who said the strike was legal.", "said", "John Smith"),
    ("The Quincy Institute is a think tank that argues for restraint.", "argues", "Quincy Institute"),
])
def test_a_relative_clause_on_a_predicate_noun_is_said_of_the_subject(text, cue, source):
    """ "Bolton is a fierce Iran hawk who advocated ...": the hawk who advocated is Bolton."""
    assert _sources(text, cue) == [source]


@pytest.mark.parametrize("text, cue, affiliation", [
    ("Iran hawks and doves alike believe that the policy will shift.", "believe", "unknown"),
    ("Some Iran experts said the strike was a mistake.", "said", "unknown"),
    ("Iranian experts said the strike was a mistake.", "said", "Iran"),
    ("Iraqi analysts said the vote was close.", "said", "Iraq"),
    ("US experts said the vote was close.", "said", "US"),  # an initialism is the nationality word
])
def test_a_country_noun_before_a_role_held_toward_it_is_no_side(text, cue, affiliation):
    """A noun modifier names what an expert or a hawk is about; a nationality adjective names the side."""
    assert _one(text, cue).affiliation == affiliation


def test_detractors_are_people_a_pronoun_takes_up():
    text = ("Trump's push to restrict immigration is clashing with policy goals in ways that detractors and even "
            "some supporters say could hurt his reelection bid. It's happened, they note, on everything from trade "
            "to Iran.")
    assert [(a.source_canonical, a.source_type) for a in _attributions(text) if a.cue_text in ("say", "note")] == [
        ("detractor [unknown]", "anonymous"), ("detractor [unknown]", "anonymous")]


def test_a_first_name_before_a_word_ner_missed_makes_a_person_and_names_the_bare_surname():
    text = ("“It is a sad day,” Assistant Attorney General for National Security John Demers said Wednesday. "
            "“This case underscores the dangers to our intelligence professionals,” Demers said.")
    assert _sources(text, "said") == ["John Demers", "John Demers"]


def test_a_first_name_is_no_new_person_beside_a_surname_ner_knows():
    # "Eddie Gallagher" inside a quotation is the Edward Gallagher the article names, not a second person
    text = ("Chief Edward Gallagher was acquitted. Dalton Tolbert testified. 'I saw Eddie Gallagher shoot at "
            "someone,' he said in one message.")
    assert _sources(text, "said") == ["Dalton Tolbert"]


def test_an_emphatic_reflexive_is_not_the_source():
    found = _sources("What I will say is that the ads themselves cannily talk about the economy.", "talk")
    assert found and found[0] not in ("themselves", "them"), found


@pytest.mark.parametrize("text, outlet", [
    ("An Associated Press journalist said at least two buildings were hit.", "Associated Press"),
    ("A New York Times reporter asked him about the strike.", "New York Times"),
    ("A CNN correspondent said the buildings were hit.", "CNN"),
])
def test_an_unnamed_journalist_of_a_named_outlet_is_the_outlet(text, outlet):
    found = [a for a in _attributions(text)][0]
    assert (found.source_canonical, found.source_type) == (outlet, "media")


def test_a_number_counting_things_is_not_the_people_named_before_it():
    found = _sources("A group of analysts looked at 33 news outlets; 32 quoted at least one fake account.", "quoted")
    assert len(found) <= 1 and "analyst [unknown]" not in found, found


@pytest.mark.parametrize("text, cue, factuality", [
    ("Pompeo did not say whether the troops would leave Iraq.", "say", "negated"),
    ("The spokesman declined to say how many troops were hurt.", "say", "negated"),
    ("Neither Makin-Acciani nor Pinkos responded to messages requesting comment.", "responded", "negated"),
    ("Neither official would say when the troops would leave.", "say", "negated"),
    ("The operation, which the administration neglected to tell us about, targeted a commander.", "tell", "negated"),
    ("The West scrambled to figure out how to respond to Tehran's latest provocation.", "respond", "hypothetical"),
    ("It’s also probably worth noting that his debate has been followed by endorsements.", "noting", "hypothetical"),
    ("Such a strike could allow Trump to claim that Iran started the war.", "claim", "hypothetical"),
    ("Did the Pentagon warn Congress that Iran would strike?", "warn", "asked"),
    ("Pompeo asked the Iraqi government to protect the embassy.", "asked", "asserted"),
    ("Iran asked that the sanctions be lifted before any talks.", "asked", "asserted"),  # a request reports
    # an indirect question puts a question and reports no statement or claim
    ("The diplomat declined to respond when Kelly asked whether he owed an apology to the ambassador.", "asked",
     "asked"),
    ("McConnell asked Schumer if he would agree to stack the votes on amendments.", "asked", "asked"),
    ("On Monday, Alcindor asked Trump why the U.S. trailed South Korea in testing.", "asked", "asked"),
    ("Host Laura Ingraham asked Yoo about a detail from a New York Times report.", "asked", "asked"),
    ("The Pentagon said two bases had been hit.", "said", "asserted"),
    # a "not" inside the quotation is the speaker's answer, though the parser hangs it on the cue
    ("“Absolutely not,” Biden said when asked about deportations.", "said", "asserted"),
    # beside a future or a perception, a report already made
    ("I heard the president say we walked out.", "say", "asserted"),
    ("He went on to say that the strike was lawful.", "say", "asserted"),
    ("Trump says Iran will pay next week.", "says", "asserted"),
    ("By next year the institute hopes to have a budget of three million dollars.", "hopes", "asserted"),
])
def test_negated_hypothetical_and_asked_cues_are_flagged(text, cue, factuality):
    assert _one(text, cue).factuality == factuality


@pytest.mark.parametrize("text, cue", [
    ("Asked about the amendment, Thune said he trusted the generals.", "Asked"),
    ("Asked about Zarif's presence in Biarritz on Sunday, Trump offered only a curt \"no comment.\"", "Asked"),
    ("When asked on Monday if he was worried, Trump replied that he was not.", "asked"),
    ("The senator was asked whether the troops would stay.", "asked"),
])
def test_a_question_put_to_a_source_is_not_the_source_speaking(text, cue):
    assert [a for a in _attributions(text) if a.cue_text == cue and a.factuality == "asserted"] == []


def test_speech_marked_by_a_colon():
    found = _one("Mohammad Javad Zarif: We do not seek escalation or war, but we will defend ourselves.", ":")
    assert found.source_canonical == "Mohammad Javad Zarif" and found.cue_kind == "speech"
    assert found.content.startswith("We do not seek escalation")
    assert [a for a in _attributions("Related: Iran fires missiles at two bases housing US troops.")
            if a.cue_text == ":"] == []


@pytest.mark.parametrize("text, speaker", [
    ("ZARIF: We do not seek escalation or war with anyone in the region.", "ZARIF"),
    ("Iran warns of a long war in Iraq - Mohammad Javad Zarif: “We will defend ourselves.”", "Mohammad Javad Zarif"),
])
def test_a_transcript_label_or_a_name_after_a_headline_dash_marks_speech(text, speaker):
    assert _one(text, ":").source == speaker


@pytest.mark.parametrize("text, source", [
    ("Poll: Most Iraqis want the American troops to leave this year.", "Poll"),
    ("Officials: The strike on the base killed two contractors.", "Officials"),
])
def test_a_headline_source_word_before_a_colon(text, source):
    assert _one(text, ":").source == source


def test_a_colon_that_ends_its_sentence_takes_the_next_one_as_content():
    found = _one("TAPPER:\n\nWill the troops stay in Iraq after the vote in parliament?", ":")
    assert found.source == "TAPPER" and found.content.startswith("Will the troops stay")


def test_a_headline_surname_the_article_names_elsewhere_is_the_speaker():
    text = ("Esper: Troops will stay in Iraq for now.\n\n"
            "Defense Secretary Mark Esper told reporters on Monday that no decision had been made.")
    found = _one(text, ":")
    assert found.source_canonical == "Mark Esper" and found.content.startswith("Troops will stay")


@pytest.mark.parametrize("text, speaker, content", [
    ("“The strike was a grave mistake.” ― Maria Lopez\n“Nobody wanted this war.” ― David Chen",
     "Maria Lopez", "“The strike was a grave mistake.”"),
    ("The base was hit by eleven rockets overnight, the first attack in weeks.\n"
     "— Jane Arraf (@janearraf) January 13, 2020", "Jane Arraf",
     "The base was hit by eleven rockets overnight, the first attack in weeks."),
])
def test_a_quotation_or_post_credited_after_a_dash(text, speaker, content):
    found = [a for a in _attributions(text) if a.cue_text.endswith(("―", "—"))]
    assert found and found[0].source == speaker and found[0].content == content


def test_a_dash_inside_a_sentence_is_not_a_credit():
    text = "The troops — about 5,200 of them — stayed in Iraq, Mark Esper said on Monday."
    assert [a for a in _attributions(text) if a.cue_text in ("—", "―")] == []


@pytest.mark.parametrize("text, holder", [
    ("To Sadr, the strike was an act of war against all Iraqis.", "Sadr"),
    ("To many Iraqis, the American presence is an occupation.", "many Iraqis"),
])
def test_a_view_opened_by_to_and_its_holder(text, holder):
    found = _one(text, "To")
    assert found.source == holder and found.cue_kind == "belief"


@pytest.mark.parametrize("text", [
    "To date, the troops have stayed in their bases.",
    "To that end, the Pentagon sent more ships to the Gulf.",
])
def test_to_before_a_time_or_a_purpose_is_no_view(text):
    assert _sources(text, "To") == []


def test_the_one_who_asks_is_the_source_of_the_question():
    text = "Asked by reporters about the strike, Esper said the base had been warned."
    asked = _one(text, "Asked")
    assert asked.source == "reporters" and asked.factuality == "asked"
    assert _one(text, "said").source_canonical.endswith("Esper")
    assert [a for a in _attributions("Asked about the strike, Esper said the base had been warned.")
            if a.cue_text == "Asked"] == []


def test_the_terms_of_anonymity_are_not_an_attribution():
    text = "An Iraqi official, who declined to be identified, said the militia fired the rockets."
    assert [a.cue_text for a in _attributions(text)] == ["said"]


@pytest.mark.parametrize("text, canonical", [
    ("In the poll, 57 percent of Republican voters said the strike was justified.", "voter [US]"),
    ("Some 40% of Iraqi respondents said the troops should leave.", "respondent [Iraq]"),
])
def test_a_share_of_people_speaks_as_those_people(text, canonical):
    assert _one(text, "said").source_canonical == canonical


def test_a_day_is_never_the_speaker():
    text = ("Iran's foreign ministry spokesman Abbas Mousavi said the talks would go on. "
            "Sunday's announcement that Iran would enrich uranium beyond the limit alarmed Europe.")
    assert all(a.source_canonical != "Sunday" for a in _attributions(text))


def test_the_leader_of_a_country_is_the_head_of_state_the_article_named():
    text = ("Ukrainian President Volodymyr Zelenskyy demanded an apology from Iran. "
            "The Ukrainian leader said he would call Hassan Rouhani later in the day.")
    assert _one(text, "said").source_canonical == "Volodymyr Zelenskyy"


def test_a_persons_allies_are_on_the_persons_side():
    found = _one("Joe Biden toured Iowa on Monday. Biden's allies say the crisis reminds voters of his experience.", "say")
    assert (found.source_canonical, found.source_type, found.affiliation) == ("ally [US]", "anonymous", "US")


@pytest.mark.parametrize("text, cue", [
    ("It all adds fodder for his many critics in Congress.", "adds"),
    ("It is easy to look at all of this and insist that it is business as usual.", "insist"),
])
def test_an_act_or_a_way_of_putting_it_is_not_a_report(text, cue):
    assert _sources(text, cue) == []


@pytest.mark.parametrize("text, cue", [
    ("The two leaders said they would discuss Iran, trade and taxes.", "discuss"),
    ("Pompeo will tell the committee that the strike was lawful.", "tell"),
    ("Pompeo is going to tell the committee that the strike was lawful.", "tell"),
    ("You're going to hear the president say we walked out.", "say"),
    ("You will see Trump say that he won.", "say"),
    ("Voters will be listening to what the candidates say about Iran in next week's debate.", "say"),
    ("Pompeo tells Congress tomorrow that the strike was lawful.", "tells"),
])
def test_a_report_not_made_yet_is_hypothetical(text, cue):
    assert _one(text, cue).factuality == "hypothetical"


def test_added_with_its_words_is_still_a_report():
    assert _one("“We will respond to any attack,” Esper added.", "added").factuality == "asserted"


def test_a_speaker_named_before_an_aside_when_the_parse_lost_the_subject():
    text = ("Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that he spoke with "
            "Mr. Sanders on Tuesday.")
    found = _one(text, "said")
    assert found.source_canonical == "Harry Reid" and found.source.endswith("the minority leader")


@pytest.mark.parametrize("text", [
    "Hook has emailed or called ship captains roughly a dozen times.",
    "Trump called Zarif on Monday.",
    # NER took Trump for an organisation, the parser the object for a predicate: still the one called
    "Saudi King Salman called Trump soon after the news broke Friday.",
])
def test_calling_someone_is_contact_not_speech(text):
    assert _sources(text, "called") == []


def test_calling_someone_something_is_speech():
    assert _one("Pompeo called Zarif a liar on Twitter.", "called").source_canonical.endswith("Pompeo")


@pytest.mark.parametrize("text, canonical, source_type, affiliation", [
    ("The Justice Department said Assange was arrested under an extradition treaty.", "Justice Department",
     "organization", "US"),
    ("Iraqi forces, who fought the extremists for three years, declared victory in December.", "Iraqi forces",
     "organization", "Iraq"),
    ("Some longtime Middle East watchers said the strike was a turning point.", "watcher [unknown]", "anonymous",
     "unknown"),
])
def test_bodies_and_people_named_as_readers_name_them(text, canonical, source_type, affiliation):
    found = [a for a in _attributions(text)][0]
    assert (found.source_canonical, found.source_type, found.affiliation) == (canonical, source_type, affiliation)


def test_a_story_speaks_for_the_outlet_that_published_it():
    found = _one("According to a 2013 New Republic story, the church never collected the debt.", "According to")
    assert found.source_canonical == "The New Republic"


@pytest.mark.parametrize("text, kind", [
    ("The sheer volume of the criticism suggests that the deal is in trouble.", "evidence"),
    ("Satellite images indicate that Iran moved missiles to the coast.", "evidence"),
    ("The report suggests that the militia fired the rockets.", "speech"),
    ("Esper suggested that the troops would stay.", "speech"),
])
def test_a_thing_that_suggests_is_evidence_not_speech(text, kind):
    assert [a.cue_kind for a in _attributions(text)] == [kind]


def test_saying_nothing_is_negated():
    assert _one("Gallagher said nothing when the verdict was read.", "said").factuality == "negated"


def test_a_relative_pronoun_subject_is_part_of_the_source_phrase():
    found = _one("The plan was backed by Senator Lindsey Graham, who said the troops must stay.", "said")
    assert found.source == "Senator Lindsey Graham, who" and found.source_canonical == "Lindsey Graham"


@pytest.mark.parametrize("text, second_content", [
    ("Esper said the decision was made by General Milley and said, “We are not leaving Iraq.”",
     "“We are not leaving Iraq.”"),
    ("Esper said the base “went into lockdown” and said the rescue was always a priority.",
     "the rescue was always a priority"),
    ("Esper said the troops “will stay in Iraq,” adding that no decision had been made.",
     "that no decision had been made"),
])
def test_a_second_report_hung_inside_the_first_is_the_same_speakers_own(text, second_content):
    found = _attributions(text)
    assert [a.source for a in found] == ["Esper", "Esper"]
    assert found[1].content == second_content
    assert second_content not in found[0].content


def test_two_reports_coordinated_in_one_sentence_each_have_their_content():
    text = "Six in 10 Iraqis said the strike was unlawful, and three-quarters said the troops should leave."
    found = _attributions(text)
    assert [(a.source, a.content) for a in found] == [
        ("Six in 10 Iraqis", "the strike was unlawful"), ("three-quarters", "the troops should leave")]


def test_a_report_in_a_question_quoted_is_no_question_of_the_reporters():
    found = _one("Esper said, “Who would trust Iran on security?”", "said")
    assert found.factuality == "asserted"
    assert _one("Did Esper say that the troops would stay?", "say").factuality == "asked"


@pytest.mark.parametrize("text, source", [
    ("Any reading of the strike, said Michael Kofman, an analyst at the Wilson Center, would see it as a warning.",
     "Michael Kofman, an analyst at the Wilson Center"),
    ("The real issue, said a senior Iraqi official, is whether Iran will respond.", "a senior Iraqi official"),
])
def test_a_speaker_named_in_an_aside_after_the_verb(text, source):
    found = _one(text, "said")
    assert found.source == source


def test_an_object_or_a_speaker_before_the_verb_is_no_aside():
    assert _attributions("His new group, called the Iraq Veterans Fund, will still own the building.") == []
    found = _one("Pompeo, who visited Baghdad in May, told reporters the troops would stay.", "told")
    assert found.source == "Pompeo, who visited Baghdad in May"


@pytest.mark.parametrize("text, source", [
    ("About 4 in 10 say the troops should come home.", "About 4 in 10"),
    ("Majorities of Iraqis in five provinces going to the polls Tuesday say the troops should leave.",
     "Majorities of Iraqis in five provinces going to the polls Tuesday"),
])
def test_a_share_or_a_group_the_parse_left_without_its_verb_is_the_speaker(text, source):
    found = _one(text, "say")
    assert found.source == source


def test_more_likely_to_say_reports_what_the_group_said():
    found = _one("Iraqi voters were more likely to say the troops should leave.", "say")
    assert found.source == "Iraqi voters"


def test_terms_of_anonymity_are_not_a_report():
    text = "“He is a survivor,” said a State Department official who requested anonymity to speak freely."
    assert [a.cue_text for a in _attributions(text)] == ["said"]


@pytest.mark.parametrize("text, cue", [
    ("A judge denied those efforts, but his sentence was reduced to 15 years.", "denied"),
    ("The five European members who called the meeting urged Ankara to stop.", "called"),
])
def test_a_decision_or_a_body_convened_is_a_stance_not_speech(text, cue):
    assert _one(text, cue).cue_kind == "stance"
    assert _one("Clinton called her vote for the war a mistake.", "called").cue_kind == "speech"


@pytest.mark.parametrize("text, cue, canonical, source_type", [
    ("His admirers have hailed Assange as a hero for exposing abuses.", "hailed", "admirer [unknown]", "anonymous"),
    ("Sadr's followers said the vote was a victory.", "said", "follower [Iraq]", "anonymous"),
    ("His remarks said nothing new about the troops.", "said", "remark [unknown]", "other"),
])
def test_a_persons_people_speak_as_unnamed_people(text, cue, canonical, source_type):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type) == (canonical, source_type)


def test_a_report_under_without_is_negated():
    text = "Trump said he would punish Turkey if it went too far, without saying where he would draw the line."
    assert _one(text, "saying").factuality == "negated"
    assert _one(text, "said").factuality == "asserted"


def test_a_capitalised_surname_tagged_as_a_noun_is_the_person_named_before():
    text = ("John Edmunds, a professor at the London School, sat on the committee.\n\n"
            "Edmunds recalled that the outbreak was obvious by mid January.")
    assert _one(text, "recalled").source_canonical == "John Edmunds"


@pytest.mark.parametrize("text, affiliation, evidence", [
    ("A senior administration official said the strike was lawful.", "US", "source phrase"),
    ("British Foreign Secretary Dominic Raab said Britain would not join the strike.", "other", "entity table"),
    ("Saudi officials said the kingdom wanted calm.", "other", "source phrase"),
    ("Rep. Mac Thornberry (R-Tx.) said the strike was justified.", "US", "entity table"),
])
def test_affiliation_comes_with_its_evidence(text, affiliation, evidence):
    found = _one(text, "said")
    assert (found.affiliation, found.affiliation_evidence) == (affiliation, evidence)


def test_corpus_level_resolution_of_surnames_and_affiliations():
    table = pd.DataFrame({
        "outlet": ["A", "A", "B", "B", "C"],
        "source_canonical": ["Mike Pompeo", "Pompeo", "Esper", "Mark Esper", "Ravanchi"],
        "source_type": ["named_person"] * 5,
        "affiliation": ["US", "unknown", "unknown", "US", "unknown"],
        "affiliation_evidence": ["entity table", "none", "none", "source phrase", "none"],
    })
    resolved = resolve_speakers(table)
    assert resolved["source_canonical"].tolist() == ["Mike Pompeo", "Mike Pompeo", "Mark Esper", "Mark Esper",
                                                     "Ravanchi"]
    assert resolved["affiliation"].tolist() == ["US", "US", "US", "US", "unknown"]
    assert resolved["affiliation_evidence"].tolist()[1:3] == ["corpus", "corpus"]
    assert table["source_canonical"].tolist()[1] == "Pompeo"  # the input is not changed


def test_he_does_not_resolve_to_a_woman_named_just_before():
    text = ("Edward Gallagher was acquitted in July. His wife, Andrea Gallagher, spoke to reporters. "
            "“I was there when it happened,” he said.")
    found = _one(text, "said")
    assert found.source_canonical != "Andrea Gallagher" and found.antecedent != "Andrea Gallagher"


def test_what_a_source_knows_about_is_not_whom_it_speaks_for():
    found = _one("Suzanne Maloney, an expert on Iran at the Brookings Institution, said the strike was a gamble.",
                 "said")
    assert found.affiliation != "Iran"


@pytest.mark.parametrize("text, cue", [
    ("It was never set in stone that the European Union could forever abolish national borders and invent something "
     "permanent called Europeanism.", "called"),
    ("The Benghazi fiasco, the collapse of Iraq, and the rise of ISIS during Obama’s first term all made 2012 a far "
     "closer race than expected.", "expected"),
    ("French senator Nathalie Goulet high-fived Lin Nguyen’s broadside about Facebook and Tawakkol Karman (when "
     "informed of The Daily Beast’s reporting, the lawmaker replied: “Easy to tell after but thanks I will be "
     "careful.”", "informed"),
])
def test_a_passive_participle_does_not_make_its_shared_subject_the_speaker(text, cue):
    assert [a for a in _attributions(text) if a.cue_text == cue] == []


@pytest.mark.parametrize("text, cue, expected", [
    ("The U.S. central bank has traditionally described moves in the oil markets as temporary.", "described",
     ("Federal Reserve", "organization")),
    ("Senate Minority Leader Chuck Schumer, D-N.Y., said the briefing was not adequate.", "said",
     ("Charles Schumer", "named_person")),
    # one body under its usual names, with or without the country before it
    ("The U.S. Justice Department said the charges would stand.", "said", ("Justice Department", "organization")),
    ("The Department of Justice said the charges would stand.", "said", ("Justice Department", "organization")),
    ("CENTCOM said two rockets hit the base.", "said", ("US Central Command", "organization")),
    ("U.S. Central Command said two rockets hit the base.", "said", ("US Central Command", "organization")),
])
def test_bodies_and_people_are_named_as_the_alias_table_names_them(text, cue, expected):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type) == expected


@pytest.mark.parametrize("text, cue, expected", [
    ("In December 2012 the Federal Election Commission clarified its findings. Only weeks later, the Commission "
     "announced that it was leveling one of the largest fines in its history.", "announced",
     ("Federal Election Commission", "organization")),
    ("On Monday, the Iraqi government issued a blistering statement condemning the strikes. The government added it "
     "would review the relationship with the coalition.", "added", ("Iraqi government", "organization")),
])
def test_a_bodys_bare_head_is_the_body_last_named_with_it(text, cue, expected):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type) == expected
    if expected[0] == "Iraqi government":
        assert found.affiliation == "Iraq"


@pytest.mark.parametrize("text, cue, canonical", [
    ("Pompeo spoke at a think tank. Such talk was reminiscent of The Wall Street Journal calling Assange an "
     "\"enemy of the U.S.\" who should face the death penalty.", "calling", "Wall Street Journal"),
    ("Trump followed up with a string of retweets of congressional allies calling the entire impeachment inquiry "
     "illegitimate.", "calling", "ally [US]"),
])
def test_a_gerund_after_of_speaks_for_its_own_subject(text, cue, canonical):
    assert _one(text, cue).source_canonical == canonical


def test_a_gerund_after_a_group_or_a_time_is_not_the_groups_or_the_times():
    text = "Republican leaders spent much of Monday downplaying Bolton's claim."
    assert _one(text, "downplaying").source_canonical == "leader [US]"


def test_a_relative_clause_hung_on_a_verb_speaks_for_the_noun_it_introduces():
    text = ("Builders are not building those houses. And there’s a federal law in place now that says for every new "
            "unit of public housing brought online, one must be torn down.")
    assert _one(text, "says").source_canonical == "law [unknown]"


def test_a_name_in_capitals_is_written_as_names_are():
    text = ("Secretary of State Mike Pompeo spoke to CNN.\n\nBERMAN: Was there any imminent threat to the U.S. "
            "homeland?\n\nPOMPEO: These were threats that were located in the region.")
    assert [a.source_canonical for a in _attributions(text) if a.cue_text == ":"] == ["Berman", "Mike Pompeo"]
    from corpus.extract.entities import entity_mentions

    text = ("[AUDIO PLAYBACK]\n\nARCHIVED RECORDING (PRESIDENT GEORGE W. BUSH): And tonight, I have the high "
            "privilege.\n\n[END PLAYBACK]")
    assert "George W. Bush" in {m.entity for m in entity_mentions(get_pipeline()(text))}


def test_the_last_part_of_a_hyphenated_surname_is_that_person():
    assert surname_index(["Majid Takht-Ravanchi", "Ravanchi"])["ravanchi"] == "Majid Takht-Ravanchi"
    text = ("The Iranian ambassador to the UN, Majid Takht-Ravanchi, said no one could talk under threat. Ravanchi "
            "instead urged the UN secretary general to act.")
    assert _one(text, "urged").source_canonical == "Majid Takht-Ravanchi"


def test_two_link_texts_run_together_are_not_a_person():
    assert surname_index(["Trump Graham", "Trump Graham", "Lindsey Graham", "Graham"])["graham"] == "Lindsey Graham"


def test_a_caption_label_before_a_colon_is_not_a_speaker():
    text = "Photographs: Reuters and AP show the base after the strike, with craters near the runway."
    assert _sources(text, ":") == []


def test_a_name_is_made_whole_from_its_phrase():
    found = _one("James and Hunter Biden denied any wrongdoing on Monday.", "denied")
    assert found.source_canonical == "James Biden"
    text = ("Edward Gallagher was acquitted. Andrea Gallagher, his wife, thanked the jury. "
            "Gallagher, dressed in his Navy whites, told reporters he would retire.")
    assert _one(text, "told").source_canonical == "Edward Gallagher"


def test_a_first_name_alone_is_the_person_named_in_full():
    text = "James Biden ran a company in Iraq. James told investors the contracts were legal."
    assert _one(text, "told").source_canonical == "James Biden"


def test_a_first_name_the_article_introduces_is_a_new_person():
    text = ("Grand Ayatollah Ali al-Sistani called for calm. “He supports our desires,” says Ali, a young Iraqi in "
            "Najaf. Most Iraqis, says Ali, are waiting for his call.")
    found = _attributions(text)
    assert [a.source_canonical for a in found if a.cue == "say"] == ["Ali", "Ali"]


def test_the_corpus_names_a_person_by_the_fuller_name_it_cites_more_often():
    table = pd.DataFrame({
        "outlet": ["A"] * 7,
        "source_canonical": ["Recep Tayyip Erdogan", "Recep Tayyip Erdogan", "Tayyip Erdogan", "Bernie Sanders",
                             "Bernie Sanders", "Beat Bernie Sanders", "John Kennedy"],
        "source_type": ["named_person"] * 7,
        "affiliation": ["other", "other", "other", "US", "US", "US", "US"],
        "affiliation_evidence": ["entity table"] * 7,
    })
    table = pd.concat([table, pd.DataFrame({"outlet": ["B"] * 2, "source_canonical": ["John F. Kennedy"] * 2,
                                            "source_type": ["named_person"] * 2, "affiliation": ["US"] * 2,
                                            "affiliation_evidence": ["entity table"] * 2})], ignore_index=True)
    resolved = resolve_speakers(table)["source_canonical"].tolist()
    assert resolved[2] == "Recep Tayyip Erdogan"
    assert resolved[3:7] == ["Bernie Sanders", "Bernie Sanders", "Beat Bernie Sanders", "John Kennedy"]


def test_a_name_the_corpus_writes_in_another_letter_case_is_written_as_it_most_often_is():
    table = pd.DataFrame({
        "outlet": ["A"] * 6,
        "source_canonical": ["Trump administration", "Trump administration", "Trump Administration", "WHITE HOUSE",
                             "White House", "videos"],
        "source_type": ["organization"] * 5 + ["other"],
        "affiliation": ["US"] * 5 + ["unknown"],
        "affiliation_evidence": ["source phrase"] * 6,
    })
    other = pd.DataFrame({"outlet": ["A"], "source_canonical": ["Videos"], "source_type": ["other"],
                          "affiliation": ["unknown"], "affiliation_evidence": [""]})
    resolved = resolve_speakers(pd.concat([table, other], ignore_index=True))["source_canonical"].tolist()
    # a tie goes to a spelling not in capitals; what is no name ("videos", type other) is left as written
    assert resolved == ["Trump administration"] * 3 + ["White House", "White House", "videos", "Videos"]


def test_the_corpus_does_not_resolve_a_name_to_a_person_on_another_side():
    table = pd.DataFrame({
        "outlet": ["A", "A", "A"],
        "source_canonical": ["Yashar Ali", "Ali", "Ali"],
        "source_type": ["named_person"] * 3,
        "affiliation": ["US", "Iraq", "unknown"],
        "affiliation_evidence": ["entity table", "source phrase", "none"],
    })
    resolved = resolve_speakers(table)
    assert resolved["source_canonical"].tolist() == ["Yashar Ali", "Ali", "Yashar Ali"]
    # nor to a person it leaves unplaced: the article's side is evidence, the corpus's silence is none
    table.loc[0, ["affiliation", "affiliation_evidence"]] = ["unknown", "none"]
    assert resolve_speakers(table)["source_canonical"].tolist()[:2] == ["Yashar Ali", "Ali"]


def test_a_person_introduced_as_a_relative_does_not_take_the_bare_surname():
    assert surname_index(["Edward Gallagher", "Andrea Gallagher", "Andrea Gallagher", "Gallagher"],
                         relatives={"Andrea Gallagher"})["gallagher"] == "Edward Gallagher"
    assert surname_index(["Andrea Gallagher", "Gallagher"], relatives={"Andrea Gallagher"})["gallagher"] == \
        "Andrea Gallagher"  # no one else of the name: the relative is the only reading
    text = ("Navy SEAL Edward Gallagher and his wife, Andrea Gallagher, spoke outside the court. Andrea Gallagher "
            "cried. Andrea Gallagher thanked the jury. Chief Gallagher said the verdict was fair.")
    assert _one(text, "said").source_canonical == "Edward Gallagher"


@pytest.mark.parametrize("speaker_sentence, expected", [
    ("Waxman said he has tried to keep everyone safe.", "Ben Waxman"),
    ("Waxman said she has tried to keep everyone safe.", "Whitney Waxman"),
    ("Mr. Waxman said the masks were selling.", "Ben Waxman"),
    ("Ms. Waxman said the masks were selling.", "Whitney Waxman"),
])
def test_a_pronoun_or_honorific_tied_to_a_surname_picks_the_family_member(speaker_sentence, expected):
    text = ("The factory was founded by Ben and Whitney Waxman. Whitney Waxman designed the masks. Ben Waxman ran "
            "the floor. " + speaker_sentence)
    assert _one(text, "said").source_canonical == expected


def test_the_reported_clause_pronoun_never_overrides_the_story_default_for_a_surname():
    text = "Melania Trump visited the hospital. Trump said she was a wonderful first lady."
    assert _one(text, "said").source_canonical == "Donald Trump"


@pytest.mark.parametrize("surface, canonical", [
    ("Charles Schumer Charles", "Charles Schumer"),
    ("Chris Murphy Christopher Murphy", "Christopher Murphy"),
])
def test_a_repeated_first_name_keeps_the_name_it_opens(surface, canonical):
    assert normalise_surface(surface) == canonical


@pytest.mark.parametrize("text, canonical, source_type", [
    ("Republicans said the vote was a sham.", "Republicans", "organization"),
    ("Some of the protesters said they would return.", "protester [unknown]", "anonymous"),
    ("Thousands of protesters said they would return.", "protester [unknown]", "anonymous"),
    (("The Trump administration imposed sanctions. The administration has said Iran must end its support for "
      "militias."), "Trump administration", "organization"),
])
def test_unnamed_sources_are_named_by_their_group_in_the_singular(text, canonical, source_type):
    found = _one(text, "said")
    assert (found.source_canonical, found.source_type) == (canonical, source_type)


@pytest.mark.parametrize("text, canonical, source_type", [
    ("Democrats said the strike was reckless.", "Democrats", "organization"),
    ("The Republicans said the trial was a sham.", "Republicans", "organization"),
    ("Congressional Democrats, who control the House, said the vote would go ahead.", "Democrats", "organization"),
    # some of the members, picked out by a number, a quantifier, a place or a restrictive clause
    ("Some Democrats said the strike was reckless.", "democrat [US]", "anonymous"),
    ("Some of the Democrats said the strike was reckless.", "democrat [US]", "anonymous"),
    ("Two Republicans said the trial was a sham.", "republican [US]", "anonymous"),
    ("Georgia Republicans said the trial was a sham.", "republican [US]", "anonymous"),
    ("Democrats who won in Trump country said the strike was reckless.", "democrat [US]", "anonymous"),
    ("Democrats in Congress said the strike was reckless.", "Democrats", "organization"),
    ("Democrats, speaking on Tuesday, said the strike was reckless.", "Democrats", "organization"),
    # two parties' members together, or a poll's respondents, are people
    ("Democrats and Republicans alike said the strike was lawful.", "democrat [US]", "anonymous"),
    ("In the latest poll, Republicans said they approved of the strike.", "republican [US]", "anonymous"),
])
def test_a_party_s_members_unpicked_are_the_party(text, canonical, source_type):
    found = _one(text, "said")
    assert (found.source_canonical, found.source_type) == (canonical, source_type)


def test_a_party_named_by_its_members_is_they_never_it():
    text = ("The Pentagon said the strike was lawful. Democrats said the strike was reckless. On Saturday it said "
            "the operation had saved lives.")
    assert [a.source_canonical for a in _attributions(text)] == ["Pentagon", "Democrats", "Pentagon"]


def test_what_befell_a_source_is_not_whom_it_speaks_for():
    text = ("Michael Behenna, a former Army officer who was convicted of killing an Iraqi prisoner, said he was "
            "grateful for the pardon.")
    found = _one(text, "said")
    assert (found.affiliation, found.affiliation_evidence) == ("US", "source phrase")


@pytest.mark.parametrize("phrase, affiliation", [
    ("Ken Weinstein, president of the conservative Hudson Institute", "US"),
    ("Isaac Bogoch, a professor at the University of Toronto", "other"),
])
def test_institutions_place_their_people(phrase, affiliation):
    found = _one(f"“The risk is low,” said {phrase}.", "said")
    assert found.affiliation == affiliation


@pytest.mark.parametrize("phrase, affiliation", [
    ("Ali Kareem, the national security adviser to the prime minister and head of the government PMF commission",
     "Iraq"),
    ("Hamid Saleh, a PMU official", "Iraq"),
    ("Robert Lang, the national security adviser", "US"),  # the office alone: the story's default side
    ("Jamal Nasser, president of the Washington-based National Iranian American Council", "US"),
    ("a spokesman for the VA", "US"),
])
def test_an_office_other_countries_have_too_gives_way_to_a_specific_word(phrase, affiliation):
    found = _one(f"“The risk is low,” said {phrase}.", "said")
    assert (found.affiliation, found.affiliation_evidence) == (affiliation, "source phrase")


@pytest.mark.parametrize("text, cue, canonical", [
    (("Should you wear a mask? At one of President Donald Trump's daily briefings, he said that it was only a "
      "recommendation."), "said", "Donald Trump"),  # a possessor
    (("In 2014, hackers crippled the casinos of the billionaire Sheldon Adelson after he suggested the U.S. should "
      "strike Iran."), "suggested", "Sheldon Adelson"),  # the object of a preposition
    (("The ceremony was delayed. Pence briefed House Speaker Nancy Pelosi, and after that she tweeted that the "
      "strike was reckless."), "tweeted", "Nancy Pelosi"),  # an object, the only woman named
    ("Even when he's praising his spy chiefs, President Donald Trump can't resist taking a swipe at them.",
     "praising", "Donald Trump"),  # cataphora: the subject named after the pronoun
    ("Reporters waited for Andrea Smith outside the court. He said the verdict was unjust.", "said", "he"),
])
def test_he_or_she_with_no_subject_before_it_goes_to_the_person_named_nearby(text, cue, canonical):
    assert _sources(text, cue) == [canonical]


@pytest.mark.parametrize("text, canonical", [
    (("President Donald Trump arrived late. But the optimism was belied by a moment from Boris Johnson, who was "
      "overheard praising Emmanuel Macron. “Well played,” he said."), "Boris Johnson"),
    # the subject of a relative clause is no main-clause subject: the nearer one, the subject of "made", wins
    (("Former Gov. Chris Christie, who ran the transition team, relayed to Lewis a comment Donald Trump made about "
      "the planning. “Chris,” he said, “we are so smart.”"), "Donald Trump"),
])
def test_the_person_a_relative_clause_has_as_subject_is_a_centre_a_later_he_continues(text, canonical):
    assert _sources(text, "said") == [canonical]


def test_he_said_goes_on_with_the_speaker_not_the_person_he_spoke_about():
    text = ("Dylan Dille claimed that on the day the boy died, he was with Eddie Gallagher at the base. "
            "He said Gallagher had told him earlier that the medics knew what to do. "
            "He returned to his post later, he said.")
    assert set(_sources(text, "said")) == {"Dylan Dille"}


def test_the_office_goes_to_the_holder_named_in_the_same_sentence():
    text = ("French President Emmanuel Macron spoke first. Macron thanked the veterans. Macron bowed. "
            "President Donald Trump arrived later. When it came to Trump's turn, the president told the crowd "
            "that the veterans were heroes.")
    assert _one(text, "told").source_canonical == "Donald Trump"


def test_a_definite_description_goes_to_the_person_it_described():
    text = ("“Investors are on edge,” said LPL Financial senior market strategist Ryan Detrick. Indeed, the LPL "
            "analyst said the index has declined 5% on average in such events.")
    assert _sources(text, "said") == ["Ryan Detrick", "Ryan Detrick"]


def test_a_person_the_parser_buried_in_a_title_or_an_organisation_span_is_the_speaker():
    text = ("The talks are moving ahead, Pakistani Ambassador to the U.S. Asad M. Khan said Monday. "
            "Mr. Khan said this year represents a golden opportunity.")
    found = [a for a in _attributions(text) if a.cue_text == "said"]
    assert [(a.source_canonical, a.source_type, a.affiliation) for a in found] == \
        [("Asad M. Khan", "named_person", "other")] * 2


def test_a_cue_inside_another_source_s_reported_words_is_that_source_s_report():
    """The learned model drops a rule row nested in another's content (PolNeAR counts the outer report): "their
    lawyer said" is the attribution, "denied" is what the lawyer reported."""
    found = [(a.cue_text, a.source) for a in _attributions("James and Hunter Biden denied any wrongdoing, their "
                                                           "lawyer said on Monday.")]
    assert found == [("said", "their lawyer")]


def test_he_is_the_main_subject_of_the_sentence_before_not_a_subordinate_one():
    text = ("Craig Miller first went to Lt. Commander Robert Breisch in March, when Edward Gallagher was up for the "
            "award. He told Breisch that it was based on lies.")
    assert _one(text, "told").source_canonical == "Craig Miller"


def test_a_person_named_inside_a_quotation_is_not_the_next_he():
    text = ("“Trump’s handling of Iran is undermining American credibility,” Michael Makovsky said in a statement. "
            "“Trump has given the impression he lost his nerve.” He said the president’s tweet was a mistake.")
    assert _sources(text, "said") == ["Michael Makovsky", "Michael Makovsky"]


def test_the_learned_model_adds_only_verbs_that_report_a_view():
    """PolNeAR marks actions too (voting, releasing, signing); the model may add only the listed verbs."""
    from corpus.extract.cue_model import learned_cue_kinds

    found = _attributions("The committee voted to release the report on Tuesday, and the president signed the bill.")
    assert {"vote", "release", "sign"}.isdisjoint(learned_cue_kinds())
    assert [a for a in found if a.cue in ("vote", "release", "sign")] == []
    wants = _one("Iran wants American troops to leave Iraq.", "wants")
    assert (wants.cue_kind, wants.source_canonical) == ("intention", "Iran")


def test_unplaced_people_take_the_article_setting_and_say_so():
    table = pd.DataFrame({
        "doc_id": ["a", "a", "a", "a", "a", "b", "b"],
        "outlet": ["A"] * 7,
        "source_canonical": ["Mark Esper", "Pentagon", "Jane Roe", "lawmaker [unknown]", "Al Jazeera",
                             "John Doe", "Mark Esper"],
        "source_type": ["named_person", "organization", "named_person", "anonymous", "media",
                        "named_person", "named_person"],
        "affiliation": ["US", "US", "unknown", "unknown", "unknown", "unknown", "US"],
        "affiliation_evidence": ["entity table", "source phrase", "none", "none", "none", "none", "entity table"],
    })
    resolved = resolve_speakers(table)
    assert resolved["affiliation"].tolist() == ["US", "US", "US", "US", "unknown", "unknown", "US"]
    assert resolved["affiliation_evidence"].tolist()[2:4] == ["article setting", "article setting"]
    assert resolved["source_canonical"].tolist()[3] == "lawmaker [US]"


def test_bodies_and_documents_take_the_article_setting_named_outlets_do_not():
    """"A spokesman for the ministry", "the memo" and the Census Bureau speak for the story's side as its people
    do; Al Jazeera quoted in an American story stays unplaced."""
    table = pd.DataFrame({
        "doc_id": ["a"] * 6,
        "outlet": ["A"] * 6,
        "source_canonical": ["Mark Esper", "Pentagon", "spokesman [unknown]", "memo [unknown]", "Al Jazeera",
                             "Census Bureau"],
        "source_type": ["named_person", "organization", "organization", "other", "media", "organization"],
        "affiliation": ["US", "US", "unknown", "unknown", "unknown", "unknown"],
        "affiliation_evidence": ["entity table", "source phrase", "none", "none", "none", "none"],
    })
    resolved = resolve_speakers(table)
    assert resolved["source_canonical"].tolist()[2:] == ["spokesman [US]", "memo [US]", "Al Jazeera", "Census Bureau"]
    assert resolved["affiliation"].tolist()[2:] == ["US", "US", "unknown", "US"]
    assert resolved["affiliation_evidence"].tolist()[2:] == ["article setting", "article setting", "none",
                                                            "article setting"]


def test_unnamed_experts_do_not_take_the_article_setting():
    table = pd.DataFrame({
        "doc_id": ["a"] * 4,
        "outlet": ["A"] * 4,
        "source_canonical": ["Mark Esper", "Pentagon", "expert [unknown]", "analyst [unknown]"],
        "source_type": ["named_person", "organization", "anonymous", "anonymous"],
        "affiliation": ["US", "US", "unknown", "unknown"],
        "affiliation_evidence": ["entity table", "source phrase", "none", "none"],
    })
    resolved = resolve_speakers(table)
    assert resolved["source_canonical"].tolist()[2:] == ["expert [unknown]", "analyst [unknown]"]
    assert resolved["affiliation"].tolist()[2:] == ["unknown", "unknown"]


def test_an_unnamed_office_holder_is_the_person_in_office_on_the_articles_date():
    table = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d", "e", "f"],
        "outlet": ["A"] * 6,
        "date": ["2019-05-09", "2016-12-31", "2017-06-01", "2019-05-20", "2019-05-20", "2019-05-20"],
        "source": ["Iran’s president", "the U.S. president", "the U.S. president", "the national security adviser",
                   "a former Iranian president", "Iraq’s vice president"],
        "source_canonical": ["president [Iran]", "president [US]", "president [US]", "adviser [US]",
                             "president [Iran]", "president [Iraq]"],
        "source_type": ["anonymous"] * 6,
        "affiliation": ["Iran", "US", "US", "US", "Iran", "Iraq"],
        "affiliation_evidence": ["source phrase"] * 6,
    })
    resolved = resolve_speakers(table)
    assert resolved["source_canonical"].tolist() == [
        "Hassan Rouhani", "Barack Obama", "Donald Trump", "John Bolton", "president [Iran]", "president [Iraq]"]
    assert resolved["source_type"].tolist() == ["named_person"] * 4 + ["anonymous"] * 2


def test_an_unnamed_office_holder_of_another_country_is_the_one_the_phrase_s_country_had_on_the_date():
    sources = ["Germany’s foreign minister", "Canada's foreign minister", "Britain's prime minister", "the CIA director",
               "the foreign minister", "Britain's chancellor of the exchequer", "a German foreign minister",
               "the Director of National Intelligence"]
    table = pd.DataFrame({
        "doc_id": list("abcdefgh"),
        "outlet": ["A"] * 8,
        "date": ["2019-06-14", "2020-01-10", "2019-08-01", "2017-06-01", "2019-06-14", "2019-08-01", "2019-06-14",
                 "2019-01-29"],
        "source": sources,
        "source_canonical": ["minister [other]", "minister [other]", "minister [other]", "director [US]",
                             "minister [other]", "chancellor [other]", "minister [other]", "director [US]"],
        "source_type": ["anonymous"] * 8,
        "affiliation": ["other", "other", "other", "US", "other", "other", "other", "US"],
        "affiliation_evidence": ["source phrase"] * 8,
    })
    resolved = resolve_speakers(table)
    assert resolved["source_canonical"].tolist() == [
        "Heiko Maas", "François-Philippe Champagne", "Boris Johnson", "Mike Pompeo", "minister [other]",
        "chancellor [other]", "minister [other]", "Dan Coats"]
    assert resolved["affiliation"].tolist()[:4] == ["other", "other", "other", "US"]


def test_an_undated_article_s_office_holder_is_the_one_person_who_held_it_over_the_corpus_span():
    table = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"],
        "outlet": ["A"] * 4,
        "date": ["2019-05-09", "2020-01-10", None, None],
        "source": ["a spokesman", "an official", "Iran’s foreign minister", "the U.S. president"],
        "source_canonical": ["spokesman [Iran]", "official [US]", "minister [Iran]", "president [US]"],
        "source_type": ["anonymous"] * 4,
        "affiliation": ["Iran", "US", "Iran", "US"],
        "affiliation_evidence": ["source phrase"] * 4,
    })
    resolved = resolve_speakers(table)
    assert resolved["source_canonical"].tolist()[2:] == ["Mohammad Javad Zarif", "Donald Trump"]
    # a corpus whose dated articles span two presidents leaves an undated article's president unnamed
    table.loc[1, "date"] = "2016-06-01"
    assert resolve_speakers(table)["source_canonical"].tolist()[2:] == ["Mohammad Javad Zarif", "president [US]"]


def test_an_undated_article_s_office_is_the_one_past_or_present_holder_it_cites():
    table = pd.DataFrame({
        "doc_id": ["a", "a", "b", "c", "d"], "outlet": ["A"] * 5,
        "date": [None, None, None, "2019-05-01", "2020-01-10"],
        "source": ["Mike Pompeo", "the CIA director", "the CIA director", "an official", "an official"],
        "source_canonical": ["Mike Pompeo", "director [US]", "director [US]", "official [US]", "official [US]"],
        "source_type": ["named_person"] + ["anonymous"] * 4,
        "affiliation": ["US"] * 5,
        "affiliation_evidence": ["entity table"] + ["source phrase"] * 4,
    })
    # CIA director in 2017-18, before the corpus's span; the article that does not cite him has the span's director
    assert resolve_speakers(table)["source_canonical"].tolist()[:3] == ["Mike Pompeo", "Mike Pompeo", "Gina Haspel"]


def test_people_with_an_office_holder_are_not_that_holder():
    # the office is the source's own role only: "officials traveling with the President" are officials
    table = pd.DataFrame({
        "doc_id": ["a", "b"], "outlet": ["A", "A"], "date": ["2019-08-25", "2019-08-25"],
        "source": ["Other American officials traveling with the President", "aides to Iran's foreign minister"],
        "source_canonical": ["official [US]", "aide [Iran]"], "source_type": ["anonymous"] * 2,
        "affiliation": ["US", "Iran"], "affiliation_evidence": ["source phrase"] * 2,
    })
    resolved = resolve_speakers(table)
    assert resolved["source_canonical"].tolist() == ["official [US]", "aide [Iran]"]
    assert resolved["source_type"].tolist() == ["anonymous"] * 2


def test_the_office_holders_are_named_as_the_entity_table_names_them():
    from corpus.extract.entities import alias_table
    from corpus.resources import data_rows

    aliases = alias_table()
    for row in data_rows("office_terms.csv"):
        assert aliases.get(row["person"].lower(), row["person"]) == row["person"], row["person"]
        assert row["start"] < row["end"], row["person"]


def test_no_setting_when_the_placed_sources_are_split_or_too_few():
    table = pd.DataFrame({
        "doc_id": ["split"] * 3 + ["one"] * 2,
        "outlet": ["A"] * 5,
        "source_canonical": ["Mike Pompeo", "Javad Zarif", "Jane Roe", "Mike Pompeo", "John Doe"],
        "source_type": ["named_person"] * 5,
        "affiliation": ["US", "Iran", "unknown", "US", "unknown"],
        "affiliation_evidence": ["entity table", "entity table", "none", "entity table", "none"],
    })
    resolved = resolve_speakers(table)
    assert resolved["affiliation"].tolist() == ["US", "Iran", "unknown", "US", "unknown"]


@pytest.mark.parametrize("text, cue, canonical, source_type, affiliation", [
    ("Immigrant rights advocates say the rules are changing.", "say", "advocate [unknown]", "anonymous", "unknown"),
    ("Another sailor said the ship had not left port in months.", "said", "sailor [unknown]", "anonymous", "unknown"),
    ("Chicago Fed President Charles Evans told reporters that the economy was strong.", "told", "Charles Evans",
     "named_person", "US"),
    ("Al-Jazeera reported that Qatar's foreign minister flew to Tehran.", "reported", "Al Jazeera", "media", "other"),
    ("Islamic State has claimed several bombings in the south.", "claimed", "Islamic State", "organization", "other"),
])
def test_unnamed_people_bodies_and_outlets_are_typed_and_placed(text, cue, canonical, source_type, affiliation):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type, found.affiliation) == (canonical, source_type, affiliation)


def test_nobody_named_in_a_speakers_own_reported_words_is_the_pronoun():
    text = ("Thomas MacNeil took the stand on Monday. Edward Gallagher ran up to him in a parking lot and "
            "threatened him, he told the jury.")
    assert _one(text, "told").source_canonical == "Thomas MacNeil"


@pytest.mark.xfail(strict=True, reason="single quotation marks are not read as quotations (British scare quotes), "
                   "so a Daily Mail quotation with a nested quote is not the pronoun's own words")
def test_nobody_named_in_a_single_quoted_quotation_is_the_pronoun():
    text = ("Thomas MacNeil took the stand. 'Edward Gallagher got in my face and said 'If you talk, "
            "you are done. I know things about all of you,' he told the trial.")
    assert _one(text, "told").source_canonical == "Thomas MacNeil"


@pytest.mark.parametrize("text, cue, speaker", [
    # a pronoun is never the person its own clause names after it (binding Principle C)
    ("Corey Scott testified on Thursday that he had been on the scene with Edward Gallagher. "
     "Gallagher was the platoon chief. He said he did see Gallagher stab the prisoner.", "said", "Corey Scott"),
    # nor, set off by commas, the person named before it in its reported clause
    ("Joshua Landis has studied the region for decades. Mr. Trump's pressure policy, he predicted, "
     "is going to force Iran to escalate.", "predicted", "Joshua Landis"),
    # inside a quotation a speaker may name himself
    ("Donald Trump spoke to reporters on Friday. He attacked the inquiry, a standard that he said was "
     "\"only for Trump.\"", "said", "Donald Trump"),
])
def test_a_pronoun_is_not_bound_to_a_name_its_reported_clause_gives(text, cue, speaker):
    assert _one(text, cue).source_canonical == speaker


@pytest.mark.parametrize("text, speaker, channel", [
    ("The state-run IRNA news agency quoted Foreign Ministry spokesman Abbas Mousavi as saying Iran had invited "
     "Boeing to take part.", "Abbas Mousavi", "IRNA news agency"),
    ("Reuters quoted an Iraqi security official as saying the rockets hit the base.", "official [Iraq]", "Reuters"),
])
def test_the_one_quoted_as_saying_is_the_speaker_and_the_outlet_the_channel(text, speaker, channel):
    found = _one(text, "saying")
    assert (found.source_canonical, found.channel) == (speaker, channel)


def test_what_the_one_quoted_as_saying_adds_is_still_theirs():
    text = ("Fars reported a spokesperson for the Guardian Council, Abbas Ali Kadkhodayee, as saying the law was "
            "clear, adding that the seizure of the ship was a correct measure.")
    assert _one(text, "adding").source_canonical == "Abbas Ali Kadkhodayee"


@pytest.mark.parametrize("text, speaker", [
    ("Iran's Foreign Ministry spokesman says that officials plan to meet on Sunday night. Abbas Mousavi made the "
     "comment Sunday during a briefing with journalists.", "Abbas Mousavi"),
    ("A former leader of Iran's Revolutionary Guard says two cities can be targeted.\n\nMohsen Rezaee made the "
     "comment in Tehran at a ceremony.", "Mohsen Rezaee"),
    ("A U.S. official says the talks failed. Mike Pompeo said on Sunday that he was hopeful.", "official [US]"),
])
def test_a_role_whose_comment_the_next_sentence_credits_by_name_is_that_person(text, speaker):
    assert _one(text, "says").source_canonical == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    ("Democrats have questioned the wisdom of the strike. But many have stressed that the general was "
     "responsible for thousands of deaths.", "stressed", "democrat [US]"),
    ("This reaction has been magnified by the media, many of whom have been speculating about a war.",
     "speculating", "media"),
    ("Some say the deal is dead.", "say", "person [unknown]"),  # no group before it: people unclassed
    ("The numbers show that support for the war has fallen.", "show", "number [unknown]"),  # things stay things
    # the second half of a contrast picks from the group named before its first half
    ("Trump's Republican allies, one after another, condemned his decision. Some focused on the harm to American "
     "interests. Others warned that the pullout could doom the Kurds.", "warned", "ally [US]"),
    ("Trump's Republican allies, one after another, condemned his decision. The vote came late in the day. Others "
     "warned that the pullout could doom the Kurds.", "warned", "person [unknown]"),  # no contrast: one sentence back
])
def test_a_bare_quantifier_is_the_group_just_named(text, cue, speaker):
    assert _one(text, cue).source_canonical == speaker


@pytest.mark.parametrize("text, cue, expected", [
    ("Critics argue that \u201cthe revolutionaries were flailing before the strike rescued them.\u201d Pankaj Mishra, "
     "Bloomberg\n\nMore commentary follows.", "argue", ("Pankaj Mishra", "named_person")),
    ("Others argue that \u201cBiden was the only one on the stage who talked like a normal person.\u201d\nKevin Drum, "
     "Mother Jones", "argue", ("Kevin Drum", "named_person")),
    # no credit line after the quotation: the group stays
    ("Critics argue that \u201cthe revolutionaries were flailing before the strike rescued them.\u201d The debate "
     "goes on.", "argue", ("critic [unknown]", "anonymous")),
])
def test_a_group_whose_quotation_a_credit_line_follows_is_the_person_credited(text, cue, expected):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type) == expected


@pytest.mark.parametrize("text, cue, expected", [
    ("The Justice Department said Assange was arrested. The indictment said Assange joined a conspiracy.", "said",
     ("Justice Department", "organization", "US")),
    ("U.S. prosecutors charged Witt on Wednesday. The indictment alleges that Witt disclosed a program's code name.",
     "alleges", ("prosecutor [US]", "anonymous", "US")),
    # no prosecution named before it: the document stays the source
    ("Witt defected in 2013. The indictment alleges that Witt disclosed a program's code name.", "alleges",
     ("indictment [unknown]", "other", "unknown")),
])
def test_an_indictment_speaks_for_the_prosecution_the_article_named(text, cue, expected):
    found = [a for a in _attributions(text) if a.cue_text == cue][-1]
    assert (found.source_canonical, found.source_type, found.affiliation) == expected


@pytest.mark.parametrize("text, speaker, content", [
    ("Fox host Pete Hegseth said the statues should stay. President Trump has threatened to target 52 Iranian sites "
     "if that country retaliates, \u201csome at a very high level,\u201d he tweeted.", "Donald Trump",
     "\u201csome at a very high level,\u201d"),
    # the narration reports no one's words: it stays what "he" said, and he is the one named before
    ("Trump spoke on Friday. Soleimani was plotting attacks on Americans, \u201cimminent and sinister,\u201d he "
     "tweeted.", "Donald Trump", "Soleimani was plotting attacks on Americans, \u201cimminent and sinister,\u201d"),
])
def test_a_quotation_after_a_person_s_reported_threat_is_that_person_s(text, speaker, content):
    found = _one(text, "tweeted")
    assert (found.source_canonical, text[found.content_start:found.content_end]) == (speaker, content)


@pytest.mark.parametrize("text, cue, speaker", [
    ("Others, including Sen. Dianne Feinstein (D-CA), have suggested the delay is undercutting the urgency.",
     "suggested", "Dianne Feinstein"),
    ("Suzanne Maloney of Brookings spoke first. Others, like Brookings’s Maloney, have said that people should "
     "not assume the intelligence is bogus.", "said", "Suzanne Maloney"),
    pytest.param("Suzanne Maloney of Brookings spoke first. Others, like Brookings's Maloney, have said that people "
                 "should not assume the intelligence is bogus.", "said", "Suzanne Maloney",
                 marks=pytest.mark.xfail(strict=True, reason="with a straight apostrophe NER tags Maloney a place")),
    ("Many, including the Pentagon, said the strike was lawful.", "said", "person [US]"),  # a body is no person
])
def test_a_quantifier_with_a_named_example_is_the_person_named(text, cue, speaker):
    assert _one(text, cue).source_canonical == speaker


@pytest.mark.parametrize("text, people", [
    ("Politico’s Ryan Lizza noticed that the talks failed.", {"Ryan Lizza"}),
    ("Harvard’s Thomas Abt said the data were thin.", {"Thomas Abt"}),
    # one name after the possessive: the person only if it ends a full name the article gives
    ("Best Buy’s Barry said sales fell. Corie Barry leads the company.", {"Corie Barry"}),
])
def test_a_person_named_after_an_employer_s_possessive_is_the_person(text, people):
    assert {m.entity for m in entity_mentions(get_pipeline()(text)) if m.label == "PERSON"} == people


def test_a_party_leader_is_the_party_leader_the_article_named_not_the_head_of_state():
    text = ("President Donald Trump spoke at the White House on Tuesday. Speaker Nancy Pelosi met the other members "
            "of the Gang of Eight for a briefing. \"We must ensure the safety of our servicemembers,\" the Democratic "
            "leader tweeted.")
    assert _one(text, "tweeted").source_canonical == "Nancy Pelosi"


def test_a_subject_naming_an_office_is_the_person_the_article_gave_it_for_the_next_pronoun():
    text = ("Acting Defense Secretary Patrick Shanahan withdrew his name on Tuesday. Mr. Shanahan said his family "
            "came first. Speculation mounted that the president could tap Army Secretary Mark Esper for the post.\n\n"
            "The Army secretary dodged the issue when asked by reporters last week.\n\n"
            "\u201cI have no comment on any of that,\u201d he told The Times.")
    assert _one(text, "told").source_canonical == "Mark Esper"


@pytest.mark.parametrize("text, speaker", [
    # named after the cue: the article's only spokesman
    ("On Friday, Iran's top diplomatic spokesman dismissed the claims as delusional. On Saturday, the spokesman, "
     "Abbas Mousavi, spoke to state television.", "Abbas Mousavi"),
    # two named: the one of the same department
    ("Foreign Ministry spokesman Abbas Mousavi spoke on Monday. Armed forces spokesman Abolfazl Shekarchi spoke "
     "too. The ministry's spokesman dismissed the talks.", "Abbas Mousavi"),
    # indefinite: one of several, the body's
    ("A State Department spokesperson dismissed the talks. Pentagon spokesman Jonathan Hoffman declined to "
     "comment.", "US State Department"),
])
def test_a_definite_spokesperson_is_the_one_the_article_names(text, speaker):
    assert _one(text, "dismissed").source_canonical == speaker


@pytest.mark.parametrize("text, speaker", [
    ("The state department insisted that the embassy would not be evacuated.", "US State Department"),
    ("The defense department said the strike was lawful.", "Pentagon"),
])
def test_a_body_written_in_lower_case_is_the_body(text, speaker):
    assert [a.source_canonical for a in _attributions(text)] == [speaker]


def test_they_after_people_named_together_is_the_pair_as_its_first_row_names_it():
    text = "Gerard Araud and Ali Vaez wrote that the deal was dead. They also argued that talks could resume."
    assert _sources(text, "argued") == _sources(text, "wrote") == ["Gerard Araud"]


@pytest.mark.parametrize("text, cue, speaker", [
    # the pair are objects, not a source: "they both" still means them, not the experts quoted further back
    ("Some experts said Iran would retaliate. It is a stark difference from when Trump was flanked by Defense "
     "Secretary Jim Mattis and Secretary of State Rex Tillerson. While they both expressed deep distrust of Iran, "
     "they did not threaten war.", "expressed", "Jim Mattis"),
    ("Officials said the aid was blocked. Two days later, Robert McFarlane and Rep. Chris Smith co-authored an "
     "op-ed criticizing the decision. They said it showed officials were ignoring the vice president.", "said",
     "Robert McFarlane"),
    # a list the parser hung as appositions ("Schiff (D-Calif.), Chairwoman Carolyn Maloney (D-N.Y.), and ..."):
    # the first named stands for them all
    ("House Intelligence Committee Chairman Adam Schiff (D-Calif.), Oversight and Reform Committee Chairwoman "
     "Carolyn Maloney (D-N.Y.), and Foreign Affairs Committee Chairman Eliot Engel (D-N.Y.) said in a statement "
     "Tuesday that the interviews bolster their case. \"The testimonies paint a portrait of abuse,\" they said.",
     "said", "Adam Schiff"),
    # "and" hung on the second of three names
    ("Late on Sunday, German Chancellor Angela Merkel, French President Emmanuel Macron and British PM Boris "
     "Johnson released a joint statement urging Iran to drop measures that go against the deal.\n\n\"We are "
     "ready to continue talks with all parties,\" they said.", "said", "Angela Merkel"),
])
def test_they_after_people_named_together_in_any_role_is_the_first_named(text, cue, speaker):
    assert _sources(text, cue)[-1] == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    ("Bush and his team insisted the threat was exaggerated. A year later, a small group of experts at the agency "
     "began warning of a pandemic. They were, in essence, warning of a viral attack.", "warning", "expert [unknown]"),
    ("A panel of scientists warned of a pandemic. They were, in essence, predicting a catastrophe.", "predicting",
     "scientist [unknown]"),
    # one person is no antecedent for "they"
    ("A senior official said the talks failed. They also said the president was to blame.", "said", "they"),
])
def test_they_after_a_group_of_people_is_the_people_it_gathers(text, cue, speaker):
    """ "a small group of experts" is a singular phrase for plural people: "they" takes it up."""
    assert _sources(text, cue)[-1] == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    ("President Donald Trump attacked Nancy Pelosi for saying the strike was illegal.", "saying", "Nancy Pelosi"),
    ("At a rally in Toledo, President Donald Trump singled out Bernie Sanders for criticizing the strike.",
     "criticizing", "Bernie Sanders"),
    ("Mike Pompeo apologized for saying the war was lost.", "saying", "Mike Pompeo"),  # no one judged
    ("Iran accused the United States of claiming that the tanker was Iranian.", "claiming", "United States"),
    ("Iran has been accused by Britain of saying that the tanker was Panamanian.", "saying", "Iran"),  # passive
    ("Bernie Sanders was singled out by Trump for criticizing the strike.", "criticizing", "Bernie Sanders"),
    ("LaPierre accuses Oliver North of trying to drive him out of the group by threatening to release damaging "
     "information about him.", "threatening", "Oliver North"),
    # a participle set off by a comma is the accusers'
    ("Democrats have accused Mr. Trump of putting the nation on the path to war, questioning the legality of the "
     "attack.", "questioning", "Democrats"),
    ("Democrats have accused Mr. Trump of putting the nation on the path to war with the strike at the airport, "
     "questioning the legality of the attack and insisting that he should have sought authorization.", "questioning",
     "Democrats"),
])
def test_the_one_blamed_or_praised_for_saying_is_the_speaker(text, cue, speaker):
    assert _sources(text, cue) == [speaker]


def test_a_first_name_ner_gave_another_label_is_part_of_the_name():
    from corpus.extract.entities import entity_mentions

    text = ("At a park in San Diego, Meagan McKenna, 40, laughed as her daughter played.\n\n"
            "McKenna admitted to barely keeping up with the news. Chief Gallagher denied it.")
    mentions = [(m.surface, m.entity) for m in entity_mentions(get_pipeline()(text)) if m.label == "PERSON"]
    assert mentions[:2] == [("Meagan McKenna", "Meagan McKenna"), ("McKenna", "Meagan McKenna")]
    assert _sources(text, "admitted") == ["Meagan McKenna"]
    assert ("Chief Gallagher", "Chief Gallagher") not in mentions  # a rank is no first name


def test_a_participle_whose_clause_has_a_things_subject_is_its_owners():
    text = "Despite claiming to prefer denuclearization, Kim Jong Un's goal appears to be to buy time."
    assert _sources(text, "claiming") == ["Kim Jong Un"]


def test_a_definite_role_is_the_nearer_unnamed_source_not_an_earlier_named_holder():
    text = ("Jewad Kadum, a PMU official, said the rescue was ongoing. The strikes came from the air, a US official "
            "familiar with the strikes said. The sites were small, the official told CNN.")
    assert _sources(text, "told") == ["official [US]"]


def test_a_twitter_handle_is_its_owner():
    found = _one("@JZarif said the strike was illegal.", "said")
    assert (found.source_canonical, found.source_type) == ("Mohammad Javad Zarif", "named_person")


@pytest.mark.parametrize("text", [
    "An artist in Tehran said the mural would stay.",
    "An attendee said the speech ran long.",
    "A gunman told the hostages to stay calm.",
])
def test_people_named_by_what_they_do_are_unnamed_people(text):
    assert [a.source_type for a in _attributions(text)] == ["anonymous"]


@pytest.mark.parametrize("text, speaker", [
    ("The internet-monitoring group NetBlocks reported outages in Iran. The group said the impact was limited.",
     "NetBlocks"),
    ("Islamic State lost its territory in Iraq. In some cases, the group has said it staged the bombings.",
     "Islamic State"),
    # an unnamed group introduced in between is the one meant
    ("Hezbollah held a rally on Monday. A group of protesters marched to the embassy. The group said the strike "
     "was a crime.", "group [unknown]"),
])
def test_the_group_is_the_body_named_last_unless_an_unnamed_group_came_between(text, speaker):
    assert [a.source_canonical for a in _attributions(text)][-1] == speaker


def test_the_possessor_of_a_subject_is_the_next_pronoun():
    text = ("Edward Gallagher denied every charge. Craig Miller's testimony was the most dramatic. "
            "He said that he saw the stabbing.")
    assert _one(text, "said").source_canonical == "Craig Miller"


@pytest.mark.parametrize("text", [
    ("President Emmanuel Macron welcomed the leaders at the ceremony. When it came to Trump's turn to speak, "
     "the president told the stories of the veterans on the stage."),
    "Donald Trump spoke at the White House on Monday. “We do not seek conflict,” the US president added.",
])
def test_the_president_is_the_holder_the_article_names_without_the_title(text):
    found = [a for a in _attributions(text) if a.cue_text in ("told", "added")]
    assert [(a.source_canonical, a.source_type, a.affiliation) for a in found] == [("Donald Trump", "named_person", "US")]


def test_a_persons_office_is_named_by_its_person():
    found = _one("Israeli Prime Minister Benjamin Netanyahu's office said he congratulated Pompeo.", "said")
    assert (found.source_canonical, found.source_type, found.affiliation) == (
        "Benjamin Netanyahu's office", "organization", "other")


@pytest.mark.parametrize("text, cue", [
    ("Some countries continued to import Iranian oil despite the sanctions.", "continued"),
    ("The former adviser continued receiving consulting fees after he left.", "continued"),
    ("The Navy charged him with misconduct after the photographs surfaced.", "charged"),
])
def test_a_reporting_verb_used_for_an_act_reports_nothing(text, cue):
    assert [a for a in _attributions(text) if a.cue_text == cue and a.factuality == "asserted"] == []


@pytest.mark.parametrize("text, cue", [
    ("“We will not leave Iraq,” the general continued.", "continued"),
    ("The senator charged that the administration had misled Congress.", "charged"),
])
def test_the_same_verbs_used_to_report_still_report(text, cue):
    assert _one(text, cue).factuality == "asserted"


@pytest.mark.parametrize("text", [
    "Macron's disruptions: a summit moved, a guest invited, a deal floated over dinner.",
    "Trump's choices: more sanctions, more troops in the Gulf, or talks with Tehran.",
])
def test_a_colon_after_a_phrase_that_does_not_end_in_a_speaker_is_not_speech(text):
    assert _sources(text, ":") == []


@pytest.mark.parametrize("text, speaker", [
    ("Lindsey Graham: We cannot let Iran win this war in Iraq.", "Lindsey Graham"),
    ("Pentagon spokesman: The strike killed the commander of the Quds Force in Baghdad.", "Pentagon spokesman"),
    ("Iranian military adviser: The United States will regret this act of terror for years.", "adviser"),
])
def test_a_colon_after_a_name_or_a_role_is_speech(text, speaker):
    assert speaker in _one(text, ":").source


def test_an_outlet_before_a_colon_is_a_credit_not_speech():
    text = ("The Washington Post: After the strike on the base, the president asked his advisers for options.\n\n"
            "Reuters: Oil prices jumped four percent after the attack on the Saudi refinery.")
    assert _sources(text, ":") == []


def test_a_question_standing_as_its_own_paragraph_is_asked():
    text = "The boxes were sent to Paris.\n\nWhat does Iran say?\n\nThe agency's chief said the boxes would be read."
    assert _one(text, "say").factuality == "asked"


def test_an_infinitive_hung_on_a_noun_is_an_aim_not_a_report():
    text = ("In 2011, Medvedev voted to abstain from, rather than veto, a U.N. Security Council resolution to condemn "
            "Libyan leader Muammar Qaddafi.")
    assert [a for a in _attributions(text) if a.cue_text == "condemn" and a.factuality == "asserted"] == []


@pytest.mark.parametrize("text, canonical", [
    ("The base was hit eleven times, according to a Pentagon statement released Sunday.", "Pentagon"),
    ("A State Department report said the militia had fired the rockets.", "US State Department"),
])
def test_a_document_named_by_its_issuer_speaks_for_the_issuer(text, canonical):
    found = _attributions(text)
    assert [a.source_canonical for a in found] == [canonical]


@pytest.mark.parametrize("text", [
    "A press release said the base was hit eleven times.",
    "According to a Sunday statement, the base was hit eleven times.",
])
def test_a_word_that_makes_the_document_s_kind_is_not_its_issuer(text):
    assert [a.source_type for a in _attributions(text)] == ["other"]


def test_an_unnamed_body_takes_the_side_the_article_gives_the_same_noun():
    text = ("The U.S.-led coalition paused its training of Iraqi forces on Sunday. "
            "The coalition said the decision was subject to continuous review.")
    found = _one(text, "said")
    assert (found.affiliation, found.affiliation_evidence) == ("US", "article context")
    text = ("The Iraqi military and the U.S. military gave different counts. "
            "The military said the base was safe.")
    assert _one(text, "said").affiliation == "unknown"  # two sides: no evidence for either


def test_the_soviets_are_not_placed_by_the_article_s_setting():
    text = "By 1980, the Soviets openly boasted that the balance of forces favored them."
    assert _one(text, "boasted").affiliation == "other"


def test_a_nickname_in_quotation_marks_is_not_part_of_the_name():
    assert normalise_surface("John “Tig” Tiegan") == "John Tiegan"
    assert normalise_surface("Edward 'Eddie' Gallagher") == "Edward Gallagher"
    assert normalise_surface("Robert O'Brien") == "Robert O'Brien"


@pytest.mark.parametrize("text, role", [
    ("One Russian prisoner said, “We have never had access to a doctor here.”", "prisoner"),
    ("A civilian who lives near the base said the blasts shook the whole town.", "civilian"),
])
def test_an_unnamed_person_quoted_by_what_they_are_is_anonymous(text, role):
    found = _one(text, "said")
    assert found.source_type == "anonymous" and found.source_canonical.startswith(role + " [")


@pytest.mark.parametrize("text, cue", [
    ("“He is a survivor,” said a State Department official, who requested anonymity to discuss a colleague.", "discuss"),
    ("Two U.S. officials, speaking on condition of anonymity to discuss internal deliberations, said the strike "
     "was not a shift in policy.", "discuss"),
])
def test_the_anonymity_formula_is_not_a_report(text, cue):
    assert [a for a in _attributions(text) if a.cue_text == cue and a.factuality == "asserted"] == []
    assert [a.factuality for a in _attributions(text) if a.cue_text == "said"] == ["asserted"]


def test_a_participle_drawing_an_inference_from_a_thing_is_nobody_speaking():
    text = ("Minutes earlier, US intelligence satellites had picked up signs of a heat signature from Iran, "
            "suggesting the country had just launched short range ballistic missiles.")
    assert _sources(text, "suggesting") == []


def test_a_participle_after_a_clause_whose_subject_can_speak_is_that_speakers():
    text = "The Pentagon issued a statement on Monday, suggesting that Iran was behind the attack."
    found = _one(text, "suggesting")
    assert (found.source_canonical, found.factuality) == ("Pentagon", "asserted")


@pytest.mark.parametrize("text, cue, factuality", [
    ("Iran could use this moment to take an initiative for peace, calling on our allies to join in convening a "
     "negotiation.", "calling", "hypothetical"),
    ("Pompeo sought Tuesday to place the killing within the campaign on Iran, noting there was a military "
     "component to the strategy.", "noting", "asserted"),
])
def test_a_participle_shares_its_clauses_modality_not_its_aim(text, cue, factuality):
    assert _one(text, cue).factuality == factuality


@pytest.mark.parametrize("text, cue", [
    ("Washington tightened the sanctions, and Iran responded with a campaign of attacks on tankers.", "responded"),
    ("Why Joe Biden's age worries some Democratic allies and voters.", "worries"),
])
def test_a_counter_move_or_a_worrying_thing_is_not_a_source(text, cue):
    assert _sources(text, cue) == []


def test_a_response_in_words_still_reports():
    text = "US Secretary of State Mike Pompeo responded on Twitter by indicting Iran's treatment of gay people."
    assert _one(text, "responded").source_canonical == "Mike Pompeo"


def test_an_outlet_ner_takes_for_a_person_before_a_colon_is_a_credit():
    text = ("The debates are scheduled for 8 p.m.\n\nPolitico: Warren and Bernie's awkward truce faces its biggest "
            "test yet.\n\nThe New York Times: Why Joe Biden's age worries some Democratic allies and voters.")
    assert _sources(text, ":") == []


@pytest.mark.parametrize("text, cue, canonical, source_type", [
    ("A deputy director said it was not.", "said", "deputy director [unknown]", "anonymous"),
    ("The ambassador said the talks had failed.", "said", "ambassador [unknown]", "anonymous"),
    ("An immigration judge wrote that the evidence was persuasive.", "wrote", "judge [unknown]", "anonymous"),
    ("Aramco said the plant would be back to full output by the end of the month.", "said", "Aramco", "organization"),
    ("His approval rating is under water by 14 points, according to the RealClearPolitics average.", "according to",
     "RealClearPolitics", "media"),
    ("According to witness testimony, he told the soldiers not to waste their medics.", "According to",
     "witness [unknown]", "anonymous"),
    ("The SEALs said he claimed to have killed them.", "said", "seal [US]", "anonymous"),
])
def test_unnamed_office_holders_people_and_unlabelled_names(text, cue, canonical, source_type):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type) == (canonical, source_type)


@pytest.mark.parametrize("text, cue", [
    ("A program aired by Iranian state television on Monday showed clips of Trump. The show contained what the "
     "network said were confessions by the accused.", "said"),
    ("Hundreds died in the stampede, state TV reported. Iran's state TV is run by loyalists.", "reported"),
])
def test_state_media_and_the_network_that_aired_it(text, cue):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type, found.affiliation) == ("Iranian state TV", "media", "Iran")


def test_they_is_the_unnamed_people_just_made_the_subject():
    text = ("An independent study from the Center for International Policy, a think tank, said the total was 20,000 "
            "jobs. While congressional aides were not surprised by the proposed move, which they said the Trump "
            "administration has been considering for two years, a decision to end the consultation would be a slight.")
    found = [a for a in _attributions(text) if a.source == "they"]
    assert [(a.source_canonical, a.source_type, a.affiliation) for a in found] == [("aide [US]", "anonymous", "US")]


def test_a_person_in_a_clause_describing_an_unnamed_source_is_not_the_source():
    text = ("“Power has shifted to the executive branch,” said a Republican senator closely allied with Senate "
            "Majority Leader Mitch McConnell (R-Ky.).")
    assert _one(text, "said").source_canonical == "senator [US]"
    text = "A senator who spoke with Trump on Tuesday told reporters the talks had gone well."
    assert _one(text, "told").source_canonical == "senator [US]"


def test_they_is_not_the_one_unnamed_person_just_quoted():
    text = ("GOP lawmakers say they are deeply concerned over the president's policy. “Many of us want to take "
            "power back,” said a Republican senator. They plan to vote on Thursday.")
    assert _one(text, "plan").source_canonical == "lawmaker [US]"


@pytest.mark.parametrize("text, cue, canonical", [
    ("When Sen. Lindsey Graham was tricked into talking with a prankster in August, the call was taped. "
     "The South Carolina Republican said the president was keen on the case.", "said", "Lindsey Graham"),
    # a person named only in a clause about someone else is not the one meant
    ("You shouldn't sleep on Amy Klobuchar, who has sparred with Pete Buttigieg in the debates. “I really live "
     "here,” the Minnesota senator tells the crowd.", "tells", "Amy Klobuchar"),
    # the modifiers' side rules out the Iranian named last
    ("House Minority Whip Steve Scalise said the strike that killed Iranian Gen. Qassem Soleimani was lawful. "
     "“This place is safer with Soleimani gone,” the Louisiana Republican said.", "said", "Steve Scalise"),
    # a person the article titled with the modifiers' words, however far back
    ("Maryland Gov. Larry Hogan contradicted the president on testing. The governor spoke on the radio. "
     "The president said testing was better than anywhere. Dr. Deborah Birx gave figures at the briefing. "
     "The Maryland Republican said he listened to the doctors.", "said", "Larry Hogan"),
    # the speaker just quoted before the person his words mention
    ("Rep. Max Rose praised the decision, saying the country did not need a war. John Bolton, a hawk, was an "
     "advocate of the war in Iraq. “We need restraint,” the New York Democrat said.", "said", "Max Rose"),
    # a relative clause after a comma adds to the epithet; it does not pick out another Republican
    ("Sen. Lindsey Graham spoke to the president on Sunday. “I appreciate being brought into the orbit,” the South "
     "Carolina Republican, who chairs the Senate Judiciary Committee, told Fox News.", "told", "Lindsey Graham"),
    # an unnamed source introduced with the same head noun
    ("One GOP senator, speaking on the condition of anonymity, said many Democrats would vote for Mitch "
     "McConnell's amendment. “They agree with him on the policy,” the GOP senator said.", "said", "senator [US]"),
])
def test_a_definite_epithet_is_the_person_just_named(text, cue, canonical):
    assert _sources(text, cue)[-1] == canonical


def test_the_countrys_president_is_of_the_country_just_made_a_subject():
    text = ("Iran on Friday released a British-flagged oil tanker it had seized in July, while the country’s "
            "president, returning from an annual United Nations meeting, said he had been told the United States had "
            "offered to lift sanctions.")
    found = _one(text, "said")
    assert (found.source_canonical, found.affiliation) == ("president [Iran]", "Iran")
    # a country only mentioned is not the one "the nation's" takes up
    text = ("Trump chastised his intelligence officials for being soft on Iran. On Tuesday, the nation's top "
            "intelligence official told lawmakers that Iran was not building a bomb.")
    assert _one(text, "told").affiliation != "Iran"


@pytest.mark.parametrize("text, cue", [
    ("“Our message to the enemies is to leave the region,” the general said, according to the ISNA news agency.",
     "according to"),
    ("Iran's official Irna news agency reported that the tanker had been released.", "reported"),
])
def test_a_news_agency_is_named_as_the_entity_table_names_it(text, cue):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type, found.affiliation) in {("ISNA", "media", "Iran"),
                                                                              ("IRNA", "media", "Iran")}


def test_an_authority_is_a_body_and_authorities_are_unnamed_officials():
    found = _one("Iran’s aviation authority said on Wednesday it would not hand over the flight recorders.", "said")
    assert (found.source_type, found.affiliation) == ("organization", "Iran")
    found = _one("Iranian authorities said on Wednesday they would not hand over the flight recorders.", "said")
    assert (found.source_canonical, found.source_type) == ("authority [Iran]", "anonymous")


def test_where_a_source_comes_from_is_not_whom_it_speaks_for():
    text = ("“Sistani is on the side of tolerance,” says Abbas Kadhim, head of the Iraq Initiative at the Atlantic "
            "Council think tank in Washington. “Khamenei's system rests on an exclusive claim,” says Mr. Kadhim, who "
            "is from Najaf.")
    assert [a.affiliation for a in _attributions(text) if a.cue == "say"] == ["US", "US"]


def test_of_a_couple_the_one_the_quote_names_is_not_the_speaker():
    text = ("Ben Waxman and Whitney Waxman own the factory. Whitney Waxman runs the books.\n\n“That really resonated "
            "with me,” Waxman said. “They walked out of war-torn countries. If they could get through that, why "
            "couldn't Whitney and I lead the company through this?”")
    assert _one(text, "said").source_canonical == "Ben Waxman"


@pytest.mark.parametrize("text, cue, canonical", [
    ("Defense Secretary Mark Esper said there were no plans to leave. A U.S. military official in Iraq told NPR "
     "that the troops would be moved to safer countries. He added that most are coalition forces.", "added",
     "official [US]"),
    ("“The killing has made it impossible for American troops to remain,” says an Iraqi official in Baghdad who "
     "asked not to be named. “It is seen as American overreach,” he says.", "says", "official [Iraq]"),
])
def test_he_after_one_unnamed_person_quoted_is_that_person(text, cue, canonical):
    assert _sources(text, cue)[-1] == canonical


@pytest.mark.parametrize("text, cue, canonical", [
    # "according to" an unnamed source: the pronoun is the person the sentence is about
    ("Brian Hook is still pleading his case. According to a senior administration official, he is telling "
     "officials the report was biased. He is considering action against the inspector general.", "considering",
     "Brian Hook"),
    # "the general" is an office the article named a holder of
    ("Gen. Amir Ali Hajizadeh spoke on state TV. The operator mistook the plane for a missile, according to the "
     "general. “He had 10 seconds to decide,” he added.", "added", "Amir Ali Hajizadeh"),
])
def test_he_is_not_an_unnamed_source_the_sentence_is_not_about(text, cue, canonical):
    assert _sources(text, cue)[-1] == canonical


def test_a_role_in_apposition_to_a_name_speaks_as_that_person():
    text = ("Republican Senator Lindsey Graham of South Carolina, a prominent Trump ally who has criticized the "
            "withdrawal plan, suggested the stance emboldened the militants. He urged Trump to reconsider.")
    assert [a.source_canonical for a in _attributions(text) if a.cue in ("criticize", "urge")] == [
        "Lindsey Graham", "Lindsey Graham"]


@pytest.mark.parametrize("text, cue, expected", [
    ("Germany’s Lufthansa airline said it would suspend flights to Tehran, citing the uncertain situation.", "said",
     ("Lufthansa", "organization")),
    ("Germany’s Lufthansa airline said it would suspend flights to Tehran, citing the uncertain situation.", "citing",
     ("Lufthansa", "organization")),
    ("President Trump spoke on Friday. Trump himself was saying that the deal was dead.", "saying",
     ("Donald Trump", "named_person")),
    ("The patient describes a fever that lasted a week.", "describes", ("patient [unknown]", "anonymous")),
    # the parser makes "Current" the head here, and the officials its conjunct
    ("“It is a mistake,” said the committee’s top Democrat, Sen. Bob Menendez.\n\nCurrent and former officials "
     "familiar with the matter say Secretary of State Mike Pompeo backed the plan.", "say",
     ("official [unknown]", "anonymous")),
])
def test_companies_people_and_names_the_tagger_missed(text, cue, expected):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type) == expected


def test_another_is_one_more_of_the_people_just_named():
    text = "Protesters gathered in Tehran. “She is bleeding!” one person shouts. Another shouts: “Bandage it!”"
    assert [a.source_canonical for a in _attributions(text) if a.cue_text == "shouts"] == [
        "person [unknown]", "person [unknown]"]


def test_an_epithet_for_anyone_is_no_one_named():
    text = ("President Trump spoke on Friday. Even the most rabid anti-Trump Democrat thought the strike was "
            "justified.")
    assert _one(text, "thought").source_canonical != "Donald Trump"


def test_a_nationality_word_before_a_name_is_part_of_a_bodys_name():
    text = ("Ten drones launched an attack on Saudi Aramco's Abqaiq plant, according to Gulf News.\n\n"
            "Saudi Aramco describes Abqaiq as “the largest crude oil stabilization plant in the world.”")
    found = _one(text, "describes")
    assert (found.source_canonical, found.source_type) == ("Saudi Aramco", "organization")


@pytest.mark.parametrize("text, cue, canonical", [
    ("Pro-Trump pundits questioned Lt. Col. Alexander Vindman's patriotism on Monday. The officer was to testify "
     "that he is not the whistle-blower.", "testify", "Alexander Vindman"),
    ("Gen. Mark Milley spoke to reporters. The general said the strike was lawful.", "said", "Mark Milley"),
    ("Secretary of State Mike Pompeo flew to Baghdad. An Iranian minister said the visit was a provocation.", "said",
     "minister [Iran]"),
])
def test_the_officer_is_the_person_named_with_a_rank_and_an_unnamed_minister_is_nobody_named(text, cue, canonical):
    assert _one(text, cue).source_canonical == canonical


def test_state_tv_is_the_state_the_article_is_about_when_it_does_not_say():
    text = ("General Qassem Soleimani's funeral drew crowds in Iran and Iraq. In Kerman, Iran, more than 50 died, "
            "state TV reported. Iranian officials said the burial was postponed. Tehran declared mourning.")
    found = _one(text, "reported")
    assert (found.source_canonical, found.affiliation, found.affiliation_evidence) == (
        "Iranian state TV", "Iran", "article context")


@pytest.mark.parametrize("text, cue", [
    ("When the president's team calls, you come running, and Hook's phone rang often.", "calls"),
    ("President Donald Trump calls to the media as he waits to greet Dutch Prime Minister Mark Rutte.", "calls"),
    ("Calling in to “Fox & Friends,” he said the decision would be “a stain on America's honor.”", "Calling"),
    ("And the dots are that Trump talked to a Soviet official in 1986 when they visited America.", "talked"),
])
def test_a_call_or_a_talk_with_nothing_said_is_contact_not_a_report(text, cue):
    assert _sources(text, cue) == []


@pytest.mark.parametrize("text, cue", [
    ("Trump called Soleimani a terrorist on Friday.", "called"),
    ("Iran called for talks with the Europeans.", "called"),
    ("Pompeo talked about the strike for an hour.", "talked"),
])
def test_a_call_or_a_talk_with_what_was_said_still_reports(text, cue):
    assert _one(text, cue).factuality == "asserted"


def test_would_have_said_is_a_counterfactual():
    text = "The American people would have said that we weren't doing the right thing to protect American lives."
    assert _one(text, "said").factuality == "hypothetical"


def test_a_bracketed_link_with_a_colon_is_not_speech():
    text = "Each took a mask.\n\n[CDC: Covid-19 death toll is twice as high for people of color under 65]\n\nThe plant shut."
    assert _sources(text, ":") == []


@pytest.mark.parametrize("text, cue, canonical", [
    ("Foreign Minister Javad Zarif apologised to the families of the victims. “Human error led to this disaster,” "
     "he said.\n\nAnd Iran's ambassador to the UK, Hamid Baeidinejad, apologised for sharing “wrong findings” about "
     "the crash. He had said Iran was “confident” that a missile had not been launched.", "said Iran", "Hamid Baeidinejad"),
    ("McConnell added his disapproval to that of Nikki Haley and other confidants. Even televangelist Pat Robertson, "
     "a longtime conservative voice among Bible-belt Christians, issued a televised slap.\n\nTrump, he said, 'is now "
     "allowing the Christians and the Kurds to be massacred by the Turks.'", "said", "Pat Robertson"),
    ("President Donald Trump met French President Emmanuel Macron in Biarritz. Trump has chided Macron in the past "
     "for sending “mixed signals” to Iran; he said Sunday he hadn't discussed any joint message.", "said", "Donald Trump"),
])
def test_he_is_the_subject_the_name_stands_for_even_when_the_parse_hangs_it_on_its_title(text, cue, canonical):
    found = [a for a in _attributions(text) if text[a.cue_start:].startswith(cue)]
    assert [a.source_canonical for a in found] == [canonical]


@pytest.mark.parametrize("text, cue, canonical, source_type", [
    ("A U.S. official said a dozen troops were flown out.\n\nTrump and other top officials initially said Iran's "
     "attack had not injured any U.S. service members.", "said Iran", "Donald Trump", "named_person"),
    ("Andrea Gallagher, the SEAL's wife, shared a photo on social media.\n\nGallagher's wife also uploaded an "
     "Instagram video on Tuesday and said 'we have our life back'.", "said", "Andrea Gallagher", "named_person"),
    ("A State Department spokesperson said the embassy was safe.", "said", "US State Department", "organization"),
    ("A spokesman for Schumer said the senator would vote no.", "said", "spokesman [unknown]", "organization"),
    ("Senate Minority Leader Charles Schumer spoke on Monday. A spokesman for Schumer said the senator would vote "
     "no.", "said the senator", "spokesman [US]", "organization"),
    ("One senior Republican senator said things are worse now than under Sen. Harry Reid.", "said", "senator [US]",
     "anonymous"),
    ("Trump told reporters the U.S. would work with the British. According to a statement, the U.S. military said "
     "aircraft were monitoring the strait.", "According to", "US military", "organization"),
    ("Politico reported that the talks had stalled.", "reported", "Politico", "media"),
])
def test_coordinated_people_relatives_spokespeople_and_documents(text, cue, canonical, source_type):
    found = [a for a in _attributions(text) if text[a.cue_start:].startswith(cue)]
    assert [(a.source_canonical, a.source_type) for a in found] == [(canonical, source_type)]


def test_they_is_the_people_the_sentence_before_made_its_subject():
    text = ("U.S. officials braced for Iran to respond to the killing of its most powerful general, noting heightened "
            "military readiness. They warned ships across Mideast waterways about the “possibility of Iranian "
            "action” against U.S. maritime interests.")
    assert _one(text, "warned").source_canonical == "official [US]"


@pytest.mark.parametrize("text, cue, canonical, affiliation", [
    ("The Russian military said its jets had struck the convoy.", "said", "Russian military", "other"),
    ("The Iraqi government said the strike violated its sovereignty.", "said", "Iraq", "Iraq"),
    ("The ministry said the talks would resume.", "said", "ministry [unknown]", "unknown"),
    ("World health officials said the virus was spreading.", "said", "official [other]", "other"),
])
def test_unnamed_bodies_placed_by_a_nationality_word_are_named_as_readers_name_them(text, cue, canonical, affiliation):
    found = _one(text, cue)
    assert (found.source_canonical, found.affiliation) == (canonical, affiliation)


def test_a_body_led_by_a_people_is_not_led_by_their_country():
    found = _one("Kurdish-led forces in northeast Syria confirmed that U.S. forces had withdrawn.", "confirmed")
    assert "led" not in found.source_canonical


@pytest.mark.parametrize("text, cue, canonical", [
    ("The U.S.-led coalition said on Sunday that two soldiers were killed.", "said", "US-led coalition"),
    ("The US-led military coalition fighting ISIS in Iraq said it had paused training.", "said", "US-led coalition"),
    # placed by the article's other mentions of the same noun: a country's own body, and the US-led coalition
    ("Because of tensions with the US, Iran's military was at its highest level of readiness. The military said "
     "the jet turned towards a sensitive site.", "said the jet", "Iranian military"),
    ("Because of tensions with the US, Iran's military was at its highest level of readiness. The military said "
     "the jet turned towards a sensitive site. It added that those responsible would be prosecuted.", "added",
     "Iranian military"),
    ("The U.S. military says its strikes kill no civilians. The military said the strikes were lawful.",
     "said the strikes", "US military"),
    ("The U.S.-led coalition in Iraq paused the training of Iraqi forces. The coalition said the decision is "
     "subject to review.", "said", "US-led coalition"),
    ("The military said the drills were over.", "said", "military [unknown]"),  # placed by nothing: unnamed

    # a body that is not a country's own keeps its role: "the group" is no "Iranian group"
    ("An Iranian group has grown in Iraq. The group said it would retaliate.", "said", "group [Iran]"),
])
def test_a_body_placed_by_its_article_is_named_as_readers_name_it(text, cue, canonical):
    found = [a for a in _attributions(text) if text[a.cue_start:].startswith(cue)]
    assert [a.source_canonical for a in found] == [canonical]


@pytest.mark.parametrize("text, side", [
    ("Oliver North, a controversial figure in the 1980s Iran-Contra scandal, said he would not serve a second term.",
     "unknown"),
    ("Ali Vaez, a veteran of the Iran-Iraq War, said the strike was a mistake.", "unknown"),
    ("An Iranian-American journalist, Negar Mortazavi, said the strike was a mistake.", "US"),
    ("An Iranian journalist, Negar Mortazavi, said the strike was a mistake.", "Iran"),
])
def test_a_country_in_the_name_of_an_affair_or_before_a_second_nationality_is_no_side(text, side):
    assert _one(text, "said").affiliation == side


@pytest.mark.parametrize("text, cue, speaker", [
    ("The assault prompted U.S. Secretary of State Mike Pompeo to accuse Iran of an act of war.", "accuse",
     "Mike Pompeo"),
    ("The strike led Iranian officials to warn of revenge.", "warn", "official [Iran]"),
    ("Pompeo flew to Riyadh to tell the king that Iran was behind the attack.", "tell", "Mike Pompeo"),
    ("That prompted Senator Rand Paul, during a CNN interview, to argue that Graham had not read the Constitution.",
     "argue", "Rand Paul"),
])
def test_the_object_of_a_verb_that_makes_someone_speak_is_the_speaker(text, cue, speaker):
    assert _one(text, cue).source_canonical == speaker


@pytest.mark.parametrize("text, cue, not_speaker", [
    # a directive says what its object was to do, not what the object said
    ("Mike Hunter, the attorney general of Oklahoma, asked Donald Trump to pardon Behenna, admitting that some of "
     "his actions were objectionable.", "admitting", "Donald Trump"),
    ("The order directs executive branch agencies to ask the regulators to study the rules.", "ask",
     "agency [unknown]"),
    ("Trump turned on Yamiche Alcindor, whom he told to be nice and not ask threatening questions.", "ask", "whom"),
])
def test_the_object_of_a_directive_is_not_the_speaker(text, cue, not_speaker):
    found = [a for a in _attributions(text) if a.cue_text == cue]
    assert found == [] or found[0].source_canonical != not_speaker


@pytest.mark.parametrize("text, speaker", [
    ("Esmail Ghaani will now head the Quds Force, Reuters reported, citing Iranian state media.",
     "Iranian state media"),
    ("The strike killed two contractors, the newspaper said, citing U.S. officials.", "official [US]"),
    ("President Donald Trump defended the strike, citing the attacks on American bases.", "Donald Trump"),
    ("Trump is expected to hire Bondi this week, The Wall Street Journal reported Wednesday, citing senior "
     "administration officials.", "official [US]"),
    # a law, an index or an authority is a reason given, not a source passing a report on
    ("The two-page memo cites the 2002 authorization for the use of military force.", "memo [unknown]"),
    ("Trump can reasonably cite the Consumer Price Index.", "Donald Trump"),
    # citing that is not a report's leaves the citer the speaker (samples 3 and 26's readers)
    ("According to Haider Saeed, who cited sources in Iraq, Soleimani told Abdul Mahdi that Iran would keep him in "
     "power.", "Haider Saeed"),
    ("President Donald Trump, who commuted the sentence of another inmate, cited Nahmani's bipartisan advocates in "
     "Congress, who recommended his release.", "Donald Trump"),
])
def test_a_cited_source_is_the_speaker_and_a_cited_thing_leaves_the_citer(text, speaker):
    cue = next(word for word in ("citing", "cites", "cited", "cite") if f" {word} " in text)
    assert _one(text, cue).source_canonical == speaker


def test_the_article_is_the_column_named_before_and_its_outlet_speaks():
    text = ("One recent Boston Globe column highlights how much the ground has shifted. Both sides have their "
            "billionaire bogeymen. But Soros and the Kochs are uniting to revive a peaceable foreign policy, "
            "according to the article.")
    found = _one(text, "according to")
    assert (found.source_canonical, found.source_type) == ("Boston Globe", "media")


@pytest.mark.parametrize("text, speaker", [
    ("Iran's naval commander warned Monday that Iranian forces would not hesitate to act again. Tensions have been "
     "rising for weeks. Iran's naval commander, Rear Adm. Hossein Khanzadi, issued a warning to Washington.",
     "Hossein Khanzadi"),
    # a holder placed elsewhere by the sentence naming him is not the lede's: Lebanon's prime minister; the one the
    # next sentence names for the first time is (session 32: it was "minister [Iraq]", unresolved, before)
    ("Iraq's prime minister announced Friday that he would resign. Abdul-Mahdi would be the second prime minister "
     "forced out by protests. In Lebanon, the resignation of Prime Minister Saad Hariri led to gridlock.",
     "Adel Abdul Mahdi"),
    # no qualifier repeated: an office named before any holder is not taken forward
    ("The president warned Monday that forces would not hesitate to act. Tensions have been rising. President "
     "Hassan Rouhani visited the port.", "president [unknown]"),
])
def test_a_lede_s_office_is_the_holder_the_article_names_later_with_the_same_title(text, speaker):
    assert _one(text, "announced" if "announced" in text else "warned").source_canonical == speaker


def test_an_envoy_is_not_on_the_side_of_the_country_he_is_posted_to():
    from corpus.extract.attribution import _without_host

    doc = get_pipeline()("Pakistani Ambassador to the U.S. Asad M. Khan said Pakistan wanted peace.")
    kept = [t.text for t in _without_host(list(doc))]
    assert "U.S." not in kept and "Pakistani" in kept and "Khan" in kept


@pytest.mark.parametrize("text, cue, canonical, source_type", [
    ("The British say her immunity should be waived.", "say", "United Kingdom", "organization"),
    ("The Americans warn the firm poses a security threat.", "warn", "United States", "organization"),
    ("By 1980, the Soviets openly boasted that the balance favored them.", "boasted", "Soviet Union", "organization"),
    # without "the", or with a quantifier, a nation's people are people
    ("Americans say in polls that they want the troops home.", "say", "american [US]", "anonymous"),
    ("Many Iraqis say the government failed them.", "say", "iraqi [Iraq]", "anonymous"),
    # a people whose singular alone is listed ("Ukrainian"): the plural is on the same side; a common noun's
    # plural is not read as its singular ("Representatives" are not the US House's)
    ("Representatives of the Iraqi protesters said they would keep marching.", "said", "representative [Iraq]",
     "organization"),
    ("The Ukrainians say the airliner was shot down.", "say", "Ukraine", "organization"),
    ("Many Ukrainians say the airliner was shot down.", "say", "ukrainian [other]", "anonymous"),
])
def test_the_americans_acting_are_their_government(text, cue, canonical, source_type):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type) == (canonical, source_type)


@pytest.mark.parametrize("text, cue, canonical", [
    # a document sent by someone in the same clause speaks for its sender; a noun compound that cannot speak is
    # the document's kind ("fundraising"), not its issuer
    ('Paul fired off a fundraising email that labeled Graham a "member of the eye roll caucus."', "labeled",
     "Paul"),
    # comments by someone are that person's
    ("While insisting Iran seeks no weapon, the comments by Behrouz Kamalvandi of the Atomic Energy Organization "
     "of Iran threatened pushing enrichment far beyond levels ever reached.", "threatened", "Behrouz Kamalvandi"),
    # "the company", "the electric-vehicle maker": the company named last; "the outlet": the outlet named last
    ("Tesla Inc.'s stock gained 3% after the electric-vehicle maker reported delivery data.", "reported", "Tesla"),
    ("Boeing shares fell on Monday. The company said it would cooperate with investigators.", "said", "Boeing"),
    ('The Federalist first reported the meeting. "His office did not respond," the outlet reported.',
     "reported.", "The Federalist"),
])
def test_documents_and_definite_descriptions_speak_for_whoever_they_stand_for(text, cue, canonical):
    found = [a for a in _attributions(text) if text[a.cue_start:].startswith(cue)]
    assert [a.source_canonical for a in found] == [canonical]


@pytest.mark.parametrize("text", [
    "So the threats came first.\n\nPutin: Escalate to Win\n\nTo make matters worse, the threats grew.",
    "Protesters marched in London.\n\nIn Italy:\n\nA group of demonstrators gathered outside the consulate.",
    "We want to hear from you! Email: asimendinger@thehill.com and aweaver@thehill.com.",
    "The notice had to be sent to Congress.\n\nTRUMP WARNS IRAN: US HAS TARGETED ’52 IRANIAN SITES’ AND WILL ‘HIT "
    "VERY FAST AND VERY HARD’\n\nThe president spoke on Saturday.",
    # a linked story's headline that ends in a quoted phrase: a closing quotation mark ends no sentence by itself
    "Those are the things the WHO has failed in.\n\nPompeo: China's Bad Behavior Escalated When Obama/Biden Let Them "
    "'Walk All Over US'\n\nDemocrats say it is the administration that failed.",
])
def test_headings_and_contact_lines_with_a_colon_are_no_speech(text):
    assert [a for a in _attributions(text) if a.cue_text == ":"] == []


@pytest.mark.parametrize("text", [
    "The talks failed.\n\nZarif: 'We do not seek war.'\n\nThe minister spoke on Monday.",
    "The talks failed.\n\nZarif: \"We do not seek war\".\n\nThe minister spoke on Monday.",
])
def test_a_quotation_after_a_colon_that_ends_its_sentence_is_speech(text):
    assert [a.source_canonical for a in _attributions(text) if a.cue_text == ":"] == ["Mohammad Javad Zarif"]


@pytest.mark.parametrize("text, cue", [
    ("Biden was an early supporter of the idea, though he speaks about it less now.", "speaks"),
    ("Seth Moulton may be the only one who actually talks much about the world.", "talks"),
    ("It offered a link to a site that looked like a password-reset form.", "offered"),
    ("On its face, FATCA reads like a basic approach to financial transparency.", "reads"),
    ("Trump called off the military action at the last minute.", "called"),
    ("He referred questions about the attack to the Defense Department.", "referred"),
    ("A group called the \u201cArmy of Jesus\u201d posted pictures of the candidate.", "called"),
    ("When approached for comment, the Pentagon referred Foreign Policy to the State Department.", "referred"),
])
def test_habits_gifts_and_likenesses_are_no_reports(text, cue):
    assert [a for a in _attributions(text) if text[a.cue_start:].startswith(cue)] == []


@pytest.mark.parametrize("text, cue", [
    ('He talks frequently of the "deep state" and "witch hunts" that are out to get him.', "talks"),
    ("US officials also have offered differing accounts of the motivations behind the attack.", "offered"),
    ("Schumer offered to postpone the votes until Wednesday.", "offered"),
])
def test_quoted_topics_and_offers_in_words_stay_reports(text, cue):
    assert len([a for a in _attributions(text) if text[a.cue_start:].startswith(cue)]) == 1


@pytest.mark.parametrize("text, cue, factuality, kind", [
    ('Asked about his presence, Trump offered only a curt "no comment."', "offered", "negated", "speech"),
    ("But when someone asks you to suffer short-term pain, you ask them why.", "asks", "hypothetical", "speech"),
    ("Other polls suggest Trump himself is not trusted on foreign policy.", "suggest", "asserted", "evidence"),
])
def test_no_comment_anyone_and_polls(text, cue, factuality, kind):
    found = [a for a in _attributions(text) if text[a.cue_start:].startswith(cue)]
    assert [(a.factuality, a.cue_kind) for a in found] == [(factuality, kind)]


@pytest.mark.parametrize("text, cue, expected", [
    # an outlet named in full once and shortened after is the one outlet
    ("The Wall Street Journal first reported the talks. The Journal said the officials had met twice.", "said",
     ("Wall Street Journal", "media", "US")),
    ("The New York Times reported the strike. Later the Times said it had been planned for weeks.", "said",
     ("New York Times", "media", "US")),
    # a proper noun before "news agency" names the outlet, as the alias table knows it
    ("According to the semi-official Tasnim news agency, the drone was shot down.", "According to",
     ("Tasnim", "media", "Iran")),
    ("Iran's state-run Fars News Agency reported the launch.", "reported", ("Fars", "media", "Iran")),
    # short and variant outlet names are the outlet the affiliation table places
    ("AP reported that two rockets hit the base.", "reported", ("Associated Press", "media", "US")),
    ("The Intercept reported that the program was secret.", "reported", ("The Intercept", "media", "US")),
])
def test_outlets_are_named_in_full_and_placed(text, cue, expected):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type, found.affiliation) == expected


def test_the_journal_is_not_a_journal_the_article_never_named():
    found = _one("The Journal said the officials had met twice.", "said")
    assert found.source_canonical != "Wall Street Journal"


def test_a_lower_case_speaker_label_is_the_person_in_the_case_names_take():
    text = ("archived recording (president donald trump) We will never let it happen. "
            "Later, donald trump said the wall would be built. Trump said it again.")
    assert [a.source_canonical for a in _attributions(text) if a.cue_text == "said"] == ["Donald Trump"] * 2


@pytest.mark.parametrize("surface, canonical", [
    ("Gen Hajizadeh", "Hajizadeh"),            # BBC style: titles without a full stop
    ("Lt Col Alexander Vindman", "Alexander Vindman"),
    ("Gen. Kenneth McKenzie", "Kenneth McKenzie"),
])
def test_titles_without_a_full_stop_are_titles(surface, canonical):
    assert normalise_surface(surface) == canonical


@pytest.mark.parametrize("text, cue, source, factuality", [
    # light verbs: the report is in the noun (or "clear") and its clause
    ("Sanders made the case that he is the best candidate to beat Trump.", "made", "Sanders", "asserted"),
    ("Republicans made clear that they would like to see him come around.", "made", "Republicans", "asserted"),
    ("Ryan made it clear that he is being polite.", "made", "Ryan", "asserted"),
    ("The general gave a warning that the militias would strike again.", "gave", "The general", "asserted"),
    ("Trump made no mention of Jeb Bush.", "made", "Trump", "negated"),
    # "call for" with a clause the parser hangs on "for"
    ("She also called for all candidates to lay out specifics.", "called", "She", "asserted"),
    ("Khamenei called for three days of mourning.", "called", "Khamenei", "asserted"),
    # "put it" before a quotation
    ('Or, as Tom Ridge, a former secretary of homeland security, put it: "The barbarians are inside."', "put",
     "Tom Ridge, a former secretary of homeland security", "asserted"),
    ('As Vulture put it, "Hello, it is the Biebs."', "put", "Vulture", "asserted"),
])
def test_light_verbs_call_for_and_put_it_are_reports(text, cue, source, factuality):
    found = _one(text, cue)
    assert (found.source, found.factuality, found.cue_kind) == (source, factuality, "speech")


@pytest.mark.parametrize("text", [
    "The company made a profit of $3 million.",
    "Iran made progress on its enrichment program.",
    "He called for a while, then hung up.",
    "They talked for an hour.",
    'He put it on the table and left. "We are done," she said.',
    "Pompeo issued a statement of his own.",
])
def test_light_verbs_without_a_report_are_not_attributions(text):
    assert [a.source for a in _attributions(text) if a.cue_text in ("made", "called", "talked", "put", "issued")] == []


@pytest.mark.parametrize("text, canonical", [
    ("The U.S. administration said it would respond. The Trump administration said no. "
     "The Trump administration said it again.", "Trump administration"),
    ("The Trump administration imposed sanctions. George W. Bush's administration made the case that Saddam "
     "Hussein had weapons of mass destruction.", "George W. Bush administration"),
])
def test_an_administration_is_its_own_president_s_or_the_one_the_article_names(text, canonical):
    assert _attributions(text)[0].source_canonical == canonical


@pytest.mark.parametrize("text, expected", [
    ("FARS reported that the missile hit the base.", ("Fars", "media", "Iran")),
    ("A 2013 New Republic story said the program failed.", ("The New Republic", "media", "US")),
])
def test_outlets_the_parse_left_unnamed_are_named_by_the_tables(text, expected):
    found = _attributions(text)[0]
    assert (found.source_canonical, found.source_type, found.affiliation) == expected


@pytest.mark.parametrize("text, cue, factuality", [
    ("While Gallagher is yet to comment on the president's support, his ties to the administration are clear.",
     "comment", "negated"),
    ("Iran has yet to say whether it will respond.", "say", "negated"),
])
def test_yet_to_say_is_not_said(text, cue, factuality):
    assert [a.factuality for a in _attributions(text) if a.cue_text == cue] == [factuality]


@pytest.mark.parametrize("text, cue", [
    ("IS affiliates in other countries continue to pose a threat, and the group's ideology has inspired attacks.",
     "continue"),
    ("These think tanks employ experts. They write opinion columns and bloviate on news channels.", "write"),
    ("These think tanks employ experts who advise politicians.", "think"),
    ("She wrote a column on the war.", "wrote"),
    ("The disclosure says so. (RELATED: Arab Sheikh Tried To Force American Security To Murder Two People, "
     "Federal Lawsuit Says)\nA serf class of two million serve the elites.", "Says"),
    ("Iran Says It Will Retaliate\nThe country's leaders met on Sunday.", "Says"),
    ("He added: \"No American lives were lost.\"\n\nIRAN'S SUPREME LEADER CALLS MISSILE STRIKE AT BASES A 'SLAP IN "
     "THE FACE,' WARNS IT'S NOT ENOUGH\n\nAt the same time, he said the U.S. continues to evaluate options.", "CALLS"),
])
def test_aspect_authorship_misparses_and_headlines_are_no_reports(text, cue):
    assert [a.source for a in _attributions(text) if a.cue_text == cue] == []


@pytest.mark.parametrize("text, cue", [
    ("The problem is that some top officials continue to make statements that could pave a pathway to war.",
     "continue"),
    ("He wrote a column saying the war was lost.", "wrote"),
    ('Zarif wrote: "The US is a rogue state."', "wrote"),
])
def test_statements_made_and_written_stay_reports(text, cue):
    assert len([a for a in _attributions(text) if a.cue_text == cue]) == 1


def test_a_thing_that_underscores_is_evidence_not_speech():
    found = _one("Biden's catastrophic failure in the 1991 hearings starkly underscores the failings of his approach.",
                 "underscores")
    assert found.cue_kind == "evidence"


def test_a_phone_call_speaks_for_its_caller():
    found = _one("Trump's phone call to the Ukrainian president asking him to look into the matter is at the heart "
                 "of the probe.", "asking")
    assert found.source_canonical == "Donald Trump"


def test_a_pronoun_after_a_report_whose_setting_opens_the_sentence_is_its_speaker():
    text = ("In 2015, Marat Burkhard, a former employee of the IRA, spoke publicly about his time there, describing "
            "people working long shifts. He described the IRA recruiting people.")
    assert _one(text, "described").source_canonical == "Marat Burkhard"
    assert _one(text, "spoke").content == "about his time there"


@pytest.mark.parametrize("text, expected", [
    ("A State Department spokesperson said reports of an evacuation were false. The envoy was returning to the "
     "embassy, the official said.", ("US State Department", "organization", "US")),
    ("A senior White House official said the talks had stalled. This source said Iran had rejected the offer.",
     ("official [US]", "anonymous", "US")),
    # two unnamed officials: "the official" is the last one introduced
    ("A senior Iraqi official said the base was hit. An American official said the base was empty. "
     "The official said no one was hurt.", ("official [US]", "anonymous", "US")),
    # taken up again after a definite mention of its own
    ("Some of the drones flew over Kuwait, according to the Western intelligence source, who said the route gave "
     "Iran deniability. “That would not have been the case from the south,” the person said.",
     ("source [other]", "anonymous", "other")),
])
def test_the_official_is_the_unnamed_source_just_introduced(text, expected):
    found = [a for a in _attributions(text) if a.cue == "say"][-1]
    assert (found.source_canonical, found.source_type, found.affiliation) == expected
    assert found.affiliation_evidence == "antecedent"


@pytest.mark.parametrize("text, cue", [
    ("The news of the secret meeting was first reported by Mollie Hemingway at The Federalist.", "reported"),
    ("As Sarah Lazare and Michael Arria point out over at In These Times, the reaction has been disingenuous.",
     "point"),
    ("But as Alex Ward and Tara Golshan reported for Vox, the story of Biden and Iraq is long.", "reported"),
    ("The Federalist's Mollie Hemingway said the meeting was secret.", "said"),
])
def test_a_journalist_placed_at_an_outlet_reports_for_the_outlet(text, cue):
    assert _one(text, cue).source_type == "media"


def test_a_person_at_an_event_is_no_journalist():
    assert _one("Trump said at the White House that the strike was justified.", "said").source_type == "named_person"


@pytest.mark.parametrize("text, cue, factuality", [
    ("Almost nobody asked if the US military presence in the Persian Gulf was justified.", "asked", "negated"),
    ("No official said the base had been warned.", "said", "negated"),
    ("While the U.S. military has to immediately report incidents threatening life, it does not have to do so "
     "with brain injuries.", "report", "hypothetical"),
    ("Pompeo canceled a planned stop in Moscow to talk about Iran with his European counterparts.", "talk",
     "hypothetical"),
    # anyone at all is no one in particular
    ("Any politician who tells you otherwise is dumb or lying.", "tells", "hypothetical"),
    ("Anyone who says the war was legal is lying.", "says", "hypothetical"),
    ("Whoever claims that the deal is dead has not read it.", "claims", "hypothetical"),
    ("An official who said the deal was dead resigned.", "said", "asserted"),
    ("Officials said any deal would need Senate approval.", "said", "asserted"),
])
def test_no_one_obligations_and_purposes_are_not_reports(text, cue, factuality):
    assert [a.factuality for a in _attributions(text) if a.cue_text == cue] == [factuality]


def test_a_rejected_move_is_a_stance():
    assert _one("But Schumer rejected that move, instead making a counter offer.", "rejected").cue_kind == "stance"


def test_a_thing_that_threatens_is_a_risk_not_a_threat():
    assert [a for a in _attributions("The crisis threatens to engulf the region, analysts said.")
            if a.cue_text == "threatens"] == []


def test_a_journalist_s_outlet_places_the_journalist():
    found = _one("The news of the secret meeting was first reported by Mollie Hemingway at The Federalist.", "reported")
    assert (found.source_canonical, found.source_type, found.affiliation) == ("Mollie Hemingway", "media", "US")


def test_a_minister_for_foreign_affairs_is_no_journalist():
    found = _one("Khashoggi was murdered by agents of the Saudi government, said Saudi Arabia's minister of state "
                 "for foreign affairs, Adel al-Jubeir, during a discussion.", "said")
    assert found.source_type == "named_person"


def test_a_report_made_by_reporting_is_no_mere_aim():
    text = "In an online ad, Buttigieg stressed his own military service to argue that he would be more strategic."
    assert _one(text, "argue").factuality == "asserted"


def test_a_time_is_no_topic_of_remarks():
    text = ("A senior administration official who previewed Trump's remarks on Friday would only say that "
            "immigration will be the top priority.")
    assert [a for a in _attributions(text) if a.cue_text == "remarks"] == []


def test_no_name_spans_a_line_break():
    found = _one("Story by Dominique Soguel\nSaadu recalls fighting in 2017 on the front lines of Raqqa.", "recalls")
    assert found.source_canonical == "Saadu"


@pytest.mark.parametrize("surface, canonical", [
    ("Acting Secretary of Defense Patrick Shanahan", "Patrick Shanahan"),
    ("Professor Nicholas Cull", "Nicholas Cull"),
    ("former President Barack Obama", "Barack Obama"),
])
def test_acting_and_former_titles_are_titles(surface, canonical):
    assert normalise_surface(surface) == canonical


def test_an_adviser_to_someone_is_not_that_someone():
    found = _one("A former senior policy adviser to Biden clarified that he was highly critical of the strategy.",
                 "clarified")
    assert (found.source_canonical, found.source_type) == ("adviser [unknown]", "anonymous")


def test_a_senator_named_inside_a_quotation_is_not_the_senator_speaking():
    text = ('"Sen. Schumer is very reluctant to do anything that makes his members mad," the GOP senator said. '
            "The senator cited what Republicans view as Schumer's reluctance to cut deals.")
    assert [a.source_canonical for a in _attributions(text)] == ["senator [US]", "senator [US]"]
    named = _one("Sen. Chuck Schumer spoke on Monday. The senator said the vote would go ahead.", "said")
    assert named.source_canonical == "Charles Schumer"  # the alias table joins his two first names


def test_a_named_person_s_people_are_unnamed_people():
    assert _one("Hook's defenders say his deference to the White House is defensible.", "say").source_type == "anonymous"


@pytest.mark.parametrize("surface", ["[Christopher] Heinz", "Christopher] Heinz"])
def test_an_editor_s_brackets_are_not_part_of_a_name(surface):
    assert normalise_surface(surface) == "Christopher Heinz"


def test_a_first_name_ner_left_out_is_the_speaker_s_own():
    text = ('The daughter of Iran\'s Gen. Qassem Soleimani says the death of her father will "not break us." '
            "Zeinab Soleimani told Lebanon's Al-Manar TV that Trump will not be able to wipe out his legacy.")
    assert _one(text, "told").source_canonical == "Zeinab Soleimani"
    # a title before the surname is no first name: "Gen Soleimani" is the story's Soleimani
    assert [a.source_canonical for a in _attributions("President Trump said the strike was justified. "
                                                      "Gen Soleimani said it would be avenged.")] == \
        ["Donald Trump", "Qassem Soleimani"]


def test_a_pronoun_inside_a_relative_clause_on_a_named_person_is_that_person():
    text = ("Two SEALs testified they saw Gallagher stab the prisoner, including Special Operator Corey Scott, who "
            "stunned the court when he said he was the one who ultimately killed the teen.")
    assert _one(text, "said").source_canonical == "Corey Scott"
    # "whom": the person is the clause's object, and the "he" is the clause's subject
    text = "Edward Gallagher, whom Corey Scott accused when he said the prisoner was dying, denied the charge."
    assert _one(text, "said").source_canonical == "Corey Scott"


def test_a_pronoun_in_a_relative_clause_on_a_person_s_words_is_that_person():
    text = ("President Donald Trump spoke on Monday. CNN's Jim Acosta proceeded to quote several of Trump's earlier "
            "comments in which he said the outbreak was very much under control.")
    assert _one(text, "said").source_canonical == "Donald Trump"
    # no possessor on the noun: the clause's "he" is still the main clause's subject
    text = "CNN's Jim Acosta read out a letter in which he said the outbreak was very much under control."
    assert _one(text, "said").source_canonical == "Jim Acosta"
    # a clause opened by "which" alone says what the main clause's subject said of the possessor's thing
    text = "President Donald Trump attacked Joe Biden's plan, which he said would destroy the suburbs."
    assert _one(text, "said").source_canonical == "Donald Trump"


def test_a_pronoun_in_a_free_relative_on_a_person_s_noun_is_that_person():
    # Hobbs (1978): the walk up from the pronoun meets the possessor of the noun phrase it sits in first
    text = "John Kerry's vote contrasted with Barack Obama's opposition to what he called a dumb war."
    assert _one(text, "called").source_canonical == "Barack Obama"
    # no possessor on the noun: the main clause's subject
    text = "Barack Obama voiced opposition to what he called a dumb war."
    assert _one(text, "called").source_canonical == "Barack Obama"
    text = "Joe Biden wrote a letter in opposition to what he called a reckless strike."
    assert _one(text, "called").source_canonical == "Joe Biden"


@pytest.mark.parametrize("opening", ["The rest of Joe Biden's speech was about jobs.",
                                     "Much of Joe Biden's speech was about jobs."])
def test_the_possessor_inside_a_part_of_the_subject_is_the_next_pronoun(opening):
    text = f"Donald Trump spoke first. {opening} He said the plan would work."
    assert _one(text, "said").source_canonical == "Joe Biden"


def test_a_subject_s_of_phrase_that_is_not_a_part_keeps_the_earlier_subject():
    text = "Donald Trump spoke first. The critics of Joe Biden's plan were loud. He said the plan would fail."
    assert _one(text, "said").source_canonical != "Joe Biden"


def test_a_fronted_preposition_s_object_the_parser_took_for_the_subject_is_not_the_speaker():
    text = ("In an interview with Saudi-owned newspaper Asharq al-Awsat, Crown Prince Mohammed bin Salman called on "
            "other countries to take a “decisive stand” against the attack.")
    assert _one(text, "called").source_canonical == "Mohammed bin Salman"
    # a real coordination keeps its first conjunct (the whole group speaks)
    assert _one("Iran, Iraq and Syria said the strike was illegal.", "said").source_canonical == "Iran"


@pytest.mark.parametrize("second, speaker", [
    # the parser hangs the name on the opening place phrase; it is still the sentence's subject, the next "she"
    ("At Pioneer Park in San Diego, Meagan McKenna, 40, laughed as her daughter played beneath the slide.",
     "Meagan McKenna"),
    # a name inside the place phrase is no subject: the earlier subject stays
    ("In the park near Meagan McKenna's house, children laughed as the news played.", "Rebecca Moss"),
])
def test_a_name_the_parser_hung_on_an_opening_place_is_the_subject_a_pronoun_continues(second, speaker):
    text = f"Rebecca Moss said the trial was boring. {second} “That is how politics should be,” she said."
    last = _attributions(text)[-1]
    assert (last.source, last.source_canonical) == ("she", speaker)


def test_a_noun_the_parser_joined_to_an_object_is_the_next_verb_s_subject():
    text = ("Iran has also seized other foreign oil tankers and the U.S. blames Tehran for the downing of a "
            "surveillance drone.")
    assert _one(text, "blames").source_canonical == "United States"
    # a verb that shares the first clause's subject still does
    assert _one("Iran seized two tankers and accused Britain of piracy.", "accused").source_canonical == "Iran"


def test_a_name_with_its_title_after_a_subordinating_word_is_the_subject_of_the_verb_after_it():
    # the parser joined "described" to "defended" with no "and": it is the "after" clause's verb
    text = ("Warren also defended her description of the killing of the Iranian general as an “assassination,” one "
            "day after Mike Bloomberg, the former New York mayor, described Sanders’ use of the word as “an "
            "outrageous thing to say.”")
    assert _one(text, "described").source_canonical == "Mike Bloomberg"
    # a verb joined by "and" shares the first clause's subject
    text = "Warren spoke after Mike Bloomberg, the former mayor, and said the word was right."
    assert _one(text, "said").source_canonical == "Warren"


def test_a_definite_title_the_article_gave_a_named_person_in_the_name_itself():
    text = ("In an interview, Crown Prince Mohammed bin Salman called for a decisive stand. "
            "“The kingdom does not want a war in the region,” the crown prince said.")
    assert _one(text, "said").source_canonical == "Mohammed bin Salman"
    # the name's own words are no title: "the Trump ally" is not Donald Trump
    text = "Donald Trump spoke on Monday. The Trump ally said the strike was lawful."
    assert _one(text, "said").source_canonical != "Donald Trump"


def test_of_two_people_named_as_often_a_bare_surname_is_the_one_made_a_subject():
    assert surname_index(["James Foley", "Diane Foley", "Foley"], subjects={"Diane Foley"})["foley"] == "Diane Foley"
    assert surname_index(["James Foley", "Diane Foley", "Foley"], subjects={"James Foley"})["foley"] == "James Foley"
    # a relative is the bare surname when the person she is related through is never a subject
    assert surname_index(["James Foley", "Diane Foley"], relatives={"Diane Foley"},
                         subjects={"Diane Foley"})["foley"] == "Diane Foley"
    assert surname_index(["Edward Gallagher", "Andrea Gallagher"], relatives={"Andrea Gallagher"},
                         subjects={"Edward Gallagher", "Andrea Gallagher"})["gallagher"] == "Edward Gallagher"
    # "His wife, Andrea Gallagher": the "his" is the article's topic, a subject or not
    assert surname_index(["Edward Gallagher", "Andrea Gallagher", "Andrea Gallagher"], relatives={"Andrea Gallagher"},
                         topic_relatives={"Andrea Gallagher"},
                         subjects={"Andrea Gallagher"})["gallagher"] == "Edward Gallagher"
    text = ("Diane Foley, the mother of the late James Foley, an American journalist who was abducted in 2012, "
            "welcomed the news. “I hope this will hinder the resurgence of terror groups,” Foley, who founded "
            "a legacy foundation, said in a statement.")
    assert _one(text, "said").source_canonical == "Diane Foley"


def test_a_name_ner_took_for_a_place_is_a_person_when_its_apposition_describes_one():
    text = ("Ines Mugisha, a 34-year-old immigrant from Burundi, said her husband caught the virus. "
            "“We’re still scared,” she said.")
    first, second = _attributions(text)
    assert (first.source_canonical, first.source_type) == ("Ines Mugisha", "named_person")
    assert second.source_canonical == "Ines Mugisha"
    # a place with an apposition is still a place
    assert _one("Georgia Tech, a university in Atlanta, said the study was flawed.", "said").source_type == "organization"
    # the first name NER left out of the mention it took for a place
    text = ("What we know about the strike.\n\nSina Toossi, a researcher at the National Iranian American Council, a "
            "Washington-D.C.-based group, noted on Twitter that the meeting was unusual.")
    found = _one(text, "noted")
    assert (found.source_canonical, found.source_type) == ("Sina Toossi", "named_person")



@pytest.mark.parametrize("text, source_type", [
    ("“This could take a longer time,” wrote Magnus Nysveen, head of analysis at Rystad, in a note.", "named_person"),
    ("BSM Ship Management, owner of the tanker, said the crew had been evacuated.", "organization"),
    ("Human Rights Watch, a group based in New York, said the strikes were unlawful.", "organization"),
    (("A year later, the man who took it over from him, Salvatore Cardile, was fighting the bank in court. “The "
      "bank didn’t want the senator’s brother on the paper,” Cardile said at the time."), "named_person"),
])
def test_a_name_ner_took_for_a_body_is_a_person_when_its_apposition_describes_one(text, source_type):
    assert [a.source_type for a in _attributions(text)] == [source_type]


def test_an_unnamed_employee_is_on_the_side_of_the_body_that_employs_them():
    found = _one("NPR’s public editor explained the publication’s policy on the word.", "explained")
    assert (found.source_canonical, found.source_type, found.affiliation) == ("editor [US]", "anonymous", "US")


@pytest.mark.parametrize("text, canonical", [
    ("Two rockets struck an Iranian tanker on Friday, Iran's official state-run media said.", "Iranian state media"),
    ("Iranian state media said the country would no longer respect the limits.", "Iranian state media"),
    ("Turkish state media said the convoy was hit.", "Turkish state media"),
])
def test_state_run_media_are_state_media_of_their_country(text, canonical):
    assert _one(text, "said").source_canonical == canonical


@pytest.mark.parametrize("text, credited", [
    # a reporter's byline closing a section, after someone else's quoted words
    ("On Tuesday, Votel said the fight against the group is “not over.”\n\n-- Kylie Atwood\n\nClaim: more.", False),
    # an embedded post whose text the page lost: the dash opens its own paragraph after the reporter's prose
    ("The US flew Apache helicopters over the embassy as a show of force.\n\n"
     "—OIR Spokesman Col. Myles B. Caggins III (@OIRSpox) December 31, 2019\n\nThe situation follows clashes.", False),
    # an epigraph in a paragraph of its own is still credited
    ("“America goes not abroad in search of monsters to destroy.”\n\n—President John Quincy Adams (1767-1848)\n\n"
     "Last week, the president ordered a strike.", True),
    # so is a post whose text (with its link) is the paragraph before
    ("Media employers will soon stop you from tweeting. pic.twitter.com/Z2CE7XuXJx\n\n"
     "— Noah Rothman (@NoahCRothman) January 6, 2020", True),
])
def test_a_dash_opening_its_own_paragraph_credits_only_an_epigraph_or_a_post(text, credited):
    assert bool([a for a in _attributions(text) if a.cue_text.endswith(("―", "—", "--"))]) is credited


def test_a_contact_verb_with_only_the_one_contacted_reports_nothing():
    text = ("Kumar wasn’t special, per se: Hook has emailed or called ship captains roughly a dozen times.")
    assert [a for a in _attributions(text) if a.cue_text in ("emailed", "called")] == []
    assert _one("Hook emailed the captain that the ship would be seized.", "emailed").source_canonical == "Hook"
    assert "called" not in [a.cue_text for a in _attributions("Once in college, he called Buckley’s agent to express "
                                                              "admiration.")]


def test_a_surname_ner_missed_as_a_subject_is_a_pronoun_s_antecedent():
    text = ("Brian Hook is the envoy. On August 26, Hook directly emailed an Indian ship captain. "
            "“This is Brian Hook,” he wrote to Akhilesh Kumar.")
    assert _one(text, "wrote").source_canonical == "Brian Hook"


@pytest.mark.parametrize("text, cue, reported", [
    ("Late Thursday, the president tweeted an image of an American flag without any text.", "tweeted", False),
    ("Trump keeps close tabs on Fox, and he tweeted a link to a Carlson piece on Monday night.", "tweeted", False),
    ("Trump tweeted a video and wrote that Iran would pay a very big price.", "wrote", True),
    ("Trump tweeted that Iran would pay a very big price.", "tweeted", True),
])
def test_a_post_that_only_shares_a_picture_or_a_link_reports_no_words(text, cue, reported):
    assert bool([a for a in _attributions(text) if a.cue_text == cue and a.factuality == "asserted"]) is reported


def test_refusing_someone_weapons_is_a_decision_not_speech():
    text = "It was the Obama administration that empowered Putin and denied Ukraine weapons."
    assert [a.cue_kind for a in _attributions(text)] == ["stance"]


def test_a_bare_surname_takes_the_full_name_the_article_writes_where_ner_missed_it():
    text = ("Rescuing the boys\n\nZiad Avdalo is a member of a team that has been rescuing Yazidi boys for years. "
            "“We have boys who have arrived here more fundamentalist than ISIS,” says Mr. Avdalo.")
    assert _one(text, "says").source_canonical == "Ziad Avdalo"
    # a weekday before the surname is no first name
    text = "On Tuesday Gallagher spoke to reporters. Gallagher said he would testify."
    assert _one(text, "said").source_canonical == "Gallagher"


def test_a_department_word_ner_ran_into_a_name_is_part_of_the_title():
    text = ("Acting Secretary of Defense Patrick Shanahan announced on Monday evening that the U.S. was deploying "
            "an additional 1,000 troops.")
    found = _one(text, "announced")
    assert (found.source_canonical, found.source_type, found.affiliation) == ("Patrick Shanahan", "named_person", "US")


@pytest.mark.parametrize("text, affiliation", [
    # the envoy for Iran (the quotation names no one: "This is Brian Hook ..." would make him the speaker)
    ("“We will keep up the pressure,” the Iran envoy repeated.", "unknown"),
    ("Iran's envoy to the United Nations said Tehran would respond.", "Iran"),
    ("Iranian analysts said the strike would unite the country.", "Iran"),
    ("US experts said the strike was legal.", "US"),
    ("The U.N. envoy said the talks would resume.", "other"),
    ("“Sistani is the most important figure,” said Abbas Kadhim, head of the Iraq Initiative at the Atlantic "
     "Council think tank in Washington.", "US"),
])
def test_a_country_before_an_expert_or_envoy_is_the_topic_not_the_side(text, affiliation):
    assert [a.affiliation for a in _attributions(text) if a.cue_text in ("said", "repeated")] == [affiliation]


def test_a_photographer_s_credit_run_into_captions_is_no_part_of_the_names():
    text = ("The boys live in a camp.\n\nDominique Soguel Dildar (l), a former conscript, and his cousin Hani "
            "sit outside.\n\n“It took us two days to learn how to use a rifle,” says Dildar.\n\n"
            "Dominique Soguel Saadu, a native of Sinjar City, plays a game.\n\n“I want revenge,” Saadu says.")
    assert [a.source_canonical for a in _attributions(text) if a.cue_text == "says"] == ["Dildar", "Saadu"]


def test_a_one_word_name_with_a_who_clause_is_a_person_whatever_ner_called_it():
    found = _one("Saadu, who lost a thumb to shrapnel, said he wanted revenge.", "said")
    assert found.source_type == "named_person"
    assert _one("The Insurrection, who played on Friday, said the show would go on.", "said").source_type != "named_person"


def test_kim_alone_is_the_north_korean_leader_unless_the_article_names_another_kim():
    found = _one("Kim said the talks with Washington had stalled.", "said")
    assert (found.source_canonical, found.affiliation) == ("Kim Jong Un", "other")
    found = _one("Kim Darroch, the British ambassador, resigned. Darroch said the cables were private.", "said")
    assert found.source_canonical == "Kim Darroch"


@pytest.mark.parametrize("text, cue, canonical", [
    ("The Pentagon said two bases were hit overnight. The statement said no Americans were hurt.", "said", "Pentagon"),
    # a legal document is written against the one just quoted, never in their words
    ("Huawei said it had done nothing wrong. The indictment said the company stole trade secrets.", "said",
     "indictment [unknown]"),
    # a weekday is no one who writes: "Friday's memo" is the memo's
    ("Friday’s memo does not discuss a specific plot, but rather says Trump ordered the strike.", "says", "memo [unknown]"),
])
def test_a_definite_document_speaks_for_the_body_the_sentence_before_quoted(text, cue, canonical):
    assert [a.source_canonical for a in _attributions(text) if a.cue_text == cue][-1] == canonical


def test_a_spokesman_named_for_the_first_time_with_the_same_comment_is_that_person():
    text = ("(CNN) Iran is ramping up enrichment of low-grade uranium and will pass the stockpile limit under the "
            "nuclear deal in 10 days, a spokesman for the Iranian atomic agency announced Monday.\n\n"
            "During a news conference at the Arak reactor, Behrouz Kamalvandi said that Iran had increased "
            "enrichment of low-grade uranium fourfold and would pass the stockpile limit by June 27.")
    assert _one(text, "announced").source_canonical == "Behrouz Kamalvandi"
    # a different comment by someone else named next is not the spokesman's name
    text = ("A Pentagon spokesman said two bases had been hit overnight.\n\n"
            "Senator Tom Cotton said Iran should pay a heavy price for the attack.")
    assert _sources(text, "said")[0] != "Tom Cotton"


@pytest.mark.parametrize("surface, canonical", [
    ("Brigadier General Abolfazl Shekarchi", "Abolfazl Shekarchi"),
    ("Rear Admiral Hossein Khanzadi", "Hossein Khanzadi"),
])
def test_rank_titles_are_no_part_of_a_name(surface, canonical):
    assert normalise_surface(surface) == canonical


def test_an_extraposed_it_with_a_curly_apostrophe_is_no_one():
    text = "It’s easy to look at all of this and insist that it’s business as usual."
    assert [a for a in _attributions(text) if a.factuality == "asserted"] == []


@pytest.mark.parametrize("text", [
    "It was a secret chat forum that they called The Sewing Circle.",
    "China pursues a mercantilist foreign policy, which President Xi calls the Belt and Road Initiative.",
])
def test_naming_a_thing_in_a_relative_clause_is_no_report(text):
    assert [a for a in _attributions(text) if a.cue_text in ("called", "calls") and a.factuality == "asserted"] == []


def test_calling_someone_something_is_still_speech():
    assert _one("Trump called the speech a disgrace.", "called").source_canonical == "Donald Trump"


def test_a_subordinate_clause_the_parser_hung_on_a_preposition_keeps_its_own_subject():
    text = "Trump was appearing as heightened tensions and dramatic violence threaten to force him into confrontation."
    assert [a for a in _attributions(text) if a.cue_text == "threaten" and a.factuality == "asserted"] == []


def test_an_outlet_s_named_host_is_the_person():
    text = ("Fox News Channel’s Tucker Carlson warned the strike could lead to war.\n\n"
            "CARLSON: We should not be fighting Iran.")
    found = _sources(text, "warned")
    assert found == ["Tucker Carlson"]


@pytest.mark.parametrize("text, name", [
    ("“We are jobless and poor,” said Huda, an activist in Basra.", "Huda"),
    ("“I’m told that there are 60 ICU beds in the hospitals,” Matthias Schmale, the director of Gaza’s UNRWA "
     "operations, told Foreign Policy.", "Matthias Schmale"),
])
def test_a_name_with_a_people_apposition_is_a_person_whatever_its_label(text, name):
    found = [a for a in _attributions(text) if a.source_canonical == name]
    assert found and found[0].source_type == "named_person"


@pytest.mark.parametrize("text", [
    "“We can probably destroy the existing program,” Richard Nephew, an architect of the Iran nuclear deal, told me.",
    "Ari Fleischer, a leading figure behind the 2003 drumbeat to war in Iraq, said Iranians would celebrate.",
])
def test_a_country_qualifying_a_deal_or_a_war_is_no_side(text):
    assert all(a.affiliation not in ("Iran", "Iraq") for a in _attributions(text))


def test_a_named_person_among_those_who_said_is_the_speaker():
    text = ("Rep. Gerry Connolly spoke on Monday. Yet Connolly was among those lawmakers who said the report "
            "is causing them to consider impeachment.")
    assert _sources(text, "said") == ["Gerry Connolly"]
    assert _sources("Many lawmakers who said the report mattered voted no.", "said") == ["lawmaker [unknown]"]


@pytest.mark.parametrize("text, cue, speaker", [
    ("One senator who spoke highly of Ratcliffe is Sen. Marco Rubio (R-Fla.), who noted that he knows him.", "spoke",
     "Marco Rubio"),
    ("The official who made the call was Brian Hook, the State Department envoy.", "made", None),  # no report
    ("Among those who criticized the strike was Sen. Rand Paul.", "criticized", "Rand Paul"),
    ("Among the lawmakers who criticized the strike was Sen. Rand Paul of Kentucky.", "criticized", "Rand Paul"),
    # a copula that says what the group was, not who, names no one
    ("The senator who criticized the strike was a Republican.", "criticized", "senator [US]"),
])
def test_a_person_a_copula_identifies_with_those_who_said_is_the_speaker(text, cue, speaker):
    assert _sources(text, cue) == ([speaker] if speaker else [])


@pytest.mark.parametrize("text, cue, speaker, source_type", [
    ("The United Nations' nuclear watchdog, the International Atomic Energy Agency, said Iran had exceeded the limit.",
     "said", "International Atomic Energy Agency", "organization"),
    ("The rights group, Human Rights Watch, said the detainees had been tortured.", "said", "Human Rights Watch",
     "organization"),
    ("The Mesdar's owner, Norbulk Shipping UK, said the crew was safe.", "said", "Norbulk Shipping UK",
     "organization"),
    ("A state-aligned Saudi newspaper, Arab News, argued in an editorial that the next step should be strikes.",
     "argued", "Arab News", "media"),
])
def test_an_apposition_naming_a_body_is_the_speaker_the_common_noun_describes(text, cue, speaker, source_type):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type) == (speaker, source_type)


def test_a_people_noun_s_apposition_that_ner_took_for_a_body_is_not_made_one():
    # "Rahm" is no first name the project knows and NER labels the name a body: the person stays unnamed
    # rather than become an organisation
    found = _one("Never let a crisis go to waste, said Barack Obama's chief of staff Rahm Emanuel during the crisis.",
                 "said")
    assert found.source_type != "organization"


def test_a_law_s_name_before_a_document_is_not_its_issuer():
    found = _one("Her Foreign Agents Registration Act disclosure says she was paid $20,000 by the firm.", "says")
    assert "Act" not in found.source_canonical


@pytest.mark.parametrize("text, cue, speaker, source_type", [
    ("An examination by ProPublica reveals that the program failed.", "reveals", "ProPublica", "media"),
    ("A New York Times editorial argued that the strike was illegal.", "argued", "New York Times", "media"),
    ("Some progressives in Congress said the war powers vote was overdue.", "said", "progressive [US]", "anonymous"),
    ("Prominent conservatives in Washington warned that the deal would fail.", "warned", "conservative [US]",
     "anonymous"),
])
def test_more_documents_and_people_nouns_of_the_source_lexicon(text, cue, speaker, source_type):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type) == (speaker, source_type)


@pytest.mark.parametrize("text", [
    "The measure is unlikely to pass the Senate. That said, the vote will send a message.",
    "Podesta opened the door for his email to get hacked. Which isn't to say it was anybody's fault.",
    "Tuition kept rising. Which is to say, education got more expensive.",
    "Suffice it to say that the talks failed.",
])
def test_a_discourse_marker_with_say_reports_no_one(text):
    assert [a.cue_text for a in _attributions(text) if a.cue_text in ("said", "say")] == []


def test_a_report_after_that_said_is_still_found():
    found = _one("The strike was legal. That said, Americans by 55%-24% said they believe it made the country less "
                 "safe.", "said")
    assert found.source_type == "anonymous" and found.affiliation == "US"


def test_according_to_a_document_is_not_the_subject_of_a_clause_that_reports_nothing():
    found = _one("At least half of the firm's stake is owned by Chinese entities, according to business records.",
                 "according to")
    assert found.source_canonical == "record [unknown]"


def test_adding_to_a_thing_reports_nothing():
    assert _sources("Obama added to the mess seeking regime change in Syria and in Libya.", "added") == []
    assert _sources("The Pentagon authorized more troops, adding to the 1,000 troops deployed in June.",
                    "adding") == []
    assert len(_sources("He added to reporters that the talks would resume.", "added")) == 1


@pytest.mark.parametrize("text, cue, reports", [
    ("If you watched Trump the candidate, he did what all good con artists do — he read his mark.", "read", False),
    ("For many Americans, the militia's chants echoed the takeover of the U.S. Embassy in Tehran.", "echoed", False),
    ("On the Senate floor, McConnell read quotes from Democratic senators who want a trial.", "read", True),
    ("At the ceremony, Gallagher read his reenlistment oath and thanked the president.", "read", False),
    ("Gallagher read a statement to reporters outside the courthouse.", "read", True),
    ("Sen. Chris Murphy echoed the sentiment, saying talks would go better without Bolton.", "echoed", True),
    ("Boris Johnson echoed Justin Trudeau and said Britain was working with Canada.", "echoed", True),
    # "assure" reports with a clause or a listener, not when it means "ensure" (sample 29)
    ("This law all but assured the country’s role as a giant magnet for suspicious finance.", "assured", False),
    ("The minister assured reporters that the talks would resume.", "assured", True),
])
def test_reading_or_echoing_anything_but_words_reports_nothing(text, cue, reports):
    assert len(_sources(text, cue)) == int(reports)


@pytest.mark.parametrize("text, cue, speaker", [
    ("At least 20 Democrats support the bill, according to a tally kept by The Hill.", "according to", "The Hill"),
    ("A poll conducted by Gallup found that most voters opposed the strike.", "found", "Gallup"),
    ("The risks are high, according to an Assessment Capacities Project report. Nations with weak health systems "
     "\"may struggle to screen refugees,\" according to the report.", "according to", "Assessment Capacities Project"),
    ("The troop movement was coupled with confusion about a letter sent by the U.S. military to Iraqi officials. "
     "That letter said the movements were in response to the Iraqi call.", "said", "US military"),
])
def test_a_document_s_author_from_its_making_or_its_last_mention(text, cue, speaker):
    assert _sources(text, cue)[-1] == speaker


def test_a_document_seen_or_published_by_an_outlet_is_not_the_outlet_s():
    assert _sources("A document seen by ProPublica says the contract was cancelled.", "says") == ["document [unknown]"]
    text = ("Iran denied involvement via a statement from its mission to the United Nations. \"The U.S. is the main "
            "source of insecurity in the region,\" the statement said.")
    assert "mission" not in _sources(text, "said")[-1]


def test_a_definite_body_is_not_a_person_whose_title_held_the_same_word():
    text = ("General Qassem Soleimani led the Quds Force on its mission abroad. The U.S. has warned citizens in "
            "Saudi Arabia. A security alert message sent Sunday by the U.S. mission there said attacks were likely.")
    assert _sources(text, "said") == ["US mission"]


def test_the_writer_pointing_within_the_text_reports_no_one():
    assert _attributions("As noted above, war could take the form of targeted strikes.") == []
    assert _sources("(As noted earlier, most Democratic candidates beat Trump in head-to-head polling.)",
                    "noted") == []
    assert _sources("As Zarif noted earlier, Iran does not seek war.", "noted") == ["Mohammad Javad Zarif"]


def test_claiming_lives_reports_nothing():
    assert _sources("The outbreak, which has crippled the economy and claimed more than 3,100 lives, worried "
                    "officials.", "claimed") == []
    assert len(_sources("He claimed the attack was a mistake.", "claimed")) == 1


@pytest.mark.parametrize("text, cue, sources", [
    # claiming a person is taking them: a claim is made about things
    ("The scourge of suicide almost claimed Brian Vargas. His tour ended in 2007.", "claimed", []),
    ("Officials claimed Brian Vargas lied to them.", "claimed", ["official [unknown]"]),
    # a market's or a company's result "posted"
    ("The S&P 500 posted 103 new 52-week highs and three new lows.", "posted", []),
    ("The company posted a loss of $2 billion.", "posted", []),
    ("Trump posted that the strike was a success.", "posted", ["Donald Trump"]),
    # one informs people; informing a thing shapes it
    ("His remarks were what informed the prosecution's arguments.", "informed", []),
    ("Officials informed Congress that the strike was lawful.", "informed", ["official [unknown]"]),
    # calling someone to account
    ("Trump risked his presidency to call China to account.", "call", []),
    ("Congress called the administration to account for the strike.", "called", []),
    ("The Democrats called for an investigation.", "called", ["Democrats"]),
])
def test_a_reporting_verb_in_a_sense_that_reports_nothing(text, cue, sources):
    assert _sources(text, cue) == sources


def test_deliberating_an_open_question_is_flagged_asked():
    assert _one("Officials discussed whether to strike Iran.", "discussed").factuality == "asked"
    assert _one("Officials discussed the strike with Congress.", "discussed").factuality == "asserted"


def test_a_subjectless_saying_in_a_comparison_is_hypothetical():
    text = "It's not more clarifying than saying that Federal Reserve policy is a national-security question."
    assert _one(text, "saying").factuality == "hypothetical"
    assert _one("It is like saying that the war is over.", "saying").factuality == "hypothetical"


def test_a_subjunctive_after_a_directive_is_what_should_happen_not_a_report():
    text = ("Indeed, the government's Scientific Advisory Group for Emergencies, SAGE, had recommended that day, "
            "with no dissension recorded in its summary, that the UK reject a China-style lockdown.")
    assert _one(text, "reject").factuality == "hypothetical"


def test_a_name_written_twice_before_a_colon_is_link_text_not_a_speaker():
    text = ("Lev Parnas spoke to MSNBC on Wednesday. The inquiry examined whether Trump pressed Ukrainian leaders to "
            "open investigations into the 2016 election and former Vice President Joe Biden Joe Biden Parnas: U.S. "
            "envoy to Ukraine removed to clear path for investigations.")
    assert [a.source_canonical for a in _attributions(text) if a.cue_text == ":"] == []
    assert _sources('Lev Parnas spoke to MSNBC. Parnas: "I was on the ground doing their work."', ":") == [
        "Lev Parnas"]


@pytest.mark.parametrize("text, cue", [
    ("A way to halt that cycle of escalation is to insist that people who want to take provocative steps pay.",
     "insist"),
    ("Then when he became president, the instantaneous decision was to declare his presidency illegitimate.",
     "declare"),
])
def test_an_infinitive_after_be_is_a_plan_not_a_report(text, cue):
    assert _one(text, cue).factuality == "hypothetical"


def test_a_person_who_was_the_one_to_say_it_said_it():
    found = _one("Other candidates on stage differed. Sen. Cory Booker (D–N.J.) was the lone debate participant to "
                 "say that he would not automatically re-enter the Iran deal, suggesting a better deal could be had.",
                 "say")
    assert found.factuality == "asserted" and found.source_canonical == "Cory Booker"


def test_an_article_ner_took_into_a_name_is_dropped():
    assert normalise_surface("an Securities and Exchange Commission") == "Securities and Exchange Commission"


def test_an_adviser_to_a_titled_leader_is_the_adviser_not_the_leader():
    found = _one("An adviser to Iran's supreme leader Ali Khamenei then threatened to seize a British oil tanker.",
                 "threatened")
    assert (found.source_canonical, found.source_type, found.affiliation) == ("adviser [Iran]", "anonymous", "Iran")


@pytest.mark.parametrize("text, cue, speaker", [
    ("A lot of people in Washington predicted that the pullout would help Iran.", "predicted", "person [US]"),
    ("Iran's hard-liners took to the streets, arguing that the deal had failed.", "arguing", "hard-liner [Iran]"),
])
def test_a_lot_of_people_and_hyphenated_roles(text, cue, speaker):
    assert _sources(text, cue) == [speaker]


def test_a_militia_s_spellings_are_one_body_on_its_side():
    found = _one("Kata'ib Hezbollah said it would retaliate against U.S. forces in Iraq.", "said")
    assert (found.source_canonical, found.affiliation) == ("Kataib Hezbollah", "Iraq")


def test_an_arabic_name_written_with_abdul_joined_is_a_name_not_glued_link_text():
    found = _one("At the school, headmaster Abdulhussain AbdulKhudher said he had asked the Education Directorate "
                 "for funding.", "said")
    assert (found.source_canonical, found.source_type) == ("Abdulhussain AbdulKhudher", "named_person")


def test_a_mention_made_only_of_a_rank_runs_on_over_the_name_it_titles():
    text = ("Tehran police chief Brig-Gen Hossein Rahimi insisted that his officers did not fire live ammunition. "
            "\"The police treated the people with patience,\" he said.")
    assert [a.source_canonical for a in _attributions(text)] == ["Hossein Rahimi", "Hossein Rahimi"]


def test_a_quotation_after_a_colon_is_what_the_cue_after_it_reports_not_the_narration_before():
    text = ("SDF spokesman Kino Gabriel said on Friday that fighters were hiding in caves. Later, Ciya Kobani, an SDF "
            "commander, announced the end of the operation from the roof of the building: “We have been victorious "
            "against Daesh,” he declared.")
    found = _one(text, "declared")
    assert (found.source_canonical, found.affiliation) == ("Ciya Kobani", "other")
    assert text[found.content_start:found.content_end] == "“We have been victorious against Daesh,”"
    # a quoted phrase that ends the reported clause is part of it
    text = ("Pompeo also called the Canadian foreign minister to offer his condolences and offered “U.S. support for "
            "full cooperation with any investigation,” the State Department said.")
    found = _one(text, "said")
    assert text[found.content_start:].startswith("Pompeo also called")


@pytest.mark.parametrize("text, cue, speakers", [
    (("House Speaker Nancy Pelosi spoke on Friday.\n\nPelosi on the strike: “It was reckless, and it was wrong, and "
      "it was done without Congress.”"), ":", ["Nancy Pelosi"]),
    (("The senator spoke on Friday.\n\n@ChrisMurphy on the strike: “It was reckless, and it was wrong, and it was "
      "done without Congress.”"), ":", ["Chris Murphy"]),  # a handle in camel case from a first name
    # a hyphen inside a word is no dash: the colon belongs to the sentence's own verb
    (("Trump tweeted that the agencies were wrong. The president added in a follow-up tweet about Iran: “Perhaps "
      "Intelligence should go back to school!”"), ":", []),
])
def test_colon_speech_names_the_speaker_before_its_topic(text, cue, speakers):
    assert _sources(text, cue) == speakers


@pytest.mark.parametrize("text, cue, source", [
    ("The left is skeptical of Trump's motives, citing his previous comments.", "citing",
     ("left [unknown]", "anonymous")),
    # a side of a trial is named by those who speak for it (TRIAL_PARTIES; session 29, was "defense [unknown]")
    ("The defense argued that none of the witnesses saw the stabbing.", "argued",
     ("defense lawyer [unknown]", "anonymous")),
    ("The British press has speculated that a meeting with Trump might hurt Johnson.", "speculated",
     ("British press", "media")),
    # the parser made the adjective the head of "the official close to ..."
    ("The strike was planned for months, according to the official close to Iran’s decision making.", "according to",
     ("official [Iran]", "anonymous")),
    ("Another of the former executives recalled that the firm abandoned its plans.", "recalled",
     ("executive [unknown]", "anonymous")),
    ("Journalist Yashar Ali called out the left for being silent about the protests.", "called",
     ("Yashar Ali", "named_person")),  # a rebuke, not a telephone call
])
def test_sides_teams_and_the_press_are_sources_named_by_their_noun(text, cue, source):
    assert [(a.source_canonical, a.source_type) for a in _attributions(text) if a.cue_text == cue] == [source]


@pytest.mark.parametrize("text, cue", [
    ("If there are other details, sure, let’s talk about it.", "talk"),  # the writer's proposal
    ("All told, the US has become the key cog in the system.", "told"),
    ("All that said, few economists are predicting a recession.", "said"),
])
def test_a_proposal_or_a_discourse_marker_reports_nothing(text, cue):
    assert _sources(text, cue) == []


def test_the_statement_is_the_statement_an_earlier_report_was_made_in():
    text = ("Iran's Supreme Leader Ayatollah Ali Khamenei vowed vengeance. Khamenei said in a statement published by "
            "state media that the commander had fought for years. Khamenei called for three days of mourning. "
            "\"His departure does not end his path,\" the statement said.")
    found = [a for a in _attributions(text) if a.source == "the statement"]
    assert [(a.source_canonical, a.antecedent) for a in found] == [("Ali Khamenei", "Ali Khamenei")]


@pytest.mark.parametrize("text, cue, canonical, affiliation", [
    (("Outside the court, Navy SEAL Edward Gallagher greeted the media alongside his wife, Andrea Gallagher. He said "
      "he was happy. His wife said they are now looking forward to freedom."), "said", "Andrea Gallagher", None),
    (("Iraqi Prime Minister Adel Abdul Mahdi made his request in a phone call with Secretary of State Mike Pompeo, "
      "his office said."), "said", "Adel Abdul Mahdi's office", "Iraq"),
    (("The anti-U.S. backlash began after an American missile strike on the Iran-backed Kataib Hezbollah militia. Its "
      "members, in turn, attacked the U.S. Embassy."), "attacked", "member [Iraq]", "Iraq"),
    (("Bondi became a foreign agent for Qatar in July. “Will work to assist in matters related to human trafficking,” "
      "her Foreign Agents Registration Act disclosure says."), "says", "Bondi", None),
])
def test_a_possessive_pronoun_gives_a_relative_an_office_or_a_document_its_owner(text, cue, canonical, affiliation):
    found = [a for a in _attributions(text) if a.cue_text == cue][-1]
    assert found.source_canonical == canonical
    assert affiliation is None or found.affiliation == affiliation


def test_a_relative_or_demonstrative_pronoun_nothing_resolves_is_no_source():
    text = ("Something else has been going on over the last couple of hours, which I think is also shameful, and "
            "that is questioning the patriotism of a decorated officer.")
    assert [a.source for a in _attributions(text) if a.source.lower() in ("that", "which", "this", "who")] == []


@pytest.mark.parametrize("text, cue, expected", [
    (("A third political appointee, Max Primorac, USAID’s envoy in Erbil for minority programs, tweeted praise for "
      "the foundation."), "tweeted", ("Max Primorac", "named_person", "US")),  # posted in Iraq, not Iraq's
    (("The US has defended the killing. Agnes Callamard, UN Special Rapporteur on Extra-Judicial Executions, tweeted "
      "that the bar for justifying lethal action is high."), "tweeted", ("Agnes Callamard", "named_person", None)),
])
def test_envoys_and_rapporteurs_are_people_on_their_own_side(text, cue, expected):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type) == expected[:2]
    assert expected[2] is None or found.affiliation == expected[2]


@pytest.mark.parametrize("text, cue, canonical, affiliation", [
    ("The Pentagon press office underscored the message in a tweet.", "underscored", "Pentagon", "US"),
    ("High-profile conservative commentators said the officer was disloyal.", "said", "commentator [US]", "US"),
    ("According to one senior Conservative Party politician, the prime minister was slow to act.", "According to",
     "politician [other]", "other"),  # Britain's Conservatives
    ("A liberal group said the sale should be blocked.", "said", "group [US]", "US"),
])
def test_political_words_place_a_source_but_never_name_it(text, cue, canonical, affiliation):
    found = _one(text, cue)
    assert (found.source_canonical, found.affiliation) == (canonical, affiliation)


@pytest.mark.parametrize("text, canonical", [
    ("In November, a judge granted Archer a retrial.\n\nA spokesman for Heinz, Chris Bastardi, said the heir had "
     "nothing to do with the deals.", "Chris Bastardi"),  # the parser hangs the name on "Heinz"
    ("Pelosi's allies spoke up. One of her top lieutenants, House Armed Services Committee Chairman Adam Smith, said "
     "the vote should wait.", "Adam Smith"),
    # the apposition of a common noun names that noun, not the spokesman
    ("A spokesman for the son, Hunter Biden, said the trip was private.", "spokesman [unknown]"),
    ("Washington's plans worried its NATO ally. Its NATO ally Turkey said the talks had failed.", "Turkey"),
    # several members named are no one body
    ("The five European council members — the U.K., France, Germany, Belgium and Poland — said the operation must "
     "stop.", "member [other]"),
])
def test_a_role_whose_apposition_is_a_name_is_that_person(text, canonical):
    assert _sources(text, "said") == [canonical]


def test_a_colon_inside_a_symbol_marks_no_speech():
    text = "Oil rose on Monday. November Brent crude UK:BRNX19 jumped $8.80, or 14.6%, to trade at $69.02 a barrel."
    assert _sources(text, ":") == []
    assert _one("Despite US attempts in the courts, Gibraltar says it will free the tanker.", "says").affiliation == "other"


@pytest.mark.parametrize("text", [
    "State Department spokeswoman Morgan Ortagus said the talks would go on.",
    "Iranian armed forces spokesman Brigadier General Abolfazl Shekarchi said the drone was shot down.",
    "Morgan Evans, a freshman studying economics at the University of San Diego, said she shunned politics.",
])
def test_a_name_ner_took_for_a_body_is_a_person_by_its_title_or_apposition(text):
    assert _one(text, "said").source_type == "named_person"


@pytest.mark.parametrize("text", [
    "BSM Ship Management, owner of the tanker, said the crew was safe.",
    "General Dynamics said the contract was signed.",
])
def test_a_body_with_a_title_word_or_a_person_noun_beside_it_stays_a_body(text):
    assert _one(text, "said").source_type == "organization"


@pytest.mark.parametrize("text, cue, speaker, side", [
    ("Iran shot down a U.S. drone that it said was flying in Iranian airspace.", "said", "Iran", "Iran"),
    ("The Pentagon confirmed the strike on Friday. It said the base had been hit by 11 missiles.", "said",
     "Pentagon", "US"),
    # a country's body as the subject is the country
    ("The Pentagon denied the report. Iran's military recently shot down a U.S. drone that it said was flying over "
     "its territory.", "said", "Iran", "Iran"),
])
def test_it_is_the_body_made_the_subject_just_before(text, cue, speaker, side):
    found = _one(text, cue)
    assert (found.source_canonical, found.affiliation) == (speaker, side)


@pytest.mark.parametrize("text, cue, speaker", [
    ("The poll had good news for Joe Biden, with 62% of Democratic voters saying they trust him on Iran. That is "
     "well ahead of Sanders and Warren, whom 47% said they trust on the subject.", "said", "voter [US]"),
    ("Americans by 55%-24% said the attack made the United States less safe. Just 1 in 10 said it had made the "
     "country much more safe.", "said", "american [US]"),
    # the last people named are not the ones asked: "others" is a quantifier, "officers" the object of a killing
    ("Americans were divided on the strike that killed Soleimani and others: 42% supported it; 25% said they "
     "did not know what to think.", "said", "american [US]"),
])
def test_a_share_with_no_group_of_its_own_is_of_the_people_the_poll_asked(text, cue, speaker):
    assert _sources(text, cue)[-1] == speaker


@pytest.mark.parametrize("text, side", [
    ("The group commands 10,000 fighters, according to Matthew Henman, the head of Jane's Terrorism and Insurgency "
     "Center, a nonpartisan defense information provider headquartered in London.", "other"),
    # where a person is posted does not place them
    ("The strike was a mistake, said Tom Smith, a reporter based in Baghdad.", "unknown"),
])
def test_where_the_body_a_source_works_for_sits_places_the_source(text, side):
    assert [a.affiliation for a in _attributions(text)] == [side]


@pytest.mark.parametrize("text", [
    "A survey last year of Iraq and Afghanistan war veterans with mental health needs revealed that 20% worried.",
    "Iraq war veterans said the strike was illegal.",
])
def test_a_country_that_names_a_war_is_no_side(text):
    assert [a.affiliation for a in _attributions(text)] == ["unknown"]


@pytest.mark.parametrize("text, cue, speaker, source_type", [
    ("Like the Catholic University in Erbil, the Shlama Foundation had previously applied. Shlama had complained "
     "about the rejection via Twitter.", "complained", "Shlama Foundation", "organization"),
    # a person the article titles by the name is not the body named after him
    ("The Reagan administration wanted talks. President Reagan in March 1983 proposed a missile shield. Reagan said "
     "it would work.", "said", "Reagan", "named_person"),
])
def test_a_one_word_name_opening_a_body_s_name_is_that_body(text, cue, speaker, source_type):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type) == (speaker, source_type)


@pytest.mark.parametrize("text, cue", [
    # a clause the parser hung on "called" from before it is no content: a phone call (sample 29)
    ("In support of U.S. policy objectives to support Ukrainian sovereignty, President Trump called President "
     "Zelenskyy on April 21, 2019.", "called"),
    # a participle graded as an adjective describes; the parser took it for the verb (sample 29)
    ("After 22 months, special counsel Robert Mueller’s much praised progressive “all-star” team of lawyers found "
     "no evidence that Donald Trump had colluded with the Russians.", "praised"),
])
def test_a_call_with_no_words_and_an_adjectival_participle_report_nothing(text, cue):
    assert [a.source for a in _attributions(text) if a.cue_text == cue] == []


@pytest.mark.parametrize("text, cue, speaker", [
    # a floated quantifier: the plural noun before the comma, else the clause's plural subject (Sportiche 1988)
    ("Cohen orchestrated the release of a letter signed by 122 GOP foreign policy experts, all agreeing they were "
     "“united in our opposition to a Donald Trump presidency.”", "agreeing", "expert [US]"),
    ("The senators met on Tuesday, both saying the deal was dead.", "saying", "senator [US]"),
])
def test_a_participle_after_all_or_both_is_the_group_s(text, cue, speaker):
    assert _one(text, cue).source_canonical == speaker


def test_a_person_close_to_someone_is_on_that_person_s_side():
    text = ("Anders Fogh Rasmussen, a former prime minister of Denmark and NATO secretary general, has also told Biden "
            "that he hopes he will run, said a person close to Rasmussen.")
    found = _one(text, "said")
    assert (found.source_canonical, found.affiliation) == ("person [other]", "other")
    assert _one(text, "told").source_canonical == "Anders Fogh Rasmussen"  # NER left the first name out


def test_a_surname_opened_by_a_particle_is_whole_and_takes_the_pronoun():
    text = ("The drones were fired from the north, a Saudi spokesman, Col. Turki Al-Malki, said.\n\nFrench Foreign "
            "Minister Jean-Yves Le Drian similarly was skeptical of the Houthi claim.\n\n“This is not very "
            "credible,” he told CNews television.")
    assert "Jean-Yves Le Drian" in {m.entity for m in entity_mentions(get_pipeline()(text))}
    assert _one(text, "told").source_canonical == "Jean-Yves Le Drian"


@pytest.mark.xfail(strict=True, reason="an unnamed group takes the side of the article's other mentions of its noun "
                   "('U.S. officials'), even when its own words set it apart ('medical and security officials' in "
                   "Baghdad; sample 29's ac078): guarding both rules on such words lost more sides than it fixed on "
                   "the 371 articles (session 28)")
def test_a_group_set_apart_by_its_words_does_not_take_an_earlier_group_s_side():
    text = ("U.S. officials said the talks had failed.\n\nSecurity forces fired tear gas to disperse the crowds from "
            "Baghdad's Khilani Square, medical and security officials said.")
    found = [a for a in _attributions(text) if a.cue_text == "said"]
    assert [a.source_canonical for a in found][0] == "official [US]"
    assert found[1].affiliation != "US"


@pytest.mark.parametrize("text, cue, expected", [
    # "the country" takes up the side's country just named (definite description, Vieira & Poesio 2000)
    ("How soon could Iran develop a nuclear bomb?\n\nThe country has always insisted that its nuclear programme is "
     "entirely peaceful.", "insisted", ("Iran", "organization", "Iran")),
    # a place of no side named last leaves it alone
    ("Iran's envoy flew to Oslo. Norway hosted the talks. The country said the talks were useful.", "said",
     ("country [unknown]", "other", "unknown")),
])
def test_the_country_is_the_side_s_country_just_named(text, cue, expected):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type, found.affiliation) == expected


@pytest.mark.xfail(strict=True, reason="the cue model retrained in session 35 (ed5e7de) adds 'rejected' nested in "
                                       "the source's words: an action PolNeAR may mark, no report to the samples' readers")
def test_an_action_inside_a_source_s_words_is_no_attribution():
    text = "A senior White House official said the talks had stalled. This source said Iran had rejected the offer."
    assert [a.cue for a in _attributions(text)] == ["say", "say"]


def test_when_asked_reports_nothing_of_the_one_asked():
    text = ("Donald Trump Jr. declined to answer a question on Iran. Tiffany Trump only smiled when asked her "
            "resolution.")
    assert [a.source for a in _attributions(text) if a.cue_text == "asked"] == []


@pytest.mark.parametrize("text, cue, speaker", [
    # no source or subject of its own sentence fits: the person that sentence has just named as an object
    ("Trump said the press was unfair.\n\nI was watching Chris Matthews yesterday, and he was basically saying that "
     "collusion is off the table.", "saying", "Chris Matthews"),
    # a person only talked about is no antecedent
    ("Trump said the press was unfair.\n\nWhen asked about Joe Biden, he said the race was over.", "said the race",
     "Donald Trump"),
    # the object of "with" is one, when the subject (a company) cannot be "he"
    pytest.param(
        "The death of George Floyd, who pleaded for air, drew protests.\n\nTwitter escalated tensions with President "
        "Donald Trump on Friday, adding a warning to one of his tweets and saying he violated the platform's rules by "
        "glorifying violence when he suggested protesters in Minneapolis could be shot.", "suggested", "Donald Trump",
        marks=pytest.mark.xfail(strict=True, reason="the cue model retrained in session 35 (ed5e7de) drops this "
                                                    "report nested in Twitter's words (keep probability below 0.4)")),
])
def test_a_pronoun_with_no_subject_before_it_takes_the_object_its_sentence_named(text, cue, speaker):
    found = [a for a in _attributions(text) if text[a.cue_start:].startswith(cue)]
    assert [a.source_canonical for a in found] == [speaker]


@pytest.mark.parametrize("text, cue, affiliation", [
    ("The 5th Fleet will advise merchant shipping, 5th Fleet spokesman Cmdr. Joshua Frey told The Associated Press.",
     "told", "US"),
    ("In April 2009, the SEC accused Rusciano of a multimillion-dollar fraud.", "accused", "US"),
])
def test_us_agencies_and_the_fifth_fleet_are_american(text, cue, affiliation):
    assert _one(text, cue).affiliation == affiliation


def test_a_speaker_the_parser_joined_to_an_object_complement_still_speaks():
    # "him a terrorist and Secretary of State Mike Pompeo": the parser made one subject of the two for "said"
    text = ("The Trump administration considered him a terrorist and Secretary of State Mike Pompeo said Soleimani was "
            "killed because he was planning an imminent attack.")
    assert _one(text, "said").source_canonical == "Mike Pompeo"


@pytest.mark.parametrize("text, cue, speaker", [
    # a title NER took into the name, without a full stop (British style), still names the office
    ("Gen Amir Ali Hajizadeh said on Saturday that the air defences had been on alert.\n\nThe operator mistook the "
     "flight for a missile, according to the general.", "according to", "Amir Ali Hajizadeh"),
    ("The Aerospace Force Commander, Brig-Gen Amir Ali Hajizadeh, said he had informed officials.\n\nThe operator "
     "mistook the flight for a missile, according to the general.", "according to", "Amir Ali Hajizadeh"),
])
def test_a_title_inside_the_name_gives_the_office(text, cue, speaker):
    assert _one(text, cue).source_canonical == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    # a vice president is not "the president", a deputy foreign minister not "the foreign minister"
    ("Vice President Mike Pence spoke on Monday.\n\nThe president said the war was over.", "said",
     "president [unknown]"),
    ("Deputy Foreign Minister Abbas Araghchi spoke on Monday.\n\nThe foreign minister said the deal was dead.", "said",
     "minister [unknown]"),
    # the office with its own deputy word still goes to the one titled so
    ("President Donald Trump spoke on Monday. Vice President Mike Pence spoke too.\n\nThe vice president said the war "
     "was over.", "said the war", "Mike Pence"),
])
def test_a_deputy_is_not_the_holder_of_the_office(text, cue, speaker):
    found = [a for a in _attributions(text) if text[a.cue_start:].startswith(cue)]
    assert [a.source_canonical for a in found] == [speaker]


@pytest.mark.parametrize("text, cue, speaker", [
    # a side of a trial speaks through its lawyers
    ("The defense said the photo was just gallows humor.", "said", "defense lawyer [unknown]"),
    ("The prosecution said the killing was a war crime.", "said", "prosecutor [unknown]"),
    # a noun the tagger took for an adjective ("whistleblower" as JJR): a person, and a document's issuer
    ("A whistleblower said the call was improper.", "said", "whistleblower [unknown]"),
    ("A whistleblower complaint revealed concerns about a White House phone call.", "revealed",
     "whistleblower [unknown]"),
])
def test_trial_sides_and_whistleblowers_are_people(text, cue, speaker):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type) == (speaker, "anonymous")


@pytest.mark.parametrize("text, cue, speaker", [
    # a bill or resolution speaks for those who passed it, proposed it or voted for it
    ("Iraqi lawmakers voted Sunday in favor of a new bill that calls for the expulsion of all US troops.", "calls",
     "lawmaker [Iraq]"),
    ("The Senate passed a resolution that demands an end to the war.", "demands", "Senate"),
    # not those who voted against it
    ("Republicans voted against a resolution that demands an end to the war.", "demands", "resolution [unknown]"),
])
def test_a_bill_speaks_for_those_who_passed_it(text, cue, speaker):
    assert _one(text, cue).source_canonical == speaker


@pytest.mark.parametrize("text, cue", [
    # asking with no question given reports no words
    ("Makin-Acciani and Pinkos mostly observed and asked questions, several people who attended the meeting said.",
     "asked"),
    # a body called is a phone call, as a person called is
    ("VCL responders call police, fire or EMS.", "call"),
    # the thing posted is not its author, whether the parser made the participle a modifier or the main verb
    ("Videos posted online on Sunday recorded what appeared to be gunfire.", "posted"),
    ("A statement posted on its website said the strike was legal.", "posted"),
])
def test_acts_that_carry_no_words_are_no_attributions(text, cue):
    assert [a.source for a in _attributions(text) if a.cue_text == cue] == []


@pytest.mark.parametrize("text, cue, speaker", [
    # a question with its words, and a call with what was said, still report
    ("He asked questions about the strike: why now?", "asked", "he"),
    ("Trump called the Pentagon boneheads.", "called", "Donald Trump"),
    # a poll's name gives its issuer; a document's own title does not
    ("The killing made the US less safe, a nationwide USA TODAY/Ipsos Poll finds.", "finds", "Ipsos"),
    ("“Countries are vulnerable,” according to a confidential draft Global Humanitarian Response Plan reviewed by "
     "Foreign Policy.", "according to", "plan"),
])
def test_reports_beside_those_acts_stay(text, cue, speaker):
    assert _one(text, cue).source_canonical == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    # a possessor in a phrase before the subject "he" (Hobbs 1978), in the pronoun's sentence or the one before
    ("Barack Obama once said the war was dumb. So here goes: In Pete Buttigieg’s foreign-policy speech this Monday, "
     "he hammered home an important point. “Members of our Congress ought to take tough votes,” he said.",
     "said.", "Pete Buttigieg"),
    ("I think the difference with President Obama is that he did at least acknowledge the fact that he had suffered "
     "an electoral setback. In Mr. Trump’s case, he acknowledged the defeat only in a highly indirect way.",
     "acknowledged the defeat", "Donald Trump"),
    # not a possessor in another clause of the sentence
    ("Sen. Lindsey Graham spoke on Fox News on Sunday.\n\nIranian President Hassan Rouhani has vowed to respond to "
     "Soleimani's killing with \"harsh retaliation,\" and Graham said Trump must emphasize that an escalation will "
     "result in strikes to Iran's oil refineries, \"the last thing they have,\" he said.", "said.", "Lindsey Graham"),
])
def test_a_pronoun_takes_the_possessor_fronted_before_its_subject(text, cue, speaker):
    found = [a for a in _attributions(text) if text[a.cue_start:].startswith(cue)]
    assert [a.source_canonical for a in found] == [speaker]


def test_a_pull_quote_with_an_unpaired_inner_mark_is_still_credited_below():
    text = ("Others note, “Trump is being Trump… “I think Joe Sixpack’s response is going to be a hearty shrug. To get "
            "his attention you will have to do better.”\n\nKyle Smith, National Review")
    assert _one(text, "note").source_canonical == "Kyle Smith"


def test_an_indictment_speaks_for_the_prosecutors_named_after_it():
    text = ("The file she was carrying, which the indictment said might have been deleted before being discovered, "
            "contained talking points about Skycom, the company that federal prosecutors accuse Huawei of using.")
    assert _one(text, "said").source_canonical == "prosecutor [unknown]"


@pytest.mark.parametrize("text, cue, speaker", [
    # "the lawmaker" takes up the member of Congress the article titled so, and only such a one
    ("Rep. Liz Cheney (R., Wyo.) will soon introduce new legislation on the Iran deal, the lawmaker told the "
     "Washington Free Beacon.", "told", "Liz Cheney"),
    ("Nancy Pelosi spoke on Monday. The lawmaker said the war was illegal.", "said", "lawmaker [unknown]"),
    # not across an unnamed member just introduced, nor to a person a verb parts from the title
    ("Sen. Pat Toomey spoke.\n\nOne Republican senator who requested anonymity said there was anxiety.\n\nBut the "
     "lawmaker said McConnell was able to regain control.", "said McConnell", "lawmaker [unknown]"),
    ("French senator Nathalie Goulet high-fived Lin Nguyen’s broadside about Facebook (when informed of the reporting, "
     "the lawmaker replied: “Easy to tell after but thanks.”", "replied", "Nathalie Goulet"),
    # a name after a conjunction that the parser took for an adverb is the clause's subject
    ("Max Primorac, the agency’s envoy in Erbil, tweeted praise for the Shlama Foundation months before USAID "
     "announced the final grant winners.", "announced", "USAID"),
])
def test_the_lawmaker_and_a_subject_read_as_an_adverb(text, cue, speaker):
    found = [a for a in _attributions(text) if text[a.cue_start:].startswith(cue)]
    assert [a.source_canonical for a in found] == [speaker]


def test_much_of_a_group_is_not_much():
    assert _one("On Friday, much of the Democratic field recommended caution.", "recommended").source_canonical \
        != "much"


def test_a_linked_story_s_headline_with_a_label_is_no_attribution():
    text = ("The survey was completed before Trump addressed the nation.\n\nFact check: Trump discusses escalation of "
            "tensions with Iran in televised speech\n\nA majority agreed with the strike, the poll found.")
    assert [a.cue_text for a in _attributions(text)] == ["found"]


@pytest.mark.parametrize("text, cue, speaker", [
    ("Two people familiar with the talks said the offer had been withdrawn.", "said", "person [unknown]"),
    ("Reports say the United States has found plans to target its troops.", "say", "report [unknown]"),
    ("The report said the drones had been launched from the north.", "said", "report [unknown]"),
    ("A summary of the meeting says the group rejected a lockdown.", "says", "summary [unknown]"),
])
def test_an_unnamed_source_is_named_by_its_head_noun_in_the_singular_with_its_side(text, cue, speaker):
    """Sample 32 (af034, af055) and 18, 25: "reports" and "report" are one source, "people" are each a person."""
    assert _sources(text, cue) == [speaker]


@pytest.mark.parametrize("text, cue, source_type", [
    ("A statement from Stena Bulk, which owns the seized tanker, said the crew was safe.", "said", "organization"),
    ("The tanker left port, the vessel's Swedish-based ship-owning company Stena Bulk said.", "said",
     "organization"),
    ("ISIS held about 23,320 square miles, according to defense publication IHS Jane's.", "according to", "media"),
    ("Mark Dubowitz of the Foundation for Defense of Democracies, which has backed the campaign, tweeted that the "
     "ban was wrong.", "tweeted", "named_person"),
])
def test_a_name_ner_took_for_a_person_is_a_body_when_which_or_a_company_word_says_so(text, cue, source_type):
    """Samples 31 (ae038) and 33 (ag025, ag042): "which" is the relative pronoun of things, and a company or
    publication word before the name titles a body; a "which" clause the parser hung from a person's name across a
    phrase on it does not make the person a body."""
    assert _one(text, cue).source_type == source_type


@pytest.mark.parametrize("text, cue", [
    ("The decision had Secretary Pompeo written all over it, and the “regime” language was his.", "written"),
    ("Obama invoked executive privilege to obstruct congressional subpoenas.", "invoked"),
    ("Pagliano invoked his Fifth Amendment rights in a closed session.", "invoked"),
])
def test_an_idiom_or_a_power_used_is_not_a_report(text, cue):
    """Sample 33 (ag013, ag011)."""
    assert _sources(text, cue) == []


@pytest.mark.parametrize("text, cue, speaker", [
    ("He wrote all over the page that the deal was dead.", "wrote", "he"),
    ("Many Democrats invoked the “quid pro quo” language.", "invoked", "democrat [US]"),
    ("Sen. Jon Tester invoked the prospect of breaking up the bank.", "invoked", "Jon Tester"),
])
def test_writing_and_invoking_words_still_report(text, cue, speaker):
    assert _sources(text, cue) == [speaker]


def test_a_named_body_takes_the_side_the_corpus_gives_it_but_an_unnamed_one_does_not():
    table = pd.DataFrame({
        "outlet": ["A", "B", "C", "C", "D"],
        "source_canonical": ["Stena Bulk", "Stena Bulk", "media", "media", "Reuters"],
        "source_type": ["organization", "organization", "media", "media", "media"],
        "affiliation": ["other", "unknown", "US", "unknown", "unknown"],
        "affiliation_evidence": ["source phrase", "none", "source phrase", "none", "none"],
    })
    resolved = resolve_speakers(table)
    assert resolved["affiliation"].tolist() == ["other", "other", "US", "unknown", "unknown"]
    assert resolved["affiliation_evidence"].tolist()[1] == "corpus"


def test_an_embedded_video_s_title_is_page_furniture_not_a_report():
    """Sample 33 (ag035): CNN prints a video's title, then the same words with its running time."""
    text = ("The Kurds feel betrayed.\n\nKurds say US has betrayed them, says former US diplomat\n\n"
            "Kurds say US has betrayed them, says former US diplomat 01:26\n\n"
            "And for good reason, a diplomat said the pullout makes no sense.")
    assert [(a.source, a.cue_text) for a in _attributions(text) if a.cue_kind == "speech"] == [("a diplomat", "said")]


def test_a_line_printed_once_is_no_video_title():
    text = "Kurds say US has betrayed them, says former US diplomat\n\nThe pullout makes no sense, he said."
    assert [a.source for a in _attributions(text)] == ["former US diplomat", "he"]


@pytest.mark.parametrize("text, cue, speaker", [
    ("The Pentagon met on Monday. Its summary said the strike killed two.", "said", "Pentagon"),
    ("According to a summary of the meeting, the strike killed two.", "According", "summary [unknown]"),
    ("A 1,300-page U.S. Army study of the Iraq war published in 2018 found that Iran was the only victor.", "found",
     "U.S. Army"),
])
def test_a_summary_is_a_document_and_of_names_its_issuer_not_its_topic(text, cue, speaker):
    """Sample 33 (ag050) and the 371 articles: "of" after a document names the one who issued it or a document
    inside it, never what it is about."""
    found = [a.source_canonical for a in _attributions(text) if a.cue_text.startswith(cue)]
    assert found == [speaker]


@pytest.mark.parametrize("text, label, factuality", [
    ("The video shows the interview.\n\nReporter: “This is the most important?” “Of course.”\n\nThe man smiled.",
     "Reporter", "asked"),
    ("WALLACE: Do you think Iran wants war?\n\nPOMPEO: No. Iran does not want a war.", "WALLACE", "asked"),
    ("WALLACE: Do you think Iran wants war?\n\nPOMPEO: No. Iran does not want a war.", "POMPEO", "asserted"),
    ("TAPPER: Let's start with Iran. Is the strike legal?", "TAPPER", "asserted"),
])
def test_a_transcript_line_that_is_a_question_is_asked_not_claimed(text, label, factuality):
    """Samples 12 (l023) and 22 (v090): the interviewer's own question after a transcript label."""
    found = [a for a in _attributions(text) if a.source == label]
    assert [a.factuality for a in found] == [factuality]


@pytest.mark.parametrize("text, kind", [
    ("The U.S. and Turkey agreed on a road map for the town.", "stance"),
    ("The scientists agreed that the risk was very low.", "speech"),
])
def test_a_deal_agreed_on_is_a_stance_and_agreeing_that_is_speech(text, kind):
    """Samples 15 (o036) and 29 (ac025): agreeing on a thing reports a deal, not words."""
    assert _one(text, "agreed").cue_kind == kind


@pytest.mark.parametrize("line", [
    "Play Video 'I want answers': Justin Trudeau says missile downed plane in Iran – video",
    "Justin Trudeau says missile downed plane in Iran – video",
])
def test_a_line_a_video_player_labels_is_page_furniture(line):
    """Sample 34 (ah001): The Guardian's player prints "Play Video" before a video's title and "– video" after."""
    text = f"Iran would not hand over the recorders.\n\n{line}\n\nTrudeau said his government would not rest."
    assert [a.source for a in _attributions(text) if a.cue_kind == "speech"] == ["Trudeau"]


def test_according_to_a_transcript_after_an_inserted_report_is_that_report_s_speaker():
    """Sample 34 (ah031): the parser hangs "according to" on the quotation's verb, not on "Trump says"."""
    text = ("'There is a lot of talk about Biden's son, so whatever you can do would be great,' Trump says, according "
            "to the transcript.")
    assert _sources(text, "according to") == ["Donald Trump"]


def test_one_seal_is_an_unnamed_person():
    """Sample 34 (ah071)."""
    found = _one("One SEAL claimed in their group text that he spent more time protecting civilians.", "claimed")
    assert (found.source_canonical, found.source_type) == ("seal [US]", "anonymous")


@pytest.mark.parametrize("text, cue, speaker", [
    ("On March 11, the WHO declared that the outbreak was a pandemic.", "declared", "WHO"),
    ("The World Bank said the economy would shrink.", "said", "World Bank"),
])
def test_an_international_body_is_on_another_side(text, cue, speaker):
    """Samples 32 (af028) and 34 (ah007): the protocol puts international bodies on `other`."""
    found = _one(text, cue)
    assert (found.source_canonical, found.affiliation) == (speaker, "other")


# --- session 32: rules from sample 36's errors ---------------------------------------------------------------

def test_one_quoted_in_the_passive_is_the_speaker_and_the_agent_the_quoter():
    text = ("Rouhani met the French ambassador on Monday. “It's a crucial moment,” he was quoted by the Fars News "
            "Agency as saying during the meeting.")
    assert _one(text, "saying").source_canonical == "Hassan Rouhani"
    assert _one(text, "quoted").source_canonical == "Fars"


@pytest.mark.parametrize("text, cue, speaker, content", [
    ("“We support the measure,” a group of Iranian lawmakers said in a statement, as quoted by the Fars News Agency.",
     "quoted", "Fars", "“We support the measure,”"),
    ("Iran will exceed the limit within days, as reported by Reuters.", "reported", "Reuters",
     "Iran will exceed the limit within days"),
    ("The strike killed 12 people, as the ministry reported.", "reported", "ministry [unknown]",
     "The strike killed 12 people"),
])
def test_an_as_aside_reports_the_clause_it_hangs_on_and_its_agent_reports_it(text, cue, speaker, content):
    found = _one(text, cue)
    assert (found.source_canonical, found.content) == (speaker, content)


@pytest.mark.parametrize("text", [
    "The State Department ordered staff to leave Iraq as credible threats of attack from Iran continue.",
    "Riyadh's Tadawul was down over 2% as trading continued.",
])
def test_an_as_clause_of_time_is_no_report(text):
    assert not [a for a in _attributions(text) if a.cue == "continue"]


def test_an_aside_before_a_report_leaves_that_report_its_own():
    text = ("And, as The Daily Beast first reported, Fox News host Tucker Carlson has urged Trump to stiff-arm his "
            "hawkish advisors.")
    assert _one(text, "urged").source_canonical == "Tucker Carlson"


@pytest.mark.parametrize("text, cue, speaker, source_type", [
    ("One woman named Rachel says her family spends $1,900 a month on premiums.", "says", "Rachel", "named_person"),
    ("A veteran named John Smith said the war was a mistake.", "said", "John Smith", "named_person"),
    ("A group called Kataib Hezbollah said it would retaliate.", "said", "Kataib Hezbollah", "organization"),
])
def test_a_source_the_article_names_with_named_or_called_is_that_name(text, cue, speaker, source_type):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type) == (speaker, source_type)


@pytest.mark.parametrize("text, cue, speaker", [
    ("Articles in Breitbart and elsewhere claimed she had cried after the election.", "claimed", "Breitbart News"),
    ("A report in The New York Times said the strike was planned months ago.", "said", "New York Times"),
])
def test_a_piece_in_an_outlet_is_the_outlet_s(text, cue, speaker):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type) == (speaker, "media")


def test_a_piece_in_a_place_is_not_an_outlet_s():
    assert _one("A report in Iraq said the strike was planned months ago.", "said").source_type == "other"


def test_the_supreme_leader_s_office_is_iran_s_unless_another_country_is_named():
    found = _one("An official in the supreme leader's office said the attacks were the weakest of several "
                 "scenarios.", "said")
    assert (found.source_canonical, found.affiliation) == ("official [Iran]", "Iran")
    assert _one("North Korea's supreme leader said the talks had failed.", "said").affiliation == "other"


def test_a_participle_after_a_passive_is_its_subject_s_not_the_thing_that_moved_no_one():
    text = ("McConnell was unmoved by Trump's online justifications, saying senators still see a threat in Syria "
            "from the ISIS terror army.")
    assert _one(text, "saying").source_canonical == "McConnell"


def test_a_verb_joined_to_one_person_s_reported_clause_is_not_the_many_reporters_second_report():
    text = ("Prosecutors allege that Gallagher obstructed justice. Prosecutors say that he threatened them and "
            "told them he would kill them.")
    assert all(a.source_canonical != "prosecutor [unknown]" for a in _attributions(text) if a.cue_text == "told")
    # a name the tagger took for a plural ("Mills") is one person: her second verb is her second report
    text = ("Mills said she would meet with representatives of immigrant groups about the coronavirus and pledged "
            "to “work to reduce these inequities.”")
    assert _one(text, "pledged").source == "Mills"


@pytest.mark.parametrize("text", [
    "Edward Gallagher spoke. His wife, Andrea Gallagher, who was by his side throughout the court-martial, said "
    "she was elated.",
    "Edward Gallagher spoke. Later, Andrea Gallagher, his wife, said she was elated.",
])
def test_the_his_of_a_family_tie_is_not_evidence_against_the_relative_named(text):
    assert _one(text, "said").source_canonical == "Andrea Gallagher"


@pytest.mark.parametrize("text, cue, factuality", [
    ("This is how people who would’ve described themselves as liberals a couple of years ago are worshiping at "
     "the altar of Brennan.", "described", "hypothetical"),
    ("What the heck is happening in Syria is a question a lot of people are asking right now", "asking", "asked"),
    ("Reporters asked a question about the strike.", "asked", "asked"),
])
def test_a_curly_counterfactual_and_a_question_asked_are_not_asserted(text, cue, factuality):
    assert _one(text, cue).factuality == factuality


def test_telling_as_an_adjective_is_no_report_but_telling_someone_is():
    assert not [a for a in _attributions("The group's account of the meeting on its website is telling: Chinese "
                                         "executives extended a warm welcome.") if a.cue == "tell"]
    assert _one("He is telling reporters that the war is over.", "telling").content == "that the war is over"


@pytest.mark.parametrize("text", [
    "Sanders did give an address on foreign policy last October.",
    "The debate lasted 12 hours, with House managers and Trump's legal team making arguments for and against each "
    "amendment.",
])
def test_a_speech_event_s_topic_or_both_sides_is_no_report(text):
    assert not _attributions(text)


def test_a_speech_event_with_its_words_still_reports():
    assert _one("Pompeo gave a warning that Iran would pay a price.", "gave").content == \
        "that Iran would pay a price"


@pytest.mark.parametrize("text, speaker", [
    ("“I hear many questions about U.S. strategy,” says Michael Herzog, a fellow at the Washington Institute and a "
     "retired brigadier general whose late father, Chaim Herzog, was Israel’s sixth president. In the latter case, "
     "he says the Israelis expect the U.S. to revert to its previous course.", "Michael Herzog"),
    ("Pompeo dismissed suggestions that the decision would isolate the U.S., though Jordan’s Foreign Minister Ayman "
     "Safadi wrote on Twitter that the settlements hurt peace prospects. “We warn of the seriousness of the "
     "change,” he said.", "Ayman Safadi"),
])
def test_a_pronoun_takes_up_the_last_sentence_s_source_before_its_other_subjects(text, speaker):
    assert [a.source_canonical for a in _attributions(text) if a.source.lower() == "he"] == [speaker]


def test_a_main_clause_s_subject_still_comes_before_a_nearer_one_when_no_one_reports():
    text = "Miller went to Breisch when Gallagher was up for the award. He told Breisch that the SEAL had to go."
    assert _one(text, "told").source_canonical == "Miller"


@pytest.mark.parametrize("text, speaker, affiliation", [
    ("Within days Iran will exceed the limit on its stockpile of uranium, according to a spokesman for the "
     "country's atomic energy agency.", "spokesman [Iran]", "Iran"),
    ("Iraq's parliament met on Sunday. Officials from the country's oil ministry said exports had resumed.",
     "official [Iraq]", "Iraq"),
])
def test_the_country_s_body_in_a_source_phrase_is_on_the_side_of_the_country_named_before(text, speaker, affiliation):
    found = [a for a in _attributions(text) if a.source_type != "named_person"][0]
    assert (found.source_canonical, found.affiliation) == (speaker, affiliation)


def test_the_nation_s_official_is_not_placed_by_the_last_country_named():
    text = ("President Donald Trump chastised his intelligence officials for being soft on Iran. On Tuesday, the "
            "nation's top intelligence official told Senate lawmakers that Iran was not building a bomb.")
    assert _one(text, "told").affiliation != "Iran"


@pytest.mark.parametrize("text, cue, speaker", [
    # the parser hung the relative clause on the verb: the antecedent is the last speaking word before "who"
    ("Trump’s strike has been met with criticism from other Democrats as well, who have condemned it as a major "
     "escalation.", "condemned", "democrat [US]"),
    # a restrictive clause after a coordination of roles is the whole phrase's, named by its head
    ("Conservative lawmakers and commentators who pounced on Obama and called him weak were quick to praise Trump.",
     "called", "lawmaker [US]"),
    # one set off by a comma is the last conjunct's
    ("The lack of clarity has worried not only Baghdad but also Erbil, which fears the upheaval could hurt its "
     "autonomy.", "fears", "Erbil"),
])
def test_a_relative_pronoun_takes_the_antecedent_a_reader_takes(text, cue, speaker):
    assert _one(text, cue).source_canonical == speaker


def test_local_officials_are_on_the_side_of_the_place_just_named_not_of_officials_quoted_before():
    text = ("U.S. officials said the contractors were safe. Three bases hosting U.S. forces in Iraq have been attacked "
            "in the past week. Local officials blamed Iran-backed militias for one of the incidents.")
    found = _one(text, "blamed")
    assert (found.source_canonical, found.affiliation) == ("official [Iraq]", "Iraq")


def test_a_person_s_campaign_is_on_the_person_s_side():
    found = _one("Joe Biden spoke in Iowa. The Biden campaign pointed to numerous remarks from Bush at the time.",
                 "pointed")
    assert (found.source_canonical, found.affiliation) == ("Biden campaign", "US")


def test_a_byline_s_reported_from_is_no_report():
    text = "“That’s wonderful,” she said.\n\n⦁ Tom Howell Jr. reported from Washington."
    assert not [a for a in _attributions(text) if a.cue == "report"]
    assert _one("Reuters reported from Baghdad that the embassy was closed.", "reported").source_canonical == "Reuters"


@pytest.mark.parametrize("text, cue, factuality", [
    ("Those who accept the War Powers Act should recall that the 2002 authorization remains in effect.", "recall",
     "hypothetical"),
    ("Clearly Congress must assert its powers. It must insist on public hearings to review the strike.", "insist",
     "hypothetical"),
    ("“I have confidence in them, and I think he should, too,” he said.", "said", "asserted"),
])
def test_what_someone_should_or_must_say_is_not_what_was_said(text, cue, factuality):
    assert _one(text, cue).factuality == factuality


def test_championing_a_bill_is_a_stance_not_speech():
    found = _one("Sens. James Lankford and Amy Klobuchar have championed the Secure Elections Act.", "championed")
    assert found.cue_kind == "stance"


@pytest.mark.parametrize("text, cue, speaker", [
    ("The award will support courses for widows, according to a USAID press release.", "According", "USAID"),
    ("James Biden called Anthony Lotito and said his brother wanted a job for Hunter, according to a complaint Lotito "
     "later filed in a New York court.", "according", "Anthony Lotito"),
    ("The president pointed to a video the U.S. military released. The video suggests that Iran sought to remove "
     "evidence of its involvement.", "suggests", "US military"),
])
def test_a_document_s_own_phrase_names_its_maker(text, cue, speaker):
    found = [a for a in _attributions(text) if text[a.cue_start:].lower().startswith(cue.lower())]
    assert [a.source_canonical for a in found] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("It is unclear why he did that, but some — like Sen. Bernie Sanders’s foreign policy adviser Matthew Duss — say "
     "the secretary wanted to build a case.", "Matthew Duss"),
    ("Some, like Sen. Bernie Sanders, say the secretary wanted to build a case.", "Bernie Sanders"),
])
def test_some_like_a_named_person_is_that_person(text, speaker):
    assert _one(text, "say").source_canonical == speaker


def test_a_thing_that_tells_a_tale_tells_no_one_anything():
    assert not [a for a in _attributions("Stunted growth tells the tale of years of hunger.") if a.cue == "tell"]
    assert _one("The refugees tell the story of a brutal siege.", "tell").source_canonical == "refugee [unknown]"


@pytest.mark.parametrize("text, cue, speaker, source_type", [
    ("Moussa Faki Mahamat, the chairman of the African Union Commission, added that the killing was wrong.", "added",
     "Moussa Faki Mahamat", "named_person"),
    ("The Republican nominee vowed to punish those who leak.", "vowed", "nominee [US]", "anonymous"),
    ("Trump's rival said the deal was bad.", "said", "rival [US]", "anonymous"),
])
def test_the_people_a_race_or_an_office_names_are_people(text, cue, speaker, source_type):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type) == (speaker, source_type)


@pytest.mark.parametrize("text, cue, speaker", [
    ("An administration official said the White House does not comment on intelligence. In Tehran, a senior "
     "intelligence official told foreign media that 17 people had been arrested.", "told", "official [Iran]"),
    ("In Iran, demonstrators are calling for the supreme leader to step down.", "calling", "demonstrator [Iran]"),
    ("In the interview, officials said the strike was legal.", "said", "official [unknown]"),
])
def test_the_place_a_report_opens_with_places_its_unnamed_source(text, cue, speaker):
    assert _one(text, cue).source_canonical == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    ("Crowds of students in central Tehran protested after the government's admission. Some of the protesters "
     "demanded that the supreme leader step down.", "demanded", "protester [Iran]"),
    ("Soleimani had encouraged militias to quash protests by Iraqis opposed to foreign powers such as Iran and the "
     "United States. In Iraqi cities, demonstrators took to the streets again on Friday, vowing to keep up their "
     "protests.", "vowing", "demonstrator [Iraq]"),
])
def test_people_a_story_finds_in_the_street_are_on_the_side_of_the_place(text, cue, speaker):
    assert _one(text, cue).source_canonical == speaker


@pytest.mark.parametrize("text, source_type", [
    ("The plane was likely shot down by an Iranian missile, according to multiple reports on Thursday.", "media"),
    ("The report said the strike was planned months ago.", "other"),
])
def test_reports_with_no_author_are_the_press_and_one_report_a_document(text, source_type):
    assert [a.source_type for a in _attributions(text)] == [source_type]


def test_headlines_listed_under_a_link_label_are_page_furniture():
    text = ("“We’ll see,” Graham said.\n\nRead more from The Hill:\n\nIran dismisses US claim that it was behind "
            "attack on Saudi oil plants\n\nTrump says he is in no hurry")
    assert [a.source_canonical for a in _attributions(text)] == ["Graham"]
    assert _one("Iran dismisses US claim that it was behind attack on Saudi oil plants", "dismisses").source == "Iran"


@pytest.mark.parametrize("text, cue", [
    ('"Resign, resign," videos posted on Twitter showed hundreds of people chanting.', "posted"),
    ("Romney made a forceful case at the lunch for calling Bolton to testify.", "calling"),
    ("One analyst studied accounts that used the hashtag “#FireMcMaster” (referring to former national security "
     "adviser H. R. McMaster).", "referring"),
])
def test_a_thing_posted_a_witness_summoned_and_a_writer_s_gloss_are_no_reports(text, cue):
    assert not [a for a in _attributions(text) if text[a.cue_start:].startswith(cue)]


@pytest.mark.parametrize("text, cue, factuality", [
    ("The order directs executive branch agencies to ask independent agencies to review the rules.", "ask",
     "hypothetical"),
    ("NBC News moderator Matt Lauer asked the candidates to discuss their own ideas.", "discuss", "hypothetical"),
    ("Trump urged Congress to condemn the attack.", "condemn", "hypothetical"),
    ("Pompeo went on to say that Iran was responsible.", "say", "asserted"),
])
def test_what_someone_is_made_to_say_is_still_to_be_said_but_going_on_to_say_says_it(text, cue, factuality):
    assert _one(text, cue).factuality == factuality


def test_a_role_the_next_sentence_names_for_the_first_time_is_that_person():
    text = ("Iran's U.N. ambassador tells NPR that Tehran has no plans to step up a confrontation with the U.S.\n\n"
            "However, Majid Takht Ravanchi, speaking to Morning Edition host Steve Inskeep, says Iran is prepared for "
            "further action.")
    assert _one(text, "tells").source_canonical == "Majid Takht Ravanchi"


@pytest.mark.parametrize("text, cue, not_speaker", [
    # another side's person named next is not the role's holder
    ("Iran's top diplomat warned the United States against any strike.\n\nPresident Donald Trump said the United "
     "States was ready.", "warned", "Donald Trump"),
    # an indefinite source is any official, not the person named next
    ("A senior official said the strike was planned.\n\nJohn Smith, a retired general, disagreed.", "said",
     "John Smith"),
])
def test_a_role_is_not_taken_for_the_next_person_named_on_another_side_or_when_indefinite(text, cue, not_speaker):
    assert _one(text, cue).source_canonical != not_speaker


def test_a_spelling_of_a_name_is_the_same_person():
    found = _one("Mohammed Javad Zarif said Iran would not blink.", "said")
    assert found.source_canonical == "Mohammad Javad Zarif"


@pytest.mark.parametrize("text, speaker, affiliation", [
    ("In response, a Downing Street spokesperson said at a briefing Monday that Iran must comply.", "Downing Street",
     "other"),
    ("A spokesman for Senate Minority Leader Charles Schumer said the senator would vote no.", "spokesman [US]", "US"),
])
def test_a_spokesperson_for_a_seat_of_government_is_it_and_for_a_person_a_spokesperson(text, speaker, affiliation):
    found = _one(text, "said")
    assert (found.source_canonical, found.affiliation) == (speaker, affiliation)


@pytest.mark.parametrize("text, cue, factuality", [
    ("The administration will tell you that he's a very bad guy, and there's no denying that.", "denying",
     "negated"),
    ("The U.S. has called a meeting of the International Atomic Energy Agency to discuss the situation with Iran.",
     "discuss", "hypothetical"),
])
def test_no_denying_and_a_meeting_called_to_discuss_report_nothing(text, cue, factuality):
    assert _one(text, cue).factuality == factuality


def test_the_pentagon_s_secdef_is_a_title():
    text = ("“We will hold the Iranian regime accountable for any attack on US forces.” — Acting SecDef Pat Shanahan "
            "(@ActingSecDef) May 6, 2019")
    assert [a.source_canonical for a in _attributions(text)] == ["Pat Shanahan"]


@pytest.mark.parametrize("text, speaker, source_type", [
    ("The Houthi rebels claimed they used bomb-laden drones in the attack.", "Houthis", "organization"),
    ("Islamic State militants claimed responsibility for the attack.", "Islamic State", "organization"),
    ("Syrian rebels said the town had fallen.", "rebel [other]", "anonymous"),
])
def test_fighters_named_by_their_group_are_the_group_and_by_a_nationality_fighters(text, speaker, source_type):
    found = _attributions(text)[0]
    assert (found.source_canonical, found.source_type) == (speaker, source_type)


@pytest.mark.parametrize("text, cue, speaker, source_type", [
    ("Saudi Arabia has been at war with the rebel Houthis in Yemen for years. The Houthis say the attacks are a "
     "response to Saudi airstrikes.", "say", "Houthis", "organization"),
    ("When they got back to the base, some of the SEALs said they saw Gallagher give him medical aid.", "said",
     "seal [US]", "anonymous"),
    ("Pyongyang threatened to strike the US territory of Guam.", "threatened", "North Korea", "organization"),
])
def test_a_movement_people_of_a_kind_and_a_capital_acting_are_named_as_readers_name_them(text, cue, speaker,
                                                                                          source_type):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type) == (speaker, source_type)


def test_struggling_to_say_is_not_saying():
    assert _one("He struggled to articulate how he would combat terrorism.", "articulate").factuality == "negated"


@pytest.mark.parametrize("text, cue", [
    ("Brent oil posted its biggest ever intraday jump Monday to more than $71 a barrel.", "posted"),
    ("About 3,000 paratroopers packed up their weapons and said goodbye to their family members at Fort Bragg.",
     "said"),
    ("North Korea now had missiles with possible nuclear warheads pointed at the United States.", "pointed"),
    ("Senators Ben Sasse and Tim Scott were pointing at a colleague.", "pointing"),
    ("Trump says the quiet parts about the system out loud, but his agenda is rooted in it.", "says"),
])
def test_a_market_result_a_goodbye_and_an_aim_report_nothing(text, cue):
    assert not [a for a in _attributions(text) if text[a.cue_start:].startswith(cue)]


def test_saying_the_quiet_part_out_loud_reports_what_follows_it():
    text = "Trump said the quiet part out loud: “We want the oil.”"
    assert [a.source_canonical for a in _attributions(text) if a.cue_text == "said"] == ["Donald Trump"]


@pytest.mark.parametrize("text, cue, speaker", [
    ("Iran hawks in the United States pointed fingers at Tehran.", "pointed", "hawk [US]"),
    ("As Sarah Lazare and Michael Arria point out over at In These Times, the Democrats helped lay the groundwork.",
     "point", "Sarah Lazare"),
    ("John Bolton, one of Trump's former national security advisers, called Tuesday's incident in Baghdad "
     "“straight from Iran's playbook in 1979.”", "called", "John Bolton"),
])
def test_pointing_fingers_pointing_out_and_calling_something_a_name_still_report(text, cue, speaker):
    assert _one(text, cue).source_canonical == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    ("A video shared online shows the plane on fire. Someone off camera says: “The plane has caught fire.”",
     "says", "person [unknown]"),
    ("Somebody in the crowd shouted that the election had been stolen.", "shouted", "person [unknown]"),
])
def test_an_indefinite_pronoun_is_an_unnamed_person_as_readers_write_one(text, cue, speaker):
    assert _one(text, cue).source_canonical == speaker


def test_a_named_person_s_spokesman_is_a_spokesman_not_a_body_of_that_name():
    text = "Boris Johnson met his cabinet on Monday. Johnson's spokesman blamed an administrative error."
    found = _one(text, "blamed")
    assert found.source_canonical.startswith("spokesman [")
    assert found.source_type == "organization"


@pytest.mark.parametrize("text, cue, speaker", [
    # a conversation's words are those it was held with
    ("Political appointees shaped the awards, according to interviews with officials familiar with the process.",
     "according to", "official [unknown]"),
    # the agent of a document's making, with a verb of doing
    ("The arsenal is threatening, according to analysis done by the nuclear expert Mark Schneider.",
     "according to", "Mark Schneider"),
    # one of a series the article began takes up the series' author
    ("Prosecutors said text messages by Eddie Gallagher show his guilt. One message said he had a cool story.",
     "said", "Eddie Gallagher"),
    # a platform names no author: the possessor does
    ("Raphael Badani writes columns for several outlets. His LinkedIn profile, which describes him as a graduate "
     "of Georgetown, is fictitious.", "describes", "Raphael Badani"),
    # a thread is part of what its writer wrote
    ("Joseph Cirincione wrote on Twitter as part of a lengthy thread that explains how much uranium a bomb needs.",
     "explains", "Joseph Cirincione"),
])
def test_a_document_s_author_is_its_interviewee_maker_series_owner_or_writer(text, cue, speaker):
    found = [a.source_canonical for a in _attributions(text) if a.cue_text == cue]
    assert found and found[-1] == speaker, [(a.source_canonical, a.cue_text) for a in _attributions(text)]


def test_a_letter_someone_responded_to_is_not_theirs():
    text = "Trump responded to a letter that said the strike was illegal."
    assert "Donald Trump" not in [a.source_canonical for a in _attributions(text) if a.cue_text == "said"]


def test_a_document_s_chain_of_mentions_goes_back_past_its_pronoun_possessor_to_its_named_owner():
    text = ("The Warren Commission’s 1964 report paid close attention to the shooting. Its report said the rifle "
            "was fired three times. One witness was a railroad worker. “The shots came from the depository,” the "
            "report said.")
    assert _sources(text, "said")[-1] == "Warren Commission"


def test_a_document_s_chain_of_definite_mentions_goes_back_link_by_link():
    # each "the report" takes up the one before it, so the chain goes on past the three sentences before the last
    text = ("The Warren Commission’s 1964 report paid close attention to the shooting. Its report said the rifle "
            "was fired three times. One witness was a railroad worker. “The shots came from the depository,” the "
            "report said. Another witness heard two shots. The police arrived at noon. “The rifle was found on the "
            "sixth floor,” the report says.")
    assert _sources(text, "says") == ["Warren Commission"]
    # a mention of another document breaks no chain, but a report the chain never reached names no owner
    text = ("The Warren Commission’s 1964 report paid close attention to the shooting. Another witness heard two "
            "shots. A third saw nothing. The police arrived at noon. The crowd scattered. A dog barked. “The rifle "
            "was found on the sixth floor,” the report says.")
    assert _sources(text, "says") != ["Warren Commission"]


def test_a_holder_of_the_office_named_inside_the_quotation_is_talked_about_not_the_one_tweeting():
    text = ("President Trump approved the measures last week, officials said. The shoot-down brought Mr. Trump to "
            "the brink of airstrikes. “Under the terrible Obama plan, they would have been on their way to a bomb,” "
            "the president tweeted Saturday.")
    assert _one(text, "tweeted").source_canonical == "Donald Trump"


def test_the_subject_of_words_set_before_their_he_said_is_he_when_no_one_nearer_could_be():
    text = ("Hassan Rouhani spoke in Tehran on Monday. The strike was weighed for days. Iran shot down a drone. That "
            "was the biggest provocation yet. President Donald Trump authorized a limited strike, but suddenly "
            "reversed himself, he said on Friday.")
    assert _one(text, "said").source_canonical == "Donald Trump"
    # someone the two sentences before name is still the nearer candidate
    text = "Mike Pompeo spoke on Monday. President Donald Trump authorized a strike, but reversed himself, he said."
    assert _one(text, "said").source_canonical == "Mike Pompeo"


def test_a_name_whose_apposition_is_a_body_is_no_person_and_no_antecedent_for_he():
    text = ("President Donald Trump spent the weekend in Florida. The Babylon Bee, a conservative parody website, "
            "joked that Democrats want to fly flags at half-mast. The drama may help the president, whose mind was on "
            "impeachment in tweets Monday. “This political Hoax is sad!” he wrote.")
    assert _one(text, "joked").source_type == "organization"
    assert _one(text, "wrote").source_canonical == "Donald Trump"


@pytest.mark.parametrize("text, speaker", [
    ("Robert Mueller testified in July. Democrats have settled on a new word. The change has not gone unnoticed by "
     "Republicans like Rep. Lee Zeldin. He argued that there was no extortion.", "Lee Zeldin"),
    ("Robert Mueller testified in July. The change angered many Republicans, including Rep. Lee Zeldin. He argued "
     "that there was no extortion.", "Lee Zeldin"),
])
def test_a_person_singled_out_of_a_group_in_the_sentence_before_is_the_next_he(text, speaker):
    assert _one(text, "argued").source_canonical == speaker


def test_a_person_only_mentioned_in_the_sentence_before_does_not_take_over_the_speaker():
    text = ("“We will respond,” Justin Trudeau said on Friday. The plane was bound for Kyiv, where it was met by "
            "Oleksiy Danylov. He added that Canada expected answers.")
    assert _one(text, "added").source_canonical == "Justin Trudeau"


@pytest.mark.parametrize("text, speaker", [
    ("Iraq’s parliament has begun an emergency session and will likely vote on a resolution requiring the "
     "government to expel foreign forces. The resolution specifically calls for ending an agreement with Washington.",
     "Iraqi parliament"),
    ("The Senate approved a resolution on Sunday. The resolution calls for ending the war.", "Senate"),
])
def test_a_resolution_is_the_body_s_that_votes_on_or_approves_it(text, speaker):
    assert _one(text, "calls").source_canonical == speaker


def test_a_resolution_voted_against_is_not_the_voter_s():
    text = "The Senate voted against a resolution on Sunday. The resolution calls for ending the war."
    assert _one(text, "calls").source_canonical != "Senate"


def test_a_body_s_noun_tagged_as_a_modifier_of_a_statement_is_its_issuer():
    text = ("Iran admitted the error on Saturday. An Iranian military statement read on state TV announced that it "
            "had struck the flight by mistake. The statement said the plane had the posture of an enemy target.")
    assert _sources(text, "announced") == ["Iranian military"]
    assert _sources(text, "said") == ["Iranian military"]


@pytest.mark.parametrize("text, cue", [
    ("Correction: An earlier version of this column said the Koch brothers are financing the institute.", "said"),
    ("A previous version of this story misstated the date and said the strike was on Friday.", "said"),
    ("Unusual times demand unusual measures.", "demand"),
    ("The situation requires that we act now.", "requires"),
    ("He talks about women in disgusting ways, including attempting to humiliate them.", "talks"),
])
def test_a_correction_notice_a_need_and_the_manner_of_talk_report_nothing(text, cue):
    assert [a.cue_text for a in _attributions(text) if a.cue_text == cue] == []


@pytest.mark.parametrize("text, cue, speaker", [
    ("Protesters demand that the prime minister resign.", "demand", "protester [unknown]"),
    ("The column said the Koch brothers are financing the institute.", "said", "column [unknown]"),
    ("He talked about the strike in an interview on Sunday.", "talked", "he"),
])
def test_a_demand_by_people_a_column_and_a_talk_with_no_manner_still_report(text, cue, speaker):
    assert _sources(text, cue) == [speaker]


@pytest.mark.parametrize("text, cue", [
    ("The city of Phoenix is demanding that the campaign stop using the image of its officers.", "demanding"),
    ("Perhaps the debate moderators will demand more details.", "demand"),
])
def test_a_city_or_moderators_who_demand_are_still_reported(text, cue):
    assert [a.cue_text for a in extract_attributions(get_pipeline()(text)) if a.cue_text == cue] == [cue]


def test_talking_about_a_topic_in_a_new_way_now_is_an_event_that_reports():
    text = "He is now talking about immigration in a new way, as a matter of security."
    assert [a.cue_text for a in extract_attributions(get_pipeline()(text))] == ["talking"]


def test_a_thing_called_by_a_name_reports_nothing_but_a_quoted_label_still_does():
    text = ("Brett Litz, a psychologist, studies veterans. Dr. Litz and his colleagues developed a treatment regimen "
            "for moral injury a decade ago called adaptive disclosure.")
    assert [a.cue_text for a in _attributions(text) if a.cue_text == "called"] == []
    text = "John Bolton, one of Trump’s former advisers, called Tuesday’s incident “straight from Iran's playbook.”"
    assert _sources(text, "called") == ["John Bolton"]


def test_his_office_is_the_office_of_the_one_his_stands_for_on_his_side():
    text = ("Iraq’s parliament voted last week. Iraqi Prime Minister Adel Abdul Mahdi asked Pompeo to send delegates, "
            "his office said in a statement.")
    found = _one(text, "said")
    assert (found.source_canonical, found.source_type, found.affiliation) == \
        ("Adel Abdul Mahdi's office", "organization", "Iraq")


def test_the_administration_is_the_one_of_the_president_in_office_on_the_article_s_date():
    table = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"],
        "outlet": ["A"] * 4,
        "date": ["2019-06-23", "2016-05-01", "2019-06-23", None],
        "source": ["the administration", "the administration", "the previous administration", "the administration"],
        "source_canonical": ["administration [US]"] * 4,
        "source_type": ["organization"] * 4,
        "affiliation": ["US"] * 4,
        "affiliation_evidence": ["source phrase"] * 4,
    })
    assert resolve_speakers(table)["source_canonical"].tolist() == [
        "Trump administration", "Obama administration", "administration [US]", "administration [US]"]


@pytest.mark.parametrize("text, cue, speaker", [
    ("The Iranian government denied any role in the attack on the tankers.", "denied", "Iran"),
    ("The Iraqi government said the strike violated its sovereignty.", "said", "Iraq"),
    ("The Syrian government said the strike violated its sovereignty.", "said", "Syrian government"),
])
def test_a_government_of_the_story_s_countries_is_named_by_the_country(text, cue, speaker):
    assert _sources(text, cue) == [speaker]


def test_a_body_s_press_office_speaks_for_the_body():
    assert _sources("The Pentagon press office said the strike was defensive.", "said") == ["Pentagon"]
    # an office that is no press office keeps its own name
    assert _sources("The Pentagon inspector general's office said the review was done.", "said") != ["Pentagon"]


@pytest.mark.parametrize("text, cue, factuality", [
    # a curly apostrophe's contraction is still "be": the report is still to come
    ("archived recording (steny hoyer) You’re going to hear the president say we walked out.", "say", "hypothetical"),
    # a conjoined bare verb shares the first verb's auxiliary and, after "or", its negation
    ("Graham said Congress would impose sanctions on Turkey and call for its suspension in NATO.", "call",
     "hypothetical"),
    ("The ministry did not confirm or deny the report.", "deny", "negated"),
    # a conjoined verb with its own tense reports for itself
    ("Officials said the strike was legal and warned Iran against retaliation.", "warned", "asserted"),
])
def test_a_conjoined_verb_shares_its_auxiliary_and_a_curly_contraction_is_an_auxiliary(text, cue, factuality):
    found = [a for a in extract_attributions(get_pipeline()(text)) if a.cue_text == cue]
    assert [a.factuality for a in found] == [factuality]


def test_a_lede_s_spokesperson_is_the_one_the_article_names_later_as_spokesperson_of_that_body():
    text = ("Iran will exceed the limit within days, according to a spokesman for the country's atomic energy "
            "agency. The announcement came on Monday. In a news conference carried live on state television, "
            "Behrouz Kamalvandi, a spokesman for the Atomic Energy Organization of Iran, said the stockpile would grow.")
    assert _sources(text, "according to") == ["Behrouz Kamalvandi"]
    # a spokesperson of another body is not the one
    text = ("Iran will exceed the limit within days, according to a spokesman for the country's atomic energy "
            "agency. The announcement came on Monday. Abbas Mousavi, a spokesman for the Foreign Ministry, said "
            "talks would go on.")
    assert _sources(text, "according to") != ["Abbas Mousavi"]


@pytest.mark.parametrize("text, speaker", [
    ("President Donald Trump chastised his own intelligence officials on Wednesday for being soft on Iran a day "
     "after they contradicted numerous claims of success.", "official [unknown]"),
    ("The president is expected to make remarks about abortion, which would thrill conservatives at a time when "
     "they have denounced several state bills.", "conservative [unknown]"),
])
def test_they_may_be_the_plural_people_its_own_sentence_made_an_object(text, speaker):
    found = [a for a in _attributions(text) if a.source.lower() == "they"]
    assert [a.source_canonical for a in found] == [speaker]


def test_they_is_not_an_object_when_people_are_named_between():
    text = ("Trump stunned Republican senators on Wednesday by lashing out at Dan Coats and Gina Haspel after they "
            "contradicted some of his claims.")
    assert "senator" not in " ".join(a.source_canonical for a in _attributions(text) if a.source.lower() == "they")


def test_he_may_be_the_unnamed_person_its_own_sentence_made_a_subject_but_not_an_office():
    text = ("James Biden and Hunter Biden ran the fund. At one point, the executive said, Hunter called him for money. "
            "When the executive refused, saying the funds were needed, he recalled that Hunter responded angrily.")
    assert _sources(text, "recalled") == ["executive [unknown]"]
    text = ("President Donald Trump spoke on Monday. The president said he called off the strikes, but he reiterated "
            "that the pressure would stay.")
    assert _sources(text, "reiterated") == ["Donald Trump"]


@pytest.mark.parametrize("text, cue, speaker", [
    ("Defense Secretary Mark Esper and Gen. Mark Milley briefed reporters on Monday. The pair emphasized that the "
     "strike was defensive.", "emphasized", "Mark Esper"),
    ("Philip Gordon and Robert Malley served in the Obama administration. The two wrote that the deal had worked.",
     "wrote", "Philip Gordon"),
])
def test_the_pair_or_the_two_are_the_people_just_named_together(text, cue, speaker):
    assert _sources(text, cue) == [speaker]


@pytest.mark.parametrize("text, cue, speaker", [
    ("Iranian television reported that the attacks were the weakest of several scenarios.", "reported",
     "Iranian television"),
    ("Iranian media reported that the strike killed 80 people.", "reported", "Iranian media"),
    ("The British press speculated that the minister would resign.", "speculated", "British press"),
    ("The media reported that the strike killed 80 people.", "reported", "media"),
])
def test_a_country_s_outlets_are_named_by_its_adjective_as_readers_name_them(text, cue, speaker):
    assert _sources(text, cue) == [speaker]


def test_a_body_s_name_ner_cut_at_and_is_the_whole_name_but_two_named_bodies_stay_two():
    text = 'According to Customs and Border Protection, 47 miles "of new border barriers" had been completed.'
    assert _sources(text, "According to") == ["Customs and Border Protection"]
    assert _sources("Apple and Google said they would comply.", "said") == ["Apple"]


@pytest.mark.parametrize("short, outlet", [("WSJ", "Wall Street Journal"), ("NYT", "New York Times"),
                                           ("WaPo", "Washington Post")])
def test_an_outlet_s_initials_are_the_outlet_on_its_side(short, outlet):
    found = _one(f"The {short} reported that the deal was near.", "reported")
    assert (found.source_canonical, found.affiliation) == (outlet, "US")


def test_unnamed_authorities_are_an_organisation_and_on_the_story_s_sides_the_country():
    table = pd.DataFrame({
        "doc_id": ["a", "a", "a", "a"],
        "outlet": ["A"] * 4,
        "date": ["2020-01-11"] * 4,
        "source": ["authorities", "Iranian authorities", "Iraqi prison authorities", "British authorities"],
        "source_canonical": ["authority [Iran]", "authority [Iran]", "authority [Iraq]", "authority [other]"],
        "source_type": ["anonymous"] * 4,
        "affiliation": ["Iran", "Iran", "Iraq", "other"],
        "affiliation_evidence": ["article context", "source phrase", "source phrase", "source phrase"],
    })
    resolved = resolve_speakers(table)
    assert resolved["source_canonical"].tolist() == ["Iran", "Iran", "authority [Iraq]", "authority [other]"]
    assert set(resolved["source_type"]) == {"organization"}


@pytest.mark.parametrize("text, cue, speaker", [
    ("“The military should leave,” says Benjamin Friedman, policy director for Defense Priorities, a Washington "
     "group that argues for a strong defense posture.", "argues", "Defense Priorities"),
    ("The statement came from Human Rights Watch, a New York group that says the strikes were unlawful.", "says",
     "Human Rights Watch"),
])
def test_a_relative_clause_on_an_apposition_is_the_named_one_s(text, cue, speaker):
    assert _sources(text, cue) == [speaker]


@pytest.mark.parametrize("text, cue, speaker", [
    ("The CEO of Canadian company Maple Leaf Foods, Michael McCain, meanwhile criticised the US government for "
     "escalating tensions.", "criticised", "Michael McCain"),
    ("Maple Leaf Foods' chief executive, Michael McCain, criticised the US government.", "criticised",
     "Michael McCain"),
])
def test_any_role_word_apposed_to_a_person_s_name_is_that_person(text, cue, speaker):
    assert _sources(text, cue) == [speaker]


def test_a_time_set_off_before_the_verb_is_no_speaker_the_phrase_before_it_is():
    text = ("The dollar weakened after the Fed, the U.S. central bank, on Wednesday indicated a marked shift in "
            "sentiment.")
    assert _sources(text, "indicated") == ["Federal Reserve"]
    text = "November saw street protests in Iran over fuel prices."
    assert all(a.source_canonical != "November" for a in _attributions(text))


def test_a_lede_s_spokesperson_is_the_maker_of_the_announcement_the_next_sentence_names():
    text = ("Iran will break the uranium stockpile limit in the next 10 days, the spokesman for the country's atomic "
            "agency said Monday. The announcement by Behrouz Kamalvandi, timed for a meeting of EU foreign ministers "
            "in Brussels, puts more pressure on Europe.")
    assert _sources(text, "said") == ["Behrouz Kamalvandi"]
    # one the article named before is not named "for the first time" next
    text = ("Behrouz Kamalvandi visited Arak. Iran will break the limit in 10 days, the spokesman for the country's "
            "atomic agency said Monday. The announcement by Behrouz Kamalvandi puts more pressure on Europe.")
    assert _sources(text, "said") != ["Behrouz Kamalvandi"]


@pytest.mark.parametrize("text, speaker", [
    ("On Monday, an Iranian Foreign Ministry spokesman said that a meeting was not on the agenda.",
     "Iranian Foreign Ministry"),
    ("A State Department spokesperson said the talks would go on.", "US State Department"),
])
def test_a_spokesperson_s_ministry_keeps_the_country_the_phrase_gives_it(text, speaker):
    assert _sources(text, "said") == [speaker]


@pytest.mark.parametrize("text, cue, role", [
    ("In Mosul, a girl who survived the siege explained that her school had been bombed.", "explained", "girl"),
    ("The boy recounts how the fighters took his father away.", "recounts", "boy"),
])
def test_people_named_by_age_or_kinship_are_unnamed_people(text, cue, role):
    found = _one(text, cue)
    assert found.source_canonical.startswith(role + " [") and found.source_type == "anonymous"


@pytest.mark.parametrize("text, person", [
    ("Vox's Zack Beauchamp argued that the strike was a mistake.", "Zack Beauchamp"),
    ("Vox’s Umair Irfan explains how the sanctions work.", "Umair Irfan"),
])
def test_two_names_an_outlet_owns_are_its_journalist(text, person):
    mentions = entity_mentions(get_pipeline()(text))
    assert (person, "PERSON") in [(m.entity, m.label) for m in mentions]
    assert [a.source_canonical for a in _attributions(text)] == [person]


@pytest.mark.parametrize("text, cue, factuality", [
    ("The volume of criticism suggests that the administration has a problem.", "suggests", "inferred"),
    ("The failure underscores how weak the coalition has become.", "underscores", "inferred"),
    ("Satellite images show that the plane turned around before it crashed.", "show", "inferred"),
    ("The 17-minute strike on two Aramco plants revealed the vulnerability of the Saudi oil company.", "revealed",
     "inferred"),
    ("As the case of Bill Clinton reminds us, scandals fade.", "reminds", "inferred"),
    ("The vulnerability of prisons has been highlighted by the infection of inmates.", "highlighted", "inferred"),
    ("The danger was highlighted by Pompeo in a speech.", "highlighted", "asserted"),
    ("Pompeo reminded reporters that Iran had attacked the tankers.", "reminded", "asserted"),
    # a document, a person, a share of people or people counted still report
    ("The report suggests that Iran fired the missile.", "suggests", "asserted"),
    ("The minutes of the meeting revealed that the scientists were worried.", "revealed", "asserted"),
    ("Research shows that most attempts happen within an hour.", "shows", "asserted"),
    ("Pompeo underscored that the United States wants peace.", "underscored", "asserted"),
    ("Twelve percent indicated that they were not sure.", "indicated", "asserted"),
])
def test_a_thing_as_the_subject_of_an_evidence_verb_is_the_writer_s_inference(text, cue, factuality):
    """Session 34: the samples' readers judged "the failure underscores", "the volume of criticism suggests" no
    attribution; PolNeAR annotates such evidence, so the rows stay, flagged, and the analyses leave them out."""
    assert _one(text, cue).factuality == factuality


@pytest.mark.parametrize("text, cue", [
    ("When I joined the White House's National Security Council (\"NSC\"), I reported to Dr. Fiona Hill, who in "
     "turn reported to John Bolton, the National Security Advisor.", "reported"),
    ("The Revolutionary Guards and other branches of the Iranian military all ultimately report to Khamenei. The "
     "supreme leader has been defiant.", "report"),
    # British "reports into"; a name the parser hung on the verb as a clause is still no report
    ("At the end of January, his committee moved into “wartime” mode, he said, reporting directly into SAGE.",
     "reporting"),
    ("SAGE reports directly to Johnson and the government’s main emergency committee, COBRA.\n\nAt first, when "
     "NERVTAG met on January 13, it studied information from China.", "reports"),
])
def test_reporting_to_someone_with_nothing_reported_is_the_line_of_command(text, cue):
    assert _sources(text, cue) == []


@pytest.mark.parametrize("text, cue, source", [
    ("The captain reported to police that the ship had been boarded.", "reported", "The captain"),
    ("The crew reported the attack to the Navy.", "reported", "The crew"),
    ("The crew reported to the Navy, saying the ship had been boarded.", "reported", "The crew"),
])
def test_reporting_something_to_someone_still_reports(text, cue, source):
    assert [a.source for a in _attributions(text) if a.cue_text == cue] == [source]


def test_according_to_a_norm_is_conformity_not_a_source():
    text = "The country produces its food according to standards that are far superior to China's."
    assert [a for a in _attributions(text) if a.cue == "according to"] == []
    for text, source in [("According to the agreement, US troops must leave by 2011.", "the agreement"),
                         ("According to research, most attempts happen within an hour.", "research")]:
        assert [a.source for a in _attributions(text) if a.cue == "according to"] == [source]


def test_a_clitic_the_parser_took_for_the_subject_does_not_hide_no_one():
    text = "Has the killing of Soleimani done that? Maybe. No one’s in Washington is explaining how."
    assert [a.factuality for a in _attributions(text) if a.cue_text == "explaining"] in ([], ["negated"])


def test_a_source_with_no_letters_is_no_one():
    """Session 34 (seen in sample 49's paired score): a bracket the parser made a subject is no source."""
    text = ("Trump vented just before Lt. Col. Vindman arrived that that a transcript of the call makes it clear he did "
            "nothing wrong, and that Vindman is an unimportant figure who never crossed paths with him.\n\n'Why are "
            "people that I never even heard of testifying about the call. Just READ THE CALL TRANSCRIPT AND THE "
            "IMPEACHMENT HOAX IS OVER! Ukrain [sic] said NO PRESSURE,' Trump tweeted.")
    found = _attributions(text)
    assert found and all(any(c.isalnum() for c in a.source_canonical) for a in found)


# Session 37: rules written from sample 53's errors (sample 53 became tuning when sample 54 was drawn)

def test_a_name_ner_ran_into_an_organisation_is_the_person_the_article_names_by_surname():
    text = ("Former U.S. Ambassador to the United Nations Nikki Haley praised President Donald Trump for the strike. "
            "\"It was right,\" Haley told Fox News.")
    assert _one(text, "praised").source_canonical == "Nikki Haley"


@pytest.mark.parametrize("text, cue, speaker", [
    ("\"We support the measure,\" a group of Iranian lawmakers said in a statement.", "said", "lawmaker [Iran]"),
    ("A team of American researchers said the findings were clear.", "said", "researcher [US]"),
    ("A panel of experts said the program was illegal.", "said", "expert [unknown]"),
    # a group of bodies, or a group by itself, is still the group
    ("A group of countries said the strike was illegal.", "said", "group [unknown]"),
    ("The group said it would fight on.", "said", "group [unknown]"),
])
def test_a_gathering_of_people_is_the_people_it_gathers(text, cue, speaker):
    assert _sources(text, cue) == [speaker]


def test_they_after_two_titled_names_is_the_people_named_together():
    text = ("Trump stunned Republican senators Wednesday by lashing out at Director of National Intelligence Dan Coats "
            "and CIA Director Gina Haspel after they contradicted some of his optimistic claims.")
    assert _sources(text, "contradicted") == ["Dan Coats"]


@pytest.mark.parametrize("text, cue, speaker", [
    ("When Armenian President Armen Sarkissian ran into him in a hallway, a TV camera captured him asking Biden: "
     "\"Are you going to run?\"", "asking", "Armen Sarkissian"),
    ("Reporters heard the president say that Iran would pay.", "say", "president [unknown]"),
])
def test_the_one_seen_or_recorded_speaking_is_the_speaker_not_the_witness(text, cue, speaker):
    assert _sources(text, cue) == [speaker]


@pytest.mark.parametrize("text, speaker, affiliation", [
    # the parser made "U.S." the head and "Saudi officials" its conjunct
    ("That approach came under scrutiny after the firing of John Bolton last week.\n\nU.S. and Saudi officials say "
     "they're gathering more evidence that Iran was behind the attacks.", "official [US]", "US"),
    ("Iraqi and American officials said the base was hit.", "official [Iraq]", "Iraq"),
    # a country and a group of its own are the country ("Iran and its allies")
    ("Iran and its allies said the strike was illegal.", "Iran", "Iran"),
    # a country joined to another body is no nationality word of it
    ("The Kurds have complicated relations between the U.S. and its NATO ally Turkey, which sees them as a threat.",
     "Turkey", "other"),
])
def test_two_nationalities_of_one_role_are_its_people_the_first_named_side_first(text, speaker, affiliation):
    found = _one(text, next(cue for cue in ("say", "said", "sees") if f" {cue} " in text))
    assert (found.source_canonical, found.affiliation) == (speaker, affiliation)


@pytest.mark.parametrize("text, speaker", [
    ("The Kurds felt betrayed, the SDF said. Turkey said it will not permit ISIS to return, amid fears its offensive "
     "could bolster the jihadists, a presidential spokesman said.", "spokesman [other]"),
    ("Iran said it would retaliate, an official said.", "official [Iran]"),
    # the phrase's own side first
    ("Iran said it would retaliate, a U.S. official said.", "official [US]"),
    # a country inside the words, not their subject, places no one
    ("The strike on Iran was lawful, an official said.", "official [unknown]"),
])
def test_one_who_reports_what_a_country_said_speaks_for_it(text, speaker):
    assert _sources(text, "said")[-1] == speaker


def test_a_bare_number_after_according_to_is_the_people_it_counts():
    text = ("The Washington Post reported that U.S. diplomats and staffers were huddled in a safe room in the embassy, "
            "according to two reached by a messaging app.")
    found = _one(text, "according to")
    assert (found.source_canonical, found.affiliation) == ("staffer [US]", "US")


@pytest.mark.parametrize("text, affiliation", [
    ("Ecuador accused Assange of leaking information.", "other"),
    ("Armenian President Armen Sarkissian said Biden should run.", "other"),
    ("Sri Lankan officials said the ship was safe.", "other"),
    # the country a migrant left is not the side they speak from
    ("Ines Mugisha, a 34-year-old immigrant from Burundi, said she was afraid.", "unknown"),
    ("A diplomat from Norway said the talks failed.", "other"),
])
def test_any_foreign_state_places_a_source_but_not_a_migrant_s_country_of_origin(text, affiliation):
    found = [a for a in _attributions(text) if a.cue in ("say", "accuse")]
    assert [a.affiliation for a in found] == [affiliation]


@pytest.mark.parametrize("text, speaker", [
    ("Daniel DePetris of Defense Priorities said the troops should come home.", "Daniel DePetris"),
    ("Benjamin Friedman of Defense Priorities said the troops should come home.", "Benjamin Friedman"),
    # a body NER names whole stays the body
    ("The Republican Party of Virginia said the vote was fair.", "Republican Party of Virginia"),
])
def test_a_person_ner_ran_into_the_body_they_are_of_is_the_person(text, speaker):
    assert _sources(text, "said") == [speaker]


def test_a_byline_credit_with_two_reporters_is_no_report():
    text = ("The ministry said the recorders were damaged.\n\nKrauss reported from Dubai, United Arab Emirates and Karimi "
            "reported from Tehran.")
    assert [a.cue_text for a in _attributions(text) if a.cue_text == "reported"] == []
    # a report made from a place still reports
    assert _sources("The minister reported from the summit that talks had failed.", "reported") == ["minister [unknown]"]


def test_the_writer_with_someone_beside_is_no_source():
    text = "My wife and I love the writing, the plots and the famous actors in their one-off roles."
    assert _attributions(text) == []
    # inside a quotation, the one quoted speaks
    assert _sources("\"My wife and I believe he is innocent,\" Smith said.", "said") == ["Smith"]


@pytest.mark.parametrize("text, cue, factuality", [
    ("It is unclear what subset of migrants Trump is referring to.", "referring", "asked"),
    ("Nobody knows what Trump said to Putin.", "said", "asked"),
    # a report the writer gives is asserted, wh-word or not
    ("It is clear, as Pompeo said, that Iran was behind it.", "said", "asserted"),
    ("Pompeo explained what the administration wants.", "explained", "asserted"),
])
def test_a_report_inside_a_question_the_writer_leaves_open_is_not_asserted(text, cue, factuality):
    assert _one(text, cue).factuality == factuality


@pytest.mark.parametrize("text, speaker", [
    ("Gallagher's attorney, Tim Parlatore, said the case was weak. Later, the attorney said the jury agreed.",
     "Tim Parlatore"),
    ("Tim Parlatore, Gallagher's attorney, said the case was weak. Later, Gallagher's attorney said the jury agreed.",
     "Tim Parlatore"),
    ("Gallagher's attorney Tim Parlatore said the case was weak. Later, Gallagher's attorney said the jury agreed.",
     "Tim Parlatore"),
])
def test_a_named_person_s_role_is_the_one_the_article_named_in_it(text, speaker):
    assert _sources(text, "said")[-1] == speaker


def test_someone_else_s_role_is_not_the_one_named_in_the_next_sentence():
    text = ("Scott's attorney said the case was weak. Gallagher's attorney Tim Parlatore said the jury agreed. Later, "
            "Scott's attorney said it was over.")
    assert _sources(text, "said") == ["attorney [unknown]", "Tim Parlatore", "attorney [unknown]"]


def test_a_clause_a_semicolon_closes_before_the_cue_is_not_its_content():
    text = ("Macron alerted Trump and other leaders that Zarif would be in France. Trump has chided Macron in the past "
            "for sending \"mixed signals\" to Iran; he said Sunday he hadn't discussed any joint message.")
    assert _sources(text, "said") == ["Donald Trump"]


@pytest.mark.parametrize("text, cue, speaker", [
    ("Vice President Pence on Wednesday will meet with top Mexican officials. Frustrated by increasing levels of "
     "illegal migration, an issue he pledged to address during the 2016 campaign, Trump suddenly announced last week "
     "he would slap a tariff on all Mexican goods.", "pledged", "Donald Trump"),
    ("Pompeo met Bolton on Monday. A day before he announced the sanctions, Trump blasted the news media.",
     "announced", "Donald Trump"),
    # not a report the main clause is the content of, nor a person named before the pronoun in its sentence
    ("LaPierre also points to a phone call this week. In it, he said, North suggested the firm would release a "
     "letter.", "said", "LaPierre"),
    ("Eventually, Miller claimed he'd stabbed a prisoner.\n\n'He blurted it out. He said, 'Eddie stabbed a "
     "prisoner,'' Breisch testified.", "said", "Miller"),
])
def test_a_pronoun_in_a_phrase_fronted_before_the_subject_is_the_subject(text, cue, speaker):
    assert _sources(text, cue) == [speaker]


@pytest.mark.parametrize("text, cue, speaker", [
    ("Paul told reporters the briefing was absurd. The stance aligns Paul and Lee with Trump's 2016 campaign, when he "
     "consistently struck an isolationist tone and pledged to end the country's forever wars.", "pledged",
     "Donald Trump"),
    ("Donald Trump was sworn in as president. James Clapper recalls that he was heartened. \"Not so,\" Clapper says. "
     "On Jan. 21, 2017, the president's motorcade rolled out to CIA headquarters. He told staffers there he was now "
     "with them.", "told", "Donald Trump"),
    # a "when" clause on the main clause's own time is the subject's
    ("Paul told reporters the briefing was absurd. Paul spoke on Monday, when he said the war was illegal.", "said",
     "Paul"),
])
def test_a_pronoun_takes_up_the_owner_of_the_noun_its_clause_is_about(text, cue, speaker):
    assert _sources(text, cue) == [speaker]


@pytest.mark.parametrize("text, cue, speaker, source_type", [
    ("A preliminary Iranian investigative report released Thursday said that the pilots never made a radio call. "
     "The Iranian report suggested that a sudden emergency struck the plane.", "suggested", "Iran", "organization"),
    ("Accordingly, the Iranian constitution calls on its officials to advance a foreign policy.", "calls", "Iran",
     "organization"),
    ("An American report said the strike was defensive.", "said", "United States", "organization"),
    # a body the phrase names is the issuer, as before; a nation without a government of the story's sides keeps
    # its document
    ("An Iranian military statement said the drone was downed.", "said", "Iranian military", "organization"),
    ("A Saudi statement said the attack was an act of war.", "said", "statement [other]", "other"),
    ("An American report by the Brookings Institution said the strike was illegal.", "said", "Brookings Institution",
     "organization"),
    ("Iraqi lawmakers approved a resolution Sunday. The Iraqi resolution calls for ending the agreement.", "calls",
     "lawmaker [Iraq]", "anonymous"),
])
def test_a_document_only_a_nationality_word_places_is_its_state_s(text, cue, speaker, source_type):
    found = _one(text, cue)
    assert (found.source_canonical, found.source_type) == (speaker, source_type)



@pytest.mark.parametrize("text, cue, speaker", [
    ("The leader of Lebanon's Hezbollah group says the killing puts the region at the beginning of a new phase. "
     "Speaking before thousands of supporters, Hassan Nasrallah has called the killing a crime.", "says",
     "Hassan Nasrallah"),
    ("Chinese efforts are as concerning as Russian subversion, the director of the CIA has said. Mike Pompeo told the "
     "BBC that the Chinese have a much bigger footprint.", "said", "Mike Pompeo"),
    # not a person the office table lists in another office; an office the table does not list ("cleric") is not
    # another office
    ("The leader of the Democrats in the House said the vote was a mistake. Donald Trump said he would veto it.",
     "said", "leader [US]"),
    ("Iraq's top Shi'ite Muslim cleric condemned the struggle happening on Iraqi soil. Grand Ayatollah Ali al-Sistani "
     "said it was Iraqis who stood to suffer most.", "condemned", "Ali al-Sistani"),
])
def test_a_role_of_a_named_body_is_the_person_the_next_sentence_names_first(text, cue, speaker):
    assert _sources(text, cue)[0] == speaker


def test_a_person_named_for_a_role_noun_keeps_the_side_the_article_gives_the_role():
    text = ("The Japanese owner of one of the tankers is a shipping firm. Meanwhile in Tokyo, the owner of the Kokuka "
            "Courageous said its sailors saw flying objects before the attack. Company president Yutaka Katada offered "
            "no evidence for his claim.")
    found = _one(text, "said")
    assert (found.source_canonical, found.affiliation) == ("Yutaka Katada", "other")


@pytest.mark.parametrize("text, cue, factuality", [
    ("The coronavirus crisis tells us that the government failed.", "tells", "inferred"),
    ("As the independent counsel law called for, the attorney general appointed a counsel.", "called", "inferred"),
    ("The countdown warns of a multi-generational war.", "warns", "inferred"),
    # people, bodies, documents and states the lexicon knows, people an "of" phrase counts, and names still report
    ("The American public learned that Trump had enlisted Giuliani.", "learned", "asserted"),
    ("A disturbing number of them said the war was a mistake.", "said", "asserted"),
    ("A separate academic paper argued that the tariffs raised prices.", "argued", "asserted"),
    ("The tech giant said it would label the tweets.", "said", "asserted"),
    ("The country said it would not negotiate.", "said", "asserted"),
    ("Both sides claimed victory after the talks.", "claimed", "asserted"),
    ("The paper reported that the talks had failed.", "reported", "asserted"),
    ("The ayatollah said the United States would regret the strike.", "said", "asserted"),
])
def test_a_thing_no_one_speaks_through_is_the_writer_s_reading_whatever_the_verb(text, cue, factuality):
    assert _one(text, cue).factuality == factuality


@pytest.mark.parametrize("text, cue, affiliation", [
    ("Journalist Yashar Ali, who is of Iranian descent, said the left was silent.", "said", "unknown"),
    ("The popular Irish-born Father Cornelius McGrenra talked about sacrifice.", "talked", "unknown"),
    ("Sina Toossi, a researcher at the National Iranian American Council, noted that the meeting was a sign.",
     "noted", "US"),
    ("An Iranian-American scholar said the strike was illegal.", "said", "US"),
    ("Vox reporter German Lopez has covered the issue for years. On criminal justice reform, Biden put forth a "
     "proposal, which my colleague German Lopez describes as one of the most comprehensive.", "describes", "unknown"),
    # a nationality word that is no heritage, birthplace or name still places
    ("A German diplomat said the talks had failed.", "said", "other"),
    ("Iranian-born Foreign Minister Javad Zarif said Iran would respond.", "said", "Iran"),
])
def test_heritage_birthplace_and_names_are_no_side_a_hyphenated_american_is_american(text, cue, affiliation):
    assert _one(text, cue).affiliation == affiliation


@pytest.mark.parametrize("text, cue, speaker", [
    ("Sanders said he would support Biden. At a Democratic debate, Biden was asked whether he would resume the "
     "deportations. “Absolutely not,” he said, adding that he was vice president, drawing a rebuke from Julián "
     "Castro, who observed that Biden was content.", "adding", "Biden"),
    # a person named in the reported clause itself is still not the one reporting it
    ("Pompeo met Trump on Monday. He said the talks with Biden had failed.", "said", "Mike Pompeo"),
])
def test_people_another_speaker_reports_on_in_a_relative_clause_may_be_the_pronoun_s(text, cue, speaker):
    assert _sources(text, cue)[-1] == speaker


def test_one_unnamed_of_a_kind_before_a_pull_quote_is_the_author_the_credit_line_names():
    text = ("Some argue that the plan is good.\n\nOne Democratic presidential candidate writes, “The American Dream "
            "is dying by the numbers. I have seen it in Iowa.”\n\nAmy Klobuchar, CNN\n\nAnother candidate said the "
            "plan would fail.")
    assert _sources(text, "writes") == ["Amy Klobuchar"]
    assert _sources(text, "said") == ["candidate [US]"]  # no credit after it


def test_a_side_is_no_antecedent_for_a_later_it():
    text = ("North Korea rejected the offer on Monday. One side, arrogant from its past, said the talks were over. It "
            "warned of a strong response.")
    assert _sources(text, "warned") == ["North Korea"]


def test_a_named_source_s_plain_say_is_kept_whatever_the_cue_model_scores():
    from corpus.extract.attribution import faces_keep_threshold
    text = ("The president announced an Iranian drone had been destroyed on Thursday, in what the Defense Department "
            "later said was an electronic warfare attack.")
    found = _one(text, "said")
    assert (found.source_canonical, found.factuality) == ("Pentagon", "asserted")
    assert not faces_keep_threshold(found)
    # an unnamed source's "say", and a named one's other cues, still face the model
    assert faces_keep_threshold(_one("Officials say the drone was destroyed.", "say"))
    assert faces_keep_threshold(_one("Iran claimed the drone was its own.", "claimed"))


@pytest.mark.parametrize("text, speaker, affiliation", [
    ("A spokesperson for Twitter told Recode that the company decided to label the tweets.", "Twitter", "US"),
    ("A Google spokesperson said the accounts were removed.", "Google", "US"),
    ("The Bidens bought Paradigm Global Advisors, a New York hedge fund, in 2006. At the time, a spokesman for "
     "Paradigm told The Wall Street Journal that it had terminated its relationship.", "Paradigm", "unknown"),
    ("A USAID spokeswoman said the latest grants were appropriate.", "USAID", "US"),
    # a person NER took for a body is still a person, whose spokesperson stays one
    ("Brian Hook left. A spokesman for Hook said the envoy was ill.", "spokesman [US]", "US"),
])
def test_a_spokesperson_for_a_body_ner_missed_is_the_body(text, speaker, affiliation):
    found = [a for a in _attributions(text) if a.cue in ("say", "tell")][-1]
    assert (found.source_canonical, found.source_type, found.affiliation) == (speaker, "organization", affiliation)


def test_a_suit_is_a_document_its_possessor_the_author():
    text = ("Joseph Lotito sued the Bidens in 2007. Lotito’s suit claims that the firm is paying Hunter Biden a "
            "salary.")
    found = _one(text, "claims")
    assert (found.source_canonical, found.source_type) == ("Joseph Lotito", "named_person")


REID_TEXT = ("One senior Republican senator said things are worse now than they were when Sen. Harry Reid (Nev.) was the "
             "Democratic leader tangling with McConnell. “At least, Reid was able to make a decision,” the GOP senator "
             "said. The senator cited what Republicans view as Schumer’s reluctance to cut deals.")


def test_a_role_s_holder_talked_about_in_the_report_is_not_its_speaker():
    assert _sources(REID_TEXT, "said") == ["senator [US]", "senator [US]"]
    # the holder named before, whom the words do not talk about, still is
    assert _sources("Sen. Harry Reid spoke on Monday. “We will not move,” the senator said.", "said") == ["Harry Reid"]


def test_a_definite_role_takes_up_the_unnamed_source_of_that_role_since_the_holder_was_named():
    assert _sources(REID_TEXT, "cited") == ["senator [US]"]
    text = "Sen. Harry Reid spoke on Monday. “We will not move,” the senator said. Later the senator told reporters he was tired."
    assert _sources(text, "told") == ["Harry Reid"]


@pytest.mark.parametrize("text", [
    "In negotiating the agreement, the administration of President Barack Obama said its aim was to slow Iran.",
    "Obama's administration said its aim was to slow Iran.",
])
def test_a_president_s_administration_is_named_by_his_surname(text):
    found = _one(text, "said")
    assert (found.source_canonical, found.source_type, found.affiliation) == ("Obama administration", "organization",
                                                                               "US")


def test_the_writer_s_paraphrase_may_name_the_speaker_as_a_third_party():
    text = ("Canada's Prime Minister Justin Trudeau told a press conference Saturday that the crash was serious. Rouhani "
            "told Trudeau he was committed to give closure to the victims, the Canadian PM said.")
    assert _sources(text, "said") == ["Justin Trudeau"]


def test_he_after_an_according_to_source_is_that_unnamed_person_unless_the_clause_is_about_someone():
    text = ("John Edmunds said the plan was flawed. According to one senior Conservative Party politician, who was "
            "officially briefed as the crisis unfolded, the advisers may have created a “cognitive bias.” “We had in "
            "our minds that COVID-19 was a nasty flu,” he said.")
    assert _sources(text, "said") == ["John Edmunds", "politician [other]"]
    text = ("Brian Hook is still pleading his case. According to a senior administration official, he’s telling State "
            "Department officials that the IG report was biased against him. He said the report was faulty.")
    assert _sources(text, "said") == ["Brian Hook"]


def test_the_press_s_periphrases_of_an_office_are_its_holder_and_officials_near_an_office_are_not():
    sources = ["the nation's top diplomat", "Tehran’s top diplomat", "the nation's top intelligence official",
               "a senior official traveling with the president", "the top diplomats"]
    table = pd.DataFrame({
        "doc_id": list("abcde"), "outlet": ["A"] * 5,
        "date": ["2020-01-25", "2019-09-19", "2019-01-30", "2019-09-19", "2020-01-25"],
        "source": sources,
        "source_canonical": ["diplomat [US]", "diplomat [Iran]", "official [US]", "official [US]", "diplomat [US]"],
        "source_type": ["anonymous"] * 5,
        "affiliation": ["US", "Iran", "US", "US", "US"],
        "affiliation_evidence": ["source phrase"] * 5,
    })
    resolved = resolve_speakers(table)
    assert resolved["source_canonical"].tolist() == ["Mike Pompeo", "Mohammad Javad Zarif", "Dan Coats",
                                                     "official [US]", "diplomat [US]"]


def test_a_president_s_administration_is_his_even_after_the_article_named_another():
    text = ("The Trump administration withdrew from the deal in 2018. In negotiating the agreement, the administration "
            "of President Barack Obama said its aim was to slow Iran.")
    assert _sources(text, "said") == ["Obama administration"]


def test_a_person_s_campaign_is_named_by_the_surname():
    found = _one("Donald Trump spoke in Ohio. Trump’s campaign insists his approach to immigration is sound.", "insists")
    assert (found.source_canonical, found.source_type) == ("Trump campaign", "organization")


@pytest.mark.parametrize("text, cue, speaker", [
    ("Hassan Nasrallah says evicting U.S. forces is the aim. The leader of Lebanon’s Hezbollah group says the killing "
     "puts the region at a new phase. The woman said that she knows that Hezbollah leader Hassan Nasrallah will "
     "avenge the death.", "says", "Hassan Nasrallah"),
    # the leader the article titled with another body is not this body's
    ("Hezbollah leader Hassan Nasrallah spoke on Sunday. The leader of the Popular Mobilization Forces said the "
     "strikes were a crime.", "said", "leader [Iraq]"),
    ("CIA Director Gina Haspel spoke to senators. The CIA director said Iran was a threat.", "said", "Gina Haspel"),
    # a generic description of the same body still fits
    ("Hassan Rezaeifar, the head of the committee that oversees aviation accidents in Iran, spoke on Thursday. The "
     "head of the official Iranian Investigative Committee, Hassan Rezaeifar, said that the US had been invited.",
     "said", "Hassan Rezaeifar"),
])
def test_the_role_of_a_named_body_is_the_person_titled_with_that_body(text, cue, speaker):
    assert _sources(text, cue)[-1] == speaker


SYRIA_TEXT = ("Turkey launched an offensive in northeast Syria on Wednesday. Syrian Kurdish forces said they repelled the "
              "Turkish ground attacks in Syria. Kurdish forces said the US had betrayed them. The Kurds said they would "
              "fight on.")


@pytest.mark.parametrize("text, cue, speaker, affiliation", [
    (SYRIA_TEXT, 0, "Syrian kurdish forces", "other"),
    (SYRIA_TEXT, 1, "Kurdish forces", "other"),
    (SYRIA_TEXT, 2, "kurd [other]", "other"),
    # a story about Iraq's Kurds keeps them Iraq's, under their own name
    ("Kurdish forces in northern Iraq said they were ready to fight. The Iraqi government said it would send troops.",
     0, "Kurdish forces", "Iraq"),
])
def test_kurds_are_the_side_of_the_country_the_story_is_about(text, cue, speaker, affiliation):
    found = [a for a in _attributions(text) if a.cue == "say"][cue]
    assert (found.source_canonical, found.affiliation) == (speaker, affiliation)


@pytest.mark.parametrize("text, speaker", [
    ("In a rare statement, McConnell referenced the amendment. “A withdrawal would only benefit Russia,” the GOP leader "
     "said.", "Mitch McConnell"),
    # the party the phrase names picks the leader, not the one named last
    ("McConnell spoke on Monday and Schumer on Tuesday. “The vote is a disgrace,” the Republican leader said.",
     "Mitch McConnell"),
    ("McConnell spoke on Monday and Schumer on Tuesday. “The vote is a disgrace,” the Democratic leader said.",
     "Chuck Schumer"),
])
def test_a_party_leader_is_the_congressional_leader_the_article_names_without_the_title(text, speaker):
    assert _sources(text, "said")[-1] == speaker


def test_a_bare_leader_is_not_a_congressional_leader_named_without_the_title():
    text = ("Ayatollah Ali Khamenei spoke on Friday. McConnell spoke on Monday. “We will respond,” the leader said.")
    assert _sources(text, "said")[-1] != "Mitch McConnell"


@pytest.mark.parametrize("text, speaker", [
    ("Gen. Qassem Soleimani was killed on Friday. The daughter of Iran’s Gen. Qassem Soleimani says the death of her "
     "father will not break us. Zeinab Soleimani told Al-Manar TV that the president was a gambler.", "Zeinab Soleimani"),
    ("Gen. Qassem Soleimani was killed on Friday. The daughter of Iran’s Gen. Qassem Soleimani says the death of her "
     "father will not break us.", "daughter [Iran]"),
    # a true apposition still renames the source
    ("His wife, Andrea Gallagher, said he was innocent.", "Andrea Gallagher"),
])
def test_a_name_after_a_possessive_in_an_of_phrase_does_not_rename_the_source(text, speaker):
    assert _sources(text, "says" if "says" in text else "said")[0] == speaker


def test_a_pronoun_for_a_person_called_by_first_name_is_the_full_name():
    text = ("Andrea Gallagher is the wife of Eddie Gallagher. Andrea's confidence was well documented in interviews. "
            "'He has waited so long for this,' she said.")
    assert _sources(text, "said") == ["Andrea Gallagher"]


@pytest.mark.parametrize("text, speaker", [
    ("'So he is going home,' defense attorney Tim Parlatore said. The SEALs say they could not allow him to be "
     "celebrated. Gallagher's attorney has suggested they are lying.", "Tim Parlatore"),
    # a title that names another client is not this one's
    ("Trump's attorney Rudy Giuliani spoke on Fox. The SEALs say they could not allow him to be celebrated. "
     "Gallagher's attorney has suggested they are lying.", "attorney [US]"),
    # two attorneys the article titled without a client: neither is meant
    ("Defense attorney Tim Parlatore and defense attorney Marc Mukasey spoke. The SEALs say they could not allow him "
     "to be celebrated. Gallagher's attorney has suggested they are lying.", "attorney [US]"),
])
def test_a_possessed_role_is_the_one_person_titled_with_it(text, speaker):
    assert _sources(text, "suggested")[-1] in (speaker, speaker.replace("[US]", "[unknown]"))


@pytest.mark.parametrize("text, speaker", [
    ("The line was bad. “This is Brian Hook from the State Department,” the Iran envoy repeated.", "Brian Hook"),
    ("“My name is John Smith and I saw the plane fall,” the witness said.", "John Smith"),
    # words that name someone else are not the speaker's introduction
    ("“Brian Hook is a liar,” the official said.", "official [unknown]"),
])
def test_a_role_who_introduces_himself_in_his_words_is_that_person(text, speaker):
    assert _attributions(text)[0].source_canonical == speaker


def test_a_country_s_office_is_not_the_holder_of_another_country_s():
    text = ("President Barack Obama signed the deal. It seemed clear that Iran would not keep its end of the bargain. "
            "Iran’s president declared on Wednesday that the country would stop complying.")
    assert _sources(text, "declared") != ["Barack Obama"]


@pytest.mark.parametrize("text, cue", [
    ("Yet Trump’s record suggests that he is unlikely to favor preemptory attacks.", "suggests"),
    ("Biden’s long record indicates that he could prove more inclined to authorize military interventions.",
     "indicates"),
])
def test_a_person_s_track_record_is_the_writer_s_evidence_not_a_report(text, cue):
    assert _sources(text, cue) == []


def test_a_record_of_a_body_s_conclusions_is_still_its_document():
    text = "According to a record of its conclusions, the committee advised the government to act."
    assert _sources(text, "According to") != []


@pytest.mark.parametrize("text, cue, speaker", [
    ("The account was described to Reuters by three officials familiar with the meetings and a fourth close to Iran's "
     "decision making. The four people said the guards were told to prepare.", "said", "official [unknown]"),
    ("Western and Iraqi officials told Al Jazeera the prime minister was often blocked. According to these sources, the "
     "head of his office was linked to the militias.", "According to", "official [other]"),
])
def test_a_definite_plural_role_takes_up_the_unnamed_people_just_quoted(text, cue, speaker):
    assert _sources(text, cue)[-1] == speaker


def test_the_guards_spelt_revolution_guards_are_iran_s():
    text = ("The plane crashed hours after Iran launched missiles, during a period when Revolution Guards commanders say "
            "they were expecting an American response.")
    assert [(a.source_canonical, a.affiliation) for a in _attributions(text)] == [("commander [Iran]", "Iran")]


def test_a_transcript_quoted_paragraph_by_paragraph_keeps_its_speaker_labels():
    # the rules' drafts (the learned model's keep threshold decides separately what the table keeps)
    text = ("Fox host Chris Wallace interviewed the candidate. Partial transcript as follows:\n\n"
            "\"WALLACE: Let's start with breaking news on the debate story. After all, it is big.\n\n"
            "\"PENCE: Gennifer Flowers will not be attending the debate tomorrow.")
    found = extract_attributions(get_pipeline()(text), learned=False)
    assert [(a.source, a.cue_text) for a in found if a.cue_text == ":"] == [("WALLACE", ":"), ("PENCE", ":")]


@pytest.mark.parametrize("text, speaker", [
    # NER reads no person in the credit: the rest of the line is the name
    ("Latinos shared their views.\n“He has said hateful things time and again.” ― Beck Pimentel\n“The most "
     "unqualified child to ever run.” ― Francisco Herrero", "Beck Pimentel"),
    # the quotation marks do not pair (a closing mark opens the line), so no quotation was found
    ("Latinos shared their views.\n”Fortunately, he is transparent with his xenophobia.” ― Nell Carden Grey\n“The "
     "most unqualified child to ever run.” ― Francisco Herrero", "Nell Carden Grey"),
])
def test_an_epigraph_credit_is_the_line_s_speaker(text, speaker):
    assert _sources(text, "―")[0] == speaker


def test_a_dash_is_no_part_of_a_credited_name():
    text = "Latinos shared their views.\n“I’m so ashamed to be an American.”\xa0― Jacklyn Ashley\xa0\n“Next.”"
    assert _sources(text, "―") == ["Jacklyn Ashley"]
