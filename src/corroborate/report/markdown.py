"""Render a situation report as Markdown.

Article text is escaped so that a quoted sentence can never turn into markup, a link or
raw HTML when the Markdown is later shown by a viewer; the citation labels and the
report's own headings are the only markup. The part across articles follows the
per-article sections and their contradictions, before the references.
"""

from __future__ import annotations

import re

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

# Every ASCII punctuation mark may be backslash-escaped in CommonMark; these are the ones
# that can start emphasis, code, links, raw HTML, entities or tables inside a line.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def escape(text: str) -> str:
    """Article text as Markdown that shows exactly these characters."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def render_markdown(sitrep: Sitrep) -> str:
    """The whole report as one Markdown document ending in a newline."""
    lines = [f"# {escape(sitrep.title)}", "", _summary(sitrep), ""]
    for section in sitrep.sections:
        lines += _section(section)
    if sitrep.contradictions:
        lines += ["## Disputed", ""]
        for item in sitrep.contradictions:
            lines.append(
                f"- {escape(item.first.source)} {_cite(item.first.citation)} and "
                f"{escape(item.second.source)} {_cite(item.second.citation)} cannot both "
                f"be right: {escape(item.why)}"
            )
        lines.append("")
    lines += _across(sitrep.across)
    if sitrep.skipped:
        lines += ["## Articles not analysed", ""]
        for skipped in sitrep.skipped:
            lines.append(
                f"- {escape(skipped.article)} (`{skipped.article_id}`) — not analysed: "
                f"{escape(skipped.reason)}"
            )
        lines.append("")
    if sitrep.captions:
        lines += [
            "## Kept out of the body",
            "",
            sitrep.caption_summary,
            "",
        ]
        lines += [f"- {escape(entry.article)}: {entry.count}" for entry in sitrep.captions]
        lines.append("")
    lines += ["## References", ""]
    lines += [_reference(citation) for citation in sitrep.references]
    return "\n".join(lines).rstrip("\n") + "\n"


def _summary(sitrep: Sitrep) -> str:
    return f"{sitrep.summary}. {DISCLAIMER}"


def _section(section: Section) -> list[str]:
    label = "Event" if section.kind == "event" else "Topic"
    lines = [f"## {label}: {escape(section.title)}", ""]
    if section.details:
        lines += ["_" + " · ".join(escape(detail) for detail in section.details) + "_", ""]
    for group in section.groups:
        lines += _group(group)
    if section.notes:
        lines += [_verification(note) for note in section.notes]
        lines.append("")
    return lines


def _group(group: SourceGroup) -> list[str]:
    lines = [f"### {escape(group.source)}", ""]
    for claim in group.claims:
        lines += [f"- {escape(claim.text)} {_cite(claim.citation)}", f"  - {_facts(claim)}"]
    lines += [_verification(line) for line in group.verifications]
    lines.append("")
    return lines


def _facts(claim: ClaimLine) -> str:
    facts = [f"cue: {escape(claim.cue)}" if claim.cue else "cue: none"]
    if claim.channel:
        facts.append(f"channel: {escape(claim.channel)}")
    if claim.relay:
        facts.append(escape(claim.relay))
    facts.append(escape(claim.hedging))
    if claim.status:
        facts.append(f"status: {escape(claim.status)}")
    if claim.polarity != "positive":
        facts.append(f"polarity: {claim.polarity}")
    return " · ".join(facts)


def _verification(line: VerificationLine) -> str:
    return f"- ⚠ {escape(line.text)} {_cite(line.citation)}"


def _cite(citation: Citation) -> str:
    return citation.marker


def _across(across: Across) -> list[str]:
    lines = ["## Across articles", "", escape(across.note), ""]
    for cluster in across.clusters:
        lines += _cluster(cluster)
    return lines


def _cluster(cluster: ClusterReport) -> list[str]:
    lines = [f"### {escape(cluster.heading)}", ""]
    lines += ["_" + " · ".join(escape(detail) for detail in cluster.details) + "_", ""]
    lines += ["#### What each side says", ""]
    if cluster.unattributed:
        lines += [escape(cluster.unattributed), ""]
    for side in cluster.sides:
        lines += [f"**{escape(side.label)}**", ""]
        lines += [_cluster_claim(claim) for claim in side.claims]
        lines.append("")
    if cluster.contradictions:
        lines += ["#### Contradictions", ""]
        for item in cluster.contradictions:
            lines.append(f"- {escape(item.reason)}")
            lines += [_position(position) for position in (item.first, item.second)]
        lines.append("")
    lines += ["#### Corroboration", "", escape(cluster.corroboration)]
    if cluster.origin_summary:
        lines += ["", f"_{escape(cluster.origin_summary)}_"]
    lines += ["", "#### Timeline", ""]
    lines += [f"- {escape(entry.line)} {entry.markers}" for entry in cluster.timeline]
    lines.append("")
    return lines


def _cluster_claim(claim: ClusterClaim) -> str:
    return f"- {escape(claim.text)} {claim.markers} — {escape(claim.read_in)}"


def _position(position: Position) -> str:
    held = "; ".join(f"{escape(party.source)} {party.markers}" for party in position.parties)
    if not position.text:
        return f"  - {held}"
    return f"  - “{escape(position.text)}”: {held}"


def _reference(citation: Citation) -> str:
    where = [escape(citation.where), f"article `{citation.article_id}`"]
    if citation.url:
        where.append(escape(citation.url))
    elif citation.source != citation.article:
        where.append(escape(citation.source))
    where.append(f"characters {citation.start}–{citation.end}")
    return f"- {_cite(citation)} {', '.join(where)}: “{escape(citation.sentence)}”"
