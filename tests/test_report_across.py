"""The part of the situation report across articles, on hand-made analyses of one raid.

Four reports of one raid on Churovichi: a Reuters story and a copy of it, a TASS story,
and a Meduza story the next day; and one Interfax story of another event. The Legion
(Ukrainian side) says it took the village, the ministry (Russian side) says the attack was
repelled, Meduza (independent) says fighting went on, the governor gives a toll.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from rich.console import Console

from corroborate.errors import ConfigError
from corroborate.models import (
    Article,
    ArticleAnalysis,
    Claim,
    Entity,
    Event,
    PlaceMention,
    SourceRef,
    Span,
)
from corroborate.report import (
    ClusterReport,
    Sitrep,
    build_sitrep,
    render_html,
    render_markdown,
    render_terminal,
)

ACTORS = {
    "legion": ("Freedom of Russia Legion", "ukraine", "pro_ukrainian"),
    "bogomaz": ("Alexander Bogomaz", "russia", "russian_state"),
    "ru_mod": ("Russian Ministry of Defence", "russia", "russian_state"),
    "meduza": ("Meduza", "none", "independent"),
}

REUTERS = (
    "Russian volunteer fighters crossed into the Bryansk region on Tuesday and attacked "
    "the border village of Churovichi, according to their own statements on Telegram. "
    "The Freedom of Russia Legion said it had taken full control of Churovichi after a "
    "night of fighting. "
    "Governor Alexander Bogomaz said three civilians were wounded by shelling in the "
    "Klimovo district and received medical help."
)
COPY = "BRYANSK (Reuters) - " + REUTERS
TASS = (
    "The Russian Ministry of Defence said border guards repelled an attack near Churovichi "
    "<script>alert(1)</script> [bold]at dawn[/bold] *and* `pushed` the group back. "
    "Officials gave no further details."
)
MEDUZA = (
    "Meduza said fighting continued in Churovichi through Tuesday night, citing residents. "
    "Governor Alexander Bogomaz later said one civilian was killed and five wounded."
)
INTERFAX = "Regional officials said two drones were shot down over Kozinka overnight."

CHUROVICHI = PlaceMention(
    Span(0, 10, "Churovichi"),
    "Churovichi",
    52.52,
    32.77,
    "Bryansk Oblast",
    "RU",
    "settlement",
    place_id=567469,
)
KOZINKA = PlaceMention(
    Span(0, 7, "Kozinka"), "Kozinka", 50.46, 35.52, "Belgorod Oblast", "RU", "settlement", 9001
)


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)


def _sentences(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^.]+\.", text)]


def _sentence(text: str, words: str) -> Span:
    at = text.index(words)
    return next(s for s in _sentences(text) if s.start <= at < s.end)


def _analysis(
    article_id: str,
    outlet: str,
    published: dt.date,
    text: str,
    claims: list[tuple[str, str, dict[str, str]]],  # (actor, content, slots)
    place: PlaceMention = CHUROVICHI,
    **event: Any,
) -> ArticleAnalysis:
    entities = [
        Entity(
            f"{article_id}-{key}",
            ACTORS[key][0],
            "organisation",
            actor_id=key,
            side=ACTORS[key][1],
            affiliation=ACTORS[key][2],
        )
        for key in dict.fromkeys(actor for actor, _, _ in claims)
    ]
    made = [
        Claim(
            id=f"{article_id}-c{n}",
            article_id=article_id,
            content=_span(text, content),
            sentence=_sentence(text, content),
            sources=[SourceRef(ACTORS[actor][0], None, f"{article_id}-{actor}")],
            cue=_span(text, "said"),
            slots=slots,
        )
        for n, (actor, content, slots) in enumerate(claims, 1)
    ]
    mention = PlaceMention(_span(text, place.name), place.name, *_where(place))
    return ArticleAnalysis(
        article=Article(
            article_id,
            text,
            f"inputs/{article_id}.json",
            "json",
            outlet=outlet,
            published=published,
        ),
        sentences=_sentences(text),
        entities=entities,
        claims=made,
        events=[
            Event(
                id=f"{article_id}-v1",
                article_id=article_id,
                type=event.get("type", "Battles"),
                sub_type=event.get("sub_type", "Non-state actor overtakes territory"),
                date=event.get("date", "2024-04-16"),
                place=place.name,
                claim_ids=[c.id for c in made],
                place_mention=mention,
            )
        ],
    )


def _where(place: PlaceMention) -> tuple[Any, ...]:
    return (place.lat, place.lon, place.admin1, place.country, place.precision, place.place_id)


TUESDAY, WEDNESDAY = dt.date(2024, 4, 16), dt.date(2024, 4, 17)
TAKEN = "it had taken full control of Churovichi"
WOUNDED = "three civilians were wounded by shelling"
REPELLED = "border guards repelled an attack near Churovichi <script>alert(1)</script>"
CONTINUED = "fighting continued in Churovichi through Tuesday night"
KILLED = "one civilian was killed and five wounded"


def reuters() -> ArticleAnalysis:
    claims = [("legion", TAKEN, {"outcome": "taken"}), ("bogomaz", WOUNDED, {})]
    return _analysis("reuters", "Reuters", TUESDAY, REUTERS, claims)


def ledger() -> list[ArticleAnalysis]:
    copy_claims = [("legion", TAKEN, {"outcome": "taken"}), ("bogomaz", WOUNDED, {})]
    meduza_claims = [
        ("meduza", CONTINUED, {"outcome": "ongoing", "start": "2024-04-15"}),
        ("bogomaz", KILLED, {}),
    ]
    return [
        reuters(),
        _analysis("yahoo", "Yahoo News", TUESDAY, COPY, copy_claims),
        _analysis("tass", "TASS", TUESDAY, TASS, [("ru_mod", REPELLED, {"outcome": "repelled"})]),
        _analysis("interfax", "Interfax", TUESDAY, INTERFAX, [], KOZINKA, type="Strategic"),
        _analysis("meduza", "Meduza", WEDNESDAY, MEDUZA, meduza_claims),
    ]


@pytest.fixture(scope="module")
def sitrep() -> Sitrep:
    return build_sitrep(ledger())


@pytest.fixture(scope="module")
def raid(sitrep: Sitrep) -> ClusterReport:
    (cluster,) = sitrep.across.clusters
    return cluster


def test_report_across_shows_only_events_of_several_articles(sitrep: Sitrep) -> None:
    assert [c.title for c in sitrep.across.clusters] == [
        "Battles / Non-state actor overtakes territory at Churovichi"
    ]
    assert sitrep.across.note.startswith("1 event is reported by at least 2 articles")
    assert "Kozinka" not in render_markdown(sitrep).split("## Across articles")[1]
    apart = build_sitrep([reuters(), ledger()[3]]).across
    assert (apart.clusters, apart.cluster_count) == ((), 2)
    assert apart.note == "No event of the 2 articles is reported by at least 2 articles."


def test_report_across_heading_says_what_where_when_and_copies_count_once(
    raid: ClusterReport,
) -> None:
    assert raid.heading == (
        "2024-04-16 · Battles / Non-state actor overtakes territory at Churovichi"
    )
    assert raid.place == "Churovichi, Bryansk Oblast, RU"
    assert raid.articles == ("Reuters", "Yahoo News", "TASS", "Meduza")
    assert raid.origins == 3
    assert raid.counts == "4 articles, 3 independent origins (1 is a copy, counted once)"


def test_report_across_names_each_side_with_resolving_citations(
    sitrep: Sitrep, raid: ClusterReport
) -> None:
    sides = {side.side: side for side in raid.sides}
    assert [side.label for side in raid.sides] == [
        "Ukrainian side",
        "Russian side",
        "Independent observers",
    ]
    (legion,) = sides["ukraine"].claims
    assert legion.text == f"Freedom of Russia Legion says: “{TAKEN}”"
    # The copy says the same thing: one line, both sentences cited.
    assert [(c.article, c.sentence) for c in legion.citations] == [
        ("Reuters", _sentence(REUTERS, TAKEN).text),
        ("Yahoo News", _sentence(COPY, TAKEN).text),
    ]
    assert legion.read_in == "in Reuters, Yahoo News"
    references = {citation.label: citation for citation in sitrep.references}
    for citation in legion.citations:
        assert references[citation.label] == citation
    russian = [claim.text for claim in sides["russia"].claims]
    assert any(
        REPELLED in text and text.startswith("Russian Ministry of Defence") for text in russian
    )
    assert any(KILLED in text for text in russian) and any(WOUNDED in text for text in russian)
    assert sides["independent"].claims[0].source == "Meduza"


def test_report_across_keeps_the_labels_of_the_per_article_part(sitrep: Sitrep) -> None:
    per_article = {
        line.claim_id: line.citation
        for section in sitrep.sections
        for group in section.groups
        for line in group.claims
    }
    raid = sitrep.across.clusters[0]
    for side in raid.sides:
        for claim in side.claims:
            for line in claim.lines:
                assert line.citation == per_article[line.claim_id]
    assert [c.label for c in sitrep.references] == list(range(1, len(sitrep.references) + 1))


def test_report_across_contradiction_gives_the_reason_and_cites_both(
    raid: ClusterReport,
) -> None:
    control = [c for c in raid.contradictions if c.first.text == "Churovichi taken"]
    (taken,) = control
    assert taken.aspect == "control"
    assert taken.reason == (
        "On who holds the place: “Churovichi taken” against “the attack stopped in Bryansk Oblast”"
    )
    (legion,) = taken.first.parties
    (ministry,) = taken.second.parties
    assert (legion.source, ministry.source) == (
        "Freedom of Russia Legion",
        "Russian Ministry of Defence",
    )
    assert [c.article for c in legion.citations] == ["Reuters", "Yahoo News"]
    assert [c.sentence for c in ministry.citations] == [_sentence(TASS, "border guards").text]
    ongoing = [c for c in raid.contradictions if c.first.text == "fighting continues"]
    assert [c.second.text for c in ongoing] == ["the attack repelled"]
    assert ongoing[0].first.sources == "Meduza"


def test_report_across_verdict_in_plain_words(raid: ClusterReport) -> None:
    assert raid.corroboration == "Reported by both sides, reported independently by 1 (Meduza)."
    assert raid.origin_summary == (
        "sources by kind: Ukrainian side: Freedom of Russia Legion; Russian side: "
        "Alexander Bogomaz, Russian Ministry of Defence; independent observers: Meduza"
    )


def test_report_across_timeline_in_date_order_every_line_cited(raid: ClusterReport) -> None:
    days = [entry.when for entry in raid.timeline]
    assert days == sorted(days)
    assert all(entry.citations for entry in raid.timeline)
    assert [entry.article for entry in raid.timeline] == [
        "Reuters",
        "Reuters",
        "Yahoo News",
        "TASS",
        "Meduza",
        "Meduza",
    ]
    copy = raid.timeline[2]
    assert not copy.new
    assert copy.text.startswith("republishes the report of Reuters; repeats the claims of")
    assert [c.article for c in copy.citations] == ["Yahoo News", "Yahoo News"]
    meduza, toll = raid.timeline[4:]
    assert meduza.event_date == "2024-04-15"  # the date the claim gives, not the report's
    assert meduza.line.startswith("2024-04-17 Meduza: Meduza says: “fighting continued")
    assert meduza.line.endswith("(event dated 2024-04-15)")
    assert KILLED in toll.text and toll.citations[0].sentence == _sentence(MEDUZA, KILLED).text


def test_report_across_report_without_claims_cites_its_place_sentence() -> None:
    bare = _analysis("bare", "Ukrinform", WEDNESDAY, "Fighting was reported in Churovichi.", [])
    (raid,) = build_sitrep([reuters(), bare]).across.clusters
    last = raid.timeline[-1]
    assert (last.article, last.new) == ("Ukrinform", True)
    assert "attributing it to no source" in last.text
    assert last.citations[0].sentence == "Fighting was reported in Churovichi."


def test_report_across_one_article_is_a_note_unless_asked() -> None:
    alone = build_sitrep([reuters()])
    assert alone.across.clusters == ()
    assert "nothing is compared across articles" in alone.across.note
    assert "nothing is compared across articles" in render_markdown(alone)
    (raid,) = build_sitrep([reuters()], min_articles=1).across.clusters
    assert raid.counts == "1 article, 1 independent origin"
    assert build_sitrep(ledger(), across=False).across.clusters == ()
    with pytest.raises(ConfigError, match="min_articles is 0"):
        build_sitrep([reuters()], min_articles=0)


def test_report_across_markdown_escapes_article_text(sitrep: Sitrep) -> None:
    across = render_markdown(sitrep).split("## Across articles")[1]
    assert "### 2024-04-16 · Battles / Non-state actor overtakes territory at Churovichi" in across
    assert "#### What each side says" in across and "**Russian side**" in across
    assert "<script>" not in across
    assert r"near Churovichi \<script\>alert(1)\</script\>”" in across
    assert r"\[bold\]at dawn\[/bold\] \*and\* \`pushed\`" in across  # in the references
    assert "- “Churovichi taken”: Freedom of Russia Legion [" in across
    assert "#### Timeline" in across and "- 2024-04-17 Meduza: " in across


def test_report_across_html_escapes_text_and_anchors_each_cluster(sitrep: Sitrep) -> None:
    html = render_html(sitrep)
    assert "<script" not in html
    assert "near Churovichi &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<section class="cluster" id="cluster-k1">' in html
    assert '<a href="#cluster-k1">' in html
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:|//)""", html, re.IGNORECASE)
    timeline = html.split('<ol class="timeline">')[1].split("</ol>")[0]
    assert timeline.count("<li") == 6 and 'href="#ref-' in timeline


def test_report_across_terminal_shows_markup_literally(sitrep: Sitrep) -> None:
    console = Console(record=True, width=200)
    render_terminal(sitrep, console)
    text = console.export_text()
    assert "Across articles: 2024-04-16 · Battles / Non-state actor overtakes" in text
    assert "near Churovichi <script>alert(1)</script>" in text
    assert "Reported by both sides, reported independently by 1 (Meduza)." in text
