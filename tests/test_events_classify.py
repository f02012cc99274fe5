"""Event typing in ACLED's vocabulary, from hand-written snippets.

``tests/data/event_snippets.tsv`` is a development set written for these tests (CASE
2021 label codes, six or seven snippets per class); the classifier must keep an accuracy
floor on it. The other tests pin one rule each.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from corroborate.errors import ConfigError, InputError
from corroborate.events.classify import EventClassifier, EventCue
from corroborate.events.lexicon import load_event_lexicon, parse_event_lexicon
from corroborate.events.taxonomy import (
    ACLED_SUB_TYPES,
    ALL_LABELS,
    CASE_CODES,
    EVENT_TYPES,
    PLOVER_OF,
    type_of,
)

DEV_SET = Path(__file__).parent / "data" / "event_snippets.tsv"
FLOOR = 0.85
CLASS_FLOOR = 0.5


def _rows() -> list[tuple[str, str, str]]:
    with DEV_SET.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(r["id"], r["EventSnippet"], r["SubType"]) for r in reader]


ROWS = _rows()


@pytest.fixture(scope="module")
def classifier() -> EventClassifier:
    return EventClassifier()


@pytest.fixture(scope="module")
def dev_predictions(nlp: Language, classifier: EventClassifier) -> dict[str, str | None]:
    """The label of every development snippet, classified once for the module."""

    def docs() -> Iterator[Doc]:
        for _, text, _ in ROWS:
            doc = nlp.make_doc(text)
            doc._.article_date = None
            yield doc

    predicted: dict[str, str | None] = {}
    for (row_id, _, _), doc in zip(ROWS, nlp.pipe(docs(), batch_size=64), strict=True):
        cue = classifier.classify(doc)
        predicted[row_id] = cue.sub_type if cue else None
    return predicted


def _label(nlp: Language, classifier: EventClassifier, text: str) -> str | None:
    cue = classifier.classify(nlp(text))
    return cue.sub_type if cue else None


def _cues(nlp: Language, classifier: EventClassifier, text: str) -> list[EventCue]:
    return classifier.sentence_cues(next(iter(nlp(text).sents)))


# -- the development set ----------------------------------------------------------------


def test_events_dev_set_covers_every_class() -> None:
    codes = [code for _, _, code in ROWS]
    assert set(codes) == set(CASE_CODES)
    assert all(codes.count(code) >= 4 for code in CASE_CODES)


def test_events_dev_set_accuracy_floor(dev_predictions: dict[str, str | None]) -> None:
    wrong = [
        (row_id, CASE_CODES[code], dev_predictions[row_id], text)
        for row_id, text, code in ROWS
        if dev_predictions[row_id] != CASE_CODES[code]
    ]
    accuracy = 1 - len(wrong) / len(ROWS)
    assert accuracy >= FLOOR, wrong


@pytest.mark.parametrize("code", sorted(CASE_CODES))
def test_events_dev_set_class_recall(code: str, dev_predictions: dict[str, str | None]) -> None:
    rows = [(row_id, text) for row_id, text, gold in ROWS if gold == code]
    missed = [
        (row_id, text) for row_id, text in rows if dev_predictions[row_id] != CASE_CODES[code]
    ]
    assert 1 - len(missed) / len(rows) >= CLASS_FLOOR, missed


# -- parse rules ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels captured the town of Kidal.", "Non-state actor overtakes territory"),
        ("Government troops captured the town of Kidal.", "Government regains territory"),
        ("The army recaptured the town of Kidal.", "Government regains territory"),
        ("Rebels retook the town of Kidal.", "Non-state actor overtakes territory"),
        (
            "Militants took control of the town after the army withdrew.",
            "Non-violent transfer of territory",
        ),
    ],
)
def test_events_territory_depends_on_who_takes_it(
    nlp: Language, classifier: EventClassifier, text: str, expected: str
) -> None:
    assert _label(nlp, classifier, text) == expected


def test_events_capture_of_people_is_not_territory(
    nlp: Language, classifier: EventClassifier
) -> None:
    labels = {c.sub_type for c in _cues(nlp, classifier, "Rebels captured two soldiers.")}
    assert not labels & {"Non-state actor overtakes territory", "Government regains territory"}


def test_events_civilians_targeted_is_attack(nlp: Language, classifier: EventClassifier) -> None:
    assert _label(nlp, classifier, "Militants killed five villagers near the border.") == "Attack"


def test_events_armed_sides_make_armed_clash(nlp: Language, classifier: EventClassifier) -> None:
    text = "Soldiers killed five militants near the border."
    assert _label(nlp, classifier, text) == "Armed clash"


def test_events_police_killing_protesters_is_excessive_force(
    nlp: Language, classifier: EventClassifier
) -> None:
    text = "Police shot dead two protesters in the capital."
    assert _label(nlp, classifier, text) == "Excessive force against protesters"


def test_events_stone_throwing_protesters_riot(nlp: Language, classifier: EventClassifier) -> None:
    text = "Police fired tear gas after protesters threw stones at officers."
    assert _label(nlp, classifier, text) == "Violent demonstration"


def test_events_protest_and_arrests_across_sentences(
    nlp: Language, classifier: EventClassifier
) -> None:
    text = "Hundreds of students protested outside the ministry. Police arrested twelve of them."
    assert _label(nlp, classifier, text) == "Protest with intervention"


def test_events_intercepted_weapon_is_disrupted(nlp: Language, classifier: EventClassifier) -> None:
    text = "Air defences intercepted three missiles over the city."
    assert _label(nlp, classifier, text) == "Disrupted weapons use"


def test_events_instrument_decides_remote_violence(
    nlp: Language, classifier: EventClassifier
) -> None:
    text = "A drone hit a bus in the village, killing four civilians."
    assert _label(nlp, classifier, text) == "Air/drone strike"


def test_events_negated_trigger_gives_no_cue(nlp: Language, classifier: EventClassifier) -> None:
    assert _cues(nlp, classifier, "The army did not shell the village.") == []


def test_events_hypothetical_trigger_scores_lower(
    nlp: Language, classifier: EventClassifier
) -> None:
    done = _cues(nlp, classifier, "Russian forces shelled Kharkiv overnight.")
    threatened = _cues(nlp, classifier, "Russia threatened to shell Kharkiv.")
    assert done and done[0].sub_type == "Shelling/artillery/missile attack"
    assert all(c.score < done[0].score / 2 for c in threatened)


def test_events_trigger_offsets_point_at_trigger(
    nlp: Language, classifier: EventClassifier
) -> None:
    doc = nlp("On Tuesday night Russian forces shelled Kharkiv.")
    cues = classifier.sentence_cues(next(iter(doc.sents)))
    start, end = cues[0].trigger
    assert doc.text[start:end] == "shelled"
    assert cues[0].type == "Explosions/Remote violence"


def test_events_sentence_cues_best_first(nlp: Language, classifier: EventClassifier) -> None:
    cues = _cues(nlp, classifier, "Russian forces shelled Kharkiv overnight, killing two people.")
    assert len(cues) >= 2
    assert [c.score for c in cues] == sorted((c.score for c in cues), reverse=True)


def test_events_other_labels_only_as_fallback(nlp: Language, classifier: EventClassifier) -> None:
    assert _label(nlp, classifier, "Floods killed 20 people in the north.") == "Natural disaster"
    text = "Gunmen shot dead five villagers during a visit by the foreign minister."
    assert _label(nlp, classifier, text) == "Attack"


def test_events_no_event_gives_none(nlp: Language, classifier: EventClassifier) -> None:
    assert classifier.classify(nlp("The weather was pleasant in the capital.")) is None


# -- taxonomy and lexicon -------------------------------------------------------------------


def test_events_taxonomy_names() -> None:
    assert sum(len(subs) for subs in EVENT_TYPES.values()) == 25
    assert type_of("Grenade") == "Explosions/Remote violence"
    assert type_of("Diplomatic event") == ""
    assert set(CASE_CODES.values()) == set(ALL_LABELS)
    assert set(ACLED_SUB_TYPES) <= set(PLOVER_OF)
    with pytest.raises(InputError, match="Armed clashes"):
        type_of("Armed clashes")


def test_events_lexicon_has_a_table_per_label() -> None:
    assert set(load_event_lexicon().entries) == set(ALL_LABELS)


_MINIMAL = """
[settings]
[grammar]
[actors]
[combine]
[sub_types."Grenade"]
triggers = ["grenade"]
"""


def test_events_lexicon_minimal_file_classifies(nlp: Language) -> None:
    classifier = EventClassifier(parse_event_lexicon(_MINIMAL, "mine.toml"))
    cue = classifier.classify(nlp("Someone threw a grenade at the bar."))
    assert cue is not None and cue.sub_type == "Grenade"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[settings\n", "not valid TOML"),
        (_MINIMAL.replace('"Grenade"', '"Grenades"'), 'sub_types."Grenades"'),
        (_MINIMAL.replace('["grenade"]', '"grenade"'), "key 'triggers'"),
        (_MINIMAL + 'weight = "heavy"\n', "key 'weight'"),
        (_MINIMAL + 'rule = "vibes"\n', "key 'rule'"),
        (_MINIMAL + 'conditional = ["pin"]\n', "key 'requires'"),
        (_MINIMAL.replace("[grammar]\n", ""), "[grammar]"),
        (
            _MINIMAL.replace("[combine]", '[combine]\nrules = [["Grenade", "Nope", "Other"]]'),
            "combine",
        ),
    ],
)
def test_events_lexicon_errors_name_file_table_key(text: str, named: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_event_lexicon(text, "mine.toml")
    assert "mine.toml" in str(caught.value)
    assert named in str(caught.value)
