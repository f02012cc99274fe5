"""Who speaks, when the parse or the wording hides it."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

Run = Callable[[str], Doc]


def _claims(run_doc: Run, text: str) -> list[tuple[str, list[str], list[str], str]]:
    doc = run_doc(text)
    return [
        (
            doc.text[c.cue[0] : c.cue[1]] if c.cue else "",
            [s.name for s in c.sources],
            [v.name for v in c.via],
            doc.text[c.content[0] : c.content[1]],
        )
        for c in doc._.claims
    ]


def test_attribution_speakers_relative_pronoun_names_its_antecedent(run_doc: Run) -> None:
    doc = run_doc(
        "Russian volunteer units fighting for Ukraine, which said they had entered the "
        "village of Churovichi, did not mention Belgorod."
    )
    [claim] = doc._.claims
    [source] = claim.sources
    assert source.name == "Russian volunteer units"
    assert source.text == "which"  # the source as written


def test_attribution_speakers_channel_goes_by_its_name(run_doc: Run) -> None:
    [(_, sources, _, _)] = _claims(
        run_doc,
        "The Telegram channel Baza, which has sources in the police, reported that four "
        "civilians had been wounded.",
    )
    assert sources == ["Baza"]


def test_attribution_speakers_title_in_a_country_is_not_the_country(run_doc: Run) -> None:
    [(_, [source], _, _)] = _claims(
        run_doc, "Ukraine's army chief said on Wednesday that 27 soldiers had been captured."
    )
    assert source != "Ukraine" and "army chief" in source


def test_attribution_speakers_while_sets_two_reports_side_by_side(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "The Legion said it had taken the village, while the Defence Ministry said the "
        "attack had been repelled.",
    )
    assert [(sources, via) for _, sources, via, _ in claims] == [
        (["Legion"], []),
        (["Defence Ministry"], []),
    ]
    assert "repelled" not in claims[0][3]


def test_attribution_speakers_later_tag_relays_the_earlier(run_doc: Run) -> None:
    [(_, sources, via, content)] = _claims(
        run_doc,
        "Seven civilians were killed when a missile struck the city, regional officials "
        "said, AFP reported.",
    )
    assert (sources, via) == (["regional officials"], ["AFP"])
    assert content.startswith("Seven civilians were killed")


def test_attribution_speakers_misparsed_subject_of_a_claim(run_doc: Run) -> None:
    [(cue, sources, via, _)] = _claims(
        run_doc,
        "Russian fighters allied with Ukraine on Tuesday claimed to have crossed into the "
        "Bryansk region, the Reuters news agency reported.",
    )
    assert cue == "claimed" and sources == ["Russian fighters"] and via == ["Reuters"]


def test_attribution_speakers_reporter_gloss_and_own_acts_are_no_content(run_doc: Run) -> None:
    glossed = _claims(
        run_doc,
        "Military bloggers acknowledged that Ukrainian troops had entered the village, "
        "contradicting the ministry's account.",
    )
    assert glossed[0][3] == "Ukrainian troops had entered the village"
    [(_, _, _, content)] = _claims(
        run_doc,
        "The ministry said the drones were destroyed and did not mention any damage.",
    )
    assert content == "the drones were destroyed"


def test_attribution_speakers_it_is_the_ministry_not_the_village(run_doc: Run) -> None:
    [(_, sources, _, _)] = _claims(
        run_doc,
        "Russia's Defence Ministry did not mention Verbove in its briefing. It said four "
        "attacks had been repelled in the Zaporizhzhia region.",
    )
    assert sources == ["Defence Ministry"]


def test_attribution_speakers_names_keep_the_spacing_of_the_text(run_doc: Run) -> None:
    [(_, sources, _, _)] = _claims(
        run_doc, "Prominent pro-war military bloggers said the village had been lost."
    )
    assert sources == ["Prominent pro-war military bloggers"]


def test_attribution_speakers_a_reporters_gloss_is_no_claim(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "Military bloggers acknowledged that Ukrainian troops had entered the village, "
        "contradicting the ministry's account that all attacks had been repelled.",
    )
    assert [c[0] for c in claims] == ["acknowledged"]


def test_attribution_speakers_claimed_inside_a_report_is_relayed(run_doc: Run) -> None:
    [(cue, sources, via, _)] = _claims(
        run_doc, "The rebels claimed they had seized the airport, Reuters reported."
    )
    assert (cue, sources, via) == ("claimed", ["rebels"], ["Reuters"])


def test_attribution_speakers_closing_tag_misparsed_as_complement(run_doc: Run) -> None:
    [(cue, sources, via, content)] = _claims(
        run_doc, "Officials said the power plant was hit twice, Reuters reported."
    )
    assert (cue, sources, via) == ("said", ["Officials"], ["Reuters"])
    assert content == "the power plant was hit twice"


def test_attribution_speakers_title_then_name_is_the_name(run_doc: Run) -> None:
    [(_, sources, _, _)] = _claims(
        run_doc,
        "The governor of the Belgorod region, Vyacheslav Gladkov, wrote on Telegram that two "
        "civilians were wounded.",
    )
    assert sources == ["Vyacheslav Gladkov"]


def test_attribution_speakers_title_held_in_a_body_and_its_pronoun(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "The Wagner group's founder said his fighters had taken the town. "
        '"The city is ours," he said.',
    )
    assert [c[1] for c in claims] == [["Wagner group's founder"], ["Wagner group's founder"]]


def test_attribution_speakers_name_longer_than_the_phrase(run_doc: Run) -> None:
    [(_, sources, _, _)] = _claims(
        run_doc,
        "The Institute for the Study of War assessed that Russian forces are likely to "
        "intensify attacks.",
    )
    assert sources == ["Institute for the Study of War"]


def test_attribution_speakers_hearsay_passive_has_an_unnamed_source(run_doc: Run) -> None:
    [claim] = run_doc("The commander is said to have fled the city before the assault.")._.claims
    assert [s.name for s in claim.sources] == ["unnamed source"]
    assert claim.certainty != "certain"
    assert run_doc("The bridge is widely expected to reopen next week.")._.claims == []


def test_attribution_speakers_according_to_closes_its_content(run_doc: Run) -> None:
    [(_, sources, _, content)] = _claims(
        run_doc,
        "The strike killed five people, according to local officials, although the figure "
        "may rise.",
    )
    assert sources == ["local officials"] and content == "The strike killed five people"


def test_attribution_speakers_tag_misparsed_as_a_relative_clause(run_doc: Run) -> None:
    [(_, sources, via, content)] = _claims(
        run_doc,
        "Russian troops would have entered the village on Sunday, the Finnish broadcaster "
        "Yle reports, citing the Ukrainian army.",
    )
    assert (sources, via) == (["Ukrainian army"], ["Yle"])
    assert content == "Russian troops would have entered the village on Sunday"


def test_attribution_speakers_agency_named_after_its_kind(run_doc: Run) -> None:
    [(_, sources, via, _)] = _claims(
        run_doc,
        "The drone attack caused a fire at the refinery, the Russian news agency TASS "
        "reported, citing emergency services.",
    )
    assert (sources, via) == (["emergency services"], ["TASS"])


def test_attribution_speakers_he_is_the_titled_subject_before(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        'The mayor spoke at a press conference on Monday. "We have no water," he said.',
    )
    assert [c[1] for c in claims] == [["mayor"]]


def test_attribution_speakers_name_then_title_with_possessive(run_doc: Run) -> None:
    [(_, sources, _, _)] = _claims(
        run_doc,
        "Oleksandr Syrskyi, Ukraine's commander-in-chief, said the situation was tense.",
    )
    assert sources == ["Oleksandr Syrskyi"]


def test_attribution_speakers_description_needs_a_judgement(run_doc: Run) -> None:
    assert _claims(run_doc, "The commander described the fighting.") == []
    [(_, _, _, content)] = _claims(run_doc, "Democrats described the showdown as ominous.")
    assert content == "the showdown as ominous"


def test_attribution_speakers_relays_named_by_quoting_and_citing(run_doc: Run) -> None:
    cases = {
        "Ukrainska Pravda, quoting sources in the SBU, reported that drones had hit an airfield.": (
            ["sources in the SBU"],
            ["Ukrainska Pravda"],
        ),
        "RIA Novosti quoted a source in the emergency services as saying that the fire had "
        "been put out.": (["source in the emergency services"], ["RIA Novosti"]),
        "According to the BBC, which cited two Western officials, the missiles were "
        "supplied last month.": (["two Western officials"], ["BBC"]),
    }
    for text, expected in cases.items():
        [(_, sources, via, content)] = _claims(run_doc, text)
        assert (sources, via) == expected, text
        assert "cited" not in content and "quot" not in content


def test_attribution_speakers_according_to_plan_is_no_source(run_doc: Run) -> None:
    [(_, sources, _, content)] = _claims(
        run_doc,
        "President Volodymyr Zelenskiy told reporters that the counteroffensive was going "
        "according to plan.",
    )
    assert sources == ["Volodymyr Zelenskiy"]
    assert content == "the counteroffensive was going according to plan"


def test_attribution_speakers_coordinated_names_each_speak(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "The Russian Volunteer Corps and the Freedom of Russia Legion said they had crossed "
        "the border. Both said their aim was to liberate the region.",
    )
    both = ["Russian Volunteer Corps", "Freedom of Russia Legion"]
    assert [c[1] for c in claims] == [both, both]


def test_attribution_speakers_it_is_a_body_named_by_what_it_is(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "Ukraine's military said it had struck a command post. It added that the operation "
        "was ongoing.",
    )
    assert [c[1] for c in claims] == [["Ukraine's military"], ["Ukraine's military"]]


def test_attribution_speakers_with_reference_to_names_the_source(run_doc: Run) -> None:
    [(_, sources, via, _)] = _claims(
        run_doc,
        "The news agency Interfax reports with reference to the regional administration "
        "that power was cut in two districts.",
    )
    assert (sources, via) == (["regional administration"], ["Interfax"])


def test_attribution_speakers_relative_description_is_no_claim(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "Russian war bloggers, who are often critical of the military leadership, said the "
        "offensive had stalled.",
    )
    assert [c[3] for c in claims] == ["the offensive had stalled"]


def test_attribution_speakers_concession_is_a_claim_of_its_own(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "The governor said the town would be defended, though she acknowledged it was surrounded.",
    )
    assert [c[3] for c in claims] == ["the town would be defended", "it was surrounded"]


def test_attribution_speakers_as_clause_before_a_reporting_verb(run_doc: Run) -> None:
    [(_, sources, _, content)] = _claims(
        run_doc,
        "As Meduza reported, on Friday morning the ministry was refusing to confirm the losses.",
    )
    assert sources == ["Meduza"]
    assert content.endswith("the ministry was refusing to confirm the losses")


def test_attribution_speakers_tag_between_commas_misparsed_as_complement(run_doc: Run) -> None:
    [(_, sources, _, content)] = _claims(
        run_doc, "And, Kasich tells the crowd, he has been known to be tough in his state."
    )
    assert sources == ["Kasich"] and content == "he has been known to be tough in his state"


def test_attribution_speakers_a_published_document_speaks_for_its_publisher(
    run_doc: Run,
) -> None:
    [claim] = run_doc(
        "The ministry published a statement that said the attack had been repelled."
    )._.claims
    assert [s.name for s in claim.sources] == ["ministry"] and claim.channel == "statement"
    [(_, sources, _, _)] = _claims(run_doc, "Police found a note that said the bridge was mined.")
    assert sources == ["note"]


def test_attribution_speakers_a_claim_the_other_side_denied(run_doc: Run) -> None:
    doc = run_doc(
        "The ministry said Russian forces had captured the village of Krasnohorivka, a claim "
        "Ukraine denied."
    )
    rows = [
        ([s.name for s in c.sources], c.via, doc.text[c.content[0] : c.content[1]], c.polarity)
        for c in doc._.claims
    ]
    captured = "Russian forces had captured the village of Krasnohorivka"
    assert rows == [
        (["ministry"], [], captured, "positive"),
        (["Ukraine"], [], captured, "negative"),
    ]


def test_attribution_speakers_a_post_in_a_place_is_not_the_place(run_doc: Run) -> None:
    [(_, sources, _, _)] = _claims(
        run_doc,
        "The head of the Luhansk regional military administration said Russian troops were "
        "regrouping.",
    )
    assert sources == ["head of the Luhansk regional military administration"]


def test_attribution_speakers_tag_with_its_own_subject_after_a_modal_clause(
    run_doc: Run,
) -> None:
    [(_, sources, via, content)] = _claims(
        run_doc,
        "The army could retake the town within days, but only if reserves arrive, General "
        "Oleksandr Syrskyi told the BBC on Thursday.",
    )
    assert sources == ["Oleksandr Syrskyi"] and via == ["BBC"]
    assert content.startswith("The army could retake the town within days")


def test_attribution_speakers_tag_before_an_adverbial_clause(run_doc: Run) -> None:
    [(_, sources, _, content)] = _claims(
        run_doc,
        "The strikes have hurt morale in the city, the mayor said, since most residents have "
        "no shelter.",
    )
    assert sources == ["mayor"]
    assert content.startswith("The strikes have hurt morale in the city")


def test_attribution_speakers_tag_between_commas_before_the_rest(run_doc: Run) -> None:
    [(_, sources, _, content)] = _claims(
        run_doc, "It was, the governor said, one of the heaviest attacks on the city."
    )
    assert sources == ["governor"] and content.endswith("one of the heaviest attacks on the city")


def test_attribution_speakers_as_clause_after_what_it_reports(run_doc: Run) -> None:
    claims = _claims(
        run_doc,
        "Two battalions were moved to the border last week, as the Kyiv Independent reported "
        "on Tuesday, and the army has begun digging trenches.",
    )
    assert [(c[1], c[3]) for c in claims] == [
        (["Kyiv Independent"], "Two battalions were moved to the border last week")
    ]
