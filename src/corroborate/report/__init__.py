"""The situation report: every sentence cites the sentences it came from and keeps hedges.

``build_sitrep`` turns article analyses into a plain :class:`Sitrep` structure: a part
per article, then a part across articles for the events several articles report (what
each side says, contradictions, corroboration, a timeline). The renderers print it on a
rich console, or write it as Markdown or one self-contained HTML file.
"""

from __future__ import annotations

from corroborate.report.html import render_html
from corroborate.report.markdown import render_markdown
from corroborate.report.sitrep import (
    Across,
    CaptionCount,
    Citation,
    ClaimLine,
    ClusterClaim,
    ClusterContradiction,
    ClusterReport,
    ContradictionLine,
    Section,
    SideClaims,
    Sitrep,
    SkippedArticle,
    SourceGroup,
    TimelineLine,
    VerificationLine,
    build_sitrep,
)
from corroborate.report.terminal import render_terminal

__all__ = [
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
    "build_sitrep",
    "render_html",
    "render_markdown",
    "render_terminal",
]
