"""What Russian claims assert, in the slots English claims fill, and contradictions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from corroborate.geo import Gazetteer
from corroborate.models import Article, ArticleAnalysis
from corroborate.resolve.actors import load_actors
from corroborate.ru import RussianAnalyzer

Analyse = Callable[[str], ArticleAnalysis]
Slots = Callable[[str], dict[str, str]]


@pytest.fixture(scope="module")
def analyse(small_gazetteer: Path) -> Iterator[Analyse]:
    with Gazetteer.open(small_gazetteer, build_if_missing=False) as gazetteer:
        analyzer = RussianAnalyzer(gazetteer, load_actors())

        def run(text: str) -> ArticleAnalysis:
            article = Article(
                id="ru", text=text, source="t", format="text", language="ru",
                published=dt.date(2024, 3, 12),
            )  # fmt: skip
            return analyzer.analyze(article)

        yield run


@pytest.fixture(scope="module")
def slots(analyse: Analyse) -> Slots:
    """The slots of the one claim of a text."""

    def run(text: str) -> dict[str, str]:
        [claim] = analyse(text).claims
        return claim.slots

    return run


def test_ru_slots_taken_repelled_and_ongoing(slots: Slots) -> None:
    taken = slots("Бойцы Легиона «Свобода России» заявили, что захватили село Тёткино.")
    assert taken["outcome"] == "taken"
    assert slots("Минобороны России заявило, что атака отражена.")["outcome"] == "repelled"
    ongoing = slots("Легион сообщил, что бои в Тёткино продолжаются.")
    assert ongoing["outcome"] == "ongoing"
    assert "outcome" not in slots("Губернатор сообщил, что работы в Шебекино продолжаются.")


def test_ru_slots_denied_or_failed_capture_is_repelled(slots: Slots) -> None:
    assert slots("В Минобороны опровергли захват Тёткино.")["outcome"] == "repelled"
    failed = slots("Губернатор заявил, что ВСУ не смогли войти в Тёткино.")
    assert failed["outcome"] == "repelled"
    fake = slots("В Кремле заявили, что сообщения о захвате Тёткино — фейк.")
    assert fake["outcome"] == "repelled"


def test_ru_slots_attempt_and_control_idiom_take_nothing(slots: Slots) -> None:
    attempt = slots("Источник сообщил, что украинская ДРГ пыталась прорваться в Тёткино.")
    assert "outcome" not in attempt
    assert attempt["attacker"] == "state forces"
    calm = slots("Гладков заявил, что ситуация находится под контролем.")
    assert "outcome" not in calm


def test_ru_slots_attacker_independent_or_state_forces(slots: Slots) -> None:
    independent = slots("В Легионе заявили, что его бойцы действуют самостоятельно.")
    assert independent["attacker"] == "independent"
    state = slots("Минобороны России сообщило, что атака ВСУ у Тёткино отражена.")
    assert state["attacker"] == "state forces"
    defenders = slots("Гладков сообщил, что российские военные отразили атаку.")
    assert "attacker" not in defenders  # forces that repel an attack are not its attackers


def test_ru_slots_damage_target_and_casualties(slots: Slots) -> None:
    hit = slots("Гладков сообщил, что в Шебекино поврежден жилой дом, погибли два мирных жителя.")
    assert hit["damage"] == "damaged"
    assert hit["target"] == "civilian"
    assert hit["killed"] == "2 civilians"
    assert slots("Гладков написал, что повреждений нет.")["damage"] == "none"
    assert slots("Губернатор сообщил, что никто не пострадал.")["damage"] == "none"
    base = slots("Минобороны заявило, что удар нанесен по пункту временной дислокации ВСУ.")
    assert base["target"] == "military"
    wounded = slots("Гладков сообщил, что еще пятеро ранены.")
    assert wounded["wounded"] == "5 civilians"
    vague = slots("Источник сообщил, что уничтожено до 40 боевиков.")
    assert "killed" not in vague  # "до 40" is a bound, not a figure two sources can dispute


def test_ru_slots_start_of_the_attack(slots: Slots) -> None:
    assert slots("Легион заявил, что бои начались в воскресенье.")["start"] == "2024-03-10"
    assert slots("Легион заявил, что бои идут с утра вторника.")["start"] == "2024-03-12"


def test_ru_slots_contradiction_within_an_article(analyse: Analyse) -> None:
    analysis = analyse(
        "Легион «Свобода России» заявил, что его бойцы взяли Тёткино. "
        "Минобороны России сообщило, что атака в Курской области отражена."
    )
    [contradiction] = analysis.contradictions
    assert {contradiction.a, contradiction.b} == {c.id for c in analysis.claims}
    assert "Теткино taken" in contradiction.why and "Kursk Oblast" in contradiction.why
