"""The situation report: every sentence cites the sentences it came from and keeps hedges.

``build_sitrep`` turns article analyses into a plain :class:`Sitrep` structure; the
renderers print it on a rich console, or write it as Markdown or one self-contained HTML
file.
"""

from __future__ import annotations

from corroborate.report.html import render_html
from corroborate.report.markdown import render_markdown
from corroborate.report.sitrep import (
    CaptionCount,
    Citation,
    ClaimLine,
    ContradictionLine,
    Section,
    Sitrep,
    SkippedArticle,
    SourceGroup,
    VerificationLine,
    build_sitrep,
)
from corroborate.report.terminal import render_terminal

__all__ = [
    "CaptionCount",
    "Citation",
    "ClaimLine",
    "ContradictionLine",
    "Section",
    "Sitrep",
    "SkippedArticle",
    "SourceGroup",
    "VerificationLine",
    "build_sitrep",
    "render_html",
    "render_markdown",
    "render_terminal",
]
