"""The lines of a situation report, and the few text helpers every part words them with.

The records are plain frozen dataclasses: the builders fill them once, and the terminal,
Markdown and HTML renderers only read them, so the three reports say the same thing. Here
are the lines every part shares (citations, claims, verification statements) and those of
the per-article part; :mod:`corroborate.report.across_records` has the part across
articles, and :class:`corroborate.report.sitrep.Sitrep` holds both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from corroborate.models import Article, ArticleAnalysis, SourceRef

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
