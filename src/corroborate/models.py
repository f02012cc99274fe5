"""The records of the ledger, and nothing else.

Every offset (``start``/``end``) is a character offset into ``Article.text``, the text
as it was read, never into the repaired text: provenance must survive repairs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

RepairKind = Literal["glued_word", "untranslated", "caption", "heading"]
Certainty = Literal["certain", "probable", "possible", "underspecified"]
Polarity = Literal["positive", "negative", "unknown"]
ClaimKind = Literal["assertion", "statement", "verification_status"]
DatePrecision = Literal["day", "range", "week", "month", "year"]
PlacePrecision = Literal["settlement", "district", "region", "country"]


@dataclass(frozen=True)
class Span:
    """A stretch of the original article text."""

    start: int
    end: int
    text: str


@dataclass
class Article:
    """One news article or post as read from an input.

    ``id`` is a hash of the normalised text, so the same text read twice (or from
    two files) is the same article.
    """

    id: str
    text: str
    source: str
    format: str
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: dt.date | None = None
    title: str | None = None


@dataclass(frozen=True)
class Repair:
    """One change or flag made by the repair stage.

    ``replacement`` is the text used for analysis instead of ``original``; it is
    ``None`` for flags that change nothing (untranslated fragments, captions and
    headings, which are kept out of the news body instead).
    """

    kind: RepairKind
    start: int
    end: int
    original: str
    replacement: str | None = None


@dataclass
class Mention:
    """A span naming an entity, place, date or quantity (spaCy NER label)."""

    span: Span
    label: str
    entity_id: str | None = None


@dataclass
class Entity:
    """One real-world actor; spelling variants resolve to one entity."""

    id: str
    canonical: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    affiliation: str | None = None
    mentions: list[Span] = field(default_factory=list)
    # The actor knowledge base's id, the same in every article; an actor the base does not
    # know gets "new:" and its name key, so its spellings in other articles meet it.
    actor_id: str | None = None
    side: str | None = None  # russia, ukraine or none, from the knowledge base


@dataclass
class SourceRef:
    """Who tells: the span naming a source or relay, and the entity it resolves to.

    ``name`` is the resolved name (a pronoun's antecedent, say), ``span`` the words
    actually written.
    """

    name: str
    span: Span | None = None
    entity_id: str | None = None


@dataclass
class Claim:
    """A proposition attributed to a source.

    ``via`` is the relay chain, nearest teller first: for "Reuters reports, citing
    the group's channel", the source is the group and ``via`` is ``[Reuters]``.
    """

    id: str
    article_id: str
    content: Span
    sentence: Span
    sources: list[SourceRef]
    cue: Span | None = None
    via: list[SourceRef] = field(default_factory=list)
    channel: str | None = None
    kind: ClaimKind = "assertion"
    hedged: bool = False
    hedge_cues: list[str] = field(default_factory=list)
    certainty: Certainty = "certain"
    polarity: Polarity = "positive"
    status: str | None = None
    event_id: str | None = None
    # What the claim asserts, for comparison with other claims: "outcome" (taken,
    # repelled, ongoing), "attacker" (independent, state forces), "start" (YYYY-MM-DD).
    slots: dict[str, str] = field(default_factory=dict)


@dataclass
class VerificationStatement:
    """The reporter's own statement on verification ("could not be confirmed")."""

    span: Span
    status: str
    qualifies: list[str] = field(default_factory=list)
    scope: Literal["preceding", "article"] = "preceding"


@dataclass
class DateMention:
    """A date expression resolved against the article date.

    ``value`` is ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or a range ``A/B``; ``None``
    when the expression cannot be resolved (no article date, say).
    """

    span: Span
    value: str | None
    precision: DatePrecision | None
    in_caption: bool = False


@dataclass
class PlaceMention:
    """A place name resolved against the gazetteer (coordinates may be unknown)."""

    span: Span
    name: str
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    country: str | None = None
    precision: PlacePrecision | None = None
    place_id: int | None = None  # the gazetteer's id (GeoNames id; regions negative)


@dataclass
class Quantity:
    """A number stated in a claim: ``low``..``high`` keeps vague numbers as ranges."""

    claim_id: str
    what: str
    span: Span
    low: float | None
    high: float | None
    vague: str | None = None
    kind: str | None = None  # killed, wounded, captured, missing, evacuated, attackers, equipment
    model: str | None = None  # an equipment model named with it: "a CAESAR howitzer"


@dataclass
class Event:
    """Something that happened at a place and time, resting on claims."""

    id: str
    article_id: str
    type: str
    sub_type: str | None
    date: str | None
    place: str | None
    actors: list[str] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)
    place_mention: PlaceMention | None = None
    date_precision: DatePrecision | None = None
    plover: str | None = None  # the PLOVER event type the sub-type maps to
    # Who carried the act out and who it was done to, by name (the actor knowledge base's
    # canonical name where it knows them), read from the parse.
    acted_by: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)


@dataclass
class Contradiction:
    """Two claims about the same event whose propositions cannot both hold."""

    a: str
    b: str
    why: str


@dataclass
class ArticleAnalysis:
    """Everything the pipeline found in one article."""

    article: Article
    analysed: bool = True
    skipped_reason: str | None = None
    repairs: list[Repair] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    verification_statements: list[VerificationStatement] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)

    @property
    def captions(self) -> list[Repair]:
        """Lines kept out of the news body: photo captions and stray headings."""
        return [r for r in self.repairs if r.kind in ("caption", "heading")]

    def entity(self, entity_id: str | None) -> Entity | None:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None
