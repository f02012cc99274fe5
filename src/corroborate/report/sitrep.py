"""Build a situation report from article analyses: one plain structure every renderer shares.

Each line of the report quotes the words it came from and carries a citation label that
points to the source sentence (article, character offsets, text). Claims stay attributed
to their sources and keep their hedges; nothing is stated as fact. The wording is decided
here, once, so the terminal, Markdown and HTML reports say exactly the same thing.

The report has two parts: per article (:mod:`corroborate.report.sections`), then across
articles (:mod:`corroborate.report.across`), the events several articles report. The
records live in :mod:`corroborate.report.records` and
:mod:`corroborate.report.across_records`; they are importable from here as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from corroborate.errors import ConfigError
from corroborate.models import ArticleAnalysis
from corroborate.report.across import build_across
from corroborate.report.across_records import (
    Across,
    ClusterClaim,
    ClusterContradiction,
    ClusterReport,
    Position,
    SideClaims,
    TimelineLine,
)
from corroborate.report.citations import Writer
from corroborate.report.records import (
    DISCLAIMER,
    TITLE_LENGTH,
    UNNAMED_SOURCE,
    CaptionCount,
    Citation,
    ClaimLine,
    ContradictionLine,
    Section,
    SkippedArticle,
    SourceGroup,
    VerificationLine,
    article_label,
    join_names,
    one_line,
    plural,
    shorten,
    source_name,
)
from corroborate.report.sections import plan_sections, write_section

__all__ = [
    "DISCLAIMER",
    "TITLE_LENGTH",
    "UNNAMED_SOURCE",
    "Across",
    "CaptionCount",
    "Citation",
    "ClaimLine",
    "ClusterClaim",
    "ClusterContradiction",
    "ClusterReport",
    "ContradictionLine",
    "Position",
    "Section",
    "SideClaims",
    "Sitrep",
    "SkippedArticle",
    "SourceGroup",
    "TimelineLine",
    "VerificationLine",
    "article_label",
    "build_sitrep",
    "join_names",
    "one_line",
    "plural",
    "shorten",
    "source_name",
]


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
    # The events several articles report, compared; after the sections, so that citation
    # labels keep following reading order.
    across: Across = field(default_factory=Across)

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


def build_sitrep(
    analyses: Sequence[ArticleAnalysis],
    *,
    title: str | None = None,
    across: bool = True,
    min_articles: int = 2,
) -> Sitrep:
    """Word the claims of ``analyses`` into a cited situation report.

    Sections come in input order: every event first, then, per article, the claims tied to
    no event. Citation labels are numbered in reading order, so the same input always
    gives the same report. With ``across``, the events reported by at least
    ``min_articles`` articles follow, compared across articles; a ledger of one article
    has nothing to compare, and the part is then a note saying so.
    """
    if min_articles < 1:
        raise ConfigError(
            f"min_articles is {min_articles}: an event is reported by at least one article; "
            "give 1 or more"
        )
    analysed = [analysis for analysis in analyses if analysis.analysed]
    writer = Writer(analysed)
    sections = tuple(write_section(writer, plan) for plan in plan_sections(analysed))
    contradictions = writer.contradictions()
    compared = (
        build_across(analyses, writer, min_articles=min_articles)
        if across
        else Across(compared=len(analysed), min_articles=min_articles)
    )
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
        contradictions=contradictions,
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
        across=compared,
    )


def _default_title(analyses: Sequence[ArticleAnalysis]) -> str:
    dates = sorted({a.article.published for a in analyses if a.article.published is not None})
    if not dates:
        return "Situation report"
    if dates[0] == dates[-1]:
        return f"Situation report, {dates[0].isoformat()}"
    return f"Situation report, {dates[0].isoformat()} to {dates[-1].isoformat()}"
