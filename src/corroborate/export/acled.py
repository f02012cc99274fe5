"""CSV in ACLED's column layout: one row per event, as a conflict-event dataset has it.

The columns are ACLED's names, in ACLED's order, for the fields the ledger has. A row is
one event cluster (the same event across articles), so ``source`` lists the outlets of
every article that reports it. Every value is what the articles claim: the ``notes``
quote the sentence the row rests on, with its source, and the corroboration verdict.

Spreadsheet programs run a cell that starts like a formula (``=``, ``+``, ``-``, ``@``, a
tab or a carriage return), and ledger text comes from untrusted articles, so such a text
cell is written with a leading ``'``, as OWASP advises against CSV injection; numbers
(``-12.5``) and dates are written as they are.
"""

from __future__ import annotations

import csv
import re
from typing import TextIO

from corroborate.export.events import ExportData, ExportEvent, first_day, outlet
from corroborate.models import ArticleAnalysis, Claim
from corroborate.report.sitrep import one_line, source_name

COLUMNS: tuple[str, ...] = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)
# ACLED separates several actors or sources in one cell with a semicolon.
SEPARATOR = "; "
# Decimal degrees to about a metre: the gazetteer is no more precise than that.
_DECIMALS = 5
# OWASP's list of the first characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def write_csv(data: ExportData, out: TextIO) -> int:
    """Write the header and one row per event to ``out``; return the number of rows.

    Open a file for it with ``newline=""``: the rows end in CRLF, as RFC 4180 has it.
    """
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for event in data.events:
        writer.writerow(row(event))
    return len(data.events)


def row(event: ExportEvent) -> list[str]:
    """The cells of one event, in the order of :data:`COLUMNS`, safe to open in a spreadsheet."""
    place = event.place
    main = event.main.event
    cells = [
        event_date(event.date),
        main.type,
        main.sub_type or "",
        SEPARATOR.join(event.acted_by),
        SEPARATOR.join(event.targets),
        event.admin1 or "",
        one_line(event.place_name or ""),
        _degrees(place.lat if place is not None else None),
        _degrees(place.lon if place is not None else None),
        str(event.geo_precision) if event.geo_precision is not None else "",
        SEPARATOR.join(dict.fromkeys(outlet(a) for a in event.articles)),
        notes(event),
        str(event.fatalities),
    ]
    return [spreadsheet_safe(cell) for cell in cells]


def spreadsheet_safe(cell: str) -> str:
    """``cell``, with a leading ``'`` if it is a text a spreadsheet would run as a formula.

    A number, negative or signed (``-34.5``, ``+3``), is left as it is: a spreadsheet reads
    it as the number it is.
    """
    if cell.startswith(FORMULA_STARTS) and _NUMBER.fullmatch(cell) is None:
        return "'" + cell
    return cell


def event_date(value: str | None) -> str:
    """ACLED's day: a day as it is, a range by its first day; a month or year as written.

    A month ("2024-03") is not turned into a day: that day would be a guess.
    """
    if not value:
        return ""
    return first_day(value) or value


def notes(event: ExportEvent) -> str:
    """One line: what, where and when, the sentence it rests on, and the verdict."""
    main = event.main.event
    what = main.sub_type or main.type or "Event"
    where = event.place_name or "an unknown place"
    if event.admin1 and event.admin1 != where:
        where += f" ({event.admin1})"
    parts = [f"{event.date or 'Undated'}: {what} at {where}."]
    cited = _cited(event)
    if cited is not None:
        analysis, claim = cited
        parts.append(f"“{one_line(claim.sentence.text)}” ({_attribution(analysis, claim)}).")
    articles = len(event.articles)
    parts.append(
        f"{_count(len(event.claims), 'claim')} in {_count(articles, 'article')}; "
        f"{event.corroboration.verdict or 'no attributed claims'}."
    )
    return " ".join(parts)


def _cited(event: ExportEvent) -> tuple[ArticleAnalysis, Claim] | None:
    """The claim the row quotes: the first of the report that stands for the event."""
    main = event.main
    claims = {c.id: c for c in main.analysis.claims}
    for claim_id in main.event.claim_ids:
        if claim_id in claims:
            return main.analysis, claims[claim_id]
    return event.claims[0] if event.claims else None


def _attribution(analysis: ArticleAnalysis, claim: Claim) -> str:
    """``Legion via Reuters, in Meduza, 2024-03-12``: who said it, and where we read it."""
    who = source_name(analysis, claim.sources[0]) if claim.sources else "unnamed source"
    if claim.via:
        who += " via " + ", ".join(source_name(analysis, ref) for ref in claim.via)
    article = analysis.article
    where = outlet(article)
    if article.published is not None:
        where += f", {article.published.isoformat()}"
    return f"{who}, in {where}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _degrees(value: float | None) -> str:
    return "" if value is None else f"{value:.{_DECIMALS}f}"
