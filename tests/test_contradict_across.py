"""Contradictions between articles, from the ledger's stored records."""

from __future__ import annotations

from corroborate.contradict.across import (
    StoredClaim,
    contradictions_across,
    contradictions_with_aspects,
)
from corroborate.models import Claim, PlaceMention, SourceRef, Span

VILLAGE = PlaceMention(
    Span(0, 10, "Churovichi"),
    "Churovichi",
    52.5,
    32.8,
    "Bryansk Oblast",
    "RU",
    "settlement",
    place_id=567469,
)
REGION = PlaceMention(
    Span(0, 7, "Bryansk"),
    "Bryansk Oblast",
    53.0,
    33.4,
    "Bryansk Oblast",
    "RU",
    "region",
    place_id=-10,
)
OTHER_REGION = PlaceMention(
    Span(0, 5, "Kursk"), "Kursk Oblast", 51.7, 36.0, "Kursk Oblast", "RU", "region", place_id=-41
)


def _claim(
    article: str, source: str, side: str, slots: dict[str, str], places: list[PlaceMention]
) -> StoredClaim:
    claim = Claim(
        f"{article}-c1",
        article,
        Span(0, 4, "text"),
        Span(0, 4, "text"),
        [SourceRef(source)],
        slots=slots,
    )
    return StoredClaim(article, article, claim, source, (side, "state"), places)


def test_contradict_across_taken_against_stopped_in_its_region() -> None:
    legion = _claim("a", "Legion", "ukraine", {"outcome": "taken"}, [VILLAGE])
    ministry = _claim("b", "Ministry", "russia", {"outcome": "repelled"}, [REGION])
    [(_, _, why)] = contradictions_across([legion, ministry])
    assert "Churovichi taken" in why and "Bryansk Oblast" in why


def test_contradict_across_other_region_or_same_side_is_no_pair() -> None:
    legion = _claim("a", "Legion", "ukraine", {"outcome": "taken"}, [VILLAGE])
    elsewhere = _claim("b", "Ministry", "russia", {"outcome": "repelled"}, [OTHER_REGION])
    ally = _claim("c", "Volunteer Corps", "ukraine", {"outcome": "repelled"}, [REGION])
    assert contradictions_across([legion, elsewhere, ally]) == []


def test_contradict_across_copies_are_not_set_against_each_other() -> None:
    legion = _claim("a", "Legion", "ukraine", {"outcome": "taken"}, [VILLAGE])
    ministry = _claim("b", "Ministry", "russia", {"outcome": "repelled"}, [REGION])
    ministry.origin = "a"  # "b" is a republication of "a"
    assert contradictions_across([legion, ministry]) == []


def _dated(claim: StoredClaim, published: str) -> StoredClaim:
    claim.published = published
    return claim


def test_contradict_across_damage_and_target_have_their_aspect() -> None:
    governor = _claim("a", "Gusev", "russia", {"damage": "none"}, [VILLAGE])
    staff = _claim("b", "General Staff", "ukraine", {"damage": "damaged"}, [VILLAGE])
    officials = _claim("c", "Artiukh", "ukraine", {"target": "civilian"}, [])
    ministry = _claim("d", "Ministry", "russia", {"target": "military"}, [])
    found = {aspect for _, _, aspect, _ in contradictions_with_aspects([governor, staff])}
    assert found == {"damage"}
    [(_, _, aspect, why)] = contradictions_with_aspects([officials, ministry])
    assert aspect == "target" and "civilians" in why and "military" in why


def test_contradict_across_casualty_figures_only_on_the_same_day() -> None:
    baza = _dated(_claim("a", "Baza", "none", {"wounded": "4 civilians"}, []), "2024-04-16")
    governor = _claim("b", "Bogomaz", "russia", {"wounded": "3 civilians"}, [])
    later = _claim("c", "Bogomaz", "russia", {"wounded": "5 civilians"}, [])
    [(_, _, aspect, why)] = contradictions_with_aspects([baza, _dated(governor, "2024-04-16")])
    assert aspect == "wounded" and "4" in why and "3" in why
    # The next day's toll is an update, not a contradiction.
    assert contradictions_with_aspects([baza, _dated(later, "2024-04-17")]) == []


def test_contradict_across_one_party_named_two_ways_is_no_pair() -> None:
    ministry = _claim("a", "Russian Ministry of Defence", "", {"target": "military"}, [])
    short = _claim("b", "Defense Ministry", "", {"target": "civilian"}, [])
    ministry.side = short.side = None
    assert contradictions_with_aspects([ministry, short]) == []
