"""The records of the part of a situation report that looks across articles.

An event several articles report is one event cluster (:mod:`corroborate.merge`); the
report shows, for each: what, where and when, how many articles and independent origins
report it, what each side says, where they contradict each other, the corroboration
verdict, and a timeline of its reports. Every claim line and every timeline line carries
the citations of the sentences it came from; nothing is decided between the sides.
"""

from __future__ import annotations

from dataclasses import dataclass

from corroborate.report.records import Citation, ClaimLine, plural

# Sides of a source as the part across articles groups them. The actor base gives each
# known actor a side (russia, ukraine, none) and an affiliation; those of neither side are
# independent observers, or wires and the rest (foreign states, sources it does not know).
SIDE_LABELS = {
    "ukraine": "Ukrainian side",
    "russia": "Russian side",
    "independent": "Independent observers",
    "other": "Wires and sources of no known side",
}

# What two claims disagree on, by the contradiction finder's aspect.
ASPECTS = {
    "control": "who holds the place",
    "attacker": "who attacked",
    "start": "when it began",
    "damage": "whether anything was damaged",
    "target": "whether the target was civilian or military",
    "killed": "how many were killed",
    "wounded": "how many were wounded",
}

# Corroboration's groups of independent origins, in words.
ORIGIN_GROUPS = {
    "side: Ukraine": "Ukrainian side",
    "side: Russia": "Russian side",
    "independent": "independent observers",
    "wire": "international wires",
    "unknown": "no known side",
}


@dataclass(frozen=True)
class ClusterClaim:
    """One statement of one source about an event, and every sentence that carries it.

    The same source saying the same thing in several articles (a copy, a paraphrase, a
    translation) is one claim with several citations, worded as its first report words it.
    """

    source: str
    side: str
    lines: tuple[ClaimLine, ...]  # first report first
    articles: tuple[str, ...]  # the articles the lines were read in, once each

    @property
    def text(self) -> str:
        return self.lines[0].text

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every sentence that carries the statement, once each, in label order."""
        found = {line.citation.label: line.citation for line in self.lines}
        return tuple(found[label] for label in sorted(found))

    @property
    def markers(self) -> str:
        return "".join(citation.marker for citation in self.citations)

    @property
    def read_in(self) -> str:
        """``in Reuters, Meduza``: where the reader can find it."""
        return "in " + ", ".join(self.articles)


@dataclass(frozen=True)
class SideClaims:
    """What the sources of one side say about an event."""

    side: str
    claims: tuple[ClusterClaim, ...]

    @property
    def label(self) -> str:
        return SIDE_LABELS[self.side]


@dataclass(frozen=True)
class Position:
    """One side of a contradiction: what it holds, in words, and the sources holding it."""

    text: str  # "Churovichi taken", "the attack stopped in Bryansk Oblast"
    parties: tuple[ClusterClaim, ...]  # one per source, citing its claims

    @property
    def sources(self) -> str:
        return ", ".join(party.source for party in self.parties)


@dataclass(frozen=True)
class ClusterContradiction:
    """Claims about one event that cannot all hold, by position; neither is preferred.

    Every pair of opposed claims that states the same two positions on the same aspect is
    one contradiction, so that ten reports of one denial make one line, citing them all.
    """

    aspect: str
    first: Position
    second: Position

    @property
    def about(self) -> str:
        return ASPECTS.get(self.aspect, "what happened")

    @property
    def reason(self) -> str:
        """``On who holds the place: “Churovichi taken” against “the attack stopped …”``."""
        if not self.second.text:
            return f"On {self.about}: {self.first.text}"
        return f"On {self.about}: “{self.first.text}” against “{self.second.text}”"


@dataclass(frozen=True)
class TimelineLine:
    """One report of an event, or one claim it made first, on the day it was published."""

    published: str | None
    article: str
    text: str
    citations: tuple[Citation, ...]
    event_date: str | None = None  # the date the claim gives the event, when not that day
    new: bool = True  # False: the report only repeats claims made earlier

    @property
    def when(self) -> str:
        return self.published or "undated"

    @property
    def markers(self) -> str:
        return "".join(citation.marker for citation in self.citations)

    @property
    def said(self) -> str:
        """What the report says, with the date it gives the event when not its own."""
        return self.text + (f" (event dated {self.event_date})" if self.event_date else "")

    @property
    def line(self) -> str:
        """``2024-04-16 Reuters: the Legion says …`` without the citation markers."""
        return f"{self.when} {self.article}: {self.said}"


@dataclass(frozen=True)
class ClusterReport:
    """One event as several articles report it."""

    id: str
    title: str
    place: str | None
    when: str | None
    kinds: tuple[str, ...]  # every "type / sub-type" the reports give, the title's first
    articles: tuple[str, ...]
    origins: int
    sides: tuple[SideClaims, ...]
    contradictions: tuple[ClusterContradiction, ...]
    verdict: str
    origin_groups: tuple[tuple[str, tuple[str, ...]], ...]
    timeline: tuple[TimelineLine, ...]

    @property
    def anchor(self) -> str:
        return f"cluster-{self.id}"

    @property
    def heading(self) -> str:
        return f"{self.when or 'undated'} · {self.title}"

    @property
    def counts(self) -> str:
        """``3 articles, 2 independent origins (1 is a copy, counted once)``."""
        copies = len(self.articles) - self.origins
        text = f"{plural(len(self.articles), 'article')}, "
        text += f"{plural(self.origins, 'independent origin')}"
        if copies == 1:
            text += " (1 is a copy, counted once)"
        elif copies > 1:
            text += f" ({copies} are copies, counted once)"
        return text

    @property
    def details(self) -> tuple[str, ...]:
        found = [f"where: {self.place}" if self.place else "where: not given"]
        found.append(f"when: {self.when}" if self.when else "when: not given")
        found.append(self.counts)
        if len(self.kinds) > 1:
            found.append("also reported as: " + "; ".join(self.kinds[1:]))
        return tuple(found)

    @property
    def unattributed(self) -> str | None:
        """What to say when no claim of the reports is about the event."""
        if self.sides:
            return None
        return "No claim of these reports is tied to this event: they state it unattributed."

    @property
    def corroboration(self) -> str:
        verdict = self.verdict[:1].upper() + self.verdict[1:]
        return f"{verdict}." if verdict else "No source of a known kind."

    @property
    def origin_summary(self) -> str | None:
        """``sources by kind: Ukrainian side: the Legion; Russian side: the governor``."""
        parts = [
            f"{ORIGIN_GROUPS.get(group, group)}: {', '.join(names)}"
            for group, names in self.origin_groups
        ]
        return "sources by kind: " + "; ".join(parts) if parts else None


@dataclass(frozen=True)
class Across:
    """The part of the report across articles: the events several articles report."""

    clusters: tuple[ClusterReport, ...] = ()
    compared: int = 0  # the analysed articles compared
    cluster_count: int = 0  # every event cluster, shown or not
    min_articles: int = 2

    @property
    def note(self) -> str:
        wanted = f"reported by at least {plural(self.min_articles, 'article')}"
        if not self.clusters and self.compared < 2:
            return (
                f"{plural(self.compared, 'article')} in the ledger: nothing is compared "
                "across articles. Once other reports of the same events are added, each "
                "event they share shows here with what each side says, their "
                "contradictions, its corroboration and a timeline of the reports."
            )
        if not self.clusters:
            return f"No event of the {self.compared} articles is {wanted}."
        shown = "1 event is" if len(self.clusters) == 1 else f"{len(self.clusters)} events are"
        return (
            f"{shown} {wanted} (of {plural(self.cluster_count, 'event cluster')} in "
            f"{plural(self.compared, 'article')}), by date. Copies of one article count "
            "once. Who says what is reported; nothing is decided between them."
        )
