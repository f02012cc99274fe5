"""Build a situation report from article analyses: one plain structure every renderer shares.

Each line of the report quotes the words it came from and carries a citation label that
points to the source sentence (article, character offsets, text). Claims stay attributed
to their sources and keep their hedges; nothing is stated as fact. The wording is decided
here, once, so the terminal, Markdown and HTML reports say exactly the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from corroborate.models import Article, ArticleAnalysis, Claim, Event, SourceRef, Span
from corroborate.models import VerificationStatement as Statement

UNNAMED_SOURCE = "Unnamed source"
DISCLAIMER = "Every line quotes its source sentence; nothing here is stated as fact."
TITLE_LENGTH = 80


@dataclass(frozen=True)
class Citation:
    """One source sentence, numbered in order of first appearance in the report."""

    label: int
    article_id: str
    article: str
    published: str | None
    url: str | None
    source: str
    sentence: str
    start: int
    end: int

    @property
    def marker(self) -> str:
        return f"[{self.label}]"

    @property
    def where(self) -> str:
        """The article as a reader names it: outlet (or title, or input) and date."""
        return f"{self.article}, {self.published}" if self.published else self.article


@dataclass(frozen=True)
class ClaimLine:
    """One attributed claim, worded in plain words with its hedges kept."""

    claim_id: str
    source: str
    text: str
    quote: str
    cue: str | None
    channel: str | None
    via: tuple[str, ...]
    hedged: bool
    hedge_cues: tuple[str, ...]
    certainty: str
    status: str | None
    polarity: str
    kind: str
    citation: Citation

    @property
    def relay(self) -> str | None:
        """The relay chain, nearest teller first: ``via Reuters ← AFP``."""
        return "via " + " ← ".join(self.via) if self.via else None

    @property
    def hedging(self) -> str:
        """``hedged: would, claimed; certainty: possible`` or ``not hedged``."""
        parts: list[str] = []
        if self.hedged or self.hedge_cues:
            parts.append("hedged: " + ", ".join(self.hedge_cues) if self.hedge_cues else "hedged")
        if self.certainty != "certain":
            parts.append(f"certainty: {self.certainty}")
        return "; ".join(parts) if parts else "not hedged"


@dataclass(frozen=True)
class VerificationLine:
    """The reporter's own word on verification, shown beside the claims it qualifies."""

    text: str
    quote: str
    status: str
    scope: str
    citation: Citation


@dataclass(frozen=True)
class SourceGroup:
    """The claims of one source (or set of joint sources) within a section."""

    source: str
    claims: tuple[ClaimLine, ...]
    verifications: tuple[VerificationLine, ...]


@dataclass(frozen=True)
class Section:
    """An event, or the claims of one article that are tied to no event."""

    kind: Literal["event", "topic"]
    title: str
    details: tuple[str, ...]
    groups: tuple[SourceGroup, ...]
    notes: tuple[VerificationLine, ...]


@dataclass(frozen=True)
class ContradictionLine:
    """Two claims that cannot both hold; shown side by side, never resolved."""

    why: str
    first: ClaimLine
    second: ClaimLine


@dataclass(frozen=True)
class SkippedArticle:
    article_id: str
    article: str
    reason: str


@dataclass(frozen=True)
class CaptionCount:
    """Photo captions and stray headings kept out of one article's news body."""

    article_id: str
    article: str
    count: int


@dataclass(frozen=True)
class Sitrep:
    title: str
    article_count: int
    analysed_count: int
    claim_count: int
    source_count: int
    event_count: int
    sections: tuple[Section, ...]
    contradictions: tuple[ContradictionLine, ...]
    skipped: tuple[SkippedArticle, ...]
    captions: tuple[CaptionCount, ...]
    references: tuple[Citation, ...]

    @property
    def caption_count(self) -> int:
        return sum(entry.count for entry in self.captions)

    @property
    def summary(self) -> str:
        return (
            f"{plural(self.article_count, 'article')} ({self.analysed_count} analysed) · "
            f"{plural(self.claim_count, 'claim')} · {plural(self.source_count, 'source')} · "
            f"{plural(self.event_count, 'event')}"
        )

    @property
    def caption_summary(self) -> str:
        if self.caption_count == 1:
            return "1 photo caption or heading was kept out of the news body, uncited:"
        return (
            f"{self.caption_count} photo captions and headings were kept out of the news "
            "body, uncited:"
        )


def one_line(text: str) -> str:
    """Collapse the line breaks and runs of spaces of article text for display."""
    return re.sub(r"\s+", " ", text).strip()


def article_label(article: Article) -> str:
    return article.outlet or article.title or article.source


def source_name(analysis: ArticleAnalysis, ref: SourceRef) -> str:
    """The resolved entity's canonical name when known, else the name in the text."""
    entity = analysis.entity(ref.entity_id)
    name = entity.canonical if entity is not None else ref.name
    return one_line(name) or UNNAMED_SOURCE


def join_names(names: Iterable[str]) -> str:
    unique = list(dict.fromkeys(names))
    if not unique:
        return UNNAMED_SOURCE
    if len(unique) == 1:
        return unique[0]
    return ", ".join(unique[:-1]) + " and " + unique[-1]


def plural(count: int, noun: str) -> str:
    """``1 claim``, ``2 claims``: nouns of the report are all regular."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def shorten(text: str, limit: int = TITLE_LENGTH) -> str:
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


class _Citations:
    """Numbers source sentences in the order the report first cites them."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, int, int], Citation] = {}

    def cite(self, analysis: ArticleAnalysis, sentence: Span) -> Citation:
        article = analysis.article
        key = (article.id, sentence.start, sentence.end)
        if key not in self._by_key:
            self._by_key[key] = Citation(
                label=len(self._by_key) + 1,
                article_id=article.id,
                article=article_label(article),
                published=article.published.isoformat() if article.published else None,
                url=article.url,
                source=article.source,
                sentence=sentence.text,
                start=sentence.start,
                end=sentence.end,
            )
        return self._by_key[key]

    def all(self) -> tuple[Citation, ...]:
        return tuple(sorted(self._by_key.values(), key=lambda c: c.label))


@dataclass
class _Plan:
    """A section before wording: which claims, in which order, with which notes."""

    kind: Literal["event", "topic"]
    title: str
    details: list[str]
    claims: list[tuple[ArticleAnalysis, Claim]] = field(default_factory=list)
    orphan_notes: list[tuple[ArticleAnalysis, Statement]] = field(default_factory=list)


def build_sitrep(analyses: Sequence[ArticleAnalysis], *, title: str | None = None) -> Sitrep:
    """Word the claims of ``analyses`` into a cited situation report.

    Sections come in input order: every event first, then, per article, the claims tied to
    no event. Citation labels are numbered in reading order, so the same input always
    gives the same report.
    """
    analysed = [analysis for analysis in analyses if analysis.analysed]
    plans = _event_plans(analysed) + _topic_plans(analysed)
    _place_orphan_statements(analysed, plans)
    writer = _Writer(analysed)
    sections = tuple(writer.section(plan) for plan in plans)
    return Sitrep(
        title=title or _default_title(analyses),
        article_count=len(analyses),
        analysed_count=len(analysed),
        claim_count=sum(len(analysis.claims) for analysis in analysed),
        source_count=len(
            {
                source_name(analysis, ref).casefold()
                for analysis in analysed
                for claim in analysis.claims
                for ref in claim.sources
            }
        ),
        event_count=sum(len(analysis.events) for analysis in analysed),
        sections=sections,
        contradictions=writer.contradictions(),
        skipped=tuple(
            SkippedArticle(
                a.article.id, article_label(a.article), a.skipped_reason or "no reason given"
            )
            for a in analyses
            if not a.analysed
        ),
        captions=tuple(
            CaptionCount(a.article.id, article_label(a.article), len(a.captions))
            for a in analysed
            if a.captions
        ),
        references=writer.citations.all(),
    )


def _default_title(analyses: Sequence[ArticleAnalysis]) -> str:
    dates = sorted({a.article.published for a in analyses if a.article.published is not None})
    if not dates:
        return "Situation report"
    if dates[0] == dates[-1]:
        return f"Situation report, {dates[0].isoformat()}"
    return f"Situation report, {dates[0].isoformat()} to {dates[-1].isoformat()}"


def _event_plans(analysed: list[ArticleAnalysis]) -> list[_Plan]:
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
                _Plan(
                    "event",
                    _event_title(event),
                    _event_details(event, analysis),
                    [claims_by_id[i] for i in known],
                )
            )
    return plans


def _event_title(event: Event) -> str:
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


def _topic_plans(analysed: list[ArticleAnalysis]) -> list[_Plan]:
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


def _topic_plan(analysis: ArticleAnalysis, claims: list[tuple[ArticleAnalysis, Claim]]) -> _Plan:
    return _Plan(
        "topic",
        shorten(analysis.article.title or _first_body_sentence(analysis)),
        ["reported in: " + article_label(analysis.article)],
        claims,
    )


def _first_body_sentence(analysis: ArticleAnalysis) -> str:
    kept_out = [(r.start, r.end) for r in analysis.captions]
    for sentence in analysis.sentences:
        overlaps = any(sentence.start < end and start < sentence.end for start, end in kept_out)
        if not overlaps and sentence.text.strip():
            return sentence.text
    lines = [line for line in analysis.article.text.splitlines() if line.strip()]
    return lines[0] if lines else analysis.article.id


def _place_orphan_statements(analysed: list[ArticleAnalysis], plans: list[_Plan]) -> None:
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


class _Writer:
    """Words claims and statements, citing each sentence the first time it is shown."""

    def __init__(self, analysed: list[ArticleAnalysis]) -> None:
        self.citations = _Citations()
        self._analysed = analysed
        self._lines: dict[str, ClaimLine] = {}
        self._by_claim: dict[str, list[tuple[ArticleAnalysis, Statement]]] = {}
        self._by_article: dict[str, list[tuple[ArticleAnalysis, Statement]]] = {}
        for analysis in analysed:
            for statement in analysis.verification_statements:
                if statement.scope == "article":
                    self._by_article.setdefault(analysis.article.id, []).append(
                        (analysis, statement)
                    )
                    continue
                for claim_id in dict.fromkeys(statement.qualifies):
                    self._by_claim.setdefault(claim_id, []).append((analysis, statement))

    def section(self, plan: _Plan) -> Section:
        by_source: dict[str, list[tuple[ArticleAnalysis, Claim]]] = {}
        for analysis, claim in plan.claims:
            name = join_names(source_name(analysis, ref) for ref in claim.sources)
            by_source.setdefault(name, []).append((analysis, claim))
        groups = tuple(self._group(name, members) for name, members in by_source.items())
        article_wide = [
            pair
            for article_id in dict.fromkeys(analysis.article.id for analysis, _ in plan.claims)
            for pair in self._by_article.get(article_id, [])
        ]
        notes = tuple(
            self._verification(analysis, statement)
            for analysis, statement in _unique_statements(article_wide + plan.orphan_notes)
        )
        return Section(plan.kind, plan.title, tuple(plan.details), groups, notes)

    def contradictions(self) -> tuple[ContradictionLine, ...]:
        return tuple(
            ContradictionLine(one_line(c.why), self._lines[c.a], self._lines[c.b])
            for analysis in self._analysed
            for c in analysis.contradictions
            if c.a in self._lines and c.b in self._lines
        )

    def _group(self, name: str, members: list[tuple[ArticleAnalysis, Claim]]) -> SourceGroup:
        lines = tuple(self._claim_line(analysis, claim) for analysis, claim in members)
        qualifying = [pair for _, claim in members for pair in self._by_claim.get(claim.id, [])]
        verifications = tuple(
            self._verification(analysis, statement)
            for analysis, statement in _unique_statements(qualifying)
        )
        return SourceGroup(name, lines, verifications)

    def _claim_line(self, analysis: ArticleAnalysis, claim: Claim) -> ClaimLine:
        if claim.id in self._lines:
            return self._lines[claim.id]
        names = list(dict.fromkeys(source_name(analysis, ref) for ref in claim.sources))
        source = join_names(names)
        line = ClaimLine(
            claim_id=claim.id,
            source=source,
            text="",
            quote=one_line(claim.content.text) or one_line(claim.sentence.text),
            cue=one_line(claim.cue.text) if claim.cue else None,
            channel=claim.channel.replace("_", " ") if claim.channel else None,
            via=tuple(source_name(analysis, ref) for ref in claim.via),
            hedged=claim.hedged,
            hedge_cues=tuple(dict.fromkeys(one_line(cue) for cue in claim.hedge_cues)),
            certainty=claim.certainty,
            status=claim.status,
            polarity=claim.polarity,
            kind=claim.kind,
            citation=self.citations.cite(analysis, claim.sentence),
        )
        worded = replace(line, text=_claim_text(line, several=len(names) > 1))
        self._lines[claim.id] = worded
        return worded

    def _verification(self, analysis: ArticleAnalysis, statement: Statement) -> VerificationLine:
        sentence = _containing_sentence(analysis, statement.span)
        quote = one_line(sentence.text)
        if statement.scope == "article":
            who = f"Reporter, on every claim in {article_label(analysis.article)}"
        else:
            who = "Reporter"
        return VerificationLine(
            text=f"{who}: “{quote}”",
            quote=quote,
            status=statement.status,
            scope=statement.scope,
            citation=self.citations.cite(analysis, sentence),
        )


def _claim_text(line: ClaimLine, *, several: bool) -> str:
    """``Baza (via Reuters; channel: telegram) says, hedged (“would”): “…”``."""
    context = [line.relay] if line.relay else []
    if line.channel:
        context.append(f"channel: {line.channel}")
    who = line.source + (f" ({'; '.join(context)})" if context else "")
    singular, plural = _CUE_VERBS.get((line.cue or "").casefold()[:5], ("says", "say"))
    verb = plural if several else singular
    text = f"{who} {verb}{_hedge_phrase(line)}: “{line.quote}”"
    if line.status:
        text += f" (stated as {line.status})"
    return text


# Cues whose sense a plain "says" would lose, keyed by their first letters.
_CUE_VERBS = {
    "claim": ("claims", "claim"),
    "denie": ("denies", "deny"),
    "deny": ("denies", "deny"),
    "denyi": ("denies", "deny"),
}


def _hedge_phrase(line: ClaimLine) -> str:
    certainty = f"certainty: {line.certainty}" if line.certainty != "certain" else ""
    if line.hedged or line.hedge_cues:
        inside = ", ".join(f"“{cue}”" for cue in line.hedge_cues)
        inside = "; ".join(part for part in (inside, certainty) if part)
        return f", hedged ({inside})" if inside else ", hedged"
    return f" ({certainty})" if certainty else ""


def _unique_statements(
    pairs: Iterable[tuple[ArticleAnalysis, Statement]],
) -> list[tuple[ArticleAnalysis, Statement]]:
    """Each statement once, articles in order of first appearance, text order within."""
    unique: dict[tuple[str, int, int], tuple[ArticleAnalysis, Statement]] = {}
    for analysis, statement in pairs:
        key = (analysis.article.id, statement.span.start, statement.span.end)
        unique.setdefault(key, (analysis, statement))
    article_order = {key[0]: index for index, key in reversed(list(enumerate(unique)))}
    return [unique[key] for key in sorted(unique, key=lambda k: (article_order[k[0]], k[1]))]


def _containing_sentence(analysis: ArticleAnalysis, span: Span) -> Span:
    for sentence in analysis.sentences:
        if sentence.start <= span.start < sentence.end:
            return sentence
    return span
