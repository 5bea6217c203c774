"""Every cleaning rule, before and after, on small texts written for the purpose."""

from __future__ import annotations

import pytest

from corpus.ingest.cleaning import (
    clean_article,
    cleaning_rules,
    count_words,
    summarise_removals,
)

BODY = "The first sentence of the body reports what officials said.\nA second paragraph adds detail."


def _rules(result):
    return [r.rule for r in result.removals]


@pytest.mark.parametrize(
    ("rule", "before", "after"),
    [
        ("skip_link", "Skip to main content\n" + BODY, BODY),
        ("share_buttons", BODY.replace("\n", "\nShare This article\n"), BODY),
        ("advertisement", BODY.replace("\n", "\nADVERTISEMENT\n"), BODY),
        ("newsletter_promo", BODY + "\nSign up for Daily Newsletters Manage Newsletters", BODY),
        ("copyright_line", BODY + "\nCopyright © 2019 The Washington Times, LLC. Click here for reprint permission.", BODY),
        ("gallery_label", "Slideshow (3 Images)\n" + BODY, BODY),
        ("media_chrome", "LISTEN TO ARTICLE 3:13 SHARE THIS ARTICLE Share Tweet Post Email\n" + BODY, BODY),
        ("timestamp_line", "Updated at 7:43 p.m. ET\n" + BODY, BODY),
        ("comment_tail", BODY + "\nJoin our commenting forum\nJoin thought-provoking conversations\nComments", BODY),
        ("comment_tail", BODY + "\nNo comments:\nPost a Comment", BODY),
        ("author_bio_tail", BODY + "\nAbout The Author\nJane\nDoe\nJane Doe covers defence.", BODY),
        ("retrieved_tail", BODY + "\nContent retrieved from: https://example.com/a.", BODY),
        ("duplicate_paragraph", BODY + "\n" + BODY, BODY),
        ("syndication_credit", BODY + "\nThe New York Times", BODY),
        ("icon_row", "date 2020-03-10 icon bookmark-bicon cameraicon checkicon chevron downicon closeicon\n" + BODY, BODY),
        ("date_header", "10 Mar, 2020 16:12\n" + BODY, BODY),
        ("photo_credit", "FILE PHOTO A launcher © AFP / SOMEONE\n" + BODY, BODY),
        ("photo_credit", "FILE - In this Aug. 29, 2019 file photo, a minister attends a meeting in Paris. (AP Photo)\n" + BODY, BODY),
        ("photo_credit", "A minister speaks at a news conference at the ministry in the capital, Monday, Nov. 18, 2019. "
                         "He spoke about the talks, the border, the elections in the north, the protests in the south, "
                         "and the budget, among other topics. (AP Photo/Jane Doe)\n" + BODY, BODY),
        ("byline", "MICHAEL R. GORDON\n" + BODY, BODY),
        ("byline", "By Jane Doe and John Roe\n" + BODY, BODY),
        ("headline_line", "A kicker with no full stop\n" + BODY, BODY),
        ("dateline", "BRUSSELS — " + BODY, BODY),
        ("related_headline", BODY.replace("\n", "\nMore:US hasn't decided on Iraq withdrawal, Pentagon says\n"), BODY),
        ("related_headline", BODY + "\nClearing out:U.S. Embassy orders staff to leave Iraq amid Iran tensions", BODY),
        ("related_headline", BODY + "\nNew threats:Iran says Trump playing 'very dangerous game'", BODY),
        ("related_link", BODY.replace("\n", "\nSEE ALSO: Senate defeats expansion of war powers\n"), BODY),
        ("related_link", BODY + "\nRead More The Pentagon Says It Broke Its Own Rules We found the violations.", BODY),
        ("related_link", BODY.replace("\n", "\nMinister calls for inquiry into crash as country mourns Read more\n"), BODY),
        ("appeal_independent",
         "Your support helps us to tell the story\nPlease give.\nYour support makes all the difference." + BODY, BODY),
    ],
)
def test_rule_before_after(rule, before, after):
    result = clean_article(before)
    assert result.text == after.replace("\n", "\n\n")
    assert rule in _rules(result)


def test_title_line_removed_only_when_it_is_the_title():
    result = clean_article("Iran Moves Missiles, Officials Say.\n" + BODY, title="Iran moves missiles, officials say")
    assert result.text.startswith("The first sentence")
    assert "title_line" in _rules(result)


def test_header_before_appeal_is_removed_with_it():
    raw = ("The headline\nA standfirst\nYour support helps us to tell the story\nGive.\n"
           "Your support makes all the difference.The body begins here.")
    result = clean_article(raw)
    assert result.text == "The body begins here."
    assert _rules(result)[:2] == ["appeal_independent", "header_before_appeal"]
    assert result.headline == "The headline"


def test_inline_header_of_a_one_line_page_and_its_byline():
    raw = ("A standfirst here A caption © AFP/Getty Images Share on Twitter (opens new window) "
           "Share on Facebook (opens new window) Save Jane Doe in London and John Roe in Paris "
           "AN HOUR AGOPrint this page3 The body starts here. It goes on.")
    result = clean_article(raw)
    assert result.text == "The body starts here. It goes on."
    assert result.authors == "Jane Doe; John Roe"
    assert "inline_header" in _rules(result)


def test_inline_buttons_elsewhere_are_removed():
    result = clean_article(BODY + " Share on Facebook (opens new window) More text.")
    assert "Share on" not in result.text and "More text." in result.text


def test_recommended_link_is_an_ft_rule_only():
    raw = "He spoke. Recommended Jane Doe Some other story headline “A quote follows,” he said."
    assert clean_article(raw, outlet="Financial Times").text == "He spoke. “A quote follows,” he said."
    assert clean_article(raw, outlet="Other").text == raw


def test_dateline_names_the_wire_as_original_outlet():
    result = clean_article("BAGHDAD (Reuters) - Rockets hit a base on Tuesday, officials said.")
    assert result.dateline == "BAGHDAD"
    assert result.original_outlet == "Reuters"
    assert result.text.startswith("Rockets hit")


def test_the_hill_reading_list_is_a_hill_rule_only():
    item = "Politico: Warren and Bernie's awkward truce faces its biggest test yet."
    assert "reading_list" in _rules(clean_article(BODY + "\n" + item, outlet="The Hill"))
    # elsewhere an outlet's name before a colon is an interviewer's line in a transcript
    question = "CNN: How is a town hall debate different from other debates?"
    assert question in clean_article(BODY + "\n" + question, outlet="CNN (Web News)").text


def test_things_that_must_not_be_removed():
    # A repeated speaker label in a transcript is not a duplicate block.
    transcript = ("From The Daily, this is the show.\nmichael barbaro\nWhat happened next, he asked.\n"
                  "michael barbaro\nAnd then what, he asked.")
    assert clean_article(transcript).text.count("michael barbaro") == 2
    # A "Comments" link near the top does not cut the article.
    top = "Comments\n" + BODY + "\n" + BODY.replace("first", "third").replace("second", "fourth")
    assert "first sentence" in clean_article(top).text
    # A long sentence that names an agency is body, not a caption.
    sentence = ("The agency said in a statement carried by Reuters that the attack, which hit a base north of "
                "Baghdad on Tuesday night and wounded several soldiers, was the ninth in a month, "
                "and that it expected more in the weeks to come as tensions rose.")
    assert clean_article(sentence).text == sentence
    # A speaker label glued to a sentence of a transcript is speech, not a link: it ends as a sentence does.
    answer = "Cory Booker:To me, that's not a productive line of inquiry."
    assert clean_article(BODY + "\n" + answer).text.endswith(answer)
    # A paragraph that starts with "More" is not a link.
    more = "More than 5,000 US troops remain in Iraq, officials said"
    assert clean_article(BODY + "\n" + more).text.endswith(more)
    # A body that starts with an all-caps acronym is not a dateline.
    assert clean_article("US officials said - in private - that it was Iran.").dateline == ""


def test_rules_table_is_well_formed():
    rules = cleaning_rules()
    assert len({r.name for r in rules}) == len(rules)
    assert {r.kind for r in rules} <= {"line", "tail", "inline", "appeal"}
    assert all(r.why for r in rules)


def test_report_and_word_count():
    result = clean_article("Skip to main content\n" + BODY + "\n" + BODY)
    repeated = sum(len(p) for p in BODY.split("\n"))
    assert summarise_removals(result.removals) == f"skip_link x1 (20 chars); duplicate_paragraph x2 ({repeated} chars)"
    assert count_words(result.text) == 10 + 5


@pytest.mark.parametrize("raw, clean", [
    (("Senate Majority Leader Mitch McConnell Addison (Mitch) Mitchell McConnellTrump admin releases trove of "
      "documents The Hill's Morning Report - Trump trial begins MORE (R-Ky.) was able to hold his caucus."),
     "Senate Majority Leader Mitch McConnell (R-Ky.) was able to hold his caucus."),
    ("President Trump Donald John TrumpBiden leads in new poll MORE said on Sunday that more would come.",
     "President Trump said on Sunday that more would come."),
    ("He said MORE troops would go to Iraq, said Smith.", "He said MORE troops would go to Iraq, said Smith."),
    # a block of newsletter headlines longer than 400 characters, which The Hill hangs on some names
    ("Sen. Jane Roe Jane Q. Roe" + " | ".join(["Overnight Defense: Senate panel weighs Iraq war powers"] * 9)
     + " MORE (D-Mass.) said the vote would come soon.", "Sen. Jane Roe (D-Mass.) said the vote would come soon."),
    # the same blocks with a space before the first headline: the first name repeats as well as the surname
    ("Former Vice President Joe Biden Joe Biden Senate panel weighs Iraq war powers Five takeaways from the debate "
     "MORE, who leads the field, spoke on Monday.",
     "Former Vice President Joe Biden, who leads the field, spoke on Monday."),
    ("Speaker Paul Ryan Paul Davis Ryan Retirees weigh a new plan Governor signs budget MORE (R-Wis.) said no.",
     "Speaker Paul Ryan (R-Wis.) said no."),
    ("Majority Leader Steny Hoyer Steny Hamilton Hoyer Hoyer calls the vote 'a disgrace' Live coverage: the House "
     "votes MORE (D-Md.) said.", "Majority Leader Steny Hoyer (D-Md.) said."),
    # only the first name repeats: the legal surname is spelt otherwise, accented, or glued to a headline
    ("Rep. Ryan Costello Ryan Anthony CostellloFormer GOP Rep. Costello opens a shop MORE (R-Pa.) said so.",
     "Rep. Ryan Costello (R-Pa.) said so."),
    ("Rep. Linda Sanchez Linda Teresa SánchezFirst hearing sharpens attacks WHIP LIST: who backs the inquiry MORE "
     "(D-Calif.) spoke.", "Rep. Linda Sanchez (D-Calif.) spoke."),
    ("Trump said Trump Tower was MORE expensive.", "Trump said Trump Tower was MORE expensive."),
    # an all-capital transcript is not a name: "THE ... THEY ARE MORE" is left alone
    ("THE GROUP HELD THE CITY. THEY SEIZED BANKS AND OIL FIELDS. ON THE BATTLEGROUND, THEY ARE MORE SKILLED.",
     "THE GROUP HELD THE CITY. THEY SEIZED BANKS AND OIL FIELDS. ON THE BATTLEGROUND, THEY ARE MORE SKILLED."),
])
def test_a_link_block_hung_on_a_name_is_page_chrome(raw, clean):
    result = clean_article(raw)
    assert result.text == clean
    assert ("name_link_block" in {r.rule for r in result.removals}) == (raw != clean)
