"""Corroboration by independent origins, on records built by hand."""

from __future__ import annotations

import datetime as dt

from corroborate.merge.corroboration import Corroboration, corroborate_event
from corroborate.models import (
    Article,
    ArticleAnalysis,
    Claim,
    Contradiction,
    Entity,
    Event,
    SourceRef,
    Span,
)

ACTORS = {
    "legion": ("Freedom of Russia Legion", "ukraine", "pro_ukrainian"),
    "ru_mod": ("Russian Ministry of Defence", "russia", "russian_state"),
    "reuters": ("Reuters", "none", "international_wire"),
    "meduza": ("Meduza", "none", "independent"),
}


def _article(article_id: str, sources: list[str], contradictions: bool = False) -> ArticleAnalysis:
    entities = [
        Entity(
            id=f"{article_id}-{key}",
            canonical=ACTORS[key][0],
            kind="organisation",
            actor_id=key,
            side=ACTORS[key][1],
            affiliation=ACTORS[key][2],
        )
        for key in dict.fromkeys(sources)
    ]
    claims = [
        Claim(
            id=f"{article_id}-c{n}",
            article_id=article_id,
            content=Span(0, 4, "text"),
            sentence=Span(0, 4, "text"),
            sources=[SourceRef(ACTORS[key][0], None, f"{article_id}-{key}")],
        )
        for n, key in enumerate(sources, 1)
    ]
    event = Event(
        id=f"{article_id}-v1",
        article_id=article_id,
        type="Battles",
        sub_type="Non-state actor overtakes territory",
        date="2024-03-12",
        place="Tëtkino",
        claim_ids=[c.id for c in claims],
    )
    found = (
        [Contradiction(claims[0].id, claims[1].id, "taken vs repelled")] if contradictions else []
    )
    article = Article(article_id, "text", "test", "text", published=dt.date(2024, 3, 12))
    return ArticleAnalysis(
        article=article, entities=entities, claims=claims, events=[event], contradictions=found
    )


def _weigh(
    analyses: list[ArticleAnalysis], origin_of: dict[str, str] | None = None
) -> Corroboration:
    events = [(a.article.id, a.events[0]) for a in analyses]
    return corroborate_event(events, {a.article.id: a for a in analyses}, origin_of or {})


def test_corroboration_one_side_disputed_not_confirmed() -> None:
    result = _weigh([_article("a", ["legion", "ru_mod"], contradictions=True)])
    assert "disputed by Russian Ministry of Defence" in result.verdict
    assert "not independently confirmed" in result.verdict


def test_corroboration_one_source_in_many_articles_is_one_origin() -> None:
    result = _weigh(
        [_article("a", ["legion"]), _article("b", ["legion"]), _article("c", ["legion"])]
    )
    assert result.origins == {"side: Ukraine": ["Freedom of Russia Legion"]}
    assert result.verdict.startswith("claimed by one side only (Ukraine)")


def test_corroboration_independent_outlet_counts() -> None:
    result = _weigh([_article("a", ["legion"]), _article("b", ["meduza"])])
    assert "reported independently by 1 (Meduza)" in result.verdict


def test_corroboration_copies_count_once() -> None:
    original, copy = _article("a", ["legion"]), _article("b", ["reuters"])
    # "b" is a republication of "a": its own reading does not add an origin.
    result = _weigh([original, copy], origin_of={"b": "a"})
    assert "wire" not in result.origins
