"""One source, one statement, many articles: one claim with many citations."""

from __future__ import annotations

from corroborate.merge.claims import ClaimMention, group_claims


def test_merge_claims_paraphrase_and_translation_join() -> None:
    grouped = group_claims(
        [
            ClaimMention(
                "ru_mod", "Ministry", "Russian forces repelled the attack on the village", "a"
            ),
            ClaimMention(
                "ru_mod", "Ministry", "Russian troops repelled an attack on the village", "b"
            ),
            ClaimMention("ru_mod", "Минобороны", "Российские войска отбили атаку на село", "c"),
        ]
    )
    assert len(grouped) == 1
    assert grouped[0].citations == ["a", "b", "c"]


def test_merge_claims_other_source_or_statement_stays_apart() -> None:
    grouped = group_claims(
        [
            ClaimMention(
                "ru_mod", "Ministry", "Russian forces repelled the attack on the village", "a"
            ),
            ClaimMention(
                "legion", "Legion", "Russian forces repelled the attack on the village", "b"
            ),
            ClaimMention(
                "ru_mod", "Ministry", "Two civilians were wounded by shelling in Kursk", "c"
            ),
        ]
    )
    assert [g.citations for g in grouped] == [["a"], ["b"], ["c"]]
