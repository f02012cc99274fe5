"""Tests of the evaluation output: the JSON object's keys, micro-averages, per-file rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from corroborate.errors import CorroborateError
from corroborate.evaluation import (
    ClusterResult,
    EvalResult,
    GoldFile,
    evaluate,
    load_gold,
    render_tables,
    result_to_json,
)
from corroborate.models import Article, ArticleAnalysis, Claim, SourceRef, Span

TEXT = "Baza says two people were wounded. Reuters says three tanks were lost. Photo: tanks."

DOCUMENTED_KEYS = {
    "claims": ["gold", "predicted", "precision", "recall", "f1", "source_accuracy",
               "relay_accuracy", "hedge_accuracy", "status_accuracy"],
    "entities": ["precision", "recall", "f1", "canonical_accuracy"],
    "places": ["gold", "accuracy", "accuracy_161km", "country_accuracy"],
    "contradictions": ["gold", "predicted", "precision", "recall", "f1"],
    "dates": ["gold", "accuracy"],
    "events": ["gold", "predicted", "precision", "recall", "f1", "sub_type_accuracy"],
    "quantities": ["gold", "recall"],
    "captions": ["gold", "precision", "recall"],
    "verification_statements": ["gold", "recall"],
    "clusters": ["articles", "precision", "recall", "f1", "ari"],
}  # fmt: skip

FULL_GOLD = {
    "entities": [{"id": "baza", "canonical": "Baza", "mentions": ["Baza"]}],
    "places": [{"id": "x", "country": "RU", "lat": 50.0, "lon": 36.0, "tolerance_km": 5,
                "mentions": ["Reuters"]}],
    "claims": [
        {"id": "C1", "quote": "two people were wounded", "source": "baza", "hedged": False,
         "status": "unconfirmed"},
        {"id": "C2", "quote": "three tanks were lost", "source": "Reuters"},
    ],
    "contradictions": [{"a": "C1", "b": "C2"}],
    "dates": [{"text": "says", "value": "2024-03"}],
    "events": [{"id": "E1", "date": "2024-03-12", "type": "Battles", "sub_type": "Armed clash",
                "place": "x"}],
    "quantities": [{"claim": "C1", "what": "wounded", "value": 2}],
    "captions": ["Photo: tanks."],
    "verification_statements": ["Reuters says"],
}  # fmt: skip


def load(folder: Path, name: str, gold: dict[str, object]) -> GoldFile:
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text(f"date 2024-03-12\n{TEXT}", encoding="utf-8")
    path = folder / name
    path.write_text(json.dumps({"doc": "a.txt", **gold}), encoding="utf-8")
    return load_gold(path)


def finds_c1(article: Article) -> ArticleAnalysis:
    """A system that finds only the first claim, with the right source."""
    start = article.text.index("two people")
    content = Span(start, start + 23, "two people were wounded")
    claim = Claim("p1", article.id, content, content, [SourceRef("Baza")])
    return ArticleAnalysis(article=article, claims=[claim])


def test_evaluation_json_has_exactly_the_documented_keys(tmp_path: Path) -> None:
    result = evaluate([load(tmp_path, "g.json", FULL_GOLD)], finds_c1)
    result.clusters = ClusterResult(articles=4, precision=1.0, recall=0.5, f1=2 / 3, ari=-0.5)
    output = json.loads(json.dumps(result_to_json(result)))
    assert list(output) == ["files", *DOCUMENTED_KEYS]
    assert output["files"] == 1
    for field, keys in DOCUMENTED_KEYS.items():
        assert list(output[field]) == keys, field
        for key, value in output[field].items():
            if key not in ("gold", "predicted", "articles"):
                assert 0.0 <= value <= 1.0, (field, key)
    assert output["clusters"]["ari"] == 0.0  # below chance is floored to stay within 0..1


def test_evaluation_json_leaves_out_fields_no_file_annotates(tmp_path: Path) -> None:
    claims = [{"id": "C1", "quote": "two people were wounded", "source": "baza"}]
    result = evaluate([load(tmp_path, "g.json", {"claims": claims, "captions": []})], finds_c1)
    output = result_to_json(result)
    assert list(output) == ["files", "claims", "captions"]
    # no gold claim gives hedged or status, so those figures are left out too
    assert list(output["claims"]) == DOCUMENTED_KEYS["claims"][:7]  # type: ignore[call-overload]
    assert output["captions"] == {"gold": 0, "precision": 1.0, "recall": 1.0}


def test_evaluation_figures_are_micro_averaged(tmp_path: Path) -> None:
    one = {"claims": FULL_GOLD["claims"][:1]}  # type: ignore[index]
    many = {"claims": FULL_GOLD["claims"], "captions": FULL_GOLD["captions"]}
    golds = [load(tmp_path / "one", "g1.json", one), load(tmp_path / "two", "g2.json", many)]
    result = evaluate(golds, finds_c1)
    claims = result.figures()["claims"]
    assert (claims["gold"], claims["predicted"]) == (3, 2)
    assert claims["recall"] == pytest.approx(2 / 3)  # macro-average would say (1 + 1/2) / 2
    assert result.figures()["captions"]["recall"] == 0.0
    assert [f.figures()["claims"]["recall"] for f in result.files] == [1.0, 0.5]


def render(result: EvalResult, *, per_file: bool) -> str:
    console = Console(record=True, width=240)
    render_tables(result, console, per_file=per_file)
    return console.export_text()


def test_evaluation_tables_show_per_file_rows_only_when_asked(tmp_path: Path) -> None:
    one = {"claims": FULL_GOLD["claims"]}
    golds = [load(tmp_path / "one", "g1.json", one), load(tmp_path / "two", "g2.json", FULL_GOLD)]
    result = evaluate(golds, finds_c1)
    result.clusters = ClusterResult(articles=4, precision=1.0, recall=0.5, f1=2 / 3, ari=0.25)
    per_file = render(result, per_file=True)
    assert "g1.json" in per_file and "g2.json" in per_file
    assert "all 2 files (micro-average)" in per_file
    captions_table = per_file[per_file.index("Captions") :]
    assert "g2.json" in captions_table.split("Verification")[0]
    assert "g1.json" not in captions_table  # g1 does not annotate captions
    summary = render(result, per_file=False)
    assert "g1.json" not in summary and "Claims" in summary and "0.500" in summary
    assert "Event clusters" in summary and "0.250" in summary


def test_evaluation_failed_analysis_scores_as_nothing_found(tmp_path: Path) -> None:
    def broken(article: Article) -> ArticleAnalysis:
        raise CorroborateError("the pipeline broke")

    result = evaluate([load(tmp_path, "g.json", FULL_GOLD)], broken)
    assert not result.files[0].analysed
    assert result.figures()["claims"]["recall"] == 0.0
    assert "not analysed: the pipeline broke" in render(result, per_file=True)
