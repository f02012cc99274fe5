"""Attributed claims read from Russian sentences: sources, content, relays, hedges."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from corroborate.geo import Gazetteer
from corroborate.models import Article, ArticleAnalysis, Claim
from corroborate.resolve.actors import load_actors
from corroborate.ru import RussianAnalyzer

Analyse = Callable[[str], ArticleAnalysis]


@pytest.fixture(scope="module")
def analyse(small_gazetteer: Path) -> Iterator[Analyse]:
    """Analyse a Russian text dated Tuesday 12 March 2024 (natasha loads once a session)."""
    with Gazetteer.open(small_gazetteer, build_if_missing=False) as gazetteer:
        analyzer = RussianAnalyzer(gazetteer, load_actors())

        def run(text: str) -> ArticleAnalysis:
            article = Article(
                id="ru", text=text, source="t", format="text", language="ru",
                published=dt.date(2024, 3, 12),
            )  # fmt: skip
            return analyzer.analyze(article)

        yield run


def _actor(analysis: ArticleAnalysis, claim: Claim) -> str | None:
    entity = analysis.entity(claim.sources[0].entity_id)
    return entity.actor_id if entity is not None else None


def test_ru_claims_speech_verb_gives_source_and_what_clause(analyse: Analyse) -> None:
    analysis = analyse("Минобороны России заявило, что атака у Тёткино отражена.")
    [claim] = analysis.claims
    assert _actor(analysis, claim) == "ru_mod"
    assert claim.content.text == "атака у Тёткино отражена"
    assert claim.cue is not None and claim.cue.text == "заявило"


def test_ru_claims_reference_makes_the_outlet_a_relay(analyse: Analyse) -> None:
    analysis = analyse(
        "Украинские военные пытались прорваться в районе Грайворона, сообщает ТАСС "
        "со ссылкой на источник в силовых структурах."
    )
    [claim] = analysis.claims
    assert claim.sources[0].name == "источник в силовых структурах"
    relays = [analysis.entity(v.entity_id) for v in claim.via]
    assert [e.actor_id if e is not None else None for e in relays] == ["tass"]
    assert claim.content.text == "Украинские военные пытались прорваться в районе Грайворона"


def test_ru_claims_according_to_names_the_speaker(analyse: Analyse) -> None:
    analysis = analyse(
        "По словам губернатора Белгородской области Вячеслава Гладкова, в Шебекино "
        "повреждены два дома."
    )
    [claim] = analysis.claims
    assert _actor(analysis, claim) == "gladkov"
    assert claim.cue is not None and claim.cue.text == "По словам"
    assert claim.content.text == "в Шебекино повреждены два дома"


def test_ru_claims_inverted_tag_tells_the_clause_before(analyse: Analyse) -> None:
    analysis = analyse("В Шебекино повреждены два дома, сообщает РИА Новости.")
    [claim] = analysis.claims
    assert _actor(analysis, claim) == "ria_novosti"
    assert claim.content.text == "В Шебекино повреждены два дома"


def test_ru_claims_quote_tag_pronoun_is_the_person_named_before(analyse: Analyse) -> None:
    analysis = analyse(
        "Губернатор Вячеслав Гладков прибыл в Шебекино. «Пострадавших нет», — сказал он."
    )
    [claim] = analysis.claims
    assert claim.content.text == "Пострадавших нет"
    assert claim.sources[0].name == "Вячеслав Гладков"
    assert claim.sources[0].span is not None and claim.sources[0].span.text == "он"


def test_ru_claims_name_and_colon_before_a_quotation(analyse: Analyse) -> None:
    analysis = analyse("Гладков: «В Шебекино повреждены три частных дома».")
    [claim] = analysis.claims
    assert _actor(analysis, claim) == "gladkov"
    assert claim.content.text == "В Шебекино повреждены три частных дома"


def test_ru_claims_about_this_relays_the_sentence_before(analyse: Analyse) -> None:
    relayed = analyse("Минобороны России заявило, что атака отражена. Об этом сообщает ТАСС.")
    [claim] = relayed.claims
    assert _actor(relayed, claim) == "ru_mod"
    assert [v.name for v in claim.via] == ["ТАСС"]
    told = analyse("Подразделения отразили атаку у Тёткино. Об этом сообщает ТАСС.")
    [claim] = told.claims
    assert _actor(told, claim) == "tass"
    assert claim.content.text == "Подразделения отразили атаку у Тёткино"


def test_ru_claims_impersonal_cue_has_an_unnamed_source(analyse: Analyse) -> None:
    analysis = analyse("Сообщается, что в Шебекино пострадали двое мирных жителей.")
    [claim] = analysis.claims
    assert claim.sources[0].name == "unnamed source"
    assert claim.content.text == "в Шебекино пострадали двое мирных жителей"


def test_ru_claims_channel_and_seat_of_a_body(analyse: Analyse) -> None:
    telegram = analyse("Гладков написал в своем телеграм-канале, что повреждений нет.")
    assert telegram.claims[0].channel == "telegram"
    seat = analyse("В Кремле заявили, что информация о прорыве не соответствует действительности.")
    [claim] = seat.claims
    assert _actor(seat, claim) == "kremlin"
    assert claim.polarity == "negative"


def test_ru_claims_narration_and_questions_are_not_claims(analyse: Analyse) -> None:
    assert analyse("Подразделения ВСУ атаковали село Тёткино на рассвете.").claims == []
    assert analyse("Кто заявил, что атака отражена?").claims == []
    assert analyse("Губернатор не сообщил, пострадал ли кто-нибудь.").claims == []


def test_ru_claims_hedges_and_distancing_cues(analyse: Analyse) -> None:
    hedged = analyse("По предварительным данным, в Шебекино якобы пострадали два человека.")
    [claim] = hedged.claims
    assert claim.sources[0].name == "unnamed source"
    assert claim.certainty == "underspecified"
    assert {"якобы", "предварительный"} <= set(claim.hedge_cues)
    distanced = analyse("Легион «Свобода России» утверждает, что его бойцы вошли в Тёткино.")
    assert distanced.claims[0].certainty == "underspecified"
    assert analyse("Гладков сообщил, что в Шебекино повреждены дома.").claims[0].hedged is False


def test_ru_claims_verification_statement_qualifies_the_claim_before(analyse: Analyse) -> None:
    analysis = analyse(
        "Легион «Свобода России» заявил, что его бойцы вошли в Тёткино. "
        "Независимо подтвердить эту информацию не удалось."
    )
    [claim] = analysis.claims
    [statement] = analysis.verification_statements
    assert statement.status == "unconfirmed"
    assert statement.qualifies == [claim.id]
    assert claim.status == "unconfirmed"
