"""The per-article part of a situation report: one section per event, then loose claims.

Sections come in input order: every event first, then, per article, the claims tied to no
event. A section is planned first (which claims, in which order, which notes), then worded
by the report's one :class:`~corroborate.report.citations.Writer`, so citation labels
follow reading order. Every verification statement is kept, even one that qualifies no
claim shown: it goes to its article's section of loose claims.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from corroborate.models import ArticleAnalysis, Claim, Event
from corroborate.models import VerificationStatement as Statement
from corroborate.nlp.datelines import dateline_end
from corroborate.report.citations import Writer, unique_statements
from corroborate.report.records import (
    Section,
    SourceGroup,
    article_label,
    join_names,
    one_line,
    shorten,
    source_name,
)


@dataclass
class Plan:
    """A section before wording: which claims, in which order, with which notes."""

    kind: Literal["event", "topic"]
    title: str
    details: list[str]
    claims: list[tuple[ArticleAnalysis, Claim]] = field(default_factory=list)
    orphan_notes: list[tuple[ArticleAnalysis, Statement]] = field(default_factory=list)


def plan_sections(analysed: list[ArticleAnalysis]) -> list[Plan]:
    """Every section of the per-article part, in reading order."""
    plans = _event_plans(analysed) + _topic_plans(analysed)
    _place_orphan_statements(analysed, plans)
    return plans


def write_section(writer: Writer, plan: Plan) -> Section:
    """Word a planned section: its claims by source, each source's verifications after."""
    by_source: dict[str, list[tuple[ArticleAnalysis, Claim]]] = {}
    for analysis, claim in plan.claims:
        name = join_names(source_name(analysis, ref) for ref in claim.sources)
        by_source.setdefault(name, []).append((analysis, claim))
    groups = tuple(_group(writer, name, members) for name, members in by_source.items())
    article_wide = [
        pair
        for article_id in dict.fromkeys(analysis.article.id for analysis, _ in plan.claims)
        for pair in writer.statements_on_article(article_id)
    ]
    notes = tuple(
        writer.verification(analysis, statement)
        for analysis, statement in unique_statements(article_wide + plan.orphan_notes)
    )
    return Section(plan.kind, plan.title, tuple(plan.details), groups, notes)


def _group(writer: Writer, name: str, members: list[tuple[ArticleAnalysis, Claim]]) -> SourceGroup:
    lines = tuple(writer.claim_line(analysis, claim) for analysis, claim in members)
    qualifying = [pair for _, claim in members for pair in writer.statements_on_claim(claim.id)]
    verifications = tuple(
        writer.verification(analysis, statement)
        for analysis, statement in unique_statements(qualifying)
    )
    return SourceGroup(name, lines, verifications)


def _event_plans(analysed: list[ArticleAnalysis]) -> list[Plan]:
    claims_by_id = {c.id: (a, c) for a in analysed for c in a.claims}
    position = {
        c.id: (index, c.content.start) for index, a in enumerate(analysed) for c in a.claims
    }
    plans = []
    for analysis in analysed:
        for event in analysis.events:
            ids = [
                *event.claim_ids,
                *(i for i, (_, c) in claims_by_id.items() if c.event_id == event.id),
            ]
            known = sorted({i for i in ids if i in claims_by_id}, key=position.__getitem__)
            plans.append(
                Plan(
                    "event",
                    event_title(event),
                    _event_details(event, analysis),
                    [claims_by_id[i] for i in known],
                )
            )
    return plans


def event_title(event: Event) -> str:
    """``Battles / Armed clash — Tyotkino, 2024-03-12``."""
    title = event.type + (f" / {event.sub_type}" if event.sub_type else "")
    if event.place:
        title += f" — {event.place}"
    if event.date:
        title += f", {event.date}"
    return one_line(title)


def _event_details(event: Event, analysis: ArticleAnalysis) -> list[str]:
    details = []
    if event.actors:
        # Events name actors by entity id; the report shows the entity's canonical name.
        names = [
            entity.canonical if (entity := analysis.entity(actor)) is not None else actor
            for actor in event.actors
        ]
        details.append("actors: " + ", ".join(one_line(name) for name in dict.fromkeys(names)))
    if event.acted_by:
        details.append("by: " + ", ".join(one_line(name) for name in event.acted_by))
    if event.targets:
        details.append("against: " + ", ".join(one_line(name) for name in event.targets))
    details.append("reported in: " + article_label(analysis.article))
    return details


def _topic_plans(analysed: list[ArticleAnalysis]) -> list[Plan]:
    in_events = {claim_id for a in analysed for event in a.events for claim_id in event.claim_ids}
    event_ids = {event.id for a in analysed for event in a.events}
    plans = []
    for analysis in analysed:
        loose = [
            (analysis, claim)
            for claim in sorted(analysis.claims, key=lambda c: c.content.start)
            if claim.id not in in_events and claim.event_id not in event_ids
        ]
        if loose:
            plans.append(_topic_plan(analysis, loose))
    return plans


def _topic_plan(analysis: ArticleAnalysis, claims: list[tuple[ArticleAnalysis, Claim]]) -> Plan:
    return Plan(
        "topic",
        shorten(analysis.article.title or _first_body_sentence(analysis)),
        ["reported in: " + article_label(analysis.article)],
        claims,
    )


def _first_body_sentence(analysis: ArticleAnalysis) -> str:
    text = analysis.article.text
    kept_out = [(r.start, r.end) for r in analysis.captions]
    for sentence in analysis.sentences:
        overlaps = any(sentence.start < end and start < sentence.end for start, end in kept_out)
        written = sentence.text.strip()
        dateline = dateline_end(text, sentence.start) if written else None
        if overlaps or not written or (dateline is not None and dateline >= sentence.end - 1):
            continue  # "KYIV, Ukraine (AP) —" is where the story was filed, not what it says
        return sentence.text
    lines = [line for line in analysis.article.text.splitlines() if line.strip()]
    return lines[0] if lines else analysis.article.id


def _place_orphan_statements(analysed: list[ArticleAnalysis], plans: list[Plan]) -> None:
    """Keep every verification statement, even one that qualifies no claim shown."""
    shown = {claim.id for plan in plans for _, claim in plan.claims}
    for analysis in analysed:
        article_shown = any(claim.id in shown for claim in analysis.claims)
        orphans = [
            statement
            for statement in analysis.verification_statements
            if not (
                article_shown if statement.scope == "article" else shown & set(statement.qualifies)
            )
        ]
        if not orphans:
            continue
        home = next(
            (p for p in plans if p.kind == "topic" and p.claims and p.claims[0][0] is analysis),
            None,
        )
        if home is None:
            home = _topic_plan(analysis, [])
            plans.append(home)
        home.orphan_notes.extend((analysis, statement) for statement in orphans)
