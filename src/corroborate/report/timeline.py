"""The timeline of one event across articles: its reports in the order they were published.

Reports come by publication date (then in the order the ledger received them: the date is
all an article records). Each report gets one line per claim it is the first to make,
with the date the claim gives the event when that is not the day of the report ("2024-04-17
Reuters: the governor says: “one killed, five wounded” [7]"); a report that only repeats
what earlier reports said gets one line saying so, citing its own sentences, and a copy
names the report it copies. Every line cites the sentences it came from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from corroborate.models import ArticleAnalysis, Claim, Event, Span
from corroborate.report.across_records import TimelineLine
from corroborate.report.citations import Writer, containing_sentence
from corroborate.report.records import Citation, article_label, join_names, one_line


@dataclass
class Report:
    """One article's report of an event: its claims about it and its events in it."""

    analysis: ArticleAnalysis
    claims: list[Claim]  # text order
    events: list[Event]
    copy_of: str | None = None  # the article it republishes, by label


def build_timeline(
    writer: Writer, reports: list[Report], group_of: dict[str, int]
) -> tuple[TimelineLine, ...]:
    """Lines for ``reports`` (in publication order); ``group_of`` maps a claim id to the
    one statement it makes, so that a statement repeated by a later report is not new."""
    seen: set[int] = set()
    lines: list[TimelineLine] = []
    for report in reports:
        article = report.analysis.article
        published = article.published.isoformat() if article.published else None
        label = article_label(article)
        fresh: list[TimelineLine] = []
        for claim in report.claims:
            group = group_of.get(claim.id)
            if group is not None:
                if group in seen:
                    continue
                seen.add(group)
            line = writer.claim_line(report.analysis, claim)
            fresh.append(
                TimelineLine(
                    published,
                    label,
                    line.text,
                    (line.citation,),
                    event_date=_event_date(claim, report.events, published),
                )
            )
        lines.extend(fresh or _no_new_claim(writer, report, published, label))
    return tuple(lines)


def _no_new_claim(
    writer: Writer, report: Report, published: str | None, label: str
) -> list[TimelineLine]:
    """One line for a report that makes no claim the earlier ones did not."""
    prefix = f"republishes the report of {report.copy_of}" if report.copy_of else ""
    if report.claims:
        lines = [writer.claim_line(report.analysis, claim) for claim in report.claims]
        citations = _unique(line.citation for line in lines)
        said = f"repeats the claims of {join_names(line.source for line in lines)}"
        text = f"{prefix}; {said}" if prefix else f"{said}, made in earlier reports"
        return [TimelineLine(published, label, text, citations, new=False)]
    for event in report.events:
        sentence = _event_sentence(report.analysis, event)
        if sentence is None:
            continue
        what = event.sub_type or event.type
        where = f" at {one_line(event.place)}" if event.place else ""
        text = f"reports {what}{where}, attributing it to no source"
        if prefix:
            text = f"{prefix}; {text}"
        citation = writer.citations.cite(report.analysis, sentence)
        return [TimelineLine(published, label, text, (citation,), new=not prefix)]
    # Nothing in the article can be cited for this event: a line without a source
    # sentence would break the report's promise, so the report is only counted.
    return []


def _event_date(claim: Claim, events: list[Event], published: str | None) -> str | None:
    """The date a claim gives its event: when it began, or its event's date."""
    dates = [
        event.date
        for event in events
        if event.date and (claim.id in event.claim_ids or claim.event_id == event.id)
    ]
    given = claim.slots.get("start") or (dates[0] if dates else None)
    return given if given and given != published else None


def _event_sentence(analysis: ArticleAnalysis, event: Event) -> Span | None:
    """The sentence that places the event, when the article names its place."""
    if event.place_mention is None:
        return None
    sentence = containing_sentence(analysis, event.place_mention.span)
    return sentence if sentence.text.strip() else None


def _unique(citations: Iterable[Citation]) -> tuple[Citation, ...]:
    found = {citation.label: citation for citation in citations}
    return tuple(found[label] for label in sorted(found))
