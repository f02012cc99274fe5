"""Copies and event clusters across articles, on records built by hand."""

from __future__ import annotations

import datetime as dt

from corroborate.merge import CopyIndex, EventClusterer, assign_clusters
from corroborate.merge.clusters import places_agree
from corroborate.models import Article, ArticleAnalysis, Event, PlaceMention, Span

WIRE = (
    "Russian volunteer fighters crossed into the Bryansk region on Tuesday and attacked the "
    "village of Churovichi, the regional governor said, adding that two civilians were "
    "wounded and several houses were damaged by shelling during the fighting."
)


def _place(name: str, lat: float, lon: float, precision: str = "settlement") -> PlaceMention:
    return PlaceMention(
        span=Span(0, len(name), name),
        name=name,
        lat=lat,
        lon=lon,
        admin1="Bryansk Oblast",
        country="RU",
        precision=precision,  # type: ignore[arg-type]
        place_id=hash(name) % 100000,
    )


CHUROVICHI = _place("Churovichi", 52.52, 32.77)
KLIMOVO = _place("Klimovo", 52.38, 32.19)
BRYANSK_OBLAST = _place("Bryansk Oblast", 53.0, 33.5, "region")


def _analysis(
    article_id: str,
    text: str,
    events: list[tuple[str, str, PlaceMention]],
    published: dt.date = dt.date(2024, 4, 16),
) -> ArticleAnalysis:
    article = Article(
        id=article_id, text=text, source=article_id, format="json", published=published
    )
    return ArticleAnalysis(
        article=article,
        events=[
            Event(
                id=f"{article_id}-v{n}",
                article_id=article_id,
                type=event_type,
                sub_type=None,
                date=date,
                place=place.name,
                claim_ids=[f"{article_id}-c{n}"],
                place_mention=place,
            )
            for n, (event_type, date, place) in enumerate(events, 1)
        ],
    )


def test_merge_copies_share_an_origin() -> None:
    index = CopyIndex()
    assert index.add("wire", WIRE, dt.date(2024, 4, 16)) == "wire"
    copy = "BRYANSK (Reuters) - " + WIRE.replace("several houses", "three houses")
    assert index.add("copy", copy, dt.date(2024, 4, 16)) == "wire"
    other = "Ukraine's air force said it shot down 20 drones over the Kharkiv region overnight."
    assert index.add("other", other, dt.date(2024, 4, 16)) == "other"


def test_merge_earlier_copy_becomes_the_origin() -> None:
    index = CopyIndex()
    index.add("late", WIRE, dt.date(2024, 4, 17))
    assert (
        index.add("early", WIRE + " Officials gave no more details.", dt.date(2024, 4, 16))
        == "early"
    )
    assert index.origin("late") == "early"


def test_merge_two_sides_same_village_same_day_one_cluster() -> None:
    claims = _analysis("a", "Volunteers took Churovichi.", [("Battles", "2024-04-16", CHUROVICHI)])
    denial = _analysis(
        "b",
        "The ministry said a sabotage group was destroyed.",
        [("Strategic developments", "2024-04-16", CHUROVICHI)],
    )
    found = assign_clusters([claims, denial])
    assert found["a"] == found["b"]


def test_merge_same_village_another_day_is_another_cluster() -> None:
    raid = _analysis("a", "Raid on Churovichi.", [("Battles", "2024-04-16", CHUROVICHI)])
    shelling = _analysis(
        "b", "Shelling of Churovichi.", [("Explosions/Remote violence", "2024-04-03", CHUROVICHI)]
    )
    found = assign_clusters([raid, shelling])
    assert found["a"] != found["b"]


def test_merge_different_village_same_day_is_another_cluster() -> None:
    first = _analysis("a", "Raid on Churovichi.", [("Battles", "2024-04-16", CHUROVICHI)])
    second = _analysis("b", "Clash at Klimovo.", [("Battles", "2024-04-16", KLIMOVO)])
    found = assign_clusters([first, second])
    assert found["a"] != found["b"]


def test_merge_region_report_joins_same_type_only() -> None:
    village = _analysis("a", "Raid on Churovichi.", [("Battles", "2024-04-16", CHUROVICHI)])
    region = _analysis("b", "Fighting in the region.", [("Battles", "2024-04-17", BRYANSK_OBLAST)])
    protest = _analysis(
        "c", "A protest in the region.", [("Protests", "2024-04-16", BRYANSK_OBLAST)]
    )
    found = assign_clusters([village, region, protest])
    assert found["a"] == found["b"]
    assert found["c"] != found["a"]


def test_merge_clusterer_is_incremental() -> None:
    clusterer = EventClusterer()
    first = clusterer.add(_analysis("a", "Raid.", [("Battles", "2024-04-16", CHUROVICHI)]))
    later = clusterer.add(_analysis("b", "Raid, later.", [("Battles", "2024-04-17", CHUROVICHI)]))
    assert first == later
    assert clusterer.cluster_of_article("a") == first


def test_merge_places_in_another_country_never_agree() -> None:
    kharkiv = PlaceMention(
        Span(0, 7, "Kharkiv"), "Kharkiv", 50.0, 36.2, "Kharkiv Oblast", "UA", "settlement"
    )
    belgorod = PlaceMention(
        Span(0, 8, "Belgorod"), "Belgorod", 50.6, 36.6, "Belgorod Oblast", "RU", "settlement"
    )
    assert not places_agree(kharkiv, belgorod)


def _typed(article_id: str, kind: tuple[str, str], place: PlaceMention) -> ArticleAnalysis:
    # Texts of their own: a syndicated copy would join its origin whatever its events.
    text = f"A report on the {kind[1].lower()} near {place.name}, filed as {article_id}."
    analysis = _analysis(article_id, text, [(kind[0], "2024-04-16", place)])
    analysis.events[0].sub_type = kind[1]
    return analysis


def test_merge_clusters_strike_and_its_interception_are_one_event() -> None:
    strike = _typed("strike", ("Explosions/Remote violence", "Air/drone strike"), CHUROVICHI)
    downed = _typed("downed", ("Strategic developments", "Disrupted weapons use"), BRYANSK_OBLAST)
    protest = _typed("protest", ("Protests", "Peaceful protest"), BRYANSK_OBLAST)
    clusters = EventClusterer()
    first, second, third = (clusters.add(a) for a in (strike, downed, protest))
    assert first == second
    assert third != first
