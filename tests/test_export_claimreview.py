"""The ClaimReview export: schema.org's properties only, and a verdict that is no truth rating."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

from corroborate.export import ReviewOptions, claim_reviews, collect, export_ledger
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

# The properties schema.org lists for each type (https://schema.org/ClaimReview, /Claim,
# /Rating, /CreativeWork, /Thing), written out by hand; only those an export could use.
THING = {
    "additionalType", "alternateName", "description", "disambiguatingDescription",
    "identifier", "image", "mainEntityOfPage", "name", "potentialAction", "sameAs",
    "subjectOf", "url",
}  # fmt: skip
CREATIVE_WORK = THING | {
    "about", "abstract", "author", "citation", "contentLocation", "creator", "dateCreated",
    "dateModified", "datePublished", "headline", "inLanguage", "isBasedOn", "keywords",
    "publisher", "sourceOrganization", "text",
}  # fmt: skip
REVIEW = CREATIVE_WORK | {
    "associatedClaimReview", "associatedMediaReview", "associatedReview", "itemReviewed",
    "negativeNotes", "positiveNotes", "reviewAspect", "reviewBody", "reviewRating",
}  # fmt: skip
CLAIM_REVIEW = REVIEW | {"claimReviewed"}
CLAIM = CREATIVE_WORK | {"appearance", "claimInterpreter", "firstAppearance"}
RATING = THING | {
    "author", "bestRating", "ratingExplanation", "ratingValue", "reviewAspect", "worstRating",
}  # fmt: skip
AGENT = THING  # Person and Organization: only Thing's properties are used
JSON_LD = {"@type", "@id"}
REQUIRED = {"claimReviewed", "itemReviewed", "reviewRating", "author", "datePublished", "url"}


def _check_keys(review: dict[str, Any]) -> None:
    assert set(review) - JSON_LD <= CLAIM_REVIEW
    assert set(review) >= REQUIRED
    assert review["@type"] == "ClaimReview"
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert set(item) - JSON_LD <= CLAIM
    assert set(item["appearance"]) - JSON_LD <= CREATIVE_WORK
    assert set(item["appearance"]["publisher"]) - JSON_LD <= AGENT
    if "author" in item:
        assert item["author"]["@type"] in ("Person", "Organization")
        assert set(item["author"]) - JSON_LD <= AGENT
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert set(rating) - JSON_LD <= RATING
    # Corroborate never picks a winner: a verdict in words, no number on any scale.
    assert not {"ratingValue", "bestRating", "worstRating"} & set(rating)
    assert isinstance(rating["alternateName"], str) and rating["alternateName"]
    assert review["author"]["@type"] == "Organization"
    dt.date.fromisoformat(review["datePublished"])


def test_export_claimreview_example_has_schema_org_properties_only(example_ledger: Path) -> None:
    out = io.StringIO()
    result = export_ledger(example_ledger, "claimreview", out)
    document = json.loads(out.getvalue())
    assert document["@context"] == "https://schema.org"
    reviews = document["@graph"]
    assert len(reviews) == result.records >= 1
    for review in reviews:
        _check_keys(review)
        assert review["author"]["name"] == "Corroborate"
        assert review["url"].startswith("urn:corroborate:claim:")
    verdicts = " ".join(r["reviewRating"]["alternateName"] for r in reviews)
    assert "claimed by one side only" in verdicts


def _analysis() -> ArticleAnalysis:
    text = "Governor Gladkov said a drone hit Belgorod. Officials said the weather was fine."
    drone = Claim(
        id="a-c1",
        article_id="a",
        content=Span(22, 42, text[22:42]),
        sentence=Span(0, 43, text[:43]),
        sources=[SourceRef("Gladkov", Span(9, 16, "Gladkov"), "a-e1")],
    )
    weather = Claim(
        id="a-c2",
        article_id="a",
        content=Span(58, 79, text[58:79]),
        sentence=Span(44, 80, text[44:80]),
        sources=[SourceRef("Officials", Span(44, 53, "Officials"), None)],
    )
    belgorod = PlaceMention(
        Span(34, 42, "Belgorod"), "Belgorod", 50.61, 36.58, "Belgorod Oblast", "RU",
        "settlement", 578072,
    )  # fmt: skip
    event = Event(
        id="a-v1",
        article_id="a",
        type="Explosions/Remote violence",
        sub_type="Air/drone strike",
        date="2024-03-12",
        place="Belgorod",
        claim_ids=["a-c1"],
        place_mention=belgorod,
        date_precision="day",
    )
    gladkov = Entity("a-e1", "Vyacheslav Gladkov", "person", actor_id="gladkov",
                     affiliation="russian_state", side="russia")  # fmt: skip
    article = Article(
        "a", text, "a.txt", "text", url="https://example.org/news/a", outlet="Example News",
        published=dt.date(2024, 3, 12), title="Drone over Belgorod",
    )  # fmt: skip
    return ArticleAnalysis(article=article, entities=[gladkov], claims=[drone, weather],
                           events=[event])  # fmt: skip


def test_export_claimreview_reviewer_url_date_and_claim_author() -> None:
    options = ReviewOptions(
        reviewer="Verification Desk",
        published=dt.date(2024, 3, 14),
        base_url="https://desk.example.org/checks",
    )
    [review] = claim_reviews(collect([_analysis()]), options)  # the weather claim: no event
    _check_keys(review)
    assert review["claimReviewed"] == "a drone hit Belgorod"
    assert review["url"] == "https://desk.example.org/checks#a-c1"
    assert review["author"] == {"@type": "Organization", "name": "Verification Desk"}
    assert review["datePublished"] == "2024-03-14"
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Vyacheslav Gladkov"}
    assert item["datePublished"] == "2024-03-12"
    assert item["appearance"]["url"] == "https://example.org/news/a"
    assert item["appearance"]["publisher"]["name"] == "Example News"
    assert item["text"] == "Governor Gladkov said a drone hit Belgorod."
    rating = review["reviewRating"]
    assert rating["alternateName"] == (
        "claimed by one side only (Russia), not independently confirmed"
    )
    assert "Air/drone strike at Belgorod" in rating["ratingExplanation"]
