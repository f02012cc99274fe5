"""Tests of the situation report structure built from hand-made article analyses."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from corroborate.models import (
    Article,
    ArticleAnalysis,
    Claim,
    Contradiction,
    Entity,
    Event,
    Repair,
    SourceRef,
    Span,
    VerificationStatement,
)
from corroborate.report import ClaimLine, Section, Sitrep, build_sitrep

RAID_TEXT = (
    "The Legion said it took the village of Tyotkino. "
    "Reuters reported, citing Baza, that battles would take place in Tjotkino. "
    "The information could not be independently confirmed. "
    "Peskov and the ministry said the attack was repelled. "
    "Neither side's claims have been verified. "
    "In the photo, the flag of the Legion."
)


def span_of(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)


def sentence_of(text: str, words: str) -> Span:
    """The sentence of ``text`` (ending in a full stop) that contains ``words``."""
    start = text.rfind(". ", 0, text.index(words))
    start = 0 if start < 0 else start + 2
    end = text.index(".", text.index(words)) + 1
    return Span(start, end, text[start:end])


def claim(
    text: str,
    claim_id: str,
    content: str,
    sources: list[SourceRef],
    **fields: Any,
) -> Claim:
    plain = Claim(
        id=claim_id,
        article_id="raid",
        content=span_of(text, content),
        sentence=sentence_of(text, content),
        sources=sources,
    )
    return replace(plain, **fields)


def raid_analysis() -> ArticleAnalysis:
    text = RAID_TEXT
    took = claim(
        text,
        "c-took",
        "took the village of Tyotkino",
        [SourceRef("Legion", span_of(text, "Legion"), "legion")],
        cue=span_of(text, "said"),
        channel="telegram",
        event_id="e-raid",
    )
    battles = claim(
        text,
        "c-battles",
        "battles would take place in Tjotkino",
        [SourceRef("Baza", span_of(text, "Baza"))],
        cue=span_of(text, "citing"),
        via=[SourceRef("Reuters", span_of(text, "Reuters"))],
        hedged=True,
        hedge_cues=["would"],
        certainty="possible",
    )
    repelled = claim(
        text,
        "c-repelled",
        "the attack was repelled",
        [SourceRef("Peskov", span_of(text, "Peskov"), "peskov"), SourceRef("the ministry")],
        cue=span_of(text, "said the"),
    )
    return ArticleAnalysis(
        article=Article(
            id="raid",
            text=text,
            source="inputs/raid.txt",
            format="dated",
            outlet="Example News",
            published=dt.date(2024, 3, 12),
        ),
        repairs=[Repair("caption", text.index("In the photo"), len(text), "In the photo")],
        sentences=[
            sentence_of(text, words)
            for words in ("Legion said", "Reuters", "could not", "Peskov", "Neither", "photo")
        ],
        entities=[
            Entity("legion", "Freedom of Russia Legion", "armed_group"),
            Entity("peskov", "Dmitry Peskov", "person"),
        ],
        claims=[took, battles, repelled],
        verification_statements=[
            VerificationStatement(
                span_of(text, "could not be independently confirmed"),
                "unconfirmed",
                qualifies=["c-battles"],
            ),
            VerificationStatement(
                span_of(text, "have been verified"), "unverified", scope="article"
            ),
        ],
        events=[Event("e-raid", "raid", "Battles", "Armed clash", "2024-03-12", "Tyotkino")],
        contradictions=[Contradiction("c-took", "c-repelled", "control of Tyotkino")],
    )


def skipped_analysis() -> ArticleAnalysis:
    article = Article(id="ru-1", text="Текст", source="inputs/ru.txt", format="plain")
    return ArticleAnalysis(
        article=article, analysed=False, skipped_reason="language ru not supported yet"
    )


@pytest.fixture()
def sitrep() -> Sitrep:
    return build_sitrep([raid_analysis(), skipped_analysis()])


def all_claims(sitrep: Sitrep) -> list[ClaimLine]:
    return [line for s in sitrep.sections for g in s.groups for line in g.claims]


def section_titled(sitrep: Sitrep, start: str) -> Section:
    return next(s for s in sitrep.sections if s.title.startswith(start))


def test_report_groups_claims_by_resolved_source(sitrep: Sitrep) -> None:
    event = section_titled(sitrep, "Battles")
    topic = section_titled(sitrep, "The Legion said")
    assert [g.source for g in event.groups] == ["Freedom of Russia Legion"]
    assert [g.source for g in topic.groups] == ["Baza", "Dmitry Peskov and the ministry"]
    assert [c.claim_id for c in topic.groups[0].claims] == ["c-battles"]


def test_report_event_section_joins_claims_by_event_claim_ids() -> None:
    analysis = raid_analysis()
    analysis.claims[0].event_id = None
    analysis.events[0].claim_ids = ["c-took", "c-repelled"]
    event = section_titled(build_sitrep([analysis]), "Battles")
    assert event.kind == "event"
    assert event.title == "Battles / Armed clash — Tyotkino, 2024-03-12"
    assert [c.claim_id for g in event.groups for c in g.claims] == ["c-took", "c-repelled"]


def test_report_citations_point_to_the_claim_sentence(sitrep: Sitrep) -> None:
    analysis = raid_analysis()
    claims = {c.id: c for c in analysis.claims}
    for line in all_claims(sitrep):
        citation = line.citation
        assert citation.sentence == claims[line.claim_id].sentence.text
        assert RAID_TEXT[citation.start : citation.end] == citation.sentence
        assert (citation.article_id, citation.article) == ("raid", "Example News")
    took = next(line for line in all_claims(sitrep) if line.claim_id == "c-took")
    assert took.citation.sentence == "The Legion said it took the village of Tyotkino."
    assert took.citation.where == "Example News, 2024-03-12"


def test_report_citation_labels_follow_reading_order(sitrep: Sitrep) -> None:
    assert [c.label for c in sitrep.references] == list(range(1, len(sitrep.references) + 1))
    seen: list[int] = []
    for section in sitrep.sections:
        for group in section.groups:
            seen += [c.citation.label for c in group.claims]
            seen += [v.citation.label for v in group.verifications]
        seen += [v.citation.label for v in section.notes]
    first_seen = list(dict.fromkeys(seen))
    assert first_seen == sorted(first_seen)
    assert set(first_seen) == {c.label for c in sitrep.references}


def test_report_claims_in_one_sentence_share_a_citation() -> None:
    analysis = raid_analysis()
    twin = replace(analysis.claims[1], id="c-twin", content=span_of(RAID_TEXT, "Tjotkino"))
    analysis.claims.append(twin)
    lines = {line.claim_id: line for line in all_claims(build_sitrep([analysis]))}
    assert lines["c-twin"].citation == lines["c-battles"].citation


def test_report_hedges_are_kept_in_the_wording(sitrep: Sitrep) -> None:
    battles = next(line for line in all_claims(sitrep) if line.claim_id == "c-battles")
    assert battles.text == (
        "Baza (via Reuters) says, hedged (“would”; certainty: possible): "
        "“battles would take place in Tjotkino”"
    )
    assert battles.hedging == "hedged: would; certainty: possible"
    took = next(line for line in all_claims(sitrep) if line.claim_id == "c-took")
    assert "hedged" not in took.text
    assert took.hedging == "not hedged"


def test_report_hedge_cues_shown_even_without_the_hedged_flag() -> None:
    analysis = raid_analysis()
    analysis.claims[0].hedge_cues = ["claimed"]
    took = next(c for c in all_claims(build_sitrep([analysis])) if c.claim_id == "c-took")
    assert "hedged (“claimed”)" in took.text


def test_report_relay_chain_is_listed_nearest_first() -> None:
    analysis = raid_analysis()
    analysis.claims[1].via.append(SourceRef("AFP"))
    battles = next(c for c in all_claims(build_sitrep([analysis])) if c.claim_id == "c-battles")
    assert battles.via == ("Reuters", "AFP")
    assert battles.relay == "via Reuters ← AFP"
    assert battles.text.startswith("Baza (via Reuters ← AFP) says")


def test_report_claims_are_attributed_never_stated_as_fact(sitrep: Sitrep) -> None:
    for line in all_claims(sitrep):
        assert line.text.startswith(line.source + " ")
        assert f"“{line.quote}”" in line.text
    took = next(line for line in all_claims(sitrep) if line.claim_id == "c-took")
    assert took.text == (
        "Freedom of Russia Legion (channel: telegram) says: “took the village of Tyotkino”"
    )


def test_report_several_sources_take_a_plural_verb(sitrep: Sitrep) -> None:
    repelled = next(line for line in all_claims(sitrep) if line.claim_id == "c-repelled")
    assert repelled.text.startswith("Dmitry Peskov and the ministry say: ")


def test_report_verification_sits_under_the_qualified_group(sitrep: Sitrep) -> None:
    baza, officials = section_titled(sitrep, "The Legion said").groups
    assert [v.text for v in baza.verifications] == [
        "Reporter: “The information could not be independently confirmed.”"
    ]
    assert baza.verifications[0].citation.sentence == (
        "The information could not be independently confirmed."
    )
    assert officials.verifications == ()


def test_report_article_wide_statement_qualifies_every_section(sitrep: Sitrep) -> None:
    for section in sitrep.sections:
        assert [(v.scope, v.quote) for v in section.notes] == [
            ("article", "Neither side's claims have been verified.")
        ]
        assert section.notes[0].text.startswith("Reporter, on every claim in Example News")


def test_report_statement_qualifying_no_shown_claim_is_kept() -> None:
    analysis = raid_analysis()
    analysis.verification_statements[0].qualifies = ["no-such-claim"]
    notes = [v.quote for s in build_sitrep([analysis]).sections for v in s.notes]
    assert "The information could not be independently confirmed." in notes


def test_report_lists_articles_not_analysed(sitrep: Sitrep) -> None:
    assert [(s.article_id, s.article, s.reason) for s in sitrep.skipped] == [
        ("ru-1", "inputs/ru.txt", "language ru not supported yet")
    ]


def test_report_header_counts_articles_claims_and_sources(sitrep: Sitrep) -> None:
    assert (sitrep.article_count, sitrep.analysed_count) == (2, 1)
    assert (sitrep.claim_count, sitrep.source_count, sitrep.event_count) == (3, 4, 1)
    assert sitrep.summary == "2 articles (1 analysed) · 3 claims · 4 sources · 1 event"
    assert sitrep.title == "Situation report, 2024-03-12"


def test_report_counts_captions_kept_out_of_the_body(sitrep: Sitrep) -> None:
    assert [(c.article, c.count) for c in sitrep.captions] == [("Example News", 1)]
    assert sitrep.caption_count == 1


def test_report_topic_title_skips_captions_and_prefers_the_article_title() -> None:
    analysis = raid_analysis()
    first = analysis.sentences[0]
    analysis.repairs.append(Repair("heading", first.start, first.end, first.text))
    assert section_titled(build_sitrep([analysis]), "Reuters reported").kind == "topic"
    analysis.article.title = "Raid across the border " + "and beyond " * 10
    title = build_sitrep([analysis]).sections[-1].title
    assert title.startswith("Raid across the border") and title.endswith("…")
    assert len(title) <= 80


def test_report_contradiction_cites_both_claims(sitrep: Sitrep) -> None:
    (item,) = sitrep.contradictions
    assert (item.first.claim_id, item.second.claim_id) == ("c-took", "c-repelled")
    assert item.why == "control of Tyotkino"


def test_report_same_input_gives_the_same_report() -> None:
    assert build_sitrep([raid_analysis()]) == build_sitrep([raid_analysis()])
    assert build_sitrep([raid_analysis()], title="Morning brief").title == "Morning brief"


def test_report_topic_title_skips_a_dateline() -> None:
    analysis = raid_analysis()
    text = analysis.article.text
    first = analysis.sentences[0]
    dated = "KYIV, Ukraine (AP) — "
    analysis.article.text = dated + text
    shift = len(dated)
    analysis.sentences = [Span(0, shift - 1, dated.strip())] + [
        Span(s.start + shift, s.end + shift, s.text) for s in analysis.sentences
    ]
    title = build_sitrep([analysis]).sections[-1].title
    assert title.startswith(first.text[:20])
