"""Per-field scorers: one gold file against one article analysis.

Each scorer returns a :data:`Tally`, the raw counts behind the figures (items, matches,
correct answers). Tallies of several files are added up and only then turned into
ratios, which makes every figure micro-averaged. The matching rules are in
:mod:`corroborate.evaluation.matching`.

Who tells: a predicted :class:`SourceRef` is resolved to gold entity ids by name: its
``name``, the words of its span and, when its ``entity_id`` resolves, that entity's
canonical name, aliases and mention texts are compared (normalised) with each gold
entity's canonical name and mentions. A gold source id that is not a gold entity stands
for itself. A ref whose names match no gold entity falls back to the gold entity with a
mention overlapping the ref's span most. Sources (or relays) of a matched claim are
right when every predicted ref resolves to one of the gold ids and together they cover
all of them: one wrong or unknown ref makes the answer wrong, so does a gold id that no
ref names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from corroborate.evaluation.clusters import bcubed_sums
from corroborate.evaluation.gold import GoldClaim, GoldEvent, GoldFile, GoldPlace, GoldQuantity
from corroborate.evaluation.matching import (
    align_claims,
    best_overlapping,
    covers_half,
    date_values_agree,
    normalise_name,
    normalise_region,
    occurrences,
    overlap,
    span_interval,
)
from corroborate.geo.distance import haversine_km
from corroborate.models import (
    ArticleAnalysis,
    Claim,
    DateMention,
    Event,
    PlaceMention,
    Quantity,
    SourceRef,
)

Tally = dict[str, float]
ClaimPairs = Mapping[str, Claim]
"""Gold claim id -> the predicted claim matched to it."""

_WITHIN_KM = 161.0


class SourceResolver:
    """Resolves predicted source refs to the gold entity ids of one file."""

    def __init__(self, gold: GoldFile, analysis: ArticleAnalysis) -> None:
        self._analysis = analysis
        self._names: dict[str, set[str]] = {}
        self._occurrences: list[tuple[tuple[int, int], str]] = []
        for entity in gold.entities or ():
            names = {normalise_name(entity.canonical)}
            names |= {normalise_name(mention) for mention in entity.mentions}
            self._names[entity.id] = names
            for mention in entity.mentions:
                for place in occurrences(analysis.article.text, mention):
                    self._occurrences.append((place, entity.id))
        for claim in gold.claims or ():
            for gold_id in (*claim.sources, *claim.via):
                self._names.setdefault(gold_id, {normalise_name(gold_id)})

    def _predicted_names(self, ref: SourceRef) -> set[str]:
        names = [ref.name]
        if ref.span is not None:
            names.append(ref.span.text)
        entity = self._analysis.entity(ref.entity_id)
        if entity is not None:
            names += [entity.canonical, *entity.aliases, *(m.text for m in entity.mentions)]
        return {normalise_name(name) for name in names} - {""}

    def resolve(self, ref: SourceRef) -> frozenset[str]:
        """The gold ids this ref names (empty when it names none)."""
        names = self._predicted_names(ref)
        found = frozenset(gid for gid, gold_names in self._names.items() if names & gold_names)
        if found or ref.span is None:
            return found
        span = span_interval(ref.span)
        nearest = best_overlapping([span], self._occurrences, lambda item: item[0])
        return frozenset() if nearest is None else frozenset({nearest[1]})

    def agree(self, refs: Sequence[SourceRef], gold_ids: Sequence[str]) -> bool:
        """Whether the refs name exactly the gold ids (see the module docstring)."""
        wanted = frozenset(gold_ids)
        covered: set[str] = set()
        for ref in refs:
            hit = self.resolve(ref) & wanted
            if not hit:
                return False
            covered |= hit
        return covered == wanted


def score_claims(gold: GoldFile, analysis: ArticleAnalysis) -> tuple[Tally, ClaimPairs]:
    """Detection counts and accuracies among matched claims, plus the claim pairing.

    Hedges and statuses are scored only on gold claims that give ``hedged``/``status``.
    """
    gold_claims: Sequence[GoldClaim] = gold.claims or ()
    pairs = align_claims(analysis.article.text, gold_claims, analysis.claims)
    resolver = SourceResolver(gold, analysis)
    tally: Tally = {
        "gold": len(gold_claims),
        "predicted": len(analysis.claims),
        "matched": len(pairs),
        "source_correct": 0,
        "relay_correct": 0,
        "hedge_gold": sum(claim.hedged is not None for claim in gold_claims),
        "hedge_scored": 0,
        "hedge_correct": 0,
        "status_gold": sum(claim.status is not None for claim in gold_claims),
        "status_scored": 0,
        "status_correct": 0,
    }
    for claim in gold_claims:
        predicted = pairs.get(claim.id)
        if predicted is None:
            continue
        tally["source_correct"] += resolver.agree(predicted.sources, claim.sources)
        tally["relay_correct"] += resolver.agree(predicted.via, claim.via)
        if claim.hedged is not None:
            tally["hedge_scored"] += 1
            tally["hedge_correct"] += predicted.hedged == claim.hedged
        if claim.status is not None:
            tally["status_scored"] += 1
            status = (predicted.status or "").casefold()
            tally["status_correct"] += status == claim.status.casefold()
    return tally, pairs


def score_entities(gold: GoldFile, analysis: ArticleAnalysis) -> Tally:
    """B-cubed sums over gold mentions, and canonical names where the system named one.

    A gold mention goes to the predicted entity whose mention spans overlap its
    occurrences most, failing that to one whose mention texts or aliases equal it; a
    mention the system left out is a cluster of its own.
    """
    text = analysis.article.text
    spans = [(span_interval(m), e.id) for e in analysis.entities for m in e.mentions]
    spans += [(span_interval(m.span), m.entity_id) for m in analysis.mentions if m.entity_id]
    by_text: dict[str, str] = {}
    for predicted_entity in analysis.entities:
        names = (*predicted_entity.aliases, *(m.text for m in predicted_entity.mentions))
        for name in names:
            by_text.setdefault(normalise_name(name), predicted_entity.id)
    gold_labels: list[str] = []
    predicted_labels: list[str] = []
    assigned: dict[str, Counter[str]] = {}
    for entity in gold.entities or ():
        assigned[entity.id] = Counter()
        for mention in entity.mentions:
            places = occurrences(text, mention)
            amounts: Counter[str] = Counter()
            for interval, entity_id in spans:
                amounts[entity_id] += max((overlap(p, interval) for p in places), default=0)
            best = [eid for eid, amount in amounts.most_common(1) if amount > 0]
            predicted = best[0] if best else by_text.get(normalise_name(mention))
            gold_labels.append(entity.id)
            if predicted is None:
                predicted_labels.append(f"\x00unassigned-{len(predicted_labels)}")
            else:
                predicted_labels.append(predicted)
                assigned[entity.id][predicted] += 1
    precision_sum, recall_sum = bcubed_sums(gold_labels, predicted_labels)
    named = correct = 0
    for entity in gold.entities or ():
        counts = assigned[entity.id]
        if not counts:
            continue
        named += 1
        top = max(counts.values())
        canonicals = {
            normalise_name(found.canonical)
            for entity_id, count in counts.items()
            if count == top and (found := analysis.entity(entity_id)) is not None
        }
        correct += normalise_name(entity.canonical) in canonicals
    return {
        "items": len(gold_labels),
        "precision_sum": precision_sum,
        "recall_sum": recall_sum,
        "gold_entities": len(gold.entities or ()),
        "named": named,
        "canonical_correct": correct,
    }


def place_agrees(place: GoldPlace, predicted: PlaceMention, tolerance_km: float | None) -> bool:
    """Within ``tolerance_km`` of the gold coordinates, or the same admin1 when they are null."""
    if place.lat is None or place.lon is None or tolerance_km is None:
        if place.admin1 is None or predicted.admin1 is None:
            return False
        return normalise_region(place.admin1) == normalise_region(predicted.admin1)
    if predicted.lat is None or predicted.lon is None:
        return False
    return haversine_km(place.lat, place.lon, predicted.lat, predicted.lon) <= tolerance_km


def score_places(gold: GoldFile, analysis: ArticleAnalysis) -> Tally:
    """Each gold place mention against the predicted place mention overlapping it."""
    tally: Tally = {"gold": 0, "correct": 0, "correct_161km": 0, "country_correct": 0}
    for place in gold.places or ():
        for mention in place.mentions:
            tally["gold"] += 1
            found = best_overlapping(
                occurrences(analysis.article.text, mention),
                analysis.places,
                lambda p: span_interval(p.span),
            )
            if found is None:
                continue
            tally["correct"] += place_agrees(place, found, place.tolerance_km)
            tally["correct_161km"] += place_agrees(
                place, found, None if place.lat is None else _WITHIN_KM
            )
            country = (found.country or "").upper()
            tally["country_correct"] += country == place.country
    return tally


def score_contradictions(gold: GoldFile, analysis: ArticleAnalysis, pairs: ClaimPairs) -> Tally:
    """Predicted contradictions whose two claims match a gold pair (either order)."""
    gold_of = {claim.id: gold_id for gold_id, claim in pairs.items()}
    remaining = Counter(frozenset((c.a, c.b)) for c in gold.contradictions or ())
    matched = 0
    for contradiction in analysis.contradictions:
        a, b = gold_of.get(contradiction.a), gold_of.get(contradiction.b)
        key = frozenset((a or "", b or ""))
        if a is not None and b is not None and remaining[key] > 0:
            remaining[key] -= 1
            matched += 1
    return {
        "gold": len(gold.contradictions or ()),
        "predicted": len(analysis.contradictions),
        "matched": matched,
    }


def _date_for(places: list[tuple[int, int]], dates: list[DateMention]) -> DateMention | None:
    for date in dates:
        if any(date.span.start <= p[0] and p[1] <= date.span.end for p in places):
            return date
    return best_overlapping(places, dates, lambda d: span_interval(d.span))


def score_dates(gold: GoldFile, analysis: ArticleAnalysis) -> Tally:
    """The resolved value of the predicted date expression containing each gold text."""
    correct = 0
    for date in gold.dates or ():
        found = _date_for(occurrences(analysis.article.text, date.text), analysis.dates)
        correct += found is not None and date_values_agree(date.value, found.value)
    return {"gold": len(gold.dates or ()), "correct": correct}


def _contains_words(haystack: str, needle: str) -> bool:
    return bool(needle) and f" {needle} " in f" {haystack} "


def _event_place_agrees(
    gold_event: GoldEvent, event: Event, places: Mapping[str, GoldPlace]
) -> bool:
    names = [
        normalise_name(n) for n in (event.place, getattr(event.place_mention, "name", None)) if n
    ]
    place = places.get(gold_event.place)
    if place is None:
        target = normalise_name(gold_event.place)
        return any(_contains_words(target, n) or _contains_words(n, target) for n in names)
    if event.place_mention is not None and place_agrees(
        place, event.place_mention, place.tolerance_km
    ):
        return True
    gold_names = {normalise_name(m) for m in place.mentions}
    gold_names |= {normalise_name(place.canonical or ""), normalise_name(place.id)}
    return any(name in gold_names for name in names)


def _event_matches(gold_event: GoldEvent, event: Event, places: Mapping[str, GoldPlace]) -> bool:
    return (
        normalise_name(gold_event.type) == normalise_name(event.type)
        and date_values_agree(gold_event.date, event.date)
        and _event_place_agrees(gold_event, event, places)
    )


def _same_sub_type(gold_event: GoldEvent, event: Event) -> bool:
    if gold_event.sub_type is None or event.sub_type is None:
        return False
    return normalise_name(gold_event.sub_type) == normalise_name(event.sub_type)


def score_events(gold: GoldFile, analysis: ArticleAnalysis) -> Tally:
    """Events matched one to one on type, date and place; sub-types among the matched.

    Among qualifying pairs, those that also agree on sub-type are taken first, so the
    sub-type figure does not depend on the order of the predictions.
    """
    places = {place.id: place for place in gold.places or ()}
    gold_events = gold.events or ()
    candidates = [
        (not _same_sub_type(g, e), gi, pi)
        for gi, g in enumerate(gold_events)
        for pi, e in enumerate(analysis.events)
        if _event_matches(g, e, places)
    ]
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    tally: Tally = {
        "gold": len(gold_events),
        "predicted": len(analysis.events),
        "matched": 0,
        "sub_type_gold": sum(g.sub_type is not None for g in gold_events),
        "sub_type_scored": 0,
        "sub_type_correct": 0,
    }
    for differs, gi, pi in sorted(candidates):
        if gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        tally["matched"] += 1
        if gold_events[gi].sub_type is not None:
            tally["sub_type_scored"] += 1
            tally["sub_type_correct"] += not differs
    return tally


def _quantity_agrees(gold: GoldQuantity, predicted: Quantity) -> bool:
    if isinstance(gold.value, str):
        wanted = normalise_name(gold.value)
        said = [predicted.vague, predicted.span.text]
        return any(s is not None and normalise_name(s) == wanted for s in said)
    value, low, high = gold.value, predicted.low, predicted.high
    if low is not None and high is not None:
        return low - 1e-9 <= value <= high + 1e-9
    bound = low if low is not None else high
    return bound is not None and abs(bound - value) <= 1e-9


def score_quantities(gold: GoldFile, analysis: ArticleAnalysis, pairs: ClaimPairs) -> Tally:
    """Gold quantities found as a predicted quantity of the matched claim (one to one)."""
    used: set[int] = set()
    found = 0
    for quantity in gold.quantities or ():
        claim = pairs.get(quantity.claim)
        if claim is None:
            continue
        for index, predicted in enumerate(analysis.quantities):
            if index in used or predicted.claim_id != claim.id:
                continue
            if _quantity_agrees(quantity, predicted):
                used.add(index)
                found += 1
                break
    return {"gold": len(gold.quantities or ()), "found": found}


def score_captions(gold: GoldFile, analysis: ArticleAnalysis) -> Tally:
    """Recall: gold captions half covered by a predicted caption or heading line.

    Precision: predicted captions that overlap some gold caption at all.
    """
    text = analysis.article.text
    gold_places = [(caption, occurrences(text, caption)) for caption in gold.captions or ()]
    predicted = [(r.start, r.end) for r in analysis.captions]
    found = sum(
        any(covers_half(places, interval, len(caption)) for interval in predicted)
        for caption, places in gold_places
    )
    every_place = [p for _caption, places in gold_places for p in places]
    precise = sum(any(overlap(p, interval) > 0 for p in every_place) for interval in predicted)
    return {
        "gold": len(gold.captions or ()),
        "predicted": len(predicted),
        "found": found,
        "precise": precise,
    }


def score_verification_statements(gold: GoldFile, analysis: ArticleAnalysis) -> Tally:
    """Gold statements half covered by a predicted verification statement."""
    text = analysis.article.text
    spans = [span_interval(s.span) for s in analysis.verification_statements]
    found = sum(
        any(covers_half(occurrences(text, statement), span, len(statement)) for span in spans)
        for statement in gold.verification_statements or ()
    )
    return {"gold": len(gold.verification_statements or ()), "found": found}
