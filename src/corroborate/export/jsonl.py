"""JSON Lines: one claim per line, with everything needed to find it again in its article.

Each line is a claim with its provenance: the article (id, url, outlet, date), the
sentence and the claim's words with their character offsets into the article text as it
was read, who said it (name as written, the entity and knowledge-base actor it resolves
to, affiliation and side), the relay chain, the channel and cue, hedging, the status the
text gives it, the reporter's verification statements about it, the claims of the same
article it contradicts, and the events it supports (the ids of the GeoJSON features).
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from corroborate.export.events import ExportData, outlet
from corroborate.models import ArticleAnalysis, Claim, SourceRef, Span
from corroborate.report.sitrep import source_name


def write_jsonl(data: ExportData, out: TextIO) -> int:
    """Write one JSON object per claim, in ledger order; return the number of lines."""
    count = 0
    for analysis in data.analyses:
        for claim in analysis.claims:
            out.write(json.dumps(claim_record(analysis, claim, data), ensure_ascii=False))
            out.write("\n")
            count += 1
    return count


def claim_record(analysis: ArticleAnalysis, claim: Claim, data: ExportData) -> dict[str, Any]:
    """The line of one claim (see ``docs/exports.md`` for every field)."""
    article = analysis.article
    return {
        "claim_id": claim.id,
        "article": {
            "id": article.id,
            "url": article.url,
            "outlet": outlet(article),
            "published": article.published.isoformat() if article.published else None,
            "title": article.title,
            "language": article.language,
            "input": article.source,
        },
        "sentence": span(claim.sentence),
        "content": span(claim.content),
        "cue": span(claim.cue) if claim.cue is not None else None,
        "sources": [source(analysis, ref) for ref in claim.sources],
        "via": [source(analysis, ref) for ref in claim.via],
        "channel": claim.channel,
        "kind": claim.kind,
        "hedged": claim.hedged,
        "hedge_cues": list(claim.hedge_cues),
        "certainty": claim.certainty,
        "polarity": claim.polarity,
        "status": claim.status,
        "verification": [
            {**span(statement.span), "status": statement.status, "scope": statement.scope}
            for statement in analysis.verification_statements
            if claim.id in statement.qualifies or statement.scope == "article"
        ],
        "contradicts": [
            {"claim_id": c.b if c.a == claim.id else c.a, "why": c.why}
            for c in analysis.contradictions
            if claim.id in (c.a, c.b)
        ],
        "slots": dict(claim.slots),
        "event_ids": list(data.events_of_claim.get(claim.id, [])),
    }


def span(value: Span) -> dict[str, Any]:
    """Text with its offsets: ``article.text[start:end] == text`` (Python str indices)."""
    return {"text": value.text, "start": value.start, "end": value.end}


def source(analysis: ArticleAnalysis, ref: SourceRef) -> dict[str, Any]:
    """A source or relay: as written, as resolved, and what the knowledge base says of it."""
    entity = analysis.entity(ref.entity_id)
    return {
        "name": source_name(analysis, ref),
        "written": span(ref.span) if ref.span is not None else None,
        "entity_id": ref.entity_id,
        "actor_id": entity.actor_id if entity is not None else None,
        "kind": entity.kind if entity is not None else None,
        "affiliation": entity.affiliation if entity is not None else None,
        "side": entity.side if entity is not None else None,
    }
