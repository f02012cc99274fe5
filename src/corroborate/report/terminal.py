"""Render a situation report on a rich console: a header, one panel per section, tables.

Article text goes into ``rich.text.Text`` objects and never through console markup, so a
sentence containing ``[bold]`` or ``:emoji:`` is shown as written. The output reads the
same on a terminal and in a recorded or piped console. The part across articles follows
the per-article sections: a panel with its note, then one panel per event cluster.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from corroborate.report.sitrep import (
    DISCLAIMER,
    Across,
    Citation,
    ClaimLine,
    ClusterClaim,
    ClusterReport,
    Position,
    Section,
    Sitrep,
    SourceGroup,
    VerificationLine,
    one_line,
)


def render_terminal(sitrep: Sitrep, console: Console) -> None:
    """Print ``sitrep`` to ``console``."""
    console.print(_header(sitrep))
    for section in sitrep.sections:
        console.print(_section(section))
    if sitrep.contradictions:
        console.print(_contradictions(sitrep))
    console.print(_across(sitrep.across))
    for cluster in sitrep.across.clusters:
        console.print(_cluster(cluster))
    if sitrep.skipped:
        console.print(_skipped(sitrep))
    if sitrep.captions:
        console.print(_captions(sitrep))
    console.print(_references(sitrep.references))


def _header(sitrep: Sitrep) -> Panel:
    counts = Text.assemble((sitrep.summary, "bold"), "\n", (DISCLAIMER, "dim"))
    return Panel(counts, title=Text(sitrep.title, style="bold"), box=box.DOUBLE)


def _section(section: Section) -> Panel:
    parts: list[RenderableType] = []
    if section.details:
        parts.append(Text(" · ".join(section.details), style="dim"))
    for group in section.groups:
        parts.append(_group(group))
    parts.extend(_verification(note) for note in section.notes)
    kind = "Event" if section.kind == "event" else "Topic"
    title = Text.assemble((f"{kind}: ", "bold cyan"), (section.title, "bold"))
    return Panel(Group(*parts), title=title, title_align="left", box=box.ROUNDED)


def _group(group: SourceGroup) -> Group:
    parts: list[RenderableType] = [Text("\n" + group.source, style="bold underline")]
    for claim in group.claims:
        parts.append(_claim(claim))
    parts.extend(_verification(line) for line in group.verifications)
    return Group(*parts)


def _claim(claim: ClaimLine) -> Group:
    sentence = Text("• ")
    sentence.append(claim.text)
    sentence.append(" ")
    sentence.append(claim.citation.marker, style="bold blue")
    facts = [f"cue: {claim.cue}" if claim.cue else "cue: none"]
    if claim.channel:
        facts.append(f"channel: {claim.channel}")
    if claim.relay:
        facts.append(claim.relay)
    facts.append(claim.hedging)
    if claim.status:
        facts.append(f"status: {claim.status}")
    if claim.polarity != "positive":
        facts.append(f"polarity: {claim.polarity}")
    hedge_style = "dim" if claim.hedging == "not hedged" else "magenta"
    return Group(sentence, Text("  " + " · ".join(facts), style=hedge_style))


def _verification(line: VerificationLine) -> Text:
    text = Text("⚠ ", style="bold yellow")
    text.append(line.text, style="yellow")
    text.append(" ")
    text.append(line.citation.marker, style="bold blue")
    return text


def _contradictions(sitrep: Sitrep) -> Panel:
    table = Table(box=box.SIMPLE, expand=True, show_header=True)
    table.add_column("Claim", ratio=2)
    table.add_column("Against", ratio=2)
    table.add_column("Why both cannot be right", ratio=1)
    for item in sitrep.contradictions:
        table.add_row(
            Text(f"{item.first.text} {item.first.citation.marker}"),
            Text(f"{item.second.text} {item.second.citation.marker}"),
            Text(item.why),
        )
    return Panel(table, title=Text("Disputed", style="bold red"), title_align="left")


def _across(across: Across) -> Panel:
    title = Text("Across articles", style="bold")
    return Panel(Text(across.note), title=title, title_align="left", box=box.DOUBLE)


def _cluster(cluster: ClusterReport) -> Panel:
    parts: list[RenderableType] = [Text(" · ".join(cluster.details), style="dim")]
    parts.append(Text("\nWhat each side says", style="bold"))
    if cluster.unattributed:
        parts.append(Text(cluster.unattributed, style="dim"))
    for side in cluster.sides:
        parts.append(Text(side.label, style="bold underline"))
        parts.extend(_cluster_claim(claim) for claim in side.claims)
    if cluster.contradictions:
        parts.append(Text("\nContradictions", style="bold red"))
        for item in cluster.contradictions:
            parts.append(Text("• " + item.reason))
            parts.extend(_position(position) for position in (item.first, item.second))
    parts.append(Text("\nCorroboration", style="bold"))
    parts.append(Text(cluster.corroboration))
    if cluster.origin_summary:
        parts.append(Text(cluster.origin_summary, style="dim"))
    parts += [Text("\nTimeline", style="bold"), _timeline(cluster)]
    title = Text.assemble(("Across articles: ", "bold cyan"), (cluster.heading, "bold"))
    return Panel(Group(*parts), title=title, title_align="left", box=box.ROUNDED)


def _cluster_claim(claim: ClusterClaim) -> Text:
    line = Text("• ")
    line.append(claim.text)
    line.append(" ")
    line.append(claim.markers, style="bold blue")
    line.append(f" — {claim.read_in}", style="dim")
    return line


def _position(position: Position) -> Text:
    line = Text("    ")
    if position.text:
        line.append(f"“{position.text}”: ")
    for index, party in enumerate(position.parties):
        line.append("; " if index else "")
        line.append(party.source + " ")
        line.append(party.markers, style="bold blue")
    return line


def _timeline(cluster: ClusterReport) -> Table:
    table = Table(box=box.SIMPLE, expand=True, show_header=False)
    table.add_column("When", no_wrap=True)
    table.add_column("Report", ratio=1)
    table.add_column("What", ratio=4)
    for entry in cluster.timeline:
        said = Text(entry.said, style="" if entry.new else "dim")
        said.append(" ")
        said.append(entry.markers, style="bold blue")
        table.add_row(Text(entry.when), Text(entry.article), said)
    return table


def _skipped(sitrep: Sitrep) -> Panel:
    table = Table(box=box.SIMPLE, expand=True)
    table.add_column("Article")
    table.add_column("Id", style="dim")
    table.add_column("Why")
    for skipped in sitrep.skipped:
        table.add_row(
            Text(skipped.article), Text(skipped.article_id), Text(f"not analysed: {skipped.reason}")
        )
    return Panel(table, title=Text("Articles not analysed", style="bold"), title_align="left")


def _captions(sitrep: Sitrep) -> Panel:
    lines = Text(sitrep.caption_summary)
    for entry in sitrep.captions:
        lines.append(f"\n  {entry.article}: {entry.count}")
    return Panel(lines, title=Text("Kept out of the body", style="bold"), title_align="left")


def _references(references: tuple[Citation, ...]) -> Panel:
    table = Table(box=box.SIMPLE, expand=True)
    table.add_column("", style="bold blue", no_wrap=True)
    table.add_column("Article", ratio=1)
    table.add_column("Sentence", ratio=3)
    for citation in references:
        where = Text(citation.where)
        where.append(f"\n{citation.article_id}", style="dim")
        where.append(f"\n{citation.url or citation.source}", style="dim")
        where.append(f"\nchars {citation.start}–{citation.end}", style="dim")
        table.add_row(Text(citation.marker), where, Text(f"“{one_line(citation.sentence)}”"))
    return Panel(table, title=Text("References", style="bold"), title_align="left")
