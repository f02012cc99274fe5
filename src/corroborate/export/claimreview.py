"""schema.org ClaimReview (JSON-LD): each claim behind an event, with its corroboration.

A fact-checker's ClaimReview usually rates a claim true or false. Corroborate never picks
a winner, so the rating here carries no number and no truth value: its
``alternateName`` is the corroboration verdict in words ("claimed by one side only
(Ukraine), disputed by Russian Ministry of Defence, not independently confirmed") and
its ``ratingExplanation`` names the independent origins behind the event. A claim that
supports no event has no verdict, and no review.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, TextIO

from corroborate.export.events import ExportData, ExportEvent, outlet
from corroborate.models import ArticleAnalysis, Claim
from corroborate.report.sitrep import one_line, source_name

CONTEXT = "https://schema.org"
DEFAULT_REVIEWER = "Corroborate"
# Entity kinds that are people; every other source (a ministry, a channel, "Russian war
# correspondents") is an Organization, the only other type schema.org allows an author.
_PERSON_KINDS = frozenset({"person", "official"})


@dataclass(frozen=True)
class ReviewOptions:
    """Who publishes the reviews, when, and where (``base_url`` + ``#`` + claim id)."""

    reviewer: str = DEFAULT_REVIEWER
    published: dt.date | None = None  # None: today
    base_url: str | None = None


@dataclass(frozen=True)
class ReviewCounts:
    reviews: int
    without_event: int  # claims that support no event, so have no verdict and no review


def claim_reviews(data: ExportData, options: ReviewOptions | None = None) -> list[dict[str, Any]]:
    """One ClaimReview per claim that supports an event, in ledger order."""
    options = options or ReviewOptions()
    published = (options.published or dt.date.today()).isoformat()
    reviews = []
    for analysis in data.analyses:
        for claim in analysis.claims:
            events = [e for e in map(data.event, data.events_of_claim.get(claim.id, [])) if e]
            if events:
                reviews.append(review(analysis, claim, events, options, published))
    return reviews


def write_claimreview(
    data: ExportData, out: TextIO, options: ReviewOptions | None = None
) -> ReviewCounts:
    """Write ``{"@context": "https://schema.org", "@graph": [ClaimReview, ...]}``."""
    reviews = claim_reviews(data, options)
    json.dump({"@context": CONTEXT, "@graph": reviews}, out, ensure_ascii=False, indent=2)
    out.write("\n")
    claims = sum(len(analysis.claims) for analysis in data.analyses)
    return ReviewCounts(reviews=len(reviews), without_event=claims - len(reviews))


def review(
    analysis: ArticleAnalysis,
    claim: Claim,
    events: list[ExportEvent],
    options: ReviewOptions,
    published: str,
) -> dict[str, Any]:
    return {
        "@type": "ClaimReview",
        "url": review_url(claim, options.base_url),
        "claimReviewed": one_line(claim.content.text),
        "itemReviewed": item_reviewed(analysis, claim),
        "reviewRating": rating(events),
        "author": {"@type": "Organization", "name": options.reviewer},
        "datePublished": published,
    }


def review_url(claim: Claim, base_url: str | None) -> str:
    """``BASE#claim-id`` where the reviews are published; else the claim's URN."""
    if base_url:
        return f"{base_url.split('#')[0]}#{claim.id}"
    return f"urn:corroborate:claim:{claim.id}"


def item_reviewed(analysis: ArticleAnalysis, claim: Claim) -> dict[str, Any]:
    """The Claim: who made it (its origin, not the outlets relaying it), where it appeared."""
    article = analysis.article
    published = article.published.isoformat() if article.published else None
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if article.url:
        appearance["url"] = article.url
    else:
        appearance["identifier"] = article.id  # a file read offline has no address
    if article.title:
        appearance["headline"] = one_line(article.title)
    appearance["publisher"] = {"@type": "Organization", "name": outlet(article)}
    if published:
        appearance["datePublished"] = published
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.sources:
        item["author"] = author(analysis, claim)
    if published:
        item["datePublished"] = published
    item["appearance"] = appearance
    item["text"] = one_line(claim.sentence.text)
    return item


def author(analysis: ArticleAnalysis, claim: Claim) -> dict[str, str]:
    ref = claim.sources[0]
    entity = analysis.entity(ref.entity_id)
    kind = "Person" if entity is not None and entity.kind in _PERSON_KINDS else "Organization"
    return {"@type": kind, "name": source_name(analysis, ref)}


def rating(events: list[ExportEvent]) -> dict[str, Any]:
    """The verdict in words; a claim about several events gets each distinct verdict."""
    verdicts = list(dict.fromkeys(event.corroboration.verdict for event in events))
    return {
        "@type": "Rating",
        "alternateName": "; ".join(v for v in verdicts if v) or "no attributed claims",
        "ratingExplanation": " ".join(_explanation(event) for event in events),
    }


def _explanation(event: ExportEvent) -> str:
    main = event.main.event
    what = main.sub_type or main.type or "Event"
    where = f" at {one_line(event.place_name)}" if event.place_name else ""
    when = f" on {event.date}" if event.date else ""
    groups = "; ".join(
        f"{group}: {', '.join(names)}" for group, names in event.corroboration.origins.items()
    )
    text = f"{what}{where}{when}: {len(event.articles)} article(s)"
    text += f", independent origins by group: {groups}." if groups else "."
    return text
