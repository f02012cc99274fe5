"""The ledger's events across articles: one line of account per event cluster.

For each cluster: what happened where and when, how many articles and independent
origins report it, what each side says (with the sentence cited), the contradictions
between the parties, and the corroboration verdict.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from corroborate.contradict.across import contradictions_across, stored_claims
from corroborate.merge.claims import ClaimMention, GroupedClaim, group_claims
from corroborate.merge.clusters import EventClusterer
from corroborate.merge.corroboration import Corroboration, corroborate_event
from corroborate.models import ArticleAnalysis


@dataclass
class ClusterDigest:
    id: str
    title: str
    first_date: str | None
    articles: list[str]
    origins: int
    claims: list[GroupedClaim] = field(default_factory=list)
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
        mentions: list[ClaimMention] = []
        for article_id, event in cluster.events:
            analysis = by_id[article_id]
            claims = {c.id: c for c in analysis.claims}
            for claim_id in event.claim_ids:
                claim = claims.get(claim_id)
                if claim is None:
                    continue
                ref = claim.sources[0] if claim.sources else None
                entity = analysis.entity(ref.entity_id) if ref is not None else None
                source = ref.name if ref is not None else "unnamed source"
                key = entity.actor_id if entity and entity.actor_id else source.lower()
                where = analysis.article.url or analysis.article.source
                mentions.append(ClaimMention(key, source, claim.content.text, where))
        item.claims = group_claims(mentions)
        # Across articles: claims of different origins whose slots cannot both hold.
        stored = [
            c
            for article_id in articles
            for c in stored_claims(
                by_id[article_id],
                origin_of[article_id],
                {i for a, e in cluster.events if a == article_id for i in e.claim_ids},
            )
        ]
        for _, _, why in contradictions_across(stored):
            if why not in item.contradictions:
                item.contradictions.append(why)
        for article_id, event in cluster.events:
            analysis = by_id[article_id]
            for contradiction in analysis.contradictions:
                about = {contradiction.a, contradiction.b} & set(event.claim_ids)
                if about and contradiction.why not in item.contradictions:
                    item.contradictions.append(contradiction.why)
        digests.append(item)
    return sorted(digests, key=lambda d: (d.first_date or "9999", d.id))
