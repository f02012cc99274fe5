"""Attributed claims from hand-written sentences, one construction per test."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from corroborate.analyzer import Analyzer
from corroborate.models import Article
from corroborate.nlp.frames import ClaimFrame

Run = Callable[[str], Doc]


def _claims(run_doc: Run, text: str) -> list[tuple[str, list[str], list[str], ClaimFrame]]:
    doc = run_doc(text)
    frames: list[ClaimFrame] = doc._.claims
    return [
        (
            doc.text[c.content[0] : c.content[1]],
            [s.name for s in c.sources],
            [v.name for v in c.via],
            c,
        )
        for c in frames
    ]


def test_attribution_said_that(run_doc: Run) -> None:
    [(content, sources, via, _)] = _claims(
        run_doc, "Governor Ivan Petrov said that three drones were shot down over the city."
    )
    assert content == "three drones were shot down over the city"
    assert sources == ["Ivan Petrov"]
    assert via == []


def test_attribution_trailing_said(run_doc: Run) -> None:
    [(content, sources, _, _)] = _claims(
        run_doc, "Three drones were shot down over the city, Ivan Petrov said."
    )
    assert content == "Three drones were shot down over the city"
    assert sources == ["Ivan Petrov"]


def test_attribution_according_to(run_doc: Run) -> None:
    [(content, sources, _, claim)] = _claims(
        run_doc, "According to the regional police, two people were injured in the blast."
    )
    assert content == "two people were injured in the blast"
    assert sources == ["regional police"]
    assert claim.cue_lemma == "according to"


def test_attribution_told_agency_is_relay(run_doc: Run) -> None:
    [(content, sources, via, _)] = _claims(
        run_doc, "Mayor Anna Kovalenko told Reuters that the power plant was hit twice."
    )
    assert content == "the power plant was hit twice"
    assert sources == ["Anna Kovalenko"]
    assert via == ["Reuters"]


def test_attribution_told_tv_is_channel(run_doc: Run) -> None:
    [(_, sources, via, claim)] = _claims(
        run_doc, "Spokesman Oleh Marchenko told Ukrainian TV channel 5 that the bridge was intact."
    )
    assert sources == ["Oleh Marchenko"]
    assert via == []
    assert claim.channel is not None and claim.channel.startswith("tv")


def test_attribution_nested_relay_tag(run_doc: Run) -> None:
    [(content, sources, via, _)] = _claims(
        run_doc, "According to Marchenko, the convoy turned back at the border, AFP reports."
    )
    assert content == "the convoy turned back at the border"
    assert sources == ["Marchenko"]
    assert via == ["AFP"]


def test_attribution_telegram_channel(run_doc: Run) -> None:
    [(_, sources, _, claim)] = _claims(
        run_doc,
        "The Kraken unit wrote on its Telegram channel that it had captured the hill.",
    )
    assert claim.channel == "telegram"
    assert sources and "Kraken" in sources[0]


def test_attribution_pronoun_resolved_to_person(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "Mayor Anna Kovalenko visited the damaged school on Monday.\n\n"
        "She said that the shelling lasted two hours.",
    )
    [(content, sources, _, claim)] = claims
    assert content == "the shelling lasted two hours"
    assert sources == ["Anna Kovalenko"]
    assert claim.sources[0].resolved_from == "She"


def test_attribution_descriptor_resolved(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "Governor of the Kherson Region Oleksandr Prokudin visited the port.\n\n"
        "The roof of the terminal collapsed, the governor said.",
    )
    [(_, sources, _, _)] = claims
    assert sources == ["Oleksandr Prokudin"]


def test_attribution_multi_sentence_quote(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "“We held the line. The enemy lost two tanks. Our unit is intact,” "
        "Captain Ilya Sorokin said.",
    )
    contents = [c[0] for c in claims]
    assert "We held the line." in contents
    assert "The enemy lost two tanks." in contents
    assert all(c[1] == ["Ilya Sorokin"] for c in claims)


def test_attribution_relay_carried_to_same_source(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "The FSB says that saboteurs tried to cross the border, says Baza.\n\n"
        "According to the FSB, the saboteurs were pushed back.",
    )
    assert [c[1] for c in claims] == [["FSB"], ["FSB"]]
    assert [c[2] for c in claims] == [["Baza"], ["Baza"]]


def test_attribution_narration_is_not_a_claim(run_doc: Run) -> None:
    assert _claims(run_doc, "The army shelled the village on Monday morning.") == []


def test_attribution_question_is_not_a_claim(run_doc: Run) -> None:
    assert _claims(run_doc, "Did the ministry say that the bridge had collapsed?") == []


def test_attribution_report_on_topic_is_not_a_claim(run_doc: Run) -> None:
    assert _claims(run_doc, "The news agency Reuters reports on the attack.") == []


def test_attribution_negated_cue_is_not_a_claim(run_doc: Run) -> None:
    contents = [c[0] for c in _claims(run_doc, "The ministry did not say that the dam was hit.")]
    assert contents == []


def test_attribution_final_according_to_is_not_content(run_doc: Run) -> None:
    [(content, sources, _, _)] = _claims(
        run_doc, "The blast went off near the station, according to the city police."
    )
    assert content == "The blast went off near the station"
    assert sources == ["city police"]


def test_attribution_condition_after_that_is_kept(run_doc: Run) -> None:
    [(content, _, _, _)] = _claims(
        run_doc, "The mayor said that, if elected, he would close the checkpoint."
    )
    assert content.startswith("if elected")


def test_attribution_private_state_stays_in_outer_claim(run_doc: Run) -> None:
    [(content, sources, via, _)] = _claims(
        run_doc, "Governor Ivan Petrov said he expects the shelling to continue overnight."
    )
    assert content == "he expects the shelling to continue overnight"
    assert sources == ["Ivan Petrov"]
    assert via == []


def test_attribution_first_person_inside_quote_stays_with_speaker(run_doc: Run) -> None:
    [(content, sources, _, _)] = _claims(
        run_doc, "“I think the bridge will be hit again,” the mayor, Anna Kovalenko, said."
    )
    assert content.startswith("I think the bridge")
    assert sources == ["Anna Kovalenko"]


def test_attribution_third_party_report_inside_claim_is_relayed(run_doc: Run) -> None:
    text = (
        "Baza says the fighting was reported by Russian war correspondents, according to "
        "whom the attackers were supported by mortars."
    )
    [(content, sources, via, _)] = _claims(run_doc, text)
    assert content == "the attackers were supported by mortars"
    assert sources == ["Russian war correspondents"]
    assert via == ["Baza"]


def test_attribution_called_x_a_y(run_doc: Run) -> None:
    [(content, sources, _, claim)] = _claims(
        run_doc, "Foreign Minister Ivan Petrov called the raid a terrorist provocation."
    )
    assert content == "the raid a terrorist provocation"
    assert sources == ["Ivan Petrov"]
    assert claim.cue_lemma == "call"


def test_attribution_called_for(run_doc: Run) -> None:
    [(content, _, _, claim)] = _claims(
        run_doc, "The Red Cross called for an immediate halt to the shelling of Belgorod."
    )
    assert content == "an immediate halt to the shelling of Belgorod"
    assert claim.cue is not None
    assert claim.cue_lemma == "call"


def test_attribution_passive_stance_is_narration(run_doc: Run) -> None:
    assert _claims(run_doc, "The attacking groups were supported by mortars and artillery.") == []


def test_attribution_topic_of_comment_is_not_a_claim(run_doc: Run) -> None:
    text = "The Kremlin spokesman commented on the drone attacks on Tuesday."
    assert _claims(run_doc, text) == []


def test_attribution_mid_sentence_tag(run_doc: Run) -> None:
    [(content, sources, _, _)] = _claims(
        run_doc, "The village, the ministry said, was retaken on Monday morning."
    )
    assert content.startswith("The village")
    assert content.endswith("was retaken on Monday morning")
    assert sources == ["ministry"]


def test_attribution_as_x_noted(run_doc: Run) -> None:
    [(content, sources, _, _)] = _claims(
        run_doc, "As the Kyiv Independent noted, the bridge had been closed since Sunday."
    )
    assert content == "the bridge had been closed since Sunday"
    assert sources == ["Kyiv Independent"]


def test_attribution_adding_that_is_a_second_claim_of_the_speaker(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "Petrov said that two drones were downed, adding that a third hit a warehouse.",
    )
    assert [(c, s) for c, s, _, _ in claims] == [
        ("two drones were downed", ["Petrov"]),
        ("a third hit a warehouse", ["Petrov"]),
    ]


def test_attribution_says_in_a_statement_that(run_doc: Run) -> None:
    [(content, _, _, claim)] = _claims(
        run_doc, "The ministry says in a statement that the crossing was prevented."
    )
    assert content == "the crossing was prevented"
    assert claim.channel == "statement"


def test_attribution_quote_tag_the_parser_missed(run_doc: Run) -> None:
    text = (
        "“The river is the line.\n\nWe hold the whole bank and no other unit can, "
        "whatever they say,” Kovalenko adds."
    )
    claims = _claims(run_doc, text)
    assert any(s == ["Kovalenko"] and "no other unit can" in c for c, s, _, _ in claims)


def test_attribution_speaker_aside_is_not_a_claim(run_doc: Run) -> None:
    assert _claims(run_doc, "I think we will hold the bridge for another week.") == []
    assert _claims(run_doc, "People who believe the ceasefire will last are few.") == []


def test_attribution_colon_after_named_speaker(run_doc: Run) -> None:
    text = (
        "The governor's account did not convince the analyst Maria Lund: "
        "“The satellite images show no damage at the depot.”"
    )
    [(content, sources, _, claim)] = _claims(run_doc, text)
    assert "no damage at the depot" in content
    assert sources == ["Maria Lund"]
    assert claim.cue_lemma == ":"


def test_attribution_colon_without_speaker_is_not_a_claim(run_doc: Run) -> None:
    assert _claims(run_doc, "The losses were heavy: two tanks and a howitzer were destroyed.") == []


def test_attribution_that_clause_after_a_time_phrase(run_doc: Run) -> None:
    [(content, sources, _, _)] = _claims(
        run_doc, "Petrov said during Tuesday's briefing that he is in favour of a ceasefire."
    )
    assert content == "he is in favour of a ceasefire"
    assert sources == ["Petrov"]


def test_attribution_asked_clause_is_not_a_claim(run_doc: Run) -> None:
    claims = _claims(run_doc, "Asked whether the bridge was hit, the governor said it was not.")
    assert [(c, s) for c, s, _, _ in claims] == [("it was not", ["governor"])]


def test_attribution_participle_stance_takes_the_clause_subject(run_doc: Run) -> None:
    [(content, sources, _, _)] = _claims(
        run_doc, "Kovalenko attacked the decision, calling it a gift to the invaders."
    )
    assert content == "it a gift to the invaders"
    assert sources == ["Kovalenko"]


def test_attribution_outlet_spoken_to_is_marked_addressed(run_doc: Run) -> None:
    told = run_doc("Mayor Anna Kovalenko told Reuters that the power plant was hit twice.")
    reported = run_doc("Officials said the power plant was hit twice, Reuters reported.")
    assert [v.addressed for c in told._.claims for v in c.via] == [True]
    assert [v.addressed for c in reported._.claims for v in c.via] == [False]


def test_attribution_raising_verb_subject_speaks(run_doc: Run) -> None:
    [(content, sources, _, _)] = _claims(
        run_doc, "The governor appeared to confirm that the depot had been hit."
    )
    assert sources == ["governor"] and content == "the depot had been hit"


def test_attribution_headline_is_no_claim(nlp: Language) -> None:
    text = (
        "Ukraine says it shot down 30 of 35 Russian drones overnight\n\n"
        "Ukraine's air force said on Tuesday it had shot down 30 drones.\n\n"
        "Regional governor Oleh Synehubov said two people were injured.\n"
    )
    article = Article(id="h", text=text, source="test", format="text")
    analysis = Analyzer(nlp, geoparser=None).analyze(article)
    assert [c.content.text[:9] for c in analysis.claims] == ["it had sh", "two peopl"]
