"""Spelling and transliteration variants: which names meet, which must stay apart.

The tables are the reference for ``name_key``, ``fuzzy_same`` and actor matching: a
variant seen in real coverage goes in the first tables, a look-alike that is a different
place or person goes in the "apart" tables.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from corroborate.errors import ConfigError
from corroborate.models import Span
from corroborate.resolve.actors import Actor, ActorBase, load_actors
from corroborate.resolve.entities import NEW_ACTOR_PREFIX, NameMention, group_entities
from corroborate.resolve.names import fuzzy_same, name_key, names_one_party

# Spellings of one name that must share a key.
SAME_KEY = [
    ("Yusov", "Jusov", "Юсов"),
    ("Tyotkino", "Tjotkino", "Tetkino", "Tëtkino", "Тёткино", "Тьоткіно", "T'otkino"),
    ("Baranovsky", "Baranovski", "Baranowski", "Барановский"),
    ("Kiev", "Kyiv", "Киев", "Київ"),
    ("Kharkov", "Kharkiv", "Харьков", "Харків"),
    ("Odessa", "Odesa", "Одесса"),
    ("Nikolaev", "Mykolaiv", "Миколаїв"),
    ("Zaporozhye", "Zaporizhzhia", "Zaporizhzhya", "Запорожье", "Запоріжжя"),
    ("Lugansk", "Luhansk", "Луганськ"),
    ("Dnepr", "Dnipro", "Днепр", "Дніпро"),
    ("Chernigov", "Chernihiv", "Чернігів"),
    ("Gladkov", "Гладков"),
    ("Peskov", "Песков", "Пєсков"),
    ("Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskyi", "Зеленський", "Зеленский"),
    ("Syrskyi", "Syrsky", "Сирський", "Сырский"),
    ("Zaluzhnyi", "Zaluzhny", "Залужний", "Залужный"),
    ("Shoigu", "Shoygu", "Шойгу"),
    ("Podolyak", "Podoliak", "Подоляк"),
    ("Kadyrov", "Кадыров", "Кадиров"),
    ("Yermak", "Єрмак", "Ермак"),
    ("Ihnat", "Ignat", "Ігнат"),
    ("Uzhhorod", "Uzhgorod"),
    ("Aksyonov", "Aksenov", "Аксёнов"),
    ("Baza", "«Базa»", '"Baza"'),
    ("the Legion's", "Legion"),
    ("Storm-Z", "Storm Z"),
    ("Russian Defense Ministry", "Russian Defence Ministry"),
]

# Different places or people that look alike: keys differ and fuzzy matching refuses.
APART = [
    ("Belgorod", "Beograd"),
    ("Belgorod", "Bilhorod"),  # Bilhorod-Dnistrovskyi is a town in Odesa region
    ("Azov", "Azot"),
    ("Rusich", "Russia"),
    ("Sumy", "Sami"),
    ("Gladkov", "Glazkov"),
    ("Lavrov", "Lavrin"),
    ("Mash", "Mask"),
    ("Pokrovsk", "Pokrovske"),  # two towns in Donetsk region
    ("Bakhmut", "Artemovsk"),  # a rename, covered by aliases rather than folding
    # Ivanova is the feminine form of Ivanov: another person, never the same name.
    ("Ivanov", "Ivanova"),
    ("47th Mechanised Brigade", "41st Mechanised Brigade"),
]

# Mentions that must all resolve to one actor of the packaged base.
SAME_ACTOR = [
    (
        "freedom_of_russia_legion",
        (
            "Legion of Free Russia",
            "Free Russian Legion",
            "Freedom of Russia Legion",
            "Legion Freedom of Russia",
            'Legion "Freedom of Russia"',
            "«Свобода России»",
            "Легион «Свобода России»",
        ),
    ),
    ("rdk", ("RDK", "Russian Volunteer Corps", "Русский добровольческий корпус")),
    ("hur", ("HUR", "GUR", "Defence Intelligence of Ukraine", "ГУР", "Ukraine's HUR")),
    (
        "ru_mod",
        (
            "the Russian Defence Ministry",
            "Russia's Ministry of Defence",
            "Russian MoD",
            "Ministry of Defense of Russia",
            "Минобороны России",
        ),
    ),
    ("baza", ("Baza", "«Базa»", '"Baza"')),
    ("yusov", ("Yusov", "Jusov", "Юсов", "Andrii Iusov")),
    ("baranovsky", ("Baranovsky", "Baranowski", "Барановский", "Alexej Baranowski")),
    ("gladkov", ("Gladkov", "Гладков", "Vyacheslav Gladkov")),
    ("peskov", ("Peskov", "Песков", "Dmitry Peskov")),
    ("zelensky", ("Zelensky", "Zelenskyy", "Zelenskiy", "Зеленський", "Зеленский")),
    ("shoigu", ("Shoigu", "Шойгу")),
    ("podolyak", ("Podolyak", "Podoliak", "Подоляк")),
    ("kadyrov", ("Kadyrov", "Кадыров")),
    ("kyiv_post", ("Kyiv Post", "Kiev Post")),
]

# Mentions too generic, or too unlike any actor, to name one.
NO_ACTOR = ["the Legion", "Legion", "Ministry of Defence", "the army", "Air Force", "Azot", "Mask"]


@pytest.mark.parametrize("spellings", SAME_KEY, ids=lambda s: s[0])
def test_names_variants_share_a_key(spellings: tuple[str, ...]) -> None:
    keys = {name_key(s) for s in spellings}
    assert len(keys) == 1, dict(zip(spellings, map(name_key, spellings), strict=True))
    assert keys != {""}


@pytest.mark.parametrize(("a", "b"), APART, ids=lambda s: s)
def test_names_lookalikes_stay_apart(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)
    assert not fuzzy_same(a, b)


def test_names_fuzzy_same_accepts_a_small_misspelling_of_a_long_name() -> None:
    assert fuzzy_same("Stoltenberg", "Stoltenbreg")
    assert fuzzy_same("Konashenkov", "Konashenkof")
    assert fuzzy_same("Zelenskyy", "Зеленский")
    assert not fuzzy_same("Stoltenberg", "Stoltenbreg", threshold=95)


def test_names_finnish_genitive_is_not_folded() -> None:
    # "Venäjän" (Russia's) keeps its ending; the actor base covers it with aliases.
    assert name_key("Venäjän") != name_key("Venäjä")


@pytest.fixture(scope="module")
def base() -> ActorBase:
    return load_actors()


@pytest.mark.parametrize(("actor_id", "mentions"), SAME_ACTOR, ids=lambda s: str(s)[:24])
def test_actors_variants_match_one_actor(
    base: ActorBase, actor_id: str, mentions: tuple[str, ...]
) -> None:
    found = {m: getattr(base.match(m), "id", None) for m in mentions}
    assert set(found.values()) == {actor_id}, found


@pytest.mark.parametrize("mention", NO_ACTOR)
def test_actors_generic_or_lookalike_mentions_match_nothing(base: ActorBase, mention: str) -> None:
    assert base.match(mention) is None


def _actor(actor_id: str, canonical: str, *aliases: str, kind: str = "armed_group") -> Actor:
    return Actor(actor_id, canonical, kind, "pro_ukrainian", "ukraine", "UA", aliases)


def test_actors_generic_words_alone_never_match_even_as_an_alias() -> None:
    tiny = ActorBase([_actor("legion", "Freedom of Russia Legion", "The Legion", "Legion")])
    assert tiny.match("the Legion") is None
    assert tiny.match("Legion's") is None
    assert tiny.candidates("Legion") == []
    found = tiny.match("the Freedom of Russia Legion's")
    assert found is not None and found.id == "legion"


def test_actors_a_name_two_actors_share_matches_neither() -> None:
    tiny = ActorBase(
        [_actor("a", "Vostok Battalion", "Vostok"), _actor("b", "Vostok Group", "Vostok")]
    )
    assert tiny.match("Vostok") is None
    assert {actor.id for actor, _ in tiny.candidates("Vostok")} == {"a", "b"}


def test_actors_surname_matches_only_when_one_person_has_it(base: ActorBase) -> None:
    smirnov = base.match("Smirnov")
    assert smirnov is not None and smirnov.id == "smirnov"
    assert base.match("Fedorov") is None  # Ivan and Mykhailo Fedorov
    ids = {actor.id for actor, _ in base.candidates("Fedorov")}
    assert {"ivan_fedorov", "mykhailo_fedorov"} <= ids


def test_actors_fuzzy_match_keeps_to_the_kind_group(base: ActorBase) -> None:
    stoltenberg = base.match("Stoltenbreg", kind="person")
    assert stoltenberg is not None and stoltenberg.id == "stoltenberg"
    assert base.match("Stoltenbreg", kind="organisation") is None
    assert base.match("Smirnov", kind="organisation") is None


def test_actors_packaged_base_is_large_and_clean(base: ActorBase) -> None:
    assert len(base) >= 150
    assert resources.files("corroborate").joinpath("data/actors.yaml").is_file()
    owners: dict[str, set[str]] = {}
    for actor in base:
        for name in actor.names:
            key = name_key(name)
            assert key, (actor.id, name)
            owners.setdefault(key, set()).add(actor.id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert not shared, f"names shared by several actors match none of them: {shared}"


def test_actors_every_name_matches_its_own_actor(base: ActorBase) -> None:
    wrong = {
        (actor.id, name): getattr(base.match(name), "id", None)
        for actor in base
        for name in actor.names
        if getattr(base.match(name), "id", None) != actor.id
    }
    assert not wrong, f"names that do not lead back to their actor (too generic?): {wrong}"


USER_FILE = """\
version: 1
actors:
  - id: ru_mod
    canonical: Ministry of Defence of the Russian Federation
    kind: ministry
    affiliation: russian_state
    side: russia
    country: RU
    aliases: [Russian MoD]
  - id: yusov_unit
    canonical: Yusov Test Detachment
    kind: armed_group
    affiliation: pro_ukrainian
    side: ukraine
    country: UA
    aliases: [Юсовский отряд]
"""


def test_actors_load_adds_user_actors_and_replaces_by_id(tmp_path: Path) -> None:
    extra = tmp_path / "my_actors.yaml"
    extra.write_text(USER_FILE, encoding="utf-8")
    packaged = load_actors()
    merged = ActorBase.load([extra])
    assert len(merged) == len(packaged) + 1
    new = merged.match("Юсовский отряд")
    assert new is not None and new.id == "yusov_unit"
    replaced = merged.get("ru_mod")
    assert replaced is not None
    assert replaced.canonical == "Ministry of Defence of the Russian Federation"
    assert merged.match("Минобороны России") is None  # the old aliases went with it
    assert packaged.match("Минобороны России") is not None


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("version: 1\nactors:\n  - id: x1\n    canonical: [unclosed\n", "YAML"),
        (USER_FILE.replace("kind: armed_group", "kind: militia"), "'kind'"),
        (USER_FILE.replace("    affiliation: pro_ukrainian\n", ""), "'affiliation'"),
        (USER_FILE.replace("country: UA", "country: Ukraine"), "'country'"),
        (USER_FILE.replace("aliases: [Юсовский отряд]", "alias: [x]"), "'alias'"),
        (USER_FILE.replace("id: yusov_unit", "id: Yusov Unit"), "'id'"),
    ],
    ids=["syntax", "kind", "missing", "country", "unknown-field", "id"],
)
def test_actors_malformed_user_file_names_file_entry_and_field(
    tmp_path: Path, text: str, field: str
) -> None:
    bad = tmp_path / "bad_actors.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        ActorBase.load([bad])
    message = str(caught.value)
    assert str(bad) in message
    assert field in message
    if field != "YAML":
        assert "entry 2" in message


def test_names_unknown_actor_gets_the_same_id_in_every_article() -> None:
    actors = load_actors()
    first = group_entities(
        "a1", [NameMention("Ivan Jusupov", Span(0, 12, "Ivan Jusupov"), "person")], actors
    )
    second = group_entities(
        "a2", [NameMention("Ivan Yusupov", Span(0, 12, "Ivan Yusupov"), "person")], actors
    )
    assert first[0].actor_id == second[0].actor_id
    assert first[0].actor_id is not None and first[0].actor_id.startswith(NEW_ACTOR_PREFIX)
    assert first[0].id != second[0].id  # entity ids stay local to their article


def test_names_variants_country_before_a_bare_ministry_name() -> None:
    text = "Russia’s Defense Ministry said 14 drones were downed. The Defense Ministry added..."
    first = text.index("Defense Ministry")
    second = text.index("Defense Ministry", first + 1)
    mentions = [
        NameMention(
            "Defense Ministry", Span(first, first + 16, "Defense Ministry"), "organisation"
        ),
        NameMention(
            "Defense Ministry", Span(second, second + 16, "Defense Ministry"), "organisation"
        ),
    ]
    [entity] = group_entities("a", mentions, load_actors(), text)
    assert entity.actor_id == "ru_mod"
    bare = "The Defense Ministry added"
    mention = NameMention("Defense Ministry", Span(4, 20, "Defense Ministry"), "organisation")
    [alone] = group_entities("a", [mention], load_actors(), bare)
    assert alone.actor_id != "ru_mod"  # which country's ministry, the text does not say


def test_names_variants_one_party_by_its_words() -> None:
    assert names_one_party("Defence Ministry", "Russian Ministry of Defense")
    assert names_one_party("Legion", "Freedom of Russia Legion")
    assert not names_one_party("Foreign Ministry", "Defence Ministry")


def test_actors_country_possessive_reads_as_its_adjective(base: ActorBase) -> None:
    military = base.match("Ukraine's military")
    assert military is not None and military.canonical == "Armed Forces of Ukraine"
    staff = base.match("Ukraine's General Staff")
    assert staff is not None and staff.canonical == "General Staff of the Armed Forces of Ukraine"
    assert base.match("Ukraine's army chief") is None


def _org(name: str, start: int) -> NameMention:
    return NameMention(name, Span(start, start + len(name), name), "organisation")


def test_entities_short_name_joins_the_one_body_named_in_full(base: ActorBase) -> None:
    one = group_entities(
        "a1", [_org("Russian Ministry of Defence", 0), _org("Defence Ministry", 100)], base
    )
    assert [(e.actor_id, e.aliases) for e in one] == [("ru_mod", ["Defence Ministry"])]
    two = group_entities(
        "a2",
        [
            _org("Russian Ministry of Defence", 0),
            _org("Ministry of Defence of Ukraine", 50),
            _org("Defence Ministry", 100),
        ],
        base,
    )
    short = [e for e in two if e.canonical == "Defence Ministry"]
    assert len(short) == 1 and short[0].actor_id not in ("ru_mod", "ua_mod")
