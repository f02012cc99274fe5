"""The ledger's events across articles: one line of account per event cluster.

For each cluster: what happened where and when, how many articles and independent
origins report it, what each side says (with the sentence cited), the contradictions
between the parties, and the corroboration verdict.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from corroborate.merge.clusters import EventClusterer
from corroborate.merge.corroboration import Corroboration, corroborate_event
from corroborate.models import ArticleAnalysis


@dataclass
class ClaimLine:
    source: str
    text: str
    article: str  # where it was read: the article's source path or URL


@dataclass
class ClusterDigest:
    id: str
    title: str
    first_date: str | None
    articles: list[str]
    origins: int
    claims: list[ClaimLine] = field(default_factory=list)
    contradictions: list[str] = field(default_factory=list)
    corroboration: Corroboration = field(default_factory=Corroboration)


def digest(analyses: Iterable[ArticleAnalysis]) -> list[ClusterDigest]:
    """Cluster the events of every analysis and account for each cluster, by date."""
    by_id: dict[str, ArticleAnalysis] = {}
    clusterer = EventClusterer()
    for analysis in analyses:
        by_id[analysis.article.id] = analysis
        clusterer.add(analysis)
    digests = []
    for cluster in clusterer.clusters.values():
        articles = list(dict.fromkeys(article_id for article_id, _ in cluster.events))
        origins = {clusterer.copies.origin(a) or a for a in articles}
        origin_of = {a: clusterer.copies.origin(a) or a for a in articles}
        first = min(cluster.events, key=lambda item: item[1].date or "9999")[1]
        title = first.type + (f" / {first.sub_type}" if first.sub_type else "")
        if first.place:
            title += f" at {first.place}"
        item = ClusterDigest(
            id=cluster.id,
            title=title,
            first_date=first.date,
            articles=[by_id[a].article.url or by_id[a].article.source for a in articles],
            origins=len(origins),
            corroboration=corroborate_event(cluster.events, by_id, origin_of),
        )
        seen_claims: set[tuple[str, str]] = set()
        for article_id, event in cluster.events:
            analysis = by_id[article_id]
            claims = {c.id: c for c in analysis.claims}
            for claim_id in event.claim_ids:
                claim = claims.get(claim_id)
                if claim is None:
                    continue
                source = claim.sources[0].name if claim.sources else "unnamed source"
                key = (source.lower(), claim.content.text.lower())
                if key in seen_claims:
                    continue  # the same source saying the same thing: one claim
                seen_claims.add(key)
                where = analysis.article.url or analysis.article.source
                item.claims.append(ClaimLine(source, claim.content.text, where))
            for contradiction in analysis.contradictions:
                about = {contradiction.a, contradiction.b} & set(event.claim_ids)
                if about and contradiction.why not in item.contradictions:
                    item.contradictions.append(contradiction.why)
        digests.append(item)
    return sorted(digests, key=lambda d: (d.first_date or "9999", d.id))
