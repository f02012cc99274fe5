"""Tests of the terminal, Markdown and HTML renderings of a situation report."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from rich.console import Console

from corroborate.models import (
    Article,
    ArticleAnalysis,
    Claim,
    SourceRef,
    Span,
    VerificationStatement,
)
from corroborate.report import Sitrep, build_sitrep, render_html, render_markdown, render_terminal

TEXT = (
    "Baza reported, citing Reuters, that battles would take place in Tjotkino. "
    "The information could not be independently confirmed. "
    "The governor said <script>alert(1)</script> [bold]shelling[/bold] hit Prilesje."
)
HEDGED_SENTENCE = "Baza reported, citing Reuters, that battles would take place in Tjotkino."
HOSTILE_SENTENCE = "The governor said <script>alert(1)</script> [bold]shelling[/bold] hit Prilesje."


def span_of(words: str) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words), words)


@pytest.fixture()
def sitrep() -> Sitrep:
    hedged = Claim(
        id="c-battles",
        article_id="a1",
        content=span_of("battles would take place in Tjotkino"),
        sentence=span_of(HEDGED_SENTENCE),
        sources=[SourceRef("Baza")],
        cue=span_of("reported"),
        via=[SourceRef("Reuters")],
        hedged=True,
        hedge_cues=["would"],
    )
    hostile = Claim(
        id="c-shelling",
        article_id="a1",
        content=span_of("<script>alert(1)</script> [bold]shelling[/bold] hit Prilesje"),
        sentence=span_of(HOSTILE_SENTENCE),
        sources=[SourceRef("the governor")],
        cue=span_of("said"),
    )
    analysis = ArticleAnalysis(
        article=Article(
            id="a1",
            text=TEXT,
            source="inputs/a1.txt",
            format="dated",
            outlet="Example News",
            url="https://example.org/a1",
            published=dt.date(2024, 3, 12),
            title="Raid on Tjotkino",
        ),
        sentences=[span_of(HEDGED_SENTENCE), span_of(HOSTILE_SENTENCE)],
        claims=[hedged, hostile],
        verification_statements=[
            VerificationStatement(
                span_of("The information could not be independently confirmed."),
                "unconfirmed",
                qualifies=["c-battles"],
            )
        ],
    )
    skipped = ArticleAnalysis(
        article=Article(id="ru-1", text="Текст", source="inputs/ru.txt", format="plain"),
        analysed=False,
        skipped_reason="language ru not supported yet",
    )
    return build_sitrep([analysis, skipped])


def test_report_markdown_quotes_the_cited_sentences(sitrep: Sitrep) -> None:
    markdown = render_markdown(sitrep)
    assert "## Topic: Raid on Tjotkino" in markdown
    assert (
        "- Baza (via Reuters) says, hedged (“would”): “battles would take place in Tjotkino” [1]"
    ) in markdown
    assert "- [1] Example News, 2024-03-12, article `a1`" in markdown
    assert f"“{HEDGED_SENTENCE}”" in markdown
    assert "- ⚠ Reporter: “The information could not be independently confirmed.” [2]" in markdown
    assert "not analysed: language ru not supported yet" in markdown


def test_report_markdown_places_verification_right_under_its_claims(sitrep: Sitrep) -> None:
    lines = render_markdown(sitrep).splitlines()
    claim_at = next(i for i, line in enumerate(lines) if line.startswith("- Baza"))
    assert lines[claim_at + 2].startswith("- ⚠ Reporter: ")


def test_report_markdown_escapes_article_markup(sitrep: Sitrep) -> None:
    markdown = render_markdown(sitrep)
    assert "<script>" not in markdown
    assert r"\<script\>alert(1)\</script\> \[bold\]shelling\[/bold\]" in markdown


def test_report_html_escapes_article_text(sitrep: Sitrep) -> None:
    html = render_html(sitrep)
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [bold]shelling[/bold] hit Prilesje" in html


def test_report_html_is_self_contained(sitrep: Sitrep) -> None:
    html = render_html(sitrep)
    assert html.startswith("<!DOCTYPE html>")
    assert "<style>" in html
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html, re.IGNORECASE)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:|//)""", html, re.IGNORECASE)
    assert "@import" not in html and "url(" not in html
    assert "https://example.org/a1" in html  # shown as text in the references


def test_report_html_quotes_sentences_and_links_citations(sitrep: Sitrep) -> None:
    html = render_html(sitrep)
    assert f"“{HEDGED_SENTENCE}”" in html
    assert '<li id="ref-1">' in html and 'href="#ref-1"' in html
    assert "battles would take place in Tjotkino" in html
    assert "The information could not be independently confirmed." in html
    assert "not analysed: language ru not supported yet" in html


def test_report_terminal_renders_on_a_recorded_console(sitrep: Sitrep) -> None:
    console = Console(record=True, width=100)
    render_terminal(sitrep, console)
    text = re.sub(r"[│╭╮╰╯─]", " ", console.export_text())
    words = " ".join(text.split())
    assert "Topic: Raid on Tjotkino" in words
    assert (
        "Baza (via Reuters) says, hedged (“would”): “battles would take place in Tjotkino” [1]"
        in words
    )
    assert "⚠ Reporter: “The information could not be independently confirmed.” [2]" in words
    assert "not analysed: language ru not supported yet" in words
    assert "2 articles (1 analysed) · 2 claims · 2 sources · 0 events" in words


def test_report_terminal_shows_article_markup_literally(sitrep: Sitrep) -> None:
    console = Console(record=True, width=200)
    render_terminal(sitrep, console)
    assert "<script>alert(1)</script> [bold]shelling[/bold] hit Prilesje" in console.export_text()
